"""Validate stage: run the consistency checks and add their findings to the record."""

from __future__ import annotations

from models import Finding, PlanRecord
from pipeline.checks import run_checks


def finding_order(finding: Finding) -> tuple[int, str, str]:
    """Findings in the plan's reading order (unplaced first), then by code and message."""
    return (finding.span.start if finding.span else -1, finding.code, finding.message)


def validate(record: PlanRecord) -> PlanRecord:
    """The record with the findings of every check added, deduplicated and in a stable order."""
    findings = dict.fromkeys((*record.findings, *run_checks(record)))
    return record.model_copy(update={"findings": tuple(sorted(findings, key=finding_order))})
