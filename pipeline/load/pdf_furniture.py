"""What a PDF page carries besides its body: running headers, page numbers, footnotes, a TOC."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.load.pdf_lines import PageLines, PhysicalLine

# Running headers and footers sit in these top and bottom shares of the page.
BAND = 0.1
# Text in a band is running when it recurs on this share of the pages (alternating
# left/right headers each cover about half of them).
RUNNING_SHARE = 0.4
# Running headers, footers and page numbers are set no larger than this share of the body type.
MAX_FURNITURE_SIZE = 1.1
DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?"
    r"(?:\s*(?:/|van|of)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# A table-of-contents entry: a title, a dot leader (dots or ellipses) and a page number.
TOC_ENTRY = re.compile(r"^(?P<title>\S.*?)\s*(?:(?:\.\s?){3,}|…[\s.…]*)\s*(?P<page>\d{1,4})$")
# A footnote's own number: set small or raised (`lead_number`), or followed by a space.
FOOTNOTE_START = re.compile(r"^(?P<number>\d{1,3})[.)]?\s+(?=\S)")
LEAD_NUMBER = re.compile(r"^\d{1,3}[.)]?\s*")
# Footnote type is at most this share of the body type when no separator rule marks the notes.
FOOTNOTE_SIZE = 0.9


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote as printed at the foot of a page."""

    number: int
    text: str
    page: int


def running_keys(pages: Sequence[PageLines], body_size: float) -> set[tuple[str, int, str]]:
    """Keys of band lines that recur on most pages: running headers and footers.

    Type larger than the body is left alone: chapter titles that open each page high up
    ("Hoofdstuk 2") recur too, digits ignored, but are no furniture.
    """
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, int, str]] = Counter()
    for page in pages:
        counts.update(
            {
                _key(page, line)
                for line in page.lines
                if _band(page, line) and line.size <= body_size * MAX_FURNITURE_SIZE
            }
        )
    threshold = max(2, math.ceil(len(pages) * RUNNING_SHARE))
    return {key for key, count in counts.items() if count >= threshold}


def drop_furniture(page: PageLines, running: set[tuple[str, int, str]], body_size: float) -> list[PhysicalLine]:
    """The page's lines without running headers/footers and page numbers (never large type)."""
    kept: list[PhysicalLine] = []
    for line in page.lines:
        small = line.size <= body_size * MAX_FURNITURE_SIZE
        if small and _band(page, line) and (PAGE_NUMBER.match(line.text) or _key(page, line) in running):
            continue
        kept.append(line)
    return kept


def _band(page: PageLines, line: PhysicalLine) -> str:
    if line.y0 >= page.height * (1 - BAND):
        return "top"
    if line.y1 <= page.height * BAND:
        return "bottom"
    return ""


def _key(page: PageLines, line: PhysicalLine) -> tuple[str, int, str]:
    # Digits vary (page numbers, dates); position is rounded to absorb jitter.
    text = DIGITS.sub("#", " ".join(line.text.lower().split()))
    return _band(page, line), round(line.y0 / 4), text


def split_toc(lines: list[PhysicalLine]) -> tuple[list[PhysicalLine], list[str]]:
    """Body lines without table-of-contents entries, and the entry titles (without their pages)."""
    body: list[PhysicalLine] = []
    entries: list[str] = []
    for line in lines:
        match = TOC_ENTRY.match(line.text)
        if match:
            entries.append(match.group("title").strip())
        else:
            body.append(line)
    return body, entries


def split_footnotes(
    page: PageLines, lines: list[PhysicalLine], body_size: float
) -> tuple[list[PhysicalLine], list[PhysicalLine]]:
    """Body lines and footnote-zone lines of one page.

    The zone is what lies below a separator rule, or else the run of smaller
    lines at the foot of the page; either way it must start with a number.
    """
    if page.rule_y is not None:
        below = [line for line in lines if line.y1 <= page.rule_y]
        if below and _starts_note(below[0]):
            return [line for line in lines if line.y1 > page.rule_y], below
    start = len(lines)
    while start > 0 and lines[start - 1].size <= body_size * FOOTNOTE_SIZE:
        start -= 1
    if start < len(lines) and _starts_note(lines[start]):
        return lines[:start], lines[start:]
    return lines, []


def _starts_note(line: PhysicalLine) -> bool:
    return line.lead_number is not None or bool(FOOTNOTE_START.match(line.text))


def footnotes(zone: list[PhysicalLine], page: int, previous: Footnote | None) -> list[Footnote]:
    """The footnotes in a page's footnote zone; a zone without a number continues `previous`."""
    notes: list[tuple[int, list[str]]] = []
    continued: list[str] = []
    # Where notes carry superscript numbers, only those start a note ("4.2." may open a line).
    superscript = any(line.lead_number is not None for line in zone)
    for line in zone:
        expected = notes[-1][0] + 1 if notes else None
        match = FOOTNOTE_START.match(line.text)
        if line.lead_number is not None:
            lead = LEAD_NUMBER.match(line.text)
            notes.append((line.lead_number, [line.text[lead.end() if lead else 0 :]]))
        elif not superscript and match and expected in (None, int(match.group("number"))):
            notes.append((int(match.group("number")), [line.text[match.end() :]]))
        elif notes:
            notes[-1][1].append(line.text)
        else:
            continued.append(line.text)
    result = [Footnote(number, join_lines(parts), page) for number, parts in notes]
    if continued and previous is not None:
        result.insert(0, Footnote(previous.number, join_lines([previous.text, *continued]), previous.page))
    return result


def join_lines(parts: Sequence[str]) -> str:
    """Printed lines as one text; a line-end hyphen is kept and joined without a space."""
    text = ""
    for part in (part.strip() for part in parts):
        if part:
            text = f"{text}{part}" if not text or text.endswith(("-", "‐")) else f"{text} {part}"
    return text
