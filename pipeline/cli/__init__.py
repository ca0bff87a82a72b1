"""The `ivp` command line: a thin layer over the library, one module per command.

Commands are imported only when run, so `ivp --help` stays fast.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

import click

# command name -> "module:function"; each module holds one click command.
COMMANDS: dict[str, str] = {
    "compare": "pipeline.cli.compare:compare",
    "diff": "pipeline.cli.diff:diff",
    "evaluate": "pipeline.cli.evaluate:evaluate",
    "extract": "pipeline.cli.extract:extract",
    "schema": "pipeline.cli.schema:schema",
    "table": "pipeline.cli.table:table",
}

SUMMARIES: dict[str, str] = {
    "compare": "Compare plans: KBV fields, laws, organisations and budget per municipality.",
    "diff": "Show what changed between two versions of a plan.",
    "evaluate": "Score extraction against gold annotations, per field.",
    "extract": "Extract plans (files or folders) into JSON records.",
    "schema": "Print the JSON Schema of a plan record.",
    "table": "Write tidy CSV/Parquet tables from JSON records.",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(package_name="ivp")
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Extract Dutch integrale veiligheidsplannen (IVP) into validated JSON records.

    \b
    Examples:
      ivp extract corpus/ --out outputs/
      ivp schema > plan-record.schema.json
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    # --debug also shows what ivp logs, such as which spaCy pipeline it built.
    logging.basicConfig(level=logging.INFO if debug else logging.WARNING, format="ivp: %(message)s")


def run_guarded(ctx: click.Context, action: Any, *args: Any, **kwargs: Any) -> Any:
    """Run `action`, turning library errors into one clean line unless --debug."""
    from pipeline.errors import PlanError

    try:
        return action(*args, **kwargs)
    except PlanError as error:
        if ctx.find_root().obj.get("debug"):
            raise
        raise click.ClickException(str(error)) from None
