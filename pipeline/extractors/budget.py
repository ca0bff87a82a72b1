"""Budget tables: the table rows of a normalised plan -> budget tables in integer euros.

A chain of small steps, each a plain function:
rows_to_tables -> tables_to_segments (header and years, repeated headers dropped;
budget_rows.py) -> join_continuations -> segment_to_table (unit, lines, totals)
-> theme links (budget_links.py). Tables that look like budgets but cannot be read, and
cells that are no amounts, become findings (budget_findings.py). No spaCy needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from models import BudgetLine, BudgetTable, Document, Finding, Span, Theme
from pipeline.extractors.budget_findings import ragged_row_finding, unreadable_cells_finding, unreadable_table
from pipeline.extractors.budget_links import explanation_region, find_stated_count, link_lines
from pipeline.extractors.budget_rows import (
    Header,
    Row,
    cell_texts,
    label_kind,
    merge_wrapped_labels,
    read_header,
    read_row,
)
from pipeline.extractors.budget_words import vocabulary
from pipeline.numbers import Cell, Unit, parse_unit, read_amount, to_euros
from pipeline.spans import Locator

# Longer paragraphs between table rows are text, not a wrapped label.
_MAX_FRAGMENT_LENGTH = 80
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Longer lines above a table are text, not its caption.
_MAX_CAPTION_LENGTH = 120
# Blocks between two parts of a table split by a page break (running heads, page numbers).
_MAX_CONTINUATION_GAP = 2


class RawTable(NamedTuple):
    """Consecutive table rows: the block index of each row."""

    rows: tuple[int, ...]


class Segment(NamedTuple):
    """One budget table before its rows are read: header, data rows, rows above the header."""

    header: Header
    header_row: int
    rows: tuple[int, ...]
    before: tuple[int, ...]


def is_label_fragment(document: Document, index: int) -> bool:
    """A short paragraph inside a table: a row label that wrapped onto a line of its own."""
    block = document.blocks[index]
    # A numbered label ('2. Veilige evenementen en') reads to the normaliser as a list item.
    if block.kind not in ("paragraph", "list_item") or len(block.text) > _MAX_FRAGMENT_LENGTH or index == 0:
        return False
    if block.text.rstrip().endswith((".", ":")):  # a sentence, e.g. a source note
        return False
    previous = document.blocks[index - 1]
    if previous.kind != "table_row" or label_kind(cell_texts(previous)[0]) == "total":
        return False
    following = document.blocks[index + 1] if index + 1 < len(document.blocks) else None
    return (following is not None and following.kind == "table_row") or block.text[:1].islower()


def rows_to_tables(document: Document) -> tuple[RawTable, ...]:
    """Runs of consecutive table rows, with wrapped label fragments between them."""
    tables: list[list[int]] = []
    for index, block in enumerate(document.blocks):
        # A fragment follows a table row, which is then the last row taken: only then can a
        # paragraph be one, so most blocks of a plan skip the call.
        after_row = bool(tables) and tables[-1][-1] == index - 1
        if block.kind != "table_row" and not (after_row and is_label_fragment(document, index)):
            continue
        if tables and tables[-1][-1] == index - 1:
            tables[-1].append(index)
        else:
            tables.append([index])
    return tuple(RawTable(tuple(rows)) for rows in tables)


def under_contents_heading(document: Document, first_row: int) -> bool:
    """Whether the rows sit under an 'Inhoud(sopgave)' heading: a table of contents."""
    for block in reversed(document.blocks[:first_row]):
        if block.kind == "heading":
            title = re.sub(r"[^\w\s]", "", block.text).strip().casefold()
            return title in vocabulary().contents_headings
    return False


def tables_to_segments(document: Document, table: RawTable) -> tuple[Segment, ...]:
    """Split a run of rows at each header; a header that repeats the current years is dropped."""
    segments: list[Segment] = []
    before: list[int] = []
    current: tuple[Header, int, list[int]] | None = None
    for index in table.rows:
        header = read_header(cell_texts(document.blocks[index]))
        if header is not None and current is not None and header.years == current[0].years:
            continue  # repeated after a page break
        if header is not None:
            if current is not None:
                segments.append(Segment(current[0], current[1], tuple(current[2]), tuple(before)))
                before = []
            current = (header, index, [])
        elif current is None:
            before.append(index)
        else:
            current[2].append(index)
    if current is not None:
        segments.append(Segment(current[0], current[1], tuple(current[2]), tuple(before)))
    return tuple(segments)


def join_continuations(document: Document, tables: Sequence[RawTable]) -> tuple[Segment, ...]:
    """Budget segments, with rows that continue a table on the next page joined to it."""
    segments: list[Segment] = []
    for table in tables:
        if under_contents_heading(document, table.rows[0]):
            continue
        own = tables_to_segments(document, table)
        previous = segments[-1] if segments else None
        gap = document.blocks[previous.rows[-1] + 1 if previous and previous.rows else 0 : table.rows[0]]
        continues = (
            previous is not None
            and not ends_with_total(document, previous)
            and len(gap) <= _MAX_CONTINUATION_GAP
            and all(block.kind != "heading" for block in gap)
        )
        if continues and previous is not None:
            if not own:
                segments[-1] = previous._replace(rows=previous.rows + table.rows)
                continue
            if own[0].header.years == previous.header.years and not own[0].before:
                segments[-1] = previous._replace(rows=previous.rows + own[0].rows)
                own = own[1:]
        segments.extend(own)
    return tuple(segments)


def is_caption_line(text: str) -> bool:
    """A short line that names a table ('Middelen veiligheid (bedragen x € 1 mln)'), not a sentence."""
    stripped = text.strip()
    if not 0 < len(stripped) <= _MAX_CAPTION_LENGTH or stripped.endswith((".", ":", ";", "!", "?")):
        return False
    unit = parse_unit(stripped)
    named = stripped.replace(unit.text, " ") if unit else stripped
    return re.search(r"[^\W\d_]{2,}", named) is not None  # more than a unit ('Bedragen x € 1.000')


def find_caption(document: Document, first_row: int) -> int | None:
    """The block index of the table's own caption: the line right above it, else a heading close above.

    An HTML <caption> reaches this stage as the paragraph right above the rows, so the
    table's own caption wins over the section heading above it.
    """
    previous = document.blocks[first_row - 1] if first_row > 0 else None
    if previous is not None and previous.kind == "paragraph" and is_caption_line(previous.text):
        return first_row - 1
    for index in range(first_row - 1, max(-1, first_row - 4), -1):
        block = document.blocks[index]
        if block.kind == "table_row":
            return None
        if block.kind == "heading":
            return index
    if previous is not None and previous.kind == "paragraph" and len(previous.text) <= _MAX_CAPTION_LENGTH:
        return first_row - 1
    return None


def find_unit(document: Document, segment: Segment, caption: int | None) -> Unit | None:
    """The unit of a table: in the first header cell, rows above it, or the caption."""
    texts = [segment.header.prefix]
    texts += [document.blocks[index].text for index in segment.before]
    start = caption if caption is not None else segment.header_row
    texts += [document.blocks[index].text for index in range(start, segment.header_row)]
    for text in texts:
        unit = parse_unit(text)
        if unit is not None:
            return unit
    return None


def is_about_money(document: Document, segment: Segment, caption: int | None) -> bool:
    """Whether a table with year columns holds money, not indicators: its words say so."""
    indices = [*segment.before, segment.header_row, *segment.rows]
    if caption is not None:
        indices.append(caption)
    text = " ".join(document.blocks[index].text for index in indices).casefold()
    return any(word in text for word in vocabulary().money_words)


def ends_with_total(document: Document, segment: Segment) -> bool:
    """Whether the last row of a segment is its total row."""
    if not segment.rows:
        return False
    return label_kind(cell_texts(document.blocks[segment.rows[-1]])[0]) == "total"


def euros(amounts: dict[int, Cell | None], multiplier: int) -> dict[int, int | None]:
    """Amounts per year as read -> integer euros (None for empty cells and cells that are no amount).

    A cell with its own scale word ('€ 1,2 mln') uses it; the others use the table's multiplier.
    """
    result: dict[int, int | None] = {}
    for year, cell in amounts.items():
        if cell is None:  # reported as an unreadable cell
            result[year] = None
            continue
        factor = cell.unit.multiplier if cell.unit else multiplier
        result[year] = None if cell.value is None else to_euros(cell.value, factor)
    return result


def cell_unit(rows: Sequence[Row]) -> tuple[Unit | None, bool]:
    """The unit the cells carry themselves, when they agree, and whether bare amounts sit beside them.

    ('€ 1,2 mln' in every cell: mln, False; '€ 1,2 mln' beside '0,8': mln, True.)
    """
    units: dict[int, Unit] = {}
    bare = False
    for row in rows:
        for cell in row.amounts.values():
            if cell is None:
                continue
            if cell.unit is not None:
                units.setdefault(cell.unit.multiplier, cell.unit)
            elif cell.value is not None:
                bare = True
    if len(units) != 1:
        return None, bare and bool(units)
    return next(iter(units.values())), bare


def segment_to_table(
    document: Document, segment: Segment, locator: Locator
) -> tuple[BudgetTable | None, tuple[Finding, ...]]:
    """Read the rows of one segment into a budget table with stated and computed totals."""
    header = segment.header
    caption_index = find_caption(document, segment.before[0] if segment.before else segment.header_row)
    unit = find_unit(document, segment, caption_index)
    if unit is None and not is_about_money(document, segment, caption_index):
        return None, ()
    rows = [read_row(index, document.blocks[index], header) for index in segment.rows]
    rows = [row for row in rows if row.label or row.printed]
    first_block = segment.before[0] if segment.before else segment.header_row
    last_block = segment.rows[-1] if segment.rows else segment.header_row
    own, ambiguous = cell_unit(rows)
    if unit is None and ambiguous:
        reason = "its cells carry different units and some amounts have none, so their unit is unknown"
        return None, (unreadable_table(document, first_block, last_block, reason, locator),)
    unit = unit or own
    multiplier = unit.multiplier if unit else 1
    lines: list[BudgetLine] = []
    findings: list[Finding] = []
    stated: dict[int, int | None] = {}
    total_span: Span | None = None
    for row in merge_wrapped_labels(rows):
        span = locator.span(document.blocks[row.first].start, document.blocks[row.last].end)
        kind = label_kind(row.label)
        if kind == "subtotal":
            continue
        amounts = euros(row.amounts, multiplier)
        if kind == "total":
            stated, total_span = amounts, span
            continue
        if row.ragged:
            findings.append(ragged_row_finding(row, header, span))
        if row.unreadable:
            findings.append(unreadable_cells_finding(row, span))
        lines.append(
            BudgetLine(
                number=row.number,
                label=row.label,
                amounts={year: amounts.get(year) for year in header.years},
                amounts_as_printed={year: row.printed.get(year, "") for year in header.years},
                span=span,
            )
        )
    if not lines or all(value is None for line in lines for value in line.amounts.values()):
        if not rows:
            return None, ()
        reason = "no row has amounts that can be read under its year columns"
        return None, (unreadable_table(document, first_block, last_block, reason, locator),)
    first = document.blocks[segment.header_row].start
    last = document.blocks[segment.rows[-1]].end if segment.rows else document.blocks[segment.header_row].end
    caption = document.blocks[caption_index].text.strip() if caption_index is not None else None
    table = BudgetTable(
        caption=caption or None,
        unit=unit.text if unit else None,
        multiplier=multiplier,
        years=header.years,
        lines=tuple(lines),
        stated_total=stated,
        computed_total={year: sum(line.amounts[year] or 0 for line in lines) for year in header.years},
        total_span=total_span,
        span=locator.span(first, last),
    )
    return table, tuple(findings)


def looks_like_budget(document: Document, table: RawTable) -> bool:
    """Rows that mention money or a unit and hold a year and at least two amounts."""
    texts = [document.blocks[index].text for index in table.rows]
    caption = find_caption(document, table.rows[0])
    if caption is not None:
        texts.append(document.blocks[caption].text)
    joined = " ".join(texts)
    money = parse_unit(joined) is not None or any(word in joined.casefold() for word in vocabulary().money_words)
    cells = [cell for index in table.rows for cell in cell_texts(document.blocks[index])]
    amounts = sum(1 for cell in map(read_amount, cells) if cell is not None and cell.value is not None)
    return money and _YEAR.search(joined) is not None and amounts >= 2


def headerless_tables(
    document: Document, tables: Sequence[RawTable], segments: Sequence[Segment], locator: Locator
) -> tuple[Finding, ...]:
    """Findings for tables that look like budgets but have no row of years to read them by."""
    placed = {index for segment in segments for index in (*segment.before, segment.header_row, *segment.rows)}
    findings: list[Finding] = []
    for table in tables:
        if placed.intersection(table.rows) or under_contents_heading(document, table.rows[0]):
            continue
        if looks_like_budget(document, table):
            reason = "it has no header row with the years as columns in one order"
            findings.append(unreadable_table(document, table.rows[0], table.rows[-1], reason, locator))
    return tuple(findings)


def extract_budget(
    document: Document, themes: Sequence[Theme], locator: Locator | None = None
) -> tuple[tuple[BudgetTable, ...], tuple[Finding, ...]]:
    """The budget tables of a plan, each line linked to the themes its explanation names."""
    locator = locator or Locator.for_document(document)
    raw = rows_to_tables(document)
    segments = join_continuations(document, raw)
    read: list[tuple[Segment, BudgetTable]] = []
    findings: list[Finding] = []
    for segment in segments:
        table, table_findings = segment_to_table(document, segment, locator)
        findings.extend(table_findings)
        if table is not None:
            read.append((segment, table))
    findings.extend(headerless_tables(document, raw, segments, locator))
    tables: list[BudgetTable] = []
    for position, (segment, table) in enumerate(read):
        end = segment.rows[-1] if segment.rows else segment.header_row
        stop = read[position + 1][0].header_row if position + 1 < len(read) else len(document.blocks)
        first = segment.before[0] if segment.before else segment.header_row
        caption = find_caption(document, first)
        labels = [line.label for line in table.lines]
        explanation = explanation_region(document, labels, range(end + 1, stop))
        lines = link_lines(document, table.lines, themes, explanation, locator)
        above = range(caption if caption is not None else first, first)
        count = find_stated_count(document, (above, explanation.blocks), locator)
        tables.append(table.model_copy(update={"lines": lines, "stated_count": count}))
    return tuple(tables), tuple(findings)
