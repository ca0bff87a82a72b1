"""The stages composed: path -> load -> normalise -> segment -> extract -> validate -> record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from models import PlanRecord
from pipeline.errors import PlanError
from pipeline.extractors.plan import extract_record
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.load import load
from pipeline.normalise import normalise
from pipeline.resources import DEFAULT_RESOURCES, Resources
from pipeline.segment import segment
from pipeline.validate import validate


def extract(
    path: str | Path, limits: Limits = DEFAULT_LIMITS, resources: Resources = DEFAULT_RESOURCES
) -> PlanRecord:
    """Extract one plan file into a validated record; a file over `limits` raises `TooLarge`.

    `resources` adds the user's laws file and organisation gazetteer to the packaged ones.
    """
    document = normalise(load(path, limits))
    outline = segment(document)
    record = extract_record(document, outline, resources)
    return validate(record)


def extract_many(
    paths: Iterable[str | Path],
    limits: Limits = DEFAULT_LIMITS,
    workers: int = 1,
    resources: Resources = DEFAULT_RESOURCES,
) -> Iterator[PlanRecord | PlanError]:
    """Extract each path in order; a plan that fails yields its error instead of stopping.

    With `workers` > 1 the plans are extracted in that many processes, still yielded in input order.
    A malformed reference data file in `resources` raises `ReferenceDataError` before the first plan.
    """
    resources.check()
    if workers > 1:
        from pipeline.engines import extract_in_pool

        yield from extract_in_pool(paths, limits, workers, resources)
        return
    for path in paths:
        try:
            yield extract(path, limits, resources)
        except PlanError as error:
            yield error
