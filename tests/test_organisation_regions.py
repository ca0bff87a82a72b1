"""Regional organisations: a region in a name makes another organisation; housing corporations by pattern."""

from __future__ import annotations

import pytest

from models import Organisation
from pipeline.extractors.gazetteer import load_organisations, load_words
from pipeline.extractors.housing import housing_names
from pipeline.extractors.organisation_resources import build_resources, is_head
from pipeline.extractors.organisations import recognise
from pipeline.extractors.qualifiers import key_of, similarity, split_qualifier
from pipeline.extractors.scan import Scan


def found(text: str) -> dict[str, Organisation]:
    return {organisation.name: organisation for organisation in recognise(text)[0]}


def mentions(text: str) -> dict[str, list[str]]:
    """Canonical name -> mention texts in order."""
    return {name: [m.text for m in organisation.mentions] for name, organisation in found(text).items()}


def head(word: str) -> bool:
    return is_head(word, build_resources())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Regionaal Informatie- en Expertisecentrum Midden-Nederland",
         ("regionaal informatie en expertisecentrum", "midden nederland")),
        ("Omgevingsdienst Regio Nijmegen", ("omgevingsdienst regio", "nijmegen")),
        ("Veiligheidshuis Fryslân", ("veiligheidshuis", "fryslan")),
        # no head word: the whole name is the qualifier, so only an equal name matches it
        ("Veiligheids- en Gezondheidsregio Gelderland-Midden",
         ("", "veiligheids en gezondheidsregio gelderland midden")),
    ],
)  # fmt: skip
def test_a_name_splits_into_generic_head_and_region(name: str, expected: tuple[str, str]) -> None:
    assert split_qualifier(key_of(name), head) == expected


def test_merge_keys_ignore_hyphens_case_and_diacritics() -> None:
    assert key_of("RIEC-Limburg") == key_of("riec  Limburg") == "riec limburg"
    assert key_of("Veiligheidshuis Fryslân") == key_of("VEILIGHEIDSHUIS FRYSLAN")
    assert key_of("Nationaal Coördinator") == "nationaal coordinator"


@pytest.mark.parametrize(
    ("phrase", "name", "same"),
    [
        # alike heads, other region: never the same organisation
        ("Regionaal Informatie- en Expertise Centrum Zuid-Nederland",
         "Regionaal Informatie- en Expertisecentrum Midden-Nederland", False),
        ("Omgevingsdienst Regio Arnhem", "Omgevingsdienst Regio Nijmegen", False),
        # spelling of the head differs, region equal
        ("Regionale Informatie- en Expertise Centrum Oost-Nederland",
         "Regionaal Informatie- en Expertisecentrum Oost-Nederland", True),
        ("Regionaal Informatie en Expertisecentrum Noord Nederland",
         "Regionaal Informatie- en Expertisecentrum Noord-Nederland", True),
    ],
)  # fmt: skip
def test_names_are_compared_region_first(phrase: str, name: str, same: bool) -> None:
    assert (similarity(split_qualifier(key_of(phrase), head), split_qualifier(key_of(name), head)) >= 85) is same


def test_a_defined_riec_of_an_unlisted_region_is_its_own_organisation() -> None:
    text = (
        "Het Regionaal Informatie- en Expertise Centrum Zuid-Nederland (RIEC) ondersteunt ons. "
        "Het RIEC maakt een ondermijningsbeeld; ook het RIEC Zuid-Nederland adviseert."
    )
    organisation = found(text)["Regionaal Informatie- en Expertise Centrum Zuid-Nederland"]
    assert (organisation.acronym, organisation.kind) == ("RIEC", "network")
    assert [m.text for m in organisation.mentions] == [
        "Regionaal Informatie- en Expertise Centrum Zuid-Nederland",
        "RIEC",  # the acronym in the parenthesis
        "RIEC",
        "RIEC Zuid-Nederland",
    ]
    assert set(found(text)) == {"Regionaal Informatie- en Expertise Centrum Zuid-Nederland"}


