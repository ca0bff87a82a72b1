"""`ivp extract`: plans (files or folders) in, one JSON record per plan out."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.limits import Limits

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.table import Table

    from pipeline.batch import BatchReport, FileResult
    from pipeline.discover import Job
    from pipeline.engines import Engine
    from pipeline.resources import Resources

SUMMARY_COLUMNS = ("themes", "references", "organisations", "budget_lines", "findings")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="outputs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the records.",
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Parallel worker processes.  [default: all cores]"
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Local worker processes, or a Dask cluster.",
)
@click.option(
    "--scheduler",
    envvar="DASK_SCHEDULER_ADDRESS",
    metavar="ADDRESS",
    help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (env DASK_SCHEDULER_ADDRESS); "
    "without it --engine dask starts a local cluster.",
)
@click.option(
    "--on-error",
    type=click.Choice(["record", "stop"]),
    default="record",
    show_default=True,
    help="On a failed file: list it in errors.jsonl and go on, or stop.",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0, min_open=True),
    default=Limits.model_fields["max_bytes"].default / 1_048_576,
    show_default=True,
    metavar="MB",
    help="Refuse files larger than this.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=Limits.model_fields["max_pages"].default,
    show_default=True,
    help="Refuse documents with more pages.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=Limits.model_fields["max_chars"].default,
    show_default=True,
    help="Refuse documents with more characters of text.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=600.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a file after this long (0: no limit).",
)
@click.option(
    "--laws",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Your own laws, in the columns of laws.tsv, added to the packaged table.",
)
@click.option(
    "--organisations",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Your own organisations, in the columns of organisations.tsv, added to the gazetteer.",
)
@click.option("--force", is_flag=True, help="Redo files whose output is up to date.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary table.")
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[Path, ...],
    out_dir: Path,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    on_error: str,
    max_size: float,
    max_pages: int,
    max_chars: int,
    timeout: float,
    laws: Path | None,
    organisations: Path | None,
    force: bool,
    quiet: bool,
) -> None:
    """Extract plans (files or folders) into OUT, one record per plan.

    Folders are read recursively. A file that fails is listed in OUT/errors.jsonl
    and the batch goes on; the exit status is 1 when any file failed. A file whose
    record is up to date (same input sha256, pipeline version and --laws and
    --organisations content) is skipped.

    \b
    Examples:
      ivp extract corpus/ --out outputs/
      ivp extract downloads/*.pdf --out outputs/ --workers 4 --timeout 120
      ivp extract archive/ --engine dask --scheduler tcp://10.0.0.5:8786
      ivp extract corpus/ --laws provincie-laws.tsv --organisations partners.tsv
    """
    from rich.console import Console

    from pipeline.batch import ERROR_HANDLERS, BatchSettings, default_workers, run_batch
    from pipeline.cli import run_guarded
    from pipeline.discover import discover
    from pipeline.resources import Resources

    debug = bool((ctx.find_root().obj or {}).get("debug"))
    resources = Resources(laws=laws, organisations=organisations)
    run_guarded(ctx, resources.check)  # a malformed file stops here, not once per plan
    prepare_output_folder(out_dir)
    logging.getLogger(__name__).info("spaCy pipeline: %s", describe_pipeline())
    jobs = discover(paths, out_dir)
    limits = Limits(max_bytes=int(max_size * 1_048_576), max_pages=max_pages, max_chars=max_chars)
    settings = BatchSettings(
        out_dir=out_dir, limits=limits, resources=resources, timeout=timeout or None, force=force
    )
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    runner = start_engine(engine, workers or default_workers(), scheduler, debug, resources)
    with BarProgress(
        errors, len(jobs), enabled=not quiet and errors.is_terminal, debug=debug
    ) as bar:
        try:
            report = run_batch(jobs, settings, runner, ERROR_HANDLERS[on_error], bar)
        finally:
            runner.close()
    if not jobs:
        errors.print(f"no plan files found in {', '.join(map(str, paths))}", markup=False)
    if not quiet:
        out = Console(highlight=False)
        # Piped or captured output gets the table at its natural width, not folded to 80 columns.
        out.width = out.width if out.is_terminal else 200
        out.print(summary_table(report))
    errors.print(totals(report), markup=False)
    sys.exit(1 if report.failures else 0)


def describe_pipeline() -> str:
    from pipeline.nlp import STATISTICAL_MODEL, expected_pipeline_name

    name = expected_pipeline_name()
    if name.startswith(STATISTICAL_MODEL):
        return name
    return f"{name} with rule components ({STATISTICAL_MODEL} is not installed; the README says how to add it)"


def prepare_output_folder(out_dir: Path) -> None:
    """Create `out_dir`, or stop at once with one line when records cannot be written there."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise click.ClickException(
            f"{out_dir}: cannot create the output folder: {error.strerror or error} (choose another --out)"
        ) from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise click.ClickException(f"{out_dir}: the output folder is not writable (choose another --out)")


def start_engine(name: str, workers: int, scheduler: str | None, debug: bool, resources: Resources) -> Engine:
    """The engine for this batch, with a clean message when it cannot start."""
    from pipeline.engines import make_engine

    try:
        return make_engine(name, workers, scheduler, resources)
    except ImportError as error:
        if debug:
            raise
        raise click.ClickException(
            f"the {name} engine needs a package that is not installed ({error.name}): "
            "pip install 'ivp[dask]'"
        ) from None
    except OSError as error:
        if debug:
            raise
        raise click.ClickException(
            f"cannot reach the Dask scheduler at {scheduler}: {error} "
            "(check --scheduler or DASK_SCHEDULER_ADDRESS)"
        ) from None


class BarProgress:
    """A rich progress bar (files done, failures so far, current file) and one line per failure."""

    def __init__(self, console: Console, total: int, enabled: bool, debug: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.console = console
        self.debug = debug
        self.failed = 0
        self._bar: Progress = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("{task.fields[current]}"),
            console=console,
            disable=not enabled,
            transient=True,
        )
        self._task: TaskID = self._bar.add_task("extract", total=total, failed=0, current="")

    def __enter__(self) -> BarProgress:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def started(self, job: Job) -> None:
        """Show `job` as the current file."""
        self._bar.update(self._task, current=str(job.source))

    def finished(self, result: FileResult) -> None:
        """Count `result`; report a new failure on one line (with its traceback under --debug)."""
        if result.failure and result.status == "failed":
            self.failed += 1
            self.console.print(f"error: {result.failure.message}", markup=False)
            if self.debug and result.traceback:
                self.console.print(result.traceback.rstrip(), markup=False)
        self._bar.update(self._task, advance=1, failed=self.failed)


def summary_table(report: BatchReport) -> Table:
    """One row per file, named as in the output folder: what was extracted, or why not."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("file", overflow="fold")
    for name in SUMMARY_COLUMNS:
        table.add_column(name, justify="right")
    table.add_column("status", overflow="fold")
    out_dir = report.errors_file.parent
    for result in report.results:
        counts = result.counts
        numbers = (
            [
                str(n)
                for n in (
                    counts.themes,
                    counts.references,
                    counts.organisations,
                    counts.budget_lines,
                    counts.findings,
                )
            ]
            if counts
            else [""] * 5
        )
        name = str(Path(result.output).relative_to(out_dir)).removesuffix(".json")
        table.add_row(name, *numbers, status_cell(result))
    return table


def status_cell(result: FileResult) -> str:
    """What happened to the file, in words."""
    if result.failure:
        unchanged = " (unchanged)" if result.status == "skipped" else ""
        return f"failed: {result.failure.error}{unchanged}"
    return "up to date" if result.status == "skipped" else result.status


def totals(report: BatchReport) -> str:
    """The last line of a batch: how many files went which way."""
    up_to_date = sum(result.status == "skipped" and not result.failure for result in report.results)
    extracted, failed = report.count("extracted"), len(report.failures)
    line = f"{extracted} extracted, {up_to_date} up to date, {failed} failed"
    if report.failures:
        line += f" (listed in {report.errors_file})"
    if report.stopped:
        line += f"; stopped at the first failure, {report.not_run} not run (--on-error stop)"
    return line
