"""Policy documents a plan refers to: plans, coalition agreements, council letters, budgets.

Recognised by pattern, not by title list: a document noun (pipeline/data/document_nouns.tsv,
also as the end of a compound: 'Stadsbegroting') with a year or period, or with a quoted
title before or after it; a capitalised document noun inside a sentence ('de jaarlijkse
Veiligheidsbrief'); and a study noun followed by the organisation that made it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from spacy.language import Language

from models import ReferencedDocument
from pipeline.errors import ReferenceDataError
from pipeline.extractors.component import locator, organisation_mentions, store, text_scan
from pipeline.extractors.gazetteer import DATA, read_rows
from pipeline.extractors.names import UPPER, name_text, opens_sentence
from pipeline.extractors.scan import WORD_RUN, Scan, lowered
from pipeline.spans import Locator
from pipeline.word_search import matches_from, occurrences, starts_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTENSION = "ivp_referenced_documents"
NOUNS_FILE = DATA / "document_nouns.tsv"
KINDS = frozenset(get_args(ReferencedDocument.model_fields["kind"].annotation))

YEAR = r"(?:19|20)\d{2}"
PERIOD = rf"(?P<period>(?P<year>{YEAR})(?:\s*[-–/]\s*(?:{YEAR}|\d{{2}})(?!\d))?)"
# An opening quote, a title that starts with a capital or digit, the matching close quote;
# the close must not be followed by a letter, so "thema's" never closes a title.
OPENING_QUOTES = "‘'“\"„"
QUOTED = rf"(?P<quote>[{OPENING_QUOTES}]\*?(?P<title>[A-Z0-9][^‘’'“”\"\n]{{1,80}}?)\*?[’'”\"])(?!\w)"
SEPARATOR = r"[ \t*_]*(?:\n[ \t*_]*)?"
LOWER_WORDS = r"(?:\s+[a-zà-ÿ][\w-]*){0,4}?"
BARE_NOUN = re.compile(r"[^\W\d_]+(?!\w)")
# "'Ons Nijmegen' vormt als coalitieakkoord": a few words may link a title to its noun,
# but not a coordination or preposition, which would start a new phrase.
LINKING_WORDS = r"(?:\s+(?!(?:en|of|op|in|met|naar|door|bij|uit)\b)[\w-]+){0,3}?"
# Capitalised words right before a document noun belong to its title: 'Regionaal Uitvoeringsprogramma'
TITLE_LEAD = re.compile(rf"(?:[{UPPER}][\w-]*[ \t]+)+$")
TITLE_AREA = 200  # characters of the first line searched for the plan's own period
# The first year opens the pattern (so the regex engine skips ahead to "19" and "20"); the
# look-behind after it checks that no digit comes before.
RANGE = re.compile(rf"({YEAR}(?<!\d.{{4}}))\s*[-–]\s*({YEAR})(?!\d)")
# What a match of `with_period` or `quoted_after_noun` holds before its year or quote, when
# every noun is ASCII letters and spaces: word characters, white space, hyphens and '÷'
# (which [a-zà-ÿ] takes in), and no digit, '÷' or hyphen before a quote; so a match needs
# its year before the first character outside these, or its quote at that character.
BEFORE_PERIOD_END = re.compile(r"[^\w\s÷-]")
BEFORE_QUOTE_END = re.compile(r"[^\w\s*]|\d")
# How far those characters are looked for; a longer stretch is left to the pattern itself.
STRETCH = 200
# A study and the organisation that made it: 'de trendstudie die ... Platform 31 ... heeft gemaakt'
STUDY_TO_MAKER = 80


@dataclass(frozen=True)
class Candidate:
    """One matched reference before references to the same document are merged."""

    start: int
    end: int
    title: str
    kind: str
    noun: str
    year: int | None
    period: str | None
    strength: int = 2  # a noun with its year or quoted title beats weaker evidence


@dataclass(frozen=True)
class Patterns:
    """The compiled document patterns and the kind of each noun."""

    kinds: dict[str, str]
    with_period: re.Pattern[str]
    quoted_after_noun: re.Pattern[str]
    quoted_before_noun: re.Pattern[str]
    # every noun is ASCII letters and spaces, so the stretch tests before `with_period` and
    # `quoted_after_noun` apply
    plain_nouns: bool = False


def read_nouns(path: Path) -> dict[str, str]:
    """Document noun -> kind from a noun file."""
    nouns = {}
    for number, row in read_rows(path, ("noun", "kind")):
        if row["kind"] not in KINDS:
            raise ReferenceDataError(
                path,
                f"line {number}: unknown document kind {row['kind']!r}",
                f"use one of: {', '.join(sorted(KINDS))}",
            )
        nouns[" ".join(row["noun"].lower().split())] = row["kind"]
    return nouns


@lru_cache(maxsize=4)
def build_patterns(path: Path = NOUNS_FILE) -> Patterns:
    """Patterns over the document nouns of `path`; the first two are tried where a noun starts."""
    kinds = read_nouns(path)
    nouns = "|".join(r"\s+".join(map(re.escape, noun.split())) for noun in sorted(kinds, key=len, reverse=True))
    noun = rf"(?P<noun>[^\W\d_]*?(?:{nouns}))(?!\w)"
    flags = re.IGNORECASE
    return Patterns(
        kinds=kinds,
        with_period=re.compile(rf"{noun}{LOWER_WORDS}\s+{PERIOD}(?:{SEPARATOR}{QUOTED})?", flags),
        quoted_after_noun=re.compile(rf"{noun}{SEPARATOR}{QUOTED}", flags),
        quoted_before_noun=re.compile(rf"{QUOTED}{LINKING_WORDS}\s+{noun}", flags),
        plain_nouns=all(noun.replace(" ", "").isascii() and noun.replace(" ", "").isalpha() for noun in kinds),
    )


@lru_cache(maxsize=8)
def search_words(firsts: frozenset[str]) -> tuple[str, ...]:
    """The first words of the nouns worth a scan of the text, in a fixed order.

    A word that holds another after letters only ('veiligheidsplan' holds 'plan') is dropped:
    every place it stands, the other stands too and leads back to the same word start. Each
    word costs a scan of the whole text.
    """

    def covered(word: str) -> bool:
        return any(
            other != word and (index == 0 or word[:index].isalpha())
            for other in firsts
            for index in range(len(word) - len(other) + 1)
            if word.startswith(other, index)
        )

    return tuple(sorted(word for word in firsts if not covered(word)))


def noun_starts(
    text: str, kinds: dict[str, str], lower: str | None = None, words: frozenset[str] | None = None
) -> Iterator[int]:
    """Offsets where a word ending in a document noun starts, in text order.

    `lower`: `lowered(text)` (the Scan's), if already made;
    `words`: the distinct runs of word characters in `lower`, if known.
    """
    if lower is None:
        lower = lowered(text)
    # A first word of word characters stands inside one word of the text: a search of the
    # distinct words, a third of the text, rules out the many nouns a plan never uses.
    vocabulary = "\n".join(words) if words is not None else None
    starts = set()
    for first in search_words(frozenset(noun.split()[0] for noun in kinds)):
        if vocabulary is not None and first not in vocabulary and WORD_RUN.fullmatch(first):
            continue
        for position in occurrences(first, lower):
            start = position
            while start > 0 and lower[start - 1].isalpha():
                start -= 1  # the noun may end a compound: Stadsbegroting
            if start == 0 or lower[start - 1] != "-":
                starts.add(start)
    return iter(sorted(starts))


def kind_of(noun: str, kinds: dict[str, str]) -> str:
    """The kind of a (possibly compound) document noun: the longest listed noun it ends in."""
    noun = " ".join(noun.lower().split())
    listed_nouns = longest_first(tuple(kinds))
    if not noun.endswith(listed_nouns):  # one C-level test for the many words that end in none
        return "other"
    for listed in listed_nouns:
        if noun.endswith(listed):
            return kinds[listed]
    return "other"


@lru_cache(maxsize=8)
def longest_first(nouns: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns, longest first (ties in listed order): sorted once, not for every candidate."""
    return tuple(sorted(nouns, key=len, reverse=True))


def clean_title(text: str, start: int, end: int) -> str:
    """A title as printed, white space collapsed and periods written 2018-2022."""
    return re.sub(r"(\d{4})\s*([-–])\s*(\d{2,4})", r"\1-\3", name_text(text, start, end))


def title_start(text: str, start: int) -> int:
    """Where a title begins that has its noun at `start`: capitalised words before it join it."""
    lead = TITLE_LEAD.search(text, max(0, start - 80), start)
    if lead is None:
        return start
    for word in re.finditer(r"\S+", lead.group()):
        begin = lead.start() + word.start()
        if not opens_sentence(text, begin):
            return begin
    return start


def candidate(text: str, match: re.Match[str], kinds: dict[str, str], quoted_first: bool = False) -> Candidate:
    """A candidate from a match of one of the patterns."""
    noun = " ".join(match.group("noun").split())
    groups = match.groupdict()
    start = match.start() if quoted_first else title_start(text, match.start())
    title = clean_title(text, start, match.start("quote") if groups.get("quote") else match.end())
    if groups.get("quote"):
        quoted = "‘" + " ".join(groups["title"].split()) + "’"
        title = f"{noun} {quoted}" if quoted_first else f"{title} {quoted}"
    period = re.sub(r"\s+", "", groups["period"]).replace("–", "-") if groups.get("period") else None
    year = int(match.group("year")) if groups.get("year") else None
    kind = kind_of(noun, kinds)
    strength = 1 if quoted_first else 2
    return Candidate(start, match.end(), title, kind, noun.lower(), year, period, strength)


def own_period(text: str) -> str | None:
    """The plan's own period: the latest-ending year range in its title or mentioned more than once."""
    # A range opens with '19' or '20': the regex is tried there only, not at every character.
    ranges = matches_from(RANGE, text, starts_of(("19", "20"), text))
    counts = Counter(f"{match.group(1)}-{match.group(2)}" for match in ranges)
    repeated = [period for period, count in counts.items() if count > 1]
    first_line, newline, rest = text.partition("\n")
    if newline and rest.strip():  # a first line with more text after it is the plan's title
        repeated += [f"{start}-{end}" for start, end in RANGE.findall(first_line[:TITLE_AREA])]
    return max(repeated, key=lambda period: (period[-4:], period)) if repeated else None


def candidates(
    text: str, patterns: Patterns, makers: Sequence[tuple[int, int, str]] = (), scan: Scan | None = None
) -> Iterator[Candidate]:
    """Every reference to a document; `makers` are (start, end, name) organisation mentions."""
    lower, words = (scan.lower, scan.words) if scan is not None else (None, None)
    for start in noun_starts(text, patterns.kinds, lower, words):
        matches = noun_matches(text, start, patterns)
        if any(matches):
            yield from (candidate(text, match, patterns.kinds) for match in matches if match)
            continue
        bare = BARE_NOUN.match(text, start)
        if bare is None:
            continue
        noun = bare.group()
        kind = kind_of(noun, patterns.kinds)
        if kind == "other":
            continue
        if noun[0].isupper() and not opens_sentence(text, start):
            yield Candidate(start, bare.end(), noun, kind, noun.lower(), None, None, 1)
        elif kind == "study":
            yield from study_by(text, bare, makers)
    # The pattern opens with a quote: tried where one stands, not at every character.
    for match in matches_from(patterns.quoted_before_noun, text, starts_of(OPENING_QUOTES, text)):
        yield candidate(text, match, patterns.kinds, quoted_first=True)


def noun_matches(text: str, start: int, patterns: Patterns) -> list[re.Match[str] | None]:
    """The matches of `with_period` and `quoted_after_noun` at `start`.

    Each is tried only where its year or quote can stand (see BEFORE_PERIOD_END): most nouns
    have neither, and the noun alternation makes a failed try cost a few microseconds.
    """
    if not patterns.plain_nouns:
        return [patterns.with_period.match(text, start), patterns.quoted_after_noun.match(text, start)]
    period_end = BEFORE_PERIOD_END.search(text, start, start + STRETCH)
    quote_end = BEFORE_QUOTE_END.search(text, start, start + STRETCH)
    stretch = text[start : period_end.start()] if period_end is not None else None
    may_have_period = stretch is None or "19" in stretch or "20" in stretch
    may_have_quote = quote_end is None or quote_end.group() in OPENING_QUOTES
    return [
        patterns.with_period.match(text, start) if may_have_period else None,
        patterns.quoted_after_noun.match(text, start) if may_have_quote else None,
    ]


def study_by(text: str, match: re.Match[str], makers: Sequence[tuple[int, int, str]]) -> Iterator[Candidate]:
    """A study noun followed, within its sentence, by the organisation that made it."""
    after = match.end()
    for start, end, name in makers:
        if not 0 < start - after <= STUDY_TO_MAKER:  # tested before the slice: most makers are far away
            continue
        between = text[after:start]
        if not re.search(r"[.!?;:\n]", between):
            noun = match.group()
            title = f"{noun} {name}"
            yield Candidate(match.start(), end, title, "study", noun.lower(), None, None, 1)
            return


def merge(found: Sequence[Candidate], period: str | None) -> list[Candidate]:
    """One candidate per document: overlaps go to the strongest, the plan itself is dropped."""
    kept: list[Candidate] = []
    for item in sorted(found, key=lambda c: (c.start, c.start - c.end)):
        if kept and item.start < kept[-1].end:
            if (item.strength, item.end - item.start) > (kept[-1].strength, kept[-1].end - kept[-1].start):
                kept[-1] = item
            continue
        kept.append(item)
    documents: dict[tuple[str, str, int | None], Candidate] = {}
    for item in kept:
        if period is not None and item.period == period:
            continue  # the plan naming itself (a plan, a kadernota ...)
        key = (item.kind, item.noun, item.year)
        if key not in documents or len(item.title) > len(documents[key].title):
            documents[key] = item
    return sorted(documents.values(), key=lambda c: c.start)


def find_documents(
    text: str,
    spans: Locator | None = None,
    makers: Sequence[tuple[int, int, str]] = (),
    patterns: Patterns | None = None,
    scan: Scan | None = None,
) -> tuple[ReferencedDocument, ...]:
    """The documents a plan text refers to, once each, in order of first reference.

    `scan` is the text's `Scan` when another component has made it already.
    """
    patterns = patterns or build_patterns()
    spans = spans or Locator(text)
    return tuple(
        ReferencedDocument(title=item.title, kind=item.kind, year=item.year, span=spans.span(item.start, item.end))
        for item in merge(list(candidates(text, patterns, makers, scan)), own_period(text))
    )


class DocumentRecognizer:
    """spaCy component: sets `doc._.ivp_referenced_documents`; runs after ivp_organisations."""

    def __init__(self, nouns: str | None = None) -> None:
        self.patterns = build_patterns(Path(nouns) if nouns else NOUNS_FILE)

    def __call__(self, doc: Doc) -> Doc:
        makers = organisation_mentions(doc)
        spans = locator(doc)
        return store(doc, EXTENSION, find_documents(spans.text, spans, makers, self.patterns, text_scan(doc)))


@Language.factory("ivp_referenced_documents", default_config={"nouns": None})
def make_document_recognizer(nlp: Language, name: str, nouns: str | None) -> DocumentRecognizer:
    """Referenced documents; `nouns` replaces the shipped document_nouns.tsv."""
    return DocumentRecognizer(nouns)
