"""`ivp compare`: JSON records in, comparison matrices and a heat map page out."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli import run_guarded
from pipeline.cli.options import kbv_options, load_records


@click.command()
@click.argument("records_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--out",
    "out_dir",
    default="comparison",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for the matrices and the page.",
)
@kbv_options
@click.pass_context
def compare(
    ctx: click.Context,
    *,
    records_dir: Path,
    out_dir: Path,
    kbv_overrides: Path | None,
    taxonomy: str | None,
) -> None:
    """Compare the plans in RECORDS_DIR: KBV fields, laws, organisations, budget.

    \b
    Writes kbv_fields.csv, laws.csv, organisations.csv, budget_by_field.csv
    and comparison.html (a heat map of plans against KBV fields).

    \b
    Example:
      ivp compare outputs/ --out comparison/
    """
    from pipeline.compare import write_comparison

    records = run_guarded(ctx, load_records, records_dir, kbv_overrides, taxonomy)
    written = write_comparison(records, out_dir)
    click.echo(f"{len(records)} plans compared -> {len(written)} files in {out_dir}")
