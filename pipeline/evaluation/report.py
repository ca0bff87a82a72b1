"""Evaluation results for people (a plain table per plan) and for machines (JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pipeline.evaluation.run import Evaluation
from pipeline.evaluation.score import FieldScore, PlanScore

HEADER = f"{'field':<26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"


def table(fields: Iterable[FieldScore]) -> list[str]:
    """One line per field; a '*' marks a field whose shortfall the gold file explains."""
    lines = [HEADER]
    for field in fields:
        c = field.counts
        mark = " *" if field.note else ""
        lines.append(
            f"{field.field:<26} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} {c.tp:>5} {c.fp:>5} {c.fn:>5}{mark}"
        )
    return lines


def plan_lines(plan: PlanScore) -> list[str]:
    """The table, the gold file's notes and the mismatches of one plan."""
    lines = [f"== {plan.source} (gold {plan.gold})"]
    if plan.error:
        lines.append(f"error: {plan.error} (scored as an empty record)")
    lines += table(plan.fields)
    notes = [field for field in plan.fields if field.note]
    if notes:
        lines.append("notes:")
        lines += [f"  * {field.field}: {field.note}" for field in notes]
    lines.append(f"mismatches: {len(plan.mismatches)}")
    lines += [f"  {mismatch.describe()}" for mismatch in plan.mismatches]
    return lines


def render_text(evaluation: Evaluation) -> str:
    """The whole report: each plan, then the overall table."""
    lines: list[str] = []
    for plan in evaluation.plans:
        lines += [*plan_lines(plan), ""]
    lines += [f"== overall ({len(evaluation.plans)} plans)", *table(evaluation.overall)]
    return "\n".join(lines)


def _field(field: FieldScore) -> dict[str, Any]:
    c = field.counts
    return {
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "f1": round(c.f1, 4),
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "note": field.note,
    }


def to_json(evaluation: Evaluation) -> str:
    """The report as JSON with stable key order."""
    data = {
        "plans": [
            {
                "gold": plan.gold,
                "source": plan.source,
                "error": plan.error,
                "fields": {field.field: _field(field) for field in plan.fields},
                "mismatches": [mismatch.model_dump(mode="json") for mismatch in plan.mismatches],
            }
            for plan in evaluation.plans
        ],
        "overall": {field.field: _field(field) for field in evaluation.overall},
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
