"""The PDF loader on the amended Nijmegen plan (20 pages, DejaVu Serif body).

Expected values were read off the rendered pages of the corpus PDF.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models import LoadedDocument
from pipeline.normalise import normalise
from tests.pdf_factory import line_with, load, of_kind

AMENDED_PDF = Path(__file__).resolve().parent.parent / "corpus" / "nijmegen-ivp-2022-2026-amended.pdf"


@pytest.fixture(scope="module")
def amended() -> LoadedDocument:
    return load(AMENDED_PDF.read_bytes(), "amended.pdf")


# --- the amended Nijmegen plan (20 pages, DejaVu Serif body) ---------------------------------


def test_page_count_and_one_page_break_per_page(amended: LoadedDocument) -> None:
    assert amended.source.pages == 20
    assert [line.page for line in of_kind(amended, "page_break")] == list(range(1, 21))


def test_running_header_and_page_numbers_are_dropped(amended: LoadedDocument) -> None:
    texts = [line.text for line in amended.lines]
    assert not any("Integraal veiligheidsplan 2022-2026" in text for text in texts)
    assert not any(text.strip().isdigit() for text in texts)
    # The title page's own subtitle is not the running header and stays.
    assert "Integraal veiligheidsplan" in texts


@pytest.mark.parametrize(
    ("title", "page"),
    [
        ("1. Aanpak van discriminatie", 5),
        ("2. Ondernijning", 5),
        ("3. Veilige wijken", 9),
        ("4. Digitale criminaliteit", 10),
        ("5. Zorg & Veiligheid", 11),
        ("6. Jonge aanwas in de criminaliteit", 13),
        ("7. Polarisatie en maatschappelijke ontwrichting", 14),
        ("8. Aanpak straatintimidatie", 15),
        ("9. Openbare orde", 15),
        ("10. Veilige evenementen, horeca en markten", 16),
        ("11. Veilige fysieke leefomgeving", 17),
        ("II. Financiën", 18),
    ],
)
def test_theme_headings_come_out_as_headings(amended: LoadedDocument, title: str, page: int) -> None:
    heading = line_with(amended, title)
    assert (heading.kind, heading.page, heading.text) == ("heading", page, title)


def test_heading_levels_follow_type_size(amended: LoadedDocument) -> None:
    # 16 pt title > 14 pt section ("4. Digitale criminaliteit") > 12 pt bold ("9. Openbare orde").
    levels = {line.text: line.level for line in of_kind(amended, "heading")}
    assert levels["Samen veilig en weerbaar"] == 1
    assert levels["4. Digitale criminaliteit"] == 2
    assert levels["9. Openbare orde"] == 3


def test_heading_printed_over_two_lines_is_one_heading(amended: LoadedDocument) -> None:
    heading = line_with(amended, "De relatie met het Veiligheidsplan")
    assert heading.text == "De relatie met het Veiligheidsplan 2018-2022 ‘De weerbare stad’"
    assert heading.kind == "heading"


def test_footnotes_are_lifted_whole_with_their_numbers(amended: LoadedDocument) -> None:
    notes = {line.number: line for line in of_kind(amended, "footnote")}
    assert sorted(notes) == [1, 2]
    assert notes[1].page == 8
    assert notes[1].text == (
        "Naast actuele casuïstiek ziet deze aanpak op de volgende thema’s: ondermijning, "
        "huisvesting arbeidsmigranten, landelijke aanpak adreskwaliteit/basisregistratie "
        "personen (BRP), zorgfraude, outlaw motorcycle gangs, aanpak "
        "recreatieterreinen/woonwagencentra, koeriersbedrijven, extra controles/aanpak "
        "vrijgekomen agrarische bedrijven."
    )
    assert notes[2].page == 13
    assert notes[2].text == (
        "Socioloog Iliass El Hadioui ontwikkelde de filosofie van De Transformatieve School. "
        "Jongeren leven in drie culturen: de thuiscultuur, de straatcultuur en de "
        "schoolcultuur, elk met een eigen dynamiek en ‘sociale ladders’."
    )


@pytest.mark.parametrize(
    ("fragment", "text", "word", "number"),
    [
        (
            "districtelijke aanpak",
            "de districtelijke aanpak Gelderland-Zuid en met het Regionale Informatie-",
            "Gelderland-Zuid",
            1,
        ),
        (
            "uitgangspunt de pedagogische",
            "jongeren, met als uitgangspunt de pedagogische driehoek. Volgens",
            "driehoek",
            2,
        ),
    ],
)
def test_superscript_markers_leave_the_text_as_refs(
    amended: LoadedDocument, fragment: str, text: str, word: str, number: int
) -> None:
    line = line_with(amended, fragment)
    assert line.text == text
    (ref,) = line.footnote_refs
    assert ref.number == number
    assert line.text[: ref.offset].endswith(word)


def test_line_end_hyphens_are_kept_for_the_normaliser(amended: LoadedDocument) -> None:
    assert line_with(amended, "districtelijke aanpak").text.endswith("Informatie-")


def test_budget_table_rows_with_wrapped_labels_merged(amended: LoadedDocument) -> None:
    rows = [line.cells for line in of_kind(amended, "table_row")]
    assert rows[0] == ("(bedragen x 1000 €)", "2022", "2023", "2024", "2025", "2026")
    assert rows[1] == ("1. Aanpak multiproblematiek", "848", "570", "570", "374", "374")
    assert rows[4] == ("4. Jeugdbeschermingstafel", "-71", "-71", "-71", "-71", "-71")
    assert rows[7] == ("7. Veilige evenementen en horeca", "262", "276", "276", "276", "276")
    assert rows[8] == ("8. Veilige fysieke leefomgeving", "5", "5", "5", "5", "5")
    assert rows[10] == ("TOTAAL", "16.848", "17.198", "17.205", "17.014", "17.014")
    assert len(rows) == 11
    assert {line.page for line in of_kind(amended, "table_row")} == {18}


def test_table_of_contents_is_dropped_and_kept_in_metadata(amended: LoadedDocument) -> None:
    assert not any("……" in line.text for line in amended.lines)
    entries = amended.metadata["toc"].split("\n")
    assert entries[0] == "Voorwoord"
    assert entries[4] == "De relatie met het Veiligheidsplan 2018-2022 ‘De weerbare stad’"
    assert len(entries) == 11


def test_numbered_and_arrow_list_items(amended: LoadedDocument) -> None:
    items = [(line.marker, line.text) for line in of_kind(amended, "list_item") if line.page == 6]
    assert items == [
        ("1.", "Een weerbare samenleving."),
        ("2.", "Een weerbare organisatie."),
        ("3.", "Bestuurlijke en integrale aanpak."),
    ]
    arrow = line_with(amended, "Bestuurlijke en integrale aanpak", page=8)
    assert arrow.kind == "list_item" and arrow.marker == "➤" and arrow.italic
    # A list marker set apart from its text by pdfminer is rejoined with it.
    split = [line for line in of_kind(amended, "list_item") if line.text == "Jongeren in beeld krijgen en houden."]
    assert [line.marker for line in split] == ["1."]


def test_dash_continuing_a_sentence_is_not_a_bullet(amended: LoadedDocument) -> None:
    line = line_with(amended, "bij voorkeur preventief. Dat is")
    assert line.kind == "text"
    assert line.text.startswith("– bij voorkeur")


def test_body_lines_carry_layout_hints(amended: LoadedDocument) -> None:
    line = line_with(amended, "De veiligheid van de burger raakt aan de kernwaarden van onze", page=1)
    assert line.page == 1 and line.kind == "text" and line.wrapped and line.size == 1.0
    voorwoord = line_with(amended, "Samen veilig en weerbaar is een concept")
    assert voorwoord.italic and not voorwoord.bold


def test_blank_between_paragraphs_not_inside_them(amended: LoadedDocument) -> None:
    lines = list(amended.lines)
    end = lines.index(line_with(amended, "handhavend op blijft treden wanneer dit nodig is."))
    assert [line.kind for line in lines[end - 1 : end + 3]] == ["text", "text", "blank", "text"]
    assert lines[end + 2].text.startswith("Een veilige en weerbare stad is dus")


# --- through the normaliser ------------------------------------------------------------------


def test_normaliser_keeps_pdf_list_items_and_rejoins_across_pages(amended: LoadedDocument) -> None:
    document = normalise(amended)
    items = [(b.marker, b.text) for b in document.blocks if b.kind == "list_item" and b.page == 6]
    assert items[0] == ("1.", "1. Een weerbare samenleving.")
    # The paragraph that runs from page 1 onto page 2 is one block.
    (block,) = [b for b in document.blocks if b.text.startswith("In de veilige en weerbare stad")]
    assert block.text.endswith("een belangrijke pijler is onder onze ambities voor lokale veiligheid.")
    # Real hyphens at line ends survive the rejoin.
    assert "Regionale Informatie- en Expertise Centrum Oost-Nederland" in document.text
    assert "niet-gemeentelijke partners" in document.text
    anchors = [(f.number, document.text[f.anchor_start : f.anchor_end]) for f in document.footnotes]
    assert anchors == [(1, "Gelderland-Zuid"), (2, "driehoek")]
