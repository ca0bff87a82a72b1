"""Options shared by the commands that read JSON records (table, compare)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def kbv_options(command: F) -> F:
    """Add --kbv-overrides and --taxonomy: re-label themes without re-extracting."""
    command = click.option(
        "--kbv-overrides",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="TSV of municipality, title, codes that fixes the KBV labels of named themes.",
    )(command)
    command = click.option(
        "--taxonomy",
        type=click.Choice(["kbv-2013", "kbv-2021"]),
        default=None,
        help="Re-label themes with this KBV edition (default: keep the labels in the records).",
    )(command)
    return command


def load_records(records_dir: Path, kbv_overrides: Path | None, taxonomy: str | None) -> Any:
    """Read records, re-labelling themes when an override file or another edition is given."""
    from pipeline.records import read_records  # (keeps `ivp --help` fast)

    records = read_records(records_dir)
    if kbv_overrides is None and taxonomy is None:
        return records
    from pipeline.extractors.kbv import relabel_record
    from pipeline.extractors.kbv_lexicon import DEFAULT_TAXONOMY
    from pipeline.extractors.kbv_overrides import load_overrides

    overrides = load_overrides(kbv_overrides) if kbv_overrides else None
    chosen = taxonomy or DEFAULT_TAXONOMY
    return tuple(relabel_record(record, chosen, overrides) for record in records)
