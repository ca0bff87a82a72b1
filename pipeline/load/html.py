"""HTML loader: headings, paragraphs, list items, table rows and footnotes of a page or CVDR."""

from __future__ import annotations

import codecs
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.dammit import EncodingDetector
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from models import FootnoteRef, LoadedDocument, RawLine, Source
from models.document import LineKind
from pipeline.errors import CorruptFile
from pipeline.load.cvdr import split_publication
from pipeline.load.cvdr_block import lift_block
from pipeline.load.html_notes import Notes, lift_footnotes
from pipeline.load.numbering import format_counter

FIX = "save the page again from the browser, or download the plan as PDF"

_SKIPPED = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "nav", "form", "button",
     "select", "textarea", "input", "iframe", "object", "embed", "img", "picture", "video",
     "audio", "canvas", "dialog", "map"}
)  # fmt: skip
_PAGE_CHROME = frozenset({"header", "footer"})
_CONTENT = ("article", "main", "section")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LISTS = frozenset({"ol", "ul", "menu"})
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "aside", "blockquote", "pre", "address", "figure",
     "figcaption", "dl", "dt", "dd", "caption", "hr", "header", "footer", "center", "details",
     "summary", "fieldset", "legend", "body", "html"}
)  # fmt: skip
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em"})
_OL_TYPES = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}
_EXPLICIT_MARKER = re.compile(
    r"^(?:\(?\d{1,3}[a-z]?[.)°]|\(?[a-zA-Z][.)]|[ivxIVX]{1,5}[.)]|[-–•·▪*])$"
)
_WHITESPACE = re.compile(r"\s+")
# WHATWG: pages that declare Latin-1 or ASCII are decoded as windows-1252.
_WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"})


def load_html(data: bytes, source: Source) -> LoadedDocument:
    """Lines of an HTML page in reading order, and the metadata a CVDR publication states."""
    path = Path(source.path)
    markup = decode_html(data, path)
    try:
        with warnings.catch_warnings():
            # XHTML pages (CVDR serves them) are read as HTML on purpose: same tree, forgiving parser.
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(markup, "lxml")
        notes = lift_footnotes(soup)
        block = lift_block(soup)
        lines = _Walker(notes).run(soup.body or soup)
    except RecursionError as error:
        raise CorruptFile(path, "is HTML nested too deeply to read", FIX) from error
    lines, metadata = split_publication(lines, block)
    return LoadedDocument(source=source, lines=tuple(lines), metadata=metadata)


def decode_html(data: bytes, path: Path) -> str:
    """The page as text: byte-order mark, else the declared charset, else a detected one."""
    stripped, bom_encoding = EncodingDetector.strip_byte_order_mark(data)
    if bom_encoding:
        return stripped.decode(bom_encoding, errors="replace")
    declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    if declared:
        name = "windows-1252" if declared.lower() in _WINDOWS_1252_ALIASES else declared
        try:
            codecs.lookup(name)
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise CorruptFile(path, "is not text in any known character encoding", FIX)
    return str(best)


@dataclass
class _Builder:
    """The text of one line as it is assembled, with HTML white-space rules and footnote marks."""

    text: str = ""
    refs: list[FootnoteRef] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    italic: list[bool] = field(default_factory=list)

    def add(self, text: str, bold: bool = False, italic: bool = False) -> None:
        text = _WHITESPACE.sub(" ", text.replace("\xad", ""))
        if not self.text or self.text[-1] in " \n":
            text = text.lstrip(" ")
        if text:
            self.text += text
            if text.strip():
                self.bold.append(bold)
                self.italic.append(italic)

    def newline(self) -> None:
        self.text = self.text.rstrip(" ")
        if self.text and not self.text.endswith("\n"):
            self.text += "\n"

    def mark(self, number: int) -> None:
        self.refs.append(FootnoteRef(offset=len(self.text.rstrip(" ")), number=number))
        self.notes.append(number)

    def finish(self) -> str:
        return self.text.strip()


@dataclass
class _List:
    style: str | None  # None for bullets
    next: int = 1
    step: int = 1


@dataclass
class _Pending:
    kind: LineKind = "text"
    level: int | None = None
    marker: str | None = None