def test_a_definition_with_a_listed_region_still_finds_its_entry() -> None:
    text = "Het Regionaal Informatie en Expertisecentrum Noord Nederland (RIEC) adviseert; het RIEC deelt."
    assert mentions(text) == {
        "RIEC Noord-Nederland": ["Regionaal Informatie en Expertisecentrum Noord Nederland", "RIEC", "RIEC"]
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het RIEC Rotterdam en het RIEC-Limburg werken samen.",
         {"RIEC Rotterdam": ["RIEC Rotterdam"], "RIEC Limburg": ["RIEC-Limburg"]}),
        ("Signalen gaan naar het RIEC -\nLimburg.", {"RIEC Limburg": ["RIEC - Limburg"]}),
        # an unlisted region: its own organisation, one name however it is joined
        ("Het RIEC-Zuid adviseert en het RIEC Zuid evalueert.", {"RIEC Zuid": ["RIEC-Zuid", "RIEC Zuid"]}),
        ("Het Regionaal Informatie- en Expertisecentrum Zeeland-West-Brabant (RIEC ZWB) helpt; "
         "het RIEC ZWB deelt.",
         {"RIEC Zeeland-West-Brabant":
          ["Regionaal Informatie- en Expertisecentrum Zeeland-West-Brabant", "RIEC ZWB", "RIEC ZWB"]}),
    ],
)  # fmt: skip
def test_hyphen_joined_regions_are_regions(text: str, expected: dict[str, list[str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the national association is no GGD region: the bare 'de GGD' means the one region named
        ("De GGD Gelderland-Zuid en GGD GHOR Nederland overleggen; de GGD voert uit.",
         {"GGD Gelderland-Zuid": ["GGD Gelderland-Zuid", "GGD"], "GGD GHOR Nederland": ["GGD GHOR Nederland"]}),
        ("Het Veiligheidshuis Fryslân coördineert.",
         {"Zorg- en Veiligheidshuis Fryslân": ["Veiligheidshuis Fryslân"]}),
        ("Het Zorg- en Veiligheidshuis Rotterdam-Rijnmond en het ZVH.",
         {"Zorg- en Veiligheidshuis Rotterdam-Rijnmond": ["Zorg- en Veiligheidshuis Rotterdam-Rijnmond", "ZVH"]}),
        ("Het ZVH en de politie.", {"Zorg- en Veiligheidshuis": ["ZVH"], "politie": ["politie"]}),
        # a region the gazetteer does not list: one organisation under either generic name
        ("Het Zorg- en Veiligheidshuis Twente helpt; het Veiligheidshuis Twente bemiddelt.",
         {"Zorg- en Veiligheidshuis Twente": ["Zorg- en Veiligheidshuis Twente", "Veiligheidshuis Twente"]}),
        ("Meldingen gaan naar Veilig Thuis Drenthe.", {"Veilig Thuis Drenthe": ["Veilig Thuis Drenthe"]}),
        ("Wij werken met de GGD regio Utrecht, de GGD Hart voor Brabant en de GGD Noord- en "
         "Oost-Gelderland.",
         {"GGD regio Utrecht": ["GGD regio Utrecht"], "GGD Hart voor Brabant": ["GGD Hart voor Brabant"],
          "GGD Noord- en Oost-Gelderland": ["GGD Noord- en Oost-Gelderland"]}),
        ("De GGD Fryslan adviseert.", {"GGD Fryslân": ["GGD Fryslan"]}),
        # no region after the generic name
        ("Signalen van de GGD. Twente volgt later.", {"GGD": ["GGD"]}),
        ("De GGD en de politie overleggen in de GGD-regio.", {"GGD": ["GGD", "GGD"], "politie": ["politie"]}),
        # a capital on the next line opens a sentence as often as it names a region
        ("Wij werken met de GGD\nDaarna volgt de politie.", {"GGD": ["GGD"], "politie": ["politie"]}),
        ("Partner      Taak\nGGD          Jeugdgezondheidszorg", {"GGD": ["GGD"]}),  # columns of a table
        # a document or a task after the generic name is no region
        ("De GGD Gezondheidsmonitor en het RIEC Jaarverslag 2023 tonen dit; de GGD Jeugdgezondheidszorg helpt.",
         {"GGD": ["GGD", "GGD"], "RIEC": ["RIEC"]}),
        ("De GGD Halt en de burgemeester.",
         {"GGD": ["GGD"], "Halt": ["Halt"], "burgemeester": ["burgemeester"]}),
        # the police is one national organisation: its units are not separate organisations
        ("De politie Limburg en de Politie Oost-Nederland.", {"politie": ["politie", "Politie"]}),
    ],
)  # fmt: skip
def test_a_generic_entry_absorbs_only_unqualified_mentions(text: str, expected: dict[str, list[str]]) -> None:
    assert mentions(text) == expected


def test_a_qualified_mention_is_typed_like_its_generic_parent() -> None:
    organisations = found("Het Zorg- en Veiligheidshuis Twente, Veilig Thuis Drenthe en het RIEC Zuid.")
    assert {name: o.kind for name, o in organisations.items()} == {
        "Zorg- en Veiligheidshuis Twente": "care",
        "Veilig Thuis Drenthe": "care",
        "RIEC Zuid": "network",
    }


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Veiligheidsregio Noord-Limburg", "Veiligheidsregio Limburg-Noord"),
        ("Veiligheidsregio Limburg Noord", "Veiligheidsregio Limburg-Noord"),
        ("Veiligheidsregio Zuidoost-Brabant", "Veiligheidsregio Brabant-Zuidoost"),
        ("GGD Noord-Limburg", "GGD Limburg-Noord"),
        ("GGD Zuidoost-Brabant", "GGD Brabant-Zuidoost"),
        ("Omgevingsdienst Brabant-Zuidoost", "Omgevingsdienst Zuidoost-Brabant"),
        ("RUD Noord-Limburg", "Regionale Uitvoeringsdienst Limburg Noord"),
        ("Veiligheidsregio Zuid-Holland-Zuid", "Veiligheidsregio Zuid-Holland Zuid"),
    ],
)
def test_swapped_compass_qualifiers_are_aliases(printed: str, name: str) -> None:
    assert mentions(f"In Venlo overleggen wij met de {printed} over risico's.") == {name: [printed]}


