"""CVDR publications in the shapes lokaleregelgeving.overheid.nl pages take, built from small parts.

A page is assembled from factories (a metadata block as definition list, label table or label
headings; the Wettelijke grondslag section; the versions table; page furniture; the plan) in
different orders, so each rule is shown to hold wherever the page puts things.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest

from models import LegalBasis, LoadedDocument, PlanRecord, Publication, RawLine, Source
from pipeline import extract
from pipeline.load.cvdr import strip_placeholders
from pipeline.load.html import load_html

TITLE = "Integraal Veiligheidsplan Oostmeer 2025-2028"
CITATION = "IVP Oostmeer 2025-2028"
BLOCK = [
    ("Organisatie", "Gemeente Oostmeer"),
    ("Organisatietype", "Gemeente"),
    ("Officiële naam regeling", TITLE),
    ("Citeertitel", CITATION),
    ("Vastgesteld door", "gemeenteraad"),
    ("Onderwerp", "openbare orde en veiligheid"),
    ("Eigen onderwerp", ""),  # stated empty: must stay empty, never take the next label
    ("Indeling regeling", "beleidsregel"),
    ("Opmerkingen met betrekking tot de regeling", "Geen"),
]
BASES = ["Wet veiligheidsregio's, artikel 14", "Algemene subsidieverordening Oostmeer 2020"]
VERSIONS = [("01-12-2024", "nieuwe regeling", "21-11-2024", "gmb-2024-98765", "RV-2024-77")]
PLAN = (
    "<h2>1 Aanleiding</h2><p>Het college zet cameratoezicht in op grond van artikel 151c Gemeentewet.</p>"
    "<h2>2 Prioriteiten</h2><p>Woninginbraak en jeugdoverlast.</p>"
)
PLAN_LINES = [
    ("heading", 2, "1 Aanleiding"),
    ("text", None, "Het college zet cameratoezicht in op grond van artikel 151c Gemeentewet."),
    ("heading", 2, "2 Prioriteiten"),
    ("text", None, "Woninginbraak en jeugdoverlast."),
]
BLOCK_METADATA = {
    "adopted_by": "gemeenteraad",
    "change": "nieuwe regeling",
    "citation_title": CITATION,
    "classification": "beleidsregel",
    "in_force_date": "2024-12-01",
    "legal_basis": "; ".join(BASES),
    "municipality": "Oostmeer",
    "official_title": TITLE,
    "organisation": "Gemeente Oostmeer",
    "organisation_type": "Gemeente",
    "proposal_reference": "RV-2024-77",
    "publication": "gmb-2024-98765",
    "publication_id": "gmb-2024-98765",
    "publication_url": "https://zoek.officielebekendmakingen.nl/gmb-2024-98765.html",
    "signed_date": "2024-11-21",
    "subject": "openbare orde en veiligheid",
    "valid_from": "2024-12-01",
}


# --- factories ----------------------------------------------------------------------------------


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def as_dl(pairs: list[tuple[str, str]]) -> str:
    return "<dl class='dl'>" + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in pairs) + "</dl>"


def as_table(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><th scope='row'>{label}</th><td>{value}</td></tr>" for label, value in pairs)
    return f"<h2>Algemene informatie</h2><table>{rows}</table>"


def as_headings(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<h4>{label}</h4>" + (f"<p>{value}</p>" if value else "") for label, value in pairs)


def grondslag(bases: list[str]) -> str:
    items = "".join(f"<li><a href='https://wetten.overheid.nl/'>{basis}</a></li>" for basis in bases)
    return f"<h2>Wettelijke grondslag(en) van de regeling</h2><ul>{items}</ul>"


def versions(rows: list[tuple[str, ...]]) -> str:
    names = ("Datum inwerkingtreding", "Betreft", "Datum ondertekening", "Bron bekendmaking", "Kenmerk voorstel")
    header = "".join(f"<th>{name}</th>" for name in names)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<h2>Overzicht van in deze versie verwerkte wijzigingen</h2><table><tr>{header}</tr>{body}</table>"


def metadata_block(shape: str) -> str:
    block = {"dl": as_dl, "table": as_table, "headings": as_headings}[shape](BLOCK)
    return block + grondslag(BASES) + versions(VERSIONS)


def layout(name: str, block: str) -> str:
    """The parts of a CVDR page in one of the orders pages use."""
    title = f"<h1>{TITLE}</h1>"
    validity = "<p>Geldend van 01-12-2024 t/m heden</p>"
    intitule = f"<h3>Intitulé</h3><p>{TITLE}</p>"
    text = "<h2>Tekst van de regeling</h2>"
    return {
        "block before the text": title + validity + block + text + intitule + PLAN,
        "intitulé and title before the block": title + intitule + block + validity + PLAN,
        "block after the text": title + validity + text + intitule + PLAN + block,
    }[name]


def read(markup: str) -> LoadedDocument:
    return load_html(page(markup).encode("utf-8"), Source(path="plans/cvdr.html", sha256="0" * 64, format="html"))


def shape(lines: tuple[RawLine, ...]) -> list[tuple[str, int | str | None, str]]:
    return [(line.kind, line.level or line.marker or line.number, line.text) for line in lines]


@cache
def extracted(markup: str) -> PlanRecord:
    # One record per distinct page for the whole module: extraction runs the spaCy components.
    with tempfile.TemporaryDirectory() as directory:
        target = Path(directory) / "cvdr.html"
        target.write_text(page(markup), encoding="utf-8")
        return extract(target)


# --- the metadata block, wherever it is ------------------------------------------------------------

LAYOUTS = ["block before the text", "intitulé and title before the block", "block after the text"]
SHAPES = ["dl", "table", "headings"]


@pytest.mark.parametrize("shape_name", SHAPES)
@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_block_is_metadata_in_every_shape_and_position(layout_name: str, shape_name: str) -> None:
    document = read(layout(layout_name, metadata_block(shape_name)))
    assert shape(document.lines) == [("heading", 1, TITLE), *PLAN_LINES]
    assert document.metadata == BLOCK_METADATA


@pytest.mark.parametrize(
    "block",
    [
        "<dl><dt>Eigen onderwerp</dt><dd></dd><dt>Onderwerp</dt><dd>veiligheid</dd></dl>",
        "<dl><dt>Eigen onderwerp</dt><dd> </dd><dt>Onderwerp</dt><dd>veiligheid</dd></dl>",
        "<table><tr><td>Eigen onderwerp</td><td></td></tr><tr><td>Onderwerp</td><td>veiligheid</td></tr></table>",
        "<p>Eigen onderwerp</p><p>Onderwerp</p><p>veiligheid</p>",
        "<h3>Eigen onderwerp</h3><h3>Onderwerp</h3><p>veiligheid</p>",
    ],
    ids=["dl", "dl-blank", "table", "paragraphs", "headings"],
)
def test_an_empty_value_stays_empty_and_the_next_label_stays_a_label(block: str) -> None:
    document = read(f"<h1>Plan</h1>{block}<h2>1 Inleiding</h2><p>Tekst.</p>")
    assert document.metadata == {"subject": "veiligheid"}
    assert shape(document.lines) == [("heading", 1, "Plan"), ("heading", 2, "1 Inleiding"), ("text", None, "Tekst.")]


def test_legal_basis_of_the_block_is_never_a_reference_in_the_text() -> None:
    record = extracted(layout("block after the text", metadata_block("dl")))
    assert [(reference.law, reference.article) for reference in record.legal_references] == [("Gemeentewet", "151c")]
    assert "Wet veiligheidsregio" not in record.text
    assert record.plan.legal_basis == (
        LegalBasis(
            text="Wet veiligheidsregio's, artikel 14",
            law="Wet veiligheidsregio’s",
            bwb_id="BWBR0027466",
            article="14",
            url="https://wetten.overheid.nl/jci1.3:c:BWBR0027466&artikel=14",
        ),
        LegalBasis(text="Algemene subsidieverordening Oostmeer 2020"),  # not in the law table
    )


def test_publication_data_reaches_the_record() -> None:
    record = extracted(layout("block before the text", metadata_block("table")))
    assert record.plan.publication == Publication(
        official_title=TITLE,
        citation_title=CITATION,
        organisation="Gemeente Oostmeer",
        adopted_by="gemeenteraad",
        subject="openbare orde en veiligheid",
        in_force_date="2024-12-01",
        signed_date="2024-11-21",
        announcement="gmb-2024-98765",
        announcement_url="https://zoek.officielebekendmakingen.nl/gmb-2024-98765.html",
    )
    assert (record.plan.municipality, record.plan.title) == ("Oostmeer", CITATION)
    # No adoption sentence on this page: the signing date stands in.
    assert (record.plan.adopted.date, record.plan.adopted.by) == ("2024-11-21", "gemeenteraad")


def test_a_decision_links_each_law_it_cites_and_dates_the_adoption() -> None:
    record = extracted(
        f"<h1>{TITLE}</h1>"
        "<p>De raad van de gemeente Oostmeer;</p>"
        "<p>gelet op artikel 38b van de Politiewet 2012 en artikel 160 van de Gemeentewet;</p>"
        "<p>besluit:</p><p>vast te stellen het plan.</p>"
        + PLAN
        + versions(VERSIONS)
        + "<p>Aldus vastgesteld in de openbare vergadering van de raad van 14 november 2024.</p>"
        "<p>De griffier,</p><p>R. Meijer</p>"
    )
    assert [(basis.text, basis.bwb_id, basis.article) for basis in record.plan.legal_basis] == [
        ("artikel 38b van de Politiewet 2012", "BWBR0031788", "38b"),
        ("artikel 160 van de Gemeentewet", "BWBR0005416", "160"),
    ]
    assert record.plan.adopted.date == "2024-11-14"  # the meeting, not the signing on 21-11-2024
    assert record.plan.publication is not None and record.plan.publication.signed_date == "2024-11-21"


def test_a_decision_without_publication_data_is_no_publication() -> None:
    record = extracted(
        "<h1>IVP Lindewaarde</h1><p>Burgemeester en wethouders van de gemeente Lindewaarde;</p>"
        "<p>besluiten:</p><p>vast te stellen het plan.</p>"
        + PLAN
        + "<p>Lindewaarde, 3 februari 2025</p><p>De secretaris,</p><p>T. Kok</p>"
    )
    assert record.plan.publication is None
    assert record.plan.adopted.model_dump(exclude={"span"}) == {
        "date": "2025-02-03",
        "place": "Lindewaarde",
        "by": "college van burgemeester en wethouders",
    }


@pytest.mark.parametrize(
    ("printed", "identifier"),
    [
        ("gmb-2024-98765", "gmb-2024-98765"),
        ("Gemeenteblad 2019, 51234", "gmb-2019-51234"),
        ("Provinciaal blad 2021, nr. 8123", "prb-2021-8123"),
    ],
)
def test_bron_bekendmaking_gets_its_identifier_and_url(printed: str, identifier: str) -> None:
    document = read(f"<p>Citeertitel: Plan</p><p>Bron bekendmaking: {printed}</p><h1>Plan</h1>")
    assert document.metadata["publication"] == printed
    assert document.metadata["publication_id"] == identifier
    assert document.metadata["publication_url"] == f"https://zoek.officielebekendmakingen.nl/{identifier}.html"


# --- adoption -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Aldus vastgesteld in de openbare vergadering van de raad van 14 november 2024.",
        "Vastgesteld in de openbare vergadering van de gemeenteraad van Oostmeer, gehouden op 14 november 2024.",
        "Aldus besloten in de openbare raadsvergadering van 14-11-2024.",
        "Aldus vastgesteld in de vergadering van de raad van de gemeente Oostmeer d.d. 14 november 2024.",
        "Aldus besloten door de raad van de gemeente Oostmeer in zijn openbare zitting op 14 november 2024.",
    ],
)
def test_adoption_date_in_every_wording(closing: str) -> None:
    document = read(
        "<p>De raad van de gemeente Oostmeer;</p><p>gelezen het voorstel van 1 oktober 2024;</p>"
        f"<p>besluit:</p><p>vast te stellen het plan.</p>{PLAN}<p>{closing}</p>"
        "<p>De griffier,</p><p>R. Meijer</p><p>De voorzitter,</p><p>S. Bos</p>"
    )
    assert document.metadata["adopted_date"] == "2024-11-14"
    assert shape(document.lines) == PLAN_LINES


def test_signature_right_after_the_decision_is_not_plan_text() -> None:
    document = read(
        "<h1>Evaluatie veiligheidsbeleid Lindewaarde</h1><p>Geldend van 13-03-2024 t/m heden</p>"
        "<p>Intitulé</p><p>Evaluatie veiligheidsbeleid Lindewaarde</p>"
        "<p>De raad van de gemeente Lindewaarde;</p><p>gelezen het voorstel van burgemeester en wethouders;</p>"
        "<p>besluit:</p><p>1. kennis te nemen van de evaluatie;</p><p>2. in te stemmen met het beleidskader 2024.</p>"
        "<p>Aldus vastgesteld in de openbare vergadering van de raad van de gemeente Lindewaarde d.d. "
        "12 maart 2024.</p><p>De raad van Lindewaarde,</p><p>de griffier, de voorzitter,</p>"
        "<p>mr. P. Smit drs. L. de Wit</p>"
        "<p>Beleidskader veiligheid 2024</p><h2>1. Inleiding</h2><p>Tekst.</p>"
    )
    assert shape(document.lines) == [
        ("heading", 1, "Evaluatie veiligheidsbeleid Lindewaarde"),
        ("text", None, "Beleidskader veiligheid 2024"),
        ("heading", 2, "1. Inleiding"),
        ("text", None, "Tekst."),
    ]
    assert document.metadata["adopted_date"] == "2024-03-12"
    assert document.metadata["municipality"] == "Lindewaarde"
    assert document.metadata["signature"].splitlines()[-1] == "mr. P. Smit drs. L. de Wit"


# --- municipality without a decision --------------------------------------------------------------


@pytest.mark.parametrize(
    ("organisation", "kind", "municipality"),
    [
        ("Gemeente Oostmeer", "Gemeente", "Oostmeer"),
        ("gemeente Den Helder", "", "Den Helder"),
        ("GEMEENTE Súdwest-Fryslân", "", "Súdwest-Fryslân"),
        ("Lindewaarde", "Gemeente", "Lindewaarde"),
        ("Veiligheidsregio Noordkust", "Gemeenschappelijke regeling", None),
        ("Waterschap Oostmeer", "", None),
    ],
)
def test_municipality_from_the_organisation(organisation: str, kind: str, municipality: str | None) -> None:
    pairs = [("Organisatie", organisation), ("Organisatietype", kind), ("Citeertitel", "Plan")]
    document = read(as_dl(pairs) + "<h1>Plan</h1><p>Tekst.</p>")
    assert document.metadata.get("municipality") == municipality


# --- page furniture and placeholders --------------------------------------------------------------


def test_page_furniture_is_not_plan_text() -> None:
    document = read(
        "<p>Permanente link</p><p>Naar de actuele versie van de regeling</p>"
        "<p>http://lokaleregelgeving.overheid.nl/CVDR7654321</p><p>Naar de door u bekeken versie</p>"
        "<p>http://lokaleregelgeving.overheid.nl/CVDR7654321/2</p>"
        f"<h1>{TITLE}</h1><p>Dit is een toekomstige tekst! Geldend vanaf 01-01-2025</p>"
        "<p>Dit is een toekomstige tekst!</p>"
        "<h2>Tekst van de regeling</h2>" + PLAN + "<p>Opmerkingen met betrekking tot de regeling</p><p>Geen</p>"
    )
    assert shape(document.lines) == [("heading", 1, TITLE), *PLAN_LINES]
    assert document.metadata == {"cvdr_id": "CVDR7654321/2", "valid_from": "2025-01-01"}


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("Wettelijke grondslag: artikel 38b Politiewet 2012", "legal_basis", "artikel 38b Politiewet 2012"),
        ("Citeertitel: IVP Oostmeer", "citation_title", "IVP Oostmeer"),
        ("Bron bekendmaking: gmb-2024-1", "publication", "gmb-2024-1"),
    ],
)
def test_one_line_with_a_label_only_cvdr_uses_is_metadata_on_any_page(line: str, key: str, value: str) -> None:
    document = read(f"<h1>Plan</h1><p>{line}</p><h2>1 Inleiding</h2><p>Tekst.</p>")
    assert document.metadata[key] == value
    assert [item.text for item in document.lines] == ["Plan", "1 Inleiding", "Tekst."]


def test_one_line_with_a_common_label_stays_on_an_ordinary_page() -> None:
    document = read("<h1>Plan</h1><p>Onderwerp: woninginbraak</p>")
    assert document.metadata == {}
    assert [line.text for line in document.lines] == ["Plan", "Onderwerp: woninginbraak"]


def test_plan_headings_that_look_like_labels_stay_on_an_ordinary_page() -> None:
    document = read("<h1>Plan</h1><h2>Onderwerp</h2><p>Dit plan gaat over woninginbraak.</p>")
    assert document.metadata == {}
    assert [line.text for line in document.lines] == ["Plan", "Onderwerp", "Dit plan gaat over woninginbraak."]


def test_a_plan_heading_algemeen_stays_on_a_cvdr_page() -> None:
    document = read(as_dl(BLOCK[:4]) + f"<h1>{TITLE}</h1><h2>Algemeen</h2><p>Dit plan geldt vier jaar.</p>")
    assert [line.text for line in document.lines] == [TITLE, "Algemeen", "Dit plan geldt vier jaar."]


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Zie de kaart (afbeelding binnen de regeling) hieronder.</p>", "Zie de kaart hieronder."),
        ("<p>Zie de kaart [Afbeelding binnen de regeling].</p>", "Zie de kaart."),
        ("<p>Afbeelding binnen de regeling Kaart van de wijken.</p>", "Kaart van de wijken."),
        ("<p>De wijken: <a href='k.png'>afbeelding binnen de regeling</a></p>", "De wijken:"),
        ("<p>Kaart <a href='k.png'>Klik hier om de afbeelding te bekijken</a> van 2023.</p>", "Kaart van 2023."),
        ("<p>afbeelding binnen de regeling</p><p>Kaart.</p>", "Kaart."),
    ],
)
def test_placeholders_are_removed_inside_sentences(markup: str, text: str) -> None:
    assert [line.text for line in read(markup).lines] == [text]


def test_placeholder_in_a_table_cell_and_before_a_footnote_marker() -> None:
    document = read(
        "<table><tr><td>Wijk Noord</td><td>afbeelding binnen de regeling</td><td>12</td></tr></table>"
        "<p>Zie kaart (afbeelding binnen de regeling) van de politie<a href='#fn1'>1</a>.</p>"
        "<ol class='footnotes'><li id='fn1'>Politie, 2024.</li></ol>"
    )
    row, sentence = document.lines[0], document.lines[1]
    assert (row.cells, row.text) == (("Wijk Noord", "", "12"), "Wijk Noord\t\t12")
    assert sentence.text == "Zie kaart van de politie."
    assert [(ref.offset, ref.number) for ref in sentence.footnote_refs] == [(len("Zie kaart van de politie"), 1)]


def test_a_placeholder_after_a_line_break_leaves_no_white_space() -> None:
    line = RawLine(text="1.\nAfbeelding binnen de regeling")
    cleaned = strip_placeholders(line)
    assert cleaned is not None and cleaned.text == "1."
