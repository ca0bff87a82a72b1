"""The words that mark budget totals, contents pages, explanations and theme references.

Loaded from pipeline/data/budget.json so other municipalities' wording can be added there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Vocabulary:
    """Lower-case words; all matching against them is case-insensitive."""

    money_words: tuple[str, ...]  # stems, found anywhere in a word ('financ' in 'financieel')
    total_labels: tuple[str, ...]
    subtotal_labels: tuple[str, ...]
    contents_headings: tuple[str, ...]
    explanation_headings: tuple[str, ...]
    theme_words: tuple[str, ...]
    line_nouns: tuple[str, ...]
    number_words: tuple[tuple[str, int], ...]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The budget vocabulary from the data file."""
    text = resources.files("pipeline").joinpath("data/budget.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return Vocabulary(
        money_words=tuple(data["money_words"]),
        total_labels=tuple(data["total_labels"]),
        subtotal_labels=tuple(data["subtotal_labels"]),
        contents_headings=tuple(data["contents_headings"]),
        explanation_headings=tuple(data["explanation_headings"]),
        theme_words=tuple(data["theme_words"]),
        line_nouns=tuple(data["line_nouns"]),
        number_words=tuple(sorted(data["number_words"].items())),
    )
