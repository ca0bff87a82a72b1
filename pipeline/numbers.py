"""Dutch amounts and units as printed in budget tables, read as exact decimals and integer euros.

Conventions (Dutch notation first, because the plans are Dutch):

- `15.407` is fifteen thousand four hundred and seven: a dot followed by groups of
  three digits separates thousands; `1.234,5` has a decimal comma; `1 234` may use
  (non-breaking) spaces between thousands; `15.407,-` means no cents.
- A dot followed by one, two or more than three digits (`1.5`, `2.25`) is read as a
  decimal point, as in tables printed in English notation.
- `-71`, `−71` (minus sign), `–71` and `(71)` are negative.
- A cell that is blank or only a dash (`-`, `–`, `—`) is empty: `None`, not zero.
  Totals count an empty cell as zero.
- `€`, `EUR` and `euro` may appear anywhere in a cell and are ignored.
- A cell may carry its own scale word after the number (`€ 1,2 mln`, `800 k`): `read_cell`
  returns it as the cell's unit, which then takes the place of the table's.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

DASHES = "-‐‑‒–—−"  # hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign

_CURRENCY = re.compile(r"€|\bEUR\b|\beuro\b", re.IGNORECASE)
_BLANKS = re.compile(r"\s+")
_NO_CENTS = re.compile(rf"[,.][{DASHES}]+$")
_DUTCH = re.compile(r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?")
_POINT_DECIMAL = re.compile(r"(?P<int>\d+)\.(?P<frac>\d{1,2}|\d{4,})")
# A space between digits separates thousands only when a group of exactly three digits follows.
_BAD_SPACE_GROUP = re.compile(r"\d\s+(?=\d)(?!\d{3}(?!\d))")


class AmountError(ValueError):
    """A cell that should hold an amount but does not read as one."""


class Unit(NamedTuple):
    """The unit of a table's amounts: as printed, and the factor that turns them into euros."""

    text: str
    multiplier: int


def parse_amount(text: str) -> Decimal | None:
    """The value of one printed amount, in the table's unit; None when the cell is empty."""
    if _BAD_SPACE_GROUP.search(text):
        raise AmountError(f"'{text.strip()}' is not an amount")
    compact = _BLANKS.sub("", _CURRENCY.sub("", text))
    if not compact.strip(DASHES):  # blank, or dashes only
        return None
    negative = False
    if compact.startswith("(") and compact.endswith(")"):
        negative, compact = True, compact[1:-1]
    if compact[:1] and compact[0] in DASHES:
        negative, compact = not negative, compact[1:]
    elif compact.startswith("+"):
        compact = compact[1:]
    compact = _NO_CENTS.sub("", compact)
    match = _DUTCH.fullmatch(compact) or _POINT_DECIMAL.fullmatch(compact)
    if match is None:
        raise AmountError(f"'{text.strip()}' is not an amount")
    value = _value(match)
    return -value if negative else value


def _value(match: re.Match[str]) -> Decimal:
    """The value of a number matched with `int` and `frac` groups (dots group thousands)."""
    return Decimal(f"{match['int'].replace('.', '')}.{match['frac'] or '0'}")


class Cell(NamedTuple):
    """A printed amount read: its value (None when empty) and the unit it carries itself, if any."""

    value: Decimal | None
    unit: Unit | None


def read_cell(text: str) -> Cell:
    """The value of a table cell and its own scale word ('€ 1,2 mln' -> 1.2, x 1,000,000)."""
    plain = _plain_amount()
    match = plain.fullmatch(text) if plain is not None else None
    if match is not None:
        # Most cells are a bare number ('848', '-71', '15.407'): one regex call instead of the
        # seven of the general reading, which gives these cells the same value.
        value = _value(match)
        return Cell(-value if match["negative"] else value, None)
    return read_scaled_cell(text)


