"""DOCX loader: a `RawLine` per paragraph or table row, with headings, list markers, footnotes."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from models import FootnoteRef, LoadedDocument, RawLine, Source
from pipeline.errors import CorruptFile
from pipeline.load.docx_styles import ListCounters, WordStyles, outline_level

Element = Any  # python-docx's oxml element classes are untyped lxml elements

FIX = "re-download it, or open it in Word and save it again as .docx"
_UNREAD = frozenset({qn("w:del"), qn("w:moveFrom")})
_PROMPT = f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}"
_SKIPPED_NOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass
class _Text:
    """Text of one paragraph or table row as it is assembled, with emphasis and footnote marks."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    refs: list[FootnoteRef] = field(default_factory=list)
    note_ids: list[str] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)

    def add(self, text: str, bold: bool = False, italic: bool = False) -> None:
        self.parts.append(text)
        self.length += len(text)
        if text.strip():
            self.bold.append(bold)
            self.italic.append(italic)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Context:
    """Per-document state: styles, list counters and the footnote numbering so far."""

    styles: WordStyles
    lists: ListCounters
    notes: dict[str, str]
    note_numbers: dict[str, int] = field(default_factory=dict)
    next_note: int = 1


def load_docx(data: bytes, source: Source) -> LoadedDocument:
    """Lines of a Word document in reading order: headings, paragraphs, lists, table rows, notes."""
    document = _open(data, Path(source.path))
    part = document.part
    context = _Context(
        styles=WordStyles(document.styles.element),
        lists=ListCounters(_numbering_element(part)),
        notes=_footnotes(part, Path(source.path)),
    )
    context.next_note = _footnote_start(document.settings.element)
    lines: list[RawLine] = []
    for element in _body_blocks(document.element.body):
        paragraph = element.tag == qn("w:p")
        lines.extend(_paragraph_lines(element, context) if paragraph else _table_lines(element, context))
    return LoadedDocument(source=source, lines=tuple(lines))


def _open(data: bytes, path: Path) -> Any:
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError) as error:
        if data.startswith(b"PK\x03\x04"):
            cause = "is truncated or damaged: its zip archive has no readable directory"
        else:
            cause = "is not a Word document: it is not a zip archive"
        raise CorruptFile(path, cause, FIX) from error
    except KeyError as error:
        detail = error.args[0] if error.args else error
        cause = f"is a zip archive but not a Word document ({detail})"
        raise CorruptFile(path, cause, FIX) from error
    except (zlib.error, EOFError) as error:
        raise CorruptFile(path, f"is a truncated Word document ({error})", FIX) from error
    except etree.XMLSyntaxError as error:
        raise CorruptFile(path, f"is a damaged Word document: invalid XML ({error})", FIX) from error
    except ValueError as error:
        raise CorruptFile(path, f"is not a Word document ({error})", FIX) from error


def _numbering_element(part: Any) -> Element | None:
    for rel in part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return rel.target_part.element
    return None


def _footnotes(part: Any, path: Path) -> dict[str, str]:
    """Footnote id -> text, read from word/footnotes.xml (python-docx has no footnote API)."""
    for rel in part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            try:
                root = parse_xml(rel.target_part.blob)
            except etree.XMLSyntaxError as error:
                raise CorruptFile(path, f"has damaged footnotes: invalid XML ({error})", FIX) from error
            notes: dict[str, str] = {}
            for note in root.iter(qn("w:footnote")):
                if note.get(qn("w:type")) in _SKIPPED_NOTE_TYPES:
                    continue
                texts = [_run_text(paragraph, None).text for paragraph in note.iter(qn("w:p"))]
                notes[note.get(qn("w:id")) or ""] = " ".join(t.strip() for t in texts if t.strip())
            return notes
    return {}


def _footnote_start(settings: Element) -> int:
    start = settings.find(f"{qn('w:footnotePr')}/{qn('w:numStart')}")
    value = start.get(qn("w:val")) if start is not None else None
    return int(value) if value and value.isdigit() else 1


