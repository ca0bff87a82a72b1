"""Spans and the records around them: checks that hold however a record is built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from models import OutlineEntry, Span, Theme
from pipeline.compose import extract
from pipeline.export import json_bytes, to_json
from pipeline.extractors.plan import outline_entries
from pipeline.load import load
from pipeline.normalise import normalise
from pipeline.segment import _section_ends, segment
from pipeline.spans import Locator


def _messages(error: ValidationError) -> list[str]:
    return [detail["msg"] for detail in error.errors()]


def test_span_ending_before_its_start_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        Span(page=1, start=7, end=4, quote="")
    assert _messages(caught.value) == ["Value error, span end 4 lies before start 7"]


def test_span_whose_quote_is_not_as_long_as_its_offsets_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        Span(start=2, end=5, quote="ab")
    assert _messages(caught.value) == ["Value error, quote length differs from end - start"]


def test_spans_inside_records_built_from_fields_are_checked_too() -> None:
    entry = {"level": 1, "number": "2", "title": "Aanpak", "span": {"page": 3, "start": 10, "end": 14, "quote": "ab"}}
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(tuple[OutlineEntry, ...]).validate_python([entry])
    assert _messages(caught.value) == ["Value error, quote length differs from end - start"]
    with pytest.raises(ValidationError) as caught:
        Theme.model_validate({"title": "Zorg", "span": {"start": 9, "end": 8, "quote": ""}})
    assert _messages(caught.value) == ["Value error, span end 8 lies before start 9"]


def test_locator_trims_white_space_and_finds_the_page() -> None:
    text = "Inleiding\n\n  Thema 1 Zorg \n\nTekst op pagina twee."
    locator = Locator(text, ((0, 1), (28, 2)))
    assert locator.span(9, 27) == Span(page=1, start=13, end=25, quote="Thema 1 Zorg")
    assert locator.span(27, 49) == Span(page=2, start=28, end=49, quote="Tekst op pagina twee.")
    assert locator.fields(9, 27) == {"page": 1, "start": 13, "end": 25, "quote": "Thema 1 Zorg"}
    # Only white space: an empty span where the white space ends.
    assert locator.span(9, 11) == Span(page=1, start=11, end=11, quote="")
    assert Locator(text).span(0, 9).page is None


def test_outline_entries_quote_their_heading_blocks(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "Veiligheidsplan Ede\n\n1. Inleiding\n\nDit plan beschrijft hoe de gemeente de komende jaren werkt.\n\n"
        "2. Thema's\n\n2.1 Jeugd\n\nWe werken samen met scholen, politie en jongerenwerk in elke wijk.\n",
        encoding="utf-8",
    )
    document = normalise(load(plan))
    entries = outline_entries(document, segment(document))
    assert [(entry.level, entry.number, entry.title, entry.span.quote) for entry in entries] == [
        # The unnumbered title opens the outline; the numbered chapters open a level below it.
        (1, None, "Veiligheidsplan Ede", "Veiligheidsplan Ede"),
        (2, "1", "Inleiding", "1. Inleiding"),
        (2, "2", "Thema's", "2. Thema's"),
        (3, "2.1", "Jeugd", "2.1 Jeugd"),
    ]
    assert entries[1].span.start == len("Veiligheidsplan Ede\n\n")
    for entry in entries:
        assert document.text[entry.span.start : entry.span.end] == entry.span.quote


def _naive_section_ends(headings: list[tuple[int, int]], block_count: int) -> tuple[int, ...]:
    """Each heading's section runs to the next heading of equal or higher rank (smaller or equal number)."""
    return tuple(
        next((block for block, rank in headings[position + 1 :] if rank <= headings[position][1]), block_count)
        for position in range(len(headings))
    )


@given(st.lists(st.integers(min_value=1, max_value=5), max_size=30))
def test_section_ends_as_the_next_heading_not_below(ranks: list[int]) -> None:
    headings = [(2 * position + 1, rank) for position, rank in enumerate(ranks)]
    block_count = 2 * len(ranks) + 1
    assert _section_ends(headings, block_count) == _naive_section_ends(headings, block_count)


def test_section_ends_of_a_small_outline() -> None:
    # Blocks 0, 3, 5, 8 are headings of ranks 1, 2, 2, 1; the document has 10 blocks.
    assert _section_ends([(0, 1), (3, 2), (5, 2), (8, 1)], 10) == (8, 5, 8, 10)


def test_json_is_what_the_standard_library_writes(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("Veiligheidsplan Ede\n\n1. Jeugd\n\nOpgave: overlast in de wijk ‘Noord’.\n", encoding="utf-8")
    record = extract(plan)
    written = to_json(record)
    expected = json.dumps(record.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert written == expected
    assert written.endswith("}\n") and not written.endswith("\n\n")


def test_the_bytes_written_are_the_json_text_in_utf8(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("Veiligheidsplan Ede\n\n1. Jeugd\n\nOpgave: overlast rond café ‘De Wijk’.\n", encoding="utf-8")
    record = extract(plan)
    written = json_bytes(record)
    assert written == to_json(record).encode("utf-8")
    assert "café ‘De Wijk’".encode() in written
