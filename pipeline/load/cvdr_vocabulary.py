"""The words of CVDR pages and council decisions, read from pipeline/data/cvdr.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "cvdr.json"
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Vocabulary:
    """Labels, page furniture, placeholders and decision words of CVDR publications."""

    labels: dict[str, str]
    strong_labels: frozenset[str]
    version_keys: frozenset[str]
    date_keys: frozenset[str]
    unknown: frozenset[str]
    page_furniture: frozenset[str]
    page_furniture_prefixes: tuple[str, ...]
    block_headings: frozenset[str]
    title_marker: str
    validity_prefixes: tuple[str, ...]
    placeholders: tuple[str, ...]
    announcement_series: dict[str, str]
    announcement_url: str
    bodies: dict[str, str]
    municipal_types: frozenset[str]
    municipal_prefixes: tuple[str, ...]
    decision_clauses: tuple[str, ...]
    preamble_clauses: tuple[str, ...]
    signature_roles: tuple[str, ...]


def load_vocabulary(path: Path = _DATA_FILE) -> Vocabulary:
    """Read the CVDR vocabulary from its data file."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Vocabulary(
        labels=dict(raw["labels"]),
        strong_labels=frozenset(raw["strong_labels"]),
        version_keys=frozenset(raw["version_keys"]),
        date_keys=frozenset(raw["date_keys"]),
        unknown=frozenset(raw["unknown_values"]),
        page_furniture=frozenset(raw["page_furniture"]),
        page_furniture_prefixes=tuple(raw["page_furniture_prefixes"]),
        block_headings=frozenset(raw["block_headings"]),
        title_marker=str(raw["title_marker"]),
        validity_prefixes=tuple(raw["validity_prefixes"]),
        placeholders=tuple(raw["placeholders"]),
        announcement_series=dict(raw["announcement_series"]),
        announcement_url=str(raw["announcement_url"]),
        bodies=dict(raw["bodies"]),
        municipal_types=frozenset(raw["municipal_types"]),
        municipal_prefixes=tuple(raw["municipal_prefixes"]),
        decision_clauses=tuple(raw["decision_clauses"]),
        preamble_clauses=tuple(raw["preamble_clauses"]),
        signature_roles=tuple(raw["signature_roles"]),
    )


VOCABULARY = load_vocabulary()


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternative of `words`, longest first, any white space between their words."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def norm(text: str) -> str:
    """Lower-case text for comparing with labels; long lines are cut, they never equal a label."""
    return _WHITESPACE.sub(" ", text[:200]).strip().rstrip(":").strip().lower()


def squeeze(text: str) -> str:
    """Runs of white space as one space, trimmed."""
    return _WHITESPACE.sub(" ", text).strip()
