"""Properties of KBV labels, tables and diffs over arbitrary titles and texts."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.diff import diff_records, match_titles
from pipeline.extractors.kbv import label_theme
from pipeline.tables import TABLES, table_rows, to_csv
from tests.factories import budget, budget_line, record, theme

TITLE_WORDS = st.sampled_from(
    ["Ondermijning", "ondermijnende", "Veilige", "wijken", "&", "Zorg", "jeugd", "criminaliteit", "orde", "-", "’s"]
)
TITLES = st.one_of(st.lists(TITLE_WORDS, min_size=1, max_size=6).map(" ".join), st.text(min_size=1, max_size=40))


@settings(max_examples=60, deadline=None)
@given(title=TITLES, text=st.text(max_size=300))
def test_labels_are_scored_between_threshold_and_one(title: str, text: str) -> None:
    labels = label_theme(theme("1", title, opgave=text or None))
    assert all(0.3 <= label.score <= 1.0 for label in labels)
    assert len({label.code for label in labels}) == len(labels)


@settings(max_examples=60, deadline=None)
@given(old=st.lists(TITLES, max_size=8), new=st.lists(TITLES, max_size=8))
def test_each_theme_is_matched_at_most_once(old: list[str], new: list[str]) -> None:
    pairs = match_titles(old, new)
    assert len({i for i, _, _ in pairs}) == len(pairs) == len({j for _, j, _ in pairs})
    assert all(0 <= i < len(old) and 0 <= j < len(new) for i, j, _ in pairs)


@settings(max_examples=40, deadline=None)
@given(titles=st.lists(TITLES, max_size=6, unique=True), texts=st.lists(st.text(max_size=80), min_size=6, max_size=6))
def test_a_plan_compared_with_itself_has_no_changes(titles: list[str], texts: list[str]) -> None:
    plan = record(
        "Leeuwarden",
        themes=[
            theme(str(n), t, opgave=x or None) for n, (t, x) in enumerate(zip(titles, texts, strict=False), start=1)
        ],
    )
    changes = diff_records(plan, plan)
    assert {change.change for change in changes.themes} <= {"unchanged"}
    assert all(not change.renumbered and not change.texts for change in changes.themes)
    assert (changes.budget, changes.budget_lines, changes.footnotes) == ((), (), ())


@settings(max_examples=40, deadline=None)
@given(label=st.text(max_size=40), amount=st.integers(min_value=-(10**12), max_value=10**12))
def test_csv_cells_read_back_as_written(label: str, amount: int) -> None:
    plan = record("Súdwest-Fryslân", budget_tables=[budget([budget_line("1", label, {2024: amount})])])
    [table] = [t for t in TABLES if t.name == "budget_lines"]
    rows = list(csv.DictReader(io.StringIO(to_csv(table, table_rows(table, [plan])), newline="")))
    # Line breaks inside a cell are written as "\n" whatever they were.
    expected = label.replace("\r\n", "\n").replace("\r", "\n")
    assert [(row["label"], int(row["amount"]), row["municipality"]) for row in rows] == [
        (expected, amount, "Súdwest-Fryslân")
    ]
