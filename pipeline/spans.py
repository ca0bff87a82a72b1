"""Turn character offsets into provenance spans with page numbers."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from models import Document, Span
from models.base import Fields

PAGES_KEY = "ivp_pages"
# The text a Doc was made from: `doc.text` rebuilds it from every token on each read.
TEXT_KEY = "ivp_text"
# Spans are validated from their fields by the model's own validator, checks included: the
# Python frame of `Span(...)` around it costs a quarter of building one.
_validate_span = Span.__pydantic_validator__.validate_python


class Locator:
    """Make `Span`s over one normalised text, resolving pages from block starts."""

    def __init__(self, text: str, page_starts: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.page_starts = tuple(page_starts)
        self._offsets = [offset for offset, _ in page_starts]
        self._pages = [page for _, page in page_starts]

    @classmethod
    def for_document(cls, document: Document) -> Locator:
        return cls(document.text, page_starts(document))

    def page_at(self, offset: int) -> int | None:
        index = bisect_right(self._offsets, offset) - 1
        return self._pages[index] if index >= 0 else None

    def span(self, start: int, end: int) -> Span:
        """A span over `text[start:end]`, trimmed of surrounding white space."""
        span: Span = _validate_span(self.fields(start, end))
        return span

    def fields(self, start: int, end: int) -> Fields:
        """The fields of `span(start, end)`, for a record that validates its spans with itself."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return {"page": self.page_at(start), "start": start, "end": end, "quote": text[start:end]}


def page_starts(document: Document) -> tuple[tuple[int, int], ...]:
    """(offset, page) pairs where the page changes, for body blocks and footnotes."""
    marks: list[tuple[int, int]] = []
    items = [(block.start, block.page) for block in document.blocks]
    items += [(note.start, note.page) for note in document.footnotes]
    for offset, page in sorted(items):
        if page is not None and (not marks or marks[-1][1] != page):
            marks.append((offset, page))
    return tuple(marks)