def read_scaled_cell(text: str) -> Cell:
    """`read_cell` the general way: currency marks, blanks, brackets, dashes and scale words."""
    bare = _CURRENCY.sub(" ", text)
    match = _cell_scale().search(bare)
    if match is None:
        return Cell(parse_amount(text), None)
    value = parse_amount(bare[: match.start()] + bare[match.end() :])
    if value is None:  # '– mln': an empty cell
        return Cell(None, None)
    return Cell(value, Unit(text=match["word"], multiplier=scale_words()[match["word"].casefold()]))


def read_amount(text: str) -> Cell | None:
    """`read_cell(text)`, or None when the cell is no amount (nor an empty one)."""
    try:
        return read_cell(text)
    except AmountError:
        return None


def is_amount(text: str) -> bool:
    """Whether a cell reads as an amount or as an empty amount (a dash)."""
    return read_amount(text) is not None


def to_euros(value: Decimal, multiplier: int) -> int:
    """An amount in whole euros after the table's multiplier (half-cents round to even)."""
    return int((value * multiplier).to_integral_value(rounding=ROUND_HALF_EVEN))


@lru_cache(maxsize=1)
def scale_words() -> dict[str, int]:
    """Words that scale amounts ('mln', 'duizenden'), from pipeline/data/budget_units.tsv."""
    table = (
        resources.files("pipeline").joinpath("data/budget_units.tsv").read_text(encoding="utf-8")
    )
    words: dict[str, int] = {}
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            word, multiplier = line.split("\t")
            words[word.strip().casefold()] = int(multiplier)
    return words


@lru_cache(maxsize=1)
def _plain_amount() -> re.Pattern[str] | None:
    """A cell that is only a number in Dutch notation, with a minus at most; None if a scale word could be one."""
    if any(re.fullmatch(r"[\d.,]*", word) for word in scale_words()):
        return None
    return re.compile(rf"(?P<negative>-)?{_DUTCH.pattern}")


@lru_cache(maxsize=1)
def _cell_scale() -> re.Pattern[str]:
    """A scale word right after the number of a cell, before any closing parenthesis."""
    words = "|".join(sorted(map(re.escape, scale_words()), key=len, reverse=True))
    return re.compile(rf"(?<=[\d\s])(?P<word>{words})\.?(?=\s*\)?\s*$)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[re.Pattern[str], ...]:
    words = "|".join(sorted(map(re.escape, scale_words()), key=len, reverse=True))
    euro = r"(?:€|eur\b|euro(?:['’]?s)?)"
    flags = re.IGNORECASE
    return (
        # "bedragen x 1000 €", "(x € 1.000)", "x € 1 mln", "× 1.000 euro"
        re.compile(
            rf"(?:bedragen\s+)?(?<!\w)[x×*]\s*(?:{euro}\s*)?"
            rf"(?:(?P<n>\d{{1,3}}(?:[.\s]\d{{3}})+|\d+)\s*(?P<w>{words})?|(?P<w2>{words}))\b\.?"
            rf"(?:\s*{euro})?",
            flags,
        ),
        # "in euro's", "bedragen in duizenden euro's", "in € mln"
        re.compile(
            rf"(?:bedragen\s+)?in\s+(?:(?P<w>{words})\s+)?{euro}(?:\s*(?P<w2>{words})\b\.?)?", flags
        ),
        # "€ mln", "EUR mln", "k€"
        re.compile(rf"{euro}\s*(?P<w>{words})\b\.?|(?<!\w)(?P<w2>k)€", flags),
    )


def parse_unit(text: str) -> Unit | None:
    """The first unit phrase in a caption or header cell ('bedragen x 1000 €'), if any."""
    found: list[re.Match[str]] = []
    for pattern in _unit_patterns():
        match = pattern.search(text)
        if match is not None:
            found.append(match)
    if not found:
        return None
    match = min(found, key=lambda item: item.start())
    groups = match.groupdict()
    number = groups.get("n")
    factor = Decimal(_BLANKS.sub("", number).replace(".", "")) if number else Decimal(1)
    word = groups.get("w") or groups.get("w2")
    if word:
        factor *= scale_words()[word.casefold()]
    return Unit(text=match.group(0).strip(), multiplier=int(factor))
