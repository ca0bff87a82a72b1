"""Decode the bytes of a text file: UTF-8 or UTF-16 with a BOM, else detected."""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.errors import BinaryContent

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BinaryContent(Path(path), "is not text in any known encoding", "check the file type")
    encoding = best.encoding
    # Western European text that is not UTF-8 is nearly always Windows-1252.
    if encoding in ("latin_1", "iso8859_15", "iso8859_1"):
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), encoding
