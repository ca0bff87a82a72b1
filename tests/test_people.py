"""People named in plans: a role noun followed by a name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import extract
from pipeline.extractors.people import build_pattern, find_people
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


# A role word whole, inside another word, after an underscore, hyphen or digit, or spelt with a
# letter that ignore-case matching ties to an ASCII one ('ſ', the Kelvin sign, 'ı'), then a name.
ROLE_MENTIONS = st.tuples(
    st.sampled_from(["", " ", "\n", "_", "x_", "-", "2", "oud", "(", "İ "]),
    st.sampled_from(
        [
            "burgemeester", "BURGEMEESTER", "burgemeesters", "prof.", "Prof.", "Dr.", "dr", "wijkagent",
            "officier van justitie", "Commissaris  van de Koning", "ſocioloog", "\u212aorpschef", "mınister",
            "korpschef", "minister", "agent",
        ]
    ),
    st.sampled_from([" ", "\t", "\n", "-", ""]),
    st.sampled_from(["Jan Wit", "Anna de Wit", "J. El Hadioui", "jan", "Jan"]),
    st.sampled_from(["", " ", ".", "-x"]),
).map("".join)  # fmt: skip
ROLE_TEXTS = st.lists(ROLE_MENTIONS, max_size=4).map("".join)


@given(ROLE_TEXTS)
def test_the_scan_only_skips_role_words_that_cannot_start_a_match(text: str) -> None:
    # without a scan every role word is searched
    assert find_people(text, scan=Scan.of(text)) == find_people(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volgens Prof. Anna de Wit werkt het.", [("Anna de Wit", "prof.")]),
        ("Het rapport van dr. J. Jansen.", [("J. Jansen", "dr.")]),
        ("De oud-burgemeester Jan Smit sprak.", []),
    ],
)
def test_roles_found_with_a_scan_of_the_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.role) for p in find_people(text, scan=Scan.of(text))] == expected


def test_a_role_spelt_with_a_long_s_is_found_through_a_shorter_role(tmp_path: Path) -> None:
    # 'wijk' starts the match; ignoring case, 'ſ' matches the 's' of the longer role 'wijksecretaris'
    roles = tmp_path / "roles.tsv"
    roles.write_text("role\nwijk\nwijksecretaris\n", encoding="utf-8")
    text = "De wijkſecretaris Jan Wit sprak."
    pattern = build_pattern(roles)
    expected = [("Jan Wit", "wijkſecretaris")]
    assert [(p.name, p.role) for p in find_people(text, pattern=pattern)] == expected
    assert [(p.name, p.role) for p in find_people(text, pattern=pattern, scan=Scan.of(text))] == expected
