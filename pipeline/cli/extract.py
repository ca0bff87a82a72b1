"""`ivp extract`: plans in, JSON records out (minimal; batch features in issue 7)."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="outputs", show_default=True, type=click.Path(path_type=Path))
def extract(paths: tuple[Path, ...], out_dir: Path) -> None:
    """Extract plans (files or folders) into OUT/<file name>.json.

    \b
    Example:
      ivp extract corpus/ --out outputs/
    """
    from pipeline.compose import extract as extract_one
    from pipeline.errors import PlanError
    from pipeline.export import to_json, write_atomic

    files = [p for path in paths for p in (sorted(path.iterdir()) if path.is_dir() else [path])]
    failed = 0
    for file in files:
        if file.name.startswith("."):
            continue
        try:
            record = extract_one(file)
        except PlanError as error:
            click.echo(f"error: {error}", err=True)
            failed += 1
            continue
        write_atomic(out_dir / f"{file.name}.json", to_json(record))
        click.echo(f"{file}: {len(record.themes)} themes")
    sys.exit(1 if failed else 0)
