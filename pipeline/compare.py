"""Cross-plan comparison: matrices of plans against KBV fields, laws, organisations, budget.

Every matrix has one row per plan (budget: per plan and year) and starts with the
plan's identifying columns; the HTML page shows the KBV matrix as a heat map.
"""

from __future__ import annotations

import csv
import html
import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from models import PlanRecord, Theme
from pipeline.export import write_atomic
from pipeline.extractors.kbv_lexicon import Lexicon, load_lexicon
from pipeline.tables import csv_cell

FIELDS = ("1", "2", "3", "4", "5")
PLAN_COLUMNS = ("plan", "municipality", "period_start", "period_end", "source_path")
Cell = str | int | None


class Matrix(NamedTuple):
    """A table with a header, written as one CSV file."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def plan_names(records: Sequence[PlanRecord]) -> tuple[str, ...]:
    """A short, unique name per plan: 'Nijmegen 2022-2026', with the file name when needed."""
    names = []
    for record in records:
        who = record.plan.municipality or Path(record.source.path).stem
        start, end = record.plan.period.start, record.plan.period.end
        names.append(f"{who} {start}-{end}" if start and end else who)
    counts = Counter(names)
    return tuple(
        f"{name} ({Path(record.source.path).name})" if counts[name] > 1 else name
        for name, record in zip(names, records, strict=True)
    )


def _plan_cells(name: str, record: PlanRecord) -> tuple[Cell, ...]:
    period = record.plan.period
    return (name, record.plan.municipality, period.start, period.end, record.source.path)


def theme_fields(theme: Theme, lexicon: Lexicon) -> tuple[str, ...]:
    """The veiligheidsvelden a theme's KBV labels fall in."""
    return tuple(sorted({field for label in theme.kbv for field in lexicon.fields_of(label.code)}))


def kbv_field_matrix(records: Sequence[PlanRecord], lexicon: Lexicon) -> Matrix:
    """Per plan, the number of priority, core and all themes in each KBV field."""
    header = PLAN_COLUMNS + tuple(f"field_{field}_{tier}" for field in FIELDS for tier in ("priority", "core", "all"))
    rows = []
    for name, record in zip(plan_names(records), records, strict=True):
        counts: Counter[tuple[str, str]] = Counter()
        for theme in record.themes:
            for field in theme_fields(theme, lexicon):
                counts[(field, "all")] += 1
                if theme.category is not None:
                    counts[(field, theme.category)] += 1
        cells = tuple(counts[(f, tier)] for f in FIELDS for tier in ("priority", "core", "all"))
        rows.append(_plan_cells(name, record) + cells)
    return Matrix("kbv_fields", header, tuple(rows))


def _count_matrix(name: str, records: Sequence[PlanRecord], counts: Sequence[Counter[str]]) -> Matrix:
    columns = tuple(sorted({key for counter in counts for key in counter}))
    rows = tuple(
        _plan_cells(plan, record) + tuple(counter[column] for column in columns)
        for plan, record, counter in zip(plan_names(records), records, counts, strict=True)
    )
    return Matrix(name, PLAN_COLUMNS + columns, rows)


def law_matrix(records: Sequence[PlanRecord]) -> Matrix:
    """Per plan, the number of citations of each law (by citeertitel)."""
    counts = [Counter(reference.law for reference in r.legal_references) for r in records]
    return _count_matrix("laws", records, counts)


def organisation_matrix(records: Sequence[PlanRecord]) -> Matrix:
    """Per plan, the number of mentions of each named organisation."""
    counts = [Counter({o.name: o.count or len(o.mentions) for o in record.organisations}) for record in records]
    return _count_matrix("organisations", records, counts)


def budget_field_matrix(records: Sequence[PlanRecord], lexicon: Lexicon) -> Matrix:
    """Per plan and year, euros of the budget lines linked to themes in each KBV field.

    A line that funds themes in two fields counts in both, so fields do not add up
    to `total`; lines without a theme link (or whose themes have no KBV field) go to
    `unlinked`.
    """
    header = (*PLAN_COLUMNS, "year", *(f"field_{f}" for f in FIELDS), "unlinked", "total")
    rows = []
    for name, record in zip(plan_names(records), records, strict=True):
        by_number = {theme.number: theme for theme in record.themes if theme.number}
        sums: dict[int, Counter[str]] = {}
        for table in record.budget:
            for line in table.lines:
                fields = {
                    field
                    for number in line.themes
                    if number in by_number
                    for field in theme_fields(by_number[number], lexicon)
                }
                for year, amount in line.amounts.items():
                    if amount is None:
                        continue
                    sums.setdefault(year, Counter())["total"] += amount
                    for field in fields or {"unlinked"}:
                        sums[year][field] += amount
        for year in sorted(sums):
            cells = [sums[year][key] for key in (*FIELDS, "unlinked", "total")]
            rows.append((*_plan_cells(name, record), year, *cells))
    return Matrix("budget_by_field", header, tuple(rows))


