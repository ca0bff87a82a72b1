"""Plain-text loader (stub)."""

from __future__ import annotations

from models import LoadedDocument, RawLine, Source


def load_text(data: bytes, source: Source) -> LoadedDocument:
    text = data.decode("utf-8", errors="replace")
    return LoadedDocument(source=source, lines=tuple(RawLine(text=t, wrapped=True) for t in text.splitlines()))
