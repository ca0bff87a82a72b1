"""`ivp schema`: print the published JSON Schema of a plan record."""

from __future__ import annotations

import json

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema of a plan record (for downstream validators)."""
    from pipeline.export import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True))
