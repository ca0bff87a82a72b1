"""Batch extraction: many plans, each isolated, resumable, under one failure policy.

A batch is `discover` (files -> jobs), `up_to_date` (resume), `process` (one file,
run by an engine in a worker), and `run_batch`, which ties them together, applies
the failure policy and rewrites `errors.jsonl`.
"""

from __future__ import annotations

import hashlib
import json
import stat
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import Field, ValidationError

from models import SCHEMA_VERSION, PlanRecord
from models.base import Record
from pipeline.discover import Job, is_inside
from pipeline.errors import PlanError, ReferenceDataError, TimedOut, TooLarge, UnsafeOutput
from pipeline.export import write_atomic
from pipeline.limits import Limits
from pipeline.nlp import expected_pipeline_name
from pipeline.resources import Resources
from pipeline.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from pipeline.engines import Engine

ERRORS_FILE = "errors.jsonl"
DEFAULT_TIMEOUT = 600.0
INTERNAL_ERROR = "InternalError"
# Failures that depend on the limits, the reference data or the machine rather than on the
# file: retried on resume.
RETRIED_ERRORS = frozenset({TooLarge.__name__, TimedOut.__name__, ReferenceDataError.__name__, INTERNAL_ERROR})
# Top-level module under pipeline/ -> the stage it implements, to name the stage of a bug.
STAGE_OF_MODULE = {
    "load": "load",
    "normalise": "normalise",
    "segment": "segment",
    "extractors": "extract",
    "nlp": "extract",
    "spans": "extract",
    "validate": "validate",
    "export": "export",
}

Status = Literal["extracted", "skipped", "failed"]


class BatchSettings(Record):
    """What every file of a batch is extracted with."""

    out_dir: Path
    limits: Limits = Limits()
    resources: Resources = Field(
        default=Resources(), description="The user's laws file and gazetteer (--laws, --organisations)."
    )
    timeout: float | None = Field(
        default=DEFAULT_TIMEOUT, description="Seconds per file; None: no limit."
    )
    force: bool = Field(default=False, description="Redo files whose output is up to date.")


class Counts(Record):
    """How much was extracted from one plan: the columns of the summary table."""

    themes: int
    references: int
    organisations: int
    budget_lines: int
    findings: int

    @classmethod
    def of(cls, record: PlanRecord) -> Counts:
        """The counts of `record`."""
        return cls(
            themes=len(record.themes),
            references=len(record.legal_references),
            organisations=len(record.organisations),
            budget_lines=sum(len(table.lines) for table in record.budget),
            findings=len(record.findings),
        )


class Failure(Record):
    """Why one file has no record: one line of errors.jsonl."""

    path: str
    error: str = Field(description="Exception class, e.g. CorruptFile, TimedOut, InternalError.")
    stage: str = Field(description="load, normalise, segment, extract, validate or export.")
    message: str = Field(description="One line naming the file, the cause and the fix.")
    sha256: str | None = Field(default=None, description="Of the input, when it could be read.")
    pipeline_version: str = PIPELINE_VERSION


class FileResult(Record):
    """What happened to one file of a batch."""

    path: str
    output: str
    status: Status
    counts: Counts | None = None
    failure: Failure | None = None
    traceback: str | None = Field(default=None, description="For --debug; never written to disk.")


class BatchReport(Record):
    """The outcome of a batch, one result per file in input order."""

    results: tuple[FileResult, ...]
    errors_file: Path
    stopped: bool = Field(
        default=False, description="Whether --on-error stop ended the batch early."
    )
    not_run: int = Field(default=0, description="Files left undone because the batch stopped.")

    def count(self, status: Status) -> int:
        """How many files ended with `status`."""
        return sum(result.status == status for result in self.results)

    @property
    def failures(self) -> tuple[Failure, ...]:
        """Every failure of this batch, new or carried over, in input order."""
        return tuple(result.failure for result in self.results if result.failure)


