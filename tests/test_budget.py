"""Budget tables in other municipalities' styles: tab, pipe and space-aligned tables."""

from __future__ import annotations

import pytest

from models import BudgetTable, Document
from pipeline.extractors.budget import extract_budget, rows_to_tables, under_contents_heading
from pipeline.extractors.budget_rows import read_header
from tests.budget_documents import document, themes


def tables(doc: Document, *titles: str) -> tuple[BudgetTable, ...]:
    return extract_budget(doc, themes(*titles))[0]


def amounts(table: BudgetTable) -> list[tuple[str, list[int | None]]]:
    return [(line.label, [line.amounts[year] for year in table.years]) for line in table.lines]


def test_tab_table_with_caption_in_a_heading_and_unit_in_a_paragraph() -> None:
    doc = document(
        """
# 5. Middelen
## Financieel kader veiligheid
Bedragen x € 1.000
Product\t2023\t2024\t2025
Toezicht en handhaving\t1.250\t1.300\t1.300
Cameratoezicht\t410\t–\t410
Totaal programma\t1.660\t1.300\t1.710
"""
    )
    (table,) = tables(doc)
    assert table.caption == "Financieel kader veiligheid"
    assert (table.unit, table.multiplier, table.years) == (
        "Bedragen x € 1.000",
        1000,
        (2023, 2024, 2025),
    )
    assert amounts(table) == [
        ("Toezicht en handhaving", [1_250_000, 1_300_000, 1_300_000]),
        ("Cameratoezicht", [410_000, None, 410_000]),
    ]
    assert table.lines[1].amounts_as_printed == {2023: "410", 2024: "–", 2025: "410"}
    assert table.stated_total == {2023: 1_660_000, 2024: 1_300_000, 2025: 1_710_000}
    # The empty 2024 cell counts as zero in the sum.
    assert table.computed_total == {2023: 1_660_000, 2024: 1_300_000, 2025: 1_710_000}


def test_pipe_table_in_millions_with_decimals_parentheses_and_another_year_range() -> None:
    doc = document(
        """
## Begroting veiligheid (x € 1 mln)
| Onderdeel | 2019 | 2020 | 2021 |
|---|---|---|---|
| a. Brandweer | 12,5 | 12,75 | 13 |
| b. Reserve veiligheid | (0,4) | - | 0,1 |
| Totaal | 12,1 | 12,75 | 13,1 |
"""
    )
    (table,) = tables(doc)
    assert (table.unit, table.multiplier, table.years) == (
        "x € 1 mln",
        1_000_000,
        (2019, 2020, 2021),
    )
    assert [line.number for line in table.lines] == ["a", "b"]
    assert amounts(table) == [
        ("Brandweer", [12_500_000, 12_750_000, 13_000_000]),
        ("Reserve veiligheid", [-400_000, None, 100_000]),
    ]
    assert table.stated_total == table.computed_total == {2019: 12_100_000, 2020: 12_750_000, 2021: 13_100_000}


def test_space_aligned_pdf_text_with_caption_glued_to_the_first_year() -> None:
    doc = document(
        """
Kosten veiligheid
(bedragen in duizenden euro's) 2024    2025    2026
1. Preventie    1.020      1.040     1.060
2. Handhaving 300    310     320
TOTAAL          1.320     1.350     1.380
"""
    )
    (table,) = tables(doc)
    assert table.unit == "bedragen in duizenden euro's"
    assert table.years == (2024, 2025, 2026)
    # "Handhaving 300": one space between label and amount, still split.
    assert amounts(table) == [
        ("Preventie", [1_020_000, 1_040_000, 1_060_000]),
        ("Handhaving", [300_000, 310_000, 320_000]),
    ]
    assert [line.number for line in table.lines] == ["1", "2"]


def test_amounts_in_euros_with_euro_signs_and_space_thousands() -> None:
    doc = document(
        """
## Budget (in euro's)
Post\t2022\t2023
Buurtbemiddeling\t€ 85 000\t€ 87 500
Totaal\t€ 85 000\t€ 87 500
"""
    )
    (table,) = tables(doc)
    assert table.multiplier == 1
    assert amounts(table) == [("Buurtbemiddeling", [85_000, 87_500])]


