"""KBV vocabulary: map each theme onto the VNG Kernbeleid Veiligheid taxonomy.

The keyword lexicon ships as `pipeline/data/kbv.json`. A theme's title counts
more than its opgave/ambitie text; every label keeps its score and the words
that decided it. Words are compared by lemma when the spaCy model is installed
and otherwise by Snowball stem, by prefix, and for long keywords also as the
tail of a Dutch compound ("straatintimidatie" hits "intimidatie").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import snowballstemmer
from pydantic import Field

from models import KbvLabel, PlanRecord, Theme
from models.base import Record
from pipeline.extractors.kbv_lexicon import (
    DEFAULT_TAXONOMY,
    LEXICON_PATH,
    TAXONOMIES,
    KbvEntry,
    Lexicon,
    load_lexicon,
)
from pipeline.extractors.kbv_overrides import Overrides, override_labels

# Letters only: digits and punctuation never decide a label.
_WORD = re.compile(r"[^\W\d_]+")
# Keywords shorter than this must match a word exactly ("kvo", "boa").
_MIN_PREFIX = 4
# Keywords at least this long also match as the tail of a compound.
_MIN_TAIL = 6
# Words whose keyword matches are remembered; plans share most of their vocabulary.
_CACHE_WORDS = 200_000


class KbvSettings(Record):
    """How keyword hits become a score."""

    title_weight: float = Field(default=0.6, description="Score per keyword found in the title.")
    text_weight: float = Field(default=0.1, description="Score per keyword hit in opgave/ambitie.")
    min_score: float = Field(default=0.3, description="Labels scoring lower are dropped.")


DEFAULT_SETTINGS = KbvSettings()


class _Word(NamedTuple):
    """A word as printed (lower case) and its stem (of its lemma when the model is installed)."""

    raw: str
    stem: str


@lru_cache(maxsize=1)
def _stemmer() -> object:
    # The Porter-style Dutch stemmer: the newer Kraaij-Pohlmann one cuts "geweld" to "wel".
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=1)
def _lemmatiser() -> object | None:
    # Imported here: spaCy is slow to import and only needed when the model is installed.
    from pipeline.nlp import STATISTICAL_MODEL, model_available

    if not model_available():
        return None
    import spacy

    return spacy.load(STATISTICAL_MODEL, exclude=["parser", "ner"])


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))  # type: ignore[attr-defined]


@lru_cache(maxsize=_CACHE_WORDS)
def _word(printed: str) -> _Word:
    """A word as printed, lower-cased and stemmed; plans share most words, so it is cached."""
    lower = printed.lower()
    return _Word(raw=lower, stem=_stem(lower))


def words(text: str, use_lemmas: bool = True) -> tuple[_Word, ...]:
    """The words of a text, lower-cased, each with its stem (of its lemma when available)."""
    text = text.replace("&", " en ")
    nlp = _lemmatiser() if use_lemmas else None
    if nlp is None:
        return tuple(map(_word, _WORD.findall(text)))
    tokens = [(t.text.lower(), t.lemma_.lower()) for t in nlp(text) if _WORD.fullmatch(t.text)]  # type: ignore[operator]
    return tuple(_Word(raw=raw, stem=_stem(base)) for raw, base in tokens)


_Keywords = tuple[KbvEntry, tuple[tuple[_Word, ...], ...]]


class _KeywordIndex:
    """The keyword words of one edition, indexed by what a word of a text may share with them."""

    def __init__(self, keywords: Iterable[_Word]) -> None:
        self._exact: dict[str, set[_Word]] = {}
        self._stems: dict[str, set[_Word]] = {}
        self._starts: dict[str, set[_Word]] = {}
        self._raw_ends: dict[str, set[_Word]] = {}
        self._stem_ends: dict[str, set[_Word]] = {}
        self._cache: dict[_Word, frozenset[_Word]] = {}
        for keyword in keywords:
            if len(keyword.raw) < _MIN_PREFIX:
                self._exact.setdefault(keyword.raw, set()).add(keyword)
                continue
            self._stems.setdefault(keyword.stem, set()).add(keyword)
            self._starts.setdefault(keyword.raw, set()).add(keyword)
            if len(keyword.raw) >= _MIN_TAIL:
                self._raw_ends.setdefault(keyword.raw, set()).add(keyword)
                self._stem_ends.setdefault(keyword.stem, set()).add(keyword)

    def matching(self, word: _Word) -> frozenset[_Word]:
        """The keyword words that match `word`."""
        found = self._cache.get(word)
        if found is None:
            if len(self._cache) >= _CACHE_WORDS:
                self._cache.clear()
            found = self._cache[word] = frozenset(self._find(word))
        return found

    def _find(self, word: _Word) -> set[_Word]:
        found = set(self._exact.get(word.raw, ()))
        # Same stem: inflection ("ondermijnende" ~ "ondermijning").
        found.update(self._stems.get(word.stem, ()))
        # Same start: compounds ("wijkteams" is a "wijk" word).
        for end in range(_MIN_PREFIX, len(word.raw) + 1):
            found.update(self._starts.get(word.raw[:end], ()))
        # Dutch compounds put the head last: "uitgaansgeweld" is a kind of "geweld".
        for start in range(len(word.raw)):
            found.update(self._raw_ends.get(word.raw[start:], ()))
        for start in range(len(word.stem)):
            found.update(self._stem_ends.get(word.stem[start:], ()))
        return found


class _Vocabulary:
    """One text's words, with the text words each keyword word matches."""

    def __init__(self, text: tuple[_Word, ...], index: _KeywordIndex) -> None:
        self.text = text
        self._matches: dict[_Word, set[_Word]] = {}
        for word in dict.fromkeys(text):
            for keyword in index.matching(word):
                self._matches.setdefault(keyword, set()).add(word)
        # Where the words that match a keyword stand, built on the first phrase that matches:
        # most texts match few.
        self._positions: dict[_Word, list[int]] | None = None
        self._places: dict[tuple[_Word, ...], list[tuple[int, int]]] = {}

    def matches(self, keyword: _Word) -> set[_Word]:
        """The words of the text that `keyword` matches."""
        return self._matches.get(keyword, set())

    def live(self, phrases: Iterable[tuple[_Word, ...]]) -> list[tuple[_Word, ...]]:
        """The phrases whose first word matches a word of the text: no other phrase can occur."""
        matches = self._matches
        return [phrase for phrase in phrases if phrase[0] in matches]

    def places(self, phrase: tuple[_Word, ...]) -> list[tuple[int, int]]:
        """Every (start, end) word range of the text where `phrase` occurs, in no particular order."""
        found = self._places.get(phrase)
        if found is None:
            found = self._places[phrase] = self._find_places(phrase)
        return found

    def _find_places(self, phrase: tuple[_Word, ...]) -> list[tuple[int, int]]:
        sets = [self.matches(keyword) for keyword in phrase]
        if not all(sets):
            return []
        if self._positions is None:
            self._positions = {}
            matched = set().union(*self._matches.values())
            for position, word in enumerate(self.text):
                if word in matched:
                    self._positions.setdefault(word, []).append(position)
        text, size = self.text, len(phrase)
        starts = [start for word in sets[0] for start in self._positions[word]]
        if size == 1:
            return [(start, start + 1) for start in starts]
        return [
            (start, start + size)
            for start in starts
            if start + size <= len(text) and all(text[start + i] in sets[i] for i in range(1, size))
        ]