def _body_blocks(body: Element) -> Iterator[Element]:
    """Paragraphs and tables of the body in order, inside content controls too; no placeholders."""
    stack = [iter(body.iterchildren())]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        if element.tag in (qn("w:p"), qn("w:tbl")):
            yield element
        elif element.tag == qn("w:sdt"):
            # A content control still showing its prompt ("Klik of tik om tekst in te voeren")
            # holds no content.
            if element.find(_PROMPT) is None:
                content = element.find(qn("w:sdtContent"))
                if content is not None:
                    stack.append(iter(content.iterchildren()))
        elif element.tag == qn("w:customXml"):
            stack.append(iter(element.iterchildren()))


def _paragraph_lines(paragraph: Element, context: _Context) -> list[RawLine]:
    ppr = paragraph.find(qn("w:pPr"))
    style_id = _prop(ppr, "w:pStyle")
    style = context.styles.facts(style_id)
    text = _run_text(paragraph, context)
    content = text.text.strip()
    if not content:
        return []
    level = outline_level(ppr)
    level = style.heading_level if level is None else level
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    num_id, num_level = style.num_id, style.num_level
    if numpr is not None:
        num_id = _prop(numpr, "w:numId")
        num_level = int(_prop(numpr, "w:ilvl") or 0)
    numbered = bool(num_id) and num_id != "0"
    marker = context.lists.marker(num_id, num_level) if numbered and num_id else None
    kind = "heading" if level is not None else "list_item" if numbered else "text"
    refs = _shifted(text.refs, len(text.text) - len(text.text.lstrip()), len(content))
    if kind == "heading" and marker and any(char.isalnum() for char in marker):
        # A heading numbered by Word ("2.1") is printed with its number: keep it in the text,
        # as a PDF of the same document has it, so that the segmenter sees the numbering.
        content = f"{marker} {content}"
        refs = tuple(FootnoteRef(offset=ref.offset + len(marker) + 1, number=ref.number) for ref in refs)
        marker = None
    line = RawLine(
        text=content,
        kind=kind,
        level=level,
        marker=marker,
        footnote_refs=refs,
        bold=bool(text.bold) and all(text.bold),
        italic=bool(text.italic) and all(text.italic),
    )
    return [line, *_note_lines(text.note_ids, context)]


def _table_lines(table: Element, context: _Context) -> list[RawLine]:
    lines: list[RawLine] = []
    for row in table.iter(qn("w:tr")):
        if _ancestor(row, qn("w:tbl")) is not table:
            continue  # rows of a nested table are read as text of the cell that holds it
        cells: list[str] = []
        refs: list[FootnoteRef] = []
        note_ids: list[str] = []
        bold: list[bool] = []
        offset = 0
        for cell in row.iter(qn("w:tc")):
            if _ancestor(cell, qn("w:tr")) is not row:
                continue
            merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            text = _Text() if continued else _cell_text(cell, context)
            content = text.text.strip()
            shift = len(text.text) - len(text.text.lstrip())
            refs.extend(
                FootnoteRef(offset=offset + ref.offset, number=ref.number)
                for ref in _shifted(text.refs, shift, len(content))
            )
            note_ids.extend(text.note_ids)
            bold.extend(text.bold)
            cells.append(content)
            offset += len(content) + 1
        if not any(cells):
            continue
        lines.append(
            RawLine(
                text="\t".join(cells),
                kind="table_row",
                cells=tuple(cells),
                footnote_refs=tuple(refs),
                bold=bool(bold) and all(bold),
            )
        )
        lines.extend(_note_lines(note_ids, context))
    return lines


def _cell_text(cell: Element, context: _Context) -> _Text:
    """All paragraphs of a cell (nested tables included) as one text, joined by spaces."""
    joined = _Text()
    for paragraph in cell.iter(qn("w:p")):
        text = _run_text(paragraph, context)
        if not text.text.strip():
            continue
        if joined.length:
            joined.parts.append(" ")
            joined.length += 1
        joined.refs.extend(FootnoteRef(offset=joined.length + ref.offset, number=ref.number) for ref in text.refs)
        joined.note_ids.extend(text.note_ids)
        # Tabs and breaks inside a cell would read as cell separators in the row text.
        joined.parts.append(text.text.replace("\t", " ").replace("\n", " "))
        joined.length += len(text.text)
        joined.bold.extend(text.bold)
        joined.italic.extend(text.italic)
    return joined


