"""HTML loader: a CVDR publication, council decisions in other styles, generic pages, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import LoadedDocument, RawLine, Source
from pipeline.dates import iso_date
from pipeline.load import load
from pipeline.load.html import load_html

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CVDR_PAGE = FIXTURES / "cvdr-ivp-dijkwaarde.html"


def read(markup: str | bytes, name: str = "plan.html") -> LoadedDocument:
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return load_html(data, Source(path=f"plans/{name}", sha256="0" * 64, format="html"))


def page(body: str) -> str:
    head = "<meta charset='utf-8'><title>t</title>"
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def shape(lines: tuple[RawLine, ...]) -> list[tuple[str, int | str | None, str]]:
    """(kind, level or marker or number, text) per line: the loader output as a reader sees it."""
    return [(line.kind, line.level or line.marker or line.number, line.text) for line in lines]


# --- a CVDR publication ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cvdr() -> LoadedDocument:
    return read(CVDR_PAGE.read_bytes(), CVDR_PAGE.name)


def test_cvdr_metadata_block_and_decision_become_metadata(cvdr: LoadedDocument) -> None:
    metadata = dict(cvdr.metadata)
    decision = metadata.pop("council_decision")
    signature = metadata.pop("signature")
    assert metadata == {
        "adopted_by": "gemeenteraad",
        "adopted_date": "2023-02-16",
        "change": "nieuwe regeling",
        "citation_title": "IVP Dijkwaarde 2023-2026",
        "cvdr_id": "CVDR700001/1",  # the viewed version from the Permanente link
        "in_force_date": "2023-03-01",
        "legal_basis": ("artikel 38b van de Politiewet 2012 en artikel 3a van de Wet veiligheidsregio’s"),
        "municipality": "Dijkwaarde",
        "official_title": "Integraal Veiligheidsplan Dijkwaarde 2023-2026",
        "organisation": "Dijkwaarde",
        "organisation_type": "Gemeente",
        "proposal_reference": "RV 2023/004",
        "publication": "gmb-2023-71234",
        "publication_id": "gmb-2023-71234",
        "publication_url": "https://zoek.officielebekendmakingen.nl/gmb-2023-71234.html",
        "signed_date": "2023-02-16",
        "subject": "openbare orde en veiligheid",
        "valid_from": "2023-03-01",
    }
    assert decision.startswith("De raad van de gemeente Dijkwaarde;\ngelezen het voorstel")
    assert decision.endswith("b e s l u i t :\nvast te stellen het Integraal Veiligheidsplan Dijkwaarde 2023-2026.")
    assert signature.splitlines() == [
        "Aldus vastgesteld in de openbare raadsvergadering van 16 februari 2023.",
        "De griffier,",
        "M. de Vries",
        "De voorzitter,",
        "A. Bakker",
    ]


def test_cvdr_body_is_the_plan_only(cvdr: LoadedDocument) -> None:
    assert shape(cvdr.lines) == [
        ("heading", 1, "Integraal Veiligheidsplan Dijkwaarde 2023-2026"),
        ("heading", 3, "Hoofdstuk 1 Inleiding"),
        (
            "text",
            None,
            "Dijkwaarde is een veilige gemeente, maar het gevoel van veiligheid blijft achter. "
            "Dit plan zet de koers voor vier jaar.",
        ),
        (
            "footnote",
            1,
            "Veiligheidsmonitor 2021, CBS; 38% voelt zich wel eens onveilig in de buurt.",
        ),
        ("heading", 3, "Hoofdstuk 2 Prioriteiten"),
        ("text", None, "De raad kiest drie prioriteiten:"),
        ("list_item", "1.", "Ondermijning"),
        ("list_item", "2.", "Zorg en veiligheid"),
        ("list_item", "3.", "Jeugd en veiligheid"),
        ("heading", 4, "2.1 Ondermijning"),
        ("text", None, "Opgave"),
        ("text", None, "Criminele geldstromen raken ook kleine kernen."),
        ("list_item", "a.", "een weerbare overheid;"),
        ("list_item", "b.", "een weerbare samenleving."),
        ("heading", 3, "Hoofdstuk 3 Financiën"),
        ("table_row", None, "Onderdeel\t2023\t2024"),
        ("table_row", None, "Cameratoezicht\t€ 45.000\t€ 47.500"),
        ("table_row", None, "Eenmalig: evaluatie\t€ 10.000"),  # the colspan cell appears once
    ]
    cited = cvdr.lines[2]
    (ref,) = cited.footnote_refs
    assert (ref.number, cited.text[: ref.offset]) == (1, cited.text.split(".")[0])
    assert cvdr.lines[10].bold and not cvdr.lines[11].italic  # "Opgave" is all bold; one word is italic


def test_unknown_legal_basis_is_not_a_reference() -> None:
    document = read(
        page(
            "<h1>Beleidsplan Veiligheid Oostmeer</h1>"
            "<p>Citeertitel: Veiligheidsplan Oostmeer 2024</p>"
            "<p>Vastgesteld door: college van burgemeester en wethouders</p>"
            "<p>Wettelijke grondslag: Onbekend</p>"
            "<p>Datum inwerkingtreding: 1 april 2024</p>"
            "<h2>1 Waarom dit plan</h2><p>Omdat veiligheid telt.</p>"
        )
    )
    assert document.metadata == {
        "adopted_by": "college van burgemeester en wethouders",
        "citation_title": "Veiligheidsplan Oostmeer 2024",
        "in_force_date": "2024-04-01",
    }
    assert shape(document.lines) == [
        ("heading", 1, "Beleidsplan Veiligheid Oostmeer"),
        ("heading", 2, "1 Waarom dit plan"),
        ("text", None, "Omdat veiligheid telt."),
    ]


def test_cvdr_block_as_definition_list_with_listed_bases_and_two_versions() -> None:
    document = read(
        page(
            "<p>Regeling vervallen per 01-01-2027</p><h1>Veiligheidsplan Westhoek 2019-2022</h1>"
            "<p>Geldend van 15-03-2019 t/m 31-12-2026</p>"
            "<dl><dt>Overheidsorganisatie</dt><dd>Westhoek</dd><dt>Organisatietype</dt><dd>Gemeente</dd>"
            "<dt>Citeertitel</dt><dd>Veiligheidsplan Westhoek 2019-2022</dd></dl>"
            "<h3>Wettelijke grondslag(en)</h3>"
            "<ul><li>Gemeentewet, art. 160</li><li>Politiewet 2012, art. 38b</li></ul>"
            "<table><tr><th>Datum inwerkingtreding</th><th>Betreft</th>"
            "<th>Datum ondertekening Bron bekendmaking</th></tr>"
            "<tr><td>15-03-2019</td><td>nieuwe regeling</td><td>28-02-2019 Gemeenteblad 2019, 51234</td></tr>"
            "<tr><td>01-07-2020</td><td>wijziging artikel 3</td><td>10-06-2020 gmb-2020-140001</td></tr>"
            "</table><h2>1 Inleiding</h2><p>Tekst.</p>"
        )
    )
    assert document.metadata == {
        "change": "wijziging artikel 3",  # the newest version
        "citation_title": "Veiligheidsplan Westhoek 2019-2022",
        "in_force_date": "2020-07-01",
        "legal_basis": "Gemeentewet, art. 160; Politiewet 2012, art. 38b",
        "municipality": "Westhoek",
        "organisation": "Westhoek",
        "organisation_type": "Gemeente",
        "publication": "gmb-2020-140001",
        "publication_id": "gmb-2020-140001",
        "publication_url": "https://zoek.officielebekendmakingen.nl/gmb-2020-140001.html",
        "signed_date": "2020-06-10",
        "valid_from": "2019-03-15",
        "valid_until": "2026-12-31",
    }
    assert shape(document.lines) == [
        ("heading", 1, "Veiligheidsplan Westhoek 2019-2022"),
        ("heading", 2, "1 Inleiding"),
        ("text", None, "Tekst."),
    ]


def test_decision_in_one_paragraph() -> None:
    document = read(
        page(
            "<p>De raad van de gemeente Bergen op Zoom; gelezen het voorstel van het college van "
            "3 mei 2022; gelet op artikel 38b Politiewet 2012; b e s l u i t : vast te stellen het "
            "Integraal Veiligheidsplan 2022-2025.</p>"
            "<h1>1. Inleiding</h1><p>Tekst.</p>"
        )
    )
    assert {key: document.metadata[key] for key in ("municipality", "adopted_by", "legal_basis")} == {
        "municipality": "Bergen op Zoom",
        "adopted_by": "gemeenteraad",
        "legal_basis": "artikel 38b Politiewet 2012",
    }
    assert "adopted_date" not in document.metadata  # 3 mei 2022 is the proposal, not the decision
    assert shape(document.lines) == [("heading", 1, "1. Inleiding"), ("text", None, "Tekst.")]


def test_college_decision_with_listed_legal_bases() -> None:
    document = read(
        page(
            "<h2>Intitulé</h2><p>Uitvoeringsprogramma veiligheid 's-Gravenmoer</p>"
            "<p>Burgemeester en wethouders van de gemeente 's-Gravenmoer</p><p>Gelet op</p>"
            "<ul><li><span>1.</span><span>artikel 160 van de Gemeentewet;</span></li>"
            "<li><span>2.</span><span>artikel 38b, eerste lid, van de Politiewet 2012;</span>"
            "</li></ul>"
            "<p>BESLUITEN:</p><p>vast te stellen het volgende programma:</p>"
            "<h3>Artikel 1 Doel</h3><p>Het programma regelt de uitvoering.</p>"
            "<p>Besloten in de vergadering van 7-11-2023.</p><p>De secretaris,</p><p>J. Smit</p>"
        )
    )
    assert document.metadata["municipality"] == "'s-Gravenmoer"
    assert document.metadata["adopted_by"] == "college van burgemeester en wethouders"
    assert document.metadata["legal_basis"] == (
        "artikel 160 van de Gemeentewet; artikel 38b, eerste lid, van de Politiewet 2012"
    )
    assert document.metadata["adopted_date"] == "2023-11-07"
    assert shape(document.lines) == [
        ("text", None, "Uitvoeringsprogramma veiligheid 's-Gravenmoer"),
        ("heading", 3, "Artikel 1 Doel"),
        ("text", None, "Het programma regelt de uitvoering."),
    ]


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("26-01-2023", "2023-01-26"),
        ("1 april 2024", "2024-04-01"),
        ("op 3 Mei 2022 besloten", "2022-05-03"),
        ("2023-02-16", "2023-02-16"),
        ("31-02-2023", None),
        ("heden", None),
    ],
)
def test_dutch_dates(printed: str, iso: str | None) -> None:
    assert iso_date(printed) == iso


# --- generic pages ------------------------------------------------------------------------------


def test_pandoc_style_page_lists_footnotes_and_breaks() -> None:
    document = read(
        page(
            "<nav><a href='/'>Home</a></nav><script>var x = 1;</script>"
            "<h2>Thema 1: Woninginbraak</h2>"
            "<p>Inbraken dalen<a href='#fn1' class='footnote-ref' id='fnref1' role='doc-noteref'>"
            "<sup>1</sup></a> sterk. Per 100 m<sup>2</sup> winkelvloer.</p>"
            "<p>Regel een<br>regel twee</p>"
            "<ol start='4' type='a'><li>vier</li><li value='9'>negen</li>"
            "<li>tien<ul><li>sub</li></ul></li></ol>"
            "<ol reversed><li>drie</li><li>twee</li><li>een</li></ol>"
            "<div hidden>verborgen</div><p style='display: none'>ook verborgen</p>"
            "<section class='footnotes' role='doc-endnotes'><hr><ol><li id='fn1'>"
            "<p>Politiecijfers 2022."
            "<a href='#fnref1' class='footnote-back' role='doc-backlink'>↩︎</a>"
            "</p></li></ol></section>"
        )
    )
    assert shape(document.lines) == [
        ("heading", 2, "Thema 1: Woninginbraak"),
        ("text", None, "Inbraken dalen sterk. Per 100 m2 winkelvloer."),
        ("footnote", 1, "Politiecijfers 2022."),
        ("text", None, "Regel een\nregel twee"),
        ("list_item", "d.", "vier"),
        ("list_item", "i.", "negen"),
        ("list_item", "j.", "tien"),
        ("list_item", "-", "sub"),
        ("list_item", "3.", "drie"),
        ("list_item", "2.", "twee"),
        ("list_item", "1.", "een"),
    ]
    (ref,) = document.lines[1].footnote_refs
    assert (ref.offset, ref.number) == (len("Inbraken dalen"), 1)


def test_word_saved_as_web_page_footnotes() -> None:
    document = read(
        page(
            "<p class=MsoNormal>Het cameratoezicht<a href='#_ftn1' name='_ftnref1'>"
            "<span class=MsoFootnoteReference>[1]</span></a> wordt uitgebreid.</p>"
            "<div><div id=ftn1><p class=MsoFootnoteText><a href='#_ftnref1' name='_ftn1'>"
            "<span class=MsoFootnoteReference>[1]</span></a> Besluit van 4 juli 2023.</p>"
            "</div></div>"
        )
    )
    assert shape(document.lines) == [
        ("text", None, "Het cameratoezicht wordt uitgebreid."),
        ("footnote", 1, "Besluit van 4 juli 2023."),
    ]
    assert document.lines[0].footnote_refs[0].offset == len("Het cameratoezicht")


def test_a_bold_number_at_the_start_of_an_item_is_text_not_a_marker() -> None:
    document = read(page("<ul><li><b>12</b> woningen</li><li><span>c.</span><span>derde</span></li></ul>"))
    assert shape(document.lines) == [("list_item", "-", "12 woningen"), ("list_item", "c.", "derde")]


def test_placeholders_are_not_content() -> None:
    document = read(page("<p>Afbeelding binnen de regeling</p><p>Kaart van de wijken.</p>"))
    assert shape(document.lines) == [("text", None, "Kaart van de wijken.")]


def test_nested_ten_thousand_levels_deep_does_not_crash() -> None:
    depth = 10_000
    markup = page("<h1>Plan</h1>" + "<div>" * depth + "<p>Diep genest</p>" + "</div>" * depth)
    assert shape(read(markup).lines) == [("heading", 1, "Plan"), ("text", None, "Diep genest")]


# --- encodings ----------------------------------------------------------------------------------

DUTCH = "Coördinatie van financiën: één aanpak voor café’s en terrassen in de binnenstad."


def test_declared_charset_is_honoured() -> None:
    markup = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
        f"</head><body><p>{DUTCH}</p></body></html>"
    )
    assert read(markup.encode("cp1252")).lines[0].text == DUTCH


def test_latin1_declaration_reads_as_windows_1252() -> None:
    markup = f"<html><head><meta charset='iso-8859-1'></head><body><p>{DUTCH}</p></body></html>"
    assert read(markup.encode("cp1252")).lines[0].text == DUTCH  # ’ exists only in windows-1252


def test_undeclared_charset_is_detected() -> None:
    markup = "<html><body>" + f"<p>{DUTCH}</p>" * 20 + "</body></html>"
    assert read(markup.encode("cp1252")).lines[0].text == DUTCH


def test_byte_order_mark_wins() -> None:
    markup = f"<html><head><meta charset='windows-1252'></head><body><p>{DUTCH}</p></body></html>"
    assert read(b"\xef\xbb\xbf" + markup.encode("utf-8")).lines[0].text == DUTCH


def test_html_file_through_the_load_stage(tmp_path: Path) -> None:
    target = tmp_path / "ivp.htm"
    target.write_bytes(CVDR_PAGE.read_bytes())
    document = load(target)
    assert document.source.format == "html"
    assert document.metadata["publication"] == "gmb-2023-71234"
