"""Themes: find the numbered (or titled) themes, their parts, pillars and sub-sections."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pydantic import TypeAdapter
from rapidfuzz import fuzz

from models import Block, Document, Heading, Outline, Theme
from models.base import Fields
from models.themes import Category
from pipeline.extractors.adoption import is_back_matter
from pipeline.labels import PartName, is_front_matter, labels, normalise_label, part_of, tier_of
from pipeline.segment import ROMAN_VALID, strip_tier_prefix
from pipeline.spans import Locator
from pipeline.word_search import matches_from, word_starts

# A label is a run of letters before a colon: the run is taken whole (possessive), not grown one
# character at a time, so a paragraph without a label fails after one pass over its opening. The
# label may keep spaces before the colon; whoever reads it strips them.
INLINE_LABEL = re.compile(r"^(?P<label>[A-Za-zÀ-ÿ' ?]{3,40}+)\s*:\s+(?=\S)")
PILLAR_MATCH_THRESHOLD = 82
ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
TIER_RANGE = re.compile(
    r"thema['’]?s?\s+(?P<first>\d{1,2})\s*(?:t/m|tot en met|t\.m\.|-|–)\s*(?P<last>\d{1,2})", re.IGNORECASE
)
# The themes are validated from their fields in one call, parts, pillars and spans included: a
# third cheaper than a `Model(...)` call for each of them.
_THEMES = TypeAdapter(tuple[Theme, ...])


@dataclass(frozen=True)
class TierHint:
    """Where a theme's category comes from: a tier heading or a sentence with a range."""

    category: Category
    label: str | None


def extract_themes(document: Document, outline: Outline, locator: Locator | None = None) -> tuple[Theme, ...]:
    """The themes of a plan in reading order."""
    locator = locator or Locator.for_document(document)
    theme_positions = find_theme_headings(document, outline)
    ranges = stated_ranges(document)
    heading_blocks = [heading.block for heading in outline.headings]
    themes = []
    for position in theme_positions:
        heading = outline.headings[position]
        end = _before_back_matter(document.blocks, heading.block, outline.ends[position])
        # Headings follow each other's blocks: those inside the theme are the run up to `end`.
        inner_end = bisect_left(heading_blocks, end, lo=position + 1)
        tier = _tier(outline, position, heading, ranges)
        themes.append(_theme(document, outline, position, inner_end, end, locator, tier))
    return _THEMES.validate_python(themes)


def _before_back_matter(blocks: Sequence[Block], first: int, end: int) -> int:
    """A section ends where the plan's closing lines ('Vastgesteld door de gemeenteraad ...') begin."""
    return next((index for index in range(first + 1, end) if is_back_matter(blocks[index])), end)


def find_theme_headings(document: Document, outline: Outline) -> list[int]:
    """Positions (in `outline.headings`) of the headings that introduce themes.

    A theme heading owns part headings ('Opgave', 'Wat willen we bereiken?') or
    paragraphs opening with a part label ('Ambitie: ...'); its siblings of the
    same style between the first and last owner are themes too, even when empty.
    """
    headings = outline.headings
    candidates = [_owner(headings, index) for index, heading in enumerate(headings) if heading.style == "part"]
    candidates += _inline_label_owners(document, outline)
    owners = sorted(owner for owner in candidates if owner is not None and _can_be_theme(headings[owner]))
    if not owners:
        return []
    style, rank = Counter((headings[o].style, headings[o].rank) for o in owners).most_common(1)[0][0]
    members = [o for o in dict.fromkeys(owners) if (headings[o].style, headings[o].rank) == (style, rank)]
    first, last = members[0], members[-1]
    siblings = [
        index for index in range(first, last + 1) if (headings[index].style, headings[index].rank) == (style, rank)
    ]
    if style.startswith(("num:", "word:", "letter", "roman")):
        siblings = _extend_numbering(headings, siblings, style, rank)
    return siblings


