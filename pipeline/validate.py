"""Validate stage (stub): consistency checks that add findings."""

from __future__ import annotations

from models import PlanRecord


def validate(record: PlanRecord) -> PlanRecord:
    return record
