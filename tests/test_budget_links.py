"""Budget lines linked to themes through the explanation after the table."""

from __future__ import annotations

import pytest

from models import BudgetTable, Theme
from pipeline.extractors.budget import extract_budget
from pipeline.extractors.budget_links import resolve
from tests.budget_documents import document, themes

TABLE = """
## Wat kost het? (x € 1.000)
Product\t2023\t2024
Ondermijning\t10\t10
Intelligence\t5\t5
Veilige wijken\t7\t7
"""

PLAN_THEMES = themes("Ondermijning", "Veilige wijken", "Digitale criminaliteit", "Zorg & Veiligheid")


def linked(explanation: str, plan_themes: tuple[Theme, ...] = PLAN_THEMES) -> BudgetTable:
    (table,) = extract_budget(document(TABLE + explanation), plan_themes)[0]
    return table


def test_each_line_gets_the_themes_under_its_heading() -> None:
    table = linked(
        """
## Toelichting
In totaal drie producten.
### Ondermijning
Bestuurlijke aanpak.
(Thema 1 – Ondermijning & Thema 3 – Digitale criminaliteit)
### Intelligence
Informatiegestuurd werken.
(Alle thema's)
### Veilige wijken
Wijkaanpak.
(Thema 2 – Veilige wijken)
"""
    )
    assert [line.themes for line in table.lines] == [("1", "3"), ("1", "2", "3", "4"), ("2",)]
    assert [ref.text for ref in table.lines[0].references] == [
        "Thema 1 – Ondermijning",
        "Thema 3 – Digitale criminaliteit",
    ]
    assert table.lines[1].references[0].all_themes
    assert table.stated_count is not None and table.stated_count.count == 3


def test_heading_run_into_the_previous_reference_and_its_paragraph() -> None:
    # PDF text: a normaliser may glue the next product's heading to the text around it.
    table = linked(
        """
Toelichting
Ondermijning
(Thema 1 – Ondermijning) Intelligence Onder dit deelproduct valt de informatiepositie.
(Alle thema’s)
Veilige wijken Onder dit deelproduct valt de wijkaanpak.
(Thema 2: Veilige wijken)
"""
    )
    assert [line.themes for line in table.lines] == [("1",), ("1", "2", "3", "4"), ("2",)]


def test_misspelt_labels_and_titles_match_fuzzily() -> None:
    table = linked(
        """
## Toelichting
## Ondernijning
(Thema 1 – Ondernijning)
## Inteligence
(Thema 4 – Zorg en Veiligheid)
"""
    )
    assert [line.themes for line in table.lines] == [("1",), ("4",), ()]


def test_explanation_ends_at_an_unrelated_heading() -> None:
    table = linked(
        """
## Toelichting
### Ondermijning
(Thema 1 – Ondermijning)
## Bijlage: begrippen
Veilige wijken
(Thema 3 – Digitale criminaliteit)
"""
    )
    assert [line.themes for line in table.lines] == [("1",), (), ()]


def test_no_explanation_when_the_next_chapter_follows() -> None:
    table = linked(
        """
## 6. Uitvoering
### Ondermijning
(Thema 1 – Ondermijning)
"""
    )
    assert all(line.themes == () for line in table.lines)


def test_other_theme_words_and_separators() -> None:
    table = linked(
        """
## Toelichting
### Veilige wijken
(Prioriteit 2: Veilige wijken, prioriteit 4: Zorg & Veiligheid)
"""
    )
    assert table.lines[2].themes == ("2", "4")


@pytest.mark.parametrize(
    ("reference", "themes_linked", "quotes"),
    [
        ("(Thema's 1 en 3)", ("1", "3"), ["1", "3"]),
        ("(thema’s 2 t/m 4)", ("2", "3", "4"), ["2 t/m 4"]),  # a range is one reference
        ("(thema's 1, 2 en 4)", ("1", "2", "4"), ["1", "2", "4"]),
        ("(Thema Ondermijning)", ("1",), ["Thema Ondermijning"]),
        ("(Thema IV – Zorg en Veiligheid)", ("4",), ["Thema IV – Zorg en Veiligheid"]),
    ],
)
def test_reference_forms(reference: str, themes_linked: tuple[str, ...], quotes: list[str]) -> None:
    table = linked(f"\n## Toelichting\n### Ondermijning\n{reference}\n")
    assert table.lines[0].themes == themes_linked
    assert [ref.span.quote for ref in table.lines[0].references] == quotes


@pytest.mark.parametrize(
    ("number", "title", "theme", "how"),
    [
        ("4", "Zorg & Veiligheid", "4", "title"),
        ("1", "Zorg en veiligheid", "4", "title"),  # title wins over number
        ("2", "Ondernijning", "1", "title"),  # misspelt
        ("2", None, "2", "number"),
        ("3", "Cybercrime", "3", "number"),  # unknown title: number second
        ("12", "Onbekend thema", None, None),
        ("II", "Veilige wijken", "2", "title"),
    ],
)
def test_resolve_title_first_number_second(number: str, title: str | None, theme: str | None, how: str | None) -> None:
    found, by = resolve(number, title, PLAN_THEMES)
    assert (found.number if found else None, by) == (theme, how)


def test_a_range_is_one_reference_with_the_themes_it_covers() -> None:
    table = linked("\n## Toelichting\n### Veilige wijken\n(thema's 2 t/m 6)\n")
    (reference,) = table.lines[2].references
    assert (reference.text, reference.number, reference.last, reference.themes, reference.theme) == (
        "2 t/m 6",
        "2",
        "6",
        ("2", "3", "4"),
        None,
    )
    assert table.lines[2].themes == ("2", "3", "4")


def test_a_range_in_running_text_after_the_lines_own_reference_is_not_the_lines() -> None:
    # The closing remark speaks of the programme as a whole, not of 'Veilige wijken'.
    table = linked(
        """
## Toelichting
### Ondermijning
(Thema 1 – Ondermijning)
### Veilige wijken
(Thema 2 – Veilige wijken)
Het programma kent drie deelproducten. Zij dragen bij aan de prioritaire thema's (thema's 1 t/m 5).
"""
    )
    assert [line.themes for line in table.lines] == [("1",), (), ("2",)]
    assert [ref.text for ref in table.lines[2].references] == ["Thema 2 – Veilige wijken"]


def test_a_reference_inside_the_lines_own_sentence_still_links() -> None:
    table = linked("\n## Toelichting\n### Intelligence\nInformatie voor alle partners (thema 3).\n")
    assert table.lines[1].themes == ("3",)
