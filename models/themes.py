"""Themes and their parts: opgave, ambitie, aanpak, indicators, pillars."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record
from models.span import Span

Category = Literal["priority", "core"]


class Part(Record):
    """A named part of a theme (problem statement, goal, approach ...)."""

    heading: str = Field(description="The heading as printed, e.g. 'Opgave' or 'Wat willen we bereiken?'.")
    text: str
    span: Span


class Pillar(Record):
    """One item of a theme's approach ('Onze aanpak berust op drie pijlers')."""

    number: str | None = None
    title: str
    heading: str | None = Field(default=None, description="Heading of the sub-section that elaborates it.")
    text: str = ""
    span: Span


class Subsection(Record):
    """A named part of a theme that is neither a standard part nor a pillar ('Context')."""

    title: str
    text: str
    span: Span


class KbvLabel(Record):
    """A label from the VNG Kernbeleid Veiligheid taxonomy, with its evidence."""

    code: str
    label: str
    score: float
    evidence: tuple[str, ...] = ()
    taxonomy: str = "kbv-2021"


class Theme(Record):
    """A theme of the plan with its parts and provenance."""

    number: str | None = Field(default=None, description="As printed, e.g. '3', '3.1', 'II'.")
    title: str
    category: Category | None = None
    tier_label: str | None = None
    opgave: Part | None = None
    ambitie: Part | None = None
    aanpak: Part | None = None
    indicators: Part | None = None
    pillars: tuple[Pillar, ...] = ()
    subsections: tuple[Subsection, ...] = ()
    empty: bool = False
    kbv: tuple[KbvLabel, ...] = ()
    span: Span
