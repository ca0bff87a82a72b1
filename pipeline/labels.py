"""The heading vocabulary of safety plans (pipeline/data/labels.json), loaded once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from models.base import Record

PartName = Literal["opgave", "ambitie", "aanpak", "indicators"]
TierName = Literal["priority", "core"]

LEADING_NUMBER = re.compile(r"^\s*(?:§\s*)?(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s+")
LEADING_WORD_GROUPS = ("de", "het", "een", "onze", "ons", "wat is onze", "wat is de")
LEADING_WORDS = re.compile(rf"^(?:{'|'.join(LEADING_WORD_GROUPS)})\s+")
NOT_LABEL_CHARS = re.compile(r"[^\w\s'’-]")
# `_label_words` of ASCII text as one table lookup per byte: lowered, and a space for every
# character NOT_LABEL_CHARS matches or that is white space (`str.split` would drop it anyway).
# The regex looks up each character's Unicode category for \w and \s, which costs five times
# as much over a heading or the opening of a paragraph.
ASCII_LABEL_TABLE = bytes(
    ord(" " if char.isspace() or NOT_LABEL_CHARS.match(char) else char)
    for char in (chr(code).lower() for code in range(128))
) + bytes(range(128, 256))
# The most `normalise_label` drops before the label proper: a leading word group and its space.
MOST_LEADING_CHARS = max(map(len, LEADING_WORD_GROUPS)) + 1


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
    return LEADING_WORDS.sub("", _label_words(text)).strip()


def _label_words(text: str) -> str:
    """Lower-case words without punctuation, single-spaced: `normalise_label` before the article goes."""
    if text.isascii():
        text = text.encode("ascii").translate(ASCII_LABEL_TABLE).decode("ascii")
    else:
        text = NOT_LABEL_CHARS.sub(" ", text.replace("’", "'").lower())
    return " ".join(text.split())


def _label_chars(text: str) -> int:
    """How many characters of `_label_words(text)` are not spaces; counted without splitting ASCII text."""
    if text.isascii():
        spaced = text.encode("ascii").translate(ASCII_LABEL_TABLE)
        return len(spaced) - spaced.count(b" ")
    words = _label_words(text)
    return len(words) - words.count(" ")


@dataclass(frozen=True)
class _LabelIndex:
    """Normalised labels and the name each stands for."""

    names: dict[str, str]
    # The longest label with a leading article before it.
    limit: int

    def find(self, text: str) -> str | None:
        """The name `text` is a label of; a long paragraph is ruled out from its opening words.

        The label words of a text's first characters are the start of the whole text's label words
        (each step maps one character to one, or drops white space), so when their printed
        characters alone outgrow every label by more than a leading article, the whole text is
        no label either.
        """
        probe = 2 * self.limit
        if len(text) > probe and _label_chars(text[:probe]) > self.limit:
            return None
        return self.names.get(normalise_label(text))


def _label_index(entries: dict[str, tuple[str, ...]]) -> _LabelIndex:
    names = {normalise_label(label): name for name, labels in entries.items() for label in labels}
    return _LabelIndex(names, max(map(len, names), default=0) + MOST_LEADING_CHARS)


@lru_cache(maxsize=1)
def labels() -> Labels:
    raw = json.loads(resources.files("pipeline.data").joinpath("labels.json").read_text("utf-8"))
    raw.pop("_about", None)
    return Labels.model_validate(raw)


@lru_cache(maxsize=1)
def _part_index() -> _LabelIndex:
    return _label_index(labels().parts)


@lru_cache(maxsize=1)
def _tier_index() -> _LabelIndex:
    return _label_index(labels().tiers)


def part_of(heading: str) -> PartName | None:
    """Which theme part a heading names ('Wat willen we bereiken?' -> 'ambitie')."""
    found = _part_index().find(heading)
    return found  # type: ignore[return-value]


def tier_of(heading: str) -> TierName | None:
    """Which priority tier a heading names ('Kernthema's' -> 'core')."""
    found = _tier_index().find(heading)
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