def matrices(records: Sequence[PlanRecord]) -> tuple[Matrix, ...]:
    """All comparison matrices, in the order they are written."""
    lexicon = load_lexicon()
    return (
        kbv_field_matrix(records, lexicon),
        law_matrix(records),
        organisation_matrix(records),
        budget_field_matrix(records, lexicon),
    )


def to_csv(matrix: Matrix) -> str:
    """A matrix as CSV text with '\\n' line ends; missing values as empty cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(matrix.header)
    writer.writerows(tuple(csv_cell(cell) for cell in row) for row in matrix.rows)
    return buffer.getvalue()


STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d0d0; padding: 0.4rem 0.6rem; text-align: center; }
th.plan { text-align: left; font-weight: normal; }
thead th { background: #f4f4f4; font-weight: 600; vertical-align: bottom; }
td small { color: #444; }
.legend { margin-top: 1rem; color: #444; font-size: 0.9rem; }
"""


def _heat(count: int, most: int) -> str:
    """A background from white to dark blue for `count` out of `most` themes."""
    if not count:
        return "#ffffff"
    share = count / most
    # Lightness from 92% (one theme) down to 35% (the busiest cell); text turns white when dark.
    lightness = round(92 - 57 * share)
    return f"hsl(212, 70%, {lightness}%)"


def heatmap_html(records: Sequence[PlanRecord], lexicon: Lexicon) -> str:
    """A self-contained page: plans against KBV fields, cells coloured by number of themes."""
    field_labels = {entry.code: entry.label for entry in lexicon.entries if entry.kind == "field"}
    grid: list[tuple[str, list[list[Theme]]]] = []
    for name, record in zip(plan_names(records), records, strict=True):
        cells: list[list[Theme]] = [[] for _ in FIELDS]
        for theme in record.themes:
            for field in theme_fields(theme, lexicon):
                cells[FIELDS.index(field)].append(theme)
        grid.append((name, cells))
    most = max((len(cell) for _, cells in grid for cell in cells), default=0) or 1
    head = "".join(f"<th>{f}<br><small>{html.escape(field_labels[f])}</small></th>" for f in FIELDS)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        '<head><meta charset="utf-8"><title>KBV-velden per plan</title>',
        f"<style>{STYLE}</style></head>",
        "<body>",
        "<h1>Veiligheidsvelden per plan</h1>",
        "<p>Number of themes per Kernbeleid Veiligheid field: priority / core. Hover over a cell for its themes.</p>",
        f'<table><thead><tr><th class="plan">plan</th>{head}</tr></thead><tbody>',
    ]
    for name, cells in grid:
        row = [f'<tr><th class="plan">{html.escape(name)}</th>']
        for cell in cells:
            priority = sum(theme.category == "priority" for theme in cell)
            core = sum(theme.category == "core" for theme in cell)
            titles = "; ".join(f"{t.number or ''} {t.title}".strip() for t in cell)
            colour = "#ffffff" if len(cell) * 2 > most else "#1a1a1a"
            style = f"background: {_heat(len(cell), most)}; color: {colour}"
            row.append(
                f'<td style="{style}" title="{html.escape(titles)}">{priority} / {core}</td>'
                if cell
                else '<td style="background: #ffffff">–</td>'
            )
        lines.append("".join(row) + "</tr>")
    lines += [
        "</tbody></table>",
        '<p class="legend">Darker: more themes. A theme with labels in two fields counts in both; '
        "themes without a tier count in neither number but colour the cell.</p>",
        "</body></html>",
    ]
    return "\n".join(lines) + "\n"


def write_comparison(records: Sequence[PlanRecord], out_dir: str | Path) -> tuple[Path, ...]:
    """Write the matrices as CSV and the heat map page into `out_dir`."""
    out = Path(out_dir)
    written = []
    for matrix in matrices(records):
        path = out / f"{matrix.name}.csv"
        write_atomic(path, to_csv(matrix))
        written.append(path)
    page = out / "comparison.html"
    write_atomic(page, heatmap_html(records, load_lexicon()))
    written.append(page)
    return tuple(written)
