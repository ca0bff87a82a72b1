"""`ivp table`: JSON records in, tidy CSV (and Parquet) tables out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from pipeline.cli import run_guarded
from pipeline.cli.options import kbv_options, load_records


@click.command()
@click.argument("records_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--out",
    "out_dir",
    default="tables",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for the tables.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet"]),
    default="csv",
    show_default=True,
    help="parquet writes Parquet files next to the CSV files (needs the `parquet` extra).",
)
@kbv_options
@click.pass_context
def table(
    ctx: click.Context,
    *,
    records_dir: Path,
    out_dir: Path,
    fmt: str,
    kbv_overrides: Path | None,
    taxonomy: str | None,
) -> None:
    """Write one table per record type from the JSON records in RECORDS_DIR.

    \b
    Tables: plans, themes, theme_kbv, pillars, legal_references,
    organisations, budget_lines, findings (columns: docs/tables.md).

    \b
    Example:
      ivp table outputs/ --out tables/ --format parquet
    """
    from pipeline.tables import TABLES, write_tables

    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise click.ClickException("Parquet output needs pyarrow: pip install 'ivp[parquet]'")
    records = run_guarded(ctx, load_records, records_dir, kbv_overrides, taxonomy)
    written = write_tables(records, out_dir, fmt)  # type: ignore[arg-type]
    click.echo(f"{len(records)} records -> {len(TABLES)} tables ({len(written)} files) in {out_dir}")
