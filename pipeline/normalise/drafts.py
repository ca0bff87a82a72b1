"""Rejoin lines into blocks: paragraphs, headings, list items, table rows, footnotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from models import FootnoteRef, RawLine
from pipeline.labels import part_of
from pipeline.normalise.lexicon import is_common_word, is_word
from pipeline.normalise.patterns import (
    BULLET_MARKER,
    CONJUNCTIONS_AFTER_HYPHEN,
    GAP,
    HYPHENATED_PREFIXES,
    LIST_MARKER,
    MONTH_DATELINE,
    NUMERIC_CELL,
    ORDERED_MARKER,
    SIGNATURE_DATE,
    TERMINAL_PUNCTUATION,
    TOC_ENTRY,
    TRAILING_FUNCTION_WORDS,
    VOWELS,
)
from pipeline.normalise.screens import has_dot_leader, has_gap
from pipeline.numbers import scale_words

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# WORD in a lowered ASCII text: there it matches exactly the lowered words WORD finds.
ASCII_WORD = re.compile(r"[a-z]+")
# Tried only where a word starts: from inside a word it could only fail, after scanning the rest
# of the word again (quadratic in the word's length).
HYPHENATED_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+")
MAX_HEADING_WORDS = 16
MAX_HEADING_CHARS = 110
MAX_HEADING_CHARS_UNKNOWN_WIDTH = 80
MIN_LINES_FOR_WIDTH = 10
MIN_WRAP_WIDTH = 50
MAX_TOC_LINE_CHARS = 300
MAX_LABEL_WORDS_WITH_COLON = 4
HEADING_END_PUNCTUATION = TERMINAL_PUNCTUATION + "-–"
# An amount may end in its own scale word ('€ 1,2 mln', '€ 85k'): pipeline/data/budget_units.tsv.
_SCALE_WORD = re.compile(
    r"(?<=[\d\s])(?:" + "|".join(sorted(map(re.escape, scale_words()), key=len, reverse=True)) + r")\.?(?=\s*\)?$)",
    re.IGNORECASE,
)


# Slots: a draft's fields are read and written for every line of a plan.
@dataclass(slots=True)
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
    # Known to hold only printable characters (every line joined into it was): the screens need
    # not scan the text again. False means unknown.
    printable: bool = False
    # A list item after a blank line: a list written with blank lines between its items.
    loose: bool = False

    def ends_sentence(self) -> bool:
        return self.text.rstrip().endswith((".", "!", "?", ":", ";"))


# Slots: the rules read these lists for every line.
@dataclass(frozen=True, slots=True)
class _Around:
    """The kinds and stripped texts of all lines, for the rules that look at neighbouring lines.

    Read from the lines once: a model's attribute costs more to read than a list item.
    """

    kinds: list[str]
    stripped: list[str]

    def next_text(self, index: int) -> str | None:
        """The next line of text after `index`, stripped, across blank lines and footnotes."""
        kinds, stripped = self.kinds, self.stripped
        # By position: a slice would copy every line to the end of the plan, for every question.
        for position in range(index + 1, len(kinds)):
            if kinds[position] in ("page_break", "blank", "footnote") or not stripped[position]:
                continue
            return stripped[position]
        return None

    def next_starts_lower(self, index: int) -> bool:
        """Does the next line of text, across blank lines, continue a sentence?"""
        following = self.next_text(index)
        return following is not None and following[:1].islower()


def to_drafts(lines: Sequence[RawLine]) -> list[Draft]:
    """Blocks in reading order; wrapped physical lines are rejoined into paragraphs."""
    kinds: list[str] = [line.kind for line in lines]
    texts = [line.text for line in lines]
    wrapped_flags = [line.wrapped for line in lines]
    around = _Around(kinds, [text.strip() for text in texts])
    width = _typical_width(kinds, texts, wrapped_flags)
    vocabulary = _Vocabulary(texts, wrapped_flags)
    drafts: list[Draft] = []
    current: Draft | None = None
    after_blank = True
    for index, (line, kind, text, wrapped) in enumerate(zip(lines, kinds, around.stripped, wrapped_flags, strict=True)):
        if kind == "page_break":
            continue
        if kind == "blank" or not text:
            if not wrapped and current is not None:
                current.open = False
            after_blank = True
            continue
        if kind == "footnote":
            drafts.append(Draft("footnote", " ".join(text.split()), line.page, number=line.number, open=False))
            continue
        if not wrapped:
            current = _flowing(line)
            drafts.append(current)
            after_blank = False
            continue
        if line.size is not None:
            # A layout-aware loader (PDF) has told list items from text: only rejoin its lines.
            if kind == "list_item" or after_blank or current is None or not current.open:
                current = _laid_out(line)
                drafts.append(current)
            else:
                _join(current, line, text, vocabulary)
            after_blank = False
            continue
        # Asked once per line, and kept with the block: the screens of later steps need not scan
        # the text again.
        printable = text.isprintable()
        # Asked once per line: the answer decides both joining and the kind of a new block. Most
        # lines have no column gap, which a string test tells before the call.
        cells = _table_cells(text) if has_gap(text, printable) else None
        # A row of aligned amounts starts a table row even after an open line: that line is a
        # wrapped row label ('2. Veilige evenementen en' / 'horeca   262   276'), not its sentence.
        if (
            current is not None
            and current.open
            and cells is None
            and _continues(current, text, after_blank, width, around, index)
        ):
            _join(current, line, text, vocabulary)
            current.printable = current.printable and printable
        else:
            current = _new_wrapped(line, text, cells, drafts, width, around, index, after_blank, printable)
            current.printable = printable
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
    line: RawLine,
    text: str,
    cells: list[str] | None,
    drafts: list[Draft],
    width: int,
    around: _Around,
    index: int,
    after_blank: bool,
    printable: bool,
) -> Draft:
    """A new block from a physical line (`text`, stripped, with its `_table_cells`; `printable`
    when `text.isprintable()` is known to hold)."""
    refs = _shifted_refs(line)
    if cells is not None:
        return Draft("table_row", "\t".join(cells), line.page, cells=cells, open=False)
    if len(text) < MAX_TOC_LINE_CHARS and has_dot_leader(text, printable) and TOC_ENTRY.match(text):
        return Draft("paragraph", text, line.page, open=False)
    previous = drafts[-1] if drafts else None
    marker_match = LIST_MARKER.match(text)
    marker = marker_match.group(1) if marker_match else None
    if marker is not None and _is_list_item(marker, text, drafts, around, index, width, after_blank):
        return Draft("list_item", text, line.page, marker=marker, refs=refs, loose=after_blank)
    if previous is None and _stands_alone(text, around, index):
        # The first line of a plan, on its own, is its title however long it is.
        return Draft("heading", text, line.page, refs=refs, open=False)
    closed = after_blank or previous is None or not previous.open or previous.ends_sentence()
    # Either makes a heading; the label lookup costs more, and most headings are title-like anyway.
    if closed and (_title_like(text, width, around, index) or part_of(text)):
        return Draft("heading", text, line.page, refs=refs, open=False)
    return Draft("paragraph", text, line.page, refs=refs)


def _title_like(text: str, width: int, around: _Around, index: int) -> bool:
    """A short label that neither runs on into the next line nor introduces a list."""
    return (
        _short_label(text, width) and not around.next_starts_lower(index) and not _introduces_list(text, around, index)
    )


def _introduces_list(text: str, around: _Around, index: int) -> bool:
    """'Minder inbraken door:' before '1. Buurtpreventie' opens a list; it is no heading."""
    if not text.endswith(":"):
        return False
    return LIST_MARKER.match(around.next_text(index) or "") is not None


def _table_cells(text: str) -> list[str] | None:
    """The cells of a plain-text line aligned in columns of amounts, else None."""
    stripped = text.strip()
    # Every line of a plain-text plan is asked; one without a gap is a single cell.
    if not has_gap(stripped):
        return None
    cells = [cell.strip() for cell in GAP.split(stripped) if cell.strip()]
    numeric = sum(bool(NUMERIC_CELL.match(_SCALE_WORD.sub("", cell))) for cell in cells)
    # Three cells with two amounts ('Preventie  10  12'), or only amounts ('2024    2025', a header).
    if (len(cells) >= 3 and numeric >= 2) or (len(cells) >= 2 and numeric == len(cells)):
        return cells
    return None


def _is_list_item(
    marker: str,
    text: str,
    drafts: Sequence[Draft],
    around: _Around,
    index: int,
    width: int,
    after_blank: bool,
) -> bool:
    """A marked line is a list item unless it stands alone like a heading."""
    previous = drafts[-1] if drafts else None
    if not _short_label(text, width) or (previous is not None and previous.text.rstrip().endswith(":")):
        return True
    following = around.next_text(index)
    if previous is not None and previous.kind == "list_item" and _same_style(previous.marker, marker):
        return not (after_blank and _opens_section(marker, previous, drafts, following))
    if following is None:
        return False
    next_match = LIST_MARKER.match(following)
    return next_match is not None and _same_style(next_match.group(1), marker)


def _opens_section(marker: str, previous: Draft, drafts: Sequence[Draft], following: str | None) -> bool:
    """After a blank line, does a numbered title that looks like the next list item open a section?

    It does when its number does not continue the list (and starts no new list), or when the
    opening part of a theme ('Opgave', 'Aanleiding') follows it. Otherwise only a list written
    without blank lines can end this way: when another part label follows, or the number continues
    the numbered headings before the list ('2. Jeugd' ... '3. Openbare orde').
    """
    number, last = _ordinal(marker), _ordinal(previous.marker)
    if number is not None and last is not None and number != last + 1:
        next_match = ORDERED_MARKER.match(following or "")
        return next_match is None or _ordinal(next_match.group(1)) != number + 1
    part = part_of(following) if following is not None else None
    if part == "opgave":
        # The problem statement opens a theme; a list inside a theme is followed by a later part.
        return True
    if previous.loose:
        return False
    return part is not None or (number is not None and _last_heading_number(drafts) == number - 1)


def _ordinal(marker: str | None) -> int | None:
    """'3.' -> 3, 'b)' -> 2; None for bullets."""
    core = (marker or "").strip("().")
    if core.isdigit():
        return int(core)
    if len(core) == 1 and core.isalpha():
        return ord(core.lower()) - ord("a") + 1
    return None


def _last_heading_number(drafts: Sequence[Draft]) -> int | None:
    """The number of the last heading numbered like a list item ('2. Jeugd')."""
    for draft in reversed(drafts):
        if draft.kind == "heading":
            match = ORDERED_MARKER.match(draft.text)
            if match:
                return _ordinal(match.group(1))
    return None


def _stands_alone(text: str, around: _Around, index: int) -> bool:
    """Is this line followed by a blank line and free of sentence punctuation at its end?"""
    after = index + 1
    blank_after = (
        after >= len(around.kinds) or around.kinds[after] in ("blank", "page_break") or not around.stripped[after]
    )
    return blank_after and len(text) <= MAX_HEADING_CHARS * 2 and text[-1] not in TERMINAL_PUNCTUATION


def _same_style(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return False
    return first[0].isdigit() == second[0].isdigit() and (first[0].isdigit() or first == second)


def _short_label(text: str, width: int = 0) -> bool:
    """Could this line be a heading: short, not a sentence, not a signature?"""
    if len(text) > MAX_HEADING_CHARS * 4:
        return False
    stripped = text.strip()
    limit = min(MAX_HEADING_CHARS, int(width * 0.75)) if width else MAX_HEADING_CHARS_UNKNOWN_WIDTH
    # Length first: most lines asked are full lines of prose, and need not be split into words.
    if len(stripped) > limit:
        return False
    words = stripped.split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if stripped.endswith(":"):
        return len(words) <= MAX_LABEL_WORDS_WITH_COLON
    last = stripped[-1]
    # A signature date or dateline ends in its year, so only a line ending in a digit can hold one.
    if last in HEADING_END_PUNCTUATION or (
        last.isdecimal() and (SIGNATURE_DATE.search(stripped) or MONTH_DATELINE.search(stripped))
    ):
        return False
    if words[-1].lower() in TRAILING_FUNCTION_WORDS and len(words) > 1:
        return False
    first = BULLET_MARKER.sub("", stripped, count=1).lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in "'‘\"“")


def _continues(current: Draft, text: str, after_blank: bool, width: int, around: _Around, index: int) -> bool:
    if current.kind not in ("paragraph", "list_item"):
        return False
    if LIST_MARKER.match(text):
        return False
    starts_lower = text[:1].islower() or (current.text.endswith(("-", "–")) and text[:1].isdigit())
    if after_blank:
        return starts_lower and not current.ends_sentence()
    if starts_lower:
        return True
    previous = around.stripped[index - 1] if index else ""
    short_previous = width > 0 and len(previous) < width * 0.8
    if current.ends_sentence() and short_previous:
        return False
    return not (short_previous and _short_label(text, width) and not around.next_starts_lower(index))


def _join(current: Draft, line: RawLine, text: str, vocabulary: _Vocabulary) -> None:
    """Append a physical line (`text`, stripped) to the block it continues."""
    head = current.text.rstrip()
    separator = " "
    if head.endswith(("-", "–", "‐")):
        before = head[-2:-1]
        first_word = text.split(maxsplit=1)[0]
        # "en -" + "criminaliteit" closes up; a spaced en dash ("domein –" + "en") is punctuation.
        if (before.isdigit() and text[:1].isdigit()) or (before == " " and not head.endswith("–")):
            separator = ""
        elif before.isalpha() and first_word.lower() not in CONJUNCTIONS_AFTER_HYPHEN and text[:1].islower():
            separator = ""
            prefix = (WORD.findall(head)[-1:] or [""])[0]
            suffix = (WORD.findall(first_word)[:1] or [""])[0]
            if head.endswith("‐") or _soft_hyphen(prefix, suffix, vocabulary):
                head = head[:-1]
    if line.footnote_refs:
        offset = len(head) + len(separator)
        shift = len(line.text) - len(line.text.lstrip())
        current.refs.extend(
            FootnoteRef(offset=offset + ref.offset - shift, number=ref.number) for ref in line.footnote_refs
        )
    current.text = head + separator + text


def _soft_hyphen(prefix: str, suffix: str, vocabulary: _Vocabulary) -> bool:
    """Was the hyphen between `prefix` and `suffix` at a line end only there to break the word?

    The plan's own spelling decides first. Failing that, a hyphen stays after an acronym
    (ICT-beleid), a one-letter or hyphenated prefix (e-mail, niet-gemeentelijk) and where two
    vowels would clash (politie-inzet); it goes when the whole is a Dutch word (Minis-terie),
    stays after a common word (lange-termijnopdracht, as printed) and goes after a fragment
    (veiligheids-aanpak).
    """
    joined = (prefix + suffix).lower()
    if joined in vocabulary:
        return True
    if f"{prefix}-{suffix}".lower() in vocabulary:
        return False
    if len(prefix) < 2 or prefix.isupper() or prefix.lower() in HYPHENATED_PREFIXES:
        return False
    if prefix[-1].lower() in VOWELS and suffix[:1].lower() in VOWELS:
        return False
    return is_word(joined) or not is_common_word(prefix)


def _shifted_refs(line: RawLine) -> list[FootnoteRef]:
    if not line.footnote_refs:
        return []
    shift = len(line.text) - len(line.text.lstrip())
    return [FootnoteRef(offset=max(0, ref.offset - shift), number=ref.number) for ref in line.footnote_refs]


def _typical_width(kinds: list[str], texts: list[str], wrapped_flags: list[bool]) -> int:
    """The length of a full line of running text, or 0 when the text does not wrap at a width."""
    lengths = sorted(
        [
            length
            for kind, text, wrapped in zip(kinds, texts, wrapped_flags, strict=True)
            if wrapped and kind == "text" and (length := len(text.rstrip()))
        ]
    )
    if len(lengths) < MIN_LINES_FOR_WIDTH:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    return width if width >= MIN_WRAP_WIDTH else 0


class _Vocabulary:
    """The plan's own spellings, to tell "veilig-" + "heid" from "informatie-" + "en".

    Only a line ending in a hyphen asks, so the words are collected on the first question.
    """

    def __init__(self, texts: list[str], wrapped_flags: list[bool]) -> None:
        self._texts = texts
        self._wrapped_flags = wrapped_flags
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = _wrapped_words(self._texts, self._wrapped_flags)
        return word in self._words


def _wrapped_words(texts: Sequence[str], wrapped_flags: Sequence[bool]) -> set[str]:
    """Words of the wrapped lines (`texts` with their `wrapped` flags) and their hyphenated compounds
    ('politie-inzet') as written.

    The pieces of a word broken at a line end are left out: they are what is being decided.
    """
    words: set[str] = set()
    broken = False
    for text, wrapped in zip(texts, wrapped_flags, strict=True):
        if not wrapped:
            continue
        # Most lines are ASCII: lowering them first and matching ASCII letters is cheaper than
        # the Unicode class and a lower() per word, and finds the same words.
        tokens = ASCII_WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in WORD.findall(text)]
        start = 1 if broken else 0
        broken = text.rstrip().endswith(("-", "‐"))
        words.update(tokens[start : len(tokens) - 1 if broken else None])
        if "-" in text:
            # Few lines hold a hyphen; asking saves the scan of all others.
            words.update(compound.lower() for compound in HYPHENATED_WORD.findall(text))
    return words
