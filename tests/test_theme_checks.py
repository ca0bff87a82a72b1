"""Consistency findings on theme structure, on small plans built for each case."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import extract
from pipeline.checks.themes import STATED_COUNT, stated_counts
from tests.conftest import write_plan


def themes_plan(numbers: list[str], preface: str = "") -> str:
    sections = [
        f"## {number}. Thema {number}\n\n### Opgave\n\nTekst {number}.\n\n### Ambitie\n\nDoel {number}.\n"
        for number in numbers
    ]
    return "# Veiligheidsplan 2024-2027\n\n" + preface + "\n".join(sections)


def codes(path: Path) -> list[str]:
    return [finding.code for finding in extract(path).findings]


def test_numbering_gap(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "plan.md", themes_plan(["1", "2", "4"])))
    gaps = [f for f in record.findings if f.code == "theme.numbering_gap"]
    assert [f.message for f in gaps] == ["Theme numbering skips 3: a theme may be missing or misnumbered."]


def test_duplicate_number(tmp_path: Path) -> None:
    record = extract(write_plan(tmp_path, "plan.md", themes_plan(["1", "2", "2", "3"])))
    duplicates = [f for f in record.findings if f.code == "theme.duplicate_number"]
    assert [f.message for f in duplicates] == ["2 themes carry number 2."]
    assert len(duplicates[0].related) == 1


def test_range_naming_missing_themes(tmp_path: Path) -> None:
    preface = "De thema's 1 t/m 4 hebben prioriteit.\n\n"
    record = extract(write_plan(tmp_path, "plan.md", themes_plan(["1", "2", "3"], preface)))
    ranges = [f for f in record.findings if f.code == "theme.range_mismatch"]
    assert [f.message for f in ranges] == ["The plan refers to 'thema's 1 t/m 4', but theme(s) 4 do not exist."]
    assert ranges[0].span is not None and ranges[0].span.quote == "thema's 1 t/m 4"
    assert [t.category for t in record.themes] == ["priority", "priority", "priority"]


def test_consistent_plan_has_no_structure_findings(tmp_path: Path) -> None:
    assert codes(write_plan(tmp_path, "plan.md", themes_plan(["1", "2", "3"]))) == []


def tiered_plan(preface: str) -> str:
    def section(number: int, title: str) -> str:
        name = title.lower()
        return f"### {number}. {title}\n\n#### Opgave\n\nOver {name}.\n\n#### Ambitie\n\nMinder {name}.\n"

    priority = ["Ondermijning", "Woninginbraak", "Cybercrime", "Jeugdoverlast"]
    core = ["Brandveiligheid", "Evenementen"]
    return (
        "# Veiligheidsplan Waterland 2024-2027\n\n"
        + preface
        + "\n\n## Prioritaire thema's\n\n"
        + "\n".join(section(number, title) for number, title in enumerate(priority, 1))
        + "\n## Kernthema's\n\n"
        + "\n".join(section(number, title) for number, title in enumerate(core, len(priority) + 1))
    )


def test_a_range_stated_for_a_tier_is_checked_against_the_themes_of_that_tier(tmp_path: Path) -> None:
    # The plan gained a priority theme; its ranges still count the old themes.
    preface = (
        "Deze onderwerpen verdienen met voorrang onze aandacht (thema's 1 t/m 3). "
        "Daarnaast blijven de kerntaken van belang (thema's 4 t/m 5)."
    )
    record = extract(write_plan(tmp_path, "plan.md", tiered_plan(preface)))
    assert [t.category for t in record.themes] == ["priority"] * 4 + ["core"] * 2
    ranges = [f for f in record.findings if f.code.startswith("theme.range")]
    assert [(f.code, f.message) for f in ranges] == [
        (
            "theme.range_category_mismatch",
            "The plan says 'thema's 1 t/m 3' for its priority themes, but the priority themes found are "
            "numbered 1 t/m 4; the range may be left from an earlier numbering.",
        ),
        (
            "theme.range_category_mismatch",
            "The plan says 'thema's 4 t/m 5' for its core themes, but the core themes found are "
            "numbered 5, 6; the range may be left from an earlier numbering.",
        ),
    ]
    assert ranges[0].span is not None and ranges[0].span.quote == "thema's 1 t/m 3"
    assert len(ranges[0].related) == 4


def test_ranges_that_match_their_tier_and_ranges_without_a_tier_give_no_finding(tmp_path: Path) -> None:
    preface = (
        "Deze onderwerpen hebben prioriteit (thema's 1 t/m 4). "
        "De overige thema's blijven we uitvoeren (thema's 5 t/m 6). "
        "Zie ook de thema's 2 t/m 3."
    )
    record = extract(write_plan(tmp_path, "plan.md", tiered_plan(preface)))
    assert [f.code for f in record.findings if f.code.startswith("theme.range")] == []


COUNT_FRAGMENTS = ["vijf", "Drie", "12", "thema's", "thema’s", "themas", "kern", "prioritaire", "hieronder",
                   "genoemde", "een", ".", ",", "-", "_", "(", "\n", " ", "de", "zes\tthema's"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(COUNT_FRAGMENTS), max_size=25), st.sampled_from([" ", "", "\n"]))
def test_stated_counts_are_those_of_a_whole_text_search(parts: list[str], separator: str) -> None:
    text = separator.join(parts)
    assert [m.span() for m in stated_counts(text)] == [m.span() for m in STATED_COUNT.finditer(text)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("De vijf thema's en de drie kern thema’s.", [(3, 15), (22, 39)]),
        ("Zie (zes thema's), niet-twee thema's", [(5, 16), (24, 36)]),
    ],
)
def test_stated_counts_in_brackets_and_after_a_hyphen(text: str, spans: list[tuple[int, int]]) -> None:
    assert [m.span() for m in stated_counts(text)] == spans