def test_the_gazetteer_lists_the_25_ggd_regions() -> None:
    ggds = [e for e in load_organisations() if e.kind == "care" and e.name.startswith(("GGD ", "Dienst Gezondheid"))]
    assert len(ggds) == 25
    for entry in ggds:
        text = f"Wij vragen advies aan de {entry.name}."
        assert mentions(text) == {entry.name: [entry.name]}


def test_national_partners_in_one_sentence_each_get_their_entry() -> None:
    text = (
        "Wij werken samen met de Nationale Politie, de Koninklijke Marechaussee, de Belastingdienst/FIOD, "
        "de Douane, de NVWA, Halt, Slachtofferhulp Nederland, Reclassering Nederland, het Leger des Heils, "
        "de Raad voor de Kinderbescherming, de NCTV en het CCV."
    )
    assert mentions(text) == {
        "politie": ["Nationale Politie"],
        "Koninklijke Marechaussee": ["Koninklijke Marechaussee"],
        "Belastingdienst": ["Belastingdienst"],
        "Fiscale Inlichtingen- en Opsporingsdienst": ["FIOD"],
        "Douane": ["Douane"],
        "Nederlandse Voedsel- en Warenautoriteit": ["NVWA"],
        "Halt": ["Halt"],
        "Slachtofferhulp Nederland": ["Slachtofferhulp Nederland"],
        "Reclassering Nederland": ["Reclassering Nederland"],
        "Leger des Heils": ["Leger des Heils"],
        "Raad voor de Kinderbescherming": ["Raad voor de Kinderbescherming"],
        "Nationaal Coördinator Terrorismebestrijding en Veiligheid": ["NCTV"],
        "Centrum voor Criminaliteitspreventie en Veiligheid": ["het CCV"],
    }


