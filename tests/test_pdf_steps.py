"""The named steps of the PDF loader on hand-made lines: furniture, TOC, footnotes, tables."""

from __future__ import annotations

import pytest

from pipeline.load.pdf_furniture import PAGE_NUMBER, TOC_ENTRY, Footnote, footnotes, join_lines
from pipeline.load.pdf_lines import Marker, PhysicalLine, Segment, font_family
from pipeline.load.pdf_structure import SECTION_NUMBER
from pipeline.load.pdf_tables import find_tables


def line(
    text: str, y: float, x: float = 72.0, *, cells: tuple[tuple[float, str], ...] = (), lead: int | None = None
) -> PhysicalLine:
    """A 10 pt body line at baseline `y`; `cells` gives (x, text) parts of a table row."""
    parts = cells or ((x, text),)
    segments = tuple(Segment(x0, x0 + 6 * len(t), t) for x0, t in parts)
    return PhysicalLine(
        page=1,
        x0=segments[0].x0,
        y0=y,
        x1=segments[-1].x1,
        y1=y + 10,
        text=" ".join(t for _, t in parts),
        size=10.0,
        bold=False,
        italic=False,
        family="Arial",
        segments=segments,
        lead_number=lead,
    )


@pytest.mark.parametrize(
    ("text", "is_page_number"),
    [
        ("7", True),
        ("- 7 -", True),
        ("Pagina 7", True),
        ("7/20", True),
        ("7 van 20", True),
        ("xii", True),
        ("2022-2026", False),
        ("Artikel 7", False),
        ("7 thema's", False),
    ],
)
def test_page_number_forms(text: str, is_page_number: bool) -> None:
    assert bool(PAGE_NUMBER.match(text)) is is_page_number


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Inleiding ........ 3", ("Inleiding", "3")),
        ("2.1 Woninginbraak . . . . . 12", ("2.1 Woninginbraak", "12")),
        ("Kernthema’s …………… 14", ("Kernthema’s", "14")),
        ("De relatie met het plan …. 5", ("De relatie met het plan", "5")),
        ("In 2022 gaven we 3", None),
        ("Zie hoofdstuk 3...", None),
    ],
)
def test_toc_entries_need_a_dot_leader_and_a_page(text: str, entry: tuple[str, str] | None) -> None:
    match = TOC_ENTRY.match(text)
    assert (match.group("title"), match.group("page")) == entry if entry else match is None


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["Politie Eenheid", "Zeeland-West-Brabant"], "Politie Eenheid Zeeland-West-Brabant"),
        (["samenwerking met niet-", "gemeentelijke partners"], "samenwerking met niet-gemeentelijke partners"),
        (["  een  ", "", "twee"], "een twee"),
    ],
)
def test_join_lines_keeps_line_end_hyphens(parts: list[str], joined: str) -> None:
    assert join_lines(parts) == joined


def test_footnotes_split_on_numbers_and_merge_continuations() -> None:
    zone = [
        line("3 Zie de Veiligheidsmonitor 2023, tabel", 120, lead=3),
        line("4.2.", 108),
        line("4 CBS, Geregistreerde criminaliteit.", 96, lead=4),
    ]
    assert footnotes(zone, page=5, previous=None) == [
        Footnote(3, "Zie de Veiligheidsmonitor 2023, tabel 4.2.", 5),
        Footnote(4, "CBS, Geregistreerde criminaliteit.", 5),
    ]


def test_footnote_running_on_to_the_next_page_is_completed_there() -> None:
    previous = Footnote(4, "CBS, Geregistreerde", 5)
    notes = footnotes([line("criminaliteit 2023.", 96), line("5 Idem.", 84)], page=6, previous=previous)
    assert notes == [Footnote(4, "CBS, Geregistreerde criminaliteit 2023.", 5), Footnote(5, "Idem.", 6)]


def test_wrapped_labels_join_the_nearer_row() -> None:
    rows = [
        line("", 500, cells=((72, "Post"), (300, "2024"), (380, "2025"))),
        line("", 484, cells=((72, "A. Toezicht in het"), (300, "120"), (380, "125"))),
        line("uitgaansgebied", 473),
        line("B. Buurt-", 452),
        line("", 441, cells=((72, "bemiddeling"), (300, "45"), (380, "50"))),
        line("Een nieuwe alinea na de tabel.", 400),
    ]
    (table,) = find_tables(rows, pitch=12.0)
    assert (table.start, table.end) == (0, 5)
    assert table.rows == (
        ("Post", "2024", "2025"),
        ("A. Toezicht in het uitgaansgebied", "120", "125"),
        ("B. Buurt-bemiddeling", "45", "50"),
    )


def test_one_spaced_row_is_not_a_table() -> None:
    rows = [line("", 500, cells=((72, "Nijmegen, 18 oktober 2022"), (400, "De burgemeester")))]
    assert find_tables(rows, pitch=12.0) == []


@pytest.mark.parametrize(
    ("fontname", "family"),
    [
        ("ABCDEF+DejaVuSans-Bold", "DejaVuSans"),
        ("Arial,BoldItalic", "Arial"),
        ("TimesNewRomanPS-BoldMT", "TimesNewRomanPS"),
        ("Helvetica", "Helvetica"),
        ("CalibriMT", "Calibri"),
    ],
)
def test_font_family_ignores_subset_prefix_and_style(fontname: str, family: str) -> None:
    assert font_family(fontname) == family


@pytest.mark.parametrize(
    ("text", "numbered"),
    [
        ("2.1 Woninginbraak", True),
        ("2.1. Woninginbraak", True),
        ("Hoofdstuk 3 Middelen", True),
        ("Bijlage A Begroting", True),
        ("Deel II Uitvoering", True),
        ("2.1 voor meer details", False),
        ("1. Aanpak multiproblematiek", False),
        ("3.5 miljoen euro", False),
        ("2022 Nijmegen", False),
    ],
)
def test_section_numbers_that_make_a_body_type_line_a_heading(text: str, numbered: bool) -> None:
    assert bool(SECTION_NUMBER.match(text)) is numbered


def test_table_cells_drop_footnote_markers_but_keep_other_raised_numbers() -> None:
    label = Segment(72, 160, "Veilige wijken", (Marker(14, 1, "1"),))
    area = Segment(300, 340, "1200 m", (Marker(6, 2, "2"),))
    rows = [
        line("", 500, cells=((72, "Post"), (300, "Oppervlak"))),
        PhysicalLine(
            page=1,
            x0=72,
            y0=484,
            x1=340,
            y1=494,
            text="Veilige wijken 1200 m",
            size=10.0,
            bold=False,
            italic=False,
            family="Arial",
            segments=(label, area),
        ),
    ]
    (table,) = find_tables(rows, pitch=12.0, footnotes={1})
    assert table.rows[1] == ("Veilige wijken", "1200 m2")


def test_text_wrapped_in_another_column_joins_its_cell() -> None:
    rows = [
        line("", 500, cells=((72, "Partner"), (250, "Rol"))),
        line("", 484, cells=((72, "Politie"), (250, "Handhaving en opsporing van"))),
        line("criminaliteit in de wijk", 473, x=250),
        line("", 458, cells=((72, "Boa's"), (250, "Toezicht op overlast"))),
    ]
    (table,) = find_tables(rows, pitch=12.0)
    assert table.rows == (
        ("Partner", "Rol"),
        ("Politie", "Handhaving en opsporing van criminaliteit in de wijk"),
        ("Boa's", "Toezicht op overlast"),
    )
