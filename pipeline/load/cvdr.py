"""CVDR publications: the metadata block and the council decision, taken out of the plan's lines.

The official publication of local regulations (lokaleregelgeving.overheid.nl) wraps a plan in a
metadata block (Overheidsorganisatie, Citeertitel, Wettelijke grondslag, versions with their
Bron bekendmaking) and usually a council decision ("De raad van de gemeente X; gelet op ...;
besluit: vast te stellen ..."). Both become `LoadedDocument.metadata`; the lines that remain are
the plan itself. The vocabulary lives in pipeline/data/cvdr.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models import RawLine
from pipeline.dates import iso_date

_DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "cvdr.json"
HEAD_WINDOW = 200  # the metadata block and decision sit at the top of a page
DECISION_WINDOW = 40  # lines between "De raad van ..." and "besluit:"
SIGNATURE_WINDOW = 12  # "Aldus vastgesteld ..." and the signatures close the page
SIGNATURE_LINE = 80  # signature lines are short: names and functions


@dataclass(frozen=True)
class Vocabulary:
    """The words of CVDR pages and council decisions, read from cvdr.json."""

    labels: dict[str, str]
    version_keys: frozenset[str]
    date_keys: frozenset[str]
    unknown: frozenset[str]
    furniture: frozenset[str]
    furniture_prefixes: tuple[str, ...]
    validity_prefix: str
    placeholders: tuple[str, ...]
    bodies: dict[str, str]
    municipal_types: frozenset[str]
    decision_clauses: tuple[str, ...]
    preamble_clauses: tuple[str, ...]


def load_vocabulary(path: Path = _DATA_FILE) -> Vocabulary:
    """Read the CVDR vocabulary from its data file."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Vocabulary(
        labels=dict(raw["labels"]),
        version_keys=frozenset(raw["version_keys"]),
        date_keys=frozenset(raw["date_keys"]),
        unknown=frozenset(raw["unknown_values"]),
        furniture=frozenset(raw["furniture"]),
        furniture_prefixes=tuple(raw["furniture_prefixes"]),
        validity_prefix=str(raw["validity_prefix"]),
        placeholders=tuple(raw["placeholders"]),
        bodies=dict(raw["bodies"]),
        municipal_types=frozenset(raw["municipal_types"]),
        decision_clauses=tuple(raw["decision_clauses"]),
        preamble_clauses=tuple(raw["preamble_clauses"]),
    )


VOCABULARY = load_vocabulary()


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(
        re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True)
    )


