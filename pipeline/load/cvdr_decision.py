"""The council decision before a published plan and the signature that closes it.

"De raad van de gemeente X; gelezen ...; gelet op ...; besluit: vast te stellen ..." gives the
municipality, the adopting body and the legal basis; "Aldus vastgesteld in de openbare
vergadering van ..." gives the adoption date. Both are taken out of the plan's lines.
"""

from __future__ import annotations

import re

from models import RawLine
from pipeline.dates import iso_date
from pipeline.load.cvdr_block import put
from pipeline.load.cvdr_vocabulary import VOCABULARY, alternation, norm, squeeze

HEAD_WINDOW = 200  # the decision sits at the top of the page
DECISION_WINDOW = 40  # lines between "De raad van ..." and "besluit:"
SIGNATURE_WINDOW = 12  # "Aldus vastgesteld ..." and the signatures close the page
SIGNATURE_LINE = 80  # signature lines are short: names and functions

_PLACE = r"(?:'s-)?[A-Z][\w'’-]*(?:\s+(?:(?:aan|op|den|de|het|van|der|in|en)\s+)*[A-Z][\w'’-]*)*"
_DECISION_START = re.compile(
    rf"^(?i:(?:de|het)\s+)?(?P<body>(?i:{alternation(list(VOCABULARY.bodies))}))"
    rf"\s+(?i:van\s+)?(?i:(?:de\s+)?gemeente\s+)?(?P<place>{_PLACE})\s*(?:[;,:]|$)"
)
_BESLUIT = re.compile(r"\bb\s?e\s?s\s?l\s?u\s?i\s?t(?:\s?e\s?n)?\s*:", re.IGNORECASE)
_CLAUSE = re.compile(rf"^(?:\d+[.)]\s*)?(?:{alternation(VOCABULARY.decision_clauses)})\b", re.I)
_GELET_OP = re.compile(r"\bgelet\s+op\b\s*:?\s*", re.IGNORECASE)
_BASIS_END = re.compile(
    rf";\s*(?=(?:{alternation(VOCABULARY.preamble_clauses)}|b\s?e\s?s\s?l)|$)"
    rf"|\n\s*(?=(?:{alternation(VOCABULARY.preamble_clauses)}|b\s?e\s?s\s?l))",
    re.IGNORECASE,
)
# "vastgesteld in de openbare vergadering [van de raad | van de gemeenteraad van X, gehouden]
# van / op / d.d. <date>": the date follows the meeting, however the meeting is named.
_ADOPTED = re.compile(
    r"\b(?:vastgesteld|besloten)\b[^\n]{0,160}?(?:vergadering|zitting)\b[^\n]{0,120}?"
    r"(?:\bvan|\bop|\bd\.\s?d\.|\bdd\.?)\s+(?P<date>\d{1,2}(?:-\d{1,2}-|\s+[a-z]+\s+)\d{4})",
    re.IGNORECASE,
)
_SIGNATURE_START = re.compile(r"^(?:aldus\s+)?(?:vastgesteld|besloten)\b.*(?:vergadering|zitting)\b", re.I)
_ROLE = re.compile(rf"\b(?:{alternation(VOCABULARY.signature_roles)})\b", re.IGNORECASE)


def decision_start(lines: list[RawLine]) -> int | None:
    """The index of "De raad van de gemeente X" when a "besluit:" follows within reach."""
    for index, line in enumerate(lines):
        if _DECISION_START.match(line.text) and any(
            _BESLUIT.search(later.text) for later in lines[index : index + DECISION_WINDOW]
        ):
            return index
    return None


def take_decision(lines: list[RawLine], metadata: dict[str, str]) -> list[RawLine]:
    """Remove the council decision before the plan, and a signature right after it."""
    start = decision_start(lines[:HEAD_WINDOW])
    if start is None:
        return lines
    end = next(i for i in range(start, len(lines)) if _BESLUIT.search(lines[i].text))
    while end + 1 < len(lines) and lines[end + 1].kind != "heading" and _CLAUSE.match(lines[end + 1].text):
        end += 1
    decision = "\n".join(line.text for line in lines[start : end + 1])
    opening = _DECISION_START.match(lines[start].text)
    if opening:
        metadata.setdefault("municipality", opening.group("place"))
        body = squeeze(opening.group("body").lower())
        metadata.setdefault("adopted_by", VOCABULARY.bodies.get(body, body))
    basis = _GELET_OP.search(decision)
    if basis and "legal_basis" not in metadata:  # the metadata block, when it has one, wins
        tail = decision[basis.end() :]
        stop = _BASIS_END.search(tail)
        stated = tail[: stop.start()] if stop else tail
        for part in stated.split("\n"):
            put(metadata, "legal_basis", part.strip(" ;,.:-–"))
    _put_adopted(decision, metadata)
    metadata["council_decision"] = decision
    after = _signature_after_decision(lines, end + 1)
    if after > end + 1:
        _put_signature(lines[end + 1 : after], metadata)
    return lines[:start] + lines[after:]


def _signature_after_decision(lines: list[RawLine], start: int) -> int:
    """Where a signature that directly follows the decision ends (`start` when there is none).

    After "Aldus vastgesteld ..." come lines naming a role (griffier, voorzitter) and the
    name lines right below them; the first other line starts the plan.
    """
    if start >= len(lines) or not _SIGNATURE_START.match(lines[start].text):
        return start
    index, after_role = start + 1, False
    while index < len(lines):
        line = lines[index]
        if line.kind == "heading" or len(line.text) > SIGNATURE_LINE:
            break
        role = bool(_ROLE.search(line.text))
        if not role and not after_role:
            break
        after_role = role
        index += 1
    return index


def take_signature(lines: list[RawLine], metadata: dict[str, str]) -> list[RawLine]:
    """Remove the closing "Aldus vastgesteld in de vergadering van ..." and its signatures."""
    for index in range(max(0, len(lines) - SIGNATURE_WINDOW), len(lines)):
        if not _SIGNATURE_START.match(lines[index].text):
            continue
        closing = lines[index + 1 :]
        if all(len(line.text) <= SIGNATURE_LINE and line.kind != "heading" for line in closing):
            _put_signature(lines[index:], metadata)
            heading = index > 0 and norm(lines[index - 1].text) == "ondertekening"
            return lines[: index - 1 if heading else index]
    return lines


def _put_signature(signature: list[RawLine], metadata: dict[str, str]) -> None:
    text = "\n".join(line.text for line in signature)
    _put_adopted(text, metadata)
    metadata.setdefault("signature", text)


def _put_adopted(text: str, metadata: dict[str, str]) -> None:
    match = _ADOPTED.search(text)
    adopted = iso_date(match.group("date")) if match else None
    if adopted:
        metadata.setdefault("adopted_date", adopted)
