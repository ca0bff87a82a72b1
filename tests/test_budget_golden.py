"""The Nijmegen budget tables through the whole pipeline, against figures read from the plans."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from models import PlanRecord
from pipeline import extract
from pipeline.errors import UnsupportedFormat

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
COLLEGE = "nijmegen-ivp-2022-2026-college.txt"
AMENDED = "nijmegen-ivp-2022-2026-amended.md"
# The same amended plan rendered to DOCX and PDF: the same table must come out.
RENDERED = ("nijmegen-ivp-2022-2026-amended.docx", "nijmegen-ivp-2022-2026-amended.pdf")
YEARS = (2022, 2023, 2024, 2025, 2026)

# Typed from "Wat het kost - financieel overzicht 2022-2026 (bedragen x 1000 €)" in each plan.
LINES_AS_PRINTED = {
    COLLEGE: (
        ("1", "Aanpak multiproblematiek", ("848", "570", "570", "374", "374")),
        ("2", "Brandweerzorg", ("4.736", "15.407", "15.407", "15.407", "15.407")),
        ("3", "Intelligence", ("143", "129", "129", "30", "30")),
        ("4", "Jeugdbeschermingstafel", ("-71", "-71", "-71", "-71", "-71")),
        ("5", "Ondermijning", ("325", "58", "63", "166", "166")),
        ("6", "Openbare orde", ("217", "100", "100", "100", "100")),
        ("7", "Veilige evenementen en horeca", ("262", "276", "276", "276", "276")),
        ("8", "Veilige fysieke leefomgeving", ("5", "5", "5", "5", "5")),
        ("9", "Veilige wijken", ("241", "582", "584", "585", "585")),
    ),
    AMENDED: (
        ("1", "Aanpak multiproblematiek", ("848", "570", "570", "374", "374")),
        ("2", "Brandweezorg", ("14.736", "15.407", "15.407", "15.407", "15.407")),
        ("3", "Intelligence", ("143", "129", "129", "30", "30")),
        ("4", "Jeugdbeschermingstafel", ("-71", "-71", "-71", "-71", "-71")),
        ("5", "Ondernijning", ("325", "58", "63", "166", "166")),
        ("6", "Openbare orde", ("217", "100", "100", "100", "100")),
        ("7", "Veilige evenementen en horeca", ("262", "276", "276", "276", "276")),
        ("8", "Veilige fysieke leefomgeving", ("5", "5", "5", "5", "5")),
        ("9", "Veilige wijken", ("241", "582", "584", "585", "585")),
    ),
}
# Euros, from the amounts in thousands above.
AMOUNTS = {
    COLLEGE: (
        (848_000, 570_000, 570_000, 374_000, 374_000),
        (4_736_000, 15_407_000, 15_407_000, 15_407_000, 15_407_000),
        (143_000, 129_000, 129_000, 30_000, 30_000),
        (-71_000, -71_000, -71_000, -71_000, -71_000),
        (325_000, 58_000, 63_000, 166_000, 166_000),
        (217_000, 100_000, 100_000, 100_000, 100_000),
        (262_000, 276_000, 276_000, 276_000, 276_000),
        (5_000, 5_000, 5_000, 5_000, 5_000),
        (241_000, 582_000, 584_000, 585_000, 585_000),
    ),
}
AMOUNTS[AMENDED] = (
    (AMOUNTS[COLLEGE][0]),
    (14_736_000, *AMOUNTS[COLLEGE][1][1:]),
    *AMOUNTS[COLLEGE][2:],
)
STATED_TOTAL = (16_848_000, 17_198_000, 17_205_000, 17_014_000, 17_014_000)
# Sums worked out by hand from the lines; the 2022 sums differ by Brandweerzorg's 4.736 vs 14.736.
COMPUTED_TOTAL = {
    COLLEGE: (6_706_000, 17_056_000, 17_063_000, 16_872_000, 16_872_000),
    AMENDED: (16_706_000, 17_056_000, 17_063_000, 16_872_000, 16_872_000),
}
# The themes each line's "Toelichting" names, as numbered in that plan (the amended plan has 11).
THEMES = {
    COLLEGE: (
        ("4",),
        ("9",),
        tuple(map(str, range(1, 10))),
        ("4", "5"),
        ("1", "3"),
        ("7",),
        ("8",),
        ("9",),
        ("2",),
    ),
    AMENDED: (
        ("5",),
        ("11",),
        tuple(map(str, range(1, 12))),
        ("5", "6"),
        ("2", "4"),
        ("9",),
        ("10",),
        ("11",),
        ("3",),
    ),
}


@cache
def _extract(name: str) -> PlanRecord | str:
    try:
        return extract(CORPUS / name)
    except UnsupportedFormat as error:
        return str(error)


@pytest.fixture
def record(request: pytest.FixtureRequest) -> Callable[[str], PlanRecord]:
    """The record of a sample plan (shared with the other suites); skips formats without a loader."""

    def get(name: str) -> PlanRecord:
        if name in SHARED:
            plan: PlanRecord = request.getfixturevalue(SHARED[name])
            return plan
        result = _extract(name)
        if isinstance(result, str):
            pytest.skip(result)
        return result

    return get


def expected(name: str) -> str:
    """The plan whose figures a rendering must reproduce."""
    return AMENDED if name in RENDERED else name


ALL = [COLLEGE, AMENDED, *RENDERED]
# Session fixtures of tests/conftest.py that already hold these records.
SHARED = {COLLEGE: "college", AMENDED: "amended"}


@pytest.mark.parametrize("name", ALL)
def test_one_budget_table_with_caption_unit_and_years(name: str, record: Callable[[str], PlanRecord]) -> None:
    (table,) = record(name).budget
    assert table.caption == "Wat het kost - financieel overzicht 2022-2026"
    assert table.unit == "bedragen x 1000 €"
    assert table.multiplier == 1000
    assert table.years == YEARS
    assert table.stated_count is not None and table.stated_count.count == 9
    assert table.stated_count.span.quote == "9 deelproducten"


@pytest.mark.parametrize("name", ALL)
def test_all_45_amounts_exact_in_euros(name: str, record: Callable[[str], PlanRecord]) -> None:
    (table,) = record(name).budget
    got = [(line.number, line.label, tuple(line.amounts_as_printed[y] for y in YEARS)) for line in table.lines]
    assert tuple(got) == LINES_AS_PRINTED[expected(name)]
    assert tuple(tuple(line.amounts[y] for y in YEARS) for line in table.lines) == AMOUNTS[expected(name)]
    assert all(isinstance(line.amounts[y], int) for line in table.lines for y in YEARS)


@pytest.mark.parametrize("name", ALL)
def test_stated_and_computed_totals(name: str, record: Callable[[str], PlanRecord]) -> None:
    (table,) = record(name).budget
    assert tuple(table.stated_total[y] for y in YEARS) == STATED_TOTAL
    assert tuple(table.computed_total[y] for y in YEARS) == COMPUTED_TOTAL[expected(name)]
    assert table.total_span is not None and table.total_span.quote.startswith("TOTAAL")


@pytest.mark.parametrize("name", ALL)
def test_lines_linked_to_the_themes_their_explanation_names(name: str, record: Callable[[str], PlanRecord]) -> None:
    (table,) = record(name).budget
    assert tuple(line.themes for line in table.lines) == THEMES[expected(name)]


def test_college_total_mismatch_in_every_year_with_2022_off_by_10142(record: Callable[[str], PlanRecord]) -> None:
    findings = [f for f in record(COLLEGE).findings if f.code == "budget.total_mismatch"]
    assert len(findings) == 5
    assert findings[0].message == (
        "In the budget table 'Wat het kost - financieel overzicht 2022-2026', 2022: "
        "the total row says 16.848 (€ 16.848.000) but the 9 lines add up to 6.706 (€ 6.706.000); "
        "the total is 10.142 (€ 10.142.000) higher than the sum."
    )
    assert all("142 (€ 142.000) higher" in f.message for f in findings[1:])
    assert not any("a line may be missing" in f.message for f in findings)


@pytest.mark.parametrize("name", [AMENDED, *RENDERED])
def test_amended_total_off_by_the_same_142_thousand_every_year(name: str, record: Callable[[str], PlanRecord]) -> None:
    findings = [f for f in record(name).findings if f.code == "budget.total_mismatch"]
    assert [f.message.split(": ")[0][-4:] for f in findings] == [str(y) for y in YEARS]
    assert all(
        f.message.endswith(
            "the total is 142 (€ 142.000) higher than the sum. The difference is the same in "
            "every year, so a line may be missing from the table."
        )
        for f in findings
    )
    assert all(f.span is not None and f.span.quote.startswith("TOTAAL") for f in findings)


@pytest.mark.parametrize("name", [AMENDED, *RENDERED])
def test_amended_renumbered_references_each_give_a_finding(name: str, record: Callable[[str], PlanRecord]) -> None:
    findings = [f for f in record(name).findings if f.code == "budget.theme_reference_mismatch"]
    # The explanation has eleven references: ten numbered ones, every one renumbered since,
    # and "(Alle thema's)", which has no number and so gives no finding.
    assert [f.span.quote for f in findings if f.span] == [
        "Thema 4 – Zorg & Veiligheid",
        "Thema 9 – Veilige fysieke leefomgeving",
        "Thema 4 – Zorg & Veiligheid",
        "Thema 5 – Jonge aanwas in de criminaliteit",
        "Thema 1 – Ondermijning",
        "Thema 3 – Digitale criminaliteit",
        "Thema 7 – Openbare orde",
        "Thema 8 – Veilige evenementen, horeca en markten",
        "Thema 9 – Veilige fysieke leefomgeving",
        "Thema 2 – Veilige wijken",
    ]
    assert findings[0].message == (
        "Budget line 'Aanpak multiproblematiek' refers to 'Thema 4 – Zorg & Veiligheid', "
        "but theme 4 of this plan is 'Digitale criminaliteit'; the title matches theme 5 "
        "'Zorg & Veiligheid', so the line is linked to theme 5."
    )


@pytest.mark.parametrize("name", [AMENDED, *RENDERED])
def test_misspelt_theme_title_still_resolves_by_title(name: str, record: Callable[[str], PlanRecord]) -> None:
    # The amended plan spells theme 2 "Ondernijning"; the explanation says "Thema 1 – Ondermijning".
    (table,) = record(name).budget
    reference = table.lines[4].references[0]
    assert (reference.title, reference.theme, reference.resolved_by) == (
        "Ondermijning",
        "2",
        "title",
    )


def test_college_references_are_consistent(record: Callable[[str], PlanRecord]) -> None:
    codes = {f.code for f in record(COLLEGE).findings}
    assert not codes & {
        "budget.theme_reference_mismatch",
        "budget.count_mismatch",
        "budget.line_without_themes",
    }


@pytest.mark.parametrize("name", ALL)
def test_every_budget_quote_matches_the_text(name: str, record: Callable[[str], PlanRecord]) -> None:
    rec = record(name)
    (table,) = rec.budget
    spans = [table.span, *(line.span for line in table.lines)]
    spans += [ref.span for line in table.lines for ref in line.references]
    spans += [f.span for f in rec.findings if f.span and f.code.startswith("budget.")]
    for span in spans:
        assert rec.text[span.start : span.end] == span.quote