_PLACE = r"(?:'s-)?[A-Z][\w'’-]*(?:\s+(?:(?:aan|op|den|de|het|van|der|in|en)\s+)*[A-Z][\w'’-]*)*"
_DECISION_START = re.compile(
    rf"^(?i:(?:de|het)\s+)?(?P<body>(?i:{_alternation(list(VOCABULARY.bodies))}))"
    rf"\s+(?i:van\s+)?(?i:(?:de\s+)?gemeente\s+)?(?P<place>{_PLACE})\s*(?:[;,:]|$)"
)
_BESLUIT = re.compile(r"\bb\s?e\s?s\s?l\s?u\s?i\s?t(?:\s?e\s?n)?\s*:", re.IGNORECASE)
_CLAUSE = re.compile(rf"^(?:\d+[.)]\s*)?(?:{_alternation(VOCABULARY.decision_clauses)})\b", re.I)
_GELET_OP = re.compile(r"\bgelet\s+op\b\s*:?\s*", re.IGNORECASE)
_BASIS_END = re.compile(
    rf";\s*(?=(?:{_alternation(VOCABULARY.preamble_clauses)}|b\s?e\s?s\s?l)|$)"
    rf"|\n\s*(?=(?:{_alternation(VOCABULARY.preamble_clauses)}|b\s?e\s?s\s?l))",
    re.IGNORECASE,
)
_ADOPTED = re.compile(
    r"\b(?:vastgesteld|besloten)\b[^.\n]*?(?:vergadering|zitting)\s+van\s+"
    r"(?P<date>\d{1,2}(?:-\d{1,2}-|\s+[a-z]+\s+)\d{4})",
    re.IGNORECASE,
)
_SIGNATURE_START = re.compile(
    r"^(?:aldus\s+)?(?:vastgesteld|besloten)\b.*(?:vergadering|zitting)\b", re.I
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")


def split_publication(lines: list[RawLine]) -> tuple[list[RawLine], dict[str, str]]:
    """The plan's own lines, and the metadata the publication states around them."""
    metadata: dict[str, str] = {}
    lines = [line for line in lines if not _is_placeholder(line.text)]
    head_end = _head_end(lines)
    kept = _read_head(lines[:head_end], metadata)
    rest = [line for line in lines[head_end:] if _norm(line.text) != "intitulé"]
    if rest and kept and rest[0].text in {line.text for line in kept}:
        rest = rest[1:]  # the intitulé repeats the page title
    rest = _take_decision(rest, metadata)
    rest = _take_signature(rest, metadata)
    organisation_type = metadata.get("organisation_type", "").lower()
    if "organisation" in metadata and organisation_type in VOCABULARY.municipal_types:
        metadata.setdefault("municipality", metadata["organisation"])
    return kept + rest, dict(sorted(metadata.items()))


def _head_end(lines: list[RawLine]) -> int:
    """Where the regulation text starts: at "Intitulé", the council decision, or after the block."""
    window = lines[:HEAD_WINDOW]
    for index, line in enumerate(window):
        if _norm(line.text) == "intitulé":
            return index
    decision = _decision_start(window)
    if decision is not None:
        return decision
    last, count, index = -1, 0, 0
    while index < len(window):
        line = window[index]
        keys = _version_header(line)
        if keys is not None:
            index = _rows_end(window, index, len(keys))
            last, count = index - 1, count + 1
            continue
        if _label_value(line) is not None:
            last, count = index, count + 1
        elif _norm(line.text) in VOCABULARY.labels:
            last, count = index + 1, count + 1  # the value follows on the next line
        index += 1
    return last + 1 if count >= 2 else 0


def _rows_end(lines: list[RawLine], header: int, width: int) -> int:
    """The index after the rows of the table whose header row is at `header`."""
    end = header + 1
    while end < len(lines) and lines[end].kind == "table_row" and len(lines[end].cells) == width:
        end += 1
    return end


def _read_head(head: list[RawLine], metadata: dict[str, str]) -> list[RawLine]:
    """Read the metadata block into `metadata`; return the other lines of the head (the title)."""
    kept: list[RawLine] = []
    index = 0
    while index < len(head):
        line = head[index]
        norm = _norm(line.text)
        keys = _version_header(line)
        if keys is not None:
            end = _rows_end(head, index, len(keys))
            _read_versions(keys, head[index + 1 : end], metadata)
            index = end
            continue
        pair = _label_value(line)
        if pair is not None:
            _put(metadata, *pair)
        elif norm in VOCABULARY.labels and index + 1 < len(head):
            # A label on its own line (dt/dd, a heading): the value is on the next line(s).
            values = [head[index + 1].text]
            index += 1
            while index + 1 < len(head) and head[index + 1].kind == "list_item":
                index += 1
                values.append(head[index].text)
            for value in values:
                _put(metadata, VOCABULARY.labels[norm], value)
        elif norm.startswith(VOCABULARY.validity_prefix):
            _read_validity(line.text, metadata)
        elif norm not in VOCABULARY.furniture and not norm.startswith(
            VOCABULARY.furniture_prefixes
        ):
            kept.append(line)
        index += 1
    return kept


def _label_value(line: RawLine) -> tuple[str, str] | None:
    """(key, value) of a "Label | value" table row or a "Label: value" line with a known label."""
    if line.kind == "table_row" and len(line.cells) >= 2:
        key = VOCABULARY.labels.get(_norm(line.cells[0]))
        return (key, " ".join(cell for cell in line.cells[1:] if cell)) if key else None
    label, colon, value = line.text.partition(":")
    key = VOCABULARY.labels.get(_norm(label))
    return (key, value.strip()) if colon and key and value.strip() else None


def _version_header(line: RawLine) -> list[str | None] | None:
    """The keys of a versions table ("Datum inwerkingtreding | Betreft | Bron bekendmaking ...")."""
    if line.kind != "table_row":
        return None
    keys = [VOCABULARY.labels.get(_norm(cell)) for cell in line.cells]
    known = [key for key in keys if key in VOCABULARY.version_keys]
    return keys if len(known) >= 2 else None


def _read_versions(keys: list[str | None], rows: list[RawLine], metadata: dict[str, str]) -> None:
    """Fill version facts from the newest version: the row with the latest entry into force."""
    versions = [dict(zip(keys, row.cells, strict=True)) for row in rows]
    if not versions:
        return
    newest = max(versions, key=lambda version: iso_date(version.get("in_force_date") or "") or "")
    for key, value in newest.items():
        if key:
            _put(metadata, key, value)


def _read_validity(text: str, metadata: dict[str, str]) -> None:
    """ "Geldend van 26-01-2023 t/m heden" -> valid_from (and valid_until when it is a date)."""
    head, _, until = text.partition("t/m")
    start = iso_date(head)
    if start:
        metadata.setdefault("valid_from", start)
    end = iso_date(until.split("met terugwerkende")[0]) if until else None
    if end:
        metadata.setdefault("valid_until", end)


def _put(metadata: dict[str, str], key: str, value: str) -> None:
    value = re.sub(r"\s+", " ", value).strip()
    if not value or value.lower().strip(" .") in VOCABULARY.unknown:
        return  # "Wettelijke grondslag: Onbekend" states nothing
    if key == "signed_date_and_publication":
        signed = iso_date(value)
        if signed:
            metadata.setdefault("signed_date", signed)
        value = _NUMERIC_DATE.sub("", value).strip()
        key = "publication"
        if not value:
            return
    if key in VOCABULARY.date_keys:
        parsed = iso_date(value)
        if parsed is None:
            return
        value = parsed
    if key == "legal_basis" and key in metadata and value not in metadata[key].split("; "):
        metadata[key] += "; " + value
    else:
        metadata.setdefault(key, value)


def _decision_start(lines: list[RawLine]) -> int | None:
    for index, line in enumerate(lines):
        if _DECISION_START.match(line.text) and any(
            _BESLUIT.search(later.text) for later in lines[index : index + DECISION_WINDOW]
        ):
            return index
    return None


def _take_decision(lines: list[RawLine], metadata: dict[str, str]) -> list[RawLine]:
    """Remove the council decision before the plan and record what it states."""
    start = _decision_start(lines[:HEAD_WINDOW])
    if start is None:
        return lines
    end = next(i for i in range(start, len(lines)) if _BESLUIT.search(lines[i].text))
    while (
        end + 1 < len(lines)
        and lines[end + 1].kind != "heading"
        and _CLAUSE.match(lines[end + 1].text)
    ):
        end += 1
    decision = "\n".join(line.text for line in lines[start : end + 1])
    opening = _DECISION_START.match(lines[start].text)
    if opening:
        metadata.setdefault("municipality", opening.group("place"))
        body = re.sub(r"\s+", " ", opening.group("body").lower())
        metadata.setdefault("adopted_by", VOCABULARY.bodies.get(body, body))
    basis = _GELET_OP.search(decision)
    if basis:
        tail = decision[basis.end() :]
        stop = _BASIS_END.search(tail)
        stated = tail[: stop.start()] if stop else tail
        for part in stated.split("\n"):
            _put(metadata, "legal_basis", part.strip(" ;,.:-–"))
    _put_adopted(decision, metadata)
    metadata["council_decision"] = decision
    return lines[:start] + lines[end + 1 :]


def _take_signature(lines: list[RawLine], metadata: dict[str, str]) -> list[RawLine]:
    """Remove the closing "Aldus vastgesteld in de vergadering van ..." and its signatures."""
    for index in range(max(0, len(lines) - SIGNATURE_WINDOW), len(lines)):
        if not _SIGNATURE_START.match(lines[index].text):
            continue
        closing = lines[index + 1 :]
        if all(len(line.text) <= SIGNATURE_LINE and line.kind != "heading" for line in closing):
            signature = "\n".join(line.text for line in lines[index:])
            _put_adopted(signature, metadata)
            metadata["signature"] = signature
            heading = index > 0 and _norm(lines[index - 1].text) == "ondertekening"
            return lines[: index - 1 if heading else index]
    return lines


def _put_adopted(text: str, metadata: dict[str, str]) -> None:
    match = _ADOPTED.search(text)
    adopted = iso_date(match.group("date")) if match else None
    if adopted:
        metadata.setdefault("adopted_date", adopted)


def _is_placeholder(text: str) -> bool:
    return _norm(text).startswith(VOCABULARY.placeholders)


def _norm(text: str) -> str:
    """Lower-case text for comparing with labels; long lines are cut, they never equal a label."""
    return re.sub(r"\s+", " ", text[:200]).strip().rstrip(":").strip().lower()
