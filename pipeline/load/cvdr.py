"""CVDR publications: the plan's own lines, and what the publication states around them.

The official publication of local regulations (lokaleregelgeving.overheid.nl) wraps a plan in
page furniture (Permanente link, Geldend van ..., Tekst van de regeling, Intitulé), a metadata
block (Overheidsorganisatie, Citeertitel, Wettelijke grondslag, versions with their Bron
bekendmaking) and usually a council decision ("De raad van de gemeente X; gelet op ...;
besluit: vast te stellen ..."). All of it becomes `LoadedDocument.metadata`; the lines that
remain are the plan itself. The vocabulary lives in pipeline/data/cvdr.json.
"""

from __future__ import annotations

import re

from models import FootnoteRef, RawLine
from pipeline.dates import iso_date
from pipeline.load.cvdr_block import take_block_lines
from pipeline.load.cvdr_decision import take_decision, take_signature
from pipeline.load.cvdr_vocabulary import VOCABULARY, alternation, norm, squeeze

_PHRASE = alternation(VOCABULARY.placeholders)
# A placeholder alone, or in the brackets that enclose only it.
_PLACEHOLDER = re.compile(
    rf"[ \u00a0]*(?:\(\s*(?:{_PHRASE})\s*\)|\[\s*(?:{_PHRASE})\s*\]|(?:{_PHRASE}))[ \u00a0]*",
    re.IGNORECASE,
)
_MUNICIPAL_PREFIX = re.compile(rf"^(?:{alternation(VOCABULARY.municipal_prefixes)})\s+", re.I)
_CVDR_LINK = re.compile(r"\bCVDR\d+(?:/\d+)?\b")
_SEGMENT_BREAKS = "\t\n"
_CLOSING = ".,;:!?)]"


def split_publication(
    lines: list[RawLine], lifted: dict[str, str] | None = None
) -> tuple[list[RawLine], dict[str, str]]:
    """The plan's own lines, and the metadata the publication states around them.

    `lifted` is the metadata already read from the page's tree (see `cvdr_block.lift_block`).
    """
    metadata = dict(lifted or {})
    lines = [cleaned for line in lines if (cleaned := strip_placeholders(line)) is not None]
    lines, furniture = _take_furniture(lines, metadata)
    known = bool(lifted) or furniture
    lines = take_block_lines(lines, metadata, evidence_needed=1 if known else 2)
    lines = _take_title_marker(lines, metadata)
    lines = take_decision(lines, metadata)
    lines = take_signature(lines, metadata)
    _put_municipality(metadata)
    return lines, dict(sorted(metadata.items()))


def strip_placeholders(line: RawLine) -> RawLine | None:
    """The line without placeholders ("afbeelding binnen de regeling"); None when nothing is left."""
    removed: list[tuple[int, int]] = []
    text = line.text
    for match in _PLACEHOLDER.finditer(text):
        start, end = match.start(), match.end()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        spaced = match.group() != match.group().strip(" \u00a0")
        if before not in _SEGMENT_BREAKS and after not in _SEGMENT_BREAKS + _CLOSING and spaced:
            # Inside a sentence: one space stays between the words around it.
            start, end = (start + 1, end) if match.group()[0] in " \u00a0" else (start, end - 1)
        removed.append((start, end))
    if not removed:
        return line
    kept = "".join(text[a:b] for a, b in _complement(removed, len(text)))
    if not kept.strip():
        return None
    # A placeholder beside a line break leaves white space at an end of the line; lines carry none.
    lead = 0 if line.kind == "table_row" else len(kept) - len(kept.lstrip())
    kept = kept if line.kind == "table_row" else kept.strip()
    update: dict[str, object] = {
        "text": kept,
        "footnote_refs": tuple(
            FootnoteRef(offset=min(len(kept), max(0, _shifted(ref.offset, removed) - lead)), number=ref.number)
            for ref in line.footnote_refs
        ),
    }
    if line.kind == "table_row":
        update["cells"] = tuple(kept.split("\t"))
    return line.model_copy(update=update)


def _complement(removed: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    kept, position = [], 0
    for start, end in removed:
        kept.append((position, start))
        position = end
    kept.append((position, length))
    return kept


def _shifted(offset: int, removed: list[tuple[int, int]]) -> int:
    """Where `offset` lands once the `removed` ranges are cut out."""
    return offset - sum(min(end, offset) - start for start, end in removed if start < offset)


def _take_furniture(lines: list[RawLine], metadata: dict[str, str]) -> tuple[list[RawLine], bool]:
    """Drop the page's own furniture anywhere; record the validity and the CVDR link it states."""
    kept: list[RawLine] = []
    found = False
    for line in lines:
        text = norm(line.text)
        if text.startswith(VOCABULARY.validity_prefixes) and _read_validity(line.text, metadata):
            found = True
        elif text in VOCABULARY.page_furniture or text.startswith(VOCABULARY.page_furniture_prefixes):
            found = True
            link = _CVDR_LINK.search(line.text)
            if link and len(link.group()) > len(metadata.get("cvdr_id", "")):
                metadata["cvdr_id"] = link.group()  # the viewed version (CVDR123/2) over the work
        else:
            kept.append(line)
    return kept, found


def _read_validity(text: str, metadata: dict[str, str]) -> bool:
    """ "Geldend van 26-01-2023 t/m heden", "Geldend vanaf ...": valid_from and valid_until."""
    head, _, until = text.partition("t/m")
    start = iso_date(head)
    if start is None:
        return False
    metadata.setdefault("valid_from", start)
    end = iso_date(until.split("met terugwerkende")[0]) if until else None
    if end:
        metadata.setdefault("valid_until", end)
    return True


def _take_title_marker(lines: list[RawLine], metadata: dict[str, str]) -> list[RawLine]:
    """Drop "Intitulé" and the title under it when that title is already known."""
    kept: list[RawLine] = []
    titles = {norm(metadata.get(key, "")) for key in ("official_title", "citation_title")} - {""}
    skip_next = False
    for line in lines:
        text = norm(line.text)
        if text == VOCABULARY.title_marker:
            skip_next = True
            continue
        if skip_next and (text in titles or text in {norm(seen.text) for seen in kept}) and kept:
            skip_next = False
            continue
        skip_next = False
        kept.append(line)
    return kept


def _put_municipality(metadata: dict[str, str]) -> None:
    """The municipality from the organisation when it is a gemeente ("Gemeente X" -> "X")."""
    organisation = metadata.get("organisation")
    if not organisation:
        return
    name = squeeze(_MUNICIPAL_PREFIX.sub("", organisation))
    kind = metadata.get("organisation_type", "").lower()
    if name and (kind in VOCABULARY.municipal_types or (not kind and name != organisation)):
        metadata.setdefault("municipality", name)
