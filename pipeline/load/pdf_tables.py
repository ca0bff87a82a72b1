"""Table rows from PDF rows whose parts stand apart: cells by x-position.

The chain: `find_tables` (runs of multi-part rows with their wrapped labels)
-> `table_columns` (x-ranges shared by the rows) -> `table_rows` (cells per row,
wrapped labels merged back into the row they belong to).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

from pipeline.load.pdf_lines import PhysicalLine

MARKER_ONLY = re.compile(r"^(?:[•▪▫■□●○◦‣⁃➢➤►▶→*-]|\(?(?:\d{1,2}|[a-zA-Z])[.)])$")
# A wrapped cell belongs to a table when it starts this close to where a column's cells start.
ALIGN_TOLERANCE = 3.0
# A table needs this many rows with separate cells; one such row is just spaced text.
MIN_TABLE_ROWS = 2
# Rows further apart than this many line pitches do not belong to the same table ...
MAX_ROW_PITCH = 2.5
# ... and a wrapped label sits closer to its row than this share of a pitch.
MAX_LABEL_GAP = 0.8


@dataclass(frozen=True, slots=True)
class Table:
    """A run of page lines that form a table: `start`..`end` in the page's line list."""

    start: int
    end: int
    rows: tuple[tuple[str, ...], ...]


def is_split(line: PhysicalLine) -> bool:
    """Does the line print parts far apart (not merely a list marker set apart from its text)?"""
    if len(line.segments) < 2:
        return False
    return not (len(line.segments) == 2 and MARKER_ONLY.match(line.segments[0].text))


def find_tables(lines: Sequence[PhysicalLine], pitch: float, footnotes: Container[int] = ()) -> list[Table]:
    """The tables among a page's lines, in order; `footnotes` are the numbers notes exist for."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        if not is_split(lines[index]):
            index += 1
            continue
        end = _run_end(lines, index, pitch)
        members = lines[index:end]
        if sum(is_split(line) for line in members) >= MIN_TABLE_ROWS:
            tables.append(Table(index, end, table_rows(members, footnotes)))
        index = max(end, index + 1)
    return tables


def _run_end(lines: Sequence[PhysicalLine], start: int, pitch: float) -> int:
    starts = [segment.x0 for segment in lines[start].segments]
    end = start + 1
    while end < len(lines):
        line, previous = lines[end], lines[end - 1]
        if previous.y0 - line.y1 > pitch * MAX_ROW_PITCH or previous.page != line.page:
            break
        if is_split(line):
            starts.extend(segment.x0 for segment in line.segments)
            end += 1
            continue
        # A one-part line inside the table is a wrapped cell: it starts where a column's cells
        # start, and a split row follows it closely or precedes it.
        aligned = any(abs(line.x0 - x) <= ALIGN_TOLERANCE for x in starts) and line.size == lines[start].size
        close_above = previous.y0 - line.y1 <= pitch * MAX_LABEL_GAP
        below = lines[end + 1] if end + 1 < len(lines) else None
        close_below = below is not None and is_split(below) and line.y0 - below.y1 <= pitch * MAX_LABEL_GAP
        if aligned and (close_above or close_below):
            end += 1
            continue
        break
    return end


def table_columns(lines: Sequence[PhysicalLine]) -> list[tuple[float, float]]:
    """The x-ranges of the columns: overlapping cell extents merged."""
    spans = sorted((segment.x0, segment.x1) for line in lines if is_split(line) for segment in line.segments)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(x0, x1) for x0, x1 in columns]


def table_rows(lines: Sequence[PhysicalLine], footnotes: Container[int] = ()) -> tuple[tuple[str, ...], ...]:
    """Cells of each row; a wrapped label joins the nearer of its neighbouring rows.

    Footnote markers leave the cells; other raised numbers (m², 10⁶) stay in them.
    """
    columns = table_columns(lines)
    rows: list[list[list[str]]] = []
    split_positions = [index for index, line in enumerate(lines) if is_split(line)]
    owner: dict[int, int] = {position: row for row, position in enumerate(split_positions)}
    for index, line in enumerate(lines):
        if index in owner:
            continue
        before = max((p for p in split_positions if p < index), default=None)
        after = min((p for p in split_positions if p > index), default=None)
        if before is None or (after is not None and _gap(line, lines[after]) < _gap(lines[before], line)):
            owner[index] = owner[after] if after is not None else 0
        else:
            owner[index] = owner[before]
    for _ in split_positions:
        rows.append([[] for _ in columns])
    for index, line in enumerate(lines):
        row = rows[owner[index]]
        for segment in line.segments:
            row[_column(columns, segment.x0, segment.x1)].append(segment.text_for(footnotes))
    return tuple(tuple(_join(parts) for parts in row) for row in rows)


def _gap(upper: PhysicalLine, lower: PhysicalLine) -> float:
    return upper.y0 - lower.y0


def _column(columns: list[tuple[float, float]], x0: float, x1: float) -> int:
    centre = (x0 + x1) / 2
    for index, (left, right) in enumerate(columns):
        if left <= centre <= right:
            return index
    return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - centre))


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = f"{text}{part}" if not text or text.endswith(("-", "‐")) else f"{text} {part}"
    return text
