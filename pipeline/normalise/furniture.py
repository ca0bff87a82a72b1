"""Drop page furniture: page breaks markers and running headers or footers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models import RawLine

DIGITS = re.compile(r"\d+")
MIN_PAGES = 3
SHARE_OF_PAGES = 0.5


def drop_running_lines(lines: Sequence[RawLine]) -> list[RawLine]:
    """Remove lines repeated at the top or bottom of most pages (digits ignored)."""
    pages = _pages(lines)
    if len(pages) < MIN_PAGES:
        return list(lines)
    edge_keys: Counter[str] = Counter()
    for page_lines in pages:
        for line in _edges(page_lines):
            edge_keys[_key(line)] += 1
    threshold = max(MIN_PAGES, int(len(pages) * SHARE_OF_PAGES))
    running = {key for key, count in edge_keys.items() if count >= threshold and key}
    if not running:
        return list(lines)
    drop: set[int] = set()
    for page_lines in pages:
        for line in _edges(page_lines):
            if _key(line) in running:
                drop.add(id(line))
    return [line for line in lines if id(line) not in drop]


def _pages(lines: Sequence[RawLine]) -> list[list[RawLine]]:
    pages: dict[int, list[RawLine]] = {}
    for line in lines:
        if line.page is not None and line.kind not in ("blank", "page_break") and line.text.strip():
            pages.setdefault(line.page, []).append(line)
    return [pages[page] for page in sorted(pages)]


def _edges(page_lines: list[RawLine]) -> list[RawLine]:
    return page_lines[:1] + page_lines[-1:] if len(page_lines) > 1 else page_lines


def _key(line: RawLine) -> str:
    return DIGITS.sub("#", " ".join(line.text.split())).lower()