def _hits(phrases: tuple[tuple[_Word, ...], ...], vocabulary: _Vocabulary) -> list[str]:
    """The words matching any phrase, each place once; a hit inside a longer hit is dropped."""
    live = vocabulary.live(phrases)
    if not live:
        return []
    places = sorted({place for phrase in live for place in vocabulary.places(phrase)})
    # Sorted by start, then end: a place is inside another when a later place starts where it
    # does, or an earlier-starting place reaches as far.
    kept: list[tuple[int, int]] = []
    reach = -1
    for index, (start, end) in enumerate(places):
        if index + 1 < len(places) and places[index + 1][0] == start:
            continue
        if end > reach:
            kept.append((start, end))
        reach = max(reach, end)
    return [" ".join(word.raw for word in vocabulary.text[start:end]) for start, end in kept]


@lru_cache(maxsize=8)
def _keywords(taxonomy: str, path: Path = LEXICON_PATH) -> tuple[tuple[_Keywords, ...], _KeywordIndex]:
    """Each entry of an edition with its keywords as words, and an index over those words."""
    lexicon = load_lexicon(path)
    entries = tuple(
        (entry, tuple(words(keyword, use_lemmas=False) for keyword in entry.keywords))
        for entry in lexicon.edition(taxonomy)
    )
    index = _KeywordIndex(word for _, phrases in entries for phrase in phrases for word in phrase)
    return entries, index


