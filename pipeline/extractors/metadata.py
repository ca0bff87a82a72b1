"""Plan metadata: title, municipality, period, adoption, priority tiers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from models import Adopted, Document, Outline, Period, PlanMeta, Theme
from pipeline.dates import MONTHS, WRITTEN_DATE
from pipeline.labels import is_front_matter
from pipeline.spans import Locator

DATE = WRITTEN_DATE
SIGNATURE = re.compile(rf"^(?P<place>[A-Z][\w'’\- ]{{1,40}}),\s+{DATE}\s*$", re.IGNORECASE)
ADOPTED_SENTENCE = re.compile(
    rf"vastgesteld\s+(?:door\s+(?P<by>de\s+(?:gemeente)?raad|het\s+college[\w\s&]*?|de\s+burgemeester)\s+)?"
    rf"(?:in\s+(?:de|zijn|haar)\s+(?:openbare\s+)?vergadering\s+)?(?:van|op)\s+{DATE}",
    re.IGNORECASE,
)
# Each pattern opens with what it consumes first, so the regex engine skips ahead to that; the
# word boundary before it is a look-behind after it.
PERIOD = re.compile(r"(?P<start>(?:19|20)(?<!\w..)\d{2})\s*(?:-|–|—|/|t/m|tot en met|tot)\s*(?P<end>(?:19|20)\d{2})\b")
MUNICIPALITY_MENTION = re.compile(r"[Gg](?<!\w.)emeente\s+(?P<name>[A-Z][\w'’\-]+(?:[ -][A-Z][\w'’\-]+)*)")
JOINT = re.compile(r"[Gg](?<!\w.)emeenten\s+(?P<list>[A-Z][\w'’\- ]+(?:,\s*[A-Z][\w'’\- ]+)*\s+en\s+[A-Z][\w'’\-]+)")
TITLE_AREA_BLOCKS = 4
MAX_PLAN_YEARS = 8


def extract_metadata(document: Document, outline: Outline, themes: Sequence[Theme]) -> PlanMeta:
    """What the plan is: title, municipality, period, adoption and tiers."""
    locator = Locator.for_document(document)
    meta = document.metadata
    adopted = _adopted(document, locator)
    municipality = meta.get("municipality") or (adopted.place if adopted else None) or _most_named(document)
    joint = _joint_municipalities(document)
    return PlanMeta(
        municipality=municipality,
        municipalities=joint or ((municipality,) if municipality else ()),
        title=meta.get("citation_title") or meta.get("official_title") or _title(document, outline),
        period=_period(document, locator),
        adopted=_with_metadata(adopted or Adopted(), meta),
        tiers=tuple(dict.fromkeys(theme.tier_label for theme in themes if theme.tier_label)),
        legal_basis=tuple(part.strip() for part in meta.get("legal_basis", "").split(";") if part.strip()),
    )


def _title(document: Document, outline: Outline) -> str | None:
    for heading in outline.headings:
        text = document.blocks[heading.block].text
        if not is_front_matter(text):
            return text
    return None


def _title_area_end(document: Document) -> int:
    """Offset where the title area (cover: title and subtitle) ends."""
    for index, block in enumerate(document.blocks):
        if index >= TITLE_AREA_BLOCKS or (block.kind == "heading" and is_front_matter(block.text)):
            return block.start
    return document.body_end


def _period(document: Document, locator: Locator) -> Period:
    body = document.text[: document.body_end]
    candidates = [m for m in PERIOD.finditer(body) if 0 < int(m.group("end")) - int(m.group("start")) <= MAX_PLAN_YEARS]
    if not candidates:
        return Period()
    title_end = _title_area_end(document)
    in_title = [m for m in candidates if m.start() < title_end]
    if in_title:
        chosen, inferred = in_title[0], False
    else:
        latest = max(int(m.group("start")) for m in candidates)
        chosen, inferred = next(m for m in candidates if int(m.group("start")) == latest), True
    return Period(
        start=int(chosen.group("start")),
        end=int(chosen.group("end")),
        inferred=inferred,
        span=locator.span(chosen.start(), chosen.end()),
    )


def _adopted(document: Document, locator: Locator) -> Adopted | None:
    blocks = document.blocks
    for index, block in enumerate(blocks):
        match = SIGNATURE.match(block.text)
        if match is None:
            continue
        signer = blocks[index + 1].text if index + 1 < len(blocks) else ""
        return Adopted(
            date=_iso(match),
            place=match.group("place").strip(),
            by=_adopting_body(signer),
            span=locator.span(block.start, blocks[index + 1].end if signer else block.end),
        )
    body = document.text[: document.body_end]
    sentence = ADOPTED_SENTENCE.search(body)
    if sentence:
        return Adopted(
            date=_iso(sentence),
            by=_adopting_body(sentence.group("by") or "gemeenteraad"),
            span=locator.span(sentence.start(), sentence.end()),
        )
    return None


def _with_metadata(adopted: Adopted, meta: dict[str, str]) -> Adopted:
    """Publication metadata (e.g. CVDR) outranks what the text says."""
    update: dict[str, str | None] = {}
    if meta.get("adopted_date"):
        update["date"] = meta["adopted_date"]
    if meta.get("adopted_by"):
        update["by"] = _adopting_body(meta["adopted_by"])
    return adopted.model_copy(update=update) if update else adopted


def _adopting_body(text: str) -> str | None:
    lowered = text.lower()
    if "raad" in lowered:
        return "gemeenteraad"
    if "college" in lowered or "burgemeester en wethouders" in lowered:
        return "college van burgemeester en wethouders"
    if "burgemeester" in lowered:
        return "burgemeester"
    return None


def _iso(match: re.Match[str]) -> str:
    return f"{int(match.group('year')):04d}-{MONTHS[match.group('month').lower()]:02d}-{int(match.group('day')):02d}"


def _most_named(document: Document) -> str | None:
    names = Counter(m.group("name") for m in MUNICIPALITY_MENTION.finditer(document.text[: document.body_end]))
    return names.most_common(1)[0][0] if names else None


def _joint_municipalities(document: Document) -> tuple[str, ...]:
    match = JOINT.search(document.text[: _title_area_end(document) or document.body_end])
    if match is None:
        return ()
    names = re.split(r",\s*|\s+en\s+", match.group("list"))
    return tuple(name.strip() for name in names if name.strip())