class _Walker:
    """Streams the tree in document order without recursion, so deep nesting cannot overflow."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.lines: list[RawLine] = []
        self.line = _Builder()
        self.pending = _Pending()
        self.lists: list[_List] = []
        self.row: list[_Builder] | None = None
        self.cell: _Builder | None = None
        self.nested_tables = 0
        self.bold = 0
        self.italic = 0
        self.skip: set[int] = set()
        self.emitted_notes: set[int] = set()

    def run(self, root: PageElement) -> list[RawLine]:
        stack: list[tuple[PageElement, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if isinstance(node, Tag):
                if leaving:
                    self.leave(node)
                elif self.enter(node):
                    stack.append((node, True))
                    stack.extend((child, False) for child in reversed(node.contents))
            elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
                (self.cell or self.line).add(str(node), self.bold > 0, self.italic > 0)
        self.flush()
        leftover = sorted(set(self.notes.texts) - self.emitted_notes)
        self.lines.extend(self._note(number) for number in leftover)
        return self.lines

    def enter(self, tag: Tag) -> bool:
        name = tag.name
        if name in _SKIPPED or id(tag) in self.skip or _hidden(tag):
            return False
        if name in _PAGE_CHROME and tag.find_parent(_CONTENT) is None:
            return False
        number = self.notes.ref_number(tag)
        if number is not None:
            (self.cell or self.line).mark(number)
            return False
        if name == "br":
            if self.cell is not None:
                self.cell.add(" ")
            else:
                self.line.newline()
            return False
        self.bold += name in _BOLD
        self.italic += name in _ITALIC
        if self.cell is not None or self.nested_tables:
            self._enter_in_cell(name)
        elif name in _LISTS:
            self.flush()
            self.lists.append(_list_for(tag))
        elif name == "li":
            self.flush()
            self.pending = _Pending("list_item", marker=self._li_marker(tag))
        elif name in _HEADINGS:
            self.flush()
            self.pending = _Pending("heading", level=_HEADINGS[name])
        elif name == "table":
            self.flush()
        elif name == "tr":
            self.row = []
        elif name in ("td", "th"):
            self.cell = _Builder()
        elif name in _BLOCKS:
            self.flush()
        return True

    def _enter_in_cell(self, name: str) -> None:
        # Inside a cell everything, nested tables included, is text of that cell.
        if name == "table":
            self.nested_tables += 1
        if self.cell is not None and (name in _BLOCKS or name in ("tr", "td", "th", "li")):
            self.cell.add(" ")

    def leave(self, tag: Tag) -> None:
        name = tag.name
        self.bold -= name in _BOLD
        self.italic -= name in _ITALIC
        if self.nested_tables:
            if name == "table":
                self.nested_tables -= 1
        elif name in ("td", "th") and self.cell is not None:
            if self.row is not None:
                self.row.append(self.cell)
            self.cell = None
        elif self.cell is not None:
            return
        elif name == "tr" and self.row is not None:
            self._emit_row(self.row)
            self.row = None
        elif name in _LISTS:
            self.flush()
            if self.lists:
                self.lists.pop()
        elif name == "li" or name in _HEADINGS or name in _BLOCKS:
            self.flush()

    def flush(self) -> None:
        """Emit the line being built, if it has text, and the footnotes it cites."""
        text = self.line.finish()
        if text:
            pending = self.pending
            self.lines.append(
                RawLine(
                    text=text,
                    kind=pending.kind,
                    level=pending.level,
                    marker=pending.marker,
                    footnote_refs=tuple(_clamped(self.line.refs, len(text))),
                    bold=bool(self.line.bold) and all(self.line.bold),
                    italic=bool(self.line.italic) and all(self.line.italic),
                )
            )
            self._emit_notes(self.line.notes)
            self.pending = _Pending()
        self.line = _Builder()

    def _emit_row(self, cells: list[_Builder]) -> None:
        texts = [cell.finish() for cell in cells]
        if not any(texts):
            return
        refs: list[FootnoteRef] = []
        offset = 0
        for cell, text in zip(cells, texts, strict=True):
            shift = len(cell.text) - len(cell.text.lstrip())
            refs += [
                FootnoteRef(
                    offset=offset + min(max(ref.offset - shift, 0), len(text)), number=ref.number
                )
                for ref in cell.refs
            ]
            offset += len(text) + 1
        emphasis = [value for cell in cells for value in cell.bold]
        self.lines.append(
            RawLine(
                text="\t".join(texts),
                kind="table_row",
                cells=tuple(texts),
                footnote_refs=tuple(refs),
                bold=bool(emphasis) and all(emphasis),
            )
        )
        self._emit_notes([number for cell in cells for number in cell.notes])

    def _emit_notes(self, numbers: list[int]) -> None:
        for number in numbers:
            if number not in self.emitted_notes:
                self.emitted_notes.add(number)
                self.lines.append(self._note(number))

    def _note(self, number: int) -> RawLine:
        return RawLine(text=self.notes.texts[number], kind="footnote", number=number)

    def _li_marker(self, item: Tag) -> str:
        explicit = _explicit_marker(item)
        if explicit is not None:
            self.skip.add(id(explicit))
            return _WHITESPACE.sub(" ", explicit.get_text()).strip()
        current = self.lists[-1] if self.lists else _List(None)
        value = str(item.get("value") or "")
        if value.lstrip("-").isdigit():
            current.next = int(value)
        if current.style is None:
            return "-"
        marker = format_counter(current.next, current.style) + "."
        current.next += current.step
        return marker


def _list_for(tag: Tag) -> _List:
    if tag.name != "ol":
        return _List(None)
    style = _OL_TYPES.get(str(tag.get("type") or "1"), "decimal")
    reversed_ = tag.has_attr("reversed")
    items = len(tag.find_all("li", recursive=False))
    start = str(tag.get("start") or "")
    first = int(start) if start.lstrip("-").isdigit() else (items if reversed_ else 1)
    return _List(style, first, -1 if reversed_ else 1)


def _explicit_marker(item: Tag) -> Tag | None:
    """A leading child holding only the printed number ("1.", "a.") of the item, as in CVDR."""
    for child in item.children:
        if isinstance(child, NavigableString):
            if child.strip():
                return None
            continue
        if not isinstance(child, Tag):
            continue
        text = child.get_text().strip()
        rest = item.get_text().strip()[len(text) :].strip()
        return child if text and rest and _EXPLICIT_MARKER.match(text) else None
    return None


def _hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _clamped(refs: list[FootnoteRef], limit: int) -> list[FootnoteRef]:
    return [FootnoteRef(offset=min(ref.offset, limit), number=ref.number) for ref in refs]