class BatchStopped(Exception):
    """Raised by the `stop` failure policy to end a batch at its first failure."""

    def __init__(self, result: FileResult) -> None:
        self.result = result
        super().__init__(result.failure.message if result.failure else result.path)


ErrorHandler = Callable[[FileResult], None]


def record_failure(result: FileResult) -> None:
    """Failure policy `record`: the failure is listed in errors.jsonl and the batch goes on."""


def stop_at_failure(result: FileResult) -> None:
    """Failure policy `stop`: end the batch at the first failure."""
    raise BatchStopped(result)


# The failure policy, chosen by --on-error; nothing else in a batch decides what a failure does.
ERROR_HANDLERS: dict[str, ErrorHandler] = {"record": record_failure, "stop": stop_at_failure}


class Progress(Protocol):
    """Told about each file as the batch goes (the progress bar of the CLI)."""

    def started(self, job: Job) -> None: ...

    def finished(self, result: FileResult) -> None: ...


class NoProgress:
    """Progress that shows nothing."""

    def started(self, job: Job) -> None:
        """Ignore a file being started."""

    def finished(self, result: FileResult) -> None:
        """Ignore a file being finished."""


def process(job: Job, settings: BatchSettings) -> FileResult:
    """Extract one plan and write its record; a failure of any kind comes back as data."""
    from pipeline.compose import extract
    from pipeline.export import json_bytes

    try:
        if not is_inside(job.output, settings.out_dir):
            raise UnsafeOutput(
                job.source,
                f"its output {job.output} lies outside {settings.out_dir}",
                "remove the symbolic link inside the output folder",
            )
        record = extract(job.source, settings.limits, settings.resources)
        write_atomic(job.output, json_bytes(record))
    except Exception as error:  # the one place where a file's failure becomes data
        return failed(job, error, error.__traceback__)
    return FileResult(
        path=str(job.source), output=str(job.output), status="extracted", counts=Counts.of(record)
    )


def failed(job: Job, error: BaseException, trace: TracebackType | None = None) -> FileResult:
    """The result of a file whose extraction raised `error`."""
    if isinstance(error, PlanError):
        kind, stage, message = type(error).__name__, error.stage, str(error)
    else:
        kind, stage = INTERNAL_ERROR, stage_of(trace)
        cause = " ".join(f"{type(error).__name__}: {error}".split())
        message = (
            f"{job.source}: internal error: {cause} "
            "(a bug in ivp: please report it with the output of --debug)"
        )
    failure = Failure(
        path=str(job.source),
        error=kind,
        stage=stage,
        message=message,
        sha256=file_sha256(job.source),
    )
    text = "".join(traceback.format_exception(type(error), error, trace)) if trace else None
    return FileResult(
        path=str(job.source),
        output=str(job.output),
        status="failed",
        failure=failure,
        traceback=text,
    )


def timed_out(job: Job, seconds: float | None) -> FileResult:
    """The result of a file abandoned after the per-file time limit."""
    limit = f"{seconds:g} s" if seconds else "the time limit"
    error = TimedOut(
        job.source, f"took longer than {limit} to extract", "raise the limit with --timeout"
    )
    return failed(job, error)


def stage_of(trace: TracebackType | None) -> str:
    """The pipeline stage of the innermost frame of `trace` that lies in a stage module."""
    stage = "unknown"
    for frame, _ in traceback.walk_tb(trace):
        module = str(frame.f_globals.get("__name__", "")).split(".")
        if len(module) > 1 and module[0] == "pipeline" and module[1] in STAGE_OF_MODULE:
            stage = STAGE_OF_MODULE[module[1]]
    return stage


