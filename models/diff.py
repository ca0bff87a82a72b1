"""What changed between two versions of a plan: the result of `ivp diff`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record
from models.plan import Source

ThemeChangeKind = Literal["unchanged", "spelling", "renamed", "added", "removed"]


class WordEdit(Record):
    """One run of words replaced, removed (new is empty) or inserted (old is empty)."""

    old: str
    new: str


class TextChange(Record):
    """A changed part of a theme (opgave or ambitie), with its word-level edits."""

    part: Literal["opgave", "ambitie"]
    similarity: float = Field(description="0 to 1; 1 means equal after normalising white space and quotes.")
    edits: tuple[WordEdit, ...]
    old_text: str | None = None
    new_text: str | None = None


class ThemeChange(Record):
    """One theme of either version and what happened to it."""

    change: ThemeChangeKind
    old_number: str | None = None
    new_number: str | None = None
    old_title: str | None = None
    new_title: str | None = None
    title_similarity: float | None = Field(default=None, description="0 to 1, for matched themes.")
    renumbered: bool = False
    old_category: str | None = None
    new_category: str | None = None
    texts: tuple[TextChange, ...] = ()


class BudgetLineChange(Record):
    """A budget line added, removed or relabelled between the versions."""

    change: Literal["spelling", "renamed", "added", "removed"]
    old_label: str | None = None
    new_label: str | None = None


class BudgetCellChange(Record):
    """One amount that differs between the versions, in integer euros."""

    label: str = Field(description="The line label in the new version (old when removed).")
    year: int
    old_amount: int | None
    new_amount: int | None
    old_printed: str | None = None
    new_printed: str | None = None


class FootnoteChange(Record):
    """A footnote added, removed or rewritten (matched by number)."""

    change: Literal["added", "removed", "changed"]
    number: int
    old_text: str | None = None
    new_text: str | None = None
    similarity: float | None = None


class ReferenceChange(Record):
    """A citation of a law that one version makes more often than the other."""

    change: Literal["added", "removed"]
    citation: str
    count: int = Field(description="How many more citations the version has.")


class PlanDiff(Record):
    """All differences between an old and a new version of a plan."""

    old: Source
    new: Source
    themes: tuple[ThemeChange, ...]
    budget_lines: tuple[BudgetLineChange, ...] = ()
    budget: tuple[BudgetCellChange, ...] = ()
    footnotes: tuple[FootnoteChange, ...] = ()
    legal_references: tuple[ReferenceChange, ...] = ()
