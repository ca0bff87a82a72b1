"""Plain-text pages: form feeds or pdftotext's page-start spaces, and lone page numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import Source
from pipeline.load.text import PAGE_NUMBER, PAGE_START_SPACE, load_text, may_be_page_number, starts_page_with_space


def _load(text: str) -> list[tuple[str, str, int | None]]:
    source = Source(path="plan.txt", sha256="0" * 64, format="txt")
    return [(line.kind, line.text, line.page) for line in load_text(text.encode("utf-8"), source).lines]


@pytest.mark.parametrize(
    ("line", "starts"),
    [
        (" Inleiding", True),
        (" ", True),
        ("  Inleiding", False),
        (" \tInleiding", False),
        ("Inleiding", False),
        ("", False),
    ],
)
def test_page_start_space(line: str, starts: bool) -> None:
    assert starts_page_with_space(line) is starts


@given(st.text(alphabet=" \t\u00a0\u2028\x1caZ1", max_size=6))
def test_page_start_space_as_the_pattern_answers(line: str) -> None:
    assert starts_page_with_space(line) is (PAGE_START_SPACE.match(line) is not None)


def test_pages_from_page_start_spaces() -> None:
    text = " Inleiding\ntekst een\n\n2\n Aanpak\n\n tekst twee\n– 3 –\n Slot"
    assert _load(text) == [
        ("text", " Inleiding", 1),
        ("text", "tekst een", 1),
        ("blank", "", 1),
        ("page_break", "2", 1),
        ("text", " Aanpak", 2),
        ("blank", "", 2),
        ("page_break", "", 2),
        ("text", " tekst twee", 3),
        ("page_break", "– 3 –", 3),
        ("text", " Slot", 4),
    ]


def test_pages_from_form_feeds() -> None:
    assert _load("Inleiding\n1\fAanpak\n\fSlot\n") == [
        ("text", "Inleiding", 1),
        ("page_break", "1", 1),
        ("text", "Aanpak", 2),
        ("blank", "", 2),
        ("page_break", "", 2),
        ("text", "Slot", 3),
        ("blank", "", 3),
    ]


def test_unpaged_text_has_no_page_numbers() -> None:
    assert _load("Inleiding\n\n 2\nSlot") == [
        ("text", "Inleiding", None),
        ("blank", "", None),
        ("text", " 2", None),
        ("text", "Slot", None),
    ]


@given(st.text(alphabet=" \t\u00a0\x1c-–1٣²a", max_size=6))
def test_a_line_the_page_number_screen_passes_over_is_no_page_number(line: str) -> None:
    # The screen may let through lines the pattern rejects, never the reverse.
    if PAGE_NUMBER.match(line):
        assert may_be_page_number(line.strip())


@pytest.mark.parametrize(
    ("line", "may"), [("  12", True), ("– 3 –", True), ("-", True), ("Inleiding 3", False), ("", False)]
)
def test_the_page_number_screen_on_lines_of_plans(line: str, may: bool) -> None:
    assert may_be_page_number(line.strip()) is may
