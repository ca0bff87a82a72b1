"""Normalise stage: loader lines -> one clean text with blocks, footnotes lifted out.

The steps, in order: drop running headers/footers, lift footnotes out of page
text, rejoin wrapped lines into blocks, drop the table of contents, strip
decorative markers and stray white space, and lay the blocks out as one text.
"""

from __future__ import annotations

import re

from models import Document, FootnoteRef, LoadedDocument
from models.base import Fields
from pipeline.normalise.drafts import Draft, to_drafts
from pipeline.normalise.footnotes import lift_footnotes
from pipeline.normalise.furniture import drop_running_lines
from pipeline.normalise.patterns import BULLET_MARKER, ORDERED_MARKER
from pipeline.normalise.screens import single_spaced
from pipeline.normalise.toc import drop_toc

PARAGRAPH_BREAK = "\n\n"
LINE_BREAK = "\n"
TOC_KEY = "toc"
WHITESPACE_RUN = re.compile(r"\s{2,}")


def normalise(loaded: LoadedDocument) -> Document:
    """The normalised document every later stage and every span refers to."""
    lines = drop_running_lines(loaded.lines)
    lines = lift_footnotes(lines)
    drafts, toc = drop_toc(to_drafts(lines))
    drafts = [_tidy(draft) for draft in drafts]
    metadata = dict(loaded.metadata)
    if toc:
        metadata[TOC_KEY] = "\n".join(toc)
    return _lay_out(loaded, [d for d in drafts if d.text or d.cells], metadata)


def _tidy(draft: Draft) -> Draft:
    """Collapse white space, move decorative bullets to `marker`, keep refs aligned."""
    text, refs = _collapse_spaces(draft.text, draft.refs, draft.printable)
    if draft.kind in ("heading", "list_item", "paragraph"):
        match = BULLET_MARKER.match(text)
        if match and (draft.kind != "paragraph" or draft.marker is None):
            draft.marker = draft.marker or match.group(1)
            cut = match.end()
            text = text[cut:]
            refs = [FootnoteRef(offset=ref.offset - cut, number=ref.number) for ref in refs if ref.offset >= cut]
        elif (
            draft.kind == "list_item"
            and draft.marker
            and ORDERED_MARKER.match(draft.marker + " x")
            and not text.startswith(draft.marker)
        ):
            prefix = f"{draft.marker} "
            text = prefix + text
            refs = [FootnoteRef(offset=ref.offset + len(prefix), number=ref.number) for ref in refs]
    draft.text, draft.refs = text, refs
    draft.cells = [" ".join(cell.split()) for cell in draft.cells]
    return draft


def _collapse_spaces(text: str, refs: list[FootnoteRef], printable: bool = False) -> tuple[str, list[FootnoteRef]]:
    """Single spaces only, trimmed; footnote offsets moved along with the text (`printable` when
    `text.isprintable()` is known to hold)."""
    if not refs:
        # Most blocks are single-spaced already; telling so is cheaper than splitting them.
        return (text if single_spaced(text, printable) else " ".join(text.split())), refs
    # str.split() and the regex \s agree on white space (no-break spaces included).
    result = " ".join(text.split())
    leading = 1 if text[:1].isspace() else 0
    runs = [(match.start(), match.end()) for match in WHITESPACE_RUN.finditer(text)]
    moved = []
    for ref in refs:
        removed = sum(min(end, ref.offset) - start - 1 for start, end in runs if start < ref.offset)
        offset = min(max(ref.offset - removed - leading, 0), len(result))
        moved.append(FootnoteRef(offset=offset, number=ref.number))
    return result, moved


def _lay_out(loaded: LoadedDocument, drafts: list[Draft], metadata: dict[str, str]) -> Document:
    # Blocks, cells and footnotes are written as plain fields and validated with the document in
    # one call: pydantic-core builds them a third cheaper than one `Block(...)` call per block.
    parts: list[str] = []
    blocks: list[Fields] = []
    anchors: dict[int, tuple[int, int]] = {}
    offset = 0
    previous: Draft | None = None
    body = [draft for draft in drafts if draft.kind != "footnote"]
    for draft in body:
        if previous is not None:
            separator = (
                LINE_BREAK
                if previous.kind == draft.kind and draft.kind in ("list_item", "table_row")
                else PARAGRAPH_BREAK
            )
            parts.append(separator)
            offset += len(separator)
        blocks.append(_block(draft, offset))
        for ref in draft.refs:
            anchors.setdefault(ref.number, _anchor(draft.text, ref.offset, offset))
        parts.append(draft.text)
        offset += len(draft.text)
        previous = draft
    body_end = offset
    footnotes: list[Fields] = []
    for draft in (draft for draft in drafts if draft.kind == "footnote"):
        prefix = f"{PARAGRAPH_BREAK if not footnotes else LINE_BREAK}{draft.number} "
        parts.append(prefix)
        offset += len(prefix)
        anchor = anchors.get(draft.number or 0)
        footnotes.append(
            {
                "number": draft.number or 0,
                "start": offset,
                "end": offset + len(draft.text),
                "page": draft.page,
                "anchor_start": anchor[0] if anchor else None,
                "anchor_end": anchor[1] if anchor else None,
            }
        )
        parts.append(draft.text)
        offset += len(draft.text)
    return Document.model_validate(
        {
            "source": loaded.source,
            "text": "".join(parts),
            "blocks": blocks,
            "footnotes": footnotes,
            "body_end": body_end,
            "metadata": metadata,
        }
    )


def _block(draft: Draft, offset: int) -> Fields:
    """The fields of the `Block` a draft becomes at `offset`."""
    cells: list[Fields] = []
    if draft.kind == "table_row":
        draft.text = "\t".join(draft.cells)
        position = offset
        for cell in draft.cells:
            cells.append({"text": cell, "start": position, "end": position + len(cell)})
            position += len(cell) + 1
    return {
        "kind": draft.kind,
        "start": offset,
        "end": offset + len(draft.text),
        "text": draft.text,
        "page": draft.page,
        "level": draft.level,
        "marker": draft.marker,
        "cells": cells,
        "emphasis": draft.bold or draft.italic,
    }


def _anchor(text: str, position: int, offset: int) -> tuple[int, int]:
    """The word a footnote marker was attached to, as offsets into the document."""
    end = min(position, len(text))
    while end > 0 and not text[end - 1].isalnum():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return offset + start, offset + end
