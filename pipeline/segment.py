"""Segment stage: infer the outline (heading depth and section extent) of a plan.

Heading levels in real plans are unreliable (markdown levels jump, text from
PDFs has none), so depth is inferred from the *style* of each heading: its
numbering scheme, marker or label. The first heading of a new style opens a
level below the current one; a heading of a style already open closes
everything below that style. Tier headings ('Speerpunten', 'Overige thema's')
are one style, so they are siblings however the plan marks them up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models import Block, Document, Outline
from models.base import Fields
from pipeline.labels import part_of, tier_of

WORD_NUMBERED = re.compile(
    r"^(?P<word>hoofdstuk|thema|prioriteit|aandachtsgebied|speerpunt|deel|paragraaf|chapter|programma|onderwerp)"
    r"\s+(?P<number>\d{1,3}|[IVXLC]{1,6}|(?-i:[A-Z]))\b\s*[:.\-–—]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# '§ 2.1' numbers sections the way Dutch legal texts do; the sign is not part of the number.
DECIMAL = re.compile(
    r"^(?:§\s*)?(?P<number>\d{1,3}(?:\.\d{1,2})*)(?:\.(?P<letter>[a-z]))?(?P<dot>[.)])?\s+(?P<title>\S.*)$"
)
ROMAN = re.compile(r"^(?P<number>[IVXLC]{1,6})(?:[.)]\s+|\s+(?=[A-Z]))(?P<title>\S.*)$")
LETTER = re.compile(r"^(?P<number>[A-Z])[.)]\s+(?P<title>\S.*)$")
ROMAN_VALID = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
TIER_PREFIX = re.compile(
    r"^(?P<tier>prioriteit|speerpunt|kernthema|accent|thema)\s*\d{0,2}\s*[:.\-–—]\s*(?P<title>\S.*)$", re.IGNORECASE
)
ARROWS = "➢➤►▶→"
CHAPTER_WORDS = ("hoofdstuk", "deel", "chapter")
CHAPTER_STYLES = frozenset(f"word:{word}" for word in CHAPTER_WORDS)
THEME_LEVEL_PREFIXES = ("num:", "word:", "part", "marker:", "letter")
PLAIN_WITHOUT_LEVEL = "plain:"
# One open level of the outline: the style key of its heading, then styles it also stands for.
Level = tuple[str, ...]


@dataclass(frozen=True)
class Numbering:
    """A heading split into its printed number and title, with its style key."""

    number: str | None
    title: str
    style: str


def parse_heading(text: str) -> Numbering:
    """Split numbering from a heading: '3.1 Prioriteit 1: Ondermijning' -> ('3.1', 'Ondermijning')."""
    text = " ".join(text.split())
    match = WORD_NUMBERED.match(text)
    if match and match.group("title"):
        word = match.group("word").lower()
        return Numbering(match.group("number"), _tidy_title(match.group("title")), f"word:{word}")
    match = DECIMAL.match(text)
    if match and (match.group("dot") or match.group("title")[:1].isupper()):
        depth = match.group("number").count(".") + 1 + (1 if match.group("letter") else 0)
        number = match.group("number") + (f".{match.group('letter')}" if match.group("letter") else "")
        return Numbering(number, _tidy_title(match.group("title")), f"num:{depth}")
    match = ROMAN.match(text)
    if match and ROMAN_VALID.match(match.group("number")):
        return Numbering(match.group("number"), _tidy_title(match.group("title")), "roman")
    match = LETTER.match(text)
    if match:
        return Numbering(match.group("number"), _tidy_title(match.group("title")), "letter")
    return Numbering(None, _tidy_title(text), "plain")


def strip_tier_prefix(title: str) -> tuple[str, str | None]:
    """'Prioriteit 1: Ondermijning' -> ('Ondermijning', 'Prioriteit')."""
    match = TIER_PREFIX.match(title)
    if match is None:
        return title, None
    return match.group("title"), match.group("tier")


def _tidy_title(title: str) -> str:
    return title.strip().rstrip(":").strip()


def style_key(block: Block, numbering: Numbering) -> str:
    """The style that decides a heading's depth."""
    if numbering.style.startswith("num:") and numbering.style != "num:1" and part_of(numbering.title):
        # '1.1.1. Opgave': a part numbered below its theme. A top-level '5. Uitvoering' stays a chapter.
        return "part"
    if numbering.style != "plain":
        return numbering.style
    if part_of(block.text):
        return "part"
    if tier_of(block.text):
        return "tier"
    if block.marker:
        return "marker:arrow" if block.marker in ARROWS else f"marker:{block.marker}"
    return f"{PLAIN_WITHOUT_LEVEL}{'' if block.level is None else block.level}"


