"""Physical PDF lines -> loader lines: headings, list items, table rows, footnotes, blanks.

Type styles are judged against the body style of the whole document: the
median character size and the commonest font family at that size.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass

from models import FootnoteRef, RawLine
from pipeline.load.pdf_furniture import (
    Footnote,
    drop_furniture,
    footnotes,
    running_keys,
    split_footnotes,
    split_toc,
)
from pipeline.load.pdf_lines import PageLines, PhysicalLine, font_family
from pipeline.load.pdf_tables import find_tables, is_split

# "(cid:N)" is a glyph without a Unicode mapping: in the marker position, a symbol-font bullet.
BULLET = re.compile(r"^(?P<marker>[•▪▫■□●○◦‣⁃➢➤►▶→*]|[-–]|\(cid:\d+\))\s+(?=\S)")
UNMAPPED = "(cid:"
ORDERED = re.compile(r"^(?P<marker>\(?(?:\d{1,2}|[a-zA-Z])[.)])\s+(?=\S)")
# Multi-level or named section numbers; a single "2." opens list items as often as headings.
SECTION_NUMBER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|(?i:hoofdstuk|paragraaf|bijlage|deel)\s+(?:\d{1,2}|[IVXLC]{1,5}|[A-Z]))"
    r"\s+[A-Z]"
)
MAX_NUMBERED_WORDS = 12
DASHES = ("-", "–")
SENTENCE_END = (".", ":", ";", "!", "?")
# Type this much larger than the body is a heading whatever its weight.
HEADING_SIZE = 1.12
# Same-size type is a heading only when it is short: a title, not a bold paragraph.
MAX_HEADING_CHARS = 150
MAX_HEADING_WORDS = 20
MAX_HEADING_LINES = 3
# A line that stops this share of the text width before the right edge ends its paragraph.
SHORT_LINE = 0.15
# A vertical gap this much above the usual line pitch separates paragraphs.
PARAGRAPH_GAP = 1.3


@dataclass(frozen=True, slots=True)
class BodyStyle:
    """The body text's type size and family, its usual line pitch and right text edge."""

    size: float
    family: str
    pitch: float
    right: float


def body_style(pages: Sequence[PageLines]) -> BodyStyle:
    """The median character size, the commonest family at that size, the median line pitch."""
    sizes: Counter[float] = Counter()
    families: Counter[tuple[float, str]] = Counter()
    for page in pages:
        for (size, font), count in page.sizes.items():
            sizes[size] += count
            families[(size, font_family(font))] += count
    size = _weighted_median(sizes)
    family = max(((f, n) for (s, f), n in families.items() if s == size), key=lambda item: item[1])[0]
    pitches = [
        upper.y0 - lower.y0
        for page in pages
        for upper, lower in zip(page.lines, page.lines[1:], strict=False)
        if upper.size == lower.size == size and size * 0.9 < upper.y0 - lower.y0 < size * 3
    ]
    pitch = statistics.median(pitches) if pitches else size * 1.2
    ends = sorted(line.x1 for page in pages for line in page.lines if line.size == size)
    right = ends[int(len(ends) * 0.9)] if ends else max(page.width for page in pages)
    return BodyStyle(size=size, family=family, pitch=pitch, right=right)


def _weighted_median(counts: Counter[float]) -> float:
    total = sum(counts.values())
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen * 2 >= total:
            return value
    return 0.0


@dataclass(frozen=True, slots=True)
class _Context:
    """What every page is judged against: body style, heading levels, footnote numbers."""

    style: BodyStyle
    levels: dict[tuple[float, bool, bool], int]
    numbers: set[int]