def test_ragged_row_aligned_right_with_a_finding() -> None:
    doc = document(
        """
## Kosten
x 1000\t2022\t2023\t2024
Ondermijning\t30\t40\t50
Nieuw beleid\t20\t25
"""
    )
    (table,), findings = extract_budget(doc, ())
    assert amounts(table)[1] == ("Nieuw beleid", [None, 20_000, 25_000])
    assert [(f.code, f.message) for f in findings] == [
        (
            "budget.ragged_row",
            "Budget line 'Nieuw beleid' has 2 amounts for 3 years; they were read as the years "
            "2023-2024. Check the row in the plan.",
        )
    ]


def test_table_continued_under_a_repeated_header_after_a_page_break() -> None:
    doc = document(
        """
## Financieel overzicht (bedragen x 1000 €)
Product\t2022\t2023
1. Veilige wijken\t241\t582
2. Openbare orde\t217\t100
Pagina 18
Product\t2022\t2023
3. Intelligence\t143\t129
Totaal\t601\t811
"""
    )
    (table,) = tables(doc)
    assert [line.label for line in table.lines] == [
        "Veilige wijken",
        "Openbare orde",
        "Intelligence",
    ]
    assert table.stated_total == table.computed_total == {2022: 601_000, 2023: 811_000}


def test_repeated_header_inside_one_run_of_rows_is_dropped() -> None:
    doc = document(
        """
## Lasten x 1000
Product\t2022\t2023
Veilige wijken\t241\t582
Product\t2022\t2023
Openbare orde\t217\t100
"""
    )
    (table,) = tables(doc)
    assert [line.label for line in table.lines] == ["Veilige wijken", "Openbare orde"]


def test_wrapped_labels_are_joined() -> None:
    doc = document(
        """
## Kosten x 1000
Product\t2022\t2023
3. Veilige evenementen en
horeca\t262\t276
4. Zorg en\t10\t20
veiligheid
"""
    )
    (table,) = tables(doc)
    assert [(line.number, line.label) for line in table.lines] == [
        ("3", "Veilige evenementen en horeca"),
        ("4", "Zorg en veiligheid"),
    ]


def test_total_column_right_of_the_years_is_not_a_year() -> None:
    doc = document(
        """
## Meerjarenraming x 1000
Product\t2023\t2024\tTotaal
Toezicht\t10\t20\t30
"""
    )
    (table,) = tables(doc)
    assert table.years == (2023, 2024)
    assert amounts(table) == [("Toezicht", [10_000, 20_000])]


def test_subtotal_rows_are_neither_lines_nor_the_total() -> None:
    doc = document(
        """
## Kosten x 1000
Product\t2022
Preventie\t10
Subtotaal preventie\t10
Repressie\t5
Totaal\t15
"""
    )
    (table,) = tables(doc)
    assert [line.label for line in table.lines] == ["Preventie", "Repressie"]
    assert table.stated_total == {2022: 15_000}


def test_two_tables_with_their_own_years_and_units() -> None:
    doc = document(
        """
## Incidentele middelen (x € 1 mln)
Product\t2020\t2021
Brandweer\t1,5\t2
## Structurele middelen (bedragen x 1000 €)
Product\t2022\t2023\t2024
Brandweer\t15\t15\t16
"""
    )
    first, second = tables(doc)
    assert (first.years, first.multiplier, amounts(first)) == (
        (2020, 2021),
        1_000_000,
        [("Brandweer", [1_500_000, 2_000_000])],
    )
    assert (second.years, second.multiplier) == ((2022, 2023, 2024), 1000)


def test_tables_without_year_columns_are_not_budget_tables() -> None:
    doc = document(
        """
## Partners
Partner\tRol
Politie\tHandhaving
Veiligheidsregio\tCrisisbeheersing
"""
    )
    assert tables(doc) == ()


def test_table_of_contents_is_not_a_budget_table() -> None:
    doc = document(
        """
# Inhoudsopgave
Agenda veiligheid 2022-2026\t4
Financiën 2022\t17
Begroting 2023\t2024
"""
    )
    (raw,) = rows_to_tables(doc)
    assert under_contents_heading(doc, raw.rows[0])
    assert tables(doc) == ()


