"""Legal references, organisations, partner types, documents and people."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record
from models.span import Span


class LegalReference(Record):
    """One citation of a law (or of the municipality's own bye-law)."""

    law: str = Field(description="Official citeertitel, or the name as printed when unknown.")
    bwb_id: str | None = None
    article: str | None = None
    paragraph: int | None = Field(default=None, description="Lid, as a number.")
    sub: str | None = Field(default=None, description="Onder/sub letter or number.")
    kind: Literal["national", "local", "unknown"] = "national"
    text: str = Field(description="The citation as printed.")
    jci: str | None = None
    url: str | None = None
    span: Span


class Mention(Record):
    """One place where something is named."""

    text: str
    span: Span


class Organisation(Record):
    """A named organisation, all its mentions merged under one canonical name."""

    name: str
    acronym: str | None = None
    kind: str = "other"
    mentions: tuple[Mention, ...] = ()
    count: int = 0


class PartnerType(Record):
    """A generic kind of partner ('woningcorporaties'), not a named organisation."""

    name: str
    count: int
    mentions: tuple[Mention, ...] = ()


class ReferencedDocument(Record):
    """A policy document the plan refers to."""

    title: str
    kind: Literal["plan", "coalition agreement", "council letter", "budget", "study", "other"]
    year: int | None = None
    span: Span


class Person(Record):
    """A person named in the plan."""

    name: str
    role: str | None = None
    span: Span
