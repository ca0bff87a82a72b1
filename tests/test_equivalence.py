"""The amended plan as markdown, Word and PDF gives one and the same plan; only PDF knows pages.

The .docx and .pdf were rendered from the .md, so everything the record says about the
outline, themes, pillars, opgave/ambitie texts, footnotes and budget lines must agree once
white space and typographic quotes (which the renderers introduce) are normalised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models import PlanRecord
from pipeline import extract

STEM = Path(__file__).resolve().parent.parent / "corpus" / "nijmegen-ivp-2022-2026-amended"
FORMATS = ("docx", "pdf")
# pandoc and LibreOffice set straight quotes as curly ones: the same text in other characters.
TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def same_text(text: str | None) -> str | None:
    return None if text is None else " ".join(text.translate(TYPOGRAPHIC).split())


def themes(record: PlanRecord) -> list[tuple[object, ...]]:
    return [
        (
            theme.number,
            theme.title,
            same_text(theme.opgave.text if theme.opgave else None),
            same_text(theme.ambitie.text if theme.ambitie else None),
        )
        for theme in record.themes
    ]


def pillars(record: PlanRecord) -> list[tuple[object, ...]]:
    return [
        (theme.number, pillar.number, same_text(pillar.title), same_text(pillar.text))
        for theme in record.themes
        for pillar in theme.pillars
    ]


def outline(record: PlanRecord) -> list[tuple[object, ...]]:
    return [(entry.level, entry.number, same_text(entry.title)) for entry in record.outline]


def footnotes(record: PlanRecord) -> list[tuple[int, str | None]]:
    return [(note.number, same_text(note.text)) for note in record.footnotes]


def budget_lines(record: PlanRecord) -> list[tuple[object, ...]]:
    return [
        (line.number, same_text(line.label), tuple(sorted(line.amounts.items())))
        for table in record.budget
        for line in table.lines
    ]


@pytest.fixture(scope="module")
def markdown() -> PlanRecord:
    return extract(STEM.with_suffix(".md"))


@pytest.fixture(scope="module", params=FORMATS)
def rendered(request: pytest.FixtureRequest) -> PlanRecord:
    return extract(STEM.with_suffix(f".{request.param}"))


def test_the_markdown_reference_is_the_amended_plan(markdown: PlanRecord) -> None:
    assert len(markdown.themes) == 11
    assert [t.title for t in markdown.themes][:3] == ["Aanpak van discriminatie", "Ondernijning", "Veilige wijken"]
    assert [(line.number, line.amounts[2022]) for line in markdown.budget[0].lines][:2] == [
        ("1", 848_000),
        ("2", 14_736_000),
    ]


def test_same_themes_with_opgave_and_ambitie(markdown: PlanRecord, rendered: PlanRecord) -> None:
    assert themes(rendered) == themes(markdown)


def test_same_outline(markdown: PlanRecord, rendered: PlanRecord) -> None:
    assert outline(rendered) == outline(markdown)
    assert outline(markdown)[:2] == [(1, None, "Samen veilig en weerbaar"), (2, None, "Voorwoord")]


def test_same_pillars(markdown: PlanRecord, rendered: PlanRecord) -> None:
    assert pillars(rendered) == pillars(markdown)
    assert len(pillars(markdown)) == 12


def test_same_footnotes(markdown: PlanRecord, rendered: PlanRecord) -> None:
    assert footnotes(rendered) == footnotes(markdown)
    assert [number for number, _ in footnotes(markdown)] == [1, 2]


def test_same_budget_lines_and_totals(markdown: PlanRecord, rendered: PlanRecord) -> None:
    assert budget_lines(rendered) == budget_lines(markdown)
    assert [table.stated_total for table in rendered.budget] == [table.stated_total for table in markdown.budget]
    assert len(budget_lines(markdown)) == 9


def test_same_table_of_contents(markdown: PlanRecord, rendered: PlanRecord) -> None:
    assert [same_text(entry) for entry in rendered.table_of_contents] == [
        same_text(entry) for entry in markdown.table_of_contents
    ]
    assert markdown.table_of_contents[:3] == ("Voorwoord", "Samen veilig en weerbaar", "Inhoudsopgave")
    assert len(markdown.table_of_contents) == 11


def test_only_pdf_knows_pages(markdown: PlanRecord, rendered: PlanRecord) -> None:
    assert markdown.source.pages is None
    if rendered.source.format != "pdf":
        assert rendered.source.pages is None
        return
    assert rendered.source.pages == 20
    veilige_wijken = rendered.themes[2]
    assert (veilige_wijken.title, veilige_wijken.span.page) == ("Veilige wijken", 9)
    assert [note.span.page for note in rendered.footnotes] == [8, 13]
    assert {line.span.page for line in rendered.budget[0].lines} == {18}
