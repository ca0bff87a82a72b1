"""Rejoin lines into blocks: paragraphs, headings, list items, table rows, footnotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from models import FootnoteRef, RawLine
from pipeline.labels import part_of
from pipeline.normalise.patterns import (
    BULLET_MARKER,
    CONJUNCTIONS_AFTER_HYPHEN,
    DOT_LEADER,
    GAP,
    NUMERIC_CELL,
    ORDERED_MARKER,
    SIGNATURE_DATE,
    TERMINAL_PUNCTUATION,
    TOC_ENTRY,
    TRAILING_FUNCTION_WORDS,
)

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MAX_HEADING_WORDS = 16
MAX_HEADING_CHARS = 110
MAX_HEADING_CHARS_UNKNOWN_WIDTH = 80
MIN_LINES_FOR_WIDTH = 10
MIN_WRAP_WIDTH = 50
MAX_TOC_LINE_CHARS = 300
MAX_LABEL_WORDS_WITH_COLON = 4


@dataclass
class Draft:
    """A block under construction; becomes a `models.Block` once the text is laid out."""

    kind: str
    text: str
    page: int | None = None
    level: int | None = None
    marker: str | None = None
    cells: list[str] = field(default_factory=list)
    refs: list[FootnoteRef] = field(default_factory=list)
    bold: bool = False
    italic: bool = False
    number: int | None = None
    open: bool = True

    def ends_sentence(self) -> bool:
        return self.text.rstrip().endswith((".", "!", "?", ":", ";"))


def to_drafts(lines: Sequence[RawLine]) -> list[Draft]:
    """Blocks in reading order; wrapped physical lines are rejoined into paragraphs."""
    width = _typical_width(lines)
    vocabulary = _Vocabulary(lines)
    drafts: list[Draft] = []
    current: Draft | None = None
    after_blank = True
    for index, line in enumerate(lines):
        if line.kind == "page_break":
            continue
        if line.kind == "blank" or not line.text.strip():
            if not line.wrapped and current is not None:
                current.open = False
            after_blank = True
            continue
        if line.kind == "footnote":
            drafts.append(Draft("footnote", " ".join(line.text.split()), line.page, number=line.number, open=False))
            continue
        if not line.wrapped:
            current = _flowing(line)
            drafts.append(current)
            after_blank = False
            continue
        if line.size is not None:
            # A layout-aware loader (PDF) has told list items from text: only rejoin its lines.
            if line.kind == "list_item" or after_blank or current is None or not current.open:
                current = _laid_out(line)
                drafts.append(current)
            else:
                _join(current, line, vocabulary)
            after_blank = False
            continue
        text = line.text.strip()
        if current is not None and current.open and _continues(current, text, after_blank, width, lines, index):
            _join(current, line, vocabulary)
        else:
            current = _new_wrapped(line, drafts, width, lines, index, after_blank)
            drafts.append(current)
        after_blank = False
    return drafts


def _laid_out(line: RawLine) -> Draft:
    """A new paragraph or list item from the first physical line a layout-aware loader gave it."""
    kind = "list_item" if line.kind == "list_item" else "paragraph"
    return Draft(
        kind, line.text.strip(), line.page, marker=line.marker, refs=_shifted_refs(line),
        bold=line.bold, italic=line.italic,
    )


def _flowing(line: RawLine) -> Draft:
    """A draft from a whole-paragraph line (markdown, Word, HTML)."""
    text = line.text.strip()
    shift = len(line.text) - len(line.text.lstrip())
    refs = [FootnoteRef(offset=max(0, ref.offset - shift), number=ref.number) for ref in line.footnote_refs]
    if line.kind == "table_row":
        cells = list(line.cells) or [cell.strip() for cell in GAP.split(text)]
        return Draft("table_row", "\t".join(cells), line.page, cells=cells, bold=line.bold, open=False)
    draft = Draft("paragraph", text, line.page, refs=refs, bold=line.bold, italic=line.italic, open=False)
    if line.kind == "heading":
        draft.kind, draft.level = "heading", line.level
    elif line.kind == "list_item":
        draft.kind, draft.marker = "list_item", line.marker
        if _short_label(text) and (line.bold or line.italic):
            draft.kind = "heading"
    elif part_of(text) or (_short_label(text) and (line.bold or line.italic or BULLET_MARKER.match(text))):
        draft.kind = "heading"
    return draft


def _new_wrapped(
    line: RawLine, drafts: list[Draft], width: int, lines: Sequence[RawLine], index: int, after_blank: bool
) -> Draft:
    text = line.text.strip()
    refs = _shifted_refs(line)
    cells = [cell.strip() for cell in GAP.split(text) if cell.strip()]
    if len(cells) >= 3 and sum(bool(NUMERIC_CELL.match(cell)) for cell in cells) >= 2:
        return Draft("table_row", "\t".join(cells), line.page, cells=cells, open=False)
    if len(text) < MAX_TOC_LINE_CHARS and DOT_LEADER.search(text) and TOC_ENTRY.match(text):
        return Draft("paragraph", text, line.page, open=False)
    previous = drafts[-1] if drafts else None
    marker_match = BULLET_MARKER.match(text) or ORDERED_MARKER.match(text)
    marker = marker_match.group(1) if marker_match else None
    if marker is not None and _is_list_item(marker, text, previous, lines, index, width):
        return Draft("list_item", text, line.page, marker=marker, refs=refs)
    closed = after_blank or previous is None or not previous.open or previous.ends_sentence()
    if closed and part_of(text):
        return Draft("heading", text, line.page, refs=refs, open=False)
    if closed and _short_label(text, width) and not _next_starts_lower(lines, index):
        return Draft("heading", text, line.page, refs=refs, open=False)
    return Draft("paragraph", text, line.page, refs=refs)


def _is_list_item(
    marker: str, text: str, previous: Draft | None, lines: Sequence[RawLine], index: int, width: int
) -> bool:
    """A marked line is a list item unless it stands alone like a heading."""
    if not _short_label(text, width) or (previous is not None and previous.text.rstrip().endswith(":")):
        return True
    if previous is not None and previous.kind == "list_item" and _same_style(previous.marker, marker):
        return True
    following = _next_text(lines, index)
    if following is None:
        return False
    next_match = BULLET_MARKER.match(following) or ORDERED_MARKER.match(following)
    return next_match is not None and _same_style(next_match.group(1), marker)


def _same_style(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return False
    return first[0].isdigit() == second[0].isdigit() and (first[0].isdigit() or first == second)


def _short_label(text: str, width: int = 0) -> bool:
    """Could this line be a heading: short, not a sentence, not a signature?"""
    if len(text) > MAX_HEADING_CHARS * 4:
        return False
    stripped = text.strip()
    words = stripped.split()
    limit = min(MAX_HEADING_CHARS, int(width * 0.75)) if width else MAX_HEADING_CHARS_UNKNOWN_WIDTH
    if not words or len(words) > MAX_HEADING_WORDS or len(stripped) > limit:
        return False
    if stripped.endswith(":"):
        return len(words) <= MAX_LABEL_WORDS_WITH_COLON
    if stripped[-1] in TERMINAL_PUNCTUATION + "-–" or SIGNATURE_DATE.search(stripped):
        return False
    if words[-1].lower() in TRAILING_FUNCTION_WORDS and len(words) > 1:
        return False
    first = BULLET_MARKER.sub("", stripped, count=1).lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in "'‘\"“")


def _continues(current: Draft, text: str, after_blank: bool, width: int, lines: Sequence[RawLine], index: int) -> bool:
    if current.kind not in ("paragraph", "list_item"):
        return False
    if BULLET_MARKER.match(text) or ORDERED_MARKER.match(text):
        return False
    starts_lower = text[:1].islower() or (current.text.endswith(("-", "–")) and text[:1].isdigit())
    if after_blank:
        return starts_lower and not current.ends_sentence()
    if starts_lower:
        return True
    previous = lines[index - 1].text.strip() if index else ""
    short_previous = width > 0 and len(previous) < width * 0.8
    if current.ends_sentence() and short_previous:
        return False
    return not (short_previous and _short_label(text, width) and not _next_starts_lower(lines, index))


def _join(current: Draft, line: RawLine, vocabulary: _Vocabulary) -> None:
    text = line.text.strip()
    shift = len(line.text) - len(line.text.lstrip())
    head = current.text.rstrip()
    separator = " "
    if head.endswith(("-", "–", "‐")):
        before = head[-2:-1]
        first_word = text.split()[0] if text.split() else ""
        # "en -" + "criminaliteit" closes up; a spaced en dash ("domein –" + "en") is punctuation.
        if (before.isdigit() and text[:1].isdigit()) or (before == " " and not head.endswith("–")):
            separator = ""
        elif before.isalpha() and first_word.lower() not in CONJUNCTIONS_AFTER_HYPHEN and text[:1].islower():
            separator = ""
            joined = (WORD.findall(head)[-1:] or [""])[0] + (WORD.findall(first_word)[:1] or [""])[0]
            if joined.lower() in vocabulary or head.endswith("‐"):
                head = head[:-1]
    current.text = head + separator
    offset = len(current.text)
    current.refs.extend(
        FootnoteRef(offset=offset + ref.offset - shift, number=ref.number) for ref in line.footnote_refs
    )
    current.text += text


def _shifted_refs(line: RawLine) -> list[FootnoteRef]:
    shift = len(line.text) - len(line.text.lstrip())
    return [FootnoteRef(offset=max(0, ref.offset - shift), number=ref.number) for ref in line.footnote_refs]


def _next_text(lines: Sequence[RawLine], index: int) -> str | None:
    for line in lines[index + 1 :]:
        if line.kind in ("page_break", "blank") or not line.text.strip():
            continue
        if line.kind == "footnote":
            continue
        return line.text.strip()
    return None


def _next_starts_lower(lines: Sequence[RawLine], index: int) -> bool:
    """Does the next line of text, across blank lines, continue a sentence?"""
    following = _next_text(lines, index)
    return following is not None and following[:1].islower()


def _typical_width(lines: Sequence[RawLine]) -> int:
    """The length of a full line of running text, or 0 when the text does not wrap at a width."""
    lengths = sorted(
        len(line.text.rstrip()) for line in lines if line.wrapped and line.kind == "text" and line.text.strip()
    )
    if len(lengths) < MIN_LINES_FOR_WIDTH:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    return width if width >= MIN_WRAP_WIDTH else 0


class _Vocabulary:
    """The words of the wrapped lines, lower-cased, to tell "veilig-" + "heid" from "informatie-" + "en".

    Only a line ending in a hyphen asks, so the words are collected on the first question.
    """

    def __init__(self, lines: Sequence[RawLine]) -> None:
        self._lines = lines
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            # No word spans a line break, so one scan of the joined lines finds the same words.
            printed = set(WORD.findall("\n".join(line.text for line in self._lines if line.wrapped)))
            self._words = {word.lower() for word in printed}
        return word in self._words
