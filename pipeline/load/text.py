"""Plain-text loader: physical lines with page numbers (text extracted from a PDF, or typed)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models import LoadedDocument, Source
from pipeline.load.encoding import decode_text

PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?\s*$")
# pdftotext-style output starts every page with one space; a lone space line is an empty page start.
PAGE_START_SPACE = re.compile(r"^ (?=\S)|^ $")
MIN_PAGE_STARTS = 3

# The fields of one `RawLine`, validated together with the document (see `load_text`).
LineFields = dict[str, str | int | bool | None]


def load_text(data: bytes, source: Source) -> LoadedDocument:
    """Lines of a text file; pages from form feeds or from page-start spaces."""
    text, encoding = decode_text(data, source.path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines, pages = _paged_lines(text.split("\n"), has_form_feeds="\f" in text)
    metadata = {} if encoding in ("utf-8", "utf-8-sig") else {"encoding": encoding}
    # One validation of the whole document builds the lines in pydantic-core, a third cheaper
    # than calling `RawLine(...)` once per line.
    return LoadedDocument.model_validate(
        {"source": source.model_copy(update={"pages": pages}), "lines": lines, "metadata": metadata}
    )


def _paged_lines(raw_lines: list[str], has_form_feeds: bool) -> tuple[list[LineFields], int | None]:
    """The fields of each line, and the page count (None when the text has no pages)."""
    # Whether each line opens a page by its leading space; form feeds, when present, decide instead.
    space_starts = [] if has_form_feeds else [starts_page_with_space(line) for line in raw_lines]
    paged = has_form_feeds or sum(space_starts) >= MIN_PAGE_STARTS
    page = 1
    lines: list[LineFields] = []
    page_has_text = False
    after_page_number = False
    for index, raw in enumerate(raw_lines):
        pieces = raw.split("\f") if has_form_feeds else (raw,)
        for piece_index, piece in enumerate(pieces):
            stripped = piece.strip()
            starts_page = piece_index > 0 if has_form_feeds else paged and index > 0 and space_starts[index]
            if starts_page and not after_page_number and page_has_text:
                lines.append({"text": "", "kind": "page_break", "page": page})
                page += 1
                page_has_text = False
            if stripped:
                after_page_number = False
            if (
                paged
                and may_be_page_number(stripped)
                and PAGE_NUMBER.match(piece)
                and (_blank_before(raw_lines, index) or _ends_page(raw_lines, index, piece_index, pieces))
            ):
                # A lone number in a paginated text is the footer of the current page.
                lines.append({"text": stripped, "kind": "page_break", "page": page})
                page += 1
                page_has_text = False
                after_page_number = True
                continue
            if stripped:
                lines.append({"text": piece.rstrip(), "kind": "text", "page": page if paged else None, "wrapped": True})
                page_has_text = True
            else:
                lines.append({"text": "", "kind": "blank", "page": page if paged else None, "wrapped": True})
    if not paged:
        return lines, None
    return lines, page if page_has_text else max(1, page - 1)


def starts_page_with_space(line: str) -> bool:
    """Does `PAGE_START_SPACE` match `line`: one space, then a printed character or nothing?"""
    # `str.isspace` and the regex `\s` agree on every character.
    return line[:1] == " " and not line[1:2].isspace()


def may_be_page_number(stripped: str) -> bool:
    """Could `PAGE_NUMBER` match the line that strips to `stripped`: does it open with a digit or a dash?"""
    # `str.strip` and the regex `\s` agree on white space, `str.isdecimal` and `\d` on digits; most
    # lines open with a letter, which this tells for less than the regex call.
    first = stripped[:1]
    return first.isdecimal() or first in ("-", "–")


def _ends_page(raw_lines: list[str], index: int, piece_index: int, pieces: Sequence[str]) -> bool:
    """Is this the last text before a form feed or a page-start space (or the end)?"""
    if piece_index < len(pieces) - 1:
        return True
    # By position: slicing or islice would first step over every line before `index`.
    for position in range(index + 1, len(raw_lines)):
        following = raw_lines[position]
        if following.strip():
            return following.startswith("\f") or starts_page_with_space(following)
        if "\f" in following:
            return True
    return True


def _blank_before(raw_lines: list[str], index: int) -> bool:
    return index == 0 or not raw_lines[index - 1].strip()
