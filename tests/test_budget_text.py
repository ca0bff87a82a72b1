"""Budget tables in plain text (the PDF-extracted form) through the real text loader and normaliser.

Regression: a row label that wrapped onto a second line ('2. Veilige evenementen en' /
'horeca   262   276') was joined with its amounts into a paragraph, so the line was lost
and the total looked wrong.
"""

from __future__ import annotations

from pathlib import Path

from models import PlanRecord
from pipeline import extract
from pipeline.load import load
from pipeline.normalise import normalise
from tests.conftest import write_plan

THEMES = """Integraal Veiligheidsplan {town} 2023-2026

Prioriteiten

1. Ondermijning

Opgave

Criminele netwerken ondermijnen de samenleving in {town}.

Ambitie

Een weerbare samenleving.

2. Veilige wijken

Opgave

Bewoners ervaren overlast in sommige wijken.

Ambitie

Minder overlast.

"""


def plan(tmp_path: Path, town: str, table: str) -> PlanRecord:
    return extract(write_plan(tmp_path, f"{town.lower()}.txt", THEMES.format(town=town) + table))


def budget_findings(record: PlanRecord) -> list[str]:
    return [f.code for f in record.findings if f.code.startswith("budget.")]


def test_wrapped_label_with_the_caption_glued_to_the_years(tmp_path: Path) -> None:
    record = plan(
        tmp_path,
        "Lindeveen",
        """Wat het kost - overzicht

(bedragen x 1000 €) 2023   2024     2025

1. Ondermijning                 100              200            300

2. Veilige evenementen en
horeca                 262        276       276

3. Veilige wijken    241        582         584

TOTAAL                  603      1.058   1.160
""",
    )
    (table,) = record.budget
    assert [(line.number, line.label) for line in table.lines] == [
        ("1", "Ondermijning"),
        ("2", "Veilige evenementen en horeca"),
        ("3", "Veilige wijken"),
    ]
    assert table.lines[1].amounts == {2023: 262_000, 2024: 276_000, 2025: 276_000}
    assert table.lines[1].span.quote == "2. Veilige evenementen en\n\nhoreca\t262\t276\t276"
    assert table.stated_total == table.computed_total == {2023: 603_000, 2024: 1_058_000, 2025: 1_160_000}
    assert budget_findings(record) == []


def test_wrapped_label_with_a_blank_line_and_an_indented_continuation(tmp_path: Path) -> None:
    # Header on a line of its own, no blank lines between rows, a blank line inside the label.
    record = plan(
        tmp_path,
        "Oosterwolde",
        """Financiën

Middelen integrale veiligheid (bedragen x € 1.000)

                             2024        2025
A. Toezicht en handhaving      1.250       1.300
B. Veilige wijken en

     openbare ruimte           10          20
Totaal                         1.260       1.320
""",
    )
    (table,) = record.budget
    assert table.caption == "Middelen integrale veiligheid (bedragen x € 1.000)"
    assert [(line.number, line.label, line.amounts) for line in table.lines] == [
        ("A", "Toezicht en handhaving", {2024: 1_250_000, 2025: 1_300_000}),
        ("B", "Veilige wijken en openbare ruimte", {2024: 10_000, 2025: 20_000}),
    ]
    assert table.stated_total == {2024: 1_260_000, 2025: 1_320_000}
    assert budget_findings(record) == []


def test_continuation_in_capitals_after_a_label_broken_off_at_en(tmp_path: Path) -> None:
    # Amounts in euros; the second part of the label starts with a capital.
    record = plan(
        tmp_path,
        "Heuvelrade",
        """Begroting veiligheid in euro's

Onderdeel                 2023         2024
Cameratoezicht en
Handhaving               45.000       47.500
Buurtbemiddeling         12.000       12.000
Totaal                   57.000       59.500
""",
    )
    (table,) = record.budget
    assert [(line.label, line.amounts) for line in table.lines] == [
        ("Cameratoezicht en Handhaving", {2023: 45_000, 2024: 47_500}),
        ("Buurtbemiddeling", {2023: 12_000, 2024: 12_000}),
    ]
    assert table.stated_total == table.computed_total
    assert budget_findings(record) == []


def test_a_line_of_aligned_amounts_never_continues_a_paragraph(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        "plan.txt",
        "Kosten x 1000\n\nProduct   2023   2024\n1. Preventie en\nvoorlichting   10   12\nTotaal   10   12\n",
    )
    blocks = [(block.kind, block.text) for block in normalise(load(path)).blocks]
    assert blocks[-3:] == [
        ("list_item", "1. Preventie en"),
        ("table_row", "voorlichting\t10\t12"),
        ("table_row", "Totaal\t10\t12"),
    ]


def test_plain_text_cells_with_their_own_unit_and_years_counting_down(tmp_path: Path) -> None:
    record = plan(
        tmp_path,
        "Zuidermeer",
        """Wat het kost

Onderdeel                 2025            2024
Ondermijning         € 1,2 mln       € 0,8 mln
Veilige wijken       € 0,45 mln      (€ 0,1 mln)
Totaal               € 1,65 mln      € 0,7 mln
""",
    )
    (table,) = record.budget
    assert (table.caption, table.unit, table.multiplier, table.years) == (
        "Wat het kost",
        "mln",
        1_000_000,
        (2025, 2024),
    )
    assert [(line.label, line.amounts) for line in table.lines] == [
        ("Ondermijning", {2025: 1_200_000, 2024: 800_000}),
        ("Veilige wijken", {2025: 450_000, 2024: -100_000}),
    ]
    assert table.stated_total == table.computed_total == {2025: 1_650_000, 2024: 700_000}
    assert budget_findings(record) == []
