"""Normalisation steps on small texts in the shapes PDF extraction and markdown produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Document, LoadedDocument, RawLine, Source
from pipeline.load import load
from pipeline.normalise import normalise
from tests.conftest import write_plan


def normalised(tmp_path: Path, text: str, name: str = "plan.txt") -> Document:
    return normalise(load(write_plan(tmp_path, name, text)))


def block_texts(document: Document) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in document.blocks]


PAGED = (
    "Gemeente Utrecht | Veiligheidsplan\n"
    "Inleiding\n"
    "Dit plan beschrijft de veiligheids-\n"
    "aanpak van de gemeente en de samenwerking met het Informatie-\n"
    "en Expertise Centrum.\n"
    "1\n"
    "\f"
    "Gemeente Utrecht | Veiligheidsplan\n"
    "Wij werken in de veiligheidsaanpak samen met de politie in de periode 2023-\n"
    "2026 en verder.\n"
    "2\n"
    "\f"
    "Gemeente Utrecht | Veiligheidsplan\n"
    "Slot\n"
    "Tot zover.\n"
    "3\n"
)


def test_form_feeds_make_pages_and_running_headers_and_page_numbers_go(tmp_path: Path) -> None:
    document = normalised(tmp_path, PAGED)
    assert document.source.pages == 3
    assert "Gemeente Utrecht | Veiligheidsplan" not in document.text
    assert [block.page for block in document.blocks] == [1, 1, 2, 3, 3]
    assert "\n1\n" not in document.text and not document.text.rstrip().endswith("3")


def test_hyphenation_repaired_only_where_the_word_exists_and_real_hyphens_kept(tmp_path: Path) -> None:
    text = normalised(tmp_path, PAGED).text
    # "veiligheidsaanpak" occurs elsewhere, so the line-end hyphen was a soft one.
    assert "beschrijft de veiligheidsaanpak van de gemeente" in text
    # "Informatie- en" is a real hyphen before a conjunction.
    assert "het Informatie- en Expertise Centrum." in text
    # A year range broken after the dash joins without a space.
    assert "in de periode 2023-2026 en verder." in text


def test_glued_footnote_marker_lifted_from_pdf_text(tmp_path: Path) -> None:
    text = (
        "Inleiding\n\n"
        "Wij werken samen met het Veiligheidshuis3 en de politie. Dit\n"
        "is belangrijk.\n\n"
        "1 Eerste noot.\n"
        "\f"
        "Vervolg van de tekst.\n\n"
    )
    text = text.replace("Veiligheidshuis3", "Veiligheidshuis1")
    document = normalised(tmp_path, text)
    assert "Veiligheidshuis en de politie. Dit is belangrijk." in document.text
    (note,) = document.footnotes
    assert document.text[note.start : note.end] == "Eerste noot."
    assert note.anchor_start is not None and note.anchor_end is not None
    assert document.text[note.anchor_start : note.anchor_end] == "Veiligheidshuis"
    assert note.start > document.body_end


def test_numbered_line_without_glued_marker_is_not_a_footnote(tmp_path: Path) -> None:
    text = "Doelen\n\nWe kiezen voor:\n\n1 minder inbraken\n\f2 Vervolg\n"
    document = normalised(tmp_path, text)
    assert document.footnotes == ()
    assert "1 minder inbraken" in document.text


def test_paragraph_broken_by_a_blank_line_mid_sentence_is_rejoined(tmp_path: Path) -> None:
    text = "Aanleiding\nDe gemeente werkt samen met bewoners, ondernemers en\n\npartners in de wijk.\n"
    assert block_texts(normalised(tmp_path, text)) == [
        ("heading", "Aanleiding"),
        ("paragraph", "De gemeente werkt samen met bewoners, ondernemers en partners in de wijk."),
    ]


def test_whitespace_aligned_table_rows_become_cells(tmp_path: Path) -> None:
    text = "Begroting\n\nPost        2023      2024\nToezicht    1.200     1.300\n"
    document = normalised(tmp_path, text)
    rows = [block for block in document.blocks if block.kind == "table_row"]
    assert [[cell.text for cell in row.cells] for row in rows] == [
        ["Post", "2023", "2024"],
        ["Toezicht", "1.200", "1.300"],
    ]
    for row in rows:
        for cell in row.cells:
            assert document.text[cell.start : cell.end] == cell.text


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("Toezicht\t1.200\t1.300", ["Toezicht", "1.200", "1.300"]),
        ("Toezicht\u00a0\u00a01.200 \u2007 1.300", ["Toezicht", "1.200", "1.300"]),
        # One no-break space is no column gap: the line stays one block of text.
        ("Toezicht\u00a01.200 1.300", []),
    ],
)
def test_columns_aligned_with_tabs_or_no_break_spaces(tmp_path: Path, row: str, cells: list[str]) -> None:
    document = normalised(tmp_path, f"Begroting\n\n{row}\n")
    last = document.blocks[-1]
    assert [cell.text for cell in last.cells] == cells
    assert last.kind == ("table_row" if cells else "heading")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Den Haag, 12 maart 2024", "paragraph"),
        ("Den Haag, 12 Maart 2024", "paragraph"),
        # A dateline with only month and year is no heading either.
        ("Den Haag, maart 2024", "paragraph"),
        ("Nijverdal, September 2023", "paragraph"),
        # Without the place and comma it may be a title-page line, left to the heading rules.
        ("Evaluatie 2024", "heading"),
        ("Prioriteit 2", "heading"),
        ("Jeugd en veiligheid", "heading"),
    ],
)
def test_a_signature_date_on_its_own_line_is_no_heading(tmp_path: Path, line: str, kind: str) -> None:
    text = f"Veiligheidsplan\n\nDit plan is vastgesteld door de raad.\n\n{line}\n\nSlot van het plan\n"
    assert block_texts(normalised(tmp_path, text))[2] == (kind, line)


def test_dot_leader_table_of_contents_is_dropped_and_kept_as_skeleton(tmp_path: Path) -> None:
    text = (
        "Inhoudsopgave\n\n"
        "1. Inleiding ........................ 3\n"
        "2. Ondermijning ..................... 5\n"
        "3. Jeugd ............................ 8\n\n"
        "1. Inleiding\n\nHier begint de tekst.\n"
    )
    document = normalised(tmp_path, text)
    assert block_texts(document) == [("heading", "1. Inleiding"), ("paragraph", "Hier begint de tekst.")]
    assert document.metadata["toc"] == "1. Inleiding\n2. Ondermijning\n3. Jeugd"


def test_markdown_markup_footnotes_and_bold_list_labels(tmp_path: Path) -> None:
    text = (
        "### 2. Jeugd\n\n"
        "- **Ambitie**\n\n"
        "Wij investeren in de *pedagogische driehoek*<sup>4</sup>.\n\n"
        "---\n\n"
        "<sup>4</sup> Thuis, straat en school.\n"
    )
    document = normalised(tmp_path, text, "plan.md")
    assert block_texts(document) == [
        ("heading", "2. Jeugd"),
        ("heading", "Ambitie"),
        ("paragraph", "Wij investeren in de pedagogische driehoek."),
    ]
    assert document.blocks[1].marker == "-"
    (note,) = document.footnotes
    assert note.number == 4 and document.text[note.start : note.end] == "Thuis, straat en school."
    assert note.anchor_start is not None and note.anchor_end is not None
    assert document.text[note.anchor_start : note.anchor_end] == "driehoek"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("cp1252", b""), ("utf-16", b"")],
)
def test_text_in_other_encodings_is_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Ambitie\n\nWij willen dat inwoners zich veilig voelen in hun wijk, ook ’s avonds: één aanpak.\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(bom + text.encode(encoding))
    document = normalise(load(path))
    assert "ook ’s avonds: één aanpak." in document.text


@pytest.mark.parametrize(
    "toc",
    [
        "Voorwoord 3 Inleiding 4 1. Ondermijning 5 2. Jeugd 9",
        "Voorwoord3\nInleiding4\n1. Ondermijning5\n2. Jeugd9",
    ],
)
def test_flattened_and_glued_tables_of_contents_are_dropped(tmp_path: Path, toc: str) -> None:
    text = f"Inhoud\n\n{toc}\n\nVoorwoord\n\nHet college biedt u dit plan aan.\n"
    document = normalised(tmp_path, text)
    assert block_texts(document) == [("heading", "Voorwoord"), ("paragraph", "Het college biedt u dit plan aan.")]
    assert document.metadata["toc"] == "Voorwoord\nInleiding\n1. Ondermijning\n2. Jeugd"


def test_a_table_of_contents_in_one_paragraph_with_line_breaks() -> None:
    # Word keeps a typed TOC as one paragraph; leaders mix ellipses and dots.
    loaded = LoadedDocument(
        source=Source(path="plan.docx", sha256="0" * 64, format="docx"),
        lines=(
            RawLine(text="Inhoud", kind="heading", level=1),
            RawLine(text="Voorwoord ………………… 1\nDeel A. Veilige wijken ……….. 3\n4.2 Jeugd …. 12"),
            RawLine(text="Voorwoord", kind="heading", level=1),
            RawLine(text="Het college biedt u dit plan aan."),
        ),
    )
    document = normalise(loaded)
    assert document.metadata["toc"] == "Voorwoord\nDeel A. Veilige wijken\n4.2 Jeugd"
    assert [block.text for block in document.blocks] == ["Voorwoord", "Het college biedt u dit plan aan."]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # A word broken at a syllable: the hyphen goes, even where the word occurs only once.
        ("samen met het Openbaar Minis-", "terie en de politie.", "Openbaar Ministerie en de politie."),
        ("een integrale veiligheids-", "aanpak voor de wijk.", "integrale veiligheidsaanpak voor de wijk."),
        # Real hyphens stay: a prefix, an acronym, a vowel clash, a suspended compound.
        ("met niet-", "gemeentelijke partners werken.", "met niet-gemeentelijke partners werken."),
        ("het nieuwe ICT-", "beleid van de gemeente.", "het nieuwe ICT-beleid van de gemeente."),
        ("een snelle politie-", "inzet bij incidenten.", "een snelle politie-inzet bij incidenten."),
        ("aanpak van jeugdoverlast en -", "criminaliteit in de wijk.", "jeugdoverlast en -criminaliteit in de wijk."),
        ("het Informatie-", "en Expertise Centrum.", "het Informatie- en Expertise Centrum."),
        # A common word before the hyphen and no such word as the whole: kept as printed.
        ("een plan voor de korte-", "termijnplanning van de wijk.", "de korte-termijnplanning van de wijk."),
    ],
)
def test_line_end_hyphens(tmp_path: Path, first: str, second: str, joined: str) -> None:
    filler = "Deze regel is lang genoeg om als volle regel lopende tekst mee te tellen hier."
    text = "Inleiding\n\n" + "\n".join([filler] * 6 + [first, second]) + "\n"
    assert joined in normalised(tmp_path, text).text


def test_the_plans_own_spelling_of_a_compound_wins(tmp_path: Path) -> None:
    filler = "Deze regel is lang genoeg om als volle regel lopende tekst mee te tellen hier."
    lines = [filler] * 6 + ["Wij overleggen in het veiligheids-", "overleg en ook in elk ander", "veiligheids-overleg."]
    text = normalised(tmp_path, "Inleiding\n\n" + "\n".join(lines) + "\n").text
    assert "in het veiligheids-overleg en ook in elk ander veiligheids-overleg." in text


def test_a_block_joined_from_a_printable_line_and_one_with_no_break_spaces_is_still_tidied(tmp_path: Path) -> None:
    # The first line is printable, the second holds a run of no-break spaces: the joined block
    # must not be taken as printable, or its spaces would not be collapsed.
    text = "Wij werken samen met de politie en\nde\u00a0\u00a0\u00a0wijkteams in de stad.\n"
    document = normalised(tmp_path, text)
    assert block_texts(document) == [("paragraph", "Wij werken samen met de politie en de wijkteams in de stad.")]
