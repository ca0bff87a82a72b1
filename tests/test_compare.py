"""`ivp compare`: matrices of plans against KBV fields, laws, organisations and budget."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.compare import plan_names
from pipeline.export import to_json
from tests.factories import budget, budget_line, law, organisation, record, theme

UNDERMINING = [("5.2", "Georganiseerde criminaliteit"), ("undermining", "Ondermijning")]


def plans() -> list[object]:
    tilburg = record(
        "Tilburg",
        themes=[
            theme("I", "Georganiseerde criminaliteit en ondermijning", kbv=UNDERMINING),
            theme("II", "Veilig uitgaan", category="core", kbv=[("2.3", "Veilig uitgaan")]),
            theme("III", "Ondermijning in het buitengebied", kbv=UNDERMINING),
        ],
        budget_tables=[
            budget(
                [
                    budget_line("1", "Aanpak ondermijning", {2023: 1_250_000, 2024: 1_300_000}, ["I"]),
                    budget_line("2", "Horeca", {2023: 310_000, 2024: None}, ["II"]),
                    budget_line("3", "Toezicht", {2023: 100_000, 2024: 100_000}, ["I", "II"]),
                    budget_line("4", "Intelligence", {2023: 40_000, 2024: 40_000}),
                ]
            )
        ],
        references=[law("Opiumwet", "13b"), law("Gemeentewet", "174a"), law("Opiumwet", "13b")],
        organisations=[organisation("Politie", 5), organisation("Openbaar Ministerie", 2, "OM")],
    )
    zaanstad = record(
        "Zaanstad",
        2024,
        2027,
        themes=[
            theme("1", "Cybercrime en online fraude", kbv=[("5.4", "Informatieveiligheid"), ("digital", "Digitaal")]),
            theme("2", "Veilige wijken", category=None, kbv=[("1", "Veilige woon- en leefomgeving")]),
        ],
        references=[law("Gemeentewet", "172")],
        organisations=[organisation("Politie", 1)],
    )  # fmt: skip
    return [tilburg, zaanstad]


@pytest.fixture()
def comparison(tmp_path: Path) -> Path:
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    for plan in plans():
        name = plan.plan.municipality  # type: ignore[attr-defined]
        (outputs / f"{name}.json").write_text(to_json(plan), encoding="utf-8")  # type: ignore[arg-type]
    result = CliRunner().invoke(main, ["compare", str(outputs), "--out", str(tmp_path / "cmp")])
    assert (result.exit_code, result.output) == (
        0,
        f"2 plans compared -> 5 files in {tmp_path / 'cmp'}\n",
    )
    return tmp_path / "cmp"


def test_kbv_field_matrix_counts_priority_and_core_themes(comparison: Path) -> None:
    lines = (comparison / "kbv_fields.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "plan,municipality,period_start,period_end,source_path,"
        + ",".join(f"field_{f}_{t}" for f in "12345" for t in ("priority", "core", "all"))
    )
    # Tilburg: two undermining themes (field 5, priority), one uitgaan theme (field 2, core).
    assert lines[1] == "Tilburg 2023-2026,Tilburg,2023,2026,corpus/tilburg-ivp.pdf,0,0,0,0,1,1,0,0,0,0,0,0,2,0,2"
    # Zaanstad: cybercrime (5.4 + digital, both field 5, once); Veilige wijken has no tier.
    assert lines[2] == "Zaanstad 2024-2027,Zaanstad,2024,2027,corpus/zaanstad-ivp.pdf,0,0,1,0,0,0,0,0,0,0,0,0,1,0,1"


def test_law_and_organisation_matrices(comparison: Path) -> None:
    laws = (comparison / "laws.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",", 5)[-1] if i else line for i, line in enumerate(laws)] == [
        "plan,municipality,period_start,period_end,source_path,Gemeentewet,Opiumwet",
        "1,2",
        "1,0",
    ]
    organisations = (comparison / "organisations.csv").read_text(encoding="utf-8").splitlines()
    assert organisations[0].endswith(",source_path,Openbaar Ministerie,Politie")
    assert [line.rsplit(",", 2)[1:] for line in organisations[1:]] == [["2", "5"], ["0", "1"]]


def test_budget_per_field_in_integer_euros(comparison: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(comparison / "budget_by_field.csv")
    assert str(frame["field_5"].dtype) == "int64"
    columns = ["plan", "year", "field_1", "field_2", "field_5", "unlinked", "total"]
    # Line 3 funds themes I (field 5) and II (field 2) and counts in both.
    assert frame[columns].values.tolist() == [
        ["Tilburg 2023-2026", 2023, 0, 410000, 1350000, 40000, 1700000],
        ["Tilburg 2023-2026", 2024, 0, 100000, 1400000, 40000, 1440000],
    ]


def test_heat_map_page_is_self_contained_and_deterministic(comparison: Path, tmp_path: Path) -> None:
    page = (comparison / "comparison.html").read_text(encoding="utf-8")
    assert not re.search(r"<script|<link|src=|https?://|@import", page)
    assert "<style>" in page
    assert '<th class="plan">Tilburg 2023-2026</th>' in page
    assert (
        'title="I Georganiseerde criminaliteit en ondermijning; III Ondermijning in het buitengebied">2 / 0</td>'
        in page
    )
    assert 'title="1 Cybercrime en online fraude">1 / 0</td>' in page
    outputs = tmp_path / "outputs"
    CliRunner().invoke(main, ["compare", str(outputs), "--out", str(tmp_path / "again")])
    for path in comparison.iterdir():
        assert path.read_bytes() == (tmp_path / "again" / path.name).read_bytes()


def test_plans_of_one_municipality_and_period_are_told_apart_by_file() -> None:
    first = record("Ede", path="corpus/ede-2023.pdf")
    second = record("Ede", path="corpus/ede-2023-herzien.docx")
    third = record(None, None, None, path="corpus/onbekend.txt")
    assert plan_names([first, second, third]) == (
        "Ede 2023-2026 (ede-2023.pdf)",
        "Ede 2023-2026 (ede-2023-herzien.docx)",
        "onbekend",
    )


def test_kbv_overrides_relabel_before_comparing(comparison: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "kbv.tsv"
    overrides.write_text("municipality\ttitle\tcodes\nZaanstad\tVeilige wijken\t1.3\n", encoding="utf-8")
    out = tmp_path / "relabelled"
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(tmp_path / "outputs"),
            "--out",
            str(out),
            "--kbv-overrides",
            str(overrides),
        ],
    )
    assert result.exit_code == 0
    lines = (out / "kbv_fields.csv").read_text(encoding="utf-8").splitlines()
    # Relabelled from the lexicon: Veilige wijken -> override 1.3 (field 1, no tier); cybercrime -> 5.4.
    assert lines[2].endswith(",0,0,1,0,0,0,0,0,0,0,0,0,1,0,1")
    assert lines[1].endswith(",0,0,0,0,1,1,0,0,0,0,0,0,2,0,2")
