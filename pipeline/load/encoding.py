"""Decode the bytes of a text file: by its BOM, UTF-16 by its zero bytes, UTF-8, else detected."""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.errors import BinaryContent
from pipeline.load.detect import utf16_byte_order

MOSTLY_ASCII = 0.9
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
    if byte_order := utf16_byte_order(data[:2048]):
        return data.decode(byte_order, errors="replace"), byte_order
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Dutch text that is not UTF-8 is nearly always Windows-1252; detectors guess
    # wildly on short texts, so try it first when the text is mostly ASCII.
    ascii_share = sum(byte < 128 for byte in data[:65536]) / max(1, min(len(data), 65536))
    if ascii_share >= MOSTLY_ASCII:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BinaryContent(Path(path), "is not text in any known encoding", "check the file type")
    encoding = best.encoding
    return data.decode(encoding, errors="replace"), encoding
