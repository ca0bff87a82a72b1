"""Golden tests on the two Nijmegen plans; expectations written from reading the plans."""

from __future__ import annotations

import pytest

from models import PlanRecord, Theme
from pipeline.nlp import model_available
from tests.conftest import all_spans

COLLEGE_THEMES = [
    ("1", "Ondermijning", "priority"),
    ("2", "Veilige wijken", "priority"),
    ("3", "Digitale criminaliteit", "priority"),
    ("4", "Zorg & Veiligheid", "priority"),
    ("5", "Jonge aanwas in de criminaliteit", "priority"),
    ("6", "Polarisatie en maatschappelijke ontwrichting", "priority"),
    ("7", "Openbare orde", "core"),
    ("8", "Veilige evenementen, horeca en markten", "core"),
    ("9", "Veilige fysieke leefomgeving", "core"),
]
AMENDED_THEMES = [
    ("1", "Aanpak van discriminatie", "priority"),
    ("2", "Ondernijning", "priority"),
    ("3", "Veilige wijken", "priority"),
    ("4", "Digitale criminaliteit", "priority"),
    ("5", "Zorg & Veiligheid", "priority"),
    ("6", "Jonge aanwas in de criminaliteit", "priority"),
    ("7", "Polarisatie en maatschappelijke ontwrichting", "priority"),
    ("8", "Aanpak straatintimidatie", "priority"),
    ("9", "Openbare orde", "core"),
    ("10", "Veilige evenementen, horeca en markten", "core"),
    ("11", "Veilige fysieke leefomgeving", "core"),
]
ONDERMIJNING_PILLARS = ["Een weerbare samenleving", "Een weerbare organisatie", "Bestuurlijke en integrale aanpak"]
ZORG_PILLARS = [
    "Preventie en vroeginterventie",
    "Maatwerk voor individu en wijk",
    "Bevorderen van samenwerking en ontdubbeling",
]


def by_title(record: PlanRecord, title: str) -> Theme:
    return next(theme for theme in record.themes if theme.title == title)


def test_college_themes_numbers_titles_categories(college: PlanRecord) -> None:
    assert [(t.number, t.title, t.category) for t in college.themes] == COLLEGE_THEMES
    assert {t.tier_label for t in college.themes[:6]} == {"De prioritaire thema’s"}
    assert {t.tier_label for t in college.themes[6:]} == {"Kernthema’s"}


def test_amended_themes_numbers_titles_categories(amended: PlanRecord) -> None:
    assert [(t.number, t.title, t.category) for t in amended.themes] == AMENDED_THEMES


def test_amended_themes_without_text_are_empty_with_a_finding(amended: PlanRecord) -> None:
    assert [t.number for t in amended.themes if t.empty] == ["1", "8"]
    empty_findings = [f for f in amended.findings if f.code == "theme.empty"]
    assert [f.message for f in empty_findings] == [
        "Theme 1 'Aanpak van discriminatie' has a heading but no text.",
        "Theme 8 'Aanpak straatintimidatie' has a heading but no text.",
    ]


@pytest.mark.parametrize("fixture", ["college", "amended"])
def test_opgave_and_ambitie_boundaries_of_ondermijning(fixture: str, request: pytest.FixtureRequest) -> None:
    record: PlanRecord = request.getfixturevalue(fixture)
    theme = record.themes[0] if fixture == "college" else record.themes[1]
    assert theme.opgave is not None and theme.ambitie is not None
    assert theme.opgave.heading == "Opgave"
    assert theme.opgave.text.startswith("Criminele netwerken en structuren waarvan een")
    assert theme.opgave.text.endswith("maar indien nodig treden we ook handhavend op.")
    assert theme.ambitie.text.startswith("Onze aanpak berust op drie pijlers:")
    # Pillar sub-sections belong to the ambitie; the footnote does not.
    assert "Een weerbare organisatie" in theme.ambitie.text
    assert theme.ambitie.text.endswith("uitdrukkelijk onderdeel vormen van ons arsenaal aan interventies.")
    assert "Deze aanpak ziet op" not in theme.ambitie.text
    assert "Naast actuele casuïstiek" not in theme.ambitie.text


def test_college_pillars_and_context_subsection(college: PlanRecord) -> None:
    assert [p.title for p in college.themes[0].pillars] == ONDERMIJNING_PILLARS
    zorg = by_title(college, "Zorg & Veiligheid")
    assert [p.title for p in zorg.pillars] == ZORG_PILLARS
    assert [p.number for p in zorg.pillars] == ["1", "2", "3"]
    assert [s.title for s in zorg.subsections] == ["Context"]
    assert zorg.pillars[0].text.startswith("We zien het als onze belangrijkste uitdaging")


