"""The check registry and the budget consistency checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from models import Finding, PlanMeta, PlanRecord, Theme
from pipeline.checks import check, registered, run_checks
from pipeline.extractors.budget import extract_budget
from pipeline.validate import validate
from tests.budget_documents import document, themes


def record(source: str, plan_themes: tuple[Theme, ...] = ()) -> PlanRecord:
    doc = document(source)
    budget, findings = extract_budget(doc, plan_themes)
    return PlanRecord(
        pipeline_version="test",
        source=doc.source,
        plan=PlanMeta(),
        themes=plan_themes,
        budget=budget,
        findings=findings,
        text=doc.text,
    )


def budget_findings(rec: PlanRecord) -> list[Finding]:
    """The budget findings after validation (theme checks also run on every record)."""
    return [finding for finding in validate(rec).findings if finding.code.startswith("budget.")]


def test_budget_checks_are_registered_by_name() -> None:
    names = set(registered())
    assert {"budget.count", "budget.theme_references", "budget.totals"} <= names
    assert {"themes.empty", "themes.numbering"} <= names
    assert list(registered()) == sorted(registered())


def test_a_second_check_with_a_taken_name_is_refused() -> None:
    registered()
    with pytest.raises(ValueError, match=r"a check named 'budget\.totals' is already registered"):

        @check("budget.totals")
        def other(record: PlanRecord) -> Iterator[Finding]:
            yield from ()


def test_total_mismatch_per_year_with_both_figures_and_the_difference() -> None:
    rec = record(
        """
## Kosten (x € 1 mln)
Product\t2021\t2022
Brandweer\t2\t3
Politie\t1,5\t1
Totaal\t3,5\t3,5
"""
    )
    (finding,) = budget_findings(rec)
    assert finding.code == "budget.total_mismatch"
    assert finding.message == (
        "In the budget table 'Kosten (x € 1 mln)', 2022: the total row says 3,5 (€ 3.500.000) but "
        "the 2 lines add up to 4 (€ 4.000.000); the total is 0,5 (€ 500.000) lower than the sum."
    )
    assert finding.span is not None and finding.span.quote == "Totaal\t3,5\t3,5"


def test_the_same_difference_every_year_suggests_a_missing_line() -> None:
    rec = record(
        """
## Budget (in euro's)
Post\t2023\t2024\t2025
Toezicht\t100\t100\t120
Totaal\t150\t150\t170
"""
    )
    findings = budget_findings(rec)
    assert [f.message for f in findings] == [
        f"In the budget table 'Budget (in euro's)', {year}: the total row says € {total} "
        f"but the 1 line adds up to € {lines}; the total is € 50 higher than the sum. "
        "The difference is the same in every year, so a line may be missing from the table."
        for year, total, lines in ((2023, 150, 100), (2024, 150, 100), (2025, 170, 120))
    ]


def test_totals_that_add_up_give_no_finding() -> None:
    rec = record("## Kosten x 1000\nProduct\t2022\nA\t1.000\nB\t-1\nTotaal\t999\n")
    assert budget_findings(rec) == []


def test_stated_count_that_contradicts_the_table() -> None:
    rec = record(
        """
