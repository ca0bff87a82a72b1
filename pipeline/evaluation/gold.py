"""The gold format: a researcher's hand annotation of one plan, validated on load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import Field, StrictInt, ValidationError, field_validator, model_validator

from models.base import Record
from pipeline.errors import GoldFileError

# Every field the scorer reports, in report order. Gold `notes` may only name these.
FIELDS: tuple[str, ...] = (
    "metadata.municipality",
    "metadata.title",
    "metadata.period",
    "metadata.adopted",
    "themes",
    "categories",
    "empty",
    "opgave.start",
    "opgave.end",
    "opgave.tokens",
    "ambitie.start",
    "ambitie.end",
    "ambitie.tokens",
    "pillars",
    "legal_references",
    "legal_references.mentions",
    "organisations",
    "footnotes",
    "budget.cells",
    "budget.totals",
    "findings",
)


class Boundary(Record):
    """Where a part of a theme begins and ends: its first and last few words as printed."""

    first: str = Field(min_length=1, description="The first words (about six) of the part.")
    last: str = Field(min_length=1, description="The last words (about six) of the part.")


class GoldPeriod(Record):
    """The years the plan covers."""

    start: StrictInt | None = None
    end: StrictInt | None = None


class GoldAdopted(Record):
    """When, where and by whom the plan was adopted or signed."""

    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    place: str | None = None
    by: str | None = None


class GoldPlan(Record):
    """Plan metadata as the annotator reads it."""

    municipality: str | None = None
    title: str | None = None
    period: GoldPeriod = GoldPeriod()
    adopted: GoldAdopted = GoldAdopted()


class GoldTheme(Record):
    """One theme: its number and title as printed, its tier, its parts and pillars."""

    number: str = Field(min_length=1)
    title: str = Field(min_length=1)
    category: Literal["priority", "core"]
    opgave: Boundary | None = None
    ambitie: Boundary | None = None
    pillars: tuple[str, ...] = Field(default=(), description="Pillar titles from the numbered list.")
    empty: bool = False

    @model_validator(mode="after")
    def _empty_has_no_parts(self) -> GoldTheme:
        if self.empty and (self.opgave or self.ambitie or self.pillars):
            raise ValueError(f"theme {self.number} is marked empty but has parts or pillars")
        return self


class GoldLegalReference(Record):
    """A cited (law, article, lid) and how often the plan cites it."""

    law: str = Field(min_length=1, description="Citeertitel, as in the laws table.")
    article: str | None = None
    lid: StrictInt | None = None
    mentions: StrictInt = Field(default=1, ge=1)


class GoldFootnote(Record):
    """A footnote: its number and its first and last words."""

    number: StrictInt
    first: str = Field(min_length=1)
    last: str = Field(min_length=1)


class GoldBudgetLine(Record):
    """One budget line: label as printed and integer euros per year (after the multiplier)."""

    label: str = Field(min_length=1)
    amounts: dict[int, StrictInt | None]


class GoldBudgetTable(Record):
    """One budget table: its lines and the totals the plan states."""

    lines: tuple[GoldBudgetLine, ...]
    stated_total: dict[int, StrictInt | None] = Field(default_factory=dict)


class Gold(Record):
    """The hand annotation of one plan, valid for each of its listed source files."""

    gold_version: Literal[1] = 1
    sources: tuple[str, ...] = Field(min_length=1, description="Paths relative to the project root.")
    plan: GoldPlan = GoldPlan()
    themes: tuple[GoldTheme, ...] = ()
    legal_references: tuple[GoldLegalReference, ...] = ()
    organisations: tuple[str, ...] = Field(default=(), description="Canonical names.")
    organisations_optional: tuple[str, ...] = Field(
        default=(), description="Names neither rewarded nor penalised when found (undecided cases)."
    )
    footnotes: tuple[GoldFootnote, ...] = ()
    budget: tuple[GoldBudgetTable, ...] = ()
    findings: tuple[str, ...] = Field(default=(), description="Finding codes; repeat a code per finding.")
    notes: dict[str, str] = Field(
        default_factory=dict,
        description="Field -> why a score below 1.0 is a known, accepted limitation.",
    )

    @field_validator("notes")
    @classmethod
    def _notes_name_fields(cls, notes: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(notes) - set(FIELDS))
        if unknown:
            raise ValueError(f"notes name unknown fields {unknown}; known fields: {', '.join(FIELDS)}")
        return notes

    @model_validator(mode="after")
    def _unique_keys(self) -> Gold:
        numbers = [theme.number for theme in self.themes]
        if len(set(numbers)) != len(numbers):
            raise ValueError("theme numbers must be unique")
        triples = [(ref.law, ref.article, ref.lid) for ref in self.legal_references]
        if len(set(triples)) != len(triples):
            raise ValueError("list each (law, article, lid) once and give its count in `mentions`")
        return self


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file; a malformed one raises `GoldFileError` naming the problem."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GoldFileError(path, f"cannot be read: {error.strerror or error}") from error
    except UnicodeDecodeError:
        raise GoldFileError(path, "is not UTF-8 text", "save the gold file as UTF-8 JSON") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise GoldFileError(
            path, f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    try:
        return Gold.model_validate(data)
    except ValidationError as error:
        raise GoldFileError(path, f"is not a valid gold file: {_first_problem(error)}", FIX) from None


FIX = "see docs/evaluation.md for the gold format"


def _first_problem(error: ValidationError) -> str:
    problems = error.errors()
    first = problems[0]
    where = ".".join(str(part) for part in first["loc"]) or "top level"
    more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{where}: {first['msg']}{more}"