def segment(document: Document) -> Outline:
    """Headings with inferred rank; each section runs to the next heading of equal or higher rank."""
    headings: list[Fields] = []
    places: list[tuple[int, int]] = []
    stack: list[Level] = []
    last_letter: str | None = None
    for index, block in enumerate(document.blocks):
        if block.kind != "heading":
            continue
        numbering = _letter_or_roman(parse_heading(block.text), last_letter)
        if numbering.style == "letter":
            last_letter = numbering.number
        key = style_key(block, numbering)
        stack = _place(stack, key)
        headings.append(
            {"block": index, "title": numbering.title, "number": numbering.number, "style": key, "rank": len(stack)}
        )
        places.append((index, len(stack)))
    ends = _section_ends(places, len(document.blocks))
    # The headings are validated with the outline in one call, a third cheaper than one by one.
    return Outline.model_validate({"headings": headings, "ends": ends})


def _letter_or_roman(numbering: Numbering, last_letter: str | None) -> Numbering:
    """'C.' after 'B.' is a letter, not the Roman numeral 100."""
    number = numbering.number or ""
    if numbering.style == "roman" and len(number) == 1 and last_letter and ord(number) == ord(last_letter) + 1:
        return Numbering(number, numbering.title, "letter")
    return numbering


def _place(stack: list[Level], key: str) -> list[Level]:
    """The open levels after a heading of style `key`; each level lists the styles it answers to."""
    for depth, level in enumerate(stack):
        if key == level[0]:
            # A style already open is a sibling: it closes everything below it, tier headings included.
            return stack[: depth + 1]
        if key in level[1:]:
            # A heading of the declared level a tier heading took over ('# Financiën' after
            # '# Kernthema's') ends the tier.
            return [*stack[:depth], (key,)]
    tier = next((depth for depth, level in enumerate(stack) if level[0] == "tier"), None)
    if key == "roman" and tier is not None:
        # Roman numerals under a tier heading ('SPEERPUNTEN', 'I. Veilige wijken') number themes.
        return [*stack[: tier + 1], (key,)]
    if key == "roman" or key in CHAPTER_STYLES:
        return [(key,)]
    if key == "tier":
        # A tier heading ('Kernthema's') always closes the themes before it.
        while stack and stack[-1][0].startswith(THEME_LEVEL_PREFIXES):
            stack = stack[:-1]
        # It takes the place of an unnumbered heading at its level ('De prioritaire thema's'),
        # and of that heading's declared level when the source has levels (markdown, Word).
        if stack and stack[-1][0].startswith("plain"):
            replaced = stack[-1][0]
            return [*stack[:-1], (key, replaced) if replaced != PLAIN_WITHOUT_LEVEL else (key,)]
        return [*stack, (key,)]
    return [*stack, (key,)]


def _section_ends(headings: list[tuple[int, int]], block_count: int) -> tuple[int, ...]:
    """For each (block, rank) heading, the block of the next heading of equal or higher rank."""
    ends = [block_count] * len(headings)
    # Headings whose section is still open, ranks increasing: a heading closes those not above it.
    open_sections: list[int] = []
    for position, (block, rank) in enumerate(headings):
        while open_sections and headings[open_sections[-1]][1] >= rank:
            ends[open_sections.pop()] = block
        open_sections.append(position)
    return tuple(ends)
