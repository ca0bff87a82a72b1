"""HTML loader (stub, see issue 3)."""

from __future__ import annotations

from pathlib import Path

from models import LoadedDocument, Source
from pipeline.errors import UnsupportedFormat


def load_html(data: bytes, source: Source) -> LoadedDocument:
    """Lines with page numbers and layout hints from a HTML file."""
    raise UnsupportedFormat(Path(source.path), "HTML input is not supported yet")
