"""DOCX loader: the amended plan rendered to Word, small Word files in other styles, bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from models import LoadedDocument, RawLine, Source
from pipeline.errors import CorruptFile
from pipeline.load.docx import load_docx
from tests.factories import zip_archive

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
AMENDED = CORPUS / "nijmegen-ivp-2022-2026-amended.docx"
FIX = "(re-download it, or open it in Word and save it again as .docx)"


def load(data: bytes, name: str = "plan.docx") -> LoadedDocument:
    return load_docx(data, Source(path=f"plans/{name}", sha256="0" * 64, format="docx"))


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def amended() -> tuple[RawLine, ...]:
    return load(AMENDED.read_bytes(), AMENDED.name).lines


def after(lines: tuple[RawLine, ...], text: str, count: int) -> tuple[RawLine, ...]:
    index = next(i for i, line in enumerate(lines) if line.text == text)
    return lines[index + 1 : index + 1 + count]


# --- the amended plan, checked against the markdown it was rendered from ---


def test_amended_headings_keep_their_levels(amended: tuple[RawLine, ...]) -> None:
    headings = [(line.level, line.text) for line in amended if line.kind == "heading"]
    assert headings[:6] == [
        (1, "Samen veilig en weerbaar"),
        (2, "Voorwoord"),
        (1, "Samen veilig en weerbaar"),
        (2, "Missie en visie"),
        (2, "Doel en opzet van een integraal veiligheidsplan"),
        (1, "Inhoudsopgave"),
    ]
    # "### 2. Ondernijning" and "## 4. Digitale criminaliteit" in the markdown
    assert (3, "2. Ondernijning") in headings
    assert (4, "▪ Ambitie") in headings
    assert (2, "4. Digitale criminaliteit") in headings
    assert (3, "11. Veilige fysieke leefomgeving") not in headings
    assert (2, "11. Veilige fysieke leefomgeving") in headings
    assert headings[-1] == (2, "Veilige wijken")


def test_amended_pillar_lists_are_numbered(amended: tuple[RawLine, ...]) -> None:
    pillar_lists = [index for index, line in enumerate(amended) if line.text == "Onze aanpak berust op drie pijlers:"]
    assert len(pillar_lists) == 4
    first = amended[pillar_lists[0] + 1 : pillar_lists[0] + 4]
    assert [(line.kind, line.marker, line.text) for line in first] == [
        ("list_item", "1.", "Een weerbare samenleving."),
        ("list_item", "2.", "Een weerbare organisatie."),
        ("list_item", "3.", "Bestuurlijke en integrale aanpak."),
    ]
    # every list restarts at 1 (pandoc gives each list its own w:num with a startOverride)
    last = amended[pillar_lists[3] + 1 : pillar_lists[3] + 4]
    assert [(line.marker, line.text) for line in last] == [
        ("1.", "Jongeren in beeld krijgen en houden."),
        ("2.", "Zicht op jeugdcriminaliteit."),
        ("3.", "Doorontwikkeling van het netwerk."),
    ]


def test_amended_bullet_keeps_its_bullet_and_bold(amended: tuple[RawLine, ...]) -> None:
    # "- **Ambitie**" under theme 10 in the markdown
    (bullet,) = after(
        amended,
        "werken risicogestuurd, waarbij we vooral willen inzetten op het "
        "risicobewustzijn van bewoners en ondernemers. Deze lijn willen we voortzetten.",
        1,
    )
    assert (bullet.kind, bullet.marker, bullet.text, bullet.bold) == (
        "list_item",
        "•",
        "Ambitie",
        True,
    )


def test_amended_footnotes_follow_the_paragraph_that_cites_them(
    amended: tuple[RawLine, ...],
) -> None:
    notes = [(index, line) for index, line in enumerate(amended) if line.kind == "footnote"]
    assert [line.number for _, line in notes] == [1, 2]
    (first_at, first), (second_at, second) = notes
    assert first.text.startswith("Naast actuele casuïstiek ziet deze aanpak op de volgende thema’s: ondermijning")
    assert first.text.endswith("extra controles/aanpak vrijgekomen agrarische bedrijven.")
    assert second.text == (
        "Socioloog Iliass El Hadioui ontwikkelde de filosofie van De Transformatieve School. "
        "Jongeren leven in drie culturen: de thuiscultuur, de straatcultuur en de schoolcultuur, "
        "elk met een eigen dynamiek en ‘sociale ladders’."
    )
    citing = amended[first_at - 1]
    (ref,) = citing.footnote_refs
    assert ref.number == 1
    assert citing.text[: ref.offset].endswith("districtelijke aanpak Gelderland-Zuid")
    assert citing.text[ref.offset :].startswith(" en met het Regionale Informatie- en Expertise Centrum")
    citing = amended[second_at - 1]
    (ref,) = citing.footnote_refs
    assert ref.number == 2
    assert citing.text[: ref.offset].endswith("met als uitgangspunt de pedagogische driehoek")
    assert citing.text[ref.offset :].startswith(". Volgens socioloog Iliass El Hadioui")


def test_amended_budget_table_rows_and_cells(amended: tuple[RawLine, ...]) -> None:
    rows = [line for line in amended if line.kind == "table_row"]
    assert len(rows) == 11
    assert rows[0].cells == ("(bedragen x 1000 €)", "2022", "2023", "2024", "2025", "2026")
    assert rows[2].cells == ("2. Brandweezorg", "14.736", "15.407", "15.407", "15.407", "15.407")
    assert rows[4].cells == ("4. Jeugdbeschermingstafel", "-71", "-71", "-71", "-71", "-71")
    assert rows[-1].cells == ("TOTAAL", "16.848", "17.198", "17.205", "17.014", "17.014")
    assert rows[-1].text == "TOTAAL\t16.848\t17.198\t17.205\t17.014\t17.014"
    assert after(amended, "Wat het kost - financieel overzicht 2022-2026", 1) == (rows[0],)


def test_amended_lines_are_paragraphs_without_pages(amended: tuple[RawLine, ...]) -> None:
    assert all(line.page is None and not line.wrapped and line.text.strip() for line in amended)
    assert amended[1].text == "Integraal veiligheidsplan\n2022-2026"  # a line break inside one paragraph


# --- small Word files in other styles ---


def test_chapter_style_plan_with_title_numbered_list_and_bold() -> None:
    document = docx.Document()
    document.add_paragraph("Veiligheid in Dorpstad 2024-2027", style="Title")
    document.add_paragraph("Hoofdstuk 1: Inleiding", style="Heading 1")
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("Wij kiezen drie speerpunten:")
    for text in ("Woninginbraak", "Jeugdoverlast", "Ondermijning"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Cameratoezicht", style="List Bullet")
    paragraph = document.add_paragraph()
    paragraph.add_run("Geheel vet, ").bold = True
    paragraph.add_run("ook dit.").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Half ")
    mixed.add_run("cursief").italic = True
    lines = load(saved(document)).lines
    assert [(line.kind, line.level, line.marker, line.text) for line in lines] == [
        ("heading", 0, None, "Veiligheid in Dorpstad 2024-2027"),
        ("heading", 1, None, "Hoofdstuk 1: Inleiding"),
        ("text", None, None, "Wij kiezen drie speerpunten:"),
        ("list_item", None, "1.", "Woninginbraak"),
        ("list_item", None, "2.", "Jeugdoverlast"),
        ("list_item", None, "3.", "Ondermijning"),
        ("list_item", None, "-", "Cameratoezicht"),  # a Symbol-font bullet is no readable character
        ("text", None, None, "Geheel vet, ook dit."),
        ("text", None, None, "Half cursief"),
    ]
    assert (lines[-2].bold, lines[-2].italic) == (True, False)
    assert (lines[-1].bold, lines[-1].italic) == (False, False)


def test_dutch_style_names_and_outline_levels_make_headings() -> None:
    document = docx.Document()
    kop = document.styles.add_style("Kop 2", WD_STYLE_TYPE.PARAGRAPH)
    paragraafkop = document.styles.add_style("Paragraafkop", WD_STYLE_TYPE.PARAGRAPH)
    paragraafkop.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    document.add_paragraph("§ 2.1 Woninginbraak", style=kop)
    document.add_paragraph("2.1.1 Aanpak", style=paragraafkop)
    assert [(line.kind, line.level) for line in load(saved(document)).lines] == [
        ("heading", 2),
        ("heading", 3),
    ]


def _numbered(document: docx.document.Document, text: str, num_id: int, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _level(level: int, style: str, text: str) -> str:
    return f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{style}"/><w:lvlText w:val="{text}"/></w:lvl>'


def test_word_numbering_letters_roman_restart_and_nesting() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
            f"{_level(0, 'upperRoman', '%1.')}{_level(1, 'lowerLetter', '%2)')}"
            f"{_level(2, 'decimal', '%1.%3')}"
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="901"><w:abstractNumId w:val="77"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="902"><w:abstractNumId w:val="77"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
        )
    )
    _numbered(document, "Veilige woon- en leefomgeving", 901, 0)
    _numbered(document, "woninginbraak", 901, 1)
    _numbered(document, "fietsendiefstal", 901, 1)
    _numbered(document, "detail", 901, 2)
    _numbered(document, "Bedrijvigheid en veiligheid", 901, 0)
    _numbered(document, "winkelcentra", 901, 1)  # restarts at a) under a new item
    _numbered(document, "Fysieke veiligheid", 902, 0)  # its own list, starting at IV
    markers = [(line.marker, line.text) for line in load(saved(document)).lines]
    assert markers == [
        ("I.", "Veilige woon- en leefomgeving"),
        ("a)", "woninginbraak"),
        ("b)", "fietsendiefstal"),
        ("I.1", "detail"),
        ("II.", "Bedrijvigheid en veiligheid"),
        ("a)", "winkelcentra"),
        ("IV.", "Fysieke veiligheid"),
    ]


def test_word_numbered_headings_keep_their_printed_number() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="78">'
            f"{_level(0, 'decimal', '%1')}{_level(1, 'decimal', '%1.%2')}</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="903"><w:abstractNumId w:val="78"/></w:num>'))
    for text, style, level in (
        ("Inleiding", "Heading 1", 0),
        ("Aanleiding", "Heading 2", 1),
        ("Thema's", "Heading 1", 0),
        ("Woninginbraak", "Heading 2", 1),
    ):
        paragraph = document.add_paragraph(text, style=style)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="903"/></w:numPr>')
        )
    lines = load(saved(document)).lines
    assert [(line.kind, line.level, line.marker, line.text) for line in lines] == [
        ("heading", 1, None, "1 Inleiding"),
        ("heading", 2, None, "1.1 Aanleiding"),
        ("heading", 1, None, "2 Thema's"),
        ("heading", 2, None, "2.1 Woninginbraak"),
    ]


def test_table_merged_cells_appear_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for row, values in enumerate((("Post", "2024", "2025"), ("Cameratoezicht", "12.500", "13.000"))):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    table.cell(2, 1).merge(table.cell(2, 2)).text = "40.000 (beide jaren)"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "Boa's"
    table.cell(3, 1).text = "7.000"
    table.cell(3, 2).text = "7.500"
    rows = [line for line in load(saved(document)).lines if line.kind == "table_row"]
    assert [row.cells for row in rows] == [
        ("Post", "2024", "2025"),
        ("Cameratoezicht", "12.500", "13.000"),
        ("Boa's", "40.000 (beide jaren)"),
        ("", "7.000", "7.500"),
    ]
    assert rows[1].text == "Cameratoezicht\t12.500\t13.000"


def test_content_control_placeholders_are_dropped() -> None:
    document = docx.Document()
    document.add_paragraph("Voorwoord")
    body = document.element.body
    for placeholder, text in (
        (True, "Klik of tik om tekst in te voeren."),
        (False, "Burgemeester J. Jansen"),
    ):
        flag = "<w:showingPlcHdr/>" if placeholder else ""
        body.insert(
            len(body) - 1,
            parse_xml(
                f"<w:sdt {nsdecls('w')}><w:sdtPr>{flag}</w:sdtPr><w:sdtContent>"
                f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            ),
        )
    assert [line.text for line in load(saved(document)).lines] == [
        "Voorwoord",
        "Burgemeester J. Jansen",
    ]


def test_deleted_revisions_are_not_text() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Budget ")
    paragraph._p.append(
        parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>oud</w:delText></w:r></w:del>')
    )
    paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>nieuw</w:t></w:r>"))
    assert [line.text for line in load(saved(document)).lines] == ["Budget nieuw"]
    assert b"delText" in zipfile.ZipFile(io.BytesIO(saved(document))).read("word/document.xml")


def _add_footnotes(document: docx.document.Document, notes: dict[str, list[str]]) -> None:
    """Give a python-docx document a word/footnotes.xml, which python-docx cannot write itself."""
    w = nsdecls("w")
    xml = f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
    xml += "</w:r></w:p></w:footnote>"
    for note_id, paragraphs in notes.items():
        xml += f'<w:footnote w:id="{note_id}">'
        xml += f'<w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {paragraphs[0]}</w:t>'
        xml += "</w:r></w:p>"
        xml += "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs[1:])
        xml += "</w:footnote>"
    xml += "</w:footnotes>"
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _cite(paragraph: docx.text.paragraph.Paragraph, note_id: str) -> None:
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{note_id}"/></w:r>'))


def test_footnotes_are_numbered_in_reading_order_also_in_tables() -> None:
    document = docx.Document()
    # Word's ids say nothing about the printed number: the order of citation does.
    _add_footnotes(document, {"7": ["Bron: monitor 2023.", "Tweede alinea."], "3": ["Begroting 2024."]})
    paragraph = document.add_paragraph("Zie de monitor")
    _cite(paragraph, "7")
    paragraph.add_run(" en verder.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cameratoezicht"
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("1.000")
    _cite(cell, "3")
    lines = load(saved(document)).lines
    assert shape_of(lines) == [
        ("text", None, "Zie de monitor en verder."),
        ("footnote", 1, "Bron: monitor 2023. Tweede alinea."),
        ("table_row", None, "Cameratoezicht\t1.000"),
        ("footnote", 2, "Begroting 2024."),
    ]
    assert [(ref.offset, ref.number) for ref in lines[0].footnote_refs] == [(len("Zie de monitor"), 1)]
    assert [(ref.offset, ref.number) for ref in lines[2].footnote_refs] == [(len("Cameratoezicht\t1.000"), 2)]


def shape_of(lines: tuple[RawLine, ...]) -> list[tuple[str, int | None, str]]:
    return [(line.kind, line.number, line.text) for line in lines]


# --- bad files ---


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "renamed.docx",
            b"Dit is een tekstbestand met de verkeerde extensie.\n" * 5,
            f"plans/renamed.docx: is not a Word document: it is not a zip archive {FIX}",
        ),
        (
            "junk.docx",
            zip_archive({"junk.bin": b"\x00\x01\x02" * 50}),
            "plans/junk.docx: is a zip archive but not a Word document "
            f"(There is no item named '[Content_Types].xml' in the archive) {FIX}",
        ),
        (
            "half.docx",
            AMENDED.read_bytes()[: AMENDED.stat().st_size // 2],
            "plans/half.docx: is truncated or damaged: its zip archive has no readable directory " + FIX,
        ),
    ],
)
def test_bad_word_files_get_one_line_messages(name: str, data: bytes, message: str) -> None:
    with pytest.raises(CorruptFile) as caught:
        load(data, name)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_damaged_xml_inside_a_word_file() -> None:
    original = zipfile.ZipFile(AMENDED)
    members = {item: original.read(item) for item in original.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:5000]
    with pytest.raises(CorruptFile) as caught:
        load(zip_archive(members), "cut.docx")
    assert str(caught.value).startswith("plans/cut.docx: is a damaged Word document: invalid XML (")
    assert str(caught.value).endswith(FIX)
