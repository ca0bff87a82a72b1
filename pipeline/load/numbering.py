"""List counters as printed: 3 -> "3", "c", "iii" for the formats Word and HTML lists use."""

from __future__ import annotations

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(value: int) -> str:
    """Lower-case Roman numeral of a positive counter; decimal when out of range."""
    if not 0 < value < 4000:
        return str(value)
    parts: list[str] = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)


def letters(value: int) -> str:
    """Lower-case letter counter: 1 -> a, 26 -> z, 27 -> aa (bijective base 26)."""
    if value <= 0:
        return str(value)
    out = ""
    while value > 0:
        value, rest = divmod(value - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def format_counter(value: int, style: str) -> str:
    """A counter in a Word number format (decimal, lowerLetter, upperRoman ...) as printed."""
    if style == "lowerLetter":
        return letters(value)
    if style == "upperLetter":
        return letters(value).upper()
    if style == "lowerRoman":
        return roman(value)
    if style == "upperRoman":
        return roman(value).upper()
    if style == "decimalZero":
        return f"{value:02d}"
    return str(value)
