"""Read back the JSON records that `ivp extract` wrote, for tables, comparison and diff."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from models import PlanRecord
from pipeline.errors import NoRecords, RecordError

RECORD_SUFFIX = ".json"


def read_record(path: str | Path) -> PlanRecord:
    """One record from its JSON file."""
    path = Path(path)
    try:
        return PlanRecord.model_validate_json(path.read_bytes())
    except OSError as error:
        raise RecordError(path, f"cannot read the file ({error.strerror})", "check the path") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the top level"
        cause = f"not a plan record: {first['msg'].lower()} at {where}"
        raise RecordError(path, cause, "pass JSON files written by `ivp extract`") from None


def record_paths(directory: str | Path) -> tuple[Path, ...]:
    """The record files under a folder (recursively), in sorted order; hidden files skipped."""
    directory = Path(directory)
    if not directory.is_dir():
        raise NoRecords(directory, "is not a folder", "pass the --out folder of `ivp extract`")
    paths = sorted(
        path
        for path in directory.rglob(f"*{RECORD_SUFFIX}")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )
    if not paths:
        raise NoRecords(directory, "holds no .json records", "run `ivp extract PLANS --out FOLDER` first")
    return tuple(paths)


def read_records(directory: str | Path) -> tuple[PlanRecord, ...]:
    """Every record under a folder, ordered by source path and checksum so output is stable."""
    records = [read_record(path) for path in record_paths(directory)]
    return tuple(sorted(records, key=lambda r: (r.source.path, r.source.sha256)))