def theme_text(theme: Theme) -> str:
    """The opgave and ambitie text the lexicon is matched against, besides the title."""
    return "\n".join(part.text for part in (theme.opgave, theme.ambitie) if part is not None)


def label_theme(
    theme: Theme, taxonomy: str = DEFAULT_TAXONOMY, settings: KbvSettings = DEFAULT_SETTINGS
) -> tuple[KbvLabel, ...]:
    """The KBV labels of one theme, best first, from its title and opgave/ambitie."""
    if taxonomy not in TAXONOMIES:
        choices = ", ".join(TAXONOMIES)
        raise ValueError(f"unknown KBV taxonomy {taxonomy!r}; choose one of {choices}")
    entries, index = _keywords(taxonomy)
    title = _Vocabulary(words(theme.title), index)
    body = _Vocabulary(words(theme_text(theme)), index)
    scored: dict[str, tuple[float, tuple[str, ...]]] = {}
    tags: list[tuple[KbvEntry, float, tuple[str, ...]]] = []
    for entry, phrases in entries:
        title_hits = list(dict.fromkeys(_hits(phrases, title)))
        body_hits = _hits(phrases, body)
        raw_score = settings.title_weight * len(title_hits) + settings.text_weight * len(body_hits)
        score = min(1.0, raw_score)
        if score < settings.min_score:
            continue
        evidence = tuple(dict.fromkeys([*title_hits, *_by_frequency(body_hits)]))
        scored[entry.code] = (round(score, 2), evidence)
        if entry.kind == "tag":
            tags.append((entry, round(score, 2), evidence))
    # A tag implies its default anchor (kbv.md) unless the theme already has a label in that field.
    lexicon = load_lexicon()
    tag_codes = {tag.code for tag, _, _ in tags}
    own_fields = {f for code in scored if code not in tag_codes for f in lexicon.fields_of(code)}
    for tag, score, evidence in tags:
        for anchor in tag.anchors:
            if anchor not in scored and not set(lexicon.fields_of(anchor)) & own_fields:
                scored[anchor] = (score, evidence)
    labels = [
        KbvLabel(
            code=code,
            label=_label_of(lexicon, code),
            score=score,
            evidence=evidence,
            taxonomy=taxonomy,
        )
        for code, (score, evidence) in scored.items()
    ]
    order = {entry.code: index for index, entry in enumerate(lexicon.entries)}
    return tuple(sorted(labels, key=lambda label: (-label.score, order[label.code])))


def _by_frequency(hits: list[str]) -> list[str]:
    counts = Counter(hits)
    return sorted(counts, key=lambda hit: (-counts[hit], hits.index(hit)))


def _label_of(lexicon: Lexicon, code: str) -> str:
    entry = lexicon.entry(code)
    return entry.label if entry is not None else code


def assign_kbv(
    themes: Sequence[Theme],
    municipality: str | None = None,
    taxonomy: str = DEFAULT_TAXONOMY,
    overrides: Overrides | None = None,
    settings: KbvSettings = DEFAULT_SETTINGS,
) -> tuple[Theme, ...]:
    """New themes with `kbv` set: a user's override where one applies, else the lexicon's labels."""
    lexicon = load_lexicon()
    result: list[Theme] = []
    for theme in themes:
        labels = override_labels(theme.title, municipality, overrides or {}, taxonomy, lexicon)
        if labels is None:
            labels = label_theme(theme, taxonomy, settings)
        result.append(theme.model_copy(update={"kbv": labels}))
    return tuple(result)


def relabel_record(
    record: PlanRecord, taxonomy: str = DEFAULT_TAXONOMY, overrides: Overrides | None = None
) -> PlanRecord:
    """The record with its themes' KBV labels made afresh, e.g. under a user's overrides."""
    themes = assign_kbv(record.themes, record.plan.municipality, taxonomy, overrides)
    return record.model_copy(update={"themes": themes})
