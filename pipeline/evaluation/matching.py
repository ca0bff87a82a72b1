"""Compare annotated and extracted text leniently: case, punctuation and layout do not count."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Letters and digits only: quotes, dashes, brackets and line breaks differ between
# PDF, DOCX and markdown renderings of one plan and must not decide a match.
WORD = re.compile(r"[^\W_]+")

Token = tuple[int, int, str]


def words(text: str) -> tuple[str, ...]:
    """The words of `text`, case-folded, without punctuation."""
    return tuple(_fold(match.group()) for match in WORD.finditer(text))


def key(text: str | None) -> str:
    """A comparison key: the words of `text` joined by single spaces ('' for None)."""
    return " ".join(words(text)) if text else ""


def tokens(text: str) -> tuple[Token, ...]:
    """The words of `text` with their character offsets: (start, end, folded word)."""
    return tuple((m.start(), m.end(), _fold(m.group())) for m in WORD.finditer(text))


def find(haystack: Sequence[str], needle: Sequence[str], start: int = 0) -> int | None:
    """Index of the first occurrence of `needle` in `haystack` at or after `start`."""
    size = len(needle)
    if not size:
        return None
    first = needle[0]
    for index in range(start, len(haystack) - size + 1):
        if haystack[index] == first and tuple(haystack[index : index + size]) == tuple(needle):
            return index
    return None


def locate(folded: Sequence[str], first: Sequence[str], last: Sequence[str], cursor: int) -> tuple[int, int] | None:
    """Token range [begin, end) from `first` to `last`, searching from `cursor`, then from 0."""
    for origin in (cursor, 0):
        begin = find(folded, first, origin)
        if begin is None:
            continue
        tail = find(folded, last, begin)
        if tail is not None:
            return begin, tail + len(last)
    return None


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()
