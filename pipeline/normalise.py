"""Normalise stage (stub): one block per loader line."""

from __future__ import annotations

from models import Block, Document, LoadedDocument


def normalise(loaded: LoadedDocument) -> Document:
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for line in loaded.lines:
        text = line.text.strip()
        if not text:
            continue
        blocks.append(Block(kind="paragraph", start=offset, end=offset + len(text), text=text, page=line.page))
        parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(parts)
    return Document(source=loaded.source, text=text, blocks=tuple(blocks), body_end=len(text))
