"""Reference lists of names (organisations, partner types) and a fast matcher over them.

The files are tab-separated with a header line; `#` lines are comments. Users
extend the shipped organisation list with files of the same shape.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import ReferenceDataError
from pipeline.extractors.scan import WORD_RUN, Scan

DATA = Path(__file__).resolve().parent.parent / "data"
ORGANISATIONS_FILE = DATA / "organisations.tsv"
PARTNER_TYPES_FILE = DATA / "partner_types.tsv"
WORDS_FILE = DATA / "organisation_words.json"

KINDS = frozenset(
    {
        "police", "justice", "safety region", "environmental service", "care", "youth",
        "housing", "education", "municipal body", "network", "knowledge institute",
        "government", "other",
    }
)  # fmt: skip
ORGANISATION_COLUMNS = ("name", "acronym", "kind", "aliases", "source")
PARTNER_TYPE_COLUMNS = ("name", "aliases")
EXACT = "="  # an alias written "=Halt" must match case exactly


@dataclass(frozen=True)
class Entry:
    """One organisation of the gazetteer."""

    name: str
    acronym: str | None
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """A place in the text where an alias of entry `key` matched."""

    start: int
    end: int
    key: str


def read_rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated reference file as (line number, column -> value)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ReferenceDataError(path, f"cannot read the file ({error})", "pass a UTF-8 text file") from error
    numbered = [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        raise ReferenceDataError(path, "the file has no header line", f"start it with: {' TAB '.join(columns)}")
    header_number, header = numbered[0]
    found = tuple(cell.strip() for cell in header.split("\t"))
    if found[: len(columns)] != tuple(columns):
        raise ReferenceDataError(
            path,
            f"line {header_number}: header is {' | '.join(found)!r}",
            f"use the tab-separated columns {', '.join(columns)}",
        )
    rows = csv.reader((line for _, line in numbered[1:]), delimiter="\t", quoting=csv.QUOTE_NONE)
    for (number, _), cells in zip(numbered[1:], rows, strict=True):
        if len(cells) > len(columns) or not cells[0].strip():
            raise ReferenceDataError(
                path,
                f"line {number}: expected {len(columns)} tab-separated columns with a name first, found {len(cells)}",
                "separate columns with one tab and leave empty columns empty",
            )
        padded = cells + [""] * (len(columns) - len(cells))
        yield number, {column: cell.strip() for column, cell in zip(columns, padded, strict=True)}


def split_aliases(value: str) -> tuple[str, ...]:
    """The `|`-separated aliases of a cell, blanks dropped."""
    return tuple(alias.strip() for alias in value.split("|") if alias.strip())


def read_organisations(path: Path) -> tuple[Entry, ...]:
    """The organisations listed in one gazetteer file."""
    entries = []
    for number, row in read_rows(path, ORGANISATION_COLUMNS):
        kind = row["kind"] or "other"
        if kind not in KINDS:
            raise ReferenceDataError(
                path,
                f"line {number}: unknown kind {kind!r}",
                f"use one of: {', '.join(sorted(KINDS))}",
            )
        entries.append(Entry(row["name"], row["acronym"] or None, kind, split_aliases(row["aliases"])))
    return tuple(entries)


def merge_entries(*groups: Iterable[Entry]) -> tuple[Entry, ...]:
    """Entries of several files; a later file replaces an earlier entry of the same name."""
    by_name: dict[str, Entry] = {}
    for group in groups:
        for entry in group:
            by_name[entry.name.casefold()] = entry
    return tuple(by_name.values())


@lru_cache(maxsize=8)
def load_organisations(extra: tuple[str, ...] = ()) -> tuple[Entry, ...]:
    """The shipped gazetteer extended by the user's files, read once per process."""
    return merge_entries(read_organisations(ORGANISATIONS_FILE), *(read_organisations(Path(p)) for p in extra))


@lru_cache(maxsize=1)
def load_partner_types() -> tuple[Entry, ...]:
    """The generic partner types ('woningcorporaties')."""
    return tuple(
        Entry(row["name"], None, "other", split_aliases(row["aliases"]))
        for _, row in read_rows(PARTNER_TYPES_FILE, PARTNER_TYPE_COLUMNS)
    )


