"""Budget tables in euros."""

from __future__ import annotations

from pydantic import Field

from models.base import Record
from models.span import Span


class BudgetLine(Record):
    """One row of a budget table."""

    number: str | None = None
    label: str = Field(description="As printed.")
    amounts: dict[int, int | None] = Field(description="Year -> integer euros after the multiplier.")
    amounts_as_printed: dict[int, str]
    themes: tuple[str, ...] = Field(default=(), description="Numbers of the themes the line funds.")
    span: Span


class BudgetTable(Record):
    """A table of amounts per year."""

    caption: str | None = None
    unit: str | None = Field(default=None, description="The multiplier as printed, e.g. 'x 1000 €'.")
    multiplier: int = 1
    currency: str = "EUR"
    years: tuple[int, ...]
    lines: tuple[BudgetLine, ...]
    stated_total: dict[int, int | None] = Field(default_factory=dict)
    computed_total: dict[int, int] = Field(default_factory=dict)
    span: Span
