"""People named in plans: a role noun followed by a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import extract
from pipeline.extractors.people import find_people
from pipeline.extractors.scan import Scan

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("plan", ["nijmegen-ivp-2022-2026-college.txt", "nijmegen-ivp-2022-2026-amended.md"])
def test_the_cited_sociologist_is_found_once(plan: str) -> None:
    record = extract(CORPUS / plan)
    # 'Volgens socioloog Iliass El Hadioui ...' in the text and again in footnote 2
    assert [(p.name, p.role, p.span.quote) for p in record.people] == [
        ("Iliass El Hadioui", "socioloog", "socioloog Iliass El Hadioui")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Burgemeester Ahmed Aboutaleb opende het overleg.", [("Ahmed Aboutaleb", "burgemeester")]),
        ("Volgens hoogleraar Marleen de Vries werkt dit.", [("Marleen de Vries", "hoogleraar")]),
        ("Met hoofdofficier van justitie Anne-Marie ten Brink spraken we af.",
         [("Anne-Marie ten Brink", "hoofdofficier van justitie")]),
        ("Criminoloog Jan van der Berg en wethouder Fatima El Idrissi.",
         [("Jan van der Berg", "criminoloog"), ("Fatima El Idrissi", "wethouder")]),
        ("De burgemeester als bestuursorgaan heeft bevoegdheden.", []),
        ("De minister van Justitie en Veiligheid stelt regels.", []),
    ],
)  # fmt: skip
def test_people_in_plans_of_other_municipalities(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.role) for p in find_people(text)] == expected


def test_organisation_names_after_a_role_are_not_people() -> None:
    text = "De voorzitter Veiligheidsregio Utrecht opende de vergadering."
    start = text.index("Veiligheidsregio")
    assert find_people(text) != ()
    assert find_people(text, exclude=[(start, start + len("Veiligheidsregio Utrecht"))]) == ()


def test_a_letter_that_lowers_to_two_characters_does_not_hide_a_capitalised_role() -> None:
    text = "In İzmir en Nijmegen sprak Burgemeester Hubert Bruls met ons."
    found = [(p.name, p.role, p.span.quote) for p in find_people(text)]
    assert found == [("Hubert Bruls", "burgemeester", "Burgemeester Hubert Bruls")]
    assert find_people(text, scan=Scan.of(text)) == find_people(text)
