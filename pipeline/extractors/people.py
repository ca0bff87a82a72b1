"""People named in a plan: a role noun followed by a name ('socioloog Iliass El Hadioui')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language

from models import Person
from pipeline.extractors.component import locator, organisation_mentions, store, text_scan
from pipeline.extractors.gazetteer import DATA, read_rows
from pipeline.extractors.names import UPPER
from pipeline.extractors.scan import WORD_RUN, Scan, lowered
from pipeline.spans import Locator
from pipeline.word_search import occurrences

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTENSION = "ivp_people"
ROLES_FILE = DATA / "person_roles.tsv"
# Name particles written in lower case inside Dutch, Arabic, German and French names.
PARTICLES = (
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "'t",
    "von",
    "da",
    "di",
    "du",
    "le",
    "la",
    "el",
    "al",
)
# first word of each role, per compiled pattern, for the str.find prefilter
ROLE_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {}
NAME_WORD = rf"[{UPPER}](?:\.|[\w'’-]*\w)"  # an initial ('J.') or a word


@lru_cache(maxsize=4)
def build_pattern(path: Path = ROLES_FILE) -> re.Pattern[str]:
    """Role noun (any case), then a name of two or more capitalised words and particles."""
    roles = sorted((row["role"] for _, row in read_rows(path, ("role",))), key=len, reverse=True)
    role = "|".join(r"\s+".join(map(re.escape, r.split())) for r in roles)
    particle = "|".join(map(re.escape, PARTICLES))
    name = rf"{NAME_WORD}(?:[ \t]+(?:(?:{particle})[ \t]+)*{NAME_WORD})+"
    compiled = re.compile(rf"(?P<role>(?i:{role}))[ \t]+(?P<name>{name})(?![\w-])")
    ROLE_WORDS[compiled] = tuple(sorted({r.split()[0].lower() for r in roles}))
    return compiled


def role_matches(text: str, pattern: re.Pattern[str], scan: Scan | None = None) -> list[re.Match[str]]:
    """Matches of `pattern`, tried only where a role word starts (str.find beats a regex scan).

    `scan`: the text's Scan, when a shared one has been made; it also rules out role words
    the text lacks.
    """
    lower = scan.lower if scan is not None else lowered(text)
    starts = {
        position
        for role in searched_roles(ROLE_WORDS.get(pattern, ()), scan)
        for position in occurrences(role, lower)
        if position == 0 or not (lower[position - 1].isalnum() or lower[position - 1] == "-")
    }
    return [match for start in sorted(starts) if (match := pattern.match(text, start))]


def searched_roles(roles: tuple[str, ...], scan: Scan | None) -> tuple[str, ...]:
    """The role first words worth a search of the whole text: each search costs a pass over it.

    A match opens with its role's first word, whose leading run of word characters ends at
    white space or at the rest of the word ('prof.'); where a match may start, no letter,
    digit or hyphen comes before. In a plain text without ODD_CASE_LETTERS or underscores,
    such a run of ASCII characters is a word of `scan.words`, so a role word whose run is
    not there cannot start a match.
    """
    if scan is None or not scan.plain or scan.odd_case or "_" in scan.lower:
        return roles
    return tuple(
        role
        for role in roles
        if (run := WORD_RUN.match(role)) is None or not run.group().isascii() or run.group() in scan.words
    )


def find_people(
    text: str,
    spans: Locator | None = None,
    exclude: Sequence[tuple[int, int]] = (),
    pattern: re.Pattern[str] | None = None,
    scan: Scan | None = None,
) -> tuple[Person, ...]:
    """Each person once, at the first mention, with the role stated there; `exclude`: skip spans.

    `scan`, of the same text, only makes the search faster.
    """
    pattern = pattern or build_pattern()
    spans = spans or Locator(text)
    people: dict[str, Person] = {}
    for match in role_matches(text, pattern, scan):
        start, end = match.span("name")
        if any(start < other_end and end > other_start for other_start, other_end in exclude):
            continue  # an organisation ('voorzitter Veiligheidsregio Utrecht')
        name = " ".join(match.group("name").split())
        if name not in people:
            role = " ".join(match.group("role").lower().split())
            people[name] = Person(name=name, role=role, span=spans.span(match.start(), end))
    return tuple(people.values())


class PersonRecognizer:
    """spaCy component: sets `doc._.ivp_people`; runs after ivp_organisations, skips their names."""

    def __init__(self, roles: str | None = None) -> None:
        self.pattern = build_pattern(Path(roles) if roles else ROLES_FILE)

    def __call__(self, doc: Doc) -> Doc:
        exclude = [(start, end) for start, end, _ in organisation_mentions(doc)]
        spans = locator(doc)
        return store(doc, EXTENSION, find_people(spans.text, spans, exclude, self.pattern, text_scan(doc)))


@Language.factory("ivp_people", default_config={"roles": None})
def make_person_recognizer(nlp: Language, name: str, roles: str | None) -> PersonRecognizer:
    """People; `roles` replaces the shipped person_roles.tsv."""
    return PersonRecognizer(roles)
