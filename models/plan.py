"""Plan-level metadata and source provenance."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record
from models.span import Span


class Source(Record):
    """The file a record was extracted from."""

    path: str
    sha256: str
    format: str = Field(description="txt, md, pdf, docx or html.")
    pages: int | None = Field(default=None, description="Page count where the format has pages.")


class ReferenceFile(Record):
    """A reference data file of the user's that a record was extracted with."""

    kind: Literal["laws", "organisations"]
    path: str = Field(description="As given (--laws, --organisations).")
    sha256: str = Field(description="Of the file's content: a record made with other content is not up to date.")


class Period(Record):
    """The years a plan covers."""

    start: int | None = None
    end: int | None = None
    inferred: bool = Field(
        default=False, description="True when not printed in the title area but inferred from the body."
    )
    span: Span | None = None


class Adopted(Record):
    """When, where and by whom the plan was adopted or signed."""

    date: str | None = Field(default=None, description="ISO 8601 date.")
    place: str | None = None
    by: str | None = Field(default=None, description="e.g. gemeenteraad, college van B&W.")
    span: Span | None = None


class PlanMeta(Record):
    """What the plan is: whose, which period, adopted when."""

    municipality: str | None = None
    municipalities: tuple[str, ...] = ()
    title: str | None = None
    period: Period = Period()
    adopted: Adopted = Adopted()
    tiers: tuple[str, ...] = Field(default=(), description="Priority tier headings as printed.")
    legal_basis: tuple[str, ...] = Field(
        default=(), description="Legal basis as stated by the publication (e.g. CVDR), as printed."
    )
