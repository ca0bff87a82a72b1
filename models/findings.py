"""Findings: things a reader of the plan should double-check."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record
from models.span import Span

Severity = Literal["info", "warning", "error"]


class Finding(Record):
    """One observation, with a stable machine code and a message for people."""

    code: str = Field(description="Stable identifier, e.g. 'budget.total_mismatch'.")
    severity: Severity
    message: str
    span: Span | None = None
    related: tuple[Span, ...] = Field(default=(), description="Further spans involved.")