def _inline_label_owners(document: Document, outline: Outline) -> list[int | None]:
    owners: list[int | None] = []
    headings = outline.headings
    position = -1
    for index, block in enumerate(document.blocks):
        match = INLINE_LABEL.match(block.text) if block.kind == "paragraph" else None
        if not match:
            continue
        # The last heading at or before this block; moved only here, as few blocks have a label.
        while position + 1 < len(headings) and headings[position + 1].block <= index:
            position += 1
        if part_of(match.group("label")) and position >= 0:
            owners.append(position)
    return owners


def _owner(headings: Sequence[Heading], index: int) -> int | None:
    rank = headings[index].rank
    for candidate in range(index - 1, -1, -1):
        if headings[candidate].rank < rank:
            return candidate
    return None


def _can_be_theme(heading: Heading) -> bool:
    return (
        heading.style not in ("part", "tier")
        and not heading.style.startswith("marker:")
        and not is_front_matter(heading.title)
    )


def _extend_numbering(headings: Sequence[Heading], members: list[int], style: str, rank: int) -> list[int]:
    """Add same-style headings just before or after the run whose numbers continue it."""
    result = list(members)
    index = result[0] - 1
    while index >= 0 and headings[index].rank >= rank:
        candidate = headings[index]
        if (
            (candidate.style, candidate.rank) == (style, rank)
            and _follows(candidate, headings[result[0]])
            and _can_be_theme(candidate)
        ):
            result.insert(0, index)
        elif candidate.rank == rank:
            break
        index -= 1
    index = result[-1] + 1
    while index < len(headings) and headings[index].rank >= rank:
        candidate = headings[index]
        if (candidate.style, candidate.rank) == (style, rank) and _follows(headings[result[-1]], candidate):
            result.append(index)
        elif candidate.rank == rank:
            break
        index += 1
    return result


def _follows(before: Heading, after: Heading) -> bool:
    """Does `after` carry the next number: '2' after '1', 'C' after 'B', 'IV' after 'III'?"""
    for roman in (False, True):
        first, second = _ordinal(before.number, roman), _ordinal(after.number, roman)
        if first is not None and second is not None and second == first + 1:
            return True
    return False


def _last_number(number: str | None) -> int | None:
    if not number:
        return None
    tail = number.split(".")[-1]
    return int(tail) if tail.isdigit() else None


def _ordinal(number: str | None, roman: bool) -> int | None:
    """The last part of a printed number as an ordinal, reading letters as Roman numerals or not."""
    tail = (number or "").split(".")[-1].upper()
    if tail.isdigit():
        return int(tail)
    if roman:
        return _roman_value(tail) if tail and ROMAN_VALID.match(tail) else None
    return ord(tail) - ord("A") + 1 if len(tail) == 1 and tail.isalpha() else None


def _roman_value(numeral: str) -> int:
    values = [ROMAN_DIGITS[char] for char in numeral]
    # A digit before a larger one is subtracted: IV = 5 - 1.
    following = [*values[1:], 0]
    return sum(-value if value < after else value for value, after in zip(values, following, strict=True))


def stated_ranges(document: Document) -> dict[int, TierHint]:
    """Categories stated in prose: '... met prioriteit ... (thema's 1 t/m 6)'."""
    words = labels().tier_sentence_words
    found: dict[int, TierHint] = {}
    body = document.text[: document.body_end]
    # Every range opens with "thema": only its places are tried.
    for match in matches_from(TIER_RANGE, body, word_starts("thema", body)):
        sentence_start = max(body.rfind(".", 0, match.start()), body.rfind("\n", 0, match.start())) + 1
        sentence_end = body.find(". ", match.end())
        context = body[sentence_start : sentence_end if sentence_end >= 0 else len(body)].lower()
        for category in ("priority", "core"):
            if any(word in context for word in words[category]):
                first, last = int(match.group("first")), int(match.group("last"))
                for number in range(first, last + 1):
                    found.setdefault(number, TierHint(category, None))
                break
    return found


