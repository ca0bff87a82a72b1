"""The PDF loader on small PDFs in other house styles, built with reportlab in tests/pdf_factory.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from models import FootnoteRef, LoadedDocument
from pipeline import extract
from pipeline.normalise import normalise
from tests.pdf_factory import (
    altena_plan,
    chapters_at_page_top,
    emphasised_intro,
    high_marker,
    ligatures_and_soft_hyphen,
    line_with,
    load,
    of_kind,
    page_in_a_form,
    two_column_flow,
    two_column_page,
)

# --- another house style: Helvetica, "Pagina n van m", small-type footnote, split table ------


@pytest.fixture(scope="module")
def altena() -> LoadedDocument:
    return load(altena_plan(), "altena.pdf")


def test_other_style_furniture_and_toc(altena: LoadedDocument) -> None:
    texts = [line.text for line in altena.lines]
    assert not any("Pagina" in text or "Gemeente Altena |" in text for text in texts)
    assert altena.metadata["toc"] == "Hoofdstuk 1 Inleiding\nHoofdstuk 2 Middelen"


def test_large_titles_recurring_at_the_page_top_are_no_running_header() -> None:
    document = load(chapters_at_page_top())
    assert [line.text for line in of_kind(document, "heading")] == ["Hoofdstuk 1", "Hoofdstuk 2", "Hoofdstuk 3"]
    assert not any("blad" in line.text for line in document.lines)


def test_other_style_headings_ranked_by_size(altena: LoadedDocument) -> None:
    headings = [(line.text, line.level) for line in of_kind(altena, "heading")]
    assert headings == [
        ("Veilig Altena", 1),
        ("Inhoud", 3),
        ("Hoofdstuk 1 Inleiding", 2),
        ("1.1 Woninginbraak", 4),
        ("1.2 Fietsendiefstal", 5),  # body type: a heading by its section number alone
        ("Hoofdstuk 2 Middelen", 2),
    ]


def test_raised_marker_and_small_type_footnote(altena: LoadedDocument) -> None:
    line = line_with(altena, "Het aantal inbraken")
    assert line.text == "Het aantal inbraken daalde volgens de politie fors in de afgelopen jaren, maar de"
    assert line.footnote_refs == (FootnoteRef(offset=45, number=1),)
    (note,) = of_kind(altena, "footnote")
    assert (note.number, note.page) == (1, 2)
    assert note.text == "Politie Eenheid Zeeland-West-Brabant, jaarcijfers 2023, gepubliceerd in maart 2024."


def test_raised_digit_without_a_footnote_stays_in_the_text(altena: LoadedDocument) -> None:
    line = line_with(altena, "cameragebied")
    assert (line.text, line.footnote_refs, line.page) == ("Het cameragebied beslaat 1200 m2.", (), 4)


def test_marker_raised_onto_a_line_of_its_own_is_rejoined() -> None:
    document = load(high_marker())
    line = line_with(document, "Veiligheidshuis bundelt")
    assert line.text == "Het Veiligheidshuis bundelt zorg en straf."
    assert line.footnote_refs == (FootnoteRef(offset=19, number=3),)
    assert [(n.number, n.text) for n in of_kind(document, "footnote")] == [
        (3, "Zorg- en Veiligheidshuis Gelderland-Zuid.")
    ]


def test_symbol_font_bullets_become_list_items(altena: LoadedDocument) -> None:
    items = [(line.marker, line.text) for line in of_kind(altena, "list_item")]
    assert items == [("•", "buurtpreventie;"), ("•", "voorlichting aan nieuwe bewoners.")]


def test_split_table_repeated_header_dropped_and_label_merged(altena: LoadedDocument) -> None:
    rows = [(line.page, line.cells) for line in of_kind(altena, "table_row")]
    assert rows == [
        (3, ("Post", "2024", "2025", "2026")),
        (3, ("A. Cameratoezicht in winkelgebieden", "120", "125", "130")),
        (3, ("B. Buurtbemiddeling", "45", "45", "50")),
        (4, ("C. Jongerenwerk", "80", "82", "84")),
        (4, ("Totaal", "245", "252", "264")),
    ]


def test_two_columns_are_read_column_by_column() -> None:
    document = load(two_column_page())
    texts = [line.text for line in of_kind(document, "text")]
    assert texts[:2] == [
        "Links regel 1 van de eerste kolom met tekst.",
        "Links regel 2 van de eerste kolom met tekst.",
    ]
    assert texts[7:9] == [
        "Links regel 8 van de eerste kolom met tekst.",
        "Rechts regel 1 van de tweede kolom met tekst.",
    ]
    assert of_kind(document, "heading")[0].text == "Jaarverslag veiligheid"


def test_paragraph_running_on_into_the_next_column_is_one_paragraph() -> None:
    paragraphs = [block.text for block in normalise(load(two_column_flow())).blocks]
    assert paragraphs == [
        "De gemeente werkt samen met de politie en het Openbaar Ministerie aan een veilige binnenstad "
        "waarin bewoners en ondernemers zich thuis voelen en waar overlast snel wordt aangepakt door de "
        "partners in het Veiligheidshuis.",
        "Een nieuwe alinea begint hier met het cameratoezicht in de binnenstad.",
    ]


def test_ligatures_are_spelled_out_and_a_printed_soft_hyphen_is_a_hyphen() -> None:
    texts = [line.text for line in of_kind(load(ligatures_and_soft_hyphen()), "text")]
    assert texts == ["De financiële middelen voor de flexibele ont-", "wikkeling van het plan."]


def test_bold_paragraph_is_text_not_a_heading() -> None:
    document = load(emphasised_intro())
    assert [line.text for line in of_kind(document, "heading")] == ["Samenvatting"]
    intro = [line for line in document.lines if line.text.startswith("Vetgedrukte inleiding")]
    assert [(line.kind, line.bold) for line in intro] == [("text", True)] * 4


def test_text_inside_a_page_sized_form_object_is_read() -> None:
    document = load(page_in_a_form())
    assert [(line.kind, line.text) for line in document.lines if line.kind != "blank"] == [
        ("heading", "Veiligheid in de wijk"),
        ("text", "De wijkagent is het eerste aanspreekpunt voor bewoners."),
        ("text", "Hij werkt samen met de boa's."),
        ("page_break", ""),
    ]


# --- invariants on every generated PDF -------------------------------------------------------


BUILDERS = [
    altena_plan,
    chapters_at_page_top,
    emphasised_intro,
    high_marker,
    ligatures_and_soft_hyphen,
    page_in_a_form,
    two_column_flow,
    two_column_page,
]


@pytest.mark.parametrize("build", BUILDERS)
def test_loader_lines_are_well_formed(build: Callable[[], bytes]) -> None:
    document = load(build())
    assert [line.page for line in of_kind(document, "page_break")] == list(range(1, (document.source.pages or 0) + 1))
    for line in document.lines:
        assert line.page is not None
        assert line.text == line.text.strip()
        assert all(0 <= ref.offset <= len(line.text) for ref in line.footnote_refs)
        assert (line.kind == "table_row") == bool(line.cells)
        assert (line.kind == "footnote") == (line.number is not None)


def test_table_split_over_two_pages_is_one_budget_table(tmp_path: Path) -> None:
    path = tmp_path / "altena.pdf"
    path.write_bytes(altena_plan())
    (table,) = extract(path).budget
    assert table.years == (2024, 2025, 2026)
    assert [(line.number, line.label, line.amounts[2026]) for line in table.lines] == [
        ("A", "Cameratoezicht in winkelgebieden", 130),
        ("B", "Buurtbemiddeling", 50),
        ("C", "Jongerenwerk", 84),
    ]
    assert table.stated_total == {2024: 245, 2025: 252, 2026: 264}
