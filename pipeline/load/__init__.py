"""Load stage: a file of any supported format -> `LoadedDocument` (lines + layout hints)."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable
from pathlib import Path

from models import LoadedDocument, Source
from pipeline.errors import EmptyDocument, LoadError, UnsupportedFormat
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.load.detect import detect_format

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


def _page_counters() -> dict[str, Callable[[bytes], int | None]]:
    # Formats whose page count is cheap to read before the (slow) layout analysis.
    from pipeline.load import pdf

    return {"pdf": pdf.count_pages}


def load(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> LoadedDocument:
    """Read `path` and return its lines with page numbers and layout hints.

    Raises `TooLarge` when the file is over one of `limits`, checked as early as each can be.
    """
    path = Path(path)
    try:
        status = path.stat()
    except OSError as error:
        raise LoadError(path, f"cannot be read: {error.strerror or error}") from error
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "a pipe, socket or device"
        raise LoadError(path, f"is {kind}, not a file", "point ivp at the plan file itself")
    limits.check_bytes(path, status.st_size)
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
    if count_pages := _page_counters().get(fmt):
        limits.check_pages(path, count_pages(data))
    document = loader(data, source)
    limits.check_pages(path, document.source.pages)
    limits.check_chars(path, sum(len(line.text) for line in document.lines))
    if not any(line.text.strip() for line in document.lines):
        raise EmptyDocument(path, "contains no text", "is it a scan or an empty document?")
    return document

