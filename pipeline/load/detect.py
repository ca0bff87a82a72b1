"""Tell a file's format from its content, with the extension as a tie-breaker."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pipeline.errors import BinaryContent, CorruptFile, UnsupportedFormat

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def detect_format(path: Path, data: bytes) -> str:
    """One of txt, md, pdf, docx, html; raises when the content is of no such kind."""
    head = data[:2048]
    suffix = EXTENSIONS.get(path.suffix.lower())
    if head.lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path, data)
    if suffix == "pdf":
        raise CorruptFile(path, "is named .pdf but is not a PDF (no %PDF header)", "re-download the file")
    if suffix == "docx":
        raise CorruptFile(path, "is named .docx but is not a Word document", "re-download the file")
    if _looks_binary(head):
        raise BinaryContent(path, "holds binary data, not text", "check the file type")
    lowered = head.lower().lstrip()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered[:512]:
        return "html"
    if suffix in ("md", "html", "txt"):
        return suffix
    return "txt"


def _zip_format(path: Path, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise CorruptFile(path, f"is a damaged zip/Word file ({error})", "re-download the file") from error
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormat(path, "is a zip archive but not a Word (.docx) document", "unpack it first")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return control > max(8, len(head) // 20)
