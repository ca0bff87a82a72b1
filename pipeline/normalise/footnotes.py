"""Lift footnotes out of page text whose loader could not tell them apart (text from PDFs)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models import FootnoteRef, RawLine

FOOTNOTE_START = re.compile(r"^\s*(?P<number>\d{1,2})\s+(?P<text>\S.*)$")


def glued_marker(number: int) -> re.Pattern[str]:
    """A footnote number glued to the end of a word, as PDF text extraction leaves it."""
    return re.compile(rf"(?<=[^\W\d_]){number}(?=[\s.,;:)!?'\"’”]|$)")


def lift_footnotes(lines: Sequence[RawLine]) -> list[RawLine]:
    """Turn footnote lines at the foot of a page into footnote lines; strip their markers."""
    if any(line.kind == "footnote" for line in lines) or all(line.page is None for line in lines):
        return list(lines)
    result = list(lines)
    expected = 1
    search_from = 0
    index = 0
    while index < len(result):
        match = FOOTNOTE_START.match(result[index].text) if result[index].kind == "text" else None
        if match is None or int(match.group("number")) != expected or not _at_page_foot(result, index):
            index += 1
            continue
        marker_line = _find_marker(result, search_from, index, expected)
        if marker_line is None:
            index += 1
            continue
        result[marker_line] = _strip_marker(result[marker_line], expected)
        end = _footnote_end(result, index)
        body = " ".join([match.group("text").strip()] + [line.text.strip() for line in result[index + 1 : end]])
        note = RawLine(text=" ".join(body.split()), kind="footnote", number=expected, page=result[index].page)
        result[index:end] = [note]
        expected += 1
        search_from = index + 1
        index += 1
    return result


def _at_page_foot(lines: list[RawLine], index: int) -> bool:
    """Only this note's continuation, blank lines and further notes may follow before the page ends."""
    if index > 0 and lines[index - 1].kind not in ("blank", "page_break"):
        return False
    position = _footnote_end(lines, index)
    while position < len(lines):
        line = lines[position]
        if line.kind == "page_break":
            return True
        if line.kind == "blank":
            position += 1
        elif line.kind == "text" and FOOTNOTE_START.match(line.text):
            position = _footnote_end(lines, position)
        else:
            return False
    return True


def _footnote_end(lines: list[RawLine], index: int) -> int:
    end = index + 1
    while end < len(lines) and lines[end].kind == "text" and not FOOTNOTE_START.match(lines[end].text):
        end += 1
    return end


def _find_marker(lines: list[RawLine], start: int, stop: int, number: int) -> int | None:
    pattern = glued_marker(number)
    for position in range(stop - 1, start - 1, -1):
        line = lines[position]
        if line.kind in ("text", "heading", "list_item") and pattern.search(line.text):
            return position
    return None


def _strip_marker(line: RawLine, number: int) -> RawLine:
    match = glued_marker(number).search(line.text)
    assert match is not None
    text = line.text[: match.start()] + line.text[match.end() :]
    ref = FootnoteRef(offset=match.start(), number=number)
    return line.model_copy(update={"text": text, "footnote_refs": (*line.footnote_refs, ref)})
