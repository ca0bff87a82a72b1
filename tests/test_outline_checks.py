"""The plan's own table of contents cross-checks the headings that were found."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import extract
from pipeline.checks.outline import title_key
from tests.conftest import write_plan

BODY = """
1. Inleiding

Dit plan beschrijft de aanpak van de gemeente Heuvelrand.

2. Woninginbraak

Opgave
Het aantal inbraken stijgt.

Ambitie
Minder inbraken in 2027.
"""
DOTTED_TOC = """Veiligheidsplan Heuvelrand 2024-2027

Inhoudsopgave
1. Inleiding ........................ 2
2. Woninginbraak ..................... 3
3. Jeugdoverlast ..................... 5
"""


def test_a_toc_entry_without_its_heading_is_reported(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "heuvelrand.txt", DOTTED_TOC + BODY))
    assert record.table_of_contents == ("1. Inleiding", "2. Woninginbraak", "3. Jeugdoverlast")
    assert [(f.code, f.message) for f in record.findings if f.code.startswith("outline.")] == [
        (
            "outline.toc_entry_missing",
            "The table of contents lists '3. Jeugdoverlast', but no heading with that title was found: "
            "check whether that section is in the file and was read as a heading.",
        )
    ]
    assert "Inhoudsopgave" not in record.text and "....." not in record.text


def test_toc_entries_match_headings_despite_numbering_case_and_a_typo(tmp_path: Path) -> None:
    toc = "Inhoud\n\nHoofdstuk 1: INLEIDING ........ 2\nHoofdstuk 2 Woninginbaak ........ 3\n"
    body = BODY.replace("1. Inleiding", "Hoofdstuk 1 Inleiding")
    body = body.replace("2. Woninginbraak", "Hoofdstuk 2 Woninginbraak")
    record = extract(write_plan(tmp_path, "plan.txt", toc + body))
    assert record.table_of_contents == ("Hoofdstuk 1: INLEIDING", "Hoofdstuk 2 Woninginbaak")
    assert [f.code for f in record.findings if f.code.startswith("outline.")] == []


def test_a_plan_without_a_toc_has_no_outline_findings(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "plan.md", BODY))
    assert record.table_of_contents == ()
    assert [f.code for f in record.findings if f.code.startswith("outline.")] == []


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("3.2 Jeugd-overlast", "jeugd overlast"),
        ("II. Cybercrime", "cybercrime"),
        ("Hoofdstuk 4: Zorg & Veiligheid", "zorg veiligheid"),
        ("§ 2 Ondermijning", "ondermijning"),
        ("B) Horeca", "horeca"),
        ("Bijlage 1 Begroting", "begroting"),
    ],
)
def test_title_key_drops_numbering_case_and_punctuation(title: str, key: str) -> None:
    assert title_key(title) == key
