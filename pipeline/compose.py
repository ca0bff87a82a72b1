"""The stages composed: path -> load -> normalise -> segment -> extract -> validate -> record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from models import PlanRecord
from pipeline.errors import PlanError
from pipeline.extractors.plan import extract_record
from pipeline.load import DEFAULT_MAX_BYTES, load
from pipeline.normalise import normalise
from pipeline.segment import segment
from pipeline.validate import validate


def extract(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> PlanRecord:
    """Extract one plan file into a validated record."""
    loaded = load(path, max_bytes=max_bytes)
    document = normalise(loaded)
    outline = segment(document)
    record = extract_record(document, outline)
    return validate(record)


def extract_many(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, workers: int = 1
) -> Iterator[PlanRecord | PlanError]:
    """Extract each path in order; a plan that fails yields its error instead of stopping.

    With `workers` > 1 the plans are extracted in that many processes, still yielded in input order.
    """
    if workers > 1:
        from pipeline.engines import extract_in_pool

        yield from extract_in_pool(paths, max_bytes, workers)
        return
    for path in paths:
        try:
            yield extract(path, max_bytes=max_bytes)
        except PlanError as error:
            yield error
