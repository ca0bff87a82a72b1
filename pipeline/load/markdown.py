"""Markdown loader (stub)."""

from __future__ import annotations

from models import LoadedDocument, Source
from pipeline.load.text import load_text


def load_markdown(data: bytes, source: Source) -> LoadedDocument:
    return load_text(data, source)
