"""The PDF loader on the amended Nijmegen plan and on small PDFs in other house styles.

Expected values were read off the rendered pages of the corpus PDF.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from models import FootnoteRef, LoadedDocument, RawLine, Source
from pipeline import extract
from pipeline.errors import CorruptFile, EncryptedPDF, NoTextLayer, PlanError
from pipeline.load.pdf import load_pdf
from pipeline.normalise import normalise
from tests.pdf_factory import (
    altena_plan,
    chapters_at_page_top,
    emphasised_intro,
    high_marker,
    image_only,
    page_in_a_form,
    two_column_page,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
AMENDED_PDF = CORPUS / "nijmegen-ivp-2022-2026-amended.pdf"


def _source(name: str = "plan.pdf") -> Source:
    return Source(path=name, sha256="0" * 64, format="pdf")


def _load(data: bytes, name: str = "plan.pdf") -> LoadedDocument:
    return load_pdf(data, _source(name))


def _kind(document: LoadedDocument, kind: str) -> list[RawLine]:
    return [line for line in document.lines if line.kind == kind]


def _line_with(document: LoadedDocument, fragment: str, page: int | None = None) -> RawLine:
    matches = [line for line in document.lines if fragment in line.text and page in (None, line.page)]
    assert len(matches) == 1, [line.text for line in matches]
    return matches[0]


@pytest.fixture(scope="module")
def amended() -> LoadedDocument:
    return _load(AMENDED_PDF.read_bytes(), "amended.pdf")


# --- the amended Nijmegen plan (20 pages, DejaVu Serif body) ---------------------------------


def test_page_count_and_one_page_break_per_page(amended: LoadedDocument) -> None:
    assert amended.source.pages == 20
    assert [line.page for line in _kind(amended, "page_break")] == list(range(1, 21))


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
    heading = _line_with(amended, title)
    assert (heading.kind, heading.page, heading.text) == ("heading", page, title)


def test_heading_levels_follow_type_size(amended: LoadedDocument) -> None:
    # 16 pt title > 14 pt section ("4. Digitale criminaliteit") > 12 pt bold ("9. Openbare orde").
    levels = {line.text: line.level for line in _kind(amended, "heading")}
    assert levels["Samen veilig en weerbaar"] == 1
    assert levels["4. Digitale criminaliteit"] == 2
    assert levels["9. Openbare orde"] == 3


def test_heading_printed_over_two_lines_is_one_heading(amended: LoadedDocument) -> None:
    heading = _line_with(amended, "De relatie met het Veiligheidsplan")
    assert heading.text == "De relatie met het Veiligheidsplan 2018-2022 ‘De weerbare stad’"
    assert heading.kind == "heading"


def test_footnotes_are_lifted_whole_with_their_numbers(amended: LoadedDocument) -> None:
    notes = {line.number: line for line in _kind(amended, "footnote")}
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
    line = _line_with(amended, fragment)
    assert line.text == text
    (ref,) = line.footnote_refs
    assert ref.number == number
    assert line.text[: ref.offset].endswith(word)


def test_line_end_hyphens_are_kept_for_the_normaliser(amended: LoadedDocument) -> None:
    assert _line_with(amended, "districtelijke aanpak").text.endswith("Informatie-")


def test_budget_table_rows_with_wrapped_labels_merged(amended: LoadedDocument) -> None:
    rows = [line.cells for line in _kind(amended, "table_row")]
    assert rows[0] == ("(bedragen x 1000 €)", "2022", "2023", "2024", "2025", "2026")
    assert rows[1] == ("1. Aanpak multiproblematiek", "848", "570", "570", "374", "374")
    assert rows[4] == ("4. Jeugdbeschermingstafel", "-71", "-71", "-71", "-71", "-71")
    assert rows[7] == ("7. Veilige evenementen en horeca", "262", "276", "276", "276", "276")
    assert rows[8] == ("8. Veilige fysieke leefomgeving", "5", "5", "5", "5", "5")
    assert rows[10] == ("TOTAAL", "16.848", "17.198", "17.205", "17.014", "17.014")
    assert len(rows) == 11
    assert {line.page for line in _kind(amended, "table_row")} == {18}


def test_table_of_contents_is_dropped_and_kept_in_metadata(amended: LoadedDocument) -> None:
    assert not any("……" in line.text for line in amended.lines)
    entries = amended.metadata["toc"].split("\n")
    assert entries[0] == "Voorwoord\t1"
    assert entries[4] == "De relatie met het Veiligheidsplan 2018-2022 ‘De weerbare stad’\t5"
    assert len(entries) == 11


def test_numbered_and_arrow_list_items(amended: LoadedDocument) -> None:
    items = [(line.marker, line.text) for line in _kind(amended, "list_item") if line.page == 6]
    assert items == [
        ("1.", "Een weerbare samenleving."),
        ("2.", "Een weerbare organisatie."),
        ("3.", "Bestuurlijke en integrale aanpak."),
    ]
    arrow = _line_with(amended, "Bestuurlijke en integrale aanpak", page=8)
    assert arrow.kind == "list_item" and arrow.marker == "➤" and arrow.italic
    # A list marker set apart from its text by pdfminer is rejoined with it.
    split = [line for line in _kind(amended, "list_item") if line.text == "Jongeren in beeld krijgen en houden."]
    assert [line.marker for line in split] == ["1."]


def test_dash_continuing_a_sentence_is_not_a_bullet(amended: LoadedDocument) -> None:
    line = _line_with(amended, "bij voorkeur preventief. Dat is")
    assert line.kind == "text"
    assert line.text.startswith("– bij voorkeur")


def test_body_lines_carry_layout_hints(amended: LoadedDocument) -> None:
    line = _line_with(amended, "De veiligheid van de burger raakt aan de kernwaarden van onze", page=1)
    assert line.page == 1 and line.kind == "text" and line.wrapped and line.size == 1.0
    voorwoord = _line_with(amended, "Samen veilig en weerbaar is een concept")
    assert voorwoord.italic and not voorwoord.bold


def test_blank_between_paragraphs_not_inside_them(amended: LoadedDocument) -> None:
    lines = list(amended.lines)
    end = lines.index(_line_with(amended, "handhavend op blijft treden wanneer dit nodig is."))
    assert [line.kind for line in lines[end - 1 : end + 3]] == ["text", "text", "blank", "text"]
    assert lines[end + 2].text.startswith("Een veilige en weerbare stad is dus")


# --- another house style: Helvetica, "Pagina n van m", small-type footnote, split table ------


@pytest.fixture(scope="module")
def altena() -> LoadedDocument:
    return _load(altena_plan(), "altena.pdf")


def test_other_style_furniture_and_toc(altena: LoadedDocument) -> None:
    texts = [line.text for line in altena.lines]
    assert not any("Pagina" in text or "Gemeente Altena |" in text for text in texts)
    assert altena.metadata["toc"] == "Hoofdstuk 1 Inleiding\t2\nHoofdstuk 2 Middelen\t3"


def test_large_titles_recurring_at_the_page_top_are_no_running_header() -> None:
    document = _load(chapters_at_page_top())
    assert [line.text for line in _kind(document, "heading")] == ["Hoofdstuk 1", "Hoofdstuk 2", "Hoofdstuk 3"]
    assert not any("blad" in line.text for line in document.lines)


def test_other_style_headings_ranked_by_size(altena: LoadedDocument) -> None:
    headings = [(line.text, line.level) for line in _kind(altena, "heading")]
    assert headings == [
        ("Veilig Altena", 1),
        ("Inhoud", 3),
        ("Hoofdstuk 1 Inleiding", 2),
        ("1.1 Woninginbraak", 4),
        ("1.2 Fietsendiefstal", 5),  # body type: a heading by its section number alone
        ("Hoofdstuk 2 Middelen", 2),
    ]


def test_raised_marker_and_small_type_footnote(altena: LoadedDocument) -> None:
    line = _line_with(altena, "Het aantal inbraken")
    assert line.text == "Het aantal inbraken daalde volgens de politie fors in de afgelopen jaren, maar de"
    assert line.footnote_refs == (FootnoteRef(offset=45, number=1),)
    (note,) = _kind(altena, "footnote")
    assert (note.number, note.page) == (1, 2)
    assert note.text == "Politie Eenheid Zeeland-West-Brabant, jaarcijfers 2023, gepubliceerd in maart 2024."


def test_raised_digit_without_a_footnote_stays_in_the_text(altena: LoadedDocument) -> None:
    line = _line_with(altena, "cameragebied")
    assert (line.text, line.footnote_refs, line.page) == ("Het cameragebied beslaat 1200 m2.", (), 4)


def test_marker_raised_onto_a_line_of_its_own_is_rejoined() -> None:
    document = _load(high_marker())
    line = _line_with(document, "Veiligheidshuis bundelt")
    assert line.text == "Het Veiligheidshuis bundelt zorg en straf."
    assert line.footnote_refs == (FootnoteRef(offset=19, number=3),)
    assert [(n.number, n.text) for n in _kind(document, "footnote")] == [
        (3, "Zorg- en Veiligheidshuis Gelderland-Zuid.")
    ]


def test_symbol_font_bullets_become_list_items(altena: LoadedDocument) -> None:
    items = [(line.marker, line.text) for line in _kind(altena, "list_item")]
    assert items == [("•", "buurtpreventie;"), ("•", "voorlichting aan nieuwe bewoners.")]


def test_split_table_repeated_header_dropped_and_label_merged(altena: LoadedDocument) -> None:
    rows = [(line.page, line.cells) for line in _kind(altena, "table_row")]
    assert rows == [
        (3, ("Post", "2024", "2025", "2026")),
        (3, ("A. Cameratoezicht in winkelgebieden", "120", "125", "130")),
        (3, ("B. Buurtbemiddeling", "45", "45", "50")),
        (4, ("C. Jongerenwerk", "80", "82", "84")),
        (4, ("Totaal", "245", "252", "264")),
    ]


def test_two_columns_are_read_column_by_column() -> None:
    document = _load(two_column_page())
    texts = [line.text for line in _kind(document, "text")]
    assert texts[:2] == [
        "Links regel 1 van de eerste kolom met tekst.",
        "Links regel 2 van de eerste kolom met tekst.",
    ]
    assert texts[7:9] == [
        "Links regel 8 van de eerste kolom met tekst.",
        "Rechts regel 1 van de tweede kolom met tekst.",
    ]
    assert _kind(document, "heading")[0].text == "Jaarverslag veiligheid"


def test_bold_paragraph_is_text_not_a_heading() -> None:
    document = _load(emphasised_intro())
    assert [line.text for line in _kind(document, "heading")] == ["Samenvatting"]
    intro = [line for line in document.lines if line.text.startswith("Vetgedrukte inleiding")]
    assert [(line.kind, line.bold) for line in intro] == [("text", True)] * 4


def test_text_inside_a_page_sized_form_object_is_read() -> None:
    document = _load(page_in_a_form())
    assert [(line.kind, line.text) for line in document.lines if line.kind != "blank"] == [
        ("heading", "Veiligheid in de wijk"),
        ("text", "De wijkagent is het eerste aanspreekpunt voor bewoners."),
        ("text", "Hij werkt samen met de boa's."),
        ("page_break", ""),
    ]


# --- bad input ------------------------------------------------------------------------------


def test_truncated_pdf_is_a_corrupt_file() -> None:
    data = AMENDED_PDF.read_bytes()
    with pytest.raises(CorruptFile) as caught:
        _load(data[: len(data) // 2], "half.pdf")
    assert str(caught.value) == (
        "half.pdf: is damaged or truncated and cannot be read as a PDF (re-download the file or export it again)"
    )


def test_password_protected_pdf() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(altena_plan()))
    writer.encrypt("geheim", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(EncryptedPDF) as caught:
        _load(buffer.getvalue(), "locked.pdf")
    assert str(caught.value) == (
        "locked.pdf: is password protected "
        "(save a copy without password, e.g. `qpdf --password=PASSWORD --decrypt in.pdf out.pdf`)"
    )


def test_owner_password_only_is_readable() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(altena_plan()))
    writer.encrypt("", owner_password="eigenaar", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert _load(buffer.getvalue()).source.pages == 4


def test_scan_without_text_layer() -> None:
    with pytest.raises(NoTextLayer) as caught:
        _load(image_only(pages=2), "scan.pdf")
    assert str(caught.value) == (
        "scan.pdf: has 2 page(s) but no text layer "
        "(it is probably a scan; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`)"
    )


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


@pytest.mark.parametrize("seed", range(6))
def test_damaged_bytes_load_or_fail_with_a_plan_error(seed: int) -> None:
    data = bytearray(AMENDED_PDF.read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.choice([3, 30, 300])):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        document = _load(bytes(data), "damaged.pdf")
    except PlanError as error:
        assert str(error).startswith("damaged.pdf: ") and "\n" not in str(error)
        return
    assert document.source.pages == 20


# --- invariants on every generated PDF -------------------------------------------------------


@pytest.mark.parametrize("build", [altena_plan, two_column_page, high_marker, emphasised_intro, page_in_a_form])
def test_loader_lines_are_well_formed(build: Callable[[], bytes]) -> None:
    document = _load(build())
    assert [line.page for line in _kind(document, "page_break")] == list(range(1, (document.source.pages or 0) + 1))
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
