"""Pydantic records of the ivp extractor: the JSON contract and the stage values."""

from models.budget import BudgetLine, BudgetTable, StatedCount, ThemeReference
from models.document import (
    Block,
    Cell,
    Document,
    FootnoteRef,
    Heading,
    LoadedDocument,
    NormalisedFootnote,
    Outline,
    RawLine,
)
from models.findings import Finding, Severity
from models.plan import Adopted, LegalBasis, Period, PlanMeta, Publication, ReferenceFile, Source
from models.record import SCHEMA_VERSION, Footnote, OutlineEntry, PlanRecord
from models.references import (
    LegalReference,
    Mention,
    Organisation,
    PartnerType,
    Person,
    ReferencedDocument,
)
from models.span import Span
from models.themes import KbvLabel, Part, Pillar, Subsection, Theme

__all__ = [
    "SCHEMA_VERSION",
    "Adopted",
    "Block",
    "BudgetLine",
    "BudgetTable",
    "Cell",
    "Document",
    "Finding",
    "Footnote",
    "FootnoteRef",
    "Heading",
    "KbvLabel",
    "LegalBasis",
    "LegalReference",
    "LoadedDocument",
    "Mention",
    "NormalisedFootnote",
    "Organisation",
    "Outline",
    "OutlineEntry",
    "Part",
    "PartnerType",
    "Period",
    "Person",
    "Pillar",
    "PlanMeta",
    "PlanRecord",
    "Publication",
    "RawLine",
    "ReferenceFile",
    "ReferencedDocument",
    "Severity",
    "Source",
    "Span",
    "StatedCount",
    "Subsection",
    "Theme",
    "ThemeReference",
]
