"""The findings the budget extractor makes itself: rows and tables it could not read in full."""

from __future__ import annotations

from models import Document, Finding, Span
from pipeline.extractors.budget_rows import Header, Row, cell_texts
from pipeline.spans import Locator


def ragged_row_finding(row: Row, header: Header, span: Span) -> Finding:
    """A row with fewer amounts than years, read as the last years."""
    read = sorted(row.printed)
    return Finding(
        code="budget.ragged_row",
        severity="warning",
        message=(
            f"Budget line '{row.label}' has {len(read)} amounts for {len(header.years)} years; "
            f"they were read as the years {read[0]}-{read[-1]}. Check the row in the plan."
        ),
        span=span,
    )


def unreadable_cells_finding(row: Row, span: Span) -> Finding:
    """A row with cells in year columns that are not amounts ('PM', 'n.n.b.'), read as empty."""
    cells = ", ".join(f"'{row.printed[year]}' for {year}" for year in row.unreadable)
    return Finding(
        code="budget.unreadable_cell",
        severity="warning",
        message=(
            f"Budget line '{row.label}' has {cells}, which is not an amount; "
            "it was read as empty and the total counts it as zero."
        ),
        span=span,
    )


def unreadable_table(document: Document, first: int, last: int, reason: str, locator: Locator) -> Finding:
    """A table that looks like a budget (money words, years, amounts) but could not be read."""
    span = locator.span(document.blocks[first].start, document.blocks[last].end)
    page = f" on page {span.page}" if span.page is not None else ""
    opening = cell_texts(document.blocks[first])[0]
    return Finding(
        code="budget.unreadable_table",
        severity="warning",
        message=(
            f"The table{page} starting '{opening}' looks like a budget table, but {reason}; "
            "its amounts are not in the record. Check the table in the plan."
        ),
        span=span,
    )