def test_amended_pillar_matched_despite_typo_in_heading(amended: PlanRecord) -> None:
    zorg = by_title(amended, "Zorg & Veiligheid")
    last = zorg.pillars[2]
    assert last.title == "Bevorderen van samenwerking en ontdubbeling"
    assert last.heading == "Bevorderen van samenwerking en ontduubeling"
    assert last.text.startswith("Qua governance is het onze ambitie")
    assert any(f.code == "pillar.heading_differs" for f in amended.findings)


def test_uitgangspunten_list_in_opgave_is_not_pillars(college: PlanRecord) -> None:
    fysiek = by_title(college, "Veilige fysieke leefomgeving")
    assert fysiek.pillars == ()
    assert fysiek.opgave is not None
    assert "1. We willen risicogeoriënteerd en informatiegestuurd werken" in fysiek.opgave.text
    assert fysiek.opgave.text.endswith("in relatie tot artikel 3a Wet Veiligheidsregio’s.")


def test_themes_without_pillar_list_have_none(college: PlanRecord) -> None:
    for title in ("Digitale criminaliteit", "Polarisatie en maatschappelijke ontwrichting", "Openbare orde"):
        assert by_title(college, title).pillars == ()


def test_college_footnotes_lifted_with_anchor_and_page(college: PlanRecord) -> None:
    first, second = college.footnotes
    assert first.number == 1 and second.number == 2
    assert first.text == (
        "Deze aanpak ziet op de volgende thema’s: aanpak drugs, zorgfraude, mensenhandel, veilig "
        "buitengebied en het proces informatiegestuurd werken."
    )
    assert second.text.startswith("Socioloog Iliass El Hadioui ontwikkelde de filosofie van De Transformatieve School.")
    assert first.anchor is not None and first.anchor.quote == "Gelderland-Zuid"
    assert second.anchor is not None and second.anchor.quote == "driehoek"
    assert "Gelderland-Zuid1" not in college.text and "driehoek2" not in college.text
    assert "districtelijke aanpak Gelderland-Zuid en met het Regionale" in college.text


def test_amended_footnote_one_was_rewritten(amended: PlanRecord) -> None:
    assert amended.footnotes[0].text.startswith("Naast actuele casuïstiek ziet deze aanpak op de volgende thema's")
    assert amended.footnotes[0].anchor is not None and amended.footnotes[0].anchor.quote == "Gelderland-Zuid"


def test_paragraph_split_by_a_page_break_and_footnote_is_rejoined(college: PlanRecord) -> None:
    assert "zijn er ook zorgen en uitdagingen. Zeker waar het gaat om" in college.text


def test_page_furniture_is_gone(college: PlanRecord) -> None:
    assert "\n9\n" not in college.text
    assert college.source.pages is not None and college.source.pages >= 20


@pytest.mark.parametrize("fixture", ["college", "amended"])
def test_plan_metadata(fixture: str, request: pytest.FixtureRequest) -> None:
    plan = request.getfixturevalue(fixture).plan
    assert plan.municipality == "Nijmegen"
    assert plan.title == "Samen veilig en weerbaar"
    assert (plan.period.start, plan.period.end) == (2022, 2026)
    assert plan.adopted.date == "2022-10-18"
    assert plan.adopted.place == "Nijmegen"
    assert plan.adopted.by == "college van burgemeester en wethouders"


def test_period_printed_on_the_cover_is_not_inferred(amended: PlanRecord, college: PlanRecord) -> None:
    assert amended.plan.period.inferred is False
    assert amended.plan.period.span is not None and amended.plan.period.span.quote == "2022-2026"
    assert college.plan.period.inferred is True


@pytest.mark.parametrize("fixture", ["college", "amended"])
def test_every_quote_equals_the_text_at_its_offsets(fixture: str, request: pytest.FixtureRequest) -> None:
    record: PlanRecord = request.getfixturevalue(fixture)
    spans = list(all_spans(record))
    assert len(spans) > 50
    for span in spans:
        assert record.text[span.start : span.end] == span.quote


def test_table_of_contents_is_not_content(amended: PlanRecord) -> None:
    assert "Inhoudsopgave" not in amended.text
    assert [entry.title for entry in amended.outline][:3] == [
        "Samen veilig en weerbaar",
        "Voorwoord",
        "Samen veilig en weerbaar",
    ]


def test_the_record_names_the_spacy_pipeline_it_was_made_with(college: PlanRecord) -> None:
    if model_available():
        assert college.nlp_pipeline.startswith("nl_core_news_sm ")
    else:
        assert college.nlp_pipeline == "blank nl"
