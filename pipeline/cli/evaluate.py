"""`ivp evaluate`: score extraction against gold annotations, per field."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli import run_guarded


@click.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--outputs",
    type=click.Path(path_type=Path),
    help="Read records written by `ivp extract` from this folder instead of extracting now.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_context
def evaluate(
    ctx: click.Context, gold: tuple[Path, ...], outputs: Path | None, as_json: bool
) -> None:
    """Score extraction against GOLD annotation files: precision, recall and F1 per field.

    Prints a table per plan with the mismatches to fix, then an overall table.
    A '*' marks a field whose shortfall the gold file explains in its notes.
    Exits with status 1 when a plan could not be extracted.

    \b
    Examples:
      ivp evaluate tests/gold/*.json
      ivp evaluate tests/gold/college.json --outputs outputs/ --json
    """
    from pipeline.evaluation import evaluate as run_evaluation
    from pipeline.evaluation.report import render_text, to_json

    result = run_guarded(ctx, run_evaluation, gold, outputs)
    click.echo(to_json(result) if as_json else render_text(result))
    if any(plan.error for plan in result.plans):
        ctx.exit(1)