@lru_cache(maxsize=1)
def load_words() -> dict[str, Any]:
    """Word lists for recognising names outside the gazetteer."""
    words: dict[str, Any] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return words


def alias_pattern(alias: str, exact: bool) -> re.Pattern[str]:
    """A pattern for `alias` that allows any white space (a line break too) between its words."""
    parts = []
    for word in alias.split():
        pieces = [re.escape(piece) for piece in re.split(r"(?<=\w)-(?=\w)", word)]
        parts.append(r"(?:-\s*|\s+)".join(pieces))
    flags = 0 if exact else re.IGNORECASE
    return re.compile(r"\s+".join(parts) + r"(?!\w)", flags)


@dataclass(frozen=True)
class Alias:
    """One alias of the matcher: its pattern, the key it stands for and its words of ASCII letters, lowered."""

    pattern: re.Pattern[str]
    key: str
    words: frozenset[str]


class Matcher:
    """Finds every alias of a list of names, indexed by first word so a plan is scanned once."""

    def __init__(self, names: Iterable[tuple[str, str, bool]]) -> None:
        """`names` holds (alias, key, exact) triples."""
        # Exact aliases are looked up in the text as printed: "OM" is rare, "om" is everywhere.
        self._index: dict[bool, dict[str, list[Alias]]] = {True: {}, False: {}}
        seen: set[tuple[str, bool]] = set()
        for alias, key, exact in names:
            first = WORD_RUN.search(alias)
            if first is None or (alias, exact) in seen:
                continue
            seen.add((alias, exact))
            word = first.group() if exact else first.group().lower()
            ascii_words = frozenset(word.lower() for word in WORD_RUN.findall(alias) if word.isascii())
            self._index[exact].setdefault(word, []).append(Alias(alias_pattern(alias, exact), key, ascii_words))

    def find(self, text: str, scan: Scan | None = None) -> list[Hit]:
        """Every match in `text`, the longest where several start at one word, in text order."""
        scan = scan or Scan.of(text)
        # Every word of a matching alias stands in the plan, so an alias with a word the plan
        # lacks is not tried, nor its first word searched for when no alias of it is left. Where
        # case-folding is odd, a word may match in the text but not stand in `scan.words`.
        folds_plainly = scan.plain and not scan.odd_case
        found: dict[int, Hit] = {}
        for exact in (True, False):
            for first, aliases in self._index[exact].items():
                if first.lower() not in scan.words:
                    continue
                candidates = [alias for alias in aliases if alias.words <= scan.words] if folds_plainly else aliases
                if not candidates:
                    continue
                for position in scan.word_starts(first, text if exact else None):
                    best = _longest(text, position, candidates)
                    if best is not None and (position not in found or best.end > found[position].end):
                        found[position] = best
        return [found[position] for position in sorted(found)]


def _longest(text: str, position: int, candidates: Sequence[Alias]) -> Hit | None:
    """The longest alias among `candidates` that matches at `position`."""
    best: Hit | None = None
    for alias in candidates:
        match = alias.pattern.match(text, position)
        if match and (best is None or match.end() > best.end):
            best = Hit(match.start(), match.end(), alias.key)
    return best


def entry_aliases(entry: Entry) -> Iterator[tuple[str, bool]]:
    """Every (alias, exact) of an entry: its name, acronym and listed aliases."""
    exact_aliases = {alias[1:] for alias in entry.aliases if alias.startswith(EXACT)}
    if entry.name not in exact_aliases:
        yield entry.name, False
    if entry.acronym:
        yield entry.acronym, True
    for alias in entry.aliases:
        yield (alias[1:], True) if alias.startswith(EXACT) else (alias, False)


def entry_matcher(entries: Iterable[Entry], keyed_by_acronym: bool = True) -> Matcher:
    """A matcher over entries; a shared acronym (RIEC) is keyed '@RIEC' to be resolved later."""
    entries = tuple(entries)
    owners: dict[str, int] = {}
    for entry in entries:
        if entry.acronym:
            owners[entry.acronym] = owners.get(entry.acronym, 0) + 1
    names = []
    for entry in entries:
        for alias, exact in entry_aliases(entry):
            shared = keyed_by_acronym and alias == entry.acronym and owners[alias] > 1
            names.append((alias, f"@{alias}" if shared else entry.name, exact))
    return Matcher(names)
