"""Validate stage: run the consistency checks and add their findings to the record."""

from __future__ import annotations

from models import Finding, PlanRecord
from pipeline.checks.themes import THEME_CHECKS


def validate(record: PlanRecord) -> PlanRecord:
    """The record with every check's findings added, in a deterministic order."""
    findings: list[Finding] = list(record.findings)
    for check in THEME_CHECKS:
        findings.extend(check(record))
    return record.model_copy(update={"findings": tuple(sorted(findings, key=_order))})


def _order(finding: Finding) -> tuple[int, str, str]:
    return (finding.span.start if finding.span else -1, finding.code, finding.message)