def _tier(outline: Outline, position: int, heading: Heading, ranges: dict[int, TierHint]) -> TierHint | None:
    _, prefix = strip_tier_prefix(heading.title)
    prefix_tier = tier_of(prefix) if prefix else None
    if prefix_tier:
        return TierHint(prefix_tier, None)
    rank = heading.rank
    for candidate in range(position - 1, -1, -1):
        ancestor = outline.headings[candidate]
        if ancestor.rank >= rank:
            continue
        rank = ancestor.rank
        ancestor_tier = tier_of(ancestor.title)
        if ancestor_tier:
            return TierHint(ancestor_tier, ancestor.title)
    number = _last_number(heading.number)
    return ranges.get(number) if number is not None else None


def _theme(
    document: Document,
    outline: Outline,
    position: int,
    inner_end: int,
    end: int,
    locator: Locator,
    tier: TierHint | None,
) -> Fields:
    """The fields of the theme whose heading is at `position`; its section ends at block `end`."""
    heading = outline.headings[position]
    blocks = document.blocks
    first = heading.block
    title, _ = strip_tier_prefix(heading.title)
    inner = [(index, outline.headings[index], outline.ends[index]) for index in range(position + 1, inner_end)]
    parts = _parts(document, first, inner, end, locator)
    subheadings = [(h, e) for _, h, e in inner if h.style != "part"]
    pillars, subsections = _pillars_and_subsections(document, first, end, subheadings, locator)
    last_block = blocks[end - 1] if end > first else blocks[first]
    return {
        "number": heading.number,
        "title": title,
        "category": tier.category if tier else None,
        "tier_label": tier.label if tier else None,
        "opgave": parts.get("opgave"),
        "ambitie": parts.get("ambitie"),
        "aanpak": parts.get("aanpak"),
        "indicators": parts.get("indicators"),
        "pillars": pillars,
        "subsections": subsections,
        "empty": all(block.kind == "heading" for block in blocks[first + 1 : end]),
        "span": locator.fields(blocks[first].start, last_block.end),
    }


@dataclass(frozen=True)
class PartStart:
    """Where a part begins: its heading block, or a paragraph opening with 'Label:'."""

    name: PartName
    printed: str
    marker_block: int
    body_start: int
    inline: bool


def _parts(
    document: Document, theme_block: int, inner: list[tuple[int, Heading, int]], theme_end: int, locator: Locator
) -> dict[str, Fields]:
    """The fields of the theme's parts from part headings, or else from inline labels."""
    blocks = document.blocks
    starts = [
        PartStart(name, blocks[h.block].text, h.block, _start_after(blocks, h.block, theme_end), False)
        for _, h, _ in inner
        if h.style == "part" and (name := part_of(h.title))
    ]
    if not starts:
        starts = _inline_parts(blocks, theme_block + 1, theme_end)
    parts: dict[str, Fields] = {}
    for position, start in enumerate(starts):
        stop = starts[position + 1].marker_block if position + 1 < len(starts) else theme_end
        last = stop - 1
        if start.name in parts or (not start.inline and last <= start.marker_block):
            continue
        span = locator.fields(start.body_start, blocks[last].end)
        parts[start.name] = {"heading": start.printed, "text": span["quote"], "span": span}
    return parts


def _start_after(blocks: Sequence[Block], heading_block: int, theme_end: int) -> int:
    following = heading_block + 1
    return blocks[following].start if following < theme_end else blocks[heading_block].end


def _inline_parts(blocks: Sequence[Block], first: int, theme_end: int) -> list[PartStart]:
    """Paragraphs that open with a part label and a colon: 'Ambitie: in 2026 ...'."""
    found: list[PartStart] = []
    for index in range(first, theme_end):
        block = blocks[index]
        match = INLINE_LABEL.match(block.text) if block.kind == "paragraph" else None
        name = part_of(match.group("label")) if match else None
        if match and name:
            found.append(PartStart(name, match.group("label").strip(), index, block.start + match.end(), True))
    return found


