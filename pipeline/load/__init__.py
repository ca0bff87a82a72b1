"""Load stage: a file of any supported format -> `LoadedDocument` (lines + layout hints)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from models import LoadedDocument, Source
from pipeline.errors import EmptyDocument, LoadError, TooLarge, UnsupportedFormat
from pipeline.load.detect import detect_format

DEFAULT_MAX_BYTES = 100 * 1024 * 1024

Loader = Callable[[bytes, Source], LoadedDocument]


def _loaders() -> dict[str, Loader]:
    # Imported here so `ivp --help` does not pay for pdfminer, python-docx or lxml.
    from pipeline.load import docx, html, markdown, pdf, text

    return {
        "txt": text.load_text,
        "md": markdown.load_markdown,
        "pdf": pdf.load_pdf,
        "docx": docx.load_docx,
        "html": html.load_html,
    }


SUPPORTED_FORMATS = ("txt", "md", "pdf", "docx", "html")


def load(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedDocument:
    """Read `path` and return its lines with page numbers and layout hints."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LoadError(path, f"cannot be read: {error.strerror or error}") from error
    if size > max_bytes:
        raise TooLarge(
            path,
            f"is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)}",
            "raise it with --max-size",
        )
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument(path, "is empty", "check that the download completed")
    fmt = detect_format(path, data)
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt)
    try:
        loader = _loaders()[fmt]
    except KeyError:
        raise UnsupportedFormat(
            path, f"has an unsupported format '{fmt}'", f"supported: {', '.join(SUPPORTED_FORMATS)}"
        ) from None
    document = loader(data, source)
    if not any(line.text.strip() for line in document.lines):
        raise EmptyDocument(path, "contains no text", "is it a scan or an empty document?")
    return document


def _megabytes(size: int) -> str:
    """A size for people: '45.9 MB' or, under 1 MB, '45,924 bytes'."""
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size:,} bytes"
