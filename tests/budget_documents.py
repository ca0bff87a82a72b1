"""Factories for small normalised documents in the forms the normaliser produces for tables."""

from __future__ import annotations

import re
from collections.abc import Iterable

from models import Block, Cell, Document, Source, Theme
from models.span import Span

_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}")


def cells_of(line: str) -> tuple[str, ...] | None:
    """The cells of a line that is a table row in one of the forms, else None."""
    if "\t" in line:
        return tuple(line.split("\t"))
    if line.startswith("|"):
        return tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
    if re.search(r"\S {2,}\S", line):
        # PDF-extracted text: runs of two or more spaces separate the cells.
        return tuple(re.split(r" {2,}", line.strip()))
    return None


def document(source: str, pages: Iterable[int] = ()) -> Document:
    """A document from plan-like lines: '# ' headings, table rows (tabs, pipes, spaced), text."""
    text = ""
    blocks: list[Block] = []
    page_list = list(pages)
    for number, raw in enumerate(source.strip("\n").splitlines()):
        line = raw.rstrip()
        if not line.strip() or _PIPE_RULE.match(line.strip()):
            continue
        if text:
            text += "\n\n"
        start = len(text)
        page = page_list[number] if number < len(page_list) else None
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            text += title
            blocks.append(Block(kind="heading", start=start, end=len(text), text=title, page=page))
            continue
        cells = cells_of(line)
        if cells is None:
            text += line.strip()
            blocks.append(
                Block(kind="paragraph", start=start, end=len(text), text=line.strip(), page=page)
            )
            continue
        made: list[Cell] = []
        for index, cell in enumerate(cells):
            if index:
                text += "\t"
            made.append(Cell(text=cell, start=len(text), end=len(text) + len(cell)))
            text += cell
        blocks.append(
            Block(
                kind="table_row",
                start=start,
                end=len(text),
                text="\t".join(cells),
                cells=tuple(made),
                page=page,
            )
        )
    return Document(
        source=Source(path="plan.txt", sha256="0" * 64, format="txt"),
        text=text,
        blocks=tuple(blocks),
        body_end=len(text),
    )


def themes(*titles: str) -> tuple[Theme, ...]:
    """Themes numbered 1, 2, ... in the order given: themes('Ondermijning', 'Veilige wijken')."""
    span = Span(start=0, end=0, quote="")
    return tuple(
        Theme(number=str(index), title=title, span=span) for index, title in enumerate(titles, 1)
    )