def _pillars_and_subsections(
    document: Document, theme_block: int, end: int, subheadings: list[tuple[Heading, int]], locator: Locator
) -> tuple[list[Fields], list[Fields]]:
    """The fields of the theme's pillars and of its other sub-sections."""
    blocks = document.blocks
    # Every list item is compared with every sub-heading: normalise each title once.
    heading_labels = [normalise_label(h.title) for h, _ in subheadings]
    items = _pillar_items(blocks, theme_block + 1, end, heading_labels)
    used: set[int] = set()
    pillars: list[Fields] = []
    for item_index, (number, title) in items:
        match = _best_subheading(normalise_label(title), heading_labels, used)
        if match is None:
            span = locator.fields(blocks[item_index].start, blocks[item_index].end)
            pillars.append({"number": number, "title": title, "span": span})
            continue
        used.add(match)
        heading, section_end = subheadings[match]
        span = _section_span(blocks, heading.block, min(section_end, end), locator)
        pillars.append(
            {"number": number, "title": title, "heading": heading.title, "text": span["quote"], "span": span}
        )
    subsections = []
    for index, (heading, section_end) in enumerate(subheadings):
        if index in used:
            continue
        span = _section_span(blocks, heading.block, min(section_end, end), locator)
        subsections.append({"title": heading.title, "text": span["quote"], "span": span})
    return pillars, subsections


def _pillar_items(
    blocks: Sequence[Block], start: int, end: int, heading_labels: list[str]
) -> list[tuple[int, tuple[str | None, str]]]:
    """List items introduced by a pillar sentence, or matching the sub-headings (as normalised labels)."""
    index = start
    while index < end:
        block = blocks[index]
        if block.kind != "list_item":
            index += 1
            continue
        run_start = index
        while index < end and blocks[index].kind == "list_item":
            index += 1
        run = list(range(run_start, index))
        intro = blocks[run_start - 1].text.lower() if run_start > start else ""
        items = [(i, _item_title(blocks[i])) for i in run]
        introduced = intro.rstrip().endswith(":") and _pillar_word().search(intro) is not None
        matched = sum(1 for _, (_, title) in items if _similar_to_any(normalise_label(title), heading_labels))
        about_method = matched >= 1 or any(_is_method(title) for _, (_, title) in items)
        if (introduced and len(items) >= 2 and about_method) or matched >= 2:
            return items
    return []


def _is_method(title: str) -> bool:
    """Is a list item about how (prevention, cooperation ...) rather than a phenomenon?"""
    lowered = title.lower()
    return any(word in lowered for word in labels().method_words)


def _item_title(block: Block) -> tuple[str | None, str]:
    text = block.text
    number = None
    if block.marker and text.startswith(block.marker):
        number = block.marker.rstrip(".)") or None
        text = text[len(block.marker) :]
    return number, text.strip().rstrip(".;").strip()


@lru_cache(maxsize=1)
def _pillar_word() -> re.Pattern[str]:
    """Any of the words that announce a list of pillars ('pijlers', 'sporen'), as a whole word."""
    words = labels().pillar_words
    return re.compile("|".join(rf"\b(?:{word})\b" for word in words) if words else "(?!)")


def _similar_to_any(label: str, others: list[str]) -> bool:
    """Whether a normalised label is close to one of the others."""
    return any(fuzz.ratio(label, other) >= PILLAR_MATCH_THRESHOLD for other in others)


def _best_subheading(label: str, heading_labels: list[str], used: set[int]) -> int | None:
    """The unused sub-heading (by normalised label) closest to a pillar's normalised label."""
    best, best_score = None, 0.0
    for index, heading in enumerate(heading_labels):
        if index in used:
            continue
        score = fuzz.ratio(label, heading)
        if score >= PILLAR_MATCH_THRESHOLD and score > best_score:
            best, best_score = index, score
    return best


def _section_span(blocks: Sequence[Block], heading_block: int, end: int, locator: Locator) -> Fields:
    body = blocks[heading_block + 1 : end]
    if not body:
        return locator.fields(blocks[heading_block].end, blocks[heading_block].end)
    return locator.fields(body[0].start, body[-1].end)
