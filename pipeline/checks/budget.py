"""Budget checks: totals that do not add up, cross-references to the wrong theme, miscounts.

Codes (stable):
- budget.total_mismatch: a total row differs from the sum of the lines, per year;
- budget.theme_reference_mismatch: a reference's number and title point at different themes;
- budget.theme_reference_unknown_title: a reference's title matches no theme, its number does;
- budget.theme_reference_unresolved: neither the title nor the number matches a theme, or a
  range ('thema's 1 t/m 5') covers numbers no theme has;
- budget.count_mismatch: the text states a number of budget lines the table does not have;
- budget.line_without_themes: a line has no theme reference where the other lines do;
- budget.empty_cell: a line has an empty cell ('–') in a year where it has amounts in others.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from models import BudgetLine, BudgetTable, Finding, PlanRecord, Span, Theme, ThemeReference
from pipeline.checks import check


def dutch(value: Decimal | int) -> str:
    """A number in Dutch notation: dots between thousands, a decimal comma."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(Decimal(value)):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction.strip("0") else f"{sign}{grouped}"


def amount(euros: int, table: BudgetTable) -> str:
    """An amount as the table prints it, followed by euros when the table has a multiplier."""
    if table.multiplier == 1:
        return f"€ {dutch(euros)}"
    in_unit = (Decimal(euros) / table.multiplier).normalize()
    return f"{dutch(in_unit)} (€ {dutch(euros)})"


def lines(count: int) -> str:
    """'9 lines add up' or '1 line adds up'."""
    return f"{count} line adds up" if count == 1 else f"{count} lines add up"


def table_name(table: BudgetTable) -> str:
    """How a message names a table: by its caption, else by its place."""
    if table.caption:
        return f"the budget table '{table.caption}'"
    page = f" on page {table.span.page}" if table.span.page is not None else ""
    return f"the budget table{page}"


@check("budget.totals")
def total_mismatches(record: PlanRecord) -> Iterator[Finding]:
    """A total row that is not the sum of its lines, one finding per year."""
    for table in record.budget:
        differences = {
            year: stated - table.computed_total[year]
            for year, stated in sorted(table.stated_total.items())
            if stated is not None and year in table.computed_total
        }
        off = {year: difference for year, difference in differences.items() if difference}
        every_year = len(table.years) > 1 and len(off) == len(table.years)
        same = every_year and len(set(off.values())) == 1
        for year, difference in off.items():
            stated = table.stated_total[year]
            assert stated is not None
            direction = "higher" if difference > 0 else "lower"
            computed = table.computed_total[year]
            message = (
                f"In {table_name(table)}, {year}: the total row says {amount(stated, table)} "
                f"but the {lines(len(table.lines))} to {amount(computed, table)}; "
                f"the total is {amount(abs(difference), table)} {direction} than the sum."
            )
            if same:
                message += (
                    " The difference is the same in every year,"
                    " so a line may be missing from the table."
                )
            yield Finding(
                code="budget.total_mismatch",
                severity="warning",
                message=message,
                span=table.total_span or table.span,
                related=(table.span,),
            )


def theme_label(number: str, themes: dict[str, Theme]) -> str:
    """'theme 5 'Zorg & Veiligheid'' for a theme number of the record."""
    theme = themes.get(number)
    return f"theme {number} '{theme.title}'" if theme else f"theme {number}"


def reference_finding(
    line: BudgetLine, reference: ThemeReference, themes: dict[str, Theme]
) -> Finding | None:
    """The finding for one theme reference of a budget line, if it is not consistent."""
    where = f"Budget line '{line.label}' refers to '{reference.text}'"
    related = (line.span,)
    if reference.all_themes:
        return None
    if reference.last is not None and reference.number is not None:
        return range_finding(where, reference, related)
    if reference.theme is None:
        return Finding(
            code="budget.theme_reference_unresolved",
            severity="warning",
            message=(
                f"{where}, but no theme of this plan has that title or number; "
                "the line is not linked to it."
            ),
            span=reference.span,
            related=related,
        )
    if reference.resolved_by == "number" and reference.title:
        return Finding(
            code="budget.theme_reference_unknown_title",
            severity="warning",
            message=(
                f"{where}, but no theme of this plan is titled '{reference.title}'; "
                f"the line is linked by number to {theme_label(reference.theme, themes)}."
            ),
            span=reference.span,
            related=related,
        )
    if reference.number is None or reference.number == reference.theme:
        return None
    numbered = themes.get(reference.number)
    actual = (
        f"theme {reference.number} of this plan is '{numbered.title}'"
        if numbered
        else f"this plan has no theme {reference.number}"
    )
    resolved = themes.get(reference.theme)
    return Finding(
        code="budget.theme_reference_mismatch",
        severity="warning",
        message=(
            f"{where}, but {actual}; the title matches {theme_label(reference.theme, themes)}, "
            f"so the line is linked to theme {reference.theme}."
        ),
        span=reference.span,
        related=related + tuple(theme.span for theme in (numbered, resolved) if theme is not None),
    )


