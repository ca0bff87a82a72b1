"""Consistency findings on theme structure, on small plans built for each case."""

from __future__ import annotations

from pathlib import Path

from pipeline import extract
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
