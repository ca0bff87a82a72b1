"""The Dutch municipalities: CBS code, official name and the other names they go by.

Read from `pipeline/data/municipalities.tsv` (the CBS list of 1 January 2025, see
docs/themes.md). Names are compared folded: case, accents, apostrophe style and
hyphen-or-space do not matter, so "'S-HERTOGENBOSCH" and "Sudwest Fryslan" are known.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import ReferenceDataError
from pipeline.extractors.gazetteer import DATA, read_rows, split_aliases

MUNICIPALITIES_FILE = DATA / "municipalities.tsv"
COLUMNS = ("code", "name", "aliases")
CBS_CODE = re.compile(r"GM\d{4}")
# Apostrophes and dashes as typesetters print them; folded to the plain forms.
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
SEPARATORS = re.compile(r"[\s\-–]+")
# The old article of "'s-Gravenhage", printed lower case before the capitalised name.
ARTICLE_S = re.compile(r"^'s[\s\-]", re.IGNORECASE)


@dataclass(frozen=True)
class Municipality:
    """One municipality: its CBS code, its official name and its aliases."""

    code: str
    name: str
    aliases: tuple[str, ...]


def fold(name: str) -> str:
    """The form names are compared in: "'s-Hertogenbosch" and "'S HERTOGENBOSCH" fold alike."""
    decomposed = unicodedata.normalize("NFKD", name.translate(APOSTROPHES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return SEPARATORS.sub(" ", plain).strip().casefold()


@dataclass(frozen=True)
class MunicipalityList:
    """Every municipality, found by any of its names."""

    municipalities: tuple[Municipality, ...]
    by_name: Mapping[str, Municipality]
    # Every name, longest first: `pattern` matches where a name starts, `search` finds whole names.
    pattern: re.Pattern[str]
    search: re.Pattern[str]

    def lookup(self, name: str) -> Municipality | None:
        """The municipality called `name` (official name or alias), if there is one."""
        return self.by_name.get(fold(name))

    def match_at(self, text: str, position: int) -> tuple[Municipality, int] | None:
        """The municipality whose name `text` starts with at `position`, and where that name ends."""
        match = self.pattern.match(text, position)
        if match is None:
            return None
        found = self.lookup(match.group())
        return (found, match.end()) if found else None

    def named_in(self, text: str) -> Municipality | None:
        """The first municipality `text` names as a proper name ("Veiligheidsplan Amersfoort 2024")."""
        for match in self.search.finditer(text):
            # Lower case is a word, not a name: "best", "buren", "putten".
            if ARTICLE_S.sub("", match.group().translate(APOSTROPHES))[:1].isupper():
                return self.lookup(match.group())
        return None


def _name_pattern(name: str) -> str:
    """A regex for `name` as printed: any case, either apostrophe, hyphen or space between words."""
    parts = [re.escape(part) for part in re.split(r"[\s\-]+", name.translate(APOSTROPHES))]
    return r"[\s\-–]+".join(parts).replace("'", "['’‘]")


def read_municipalities(path: Path) -> tuple[Municipality, ...]:
    """The municipalities of a file in the columns of `municipalities.tsv`."""
    entries = []
    for number, row in read_rows(path, COLUMNS):
        if not CBS_CODE.fullmatch(row["code"]):
            raise ReferenceDataError(
                path, f"line {number}: code {row['code']!r} is not a CBS municipality code", "write it as GM0363"
            )
        if not row["name"]:
            raise ReferenceDataError(path, f"line {number}: the name is empty", "fill in the official name")
        entries.append(Municipality(row["code"], row["name"], split_aliases(row["aliases"])))
    return tuple(entries)


def index_municipalities(path: Path, entries: tuple[Municipality, ...]) -> MunicipalityList:
    """The list of `entries`, refusing a code or a name that two entries share."""
    by_name: dict[str, Municipality] = {}
    codes: set[str] = set()
    for entry in entries:
        if entry.code in codes:
            raise ReferenceDataError(path, f"code {entry.code} is listed twice", "keep one line per municipality")
        codes.add(entry.code)
        for name in (entry.name, *entry.aliases):
            other = by_name.setdefault(fold(name), entry)
            if other is not entry and other.code != entry.code:
                raise ReferenceDataError(
                    path,
                    f"the name {name!r} stands for both {other.code} and {entry.code}",
                    "give each name to one municipality (disambiguate as 'Bergen (NH.)')",
                )
    names = sorted({name for entry in entries for name in (entry.name, *entry.aliases)}, key=len, reverse=True)
    alternatives = "|".join(_name_pattern(name) for name in names)
    pattern = re.compile(rf"(?:{alternatives})(?![\w’'])", re.IGNORECASE)
    # In running text a hyphen joins a name to more ("Rotterdam-Rijnmond"), so it ends no name there.
    search = re.compile(rf"(?<![\w’'\-])(?:{alternatives})(?![\w’'\-])", re.IGNORECASE)
    return MunicipalityList(entries, by_name, pattern, search)


@lru_cache(maxsize=4)
def load_municipalities(path: Path = MUNICIPALITIES_FILE) -> MunicipalityList:
    """The packaged list of Dutch municipalities (or the list in `path`)."""
    return index_municipalities(path, read_municipalities(path))
