"""The record written for one plan: the published JSON contract."""

from __future__ import annotations

from pydantic import Field

from models.base import Record
from models.budget import BudgetTable
from models.findings import Finding
from models.plan import PlanMeta, ReferenceFile, Source
from models.references import (
    LegalReference,
    Organisation,
    PartnerType,
    Person,
    ReferencedDocument,
)
from models.span import Span
from models.themes import Theme

SCHEMA_VERSION = "1.4"


class Footnote(Record):
    """A footnote lifted out of the body text."""

    number: int
    text: str
    span: Span
    anchor: Span | None = Field(default=None, description="The word the footnote marker was attached to.")


class OutlineEntry(Record):
    """A heading of the plan, in reading order."""

    level: int
    number: str | None = None
    title: str
    span: Span


class PlanRecord(Record):
    """Everything extracted from one plan."""

    schema_version: str = SCHEMA_VERSION
    pipeline_version: str
    nlp_pipeline: str = Field(
        default="blank nl",
        description="The spaCy pipeline the record was made with: 'blank nl' (rule components only) "
        "or the statistical model and its version, e.g. 'nl_core_news_sm 3.8.0'.",
    )
    source: Source
    reference_files: tuple[ReferenceFile, ...] = Field(
        default=(), description="The user's own laws and organisations files the record was made with, if any."
    )
    plan: PlanMeta
    themes: tuple[Theme, ...] = ()
    legal_references: tuple[LegalReference, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    partner_types: tuple[PartnerType, ...] = ()
    referenced_documents: tuple[ReferencedDocument, ...] = ()
    people: tuple[Person, ...] = ()
    budget: tuple[BudgetTable, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    findings: tuple[Finding, ...] = ()
    outline: tuple[OutlineEntry, ...] = ()
    table_of_contents: tuple[str, ...] = Field(
        default=(),
        description="Entry titles of the plan's own table of contents as printed, without page numbers; "
        "the TOC is not part of `text` and serves to cross-check the outline.",
    )
    text: str = Field(description="The normalised plan text every span points into.")