def test_header_needs_years_in_one_order_in_columns() -> None:
    assert read_header(["(bedragen x 1000 €) 2022", "2023", "2024"]) is not None
    descending = read_header(["Product", "2025", "2024", "2023"])
    assert descending is not None and descending.years == (2025, 2024, 2023)
    assert read_header(["Product", "2023", "2025", "2024"]) is None
    assert read_header(["Product", "2023", "2023"]) is None
    assert read_header(["Agenda veiligheid 2022-2026", "4"]) is None
    assert read_header(["Begroting 2023"]) is None


def test_every_span_quotes_the_text() -> None:
    doc = document(
        """
## Kosten x 1000
Product\t2022\t2023
1. Veilige wijken\t241\t582
Totaal\t241\t582
"""
    )
    (table,) = tables(doc)
    for span in (table.span, table.total_span, *(line.span for line in table.lines)):
        assert span is not None
        assert doc.text[span.start : span.end] == span.quote
    assert table.lines[0].span.quote == "1. Veilige wijken\t241\t582"


def test_indicator_table_with_years_but_no_money_is_not_a_budget_table() -> None:
    doc = document(
        """
## Wat willen we bereiken?
Indicator\t2020\t2024
Aantal woninginbraken\t310\t250
Slachtofferschap (%)\t12\t10
"""
    )
    assert tables(doc) == ()


def test_rows_after_a_total_start_no_continuation() -> None:
    doc = document(
        """
## Kosten x 1000
Product\t2022
Preventie\t10
Totaal\t10
Bron: begroting 2022, blz. 12.
Preventie 2023\t11
"""
    )
    (table,) = tables(doc)
    assert [line.label for line in table.lines] == ["Preventie"]


def test_budget_table_round_trips_through_json() -> None:
    doc = document(
        """
## Kosten x 1000
Product\t2022\t2023
1. Veilige wijken\t241\t–
Totaal\t241\t0
"""
    )
    (table,) = tables(doc)
    assert BudgetTable.model_validate_json(table.model_dump_json()) == table
    assert table.lines[0].amounts == {2022: 241_000, 2023: None}


def test_cells_with_their_own_unit_in_millions() -> None:
    doc = document(
        """
## Middelen
Wat het kost
| Onderdeel | 2024 | 2025 |
|---|---|---|
| Cameratoezicht | € 1,2 mln | € 0,85 mln |
| Jeugdaanpak | € 2 mln | (€ 0,1 mln) |
| Totaal | € 3,2 mln | € 0,75 mln |
"""
    )
    (table,) = tables(doc)
    assert (table.unit, table.multiplier, table.caption) == ("mln", 1_000_000, "Wat het kost")
    assert amounts(table) == [
        ("Cameratoezicht", [1_200_000, 850_000]),
        ("Jeugdaanpak", [2_000_000, -100_000]),
    ]
    assert table.lines[0].amounts_as_printed == {2024: "€ 1,2 mln", 2025: "€ 0,85 mln"}
    assert table.stated_total == table.computed_total == {2024: 3_200_000, 2025: 750_000}


def test_cells_in_thousands_with_k_beside_a_caption_in_euros() -> None:
    # The cell's own 'k' wins over the caption's 'in euro's'; the dash stays empty.
    doc = document(
        """
## Kosten in euro's
Post\t2023\t2024
Buurtpreventie\t€ 85k\t–
Totaal\t€ 85k\t€ 0k
"""
    )
    (table,) = tables(doc)
    assert (table.unit, table.multiplier) == ("in euro's", 1)
    assert amounts(table) == [("Buurtpreventie", [85_000, None])]
    assert table.stated_total == {2023: 85_000, 2024: 0}


def test_years_in_descending_order() -> None:
    doc = document(
        """
## Begroting veiligheid (bedragen x 1000 €)
Product\t2026\t2025\t2024
Preventie\t30\t20\t10
Handhaving\t300\t200\t100
Totaal\t330\t220\t110
"""
    )
    (table,) = tables(doc)
    assert table.years == (2026, 2025, 2024)
    assert table.lines[0].amounts == {2026: 30_000, 2025: 20_000, 2024: 10_000}
    assert table.computed_total == table.stated_total == {2026: 330_000, 2025: 220_000, 2024: 110_000}