def _run_text(paragraph: Element, context: _Context | None) -> _Text:
    """Text of a paragraph's own runs, footnote markers lifted out, deleted text left out."""
    out = _Text()
    style = context.styles.facts(_prop(paragraph.find(qn("w:pPr")), "w:pStyle")) if context else None
    custom_mark = False
    for run in paragraph.iter(qn("w:r")):
        if not _is_read(run, paragraph):
            continue
        rpr = run.find(qn("w:rPr"))
        bold, italic = _emphasis(rpr, style, context)
        for child in run.iterchildren():
            tag = child.tag
            if tag == qn("w:t"):
                if custom_mark:
                    custom_mark = False
                    if out.refs and child.text and child.text.strip().isdigit():
                        out.refs[-1] = FootnoteRef(offset=out.refs[-1].offset, number=int(child.text))
                        continue
                out.add(child.text or "", bold, italic)
            elif tag == qn("w:tab"):
                out.add("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                if child.get(qn("w:type")) not in ("page", "column"):
                    out.add("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.add("-", bold, italic)
            elif tag == qn("w:footnoteReference") and context is not None:
                custom_mark = child.get(qn("w:customMarkFollows")) in ("1", "true", "on")
                _mark_footnote(out, child.get(qn("w:id")) or "", context, custom_mark)
    return out


def _is_read(run: Element, paragraph: Element) -> bool:
    """Whether a run is printed text of this paragraph (not deleted, moved away or a prompt)."""
    for parent in run.iterancestors():
        if parent is paragraph:
            return True
        if parent.tag in _UNREAD or parent.tag == qn("w:p"):
            return False  # revisions, or a paragraph of its own (a text box)
        if parent.tag == qn("w:sdt") and parent.find(_PROMPT) is not None:
            return False
    return False


def _mark_footnote(out: _Text, note_id: str, context: _Context, custom: bool) -> None:
    if note_id not in context.note_numbers:
        context.note_numbers[note_id] = context.next_note
        if not custom:
            context.next_note += 1
        out.note_ids.append(note_id)
    out.refs.append(FootnoteRef(offset=out.length, number=context.note_numbers[note_id]))


def _note_lines(note_ids: list[str], context: _Context) -> list[RawLine]:
    return [
        RawLine(text=context.notes[note_id], kind="footnote", number=context.note_numbers[note_id])
        for note_id in note_ids
        if context.notes.get(note_id)
    ]


def _emphasis(rpr: Element | None, paragraph_style: Any, context: _Context | None) -> tuple[bool, bool]:
    """Effective bold and italic of a run: direct, else character style, else paragraph style."""
    if context is None:
        return False, False
    char_style = context.styles.facts(_prop(rpr, "w:rStyle"))
    values: list[bool] = []
    toggles = (
        ("w:b", (char_style.bold, paragraph_style.bold)),
        ("w:i", (char_style.italic, paragraph_style.italic)),
    )
    for name, inherited in toggles:
        direct = rpr.find(qn(name)) if rpr is not None else None
        if direct is not None:
            values.append(direct.get(qn("w:val")) not in ("0", "false", "off"))
        else:
            values.append(next((value for value in inherited if value is not None), False))
    return values[0], values[1]


def _shifted(refs: list[FootnoteRef], shift: int, limit: int) -> tuple[FootnoteRef, ...]:
    """Footnote marks re-based after leading white space was stripped from the line."""
    return tuple(FootnoteRef(offset=min(max(ref.offset - shift, 0), limit), number=ref.number) for ref in refs)


def _prop(parent: Element | None, name: str) -> str | None:
    if parent is None:
        return None
    child = parent.find(qn(name))
    return None if child is None else child.get(qn("w:val"))


def _ancestor(element: Element, tag: str) -> Element | None:
    for parent in element.iterancestors(tag):
        return parent
    return None
