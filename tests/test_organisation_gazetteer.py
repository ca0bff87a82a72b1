"""The shipped gazetteer, users' extra gazetteers, and the errors for malformed files."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import ReferenceDataError
from pipeline.extractors.gazetteer import ORGANISATIONS_FILE, Hit, Matcher, load_organisations, read_organisations
from pipeline.extractors.organisations import OrganisationRecognizer, build_resources, recognise
from pipeline.extractors.scan import Scan


def test_shipped_gazetteer_covers_every_region() -> None:
    kinds = Counter(entry.kind for entry in read_organisations(ORGANISATIONS_FILE))
    assert kinds["safety region"] == 25 + 2  # 25 veiligheidsregio's, brandweer, Brandweer Nederland
    assert kinds["environmental service"] == 29
    riecs = [entry.name for entry in read_organisations(ORGANISATIONS_FILE) if entry.acronym == "RIEC"]
    assert len(riecs) == 10


def test_acronyms_are_unique_except_the_riecs() -> None:
    acronyms = Counter(entry.acronym for entry in load_organisations() if entry.acronym)
    assert {acronym for acronym, count in acronyms.items() if count > 1} == {"RIEC"}


def test_every_veiligheidsregio_is_recognised_by_name_and_acronym() -> None:
    regions = [entry for entry in load_organisations() if entry.name.startswith("Veiligheidsregio ")]
    assert len(regions) == 24  # the 25th is the Veiligheids- en Gezondheidsregio Gelderland-Midden
    for entry in regions:
        text = f"Het college overlegt met de {entry.name}. Daarna volgt de {entry.acronym} het advies."
        (organisation,) = [o for o in recognise(text)[0] if o.kind == "safety region"]
        assert (organisation.name, organisation.count) == (entry.name, 2)


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "eigen-organisaties.tsv"
    path.write_text(content, encoding="utf-8")
    return path


def test_a_user_gazetteer_extends_the_shipped_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name\tacronym\tkind\taliases\tsource\nBuurtbemiddeling Zwolle\tBBZ\tcare\tBuurtbemiddeling\tgemeente Zwolle\n",
    )
    recogniser = OrganisationRecognizer([str(path)])
    organisations, _ = recognise(
        "Burenruzies gaan naar Buurtbemiddeling; de BBZ en de politie overleggen.",
        recogniser.resources,
    )
    assert [(o.name, o.acronym, o.kind, o.count) for o in organisations] == [
        ("Buurtbemiddeling Zwolle", "BBZ", "care", 2),
        ("politie", None, "police", 1),
    ]


def test_the_component_takes_user_gazetteers_from_its_config(tmp_path: Path) -> None:
    path = write(tmp_path, "name\tacronym\tkind\taliases\tsource\nStadswacht Deventer\t\tother\t\t\n")
    nlp = spacy.blank("nl")
    nlp.add_pipe("ivp_organisations", config={"gazetteers": [str(path)]})
    doc = nlp("De Stadswacht Deventer surveilleert in de binnenstad.")
    assert [o.name for o in doc._.ivp_organisations] == ["Stadswacht Deventer"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("naam\tafkorting\n",
         "line 1: header is 'naam | afkorting' "
         "(use the tab-separated columns name, acronym, kind, aliases, source)"),
        ("name\tacronym\tkind\taliases\tsource\nWijkpost Oost\t\tpolitie\t\t\n",
         "line 2: unknown kind 'politie' (use one of: care, education, environmental service, "
         "government, housing, justice, knowledge institute, municipal body, network, other, "
         "police, safety region, youth)"),
        ("name\tacronym\tkind\taliases\tsource\nWijkpost Oost\t\tother\t\t\textra\n",
         "line 2: expected 5 tab-separated columns with a name first, found 6 "
         "(separate columns with one tab and leave empty columns empty)"),
        ("# only a comment\n",
         "the file has no header line "
         "(start it with: name TAB acronym TAB kind TAB aliases TAB source)"),
    ],
)  # fmt: skip
def test_malformed_user_gazetteers_raise_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(ReferenceDataError) as error:
        build_resources((str(path),))
    assert str(error.value) == f"{path}: {message}"
    assert "\n" not in str(error.value)


def test_a_missing_user_gazetteer_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ontbreekt.tsv"
    with pytest.raises(ReferenceDataError, match=r"ontbreekt\.tsv: cannot read the file"):
        build_resources((str(path),))


# Pieces of organisation names and ordinary words, for texts whose names are whole, broken or odd.
NAME_PIECES = [
    "Veilig Thuis", "Veilig", "Thuis", "Thuiſ", "Zorg- en Veiligheidshuis", "Veiligheidshuis",
    "RIEC", "RIEC-Limburg", "Openbaar Ministerie", "OM", "om", "Ministerie", "GGD Twente", "Twente",
    "politie", "Politie Oost-Nederland", "Oost-\nNederland", "de", "het", "Halt", "İ", "K", "ı",
]  # fmt: skip


@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16), st.sampled_from([" ", "\n", ", ", "-"]))
def test_aliases_skipped_for_a_word_the_plan_lacks_are_aliases_that_cannot_match(
    pieces: list[str], separator: str
) -> None:
    text = separator.join(pieces)
    scan = Scan.of(text)
    every_alias_tried = replace(scan, odd_case=True)  # odd case-folding turns the skipping off
    matcher = build_resources().matcher
    assert matcher.find(text, scan) == matcher.find(text, every_alias_tried)


def test_an_alias_matched_through_odd_case_folding_is_still_found() -> None:
    matcher = Matcher([("Veilig Thuis", "Veilig Thuis", False)])
    # the regex engine matches a long s to "s" when case is ignored; 'thuiſ' is no word 'thuis'
    assert matcher.find("Bel Veilig Thuiſ.") == [Hit(4, 16, "Veilig Thuis")]
    assert matcher.find("Bel Veilig Thuis.") == [Hit(4, 16, "Veilig Thuis")]
    assert matcher.find("Bel Veilig Huis of thuis.") == []
