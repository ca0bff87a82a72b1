"""Consistency checks: each takes a plan record and returns findings for a reader to double-check.

A check is a plain function registered under a stable name:

    @check("budget.totals")
    def totals(record: PlanRecord) -> Iterable[Finding]: ...

`run_checks` runs every registered check in name order, so output is deterministic.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from models import Finding, PlanRecord

Check = Callable[[PlanRecord], Iterable[Finding]]

# Modules whose checks run; each registers its checks with @check when imported.
MODULES: tuple[str, ...] = (
    "pipeline.checks.budget",
    "pipeline.checks.outline",
    "pipeline.checks.plan",
    "pipeline.checks.themes",
)

_CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    """Register a check under `name` (e.g. 'budget.totals'); names are unique."""

    def register(function: Check) -> Check:
        existing = _CHECKS.get(name)
        same = existing is not None and (existing.__module__, existing.__qualname__) == (
            function.__module__,
            function.__qualname__,
        )
        if existing is not None and not same:
            raise ValueError(
                f"a check named '{name}' is already registered by {existing.__module__}"
            )
        _CHECKS[name] = function
        return function

    return register


def registered() -> dict[str, Check]:
    """Every check of the listed modules and any registered since, by name in sorted order."""
    for module in MODULES:
        importlib.import_module(module)
    return {name: _CHECKS[name] for name in sorted(_CHECKS)}


def run_checks(record: PlanRecord) -> tuple[Finding, ...]:
    """The findings of every registered check on `record`, check by check in name order."""
    findings: list[Finding] = []
    for function in registered().values():
        findings.extend(function(record))
    return tuple(findings)
