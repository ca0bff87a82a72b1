"""Checks of the plan's metadata."""

from __future__ import annotations

from collections.abc import Iterator

from models import Finding, PlanRecord
from pipeline.checks import check
from pipeline.extractors.municipalities import load_municipalities


@check("plan.municipality")
def check_municipality(record: PlanRecord) -> Iterator[Finding]:
    """A municipality name that is not on the list of Dutch municipalities."""
    name = record.plan.municipality
    if name and load_municipalities().lookup(name) is None:
        yield Finding(
            code="plan.unknown_municipality",
            severity="info",
            message=f"Municipality '{name}' is not on the CBS list of 1 January 2025: "
            "check the name (a later merger, a misspelling or a place that is not a municipality).",
        )
