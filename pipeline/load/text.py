"""Plain-text loader: physical lines with page numbers (text extracted from a PDF, or typed)."""

from __future__ import annotations

import itertools
import re

from models import LoadedDocument, RawLine, Source
from pipeline.load.encoding import decode_text

PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?\s*$")
# pdftotext-style output starts every page with one space; a lone space line is an empty page start.
PAGE_START_SPACE = re.compile(r"^ (?=\S)|^ $")
MIN_PAGE_STARTS = 3


def load_text(data: bytes, source: Source) -> LoadedDocument:
    """Lines of a text file; pages from form feeds or from page-start spaces."""
    text, encoding = decode_text(data, source.path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    lines, pages = _paged_lines(raw_lines)
    metadata = {} if encoding in ("utf-8", "utf-8-sig") else {"encoding": encoding}
    return LoadedDocument(source=source.model_copy(update={"pages": pages}), lines=tuple(lines), metadata=metadata)


def _paged_lines(raw_lines: list[str]) -> tuple[list[RawLine], int | None]:
    has_form_feeds = any("\f" in line for line in raw_lines)
    space_starts = sum(1 for line in raw_lines if PAGE_START_SPACE.match(line))
    paged = has_form_feeds or space_starts >= MIN_PAGE_STARTS
    page = 1
    lines: list[RawLine] = []
    page_has_text = False
    after_page_number = False
    for index, raw in enumerate(raw_lines):
        pieces = raw.split("\f") if has_form_feeds else [raw]
        for piece_index, piece in enumerate(pieces):
            starts_page = piece_index > 0 or (
                not has_form_feeds and paged and bool(PAGE_START_SPACE.match(piece)) and index > 0
            )
            if starts_page and not after_page_number and page_has_text:
                lines.append(RawLine(text="", kind="page_break", page=page))
                page += 1
                page_has_text = False
            if piece.strip():
                after_page_number = False
            if (
                paged
                and PAGE_NUMBER.match(piece)
                and (_blank_before(raw_lines, index) or _ends_page(raw_lines, index, piece_index, pieces))
            ):
                # A lone number in a paginated text is the footer of the current page.
                lines.append(RawLine(text=piece.strip(), kind="page_break", page=page))
                page += 1
                page_has_text = False
                after_page_number = True
                continue
            kind = "text" if piece.strip() else "blank"
            lines.append(RawLine(text=piece.rstrip(), kind=kind, page=page if paged else None, wrapped=True))
            page_has_text = page_has_text or bool(piece.strip())
    if not paged:
        return lines, None
    return lines, page if page_has_text else max(1, page - 1)


def _ends_page(raw_lines: list[str], index: int, piece_index: int, pieces: list[str]) -> bool:
    """Is this the last text before a form feed or a page-start space (or the end)?"""
    if piece_index < len(pieces) - 1:
        return True
    for following in itertools.islice(raw_lines, index + 1, None):
        if following.strip():
            return following.startswith("\f") or bool(PAGE_START_SPACE.match(following))
        if "\f" in following:
            return True
    return True


def _blank_before(raw_lines: list[str], index: int) -> bool:
    return index == 0 or not raw_lines[index - 1].strip()
