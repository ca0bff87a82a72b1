"""The heading vocabulary of safety plans (pipeline/data/labels.json), loaded once."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Literal

from models.base import Record

PartName = Literal["opgave", "ambitie", "aanpak", "indicators"]
TierName = Literal["priority", "core"]

LEADING_NUMBER = re.compile(r"^\s*(?:§\s*)?(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s+")
LEADING_WORDS = re.compile(r"^(?:de|het|een|onze|ons|wat is onze|wat is de)\s+")
NOT_LABEL_CHARS = re.compile(r"[^\w\s'’-]")


class Labels(Record):
    """Vocabulary for parts, tiers and pillar lists."""

    parts: dict[str, tuple[str, ...]]
    tiers: dict[str, tuple[str, ...]]
    tier_sentence_words: dict[str, tuple[str, ...]]
    pillar_words: tuple[str, ...]
    method_words: tuple[str, ...]
    front_matter: tuple[str, ...]
    period_labels: tuple[str, ...]


def normalise_label(text: str) -> str:
    """Lower-case, without markers, punctuation, a leading article or a trailing colon."""
    text = text.replace("’", "'").lower()
    text = NOT_LABEL_CHARS.sub(" ", text)
    text = " ".join(text.split())
    return LEADING_WORDS.sub("", text).strip()


@lru_cache(maxsize=1)
def labels() -> Labels:
    raw = json.loads(resources.files("pipeline.data").joinpath("labels.json").read_text("utf-8"))
    raw.pop("_about", None)
    return Labels.model_validate(raw)


@lru_cache(maxsize=1)
def _part_index() -> dict[str, str]:
    return {normalise_label(label): part for part, entries in labels().parts.items() for label in entries}


@lru_cache(maxsize=1)
def _tier_index() -> dict[str, str]:
    return {normalise_label(label): tier for tier, entries in labels().tiers.items() for label in entries}


def part_of(heading: str) -> PartName | None:
    """Which theme part a heading names ('Wat willen we bereiken?' -> 'ambitie')."""
    found = _part_index().get(normalise_label(heading))
    return found  # type: ignore[return-value]


def tier_of(heading: str) -> TierName | None:
    """Which priority tier a heading names ('Kernthema's' -> 'core')."""
    found = _tier_index().get(normalise_label(heading))
    return found  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _front_matter() -> frozenset[str]:
    return frozenset(normalise_label(word) for word in labels().front_matter)


@lru_cache(maxsize=1)
def _period_labels() -> frozenset[str]:
    return frozenset({""} | {normalise_label(word) for word in labels().period_labels})


def is_front_matter(heading: str) -> bool:
    """Is this a heading such as 'Voorwoord' or '01 VOORWOORD' that precedes the plan proper?"""
    return normalise_label(LEADING_NUMBER.sub("", heading)) in _front_matter()


def is_period_line(text: str) -> bool:
    """Is what is left of a line without its years only a period label ('Looptijd', 'Planperiode:')?"""
    return normalise_label(text.replace("-", " ")) in _period_labels()
