"""Budget tables through the whole pipeline from HTML, DOCX and markdown plans of other municipalities."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import extract

# A plan in another municipality's style: Roman chapter numbers, 'Prioriteit' instead of
# 'Thema', amounts in millions with decimal commas, a negative in parentheses, a dash.
THEMES = ("Woninginbraak", "Zorg en veiligheid")
ROWS = (
    ("Onderdeel", "2021", "2022", "2023"),
    ("A. Inbraakpreventie", "1,2", "1,25", "–"),
    ("B. Veiligheidshuis", "0,8", "(0,1)", "0,9"),
    ("Totaal", "2,0", "1,15", "0,9"),
)
EXPLANATION = (
    ("Inbraakpreventie", "(Prioriteit 1: Woninginbraak)"),
    ("Veiligheidshuis", "(Prioriteit 2: Zorg en veiligheid)"),
)


def html_plan(path: Path) -> Path:
    parts = ["<h1>Veiligheidsplan Dijkwaarde 2021-2023</h1>"]
    for number, title in enumerate(THEMES, 1):
        parts += [f"<h2>{number}. {title}</h2>", "<h3>Opgave</h3>", f"<p>Over {title.lower()}.</p>"]
    parts += ["<h2>Middelen</h2>", "<h3>Begroting veiligheid (x € 1 mln)</h3>", "<table>"]
    for index, row in enumerate(ROWS):
        tag = "th" if index == 0 else "td"
        parts.append("<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in row) + "</tr>")
    parts += ["</table>", "<h3>Toelichting</h3>"]
    for label, reference in EXPLANATION:
        parts += [f"<h4>{label}</h4>", f"<p>Uitleg over {label.lower()}.</p>", f"<p>{reference}</p>"]
    body = "\n".join(parts)
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>")
    return path


def docx_plan(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Veiligheidsplan Dijkwaarde 2021-2023", level=1)
    for number, title in enumerate(THEMES, 1):
        document.add_heading(f"{number}. {title}", level=2)
        document.add_heading("Opgave", level=3)
        document.add_paragraph(f"Over {title.lower()}.")
    document.add_heading("Middelen", level=2)
    document.add_heading("Begroting veiligheid (x € 1 mln)", level=3)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for row, values in zip(table.rows, ROWS, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Toelichting", level=3)
    for label, reference in EXPLANATION:
        document.add_heading(label, level=4)
        document.add_paragraph(f"Uitleg over {label.lower()}.")
        document.add_paragraph(reference)
    document.save(str(path))
    return path


@pytest.mark.parametrize(("suffix", "build"), [("html", html_plan), ("docx", docx_plan)])
def test_budget_table_from_real_cells(suffix: str, build: Callable[[Path], Path], tmp_path: Path) -> None:
    record = extract(build(tmp_path / f"plan.{suffix}"))
    (table,) = record.budget
    assert (table.caption, table.multiplier, table.years) == (
        "Begroting veiligheid (x € 1 mln)",
        1_000_000,
        (2021, 2022, 2023),
    )
    assert [(line.number, line.label) for line in table.lines] == [
        ("A", "Inbraakpreventie"),
        ("B", "Veiligheidshuis"),
    ]
    assert [line.amounts for line in table.lines] == [
        {2021: 1_200_000, 2022: 1_250_000, 2023: None},
        {2021: 800_000, 2022: -100_000, 2023: 900_000},
    ]
    assert table.stated_total == table.computed_total == {2021: 2_000_000, 2022: 1_150_000, 2023: 900_000}
    assert [line.themes for line in table.lines] == [("1",), ("2",)]
    assert [(f.code, f.message) for f in record.findings if f.code.startswith("budget.")] == [
        (
            "budget.empty_cell",
            "Budget line 'Inbraakpreventie' in the budget table 'Begroting veiligheid (x € 1 mln)' has no "
            "amount for 2023 ('–') while its other years have amounts; the total counts it as zero and the "
            "budget_lines table has no row for it.",
        )
    ]


def test_html_caption_and_cells_with_their_own_unit_in_descending_years(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        "<h1>Veiligheidsplan Rivierenland 2024-2026</h1><h2>1. Woninginbraak</h2><h3>Opgave</h3><p>Inbraken.</p>"
        "<h2>Financiën</h2><table><caption>Middelen veiligheid</caption>"
        "<tr><th>Onderdeel</th><th>2026</th><th>2025</th></tr>"
        "<tr><td>Inbraakpreventie</td><td>€ 1,25 mln</td><td>€ 1,1 mln</td></tr>"
        "<tr><td>Buurtpreventie</td><td>€ 0,4 mln</td><td>(€ 0,05 mln)</td></tr>"
        "<tr><td>Totaal</td><td>€ 1,65 mln</td><td>€ 1,05 mln</td></tr></table></body></html>",
        encoding="utf-8",
    )
    (table,) = extract(path).budget
    assert (table.caption, table.unit, table.multiplier, table.years) == (
        "Middelen veiligheid",
        "mln",
        1_000_000,
        (2026, 2025),
    )
    assert [line.amounts for line in table.lines] == [
        {2026: 1_250_000, 2025: 1_100_000},
        {2026: 400_000, 2025: -50_000},
    ]
    assert table.stated_total == table.computed_total == {2026: 1_650_000, 2025: 1_050_000}


def test_markdown_caption_line_above_a_pipe_table_wins_over_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Veiligheidsplan Kempenland 2023-2026\n\n## 1. Ondermijning\n\n### Opgave\n\nDrugs.\n\n"
        "## Financiën\n\nBegroting veiligheid (x € 1.000)\n\n"
        "| Product | 2023 | 2024 |\n|---|---|---|\n| 1. Ondermijning | 1.234,5 | (71) |\n"
        "| Totaal | 1.234,5 | -71 |\n",
        encoding="utf-8",
    )
    record = extract(path)
    (table,) = record.budget
    assert (table.caption, table.unit, table.multiplier) == ("Begroting veiligheid (x € 1.000)", "x € 1.000", 1000)
    assert table.lines[0].amounts == {2023: 1_234_500, 2024: -71_000}
    assert [f.code for f in record.findings if f.code.startswith("budget.")] == []