def unreadable(source: str) -> list[tuple[str, str]]:
    doc = document(source)
    found, findings = extract_budget(doc, themes())
    assert found == ()
    return [(finding.code, finding.message) for finding in findings]


def test_years_as_rows_give_an_unreadable_table_finding() -> None:
    doc = document(
        """
## Financiën (x € 1.000)
Jaar\tPreventie\tHandhaving
2023\t10\t100
2024\t20\t200
"""
    )
    found, findings = extract_budget(doc, themes())
    assert found == ()
    assert [(f.code, f.severity, f.message) for f in findings] == [
        (
            "budget.unreadable_table",
            "warning",
            "The table starting 'Jaar' looks like a budget table, but it has no header row with the "
            "years as columns in one order; its amounts are not in the record. Check the table in the plan.",
        )
    ]
    span = findings[0].span
    assert span is not None and span.quote == "Jaar\tPreventie\tHandhaving\n\n2023\t10\t100\n\n2024\t20\t200"


def test_unordered_years_give_an_unreadable_table_finding() -> None:
    assert [code for code, _ in unreadable(
        """
## Begroting
Product\t2024\t2023\t2025
Preventie\t€ 10\t€ 20\t€ 30
"""
    )] == ["budget.unreadable_table"]  # fmt: skip


def test_mixed_cell_units_beside_bare_amounts_are_not_guessed() -> None:
    assert unreadable(
        """
## Begroting
Product\t2023\t2024
Preventie\t€ 800 k\t€ 1,2 mln
Handhaving\t0,5\t0,6
"""
    ) == [
        (
            "budget.unreadable_table",
            "The table starting 'Product' looks like a budget table, but its cells carry different units "
            "and some amounts have none, so their unit is unknown; its amounts are not in the record. "
            "Check the table in the plan.",
        )
    ]


def test_budget_table_whose_cells_do_not_read_as_amounts() -> None:
    assert unreadable(
        """
## Begroting (x € 1.000)
Product\t2023\t2024
Preventie\tcirca 10\tPM
Handhaving\tn.n.b.\t20 à 30
"""
    ) == [
        (
            "budget.unreadable_table",
            "The table starting 'Product' looks like a budget table, but no row has amounts that can be "
            "read under its year columns; its amounts are not in the record. Check the table in the plan.",
        )
    ]


def test_table_without_money_words_or_years_is_left_alone() -> None:
    assert unreadable(
        """
## Partners
Partner\tRol\tContact
Politie\tHandhaving\t0800-8844
"""
    ) == []


@pytest.mark.parametrize(
    ("above", "caption"),
    [
        # A caption line of its own wins over the section heading.
        ("## Financiën\nMiddelen veiligheid (bedragen x € 1.000)", "Middelen veiligheid (bedragen x € 1.000)"),
        # A line that is only the unit is no caption: the heading is.
        ("## Financieel kader\nBedragen x € 1.000", "Financieel kader"),
        # A sentence introducing the table is no caption either.
        ("## Wat kost het?\nDe kosten zijn als volgt (x € 1.000):", "Wat kost het?"),
    ],
)
def test_caption_is_the_tables_own_before_the_section_heading(above: str, caption: str) -> None:
    doc = document(above + "\nProduct\t2023\nPreventie\t10\nTotaal\t10\n")
    (table,) = tables(doc)
    assert (table.caption, table.multiplier) == (caption, 1000)


def test_a_cell_that_is_no_amount_is_reported_and_the_line_kept() -> None:
    doc = document(
        """
## Begroting (x € 1.000)
Product\t2023\t2024
Preventie\t10\tPM
Handhaving\t100\t200
Totaal\t110\t200
"""
    )
    found, findings = extract_budget(doc, themes())
    (table,) = found
    assert amounts(table) == [("Preventie", [10_000, None]), ("Handhaving", [100_000, 200_000])]
    assert table.lines[0].amounts_as_printed == {2023: "10", 2024: "PM"}
    assert [(f.code, f.message) for f in findings] == [
        (
            "budget.unreadable_cell",
            "Budget line 'Preventie' has 'PM' for 2024, which is not an amount; it was read as empty "
            "and the total counts it as zero.",
        )
    ]
    assert findings[0].span is not None and findings[0].span.quote == "Preventie\t10\tPM"
