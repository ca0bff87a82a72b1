"""Adoption of a plan: 'Nijmegen, 18 oktober 2022' or 'Vastgesteld door de gemeenteraad ... op ...'."""

from __future__ import annotations

import re

from models import Adopted, Block, Document
from pipeline.dates import MONTHS, WRITTEN_DATE
from pipeline.spans import Locator

SIGNATURE = re.compile(rf"^(?P<place>[A-Z][\w'’\- ]{{1,40}}),\s+{WRITTEN_DATE}\s*$", re.IGNORECASE)
PLACE = r"(?:['’]s-)?[A-Z][\w'’\-]+(?:[ -](?:[a-z]{1,3}[ -])*[A-Z][\w'’\-]+)*"
ADOPTED_SENTENCE = re.compile(
    rf"(?:aldus\s+)?vastgesteld\s+"
    rf"(?:door\s+(?P<by>de\s+(?:gemeente)?raad|het\s+college[\w\s&]*?|de\s+burgemeester)\s+)?"
    rf"(?:(?:der\s+gemeente\s+|van\s+(?:de\s+gemeente\s+)?)(?-i:(?P<place>{PLACE}))\s+)?"
    rf"(?:in\s+(?:de|zijn|haar)\s+(?:openbare\s+)?vergadering\s+)?(?:van|op)\s+{WRITTEN_DATE}",
    re.IGNORECASE,
)


def find_adopted(document: Document, locator: Locator) -> Adopted | None:
    """Date, place and body of adoption from a signature line or an adoption sentence."""
    blocks = document.blocks
    for index, block in enumerate(blocks):
        match = SIGNATURE.match(block.text)
        if match is None:
            continue
        signer = blocks[index + 1].text if index + 1 < len(blocks) else ""
        return Adopted(
            date=_iso(match),
            place=match.group("place").strip(),
            by=adopting_body(signer),
            span=locator.span(block.start, blocks[index + 1].end if signer else block.end),
        )
    body = document.text[: document.body_end]
    sentence = ADOPTED_SENTENCE.search(body)
    if sentence:
        return Adopted(
            date=_iso(sentence),
            place=sentence.group("place"),
            by=adopting_body(sentence.group("by") or "gemeenteraad"),
            span=locator.span(sentence.start(), sentence.end()),
        )
    return None


def is_back_matter(block: Block) -> bool:
    """Does this block close the plan (a signature, 'Vastgesteld ... op 14 maart 2023') rather than a theme?"""
    return block.kind == "paragraph" and bool(SIGNATURE.match(block.text) or ADOPTED_SENTENCE.match(block.text))


def adopting_body(text: str) -> str | None:
    """The adopting body named in `text`, in the record's wording."""
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