def document_lines(pages: list[PageLines]) -> tuple[list[RawLine], list[str]]:
    """Loader lines of the whole document, and the table-of-contents entries it dropped.

    Consumes `pages`: each page is released once its lines are emitted, so the
    working memory does not add up to the pages plus the finished lines.
    """
    style = body_style(pages)
    running = running_keys(pages, style.size)
    bodies: deque[tuple[int, list[PhysicalLine]]] = deque()
    notes: deque[list[Footnote]] = deque()
    toc: list[str] = []
    previous: Footnote | None = None
    while pages:
        page = pages.pop(0)
        lines = drop_furniture(page, running, style.size)
        body, zone = split_footnotes(page, lines, style.size)
        body, entries = split_toc(body)
        toc.extend(entries)
        page_notes = footnotes(zone, page.number, previous)
        if page_notes and previous is not None and page_notes[0].number == previous.number:
            # The previous page's last note runs on here: it is emitted complete, on this page.
            notes[-1] = [note for note in notes[-1] if note.number != previous.number]
        if page_notes:
            previous = page_notes[-1]
        bodies.append((page.number, body))
        notes.append(page_notes)
    numbers = {note.number for page_notes in notes for note in page_notes}
    context = _Context(style, _heading_levels([body for _, body in bodies], style), numbers)
    out: list[RawLine] = []
    header: tuple[str, ...] | None = None
    while bodies:
        (number, body), page_notes = bodies.popleft(), notes.popleft()
        header = _emit_page(out, number, body, context, header)
        if body and _ends_short(body[-1], style) and out[-1].kind in ("text", "list_item"):
            # A page that ends on a short line ends a paragraph; the next page starts a new one.
            out.append(RawLine(text="", kind="blank", page=number))
        out.extend(RawLine(text=n.text, kind="footnote", number=n.number, page=n.page) for n in page_notes)
        out.append(RawLine(text="", kind="page_break", page=number))
    return _close_single_line_items(out), toc


def _close_single_line_items(lines: list[RawLine]) -> list[RawLine]:
    """Mark list items that no text line continues as whole (`wrapped=False`).

    A one-line bulleted label ("• Ambitie") is then judged like the same item
    from a flowing format, where the normaliser may read it as a sub-heading.
    """
    result = list(lines)
    next_kind: str | None = None  # kind of the next line that is not a page break
    for index in range(len(result) - 1, -1, -1):
        line = result[index]
        if line.kind == "list_item" and next_kind != "text":
            result[index] = line.model_copy(update={"wrapped": False})
        if line.kind != "page_break":
            next_kind = line.kind
    return result


def _heading_style(line: PhysicalLine, style: BodyStyle) -> tuple[float, bool, bool] | None:
    """The style key of a heading line, or None when the line is not a heading."""
    words = line.text.split()
    if is_split(line) or not words or len(line.text) > MAX_HEADING_CHARS or len(words) > MAX_HEADING_WORDS:
        return None
    key = (round(line.size * 2) / 2, line.bold, line.italic)
    if line.size >= style.size * HEADING_SIZE:
        return key
    if line.size < style.size * 0.95 or line.text.endswith((".", ",", ";")):
        return None
    if line.family != style.family and (line.bold or line.italic):
        return key
    if line.bold and not BULLET.match(line.text) and not line.text.endswith(":"):
        return key
    if SECTION_NUMBER.match(line.text) and not line.text.endswith(":") and len(words) <= MAX_NUMBERED_WORDS:
        # In body type, only a section number ("2.1 Woninginbraak", "Hoofdstuk 3 ...") makes a heading.
        return key
    return None


def _heading_levels(bodies: list[list[PhysicalLine]], style: BodyStyle) -> dict[tuple[float, bool, bool], int]:
    keys = {key for body in bodies for line in body if (key := _heading_style(line, style)) is not None}
    ranked = sorted(keys, key=lambda key: (-key[0], not key[1], key[2]))
    return {key: rank + 1 for rank, key in enumerate(ranked)}


def _emit_page(
    out: list[RawLine],
    page: int,
    body: list[PhysicalLine],
    context: _Context,
    header: tuple[str, ...] | None,
) -> tuple[str, ...] | None:
    """Append one page's body lines to `out`; return the header row of its last table."""
    style, levels, numbers = context.style, context.levels, context.numbers
    tables = {table.start: table for table in find_tables(body, style.pitch, numbers)}
    index = 0
    last: PhysicalLine | None = None
    right = 0.0  # the right edge of the text lines of the current column
    while index < len(body):
        line = body[index]
        if last is not None and _paragraph_gap(last, line, style, right):
            out.append(RawLine(text="", kind="blank", page=page))
        if last is not None and line.y0 > last.y0:
            right = 0.0
        table = tables.get(index)
        if table is not None:
            rows = list(table.rows)
            if index == 0 and header is not None and _same_row(rows[0], header):
                rows = rows[1:]  # the header row repeated after a page break
            else:
                header = rows[0]
            out.extend(RawLine(text="\t".join(cells), kind="table_row", page=page, cells=cells) for cells in rows)
            last, index = body[table.end - 1], table.end
            continue
        key = _heading_style(line, style)
        if key is not None:
            end = index + 1
            while end < len(body) and _heading_style(body[end], style) == key and _close(body[end - 1], body[end]):
                end += 1
            run = body[index:end]
            if len(run) <= MAX_HEADING_LINES and sum(len(r.text) for r in run) <= MAX_HEADING_CHARS:
                out.append(_heading(run, levels[key], style, numbers))
                last, index = body[end - 1], end
                continue
            # A whole paragraph in a heading style (an emphasised intro) is text, not a heading.
            for member in run:
                out.append(_body_line(member, out, style, numbers))
            last, index = body[end - 1], end
            continue
        out.append(_body_line(line, out, style, numbers))
        last, index, right = line, index + 1, max(right, line.x1)
    return header


