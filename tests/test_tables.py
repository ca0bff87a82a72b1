"""`ivp table`: tidy tables from JSON records, loaded back with pandas and pyarrow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.export import to_json
from pipeline.tables import TABLES, pandas_dtypes
from tests.factories import budget, budget_line, law, organisation, record, theme

DOCS = Path(__file__).resolve().parent.parent / "docs" / "tables.md"


def tilburg() -> object:
    """A plan in the 'speerpunten' style with Roman numbering and a budget in thousands."""
    return record(
        "Tilburg",
        2023,
        2026,
        themes=[
            theme(
                "I",
                "Georganiseerde criminaliteit en ondermijning",
                opgave="Drugscriminaliteit en witwassen ondermijnen de stad.",
                pillars=["Weerbare wijken", "Bestuurlijke aanpak"],
                kbv=[("5.2", "Georganiseerde criminaliteit"), ("undermining", "Ondermijning")],
                page=6,
            ),
            theme("II", "Veilig uitgaan", category="core", kbv=[("2.3", "Veilig uitgaan")], page=9),
        ],
        budget_tables=[
            budget(
                [
                    budget_line("1", "Aanpak ondermijning", {2023: 1_250_000, 2024: None}, ["I"]),
                    budget_line("2", "Horeca en evenementen", {2023: 310_000, 2024: 295_000}, ["II"]),
                ]
            )
        ],
        references=[law("Opiumwet", "13b"), law("Gemeentewet", "174a", paragraph=1)],
        organisations=[organisation("Regionaal Informatie- en Expertisecentrum", 3, "RIEC")],
    )


def zaanstad() -> object:
    """A plan without a budget, in the 'prioriteiten' style with Arabic numbering."""
    return record(
        "Zaanstad",
        2024,
        2027,
        themes=[theme("1", "Cybercrime en online fraude", kbv=[("5.4", "Informatieveiligheid")])],
    )


@pytest.fixture()
def outputs(tmp_path: Path) -> Path:
    folder = tmp_path / "outputs"
    folder.mkdir()
    for plan in (zaanstad(), tilburg()):
        (folder / f"{plan.plan.municipality}.pdf.json").write_text(to_json(plan), encoding="utf-8")  # type: ignore[attr-defined]
    (folder / "errors.jsonl").write_text('{"path": "kapot.pdf"}\n', encoding="utf-8")
    return folder


def run_table(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["table", *args])
    return result.exit_code, result.output


def test_table_writes_one_csv_per_record_type(outputs: Path, tmp_path: Path) -> None:
    code, output = run_table(str(outputs), "--out", str(tmp_path / "tables"))
    assert (code, output) == (0, f"2 records -> 8 tables (8 files) in {tmp_path / 'tables'}\n")
    names = sorted(path.name for path in (tmp_path / "tables").iterdir())
    assert names == sorted(f"{table.name}.csv" for table in TABLES)


def test_budget_lines_load_in_pandas_with_integer_euros_and_years(outputs: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    run_table(str(outputs), "--out", str(tmp_path / "tables"))
    frame = pd.read_csv(tmp_path / "tables" / "budget_lines.csv", dtype={"amount_as_printed": str})
    assert str(frame["amount"].dtype) == "int64"
    assert str(frame["year"].dtype) == "int64"
    # The empty 2024 cell of line 1 has no row; amounts are euros, not thousands.
    rows = frame[["municipality", "label", "year", "amount", "amount_as_printed", "themes"]]
    assert rows.to_dict("records") == [
        {"municipality": "Tilburg", "label": "Aanpak ondermijning", "year": 2023,
         "amount": 1250000, "amount_as_printed": "1.250", "themes": "I"},
        {"municipality": "Tilburg", "label": "Horeca en evenementen", "year": 2023,
         "amount": 310000, "amount_as_printed": "310", "themes": "II"},
        {"municipality": "Tilburg", "label": "Horeca en evenementen", "year": 2024,
         "amount": 295000, "amount_as_printed": "295", "themes": "II"},
    ]  # fmt: skip


def test_declared_dtypes_keep_line_numbers_and_codes_as_text(outputs: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    run_table(str(outputs), "--out", str(tmp_path / "tables"))
    path = tmp_path / "tables" / "budget_lines.csv"
    # Without the declared types pandas guesses: the line number '1' becomes an integer.
    assert str(pd.read_csv(path)["number"].dtype) == "int64"
    frame = pd.read_csv(path, dtype=pandas_dtypes("budget_lines"))
    assert (str(frame["number"].dtype), str(frame["amount"].dtype)) == ("string", "Int64")
    assert frame["number"].tolist() == ["1", "2", "2"]
    assert frame["amount_as_printed"].tolist() == ["1.250", "310", "295"]
    kbv = pd.read_csv(tmp_path / "tables" / "theme_kbv.csv", dtype=pandas_dtypes("theme_kbv"))
    assert kbv["code"].tolist() == ["5.2", "undermining", "2.3", "5.4"]
    with pytest.raises(KeyError, match="no table named 'budget'"):
        pandas_dtypes("budget")


def test_every_row_carries_the_plan_key(outputs: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    run_table(str(outputs), "--out", str(tmp_path / "tables"))
    themes = pd.read_csv(tmp_path / "tables" / "themes.csv", keep_default_na=False)
    assert list(themes.columns[:5]) == [
        "municipality", "period_start", "period_end", "source_sha256", "source_path",
    ]  # fmt: skip
    # Records are ordered by source path: tilburg before zaanstad.
    columns = ["municipality", "period_start", "number", "title", "category", "kbv_codes", "pillars"]
    assert themes[columns].values.tolist() == [
        ["Tilburg", 2023, "I", "Georganiseerde criminaliteit en ondermijning", "priority", "5.2;undermining", 2],
        ["Tilburg", 2023, "II", "Veilig uitgaan", "core", "2.3", 0],
        ["Zaanstad", 2024, "1", "Cybercrime en online fraude", "priority", "5.4", 0],
    ]  # fmt: skip
    assert themes["source_path"].tolist()[0] == "corpus/tilburg-ivp.pdf"


def test_theme_kbv_has_one_row_per_label_with_its_field(outputs: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    run_table(str(outputs), "--out", str(tmp_path / "tables"))
    kbv = pd.read_csv(tmp_path / "tables" / "theme_kbv.csv", dtype={"fields": str})
    assert kbv[["municipality", "theme_number", "code", "kind", "fields", "score"]].values.tolist() == [
        ["Tilburg", "I", "5.2", "theme", "5", 0.6],
        ["Tilburg", "I", "undermining", "tag", "5", 0.6],
        ["Tilburg", "II", "2.3", "theme", "2", 0.6],
        ["Zaanstad", "1", "5.4", "theme", "5", 0.6],
    ]


def test_other_tables_hold_the_items(outputs: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    run_table(str(outputs), "--out", str(tmp_path / "tables"))
    laws = pd.read_csv(tmp_path / "tables" / "legal_references.csv", dtype_backend="numpy_nullable")
    assert str(laws["paragraph"].dtype) == "Int64"
    assert laws[["law", "article"]].values.tolist() == [
        ["Opiumwet", "13b"],
        ["Gemeentewet", "174a"],
    ]
    assert laws["paragraph"].tolist() == [pd.NA, 1]
    organisations = pd.read_csv(tmp_path / "tables" / "organisations.csv")
    assert organisations[["acronym", "mentions", "first_page"]].values.tolist() == [["RIEC", 3, 4]]
    pillars = pd.read_csv(tmp_path / "tables" / "pillars.csv")
    assert pillars["title"].tolist() == ["Weerbare wijken", "Bestuurlijke aanpak"]
    plans = pd.read_csv(tmp_path / "tables" / "plans.csv")
    assert plans[["municipality", "themes", "priority_themes", "core_themes", "budget_tables"]].values.tolist() == [
        ["Tilburg", 2, 1, 1, 1],
        ["Zaanstad", 1, 1, 0, 0],
    ]  # fmt: skip


def test_parquet_has_explicit_integer_types(outputs: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    code, output = run_table(str(outputs), "--out", str(tmp_path / "t"), "--format", "parquet")
    assert code == 0
    assert output.endswith("-> 8 tables (16 files) in " + str(tmp_path / "t") + "\n")
    table = pq.read_table(tmp_path / "t" / "budget_lines.parquet")
    assert str(table.schema.field("amount").type) == "int64"
    assert str(table.schema.field("year").type) == "int64"
    assert table.column("amount").to_pylist() == [1250000, 310000, 295000]
    legal = pq.read_table(tmp_path / "t" / "legal_references.parquet")
    assert str(legal.schema.field("paragraph").type) == "int64"
    assert legal.column("paragraph").to_pylist() == [None, 1]


def test_output_is_byte_identical_across_runs(outputs: Path, tmp_path: Path) -> None:
    run_table(str(outputs), "--out", str(tmp_path / "a"))
    run_table(str(outputs), "--out", str(tmp_path / "b"))
    for table in TABLES:
        name = f"{table.name}.csv"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_folder_without_records_is_one_clear_line(tmp_path: Path) -> None:
    code, output = run_table(str(tmp_path), "--out", str(tmp_path / "t"))
    assert code == 1
    assert output == (f"Error: {tmp_path}: holds no .json records (run `ivp extract PLANS --out FOLDER` first)\n")


def test_a_json_file_that_is_no_record_is_named(outputs: Path, tmp_path: Path) -> None:
    (outputs / "notes.json").write_text('{"title": "aantekeningen"}', encoding="utf-8")
    code, output = run_table(str(outputs), "--out", str(tmp_path / "t"))
    assert code == 1
    assert output == (
        f"Error: {outputs / 'notes.json'}: not a plan record: field required at pipeline_version "
        "(pass JSON files written by `ivp extract`)\n"
    )


def test_every_column_is_documented() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    for table in TABLES:
        section = re.search(rf"^## `{table.name}`\n(.*?)(?=^## |\Z)", documented, re.M | re.S)
        assert section, f"docs/tables.md has no section for {table.name}"
        for name, _ in table.columns[5:]:
            assert f"| `{name}` |" in section.group(1), f"{table.name}.{name} is not documented"


def test_the_new_commands_are_listed_with_their_summaries() -> None:
    output = CliRunner().invoke(main, ["--help"]).output
    assert "  table     Write tidy CSV/Parquet tables from JSON records.\n" in output
    assert "  diff      Show what changed between two versions of a plan.\n" in output
    assert "  compare   Compare plans: KBV fields, laws, organisations and budget per\n" in output
