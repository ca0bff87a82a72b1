"""Intermediate documents passed between the load, normalise and segment stages."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from models.base import Record
from models.plan import Source

LineKind = Literal["text", "heading", "list_item", "table_row", "footnote", "blank", "page_break"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


class FootnoteRef(Record):
    """A footnote marker the loader removed from a line: its offset in `RawLine.text`."""

    offset: int
    number: int


class RawLine(Record):
    """One unit of text as a loader found it, with whatever layout it knows.

    Loaders of flowing formats (markdown, DOCX, HTML) emit whole paragraphs with
    `wrapped=False`; loaders of page formats (text extracted from PDF, PDF) emit
    physical lines with `wrapped=True`, which the normaliser rejoins.
    """

    text: str
    kind: LineKind = "text"
    page: int | None = None
    level: int | None = Field(default=None, description="Heading level when the source declares it.")
    marker: str | None = Field(default=None, description="List or bullet marker as printed.")
    cells: tuple[str, ...] = Field(default=(), description="Cells of a table row.")
    number: int | None = Field(default=None, description="Footnote number of a footnote line.")
    footnote_refs: tuple[FootnoteRef, ...] = ()
    wrapped: bool = False
    bold: bool = False
    italic: bool = False
    size: float | None = Field(default=None, description="Font size relative to the body font (1.0 = body).")


class LoadedDocument(Record):
    """What a loader returns: the lines of one file and facts about it."""

    source: Source
    lines: tuple[RawLine, ...]
    metadata: dict[str, str] = Field(
        default_factory=dict, description="Metadata the publication states (e.g. a CVDR block)."
    )


class Cell(Record):
    """A table cell inside the normalised text."""

    text: str
    start: int
    end: int


class Block(Record):
    """A heading, paragraph, list item or table row of the normalised text."""

    kind: BlockKind
    start: int
    end: int
    text: str
    page: int | None = None
    level: int | None = None
    marker: str | None = None
    cells: tuple[Cell, ...] = ()
    emphasis: bool = False


class NormalisedFootnote(Record):
    """A footnote lifted out of the body: its text and its marker's anchor."""

    number: int
    start: int
    end: int
    page: int | None = None
    anchor_start: int | None = None
    anchor_end: int | None = None


class Document(Record):
    """The normalised plan: one text, its blocks, and the lifted footnotes.

    The body occupies `text[:body_end]`; footnote texts follow after it so that
    every span of the record points into this one string.
    """

    source: Source
    text: str
    blocks: tuple[Block, ...]
    footnotes: tuple[NormalisedFootnote, ...] = ()
    body_end: int
    metadata: dict[str, str] = Field(default_factory=dict)


class Heading(Record):
    """A heading block with its parsed numbering and its inferred depth."""

    block: int = Field(description="Index into `Document.blocks`.")
    title: str = Field(description="Heading text without numbering and markers.")
    number: str | None = None
    style: str = Field(description="Numbering/marker style key, e.g. 'num:1', 'roman', 'part', 'plain'.")
    rank: int = Field(description="Depth in the outline, 1 = top.")


class Outline(Record):
    """The headings of a document in reading order, with their depth and extent."""

    headings: tuple[Heading, ...]
    ends: tuple[int, ...] = Field(
        description="For each heading, the index of the block where its section ends (exclusive)."
    )
