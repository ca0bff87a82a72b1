"""Organisations and partner types: golden Nijmegen tests, synthetic plans elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from models import Organisation, PartnerType, PlanRecord
from pipeline import extract
from pipeline.errors import UnsupportedFormat
from pipeline.extractors.documents import find_documents
from pipeline.extractors.organisations import ORGANISATIONS, recognise
from pipeline.extractors.people import find_people
from pipeline.spans import Locator

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLANS = [
    "nijmegen-ivp-2022-2026-college.txt",
    "nijmegen-ivp-2022-2026-amended.md",
    "nijmegen-ivp-2022-2026-amended.docx",
    "nijmegen-ivp-2022-2026-amended.pdf",
]

# Read off both plans by hand (the amended plan keeps these passages unchanged):
# canonical name -> (acronym, kind, number of mentions, the mention texts).
GOLDEN: dict[str, tuple[str | None, str, int, set[str]]] = {
    "politie": (None, "police", 6, {"politie"}),
    "Openbaar Ministerie": ("OM", "justice", 1, {"OM"}),
    "RIEC Oost-Nederland": (
        "RIEC",
        "network",
        2,
        {"Regionale Informatie- en Expertise Centrum Oost-Nederland", "RIEC"},
    ),
    "Omgevingsdienst Regio Nijmegen": (
        "ODRN",
        "environmental service",
        4,
        {"Omgevingsdienst Regio Nijmegen", "ODRN", "Omgevingsdienst"},
    ),
    "Veiligheidsregio Gelderland-Zuid": (
        "VRGZ",
        "safety region",
        6,
        {"Veiligheidsregio Gelderland-Zuid", "VRGZ", "Veiligheidsregio"},
    ),
    "Zorg- en Veiligheidshuis": ("ZVH", "care", 4, {"Zorg- en Veiligheidshuis", "Veiligheidshuis"}),
    "Platform31": (None, "knowledge institute", 1, {"Platform 31"}),
    "G40": (None, "network", 1, {"G40"}),
    "M50": (None, "network", 1, {"M50"}),
    "gemeenteraad": (None, "municipal body", 7, {"gemeenteraad", "raad"}),
    "college van burgemeester en wethouders": (
        None,
        "municipal body",
        1,
        {"College van Burgemeester en Wethouders"},
    ),
    "burgemeester": (None, "municipal body", 4, {"burgemeester"}),
    "Veiliger Wijkteams": (None, "network", 4, {"Veiliger Wijkteams"}),
    "Regieteams": (None, "other", 2, {"Regieteams"}),
    "buurtteams Jeugd & Gezin": (None, "youth", 1, {"buurtteams Jeugd & Gezin"}),
}
# Generic partners named in the 'Context', 'Jongeren in beeld' and strafrechtketen passages.
GOLDEN_PARTNER_TYPES = {
    "woningcorporaties": 1,
    "onderwijsinstellingen": 1,
    "welzijnsinstellingen": 1,
    "maatschappelijk werk": 1,
    "jongerenwerk": 3,  # jongerenwerk, online-jongerenwerk, jongerenwerkers
    "jeugdcoaches": 2,
    "jeugdbescherming": 1,
    "jeugdreclassering": 1,
    "scholen": 2,
    "strafrechtketen": 4,
    "zorgpartners": 1,
    "justitiepartners": 1,
    "toezichthouders": 2,
    "branche- en belangenorganisaties": 1,
    "wijkteams": 1,  # 'de nieuwe wijkteams'
    "regiogemeenten": 1,
}


@pytest.fixture(scope="module", params=PLANS)
def record(request: pytest.FixtureRequest) -> PlanRecord:
    try:
        return extract(CORPUS / request.param)
    except UnsupportedFormat:
        pytest.skip(f"no loader for {request.param} yet")


def by_name(organisations: tuple[Organisation, ...]) -> dict[str, Organisation]:
    return {organisation.name: organisation for organisation in organisations}


def test_golden_organisations_are_found_with_all_mentions_merged(record: PlanRecord) -> None:
    found = by_name(record.organisations)
    assert set(found) == set(GOLDEN)
    for name, (acronym, kind, count, texts) in GOLDEN.items():
        organisation = found[name]
        assert (organisation.acronym, organisation.kind, organisation.count) == (
            acronym,
            kind,
            count,
        ), name
        assert {mention.text for mention in organisation.mentions} == texts, name


def test_golden_partner_types_are_kept_apart_from_organisations(record: PlanRecord) -> None:
    assert {partner.name: partner.count for partner in record.partner_types} == GOLDEN_PARTNER_TYPES


def test_every_mention_quotes_the_normalised_text(record: PlanRecord) -> None:
    mentions = [m for o in record.organisations for m in o.mentions]
    mentions += [m for p in record.partner_types for m in p.mentions]
    for mention in mentions:
        assert record.text[mention.span.start : mention.span.end] == mention.span.quote


def names(text: str) -> dict[str, Organisation]:
    return by_name(recognise(text)[0])


def mention_texts(organisation: Organisation) -> list[str]:
    return [mention.text for mention in organisation.mentions]


# (plan sentence from another municipality, canonical name, acronym, kind, mention texts in order)
OTHER_REGIONS = [
    (
        "In Enschede werken we samen met de Veiligheidsregio Twente (VRT). "
        "De VRT adviseert over evenementen.",
        "Veiligheidsregio Twente", "VRT", "safety region",
        ["Veiligheidsregio Twente", "VRT", "VRT"],
    ),
    (
        "Milieutoezicht ligt bij de Regionale Uitvoeringsdienst Zuid-Limburg (RUD ZL) in Heerlen.",
        "Regionale Uitvoeringsdienst Zuid-Limburg", "RUD ZL", "environmental service",
        ["Regionale Uitvoeringsdienst Zuid-Limburg", "RUD ZL"],
    ),
    (
        "Casuïstiek brengen we in bij het Regionaal Informatie- en Expertisecentrum "
        "Rotterdam (RIEC). "
        "Het RIEC maakt een integraal beeld.",
        "RIEC Rotterdam", "RIEC", "network",
        ["Regionaal Informatie- en Expertisecentrum Rotterdam", "RIEC", "RIEC"],
    ),
    (
        "Tilburg en de OMWB stemmen de handhaving af; "
        "de Omgevingsdienst Midden- en West-Brabant toetst.",
        "Omgevingsdienst Midden- en West-Brabant", "OMWB", "environmental service",
        ["OMWB", "Omgevingsdienst Midden- en West-Brabant"],
    ),
    (
        "Het RIEC Limburg ondersteunt Venlo bij de aanpak van ondermijning.",
        "RIEC Limburg", "RIEC", "network",
        ["RIEC Limburg"],
    ),
    (
        "De Veiligheids- en Gezondheidsregio Gelderland-Midden (VGGM) "
        "verzorgt de brandweerzorg in Ede.",
        "Veiligheids- en Gezondheidsregio Gelderland-Midden", "VGGM", "safety region",
        ["Veiligheids- en Gezondheidsregio Gelderland-Midden", "VGGM"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "acronym", "kind", "mentions"), OTHER_REGIONS)
def test_organisations_of_other_regions(text: str, name: str, acronym: str, kind: str, mentions: list[str]) -> None:
    organisation = names(text)[name]
    assert (organisation.acronym, organisation.kind) == (acronym, kind)
    assert mention_texts(organisation) == mentions


def test_every_name_of_the_public_prosecutor_is_one_organisation() -> None:
    text = (
        "Het Openbaar Ministerie (OM) vervolgt; het OM en justitie delen informatie met Leiden. "
        "Om overlast te stoppen werkt de politie mee."
    )
    organisation = names(text)["Openbaar Ministerie"]
    assert mention_texts(organisation) == ["Openbaar Ministerie", "OM", "OM", "justitie"]


def test_acronym_definition_defines_an_organisation_outside_the_gazetteer() -> None:
    text = (
        "Het Centrum voor Jeugd en Gezin Utrecht (CJGU) ondersteunt ouders. "
        "Signalen gaan via het CJGU naar de wijkteams."
    )
    organisation = names(text)["Centrum voor Jeugd en Gezin Utrecht"]
    assert organisation.acronym == "CJGU"
    assert organisation.kind == "youth"
    assert mention_texts(organisation) == ["Centrum voor Jeugd en Gezin Utrecht", "CJGU", "CJGU"]


def test_bare_acronym_before_its_definition_is_merged() -> None:
    text = (
        "Het EMO ondersteunt gemeenten al jaren.\n\n"
        "Bij mensenhandel schakelen we het Expertisecentrum Mensenhandel Oost (EMO) in."
    )
    organisation = names(text)["Expertisecentrum Mensenhandel Oost"]
    assert organisation.acronym == "EMO"
    assert organisation.count == 3
    assert mention_texts(organisation) == ["EMO", "Expertisecentrum Mensenhandel Oost", "EMO"]
    assert organisation.mentions[0].span.start == text.index("EMO")


def test_line_wrapped_names_are_found_and_quoted_as_printed() -> None:
    text = (
        "Wij werken samen met de Veiligheidsregio\nHollands Midden, het Centrum voor\n"
        "Criminaliteitspreventie en Veiligheid en de Veiligheidsregio Zuid-\nLimburg."
    )
    found = names(text)
    hollands = found["Veiligheidsregio Hollands Midden"].mentions[0]
    assert hollands.text == "Veiligheidsregio Hollands Midden"
    assert hollands.span.quote == "Veiligheidsregio\nHollands Midden"
    ccv = found["Centrum voor Criminaliteitspreventie en Veiligheid"]
    assert ccv.acronym == "CCV"
    assert ccv.mentions[0].span.quote == "Centrum voor\nCriminaliteitspreventie en Veiligheid"
    assert found["Veiligheidsregio Zuid-Limburg"].mentions[0].span.quote == "Veiligheidsregio Zuid-\nLimburg"


def test_line_wrapped_long_form_of_an_acronym_definition() -> None:
    text = "Zaken gaan naar het Expertisecentrum\nHuiselijk Geweld Drenthe (EHGD), daarna naar het EHGD-overleg."
    organisation = names(text)["Expertisecentrum Huiselijk Geweld Drenthe"]
    assert mention_texts(organisation) == [
        "Expertisecentrum Huiselijk Geweld Drenthe",
        "EHGD",
        "EHGD",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stichting Jongerenwerk Noord en het Kenniscentrum Kinderhandel Amsterdam doen mee.",
         {"Stichting Jongerenwerk Noord": "youth",
          "Kenniscentrum Kinderhandel Amsterdam": "knowledge institute"}),
        ("Voortzetting van de Veiliger Wijkteams in Zwolle.", {"Veiliger Wijkteams": "network"}),
        ("Signalen komen binnen bij de Meldpunten en het Sociaal Wijkteam Oost.",
         {"Sociaal Wijkteam Oost": "network"}),
        ("We volgen de Wet veiligheidsregio's en de Wet publieke gezondheid.", {}),
        ("Samen met de Politiewet 2012 en de Omgevingswet bepaalt dit het kader.", {}),
        ("Het Team Ondermijning van de gemeente Breda pakt panden aan.",
         {"Team Ondermijning": "other"}),
        # a lower-case team-like head before a capitalised name opens the name
        ("Overlast gaat naar het team Handhaving en de buurtteams Jeugd & Gezin in Leiden.",
         {"team Handhaving": "other", "buurtteams Jeugd & Gezin": "youth"}),
        ("We werken in de regio Twente en in het centrum Enschede.", {}),
    ],
)  # fmt: skip
def test_names_with_organisational_head_words(text: str, expected: dict[str, str]) -> None:
    assert {name: org.kind for name, org in names(text).items()} == expected


def test_exact_case_aliases_leave_ordinary_words_alone() -> None:
    assert names("Om overlast een halt toe te roepen, treden we op.") == {}
    found = names("Halt en het OM bespreken de jonge aanwas.")
    assert set(found) == {"Halt", "Openbaar Ministerie"}


def test_a_shared_acronym_without_definition_stays_generic() -> None:
    organisation = names("Het RIEC adviseert de burgemeester over Bibob-zaken.")["RIEC"]
    assert (organisation.acronym, organisation.kind, organisation.count) == ("RIEC", "network", 1)


def test_partner_types_are_counted_under_one_name() -> None:
    organisations, partners = recognise(
        "We werken met woningcorporaties, het jongerenwerk en elke woningcorporatie in de wijk."
    )
    assert organisations == ()
    assert partners == (
        PartnerType(name="woningcorporaties", count=2, mentions=partners[0].mentions),
        PartnerType(name="jongerenwerk", count=1, mentions=partners[1].mentions),
    )
    assert [m.text for m in partners[0].mentions] == ["woningcorporaties", "woningcorporatie"]


def test_model_candidates_become_organisations() -> None:
    text = "Wij werken samen met Vluchtelingenwerk Nederland in Arnhem."
    start = text.index("Vluchtelingenwerk")
    organisations, _ = recognise(text, candidates=[(start, start + len("Vluchtelingenwerk Nederland"))])
    assert [(o.name, o.kind, o.count) for o in organisations] == [("Vluchtelingenwerk Nederland", "other", 1)]


def test_statistical_model_finds_an_organisation_without_head_word() -> None:
    pytest.importorskip("nl_core_news_sm")
    from pipeline.nlp import build_nlp, run

    doc = run(
        build_nlp(use_model=True),
        "Wij werken samen met Vluchtelingenwerk Nederland en Humanitas in Arnhem.",
    )
    # Neither name has a head word or a gazetteer entry: every ORG entity of the model, and
    # nothing else, must come out as an organisation with its span.
    entities = [(ent.text, ent.start_char) for ent in doc.ents if ent.label_ == "ORG"]
    assert entities, "the model tagged no ORG entity in this sentence"
    found = [(o.name, m.span.start) for o in doc._.ivp_organisations for m in o.mentions]
    assert found == entities


def test_recognition_is_deterministic() -> None:
    text = (CORPUS / "nijmegen-ivp-2022-2026-college.txt").read_text(encoding="utf-8")
    assert recognise(text) == recognise(text)


SNIPPETS = [
    "Veiligheidsregio", "Gelderland-Zuid", "(VRGZ)", "RIEC", "het", "en", "Centrum", "voor",
    "Zorg-", "Veiligheidshuis", "OM", "om", "Halt", "‘", "’", "'", "\n", "\n\n", " ", "(", ")",
    "İstanbul", "Stichting", "Wet", "plan", "2018-2022", "coalitieakkoord", "socioloog", "Jan",
    "GGD", "RIEC-", "Fryslân", "regio", "Wonen", "woningcorporaties", "Portaal", "-", "(RIEC ZWB)",
]  # fmt: skip


@given(st.lists(st.sampled_from(SNIPPETS), max_size=40).map(" ".join))
@settings(max_examples=150, deadline=None)
def test_never_crashes_and_every_quote_matches_the_text(text: str) -> None:
    organisations, partners = recognise(text)
    mentions = [m for o in organisations for m in o.mentions] + [m for p in partners for m in p.mentions]
    for mention in mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.quote
    for document in find_documents(text):
        assert text[document.span.start : document.span.end] == document.span.quote
    for person in find_people(text):
        assert text[person.span.start : person.span.end] == person.span.quote


def test_the_component_puts_items_with_pages_on_the_doc() -> None:
    from pipeline.nlp import build_nlp, run

    text = "De politie en het OM overleggen.\n\nHet Zorg- en Veiligheidshuis helpt woningcorporaties."
    second_page = text.index("Het Zorg")
    doc = run(build_nlp(use_model=False), text, ((0, 3), (second_page, 4)))
    pages = {o.name: [m.span.page for m in o.mentions] for o in doc._.ivp_organisations}
    assert pages == {"politie": [3], "Openbaar Ministerie": [3], "Zorg- en Veiligheidshuis": [4]}
    assert [(p.name, p.mentions[0].span.page) for p in doc._.ivp_partner_types] == [("woningcorporaties", 4)]


def test_mentions_carry_trimmed_spans_with_pages() -> None:
    text = "Intro.\nDe GGD Twente en de politie.\nLater: GGD Twente."
    spans = Locator(text, ((0, 1), (36, 2)))
    organisations, _ = recognise(text, spans=spans)
    ggd = next(organisation for organisation in organisations if organisation.name.startswith("GGD"))
    assert [(m.text, m.span.page, m.span.start, m.span.end, m.span.quote) for m in ggd.mentions] == [
        ("GGD Twente", 1, 10, 20, "GGD Twente"),
        ("GGD Twente", 2, 43, 53, "GGD Twente"),
    ]


def test_organisation_fields_are_validated_with_their_spans() -> None:
    fields = {"name": "GGD", "mentions": [{"text": "GGD", "span": {"start": 4, "end": 9, "quote": "GGD"}}], "count": 1}
    with pytest.raises(ValidationError, match="quote length differs"):
        ORGANISATIONS.validate_python([fields])
