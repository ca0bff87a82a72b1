"""`ivp diff`: what changed between two versions of a plan."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli import run_guarded


@click.command()
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
@click.pass_context
def diff(ctx: click.Context, old: Path, new: Path, as_json: bool) -> None:
    """Show what changed from OLD to NEW (plan files or their JSON records).

    \b
    Themes are matched by title, so renumbering is no change of content;
    small spelling changes of a title are reported as such.

    \b
    Examples:
      ivp diff corpus/plan-2022.pdf corpus/plan-2022-amended.docx
      ivp diff outputs/old.json outputs/new.json --json > changes.json
    """
    from pipeline.diff import diff_plans  # (keeps `ivp --help` fast)
    from pipeline.diff_report import render_json, render_text

    changes = run_guarded(ctx, diff_plans, old, new)
    click.echo(render_json(changes) if as_json else render_text(changes), nl=False)