def listing(numbers: Sequence[str], conjunction: str) -> str:
    """'4', '4 or 5', '1, 2 and 3'."""
    if len(numbers) < 2:
        return "".join(numbers)
    return f"{', '.join(numbers[:-1])} {conjunction} {numbers[-1]}"


def range_finding(where: str, reference: ThemeReference, related: tuple[Span, ...]) -> Finding | None:
    """The finding for a range such as 'thema's 1 t/m 5' that covers numbers no theme has."""
    assert reference.number is not None and reference.last is not None
    wanted = [str(value) for value in range(int(reference.number), int(reference.last) + 1)]
    missing = [number for number in wanted if number not in reference.themes]
    if not missing:
        return None
    linked = (
        f"the line is linked to theme{'s' if len(reference.themes) > 1 else ''} "
        f"{listing(reference.themes, 'and')}"
        if reference.themes
        else "the line is not linked to it"
    )
    return Finding(
        code="budget.theme_reference_unresolved",
        severity="warning",
        message=f"{where}, but this plan has no theme {listing(missing, 'or')}; {linked}.",
        span=reference.span,
        related=related,
    )


@check("budget.theme_references")
def theme_references(record: PlanRecord) -> Iterator[Finding]:
    """Theme references in budget explanations whose number and title disagree or match nothing."""
    if not record.themes:
        return  # nothing to resolve against; the theme checks already say no themes were found
    themes = {theme.number: theme for theme in record.themes if theme.number is not None}
    for table in record.budget:
        explained = any(line.references for line in table.lines)
        for line in table.lines:
            for reference in line.references:
                finding = reference_finding(line, reference, themes)
                if finding is not None:
                    yield finding
            if explained and not line.references:
                yield Finding(
                    code="budget.line_without_themes",
                    severity="info",
                    message=(
                        f"Budget line '{line.label}' has no theme reference in the explanation "
                        f"after {table_name(table)}, so it is not linked to a theme."
                    ),
                    span=line.span,
                )


@check("budget.empty_cells")
def empty_cells(record: PlanRecord) -> Iterator[Finding]:
    """Lines with an empty cell ('–' or blank) in a year where they have amounts in other years."""
    for table in record.budget:
        for line in table.lines:
            empty = [year for year in table.years if line.amounts.get(year) is None]
            if not empty or len(empty) == len(table.years):
                continue
            printed = {year: line.amounts_as_printed.get(year, "") for year in empty}
            cells = ", ".join(f"{year} ('{printed[year]}')" if printed[year] else f"{year} (blank)" for year in empty)
            yield Finding(
                code="budget.empty_cell",
                severity="info",
                message=(
                    f"Budget line '{line.label}' in {table_name(table)} has no amount for {cells} "
                    "while its other years have amounts; the total counts it as zero and the "
                    "budget_lines table has no row for it."
                ),
                span=line.span,
            )


@check("budget.count")
def count_mismatches(record: PlanRecord) -> Iterator[Finding]:
    """A stated number of budget lines ('in totaal 9 deelproducten') that the table contradicts."""
    for table in record.budget:
        stated = table.stated_count
        if stated is None or stated.count == len(table.lines):
            continue
        related: tuple[Span, ...] = (table.span,)
        yield Finding(
            code="budget.count_mismatch",
            severity="warning",
            message=(
                f"The plan says '{stated.span.quote}' ({stated.count}), but "
                f"{table_name(table)} has {len(table.lines)} lines."
            ),
            span=stated.span,
            related=related,
        )
