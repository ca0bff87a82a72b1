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
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import chain, compress, count
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple, TypeVar

import snowballstemmer
from pydantic import Field

from models import KbvLabel, PlanRecord, Theme
from models.base import Record
from pipeline.extractors.kbv_lexicon import (
    DEFAULT_TAXONOMY,
    LEXICON_PATH,
    TAXONOMIES,
    KbvEntry,
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


_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


class _Memo(dict[_Key, _Value]):
    """A function's results by argument, up to `_CACHE_WORDS` of them.

    Plans share most of their words, so most look-ups are a subscript: cheaper than `lru_cache`
    where it is done once per word of a plan.
    """

    def __init__(self, function: Callable[[_Key], _Value]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, key: _Key) -> _Value:
        if len(self) >= _CACHE_WORDS:
            self.clear()
        value = self[key] = self._function(key)
        return value


def _token_words(token: str) -> tuple[_Word, ...]:
    """The words of one token without white space ("(wijk)teams," has two)."""
    return tuple(map(_word, _WORD.findall(token)))


_TOKEN_WORDS = _Memo(_token_words)


def words(text: str, use_lemmas: bool = True) -> tuple[_Word, ...]:
    """The words of a text, lower-cased, each with its stem (of its lemma when available)."""
    text = text.replace("&", " en ")
    nlp = _lemmatiser() if use_lemmas else None
    if nlp is None:
        # White space is never part of a word, so the words of the text are those of its tokens;
        # cached per token, most tokens cost one lookup instead of a regex scan.
        return tuple(chain.from_iterable(map(_TOKEN_WORDS.__getitem__, text.split())))
    tokens = [(t.text.lower(), t.lemma_.lower()) for t in nlp(text) if _WORD.fullmatch(t.text)]  # type: ignore[operator]
    return tuple(_Word(raw=raw, stem=_stem(base)) for raw, base in tokens)


class _KeywordIndex:
    """The keyword words of one edition, indexed by what a word of a text may share with them."""

    def __init__(self, keywords: Iterable[_Word]) -> None:
        self._exact: dict[str, set[_Word]] = {}
        self._stems: dict[str, set[_Word]] = {}
        self._starts: dict[str, set[_Word]] = {}
        self._raw_ends: dict[str, set[_Word]] = {}
        self._stem_ends: dict[str, set[_Word]] = {}
        for keyword in keywords:
            if len(keyword.raw) < _MIN_PREFIX:
                self._exact.setdefault(keyword.raw, set()).add(keyword)
                continue
            self._stems.setdefault(keyword.stem, set()).add(keyword)
            self._starts.setdefault(keyword.raw, set()).add(keyword)
            if len(keyword.raw) >= _MIN_TAIL:
                self._raw_ends.setdefault(keyword.raw, set()).add(keyword)
                self._stem_ends.setdefault(keyword.stem, set()).add(keyword)
        self._start_sizes = _sizes(self._starts)
        self._raw_end_sizes = _sizes(self._raw_ends)
        self._stem_end_sizes = _sizes(self._stem_ends)

    def matching(self, word: _Word) -> set[_Word]:
        """The keyword words that match `word`."""
        raw, stem = word.raw, word.stem
        found = set(self._exact.get(raw, ()))
        # Same stem: inflection ("ondermijnende" ~ "ondermijning").
        found.update(self._stems.get(stem, ()))
        # Same start: compounds ("wijkteams" is a "wijk" word). Only the lengths keywords have are
        # tried: each new word of a plan is looked up here once, so this is most of a first run.
        for size in self._start_sizes:
            if size > len(raw):
                break
            found.update(self._starts.get(raw[:size], ()))
        # Dutch compounds put the head last: "uitgaansgeweld" is a kind of "geweld".
        for size in self._raw_end_sizes:
            if size > len(raw):
                break
            found.update(self._raw_ends.get(raw[-size:], ()))
        for size in self._stem_end_sizes:
            if size > len(stem):
                break
            found.update(self._stem_ends.get(stem[-size:], ()))
        return found


def _sizes(keys: dict[str, set[_Word]]) -> list[int]:
    """The lengths of an index's keys, shortest first."""
    return sorted({len(key) for key in keys})


_Phrase = tuple[_Word, ...]


class _Match(NamedTuple):
    """What one word of a text matches in an edition's keywords."""

    raw: str
    keywords: frozenset[_Word]
    # The entries (by position) with a one-word keyword the word matches.
    entries: tuple[int, ...]
    # The (entry, keyword phrase of several words) pairs whose first word the word matches.
    phrases: tuple[tuple[int, _Phrase], ...]


class _Edition:
    """One edition's entries and their keywords as phrases of words, ready for matching."""

    def __init__(self, entries: tuple[KbvEntry, ...], phrases: Iterable[tuple[int, _Phrase]]) -> None:
        self.entries = entries
        self._one_word: dict[_Word, set[int]] = {}
        self._longer: dict[_Word, set[tuple[int, _Phrase]]] = {}
        for entry, phrase in phrases:
            if len(phrase) == 1:
                self._one_word.setdefault(phrase[0], set()).add(entry)
            else:
                self._longer.setdefault(phrase[0], set()).add((entry, phrase))
        keywords = {word for pairs in self._longer.values() for _, phrase in pairs for word in phrase}
        self._index = _KeywordIndex(keywords | self._one_word.keys())
        # `match[word]`: what a word of a text matches, None for most words.
        self.match: _Memo[_Word, _Match | None] = _Memo(self._match)
        # `token_matches[token]`: the same for each word of a token; one look-up per token of a
        # text instead of one for its words and one per word.
        self.token_matches: _Memo[str, tuple[_Match | None, ...]] = _Memo(self._token_matches)

    def _match(self, word: _Word) -> _Match | None:
        keywords = self._index.matching(word)
        if not keywords:
            return None
        entries = {entry for keyword in keywords for entry in self._one_word.get(keyword, ())}
        phrases = {pair for keyword in keywords for pair in self._longer.get(keyword, ())}
        return _Match(word.raw, frozenset(keywords), tuple(sorted(entries)), tuple(sorted(phrases)))

    def _token_matches(self, token: str) -> tuple[_Match | None, ...]:
        return tuple(map(self.match.__getitem__, _TOKEN_WORDS[token]))


@lru_cache(maxsize=8)
def _edition(taxonomy: str, path: Path = LEXICON_PATH) -> _Edition:
    """The entries of an edition with their keywords as words."""
    entries = load_lexicon(path).edition(taxonomy)
    phrases = [
        (position, words(keyword, use_lemmas=False))
        for position, entry in enumerate(entries)
        for keyword in entry.keywords
    ]
    return _Edition(entries, phrases)


def _word_matches(text: str, edition: _Edition) -> list[_Match | None]:
    """What each word of a text (as `words` splits it) matches, in text order; None for most words."""
    if _lemmatiser() is None:
        # The words of the text are those of its white-space tokens (see `words`): one look-up per token.
        tokens = text.replace("&", " en ").split()
        return list(chain.from_iterable(map(edition.token_matches.__getitem__, tokens)))
    return list(map(edition.match.__getitem__, words(text)))


_ENTRIES = attrgetter("entries")
_PHRASES = attrgetter("phrases")


def _hits(matched: list[_Match | None]) -> dict[int, list[str]]:
    """Per entry (by position), the words of a text matching one of its keywords, in text order.

    `matched` is what each word of the text matches. Each place counts once, and a hit inside a
    longer hit of the same entry is dropped.
    """
    # Only the words matching some keyword can be part of a hit; most words of a text match none,
    # so `compress` and `filter` pass them over without a Python step each.
    found = list(filter(None, matched))
    matches = dict(zip(compress(count(), matched), found, strict=True))
    one_word: dict[int, list[int]] = {}
    longer: dict[int, set[tuple[int, int]]] = {}
    # Most matching words only go on a phrase another word begins: the loops below visit just the
    # words that are a one-word keyword, then those that begin a phrase (`compress` skips the rest).
    for start, match in compress(matches.items(), map(_ENTRIES, found)):
        for entry in match.entries:
            one_word.setdefault(entry, []).append(start)
    for start, match in compress(matches.items(), map(_PHRASES, found)):
        # Longer phrases go on with a matching word; the next word rarely matches any keyword.
        if start + 1 not in matches:
            continue
        following = matches[start + 1].keywords
        for entry, phrase in match.phrases:
            # The second word decides most phrases; only longer ones are followed further.
            if phrase[1] in following and (len(phrase) == 2 or _continues(phrase, start, matches)):
                longer.setdefault(entry, set()).add((start, start + len(phrase)))
    hits = {entry: [matches[start].raw for start in starts] for entry, starts in one_word.items()}
    for entry, places in longer.items():
        places.update((start, start + 1) for start in one_word.get(entry, ()))
        hits[entry] = [" ".join(matches[at].raw for at in range(start, end)) for start, end in _outermost(places)]
    return hits


def _continues(phrase: _Phrase, start: int, matches: dict[int, _Match]) -> bool:
    """Whether the words after `start` match the rest of a phrase whose first word matched there."""
    for offset in range(1, len(phrase)):
        match = matches.get(start + offset)
        if match is None or phrase[offset] not in match.keywords:
            return False
    return True


def _outermost(places: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) word ranges in text order, without those inside another range."""
    ordered = sorted(places)
    # Sorted by start, then end: a place is inside another when a later place starts where it
    # does, or an earlier-starting place reaches as far.
    kept: list[tuple[int, int]] = []
    reach = -1
    for index, (start, end) in enumerate(ordered):
        if index + 1 < len(ordered) and ordered[index + 1][0] == start:
            continue
        if end > reach:
            kept.append((start, end))
            reach = end
    return kept


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
    edition = _edition(taxonomy)
    title = _hits(_word_matches(theme.title, edition))
    body = _hits(_word_matches(theme_text(theme), edition))
    scored: dict[str, tuple[float, tuple[str, ...]]] = {}
    tags: list[tuple[KbvEntry, float, tuple[str, ...]]] = []
    # An entry without hits scores what no hits score; when that is too low (as it is unless the
    # settings say otherwise), only the entries with hits can be labels.
    positions: Iterable[int] = range(len(edition.entries))
    if min(1.0, settings.title_weight * 0 + settings.text_weight * 0) < settings.min_score:
        positions = sorted(title.keys() | body.keys())
    for position in positions:
        entry = edition.entries[position]
        title_hits = list(dict.fromkeys(title.get(position, ())))
        body_hits = body.get(position, [])
        raw_score = settings.title_weight * len(title_hits) + settings.text_weight * len(body_hits)
        score = min(1.0, raw_score)
        if score < settings.min_score:
            continue
        evidence = tuple(dict.fromkeys([*title_hits, *_by_frequency(body_hits)]))
        scored[entry.code] = (round(score, 2), evidence)
        if entry.kind == "tag":
            tags.append((entry, round(score, 2), evidence))
    # A tag implies its default anchor (kbv.md) unless the theme already has a label in that field.
    tag_codes = {tag.code for tag, _, _ in tags}
    own_fields = {f for code in scored if code not in tag_codes for f in _fields_of(code)}
    for tag, score, evidence in tags:
        for anchor in tag.anchors:
            if anchor not in scored and not set(_fields_of(anchor)) & own_fields:
                scored[anchor] = (score, evidence)
    labels = [
        KbvLabel(
            code=code,
            label=_label_of(code),
            score=score,
            evidence=evidence,
            taxonomy=taxonomy,
        )
        for code, (score, evidence) in scored.items()
    ]
    order = _lexicon_order()
    return tuple(sorted(labels, key=lambda label: (-label.score, order[label.code])))


def _by_frequency(hits: list[str]) -> list[str]:
    """The distinct hits, most frequent first, ties in order of first place."""
    # A Counter lists its keys in order of first place and `most_common` sorts stably.
    return [hit for hit, _ in Counter(hits).most_common()]


# The lexicon's look-ups by code scan its entries; themes ask the same few codes again and again.
@lru_cache(maxsize=256)
def _label_of(code: str) -> str:
    entry = load_lexicon().entry(code)
    return entry.label if entry is not None else code


@lru_cache(maxsize=256)
def _fields_of(code: str) -> tuple[str, ...]:
    return load_lexicon().fields_of(code)


@lru_cache(maxsize=1)
def _lexicon_order() -> dict[str, int]:
    """Each code's place in the lexicon file: labels of equal score are listed in that order."""
    return {entry.code: index for index, entry in enumerate(load_lexicon().entries)}


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
        # Without overrides there is nothing to look up: the keys need a regex pass per title.
        labels = override_labels(theme.title, municipality, overrides, taxonomy, lexicon) if overrides else None
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
