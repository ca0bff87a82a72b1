"""The stages composed: path -> load -> normalise -> segment -> extract -> validate -> record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from models import PlanRecord
from pipeline.errors import PlanError, TooLarge
from pipeline.extractors.plan import extract_record
from pipeline.load import DEFAULT_MAX_BYTES, load
from pipeline.normalise import normalise
from pipeline.segment import segment
from pipeline.validate import validate

DEFAULT_MAX_CHARS = 5_000_000


def extract(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS) -> PlanRecord:
    """Extract one plan file into a validated record."""
    loaded = load(path, max_bytes=max_bytes)
    characters = sum(len(line.text) for line in loaded.lines)
    if characters > max_chars:
        raise TooLarge(
            path,
            f"has {characters:,} characters of text, over the limit of {max_chars:,} for one plan",
            "is it really one plan? raise the limit with --max-chars",
        )
    document = normalise(loaded)
    outline = segment(document)
    record = extract_record(document, outline)
    return validate(record)


def extract_many(
    paths: Iterable[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    workers: int = 1,
) -> Iterator[PlanRecord | PlanError]:
    """Extract each path in order; a plan that fails yields its error instead of stopping.

    With `workers` > 1 the plans are extracted in that many processes, still yielded in input order.
    """
    if workers > 1:
        from pipeline.engines import extract_in_pool

        yield from extract_in_pool(paths, max_bytes, max_chars, workers)
        return
    for path in paths:
        try:
            yield extract(path, max_bytes=max_bytes, max_chars=max_chars)
        except PlanError as error:
            yield error
