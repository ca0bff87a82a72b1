"""Rows of a budget table: the header with its years, and data rows read against it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from models import Block
from pipeline.extractors.budget_words import vocabulary
from pipeline.normalise.patterns import TRAILING_FUNCTION_WORDS
from pipeline.numbers import Cell, is_amount, read_amount

_YEAR_CELL = re.compile(r"^(?P<prefix>.*?)(?<!\d)(?P<year>(?:19|20)\d{2})\s*$", re.DOTALL)
_LINE_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)*|[A-Za-z]|[IVXLC]+)[.)]\s+(?P<label>\S.*)$", re.DOTALL)
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")


class Header(NamedTuple):
    """The year columns of a table, and what the first header cell says besides a year."""

    years: tuple[int, ...]
    prefix: str
    trailing: int  # non-year columns right of the years, e.g. a 'Totaal' column
    columns: int  # cells in the header row


def cell_texts(block: Block) -> tuple[str, ...]:
    """The cells of a table row, from the loader's cells or else the tab-joined text."""
    if block.cells:
        return tuple(cell.text.strip() for cell in block.cells)
    return tuple(part.strip() for part in block.text.split("\t"))


def read_header(cells: Sequence[str]) -> Header | None:
    """The header of a budget table: a run of years, increasing or decreasing, text only to its left and right."""
    matches = [_YEAR_CELL.match(cell) for cell in cells]
    positions = [index for index, match in enumerate(matches) if match]
    if not positions or positions != list(range(positions[0], positions[-1] + 1)):
        return None
    if len(positions) < 2 and positions[0] == 0:
        return None
    years = tuple(int(match["year"]) for match in matches if match)
    # Years run one way: most tables count up, some count down from the latest year.
    steps = {later > earlier for earlier, later in pairwise(years)}
    if len(steps) > 1 or len(set(years)) < len(years):
        return None
    trailing = cells[positions[-1] + 1 :]
    if any(is_amount(cell) for cell in trailing):
        return None
    first = matches[positions[0]]
    assert first is not None
    prefix = " ".join((*cells[: positions[0]], first["prefix"])).strip()
    return Header(years=years, prefix=prefix, trailing=len(trailing), columns=len(cells))


class Row(NamedTuple):
    """A data row read against the header: label, number and the printed amount per year."""

    first: int  # block index; a wrapped label makes a row span several blocks
    last: int
    number: str | None
    label: str
    printed: dict[int, str]
    # The printed amounts read, None where a cell is no amount: read once, used by every later step.
    amounts: dict[int, Cell | None]
    ragged: bool
    unreadable: tuple[int, ...] = ()  # years whose cell is not an amount ('PM', 'n.n.b.')


def split_row(cells: Sequence[str], header: Header) -> tuple[list[str], list[tuple[str, Cell]]]:
    """Label cells and amount cells (as printed, and read) of a row; amounts are taken from the right."""
    width = len(header.years) + header.trailing
    labels = list(cells)
    amounts: list[tuple[str, Cell]] = []
    while labels and len(amounts) < width and len(labels) > 1 and (cell := read_amount(labels[-1])) is not None:
        amounts.insert(0, (labels.pop(), cell))
    # PDF text: a single space may separate the label from the first amount.
    if len(labels) == 1 and len(amounts) < width:
        words = labels[-1].split(" ")
        while len(words) > 1 and len(amounts) < width and words[-1] and (cell := read_amount(words[-1])) is not None:
            amounts.insert(0, (words.pop(), cell))
        labels[-1] = " ".join(words)
    return [label for label in labels if label], amounts


def aligned_cells(cells: Sequence[str], header: Header) -> tuple[list[str], list[str]] | None:
    """Label and year cells of a row that has the header's columns and a year cell that is no amount.

    Such a row ('Preventie | 10 | PM') is read by position, so the cell that cannot be read
    is reported instead of the whole row being taken for a label.
    """
    first = header.columns - header.trailing - len(header.years)
    if first <= 0 or len(cells) != header.columns:
        return None
    year_cells = list(cells[first : first + len(header.years)])
    if all(is_amount(cell) for cell in year_cells):
        return None
    return [cell for cell in cells[:first] if cell], year_cells


def read_row(index: int, block: Block, header: Header) -> Row:
    """One data row: the label with its number split off, amounts aligned right to the years."""
    unreadable: tuple[int, ...] = ()
    cells = cell_texts(block) if block.kind == "table_row" else ()
    aligned = aligned_cells(cells, header) if block.kind == "table_row" else None
    read: list[Cell | None]
    if aligned is not None:
        labels, amounts = aligned
        read = [read_amount(cell) for cell in amounts]
        unreadable = tuple(year for year, cell in zip(header.years, read, strict=True) if cell is None)
    elif block.kind == "table_row":
        labels, pairs = split_row(cells, header)
        amounts, read = [text for text, _ in pairs], [cell for _, cell in pairs]
    else:  # a wrapped label fragment holds no amounts, even if it ends in a number
        labels, amounts, read = [block.text.strip()], [], []
    if header.trailing and aligned is None:
        keep = max(0, len(amounts) - header.trailing)
        amounts, read = amounts[:keep], read[:keep]
    number: str | None = None
    if len(labels) > 1 and _BARE_NUMBER.match(labels[0]):
        number, labels = labels[0].rstrip("."), labels[1:]
    label = " ".join(labels)
    match = _LINE_NUMBER.match(label)
    if number is None and match:
        number, label = match["number"], match["label"]
    years = header.years[len(header.years) - len(amounts) :] if amounts else ()
    return Row(
        index,
        index,
        number,
        label.strip(),
        dict(zip(years, amounts, strict=True)),
        dict(zip(years, read, strict=True)),
        0 < len(amounts) < len(header.years),
        unreadable,
    )


def label_kind(label: str) -> str:
    """'total', 'subtotal' or 'line', from the first word of a row label."""
    first = re.split(r"[^\w-]+", label.strip().casefold(), maxsplit=1)[0]
    words = vocabulary()
    if first in words.subtotal_labels:
        return "subtotal"
    if first in words.total_labels:
        return "total"
    return "line"


def continues_label(first: str, second: str) -> bool:
    """Whether `second` goes on with the label `first`.

    It does when it is empty or starts in lower case, or when `first` breaks off after a word
    such as 'en', an '&' or a hyphenated part ('Jeugd-').
    """
    if not second or second[:1].islower():
        return True
    words = first.casefold().split()
    if not words:
        return False
    last = words[-1]
    return last in TRAILING_FUNCTION_WORDS or last in ("&", "+") or bool(re.search(r"\w[-,]$", last))


def merge_wrapped_labels(rows: Sequence[Row]) -> list[Row]:
    """Join label-only rows to the row they wrap into (PDF labels that run over two lines)."""
    merged: list[Row] = []
    pending: Row | None = None
    for row in rows:
        if not row.printed:
            if merged and merged[-1].printed and row.label[:1].islower():
                previous = merged[-1]
                merged[-1] = previous._replace(last=row.last, label=f"{previous.label} {row.label}")
            else:
                pending = row
            continue
        if pending is not None and continues_label(pending.label, row.label):
            label = f"{pending.label} {row.label}".strip()
            merged.append(row._replace(first=pending.first, number=pending.number, label=label))
        else:
            merged.append(row)
        pending = None
    return merged