def file_sha256(path: Path) -> str | None:
    """The sha256 of the file at `path`, or None when it cannot be read or is no regular file."""
    digest = hashlib.sha256()
    try:
        # Opening a named pipe would wait for a writer: the batch would hang before any time limit.
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def up_to_date(
    job: Job, settings: BatchSettings, previous: Mapping[str, Failure]
) -> FileResult | None:
    """The earlier result of `job` when its input, reference data and pipeline version are unchanged, else None.

    A record counts when its input sha256, pipeline and schema versions, spaCy pipeline and
    reference data files (kind and sha256, not where they lie) match (installing
    nl_core_news_sm makes every record out of date); an earlier failure counts when it
    depends on the file alone (not on limits, reference data or a bug).
    """
    if settings.force:
        return None
    digest = file_sha256(job.source)
    if digest is None:
        return None
    record = read_record(job.output)
    if (
        record
        and record.source.sha256 == digest
        and record.pipeline_version == PIPELINE_VERSION
        and record.schema_version == SCHEMA_VERSION
        and record.nlp_pipeline == expected_pipeline_name()
        and same_reference_data(record, settings.resources)
    ):
        return FileResult(
            path=str(job.source), output=str(job.output), status="skipped", counts=Counts.of(record)
        )
    failure = previous.get(str(job.source))
    if (
        failure
        and failure.sha256 == digest
        and failure.pipeline_version == PIPELINE_VERSION
        and failure.error not in RETRIED_ERRORS
    ):
        return FileResult(
            path=str(job.source), output=str(job.output), status="skipped", failure=failure
        )
    return None


def same_reference_data(record: PlanRecord, resources: Resources) -> bool:
    """Whether `record` was made with reference data files of the same content as `resources`."""
    made_with = {(file.kind, file.sha256) for file in record.reference_files}
    return made_with == {(file.kind, file.sha256) for file in resources.files()}


def read_record(path: Path) -> PlanRecord | None:
    """The record at `path`, or None when there is none or it is not a valid record."""
    try:
        return PlanRecord.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return None


def read_failures(path: Path) -> dict[str, Failure]:
    """The failures listed in an errors.jsonl, by input path; unreadable lines are ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    failures: dict[str, Failure] = {}
    for line in lines:
        try:
            failure = Failure.model_validate_json(line)
        except ValidationError:
            continue
        failures[failure.path] = failure
    return failures


def write_failures(path: Path, failures: Iterable[Failure]) -> None:
    """Rewrite errors.jsonl with `failures`, one JSON object per line, keys sorted."""
    lines = (
        json.dumps(failure.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        for failure in failures
    )
    write_atomic(path, "".join(line + "\n" for line in lines))


def run_batch(
    jobs: Iterable[Job],
    settings: BatchSettings,
    engine: Engine,
    on_error: ErrorHandler = record_failure,
    progress: Progress | None = None,
) -> BatchReport:
    """Extract `jobs` on `engine`, skipping up-to-date files; rewrite errors.jsonl."""
    from pipeline.engines import stream

    jobs = tuple(jobs)
    progress = progress or NoProgress()
    errors_file = settings.out_dir / ERRORS_FILE
    previous = read_failures(errors_file)
    results: dict[Path, FileResult] = {}
    todo: list[Job] = []
    for job in jobs:
        earlier = up_to_date(job, settings, previous)
        if earlier:
            results[job.source] = earlier
            progress.finished(earlier)
        else:
            todo.append(job)
    stopped = False
    try:
        # closing(): a stop must cancel the files in flight now, not when the generator is collected.
        with closing(stream(engine, todo, settings, progress)) as results_stream:
            for result in results_stream:
                results[Path(result.path)] = result
                progress.finished(result)
                if result.failure:
                    on_error(result)
    except BatchStopped:
        stopped = True
    finally:
        # Also on Ctrl-C: the failures seen so far are never lost.
        done = [results[job.source] for job in jobs if job.source in results]
        write_failures(errors_file, (result.failure for result in done if result.failure))
    return BatchReport(
        results=tuple(done), errors_file=errors_file, stopped=stopped, not_run=len(jobs) - len(done)
    )


def default_workers() -> int:
    """All cores this process may use."""
    import os

    if sys.platform == "linux":
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
