"""Shared fixtures: the sample corpus and records extracted once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from models import PlanRecord, Span

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
COLLEGE = CORPUS / "nijmegen-ivp-2022-2026-college.txt"
AMENDED_MD = CORPUS / "nijmegen-ivp-2022-2026-amended.md"


@pytest.fixture(scope="session")
def college() -> PlanRecord:
    from pipeline import extract

    return extract(COLLEGE)


@pytest.fixture(scope="session")
def amended() -> PlanRecord:
    from pipeline import extract

    return extract(AMENDED_MD)


def all_spans(value: Any) -> Iterator[Span]:
    """Every Span anywhere inside a record."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from all_spans(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from all_spans(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_spans(item)


def write_plan(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
