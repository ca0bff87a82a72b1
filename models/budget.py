"""Budget tables in euros, with the themes each budget line funds."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record
from models.span import Span


class ThemeReference(Record):
    """A theme a budget explanation names, e.g. '(Thema 4 – Zorg & Veiligheid)', and its match."""

    text: str = Field(description="The reference as printed, e.g. 'Thema 4 – Zorg & Veiligheid'.")
    number: str | None = Field(
        default=None, description="The theme number as printed; for a range, its first number."
    )
    last: str | None = Field(
        default=None, description="For a range such as 'thema's 1 t/m 6': its last number."
    )
    themes: tuple[str, ...] = Field(
        default=(), description="For a range: the numbers of the plan's themes it covers."
    )
    title: str | None = Field(default=None, description="The theme title as printed.")
    all_themes: bool = Field(default=False, description="True for '(Alle thema's)'.")
    theme: str | None = Field(default=None, description="Number of the theme it was resolved to.")
    resolved_by: Literal["title", "number", "all"] | None = Field(
        default=None,
        description="Which part of the reference decided the theme (title first, number second).",
    )
    span: Span


class StatedCount(Record):
    """A count of budget lines the plan states in words, e.g. 'in totaal 9 deelproducten'."""

    count: int
    span: Span


class BudgetLine(Record):
    """One row of a budget table."""

    number: str | None = Field(
        default=None, description="The line number as printed, e.g. '1' for '1. ...'."
    )
    label: str = Field(description="As printed, without the line number.")
    amounts: dict[int, int | None] = Field(
        description="Year -> integer euros after the multiplier; None for an empty cell or a dash."
    )
    amounts_as_printed: dict[int, str]
    themes: tuple[str, ...] = Field(default=(), description="Numbers of the themes the line funds.")
    references: tuple[ThemeReference, ...] = Field(
        default=(), description="The theme references of the line's explanation ('Toelichting')."
    )
    span: Span


class BudgetTable(Record):
    """A table of amounts per year."""

    caption: str | None = None
    unit: str | None = Field(
        default=None, description="The multiplier as printed, e.g. 'bedragen x 1000 €'."
    )
    multiplier: int = 1
    currency: str = "EUR"
    years: tuple[int, ...]
    lines: tuple[BudgetLine, ...]
    stated_total: dict[int, int | None] = Field(default_factory=dict)
    computed_total: dict[int, int] = Field(
        default_factory=dict, description="Sum of the lines per year, empty cells counted as zero."
    )
    total_span: Span | None = Field(
        default=None, description="The total row, when the table has one."
    )
    stated_count: StatedCount | None = Field(
        default=None, description="The number of budget lines the text says there are."
    )
    span: Span
