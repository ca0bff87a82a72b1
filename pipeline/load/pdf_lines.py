"""One PDF page as physical lines: text, position, type style and footnote markers.

pdfminer.six groups characters into text lines; this module turns each of its
pages into `PageLines`, a compact value that no longer holds pdfminer objects,
so a long document is streamed page by page. Lines that share a baseline are
grouped into one row; a row whose parts stand far apart keeps them as
`segments`, which the structure step reads as table cells.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass

from pdfminer.layout import (
    LTAnno,
    LTChar,
    LTComponent,
    LTCurve,
    LTFigure,
    LTLayoutContainer,
    LTPage,
    LTTextBox,
    LTTextLineHorizontal,
)

SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
STYLE_SUFFIX = re.compile(r"[-,].*$|(?:MT|PS)$")
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
ITALIC_NAME = re.compile(r"italic|oblique|slanted|kursiv", re.IGNORECASE)
# Ligature glyphs spelled out, so that "ﬁnanciën" reads as "financiën"; a soft hyphen that
# was printed (at a line end) is a hyphen like any other, which the normaliser judges.
GLYPH_TEXT = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\xad": "-"}
# A marker is at most three digits; a footnote number above 999 is a year or an amount.
MAX_MARKER_DIGITS = 3
# Superscripts are set at most this share of the line's type size ...
SUPERSCRIPT_SIZE = 0.8
# ... or raised above the baseline by at least this share of it.
SUPERSCRIPT_RISE = 0.25
# Parts of a row closer than this share of the type size touch: no space between them.
WORD_GAP = 0.1
# Parts of a row further apart than this many type sizes are separate cells.
CELL_GAP = 1.2
# A rule that separates footnotes from the body: thin, and short compared with the text width.
RULE_MAX_THICKNESS = 1.5
RULE_MIN_WIDTH = 20.0
# A form object covering this share of the page is a wrapper around page content, not a figure.
WRAPPER_AREA = 0.5


@dataclass(frozen=True, slots=True)
class Marker:
    """A superscript footnote number taken out of a line's text at `offset`."""

    offset: int
    number: int
    printed: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text in a row, with its horizontal extent and the raised numbers taken out."""

    x0: float
    x1: float
    text: str
    markers: tuple[Marker, ...] = ()

    def text_for(self, footnotes: Container[int]) -> str:
        """The text with raised numbers put back, except those that are footnote markers."""
        text = self.text
        for marker in reversed(self.markers):
            if marker.number not in footnotes:
                text = text[: marker.offset] + marker.printed + text[marker.offset :]
        return text


@dataclass(frozen=True, slots=True)
class PhysicalLine:
    """A printed line (or table row) of one page with its dominant type style.

    `y0` is the bottom of the line's body-size glyphs (raised markers do not move it);
    `lead_number` is a small or raised number that opens the line, as footnotes start.
    """

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool
    italic: bool
    family: str
    segments: tuple[Segment, ...]
    markers: tuple[Marker, ...] = ()
    lead_number: int | None = None


@dataclass(frozen=True, slots=True)
class PageLines:
    """The lines of one page in reading order, and what the page says about its layout."""

    number: int
    width: float
    height: float
    lines: tuple[PhysicalLine, ...]
    rule_y: float | None
    sizes: Counter[tuple[float, str]]


@dataclass(frozen=True, slots=True)
class _Line:
    """A pdfminer text line as glyphs, with its bounding box."""

    glyphs: list[_Glyph]
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    y0: float
    size: float
    font: str


def font_family(fontname: str) -> str:
    """The family of a PDF font name: 'ABCDEF+DejaVuSans-Bold' -> 'DejaVuSans'."""
    return STYLE_SUFFIX.sub("", SUBSET_PREFIX.sub("", fontname)) or fontname


def page_lines(page: LTPage, number: int) -> PageLines:
    """The physical lines of a pdfminer page, in reading order."""
    text_lines = list(_text_lines(page, page.width * page.height))
    sizes: Counter[tuple[float, str]] = Counter(
        (round(glyph.size, 1), glyph.font) for line in text_lines for glyph in line.glyphs if glyph.text != " "
    )
    ordered = _reading_order(text_lines, page.width)
    rows = [_row_line(row, number) for row in _rows(ordered)]
    return PageLines(
        number=number,
        width=page.width,
        height=page.height,
        lines=tuple(row for row in rows if row is not None),
        rule_y=_footnote_rule(page),
        sizes=sizes,
    )


def _text_lines(container: LTLayoutContainer, page_area: float) -> Iterator[_Line]:
    for element in container:
        if isinstance(element, LTTextBox):
            for line in element:
                if isinstance(line, LTTextLineHorizontal):
                    glyphs = _glyphs(line)
                    if any(not glyph.text.isspace() for glyph in glyphs):
                        yield _Line(glyphs, line.x0, line.x1, line.y0, line.y1)
        elif isinstance(element, LTFigure) and element.width * element.height >= page_area * WRAPPER_AREA:
            # Some producers wrap a whole page in one form object: its text is the page's text.
            # Smaller figures (charts, logos) keep their labels out of the body.
            yield from _text_lines(element, page_area)


def _glyphs(line: LTTextLineHorizontal) -> list[_Glyph]:
    glyphs: list[_Glyph] = []
    for item in line:
        if isinstance(item, LTChar):
            text = item.get_text()
            glyphs.append(_Glyph(GLYPH_TEXT.get(text, text), item.x0, item.x1, item.y0, item.size, item.fontname))
        elif isinstance(item, LTAnno) and item.get_text() == " " and glyphs:
            last = glyphs[-1]
            glyphs.append(_Glyph(" ", last.x1, last.x1, last.y0, last.size, last.font))
    return glyphs


def _reading_order(lines: list[_Line], page_width: float) -> list[_Line]:
    """Top to bottom; on a two-column page, the left column before the right one."""
    lines = sorted(lines, key=lambda line: (-line.y1, line.x0))
    gutter = _gutter(lines, page_width)
    if gutter is None:
        return lines
    ordered: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:
        if line.x0 < gutter < line.x1:
            # A line across the gutter (a title, a full-width table) closes the column band.
            ordered.extend(left + right)
            left, right = [], []
            ordered.append(line)
        elif line.x1 <= gutter:
            left.append(line)
        else:
            right.append(line)
    return ordered + left + right


def _gutter(lines: list[_Line], page_width: float) -> float | None:
    """The x of a blank vertical strip between two columns of prose, if the page has one."""
    wide = [(line.x0, line.x1) for line in lines if line.x1 - line.x0 > page_width * 0.25]
    if len(wide) < 6:
        return None
    middle = page_width / 2
    left = [span for span in wide if span[1] < middle]
    right = [span for span in wide if span[0] > middle]
    crossing = [span for span in wide if span[0] < middle < span[1]]
    if len(left) < 3 or len(right) < 3 or len(crossing) > len(wide) * 0.2:
        return None
    return (max(span[1] for span in left) + min(span[0] for span in right)) / 2


def _rows(lines: list[_Line]) -> Iterator[list[_Line]]:
    """Group lines that share a baseline band (table cells, a split list marker, a raised digit)."""
    row: list[_Line] = []
    low = high = 0.0
    for line in lines:
        bottom, top = line.y0, line.y1
        overlaps = min(high, top) - max(low, bottom) > 0.5 * min(high - low, top - bottom)
        if row and (overlaps or _raised_number(row[-1], line) or _raised_number(line, row[-1])):
            row.append(line)
            low, high = min(low, bottom), max(high, top)
            continue
        if row:
            yield row
        row, low, high = [line], bottom, top
    if row:
        yield row


def _raised_number(marker: _Line, line: _Line) -> bool:
    """Is `marker` a small number that pdfminer set apart because it sits high on `line`?"""
    if len(marker.glyphs) > MAX_MARKER_DIGITS or not all(g.text.isdigit() for g in marker.glyphs):
        return False
    marker_size = max(g.size for g in marker.glyphs)
    line_size = max(g.size for g in line.glyphs)
    return (
        marker_size <= line_size * SUPERSCRIPT_SIZE
        and line.y0 <= marker.y0 <= line.y1 + marker_size
        and line.x0 <= marker.x0 <= line.x1 + line_size
    )


def _row_line(row: list[_Line], page: int) -> PhysicalLine | None:
    row = sorted(row, key=lambda line: line.x0)
    body = [g for line in row for g in line.glyphs if g.text != " "]
    size = Counter(round(g.size, 1) for g in body).most_common(1)[0][0]
    bases = sorted(g.y0 for g in body if round(g.size, 1) == size)
    base = bases[len(bases) // 2]
    parts: list[list[_Glyph]] = []
    for line in row:
        glyphs = line.glyphs
        distance = glyphs[0].x0 - parts[-1][-1].x1 if parts else 0.0
        if parts and distance < CELL_GAP * size:
            # Parts that touch (a raised marker set on its own line) join without a space.
            if distance > size * WORD_GAP and parts[-1][-1].text != " " and glyphs[0].text != " ":
                parts[-1].append(_Glyph(" ", parts[-1][-1].x1, glyphs[0].x0, base, size, glyphs[0].font))
            parts[-1].extend(glyphs)
        else:
            parts.append(list(glyphs))
    texts: list[str] = []
    markers: list[Marker] = []
    lead_number: int | None = None
    segments: list[Segment] = []
    for index, part in enumerate(parts):
        text, part_markers, lead = _text_and_markers(part, size, base)
        if index == 0:
            lead_number = lead
        offset = sum(len(t) + 1 for t in texts)
        markers.extend(Marker(m.offset + offset, m.number, m.printed) for m in part_markers)
        texts.append(text)
        segments.append(Segment(part[0].x0, part[-1].x1, text, tuple(part_markers)))
    text = " ".join(texts)
    letters = [g for g in body if g.text.isalnum()] or body
    fonts = Counter(g.font for g in letters)
    bold = sum(n for f, n in fonts.items() if BOLD_NAME.search(f)) > len(letters) / 2
    italic = sum(n for f, n in fonts.items() if ITALIC_NAME.search(f)) > len(letters) / 2
    if not text.strip():
        return None
    return PhysicalLine(
        page=page,
        x0=row[0].x0,
        y0=base,
        x1=max(line.x1 for line in row),
        y1=max(line.y1 for line in row),
        text=text,
        size=size,
        bold=bold,
        italic=italic,
        family=font_family(fonts.most_common(1)[0][0]),
        segments=tuple(segments),
        markers=tuple(markers),
        lead_number=lead_number,
    )


def _is_superscript(glyph: _Glyph, size: float, base: float) -> bool:
    return glyph.size <= size * SUPERSCRIPT_SIZE or glyph.y0 - base >= size * SUPERSCRIPT_RISE


def _text_and_markers(part: list[_Glyph], size: float, base: float) -> tuple[str, list[Marker], int | None]:
    """The text of a row part without superscript digits, which become markers.

    A superscript number at the very start of the part is a footnote's own number
    (`lead`); it stays in the text.
    """
    if not any(g.text.isdigit() and _is_superscript(g, size, base) for g in part):
        return "".join(g.text for g in part).strip(), [], None
    out: list[str] = []
    markers: list[Marker] = []
    index = 0
    lead: int | None = None
    while index < len(part):
        glyph = part[index]
        if glyph.text.isdigit() and _is_superscript(glyph, size, base):
            end = index
            while end < len(part) and part[end].text.isdigit() and _is_superscript(part[end], size, base):
                end += 1
            digits = "".join(g.text for g in part[index:end])
            if len(digits) <= MAX_MARKER_DIGITS:
                if not "".join(out).strip():
                    lead = int(digits)
                elif not out[-1].isspace():
                    markers.append(Marker(len("".join(out)), int(digits), digits))
                    index = end
                    continue
            out.extend(g.text for g in part[index:end])
            index = end
            continue
        out.append(glyph.text)
        index += 1
    raw = "".join(out)
    stripped = raw.lstrip()
    shift = len(raw) - len(stripped)
    text = stripped.rstrip()
    return text, [Marker(m.offset - shift, m.number, m.printed) for m in markers], lead


def _footnote_rule(page: LTPage) -> float | None:
    """The y of a short horizontal rule in the lower half of the page (a footnote separator)."""
    rules = [
        element.y1
        for element in _graphics(page)
        if element.height <= RULE_MAX_THICKNESS
        and RULE_MIN_WIDTH <= element.width <= page.width * 0.5
        and element.y1 < page.height * 0.5
    ]
    return max(rules) if rules else None


def _graphics(page: Iterable[LTComponent]) -> Iterator[LTCurve]:
    for element in page:
        if isinstance(element, LTCurve):
            yield element
