"""What Word styles and numbering say about a paragraph: heading level, list marker, emphasis."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from pipeline.load.numbering import format_counter

# Built-in style names are stored in English whatever the Word language; "Kop 1" covers
# documents written by tools that store the Dutch display name instead.
_HEADING_NAME = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "titel"})
_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")
_MAX_LEVELS = 9

Element = Any  # lxml elements of python-docx's oxml classes carry no usable static type


def _val(element: Element | None, name: str = "w:val") -> str | None:
    if element is None:
        return None
    value = element.get(qn(name))
    return None if value is None else str(value)


def _on(element: Element | None) -> bool | None:
    """A Word toggle property (w:b, w:i): None when absent, else its truth value."""
    if element is None:
        return None
    return _val(element) not in ("0", "false", "off")


@dataclass(frozen=True)
class StyleFacts:
    """Facts a paragraph or character style contributes, after following `basedOn`."""

    heading_level: int | None = None
    num_id: str | None = None
    num_level: int = 0
    bold: bool | None = None
    italic: bool | None = None


class WordStyles:
    """Resolves style ids of one document to `StyleFacts`, following the basedOn chain."""

    def __init__(self, styles_element: Element | None) -> None:
        self._by_id: dict[str, Element] = {}
        if styles_element is not None:
            for style in styles_element.iter(qn("w:style")):
                style_id = _val(style, "w:styleId")
                if style_id:
                    self._by_id[style_id] = style
        self._cache: dict[str, StyleFacts] = {}

    def facts(self, style_id: str | None) -> StyleFacts:
        """The resolved facts of `style_id` (empty facts for no or an unknown style)."""
        if not style_id:
            return StyleFacts()
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id)
        return self._cache[style_id]

    def _resolve(self, style_id: str) -> StyleFacts:
        chain: list[Element] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and current in self._by_id:
            seen.add(current)
            chain.append(self._by_id[current])
            current = _val(self._by_id[current].find(qn("w:basedOn")))
        heading = num_id = None
        num_level = 0
        bold = italic = None
        for style in chain:  # nearest style first: the first value found wins
            if heading is None:
                heading = _style_heading_level(style)
            ppr = style.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_id is None and numpr is not None:
                num_id = _val(numpr.find(qn("w:numId")))
                num_level = int(_val(numpr.find(qn("w:ilvl"))) or 0)
            rpr = style.find(qn("w:rPr"))
            if rpr is not None:
                bold = bold if bold is not None else _on(rpr.find(qn("w:b")))
                italic = italic if italic is not None else _on(rpr.find(qn("w:i")))
        return StyleFacts(heading, num_id, num_level, bold, italic)


def _style_heading_level(style: Element) -> int | None:
    name = (_val(style.find(qn("w:name"))) or "").strip()
    match = _HEADING_NAME.match(name)
    if match:
        return int(match.group(1))
    if name.lower() in _TITLE_NAMES:
        return 0
    return outline_level(style.find(qn("w:pPr")))


def outline_level(ppr: Element | None) -> int | None:
    """Heading level from a w:outlineLvl (0-based in Word; 9 means body text)."""
    if ppr is None:
        return None
    value = _val(ppr.find(qn("w:outlineLvl")))
    if value is None or not value.isdigit() or int(value) >= _MAX_LEVELS:
        return None
    return int(value) + 1


@dataclass(frozen=True)
class _Level:
    start: int = 1
    style: str = "decimal"
    text: str = "%1."


@dataclass
class _AbstractList:
    levels: dict[int, _Level] = field(default_factory=dict)
    counters: list[int | None] = field(default_factory=lambda: [None] * _MAX_LEVELS)


class ListCounters:
    """Word list numbering: the printed marker of each numbered paragraph, in document order.

    Counters belong to the abstract list, so lists that share one continue each other's
    numbering unless their w:num restarts a level with a w:startOverride (Word's behaviour).
    """

    def __init__(self, numbering_element: Element | None) -> None:
        self._abstract: dict[str, _AbstractList] = {}
        self._num_to_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.iter(qn("w:abstractNum")):
            levels = {
                int(_val(lvl, "w:ilvl") or 0): _parse_level(lvl)
                for lvl in abstract.iter(qn("w:lvl"))
            }
            self._abstract[_val(abstract, "w:abstractNumId") or ""] = _AbstractList(levels)
        for num in numbering_element.iter(qn("w:num")):
            num_id = _val(num, "w:numId") or ""
            self._num_to_abstract[num_id] = _val(num.find(qn("w:abstractNumId"))) or ""
            overrides: dict[int, int] = {}
            for override in num.iter(qn("w:lvlOverride")):
                start = _val(override.find(qn("w:startOverride")))
                if start is not None and start.lstrip("-").isdigit():
                    overrides[int(_val(override, "w:ilvl") or 0)] = int(start)
            self._overrides[num_id] = overrides

    def marker(self, num_id: str, level: int) -> str | None:
        """Advance the counter of (`num_id`, `level`) and return the marker as printed."""
        abstract = self._abstract.get(self._num_to_abstract.get(num_id, ""))
        if abstract is None or not 0 <= level < _MAX_LEVELS:
            return None
        overrides = self._overrides.get(num_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for overridden in overrides:
                if 0 <= overridden < _MAX_LEVELS:
                    abstract.counters[overridden] = None
        spec = abstract.levels.get(level, _Level())
        start = overrides.get(level, spec.start)
        current = abstract.counters[level]
        abstract.counters[level] = start if current is None else current + 1
        for deeper in range(level + 1, _MAX_LEVELS):
            abstract.counters[deeper] = None
        if spec.style == "bullet":
            return _bullet(spec.text)
        if spec.style == "none":
            return None

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = abstract.levels.get(index, _Level())
            value = abstract.counters[index]
            if value is None:
                value = overrides.get(index, other.start)
            return format_counter(value, other.style if index != level else spec.style)

        return _LEVEL_PLACEHOLDER.sub(number, spec.text).strip() or None


def _parse_level(lvl: Element) -> _Level:
    start = _val(lvl.find(qn("w:start")))
    return _Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        style=_val(lvl.find(qn("w:numFmt"))) or "decimal",
        text=_val(lvl.find(qn("w:lvlText"))) or "",
    )


def _bullet(text: str) -> str:
    # Symbol/Wingdings bullets are private-use code points that mean nothing as text.
    text = text.strip()
    if not text or any(0xE000 <= ord(char) <= 0xF8FF for char in text):
        return "-"
    return text
