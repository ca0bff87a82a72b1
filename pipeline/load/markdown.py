"""Markdown loader: headings, paragraphs, list items, tables and footnotes via markdown-it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from models import FootnoteRef, LoadedDocument, Source
from pipeline.load.encoding import decode_text

SUPERSCRIPT_OPEN = "<sup>"
SUPERSCRIPT_CLOSE = "</sup>"
BOLD_TAGS = {"<b>": True, "<strong>": True, "</b>": False, "</strong>": False}
ITALIC_TAGS = {"<i>": True, "<em>": True, "</i>": False, "</em>": False}
# The fields of a `RawLine`, validated with the `LoadedDocument`.
LineFields = dict[str, Any]
BLANK: LineFields = {"text": "", "kind": "blank"}


@dataclass
class _InlineLine:
    """Plain text of one visual line of an inline token, with emphasis coverage."""

    text: str = ""
    refs: list[FootnoteRef] = field(default_factory=list)
    strong_chars: int = 0
    em_chars: int = 0
    leading_ref: int | None = None


def load_markdown(data: bytes, source: Source) -> LoadedDocument:
    """Lines of a markdown file; flowing text, so lines are whole paragraphs."""
    text, _ = decode_text(data, source.path)
    tokens = _parser().parse(text.replace("\r\n", "\n"))
    # One validation of the whole document builds the lines in pydantic-core, cheaper than
    # calling `RawLine(...)` once per line.
    return LoadedDocument.model_validate({"source": source, "lines": _lines(tokens)})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Built once per process: `parse` keeps no state between calls.
    return MarkdownIt("commonmark").enable("table")


def _lines(tokens: list[Token]) -> list[LineFields]:
    lines: list[LineFields] = []
    list_stack: list[tuple[bool, int]] = []  # (ordered, next number)
    item_marker: str | None = None
    heading_level: int | None = None
    row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = None
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else 0
            list_stack.append((kind == "ordered_list_open", start))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "list_item_open":
            ordered, number = list_stack[-1]
            item_marker = f"{token.info or number}{token.markup}" if ordered else token.markup
            if ordered:
                list_stack[-1] = (True, int(token.info or number) + 1)
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            lines.append({"text": "\t".join(row), "kind": "table_row", "cells": row})
            row = None
        elif kind == "hr":
            lines.append(BLANK)
        elif kind == "inline":
            if row is not None:
                row.append(" ".join(part.text.strip() for part in _split_inline(token)))
                continue
            lines.extend(_inline_lines(token, heading_level, item_marker))
            item_marker = None
        elif kind in ("paragraph_close", "heading_close"):
            lines.append(BLANK)
    return lines


def _inline_lines(token: Token, heading_level: int | None, marker: str | None) -> list[LineFields]:
    parts = _split_inline(token)
    if any("\t" in part.text for part in parts):
        return [_table_row(part, marker if index == 0 else None) for index, part in enumerate(parts)]
    if len(parts) == 1:
        # Most paragraphs are one visual line: merging would only copy it.
        return [_classified(parts[0], heading_level, marker)]
    merged = _InlineLine()
    for part in parts:
        offset = len(merged.text) + (1 if merged.text else 0)
        if merged.text:
            merged.text += " "
        merged.refs.extend(FootnoteRef(offset=offset + ref.offset, number=ref.number) for ref in part.refs)
        merged.text += part.text
        merged.strong_chars += part.strong_chars
        merged.em_chars += part.em_chars
    if merged.leading_ref is None and parts:
        merged.leading_ref = parts[0].leading_ref
    return [_classified(merged, heading_level, marker)]


def _classified(line: _InlineLine, heading_level: int | None, marker: str | None) -> LineFields:
    text = line.text
    visible = len(text) - text.count(" ")
    bold = visible > 0 and line.strong_chars >= visible
    italic = visible > 0 and line.em_chars >= visible
    if heading_level is not None:
        return {"text": text, "kind": "heading", "level": heading_level, "bold": bold, "italic": italic}
    if line.leading_ref is not None and marker is None:
        return {"text": text.strip(), "kind": "footnote", "number": line.leading_ref}
    if marker is not None:
        return {
            "text": text,
            "kind": "list_item",
            "marker": marker,
            "bold": bold,
            "italic": italic,
            "footnote_refs": line.refs,
        }
    return {"text": text, "bold": bold, "italic": italic, "footnote_refs": line.refs}


def _table_row(line: _InlineLine, marker: str | None) -> LineFields:
    cells = [cell.strip() for cell in line.text.split("\t")]
    if marker and cells:
        cells[0] = f"{marker} {cells[0]}"
    while cells and not cells[-1]:
        cells.pop()
    return {"text": "\t".join(cells), "kind": "table_row", "cells": cells, "bold": line.strong_chars > 0}


def _split_inline(token: Token) -> list[_InlineLine]:
    """The visual lines of an inline token as plain text, markup removed."""
    lines = [_InlineLine()]
    strong = em = 0
    in_superscript = False
    superscript = ""
    for child in token.children or []:
        current = lines[-1]
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            lines.append(_InlineLine())
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind == "html_inline":
            tag = child.content.strip().lower()
            if tag == SUPERSCRIPT_OPEN:
                in_superscript, superscript = True, ""
            elif tag == SUPERSCRIPT_CLOSE:
                in_superscript = False
                _add_superscript(current, superscript)
            elif tag in BOLD_TAGS:
                strong += 1 if BOLD_TAGS[tag] else -1
            elif tag in ITALIC_TAGS:
                em += 1 if ITALIC_TAGS[tag] else -1
        elif kind in ("text", "code_inline"):
            if in_superscript:
                superscript += child.content
                continue
            text = child.content
            current.text += text
            visible = len(text) - text.count(" ")
            current.strong_chars += visible if strong > 0 else 0
            current.em_chars += visible if em > 0 else 0
        elif kind == "image":
            continue
    return [line for line in lines if line.text.strip() or line.refs or line.leading_ref is not None]


def _add_superscript(line: _InlineLine, content: str) -> None:
    content = content.strip()
    if not content.isdigit():
        line.text += content
        return
    if not line.text.strip():
        line.leading_ref = int(content)
        return
    line.refs.append(FootnoteRef(offset=len(line.text), number=int(content)))
