"""Find an ASCII word in a plan's text in any letter case, faster than a `re.IGNORECASE` scan.

A case-insensitive regex tries every position of a 50,000-character plan; a pattern whose
matches all open with one word ("thema") only needs trying where that word stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import AnyStr

# ASCII letters that `re.IGNORECASE` also matches with a non-ASCII letter ('ſ' for 's',
# the Kelvin sign for 'k', 'İ' and 'ı' for 'i'): a byte search cannot stand in for those.
_WIDER_CASES = frozenset("iks")


def word_starts(word: str, text: str) -> list[int]:
    """The offsets where `word` (lower-case ASCII letters) stands in `text`, in any letter case."""
    if not (word.isascii() and word.isalpha() and word.islower()) or _WIDER_CASES & set(word):
        raise ValueError(f"cannot search for {word!r}: only lower-case ASCII letters other than i, k, s")
    # One byte per character ('?' for those beyond Latin-1), so byte offsets are text offsets;
    # bytes.lower() changes only the ASCII letters.
    return occurrences(word.encode("ascii"), text.encode("latin-1", "replace").lower())


def occurrences(needle: AnyStr, text: AnyStr) -> list[int]:
    """Every offset where `needle` (not empty) stands in `text`, exactly as written, overlaps included."""
    starts: list[int] = []
    found = text.find(needle)
    while found >= 0:
        starts.append(found)
        found = text.find(needle, found + 1)
    return starts


def occurrences_of_each(needles: Iterable[str], text: str) -> dict[str, list[int]]:
    """`occurrences(needle, text)` for each needle (none empty).

    Every place of a needle that holds another ('politiewet' holds 'wet') has the other inside
    it, so a needle holding a shorter one with few places is only checked at those, without a
    search of the whole text.
    """
    limit = len(text) // 200  # about where the checks cost as much as a search
    found: dict[str, list[int]] = {}
    # shorter needles first: they may be inside longer ones
    for needle in sorted(set(needles), key=lambda needle: (len(needle), needle)):
        held = [other for other in found if other in needle and len(found[other]) <= limit]
        if not held:
            found[needle] = occurrences(needle, text)
            continue
        inner = min(held, key=lambda other: (len(found[other]), other))
        offset = needle.find(inner)  # every place of the needle has the inner one `offset` further on
        found[needle] = [
            start - offset for start in found[inner] if start >= offset and text.startswith(needle, start - offset)
        ]
    return found


def starts_of(needles: Iterable[str], text: str) -> list[int]:
    """Every offset where one of `needles` (none empty) stands in `text`, ascending, each once."""
    return sorted({start for starts in occurrences_of_each(needles, text).values() for start in starts})


def matches_from(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match begins at one of `starts` (ascending).

    The pattern must not match the empty string.
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()