## Kosten x 1000
Product\t2022
A\t1
B\t2
## Toelichting
Het programma kent in totaal drie deelproducten.
"""
    )
    (finding,) = budget_findings(rec)
    assert finding.code == "budget.count_mismatch"
    assert finding.message == (
        "The plan says 'drie deelproducten' (3), but the budget table 'Kosten x 1000' has 2 lines."
    )


EXPLAINED = """
## Kosten x 1000
Product\t2022
Veiligheidshuis\t10
Cameratoezicht\t5
Wijkaanpak\t3
## Toelichting
### Veiligheidshuis
(Thema 1 – Zorg & Veiligheid)
### Cameratoezicht
(Thema 2 – Cybercrime & Thema 7 – Onbekend)
"""


def test_theme_reference_findings() -> None:
    rec = record(EXPLAINED, themes("Ondermijning", "Veilige wijken", "Zorg & Veiligheid"))
    findings = budget_findings(rec)
    assert [(f.code, f.message) for f in findings] == [
        (
            "budget.line_without_themes",
            "Budget line 'Wijkaanpak' has no theme reference in the explanation after "
            "the budget table 'Kosten x 1000', so it is not linked to a theme.",
        ),
        (
            "budget.theme_reference_mismatch",
            "Budget line 'Veiligheidshuis' refers to 'Thema 1 – Zorg & Veiligheid', "
            "but theme 1 of this plan is 'Ondermijning'; the title matches theme 3 "
            "'Zorg & Veiligheid', so the line is linked to theme 3.",
        ),
        (
            "budget.theme_reference_unknown_title",
            "Budget line 'Cameratoezicht' refers to 'Thema 2 – Cybercrime', but no theme "
            "of this plan is titled 'Cybercrime'; the line is linked by number to "
            "theme 2 'Veilige wijken'.",
        ),
        (
            "budget.theme_reference_unresolved",
            "Budget line 'Cameratoezicht' refers to 'Thema 7 – Onbekend', but no theme "
            "of this plan has that title or number; the line is not linked to it.",
        ),
    ]
    assert [line.themes for line in rec.budget[0].lines] == [("3",), ("2",), ()]


def test_no_reference_findings_when_the_plan_has_no_themes() -> None:
    assert budget_findings(record(EXPLAINED)) == []


def test_validate_is_deterministic_and_idempotent() -> None:
    rec = record(EXPLAINED, themes("Ondermijning", "Veilige wijken", "Zorg & Veiligheid"))
    once = validate(rec)
    assert validate(once).findings == once.findings
    assert run_checks(rec) == run_checks(rec)
    starts = [f.span.start for f in once.findings if f.span]
    assert starts == sorted(starts)


def test_a_range_with_numbers_no_theme_has_gives_one_finding() -> None:
    rec = record(
        """
## Kosten x 1000
Product\t2022
Veiligheidshuis\t10
## Toelichting
### Veiligheidshuis
(thema's 2 t/m 5)
""",
        themes("Ondermijning", "Veilige wijken", "Zorg & Veiligheid"),
    )
    assert [(f.code, f.message) for f in budget_findings(rec)] == [
        (
            "budget.theme_reference_unresolved",
            "Budget line 'Veiligheidshuis' refers to '2 t/m 5', but this plan has no theme 4 or 5; "
            "the line is linked to themes 2 and 3.",
        )
    ]
    assert rec.budget[0].lines[0].themes == ("2", "3")


def test_negative_amounts_print_the_minus_after_the_euro_sign() -> None:
    rec = record(
        """
## Reserve veiligheid (x € 1.000)
Post\t2024
Onttrekking\t(15.407)
Dotatie\t-1
Saldo\t0
"""
    )
    (finding,) = budget_findings(rec)
    assert finding.message == (
        "In the budget table 'Reserve veiligheid (x € 1.000)', 2024: the total row says 0 (€ 0) but "
        "the 2 lines add up to -15.408 (€ -15.408.000); the total is 15.408 (€ 15.408.000) higher than the sum."
    )


def test_an_empty_cell_beside_amounts_is_reported() -> None:
    rec = record(
        """
## Kosten in euro's
Product\t2023\t2024\t2025
Cameratoezicht\t410\t\t–
Preventie\t–\t–\t–
Totaal\t410\t0\t0
"""
    )
    assert [(f.code, f.severity, f.message) for f in budget_findings(rec)] == [
        (
            "budget.empty_cell",
            "info",
            "Budget line 'Cameratoezicht' in the budget table 'Kosten in euro's' has no amount for "
            "2024 (blank), 2025 ('–') while its other years have amounts; the total counts it as zero "
            "and the budget_lines table has no row for it.",
        )
    ]
