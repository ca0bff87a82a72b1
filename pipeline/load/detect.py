"""Tell a file's format from its content, with the extension as a tie-breaker."""

from __future__ import annotations

import io
import re
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


# Formats people save plans in that ivp does not read, by their first bytes.
FOREIGN_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an old Word (.doc) or other Office 97-2003 file"),
    (b"{\\rtf", "is an RTF document"),
)
SAVE_AS = "open it and save it as .docx or PDF"
ODF_TEXT = b"application/vnd.oasis.opendocument.text"
# Markdown structure: ATX headings, pipe-table rules, emphasis and links.
MARKDOWN_HEADING = re.compile(rb"^#{1,6}[ \t]+\S", re.MULTILINE)
MARKDOWN_MARKUP = re.compile(rb"^\|?[ \t]*:?-{3,}:?[ \t]*\||\*\*\S[^*\n]*\*\*|\[[^\]\n]+\]\([^)\s]+\)", re.MULTILINE)
# An HTML fragment without <html>: it opens with a block element and closes tags.
HTML_FRAGMENT = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:div|section|article|main|body|p|h[1-6]|table|ul|ol)\b", re.DOTALL)
# Control characters that text does not hold (all below 32 except tab, line feed, form feed, return).
CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13))
CLOSING_TAG = re.compile(rb"</(?:div|p|h[1-6]|li|td|tr|table|section|article|span|a)>", re.IGNORECASE)


def detect_format(path: Path, data: bytes) -> str:
    """One of txt, md, pdf, docx, html; raises when the content is of no such kind."""
    head = data[:2048]
    suffix = EXTENSIONS.get(path.suffix.lower())
    if head.lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path, data)
    for signature, what in FOREIGN_SIGNATURES:
        if head.startswith(signature):
            raise UnsupportedFormat(path, what, SAVE_AS)
    if suffix == "pdf":
        raise CorruptFile(path, "is named .pdf but is not a PDF (no %PDF header)", "re-download the file")
    if suffix == "docx":
        raise CorruptFile(path, "is named .docx but is not a Word document", "re-download the file")
    if utf16_byte_order(head) is None and _looks_binary(head):
        raise BinaryContent(path, "holds binary data, not text", "check the file type")
    lowered = head.lower().lstrip()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered[:512]:
        return "html"
    if suffix in ("md", "html"):
        return suffix
    if HTML_FRAGMENT.match(lowered) and len(CLOSING_TAG.findall(data[:65536])) >= 2:
        return "html"
    if _looks_markdown(data[:65536]):
        return "md"
    return "txt"


def utf16_byte_order(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without a byte order mark, else None.

    Latin text in UTF-16 has a zero byte in every other position, and only there.
    """
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even_zeros = head[0 : pairs * 2 : 2].count(0)
    odd_zeros = head[1 : pairs * 2 : 2].count(0)
    if odd_zeros >= pairs * 0.6 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= pairs * 0.6 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _looks_markdown(sample: bytes) -> bool:
    """Markdown saved as .txt: two headings, or a heading and other markup."""
    # Most plain text has no '#' at all; finding that out is one fast scan, not a match per line.
    headings = len(MARKDOWN_HEADING.findall(sample)) if b"#" in sample else 0
    return headings >= 2 or (headings == 1 and MARKDOWN_MARKUP.search(sample) is not None)


def _zip_format(path: Path, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except zipfile.BadZipFile as error:
        raise CorruptFile(path, f"is a damaged zip/Word file ({error})", "re-download the file") from error
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(ODF_TEXT):
        raise UnsupportedFormat(path, "is an OpenDocument text (.odt)", SAVE_AS)
    raise UnsupportedFormat(path, "is a zip archive but not a Word (.docx) document", "unpack it first")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    # Deleting the control characters and comparing lengths counts them in one pass.
    control = len(head) - len(head.translate(None, CONTROL_BYTES))
    return control > max(8, len(head) // 20)
