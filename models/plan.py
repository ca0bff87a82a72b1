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


class LegalBasis(Record):
    """One legal basis the publication states for the plan, linked to the law where it is known."""

    text: str = Field(description="The basis as printed, e.g. 'Politiewet 2012, artikel 38b'.")
    law: str | None = Field(default=None, description="Citeertitel of the law, when the law table knows it.")
    bwb_id: str | None = Field(default=None, description="BWB id of the law, e.g. BWBR0031788.")
    article: str | None = None
    url: str | None = Field(default=None, description="The law (article) on wetten.overheid.nl.")


class Publication(Record):
    """The official publication of the plan, e.g. in the CVDR (lokaleregelgeving.overheid.nl)."""

    official_title: str | None = Field(default=None, description="Officiële naam regeling.")
    citation_title: str | None = Field(default=None, description="Citeertitel.")
    organisation: str | None = Field(
        default=None, description="Overheidsorganisatie as printed, e.g. 'Gemeente Westerkwartier'."
    )
    adopted_by: str | None = Field(
        default=None, description="Vastgesteld door, as printed; else the body the council decision names."
    )
    subject: str | None = Field(default=None, description="Onderwerp.")
    in_force_date: str | None = Field(
        default=None, description="Datum inwerkingtreding of the newest version, ISO 8601."
    )
    signed_date: str | None = Field(default=None, description="Datum ondertekening, ISO 8601.")
    announcement: str | None = Field(default=None, description="Bron bekendmaking as printed, e.g. 'gmb-2023-323973'.")
    announcement_url: str | None = Field(
        default=None, description="The bekendmaking on zoek.officielebekendmakingen.nl."
    )
    cvdr_id: str | None = Field(default=None, description="CVDR identifier, e.g. 'CVDR700001/1'.")


class PlanMeta(Record):
    """What the plan is: whose, which period, adopted when."""

    municipality: str | None = Field(
        default=None, description="Official name (CBS list) when the municipality is known, else the name as printed."
    )
    municipality_code: str | None = Field(
        default=None, description="CBS municipality code (GM0268) of `municipality`; null when the list lacks it."
    )
    municipalities: tuple[str, ...] = ()
    title: str | None = None
    period: Period = Period()
    adopted: Adopted = Adopted()
    tiers: tuple[str, ...] = Field(default=(), description="Priority tier headings as printed.")
    legal_basis: tuple[LegalBasis, ...] = Field(
        default=(), description="Legal basis as stated by the publication (e.g. CVDR) or its council decision."
    )
    publication: Publication | None = Field(
        default=None, description="Official publication data, when the source is a publication."
    )