@pytest.mark.parametrize(
    ("text", "name", "acronym", "kind"),
    [
        ("Het UWV en de gemeente delen gegevens.", "Uitvoeringsinstituut Werknemersverzekeringen", "UWV", "government"),
        ("De SVB betaalt de kinderbijslag.", "Sociale Verzekeringsbank", "SVB", "government"),
        ("Het CAK int de eigen bijdrage.", "CAK", "CAK", "government"),
        ("De Inspectie Leefomgeving en Transport controleert.", "Inspectie Leefomgeving en Transport", "ILT",
         "government"),
        ("Meld oplichting bij de Fraudehelpdesk.", "Fraudehelpdesk", None, "other"),
        ("De Dienst Gezondheid & Jeugd adviseert; de DG&J rapporteert.", "Dienst Gezondheid & Jeugd Zuid-Holland Zuid",
         "DG&J", "care"),
    ],
)  # fmt: skip
def test_national_bodies_named_in_safety_plans(text: str, name: str, acronym: str | None, kind: str) -> None:
    organisation = found(text)[name]
    assert (organisation.acronym, organisation.kind) == (acronym, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De woningcorporaties Portaal en Talis, en het jongerenwerk.", {"Portaal": ["Portaal"], "Talis": ["Talis"]}),
        ("Samen met woningstichting De Key, corporatie Ymere of Eigen Haard pakken we overlast aan.",
         {"De Key": ["De Key"], "Ymere": ["Ymere"], "Eigen Haard": ["Eigen Haard"]}),
        ("In Roermond werkt Wonen Limburg mee, net als Standvast Wonen in Nijmegen.",
         {"Wonen Limburg": ["Wonen Limburg"], "Standvast Wonen": ["Standvast Wonen"]}),
        ("Woningbouwvereniging Beter Wonen meldt overlast. Daarna plaatst Beter Wonen camera's.",
         {"Beter Wonen": ["Beter Wonen", "Beter Wonen"]}),
        # kinds of housing and headings are not corporations
        ("De centrumgemeente regelt het Beschermd Wonen en het project Veilig Wonen.", {}),
        ("Dit valt onder het programma Wonen Zorg en Welzijn.", {}),
        ("Wonen Limburg\n\nWonen en zorg gaan samen.", {}),
        ("Alle woningcorporaties in de regio doen mee.", {}),
    ],
)  # fmt: skip
def test_housing_corporations_are_recognised_by_pattern(text: str, expected: dict[str, list[str]]) -> None:
    housing = {name: texts for name, texts in mentions(text).items() if found(text)[name].kind == "housing"}
    assert housing == expected


def test_the_housing_noun_still_counts_as_a_partner_type() -> None:
    organisations, partners = recognise("We werken met de woningcorporaties Portaal en Talis.")
    assert [(o.name, o.kind) for o in organisations] == [("Portaal", "housing"), ("Talis", "housing")]
    assert [(p.name, p.count) for p in partners] == [("woningcorporaties", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one region of the family named: the bare generic name means it
        ("De GGD West-Brabant adviseert; de GGD voert uit.", {"GGD West-Brabant": ["GGD West-Brabant", "GGD"]}),
        ("Het Veiligheidshuis brengt zorg en straf samen in het Zorg- en Veiligheidshuis De Markiezaten.",
         {"Zorg- en Veiligheidshuis De Markiezaten": ["Veiligheidshuis", "Zorg- en Veiligheidshuis De Markiezaten"]}),
        # a national body is no region: the bare name stays generic
        ("De brandweer blust; Brandweer Nederland adviseert de brandweer.",
         {"brandweer": ["brandweer", "brandweer"], "Brandweer Nederland": ["Brandweer Nederland"]}),
        # two regions named: the bare name stays generic
        ("De GGD Twente en de GGD IJsselland overleggen; de GGD voert uit.",
         {"GGD Twente": ["GGD Twente"], "GGD IJsselland": ["GGD IJsselland"], "GGD": ["GGD"]}),
    ],
)  # fmt: skip
def test_a_bare_generic_name_means_the_one_region_the_plan_names(text: str, expected: dict[str, list[str]]) -> None:
    assert mentions(text) == expected


def test_housing_names_from_a_scan_are_those_of_a_whole_text_search() -> None:
    words = load_words()
    text = "De woningcorporatie Portaal en de corporaties Talis en Woonwaarts; ook Standvast Wonen."
    arguments = (
        frozenset(words["housing_nouns"]),
        words["housing_name_word"],
        frozenset(words["not_with_housing_name_word"]),
        frozenset(words["housing_name_stops"]),
    )
    scan = Scan.of(text)
    names = [text[start:end] for start, end in housing_names(text, *arguments, scan.lower, scan.words)]
    assert names == ["Portaal", "Talis", "Woonwaarts", "Standvast Wonen"]
    assert list(housing_names(text, *arguments)) == list(housing_names(text, *arguments, scan.lower, scan.words))


def test_a_letter_that_lowers_to_two_characters_does_not_hide_housing_names() -> None:
    # 'İ' lowers to 'i' plus a combining dot: the lowered text is one character longer
    text = "Wij werken met İlyas Yılmaz van Woningcorporatie Portaal."
    assert [organisation.name for organisation in recognise(text)[0]] == ["Portaal"]
