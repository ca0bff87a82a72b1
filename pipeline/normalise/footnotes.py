"""Lift footnotes out of page text whose loader could not tell them apart (text from PDFs)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models import FootnoteRef, RawLine

FOOTNOTE_START = re.compile(r"^\s*(?P<number>\d{1,2})\s+(?P<text>\S.*)$")


def glued_marker(number: int) -> re.Pattern[str]:
    """A footnote number glued to the end of a word, as PDF text extraction leaves it."""
    return re.compile(rf"(?<=[^\W\d_]){number}(?=[\s.,;:)!?'\"’”]|$)")


def may_start_footnote(text: str) -> bool:
    """Could `FOOTNOTE_START` match `text`: is its first printed character a digit?"""
    # `str.lstrip` and the regex `\s` agree on white space, `str.isdecimal` and `\d` on digits;
    # most lines open with a letter, which this tells for less than the regex call.
    return text.lstrip()[:1].isdecimal()


def lift_footnotes(lines: Sequence[RawLine]) -> list[RawLine]:
    """Turn footnote lines at the foot of a page into footnote lines; strip their markers."""
    # Each line's kind and text read once, and kept in step with `result` below: a model's
    # attribute costs more to read than a list item.
    kinds: list[str] = [line.kind for line in lines]
    if "footnote" in kinds or all(line.page is None for line in lines):
        return list(lines)
    texts = [line.text for line in lines]
    result = list(lines)
    expected = 1
    search_from = 0
    index = 0
    while index < len(result):
        text = texts[index]
        match = FOOTNOTE_START.match(text) if kinds[index] == "text" and may_start_footnote(text) else None
        if match is None or int(match.group("number")) != expected or not _at_page_foot(kinds, texts, index):
            index += 1
            continue
        marker_line = _find_marker(kinds, texts, search_from, index, expected)
        if marker_line is None:
            index += 1
            continue
        result[marker_line] = _strip_marker(result[marker_line], expected)
        texts[marker_line] = result[marker_line].text
        end = _footnote_end(kinds, texts, index)
        body = " ".join([match.group("text").strip()] + [text.strip() for text in texts[index + 1 : end]])
        note = RawLine(text=" ".join(body.split()), kind="footnote", number=expected, page=result[index].page)
        result[index:end] = [note]
        kinds[index:end] = [note.kind]
        texts[index:end] = [note.text]
        expected += 1
        search_from = index + 1
        index += 1
    return result


def _at_page_foot(kinds: list[str], texts: list[str], index: int) -> bool:
    """Only this note's continuation, blank lines and further notes may follow before the page ends."""
    if index > 0 and kinds[index - 1] not in ("blank", "page_break"):
        return False
    position = _footnote_end(kinds, texts, index)
    while position < len(kinds):
        kind = kinds[position]
        if kind == "page_break":
            return True
        if kind == "blank":
            position += 1
        elif kind == "text" and FOOTNOTE_START.match(texts[position]):
            position = _footnote_end(kinds, texts, position)
        else:
            return False
    return True


def _footnote_end(kinds: list[str], texts: list[str], index: int) -> int:
    end = index + 1
    while end < len(kinds) and kinds[end] == "text" and not FOOTNOTE_START.match(texts[end]):
        end += 1
    return end


def _find_marker(kinds: list[str], texts: list[str], start: int, stop: int, number: int) -> int | None:
    pattern = glued_marker(number)
    for position in range(stop - 1, start - 1, -1):
        if kinds[position] in ("text", "heading", "list_item") and pattern.search(texts[position]):
            return position
    return None


def _strip_marker(line: RawLine, number: int) -> RawLine:
    match = glued_marker(number).search(line.text)
    assert match is not None
    text = line.text[: match.start()] + line.text[match.end() :]
    ref = FootnoteRef(offset=match.start(), number=number)
    return line.model_copy(update={"text": text, "footnote_refs": (*line.footnote_refs, ref)})