def _ends_short(line: PhysicalLine, style: BodyStyle) -> bool:
    return line.x1 < style.right - SHORT_LINE * (style.right - line.x0)


def _same_row(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    return [" ".join(c.lower().split()) for c in first] == [" ".join(c.lower().split()) for c in second]


def _close(upper: PhysicalLine, lower: PhysicalLine) -> bool:
    return upper.y0 - lower.y0 <= max(upper.size, lower.size) * 1.5


def _paragraph_gap(upper: PhysicalLine, lower: PhysicalLine, style: BodyStyle, right: float) -> bool:
    """Does a paragraph end between these lines: a wide gap, or a column that ends short?"""
    if lower.y0 > upper.y0:
        # Reading moved up into the next column: a paragraph runs on unless its line stopped short.
        return upper.x1 < right - SHORT_LINE * (right - upper.x0)
    expected = style.pitch * max(upper.size, lower.size) / style.size
    return upper.y0 - lower.y0 > expected * PARAGRAPH_GAP


def _heading(lines: list[PhysicalLine], level: int, style: BodyStyle, numbers: set[int]) -> RawLine:
    text, refs = "", list[FootnoteRef]()
    for line in lines:
        line_text, line_refs = _with_refs(line, numbers)
        separator = "" if not text or text.endswith(("-", "‐")) else " "
        refs.extend(FootnoteRef(offset=ref.offset + len(text) + len(separator), number=ref.number) for ref in line_refs)
        text = f"{text}{separator}{line_text}"
    first = lines[0]
    return RawLine(
        text=text,
        kind="heading",
        page=first.page,
        level=level,
        footnote_refs=tuple(refs),
        bold=first.bold,
        italic=first.italic,
        size=round(first.size / style.size, 2),
    )


def _body_line(line: PhysicalLine, out: list[RawLine], style: BodyStyle, numbers: set[int]) -> RawLine:
    text, refs = _with_refs(line, numbers)
    kind, marker = "text", None
    match = BULLET.match(text) or ORDERED.match(text)
    if match and not (match.group("marker") in DASHES and _continues_paragraph(out)):
        kind, marker = "list_item", match.group("marker")
        if marker.startswith(UNMAPPED):
            marker = "•"
        cut = match.end()
        text = text[cut:]
        refs = [FootnoteRef(offset=ref.offset - cut, number=ref.number) for ref in refs if ref.offset >= cut]
    return RawLine(
        text=text,
        kind=kind,
        page=line.page,
        marker=marker,
        footnote_refs=tuple(refs),
        wrapped=True,
        bold=line.bold,
        italic=line.italic,
        size=round(line.size / style.size, 2),
    )


def _continues_paragraph(out: list[RawLine]) -> bool:
    """Is the last line an unfinished sentence, so that a leading dash is no bullet?"""
    if not out:
        return False
    last = out[-1]
    return last.kind == "text" and not last.text.rstrip().endswith(SENTENCE_END)


def _with_refs(line: PhysicalLine, numbers: set[int]) -> tuple[str, list[FootnoteRef]]:
    """The line's text without footnote markers; a raised number with no footnote stays."""
    text = line.text
    refs: list[FootnoteRef] = []
    for marker in reversed(line.markers):
        if marker.number not in numbers:
            text = text[: marker.offset] + marker.printed + text[marker.offset :]
            refs = [FootnoteRef(offset=r.offset + len(marker.printed), number=r.number) for r in refs]
        else:
            refs.insert(0, FootnoteRef(offset=marker.offset, number=marker.number))
    return text, refs
