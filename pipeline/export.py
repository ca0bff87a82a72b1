"""Export stage: a record -> deterministic JSON bytes, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import orjson

from models import SCHEMA_VERSION, PlanRecord


def to_json(record: PlanRecord) -> str:
    """The record as JSON: stable key order, UTF-8, no timestamps, two-space indent, trailing newline."""
    # orjson writes what json.dumps(indent=2, sort_keys=True, ensure_ascii=False) writes, about
    # 15 times faster: the standard library falls back to pure Python as soon as it indents.
    # orjson appends the newline itself: adding it to the decoded text would copy the whole text again.
    data = record.model_dump(mode="json")
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return orjson.dumps(data, option=options).decode("utf-8")


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` via a temporary file and a rename, never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates files readable by the owner only; outputs are meant to be shared.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of a plan record."""
    schema = PlanRecord.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    # A name, not an address: the schema ships with ivp (`ivp schema`) and is not hosted anywhere.
    schema["$id"] = f"urn:ivp:schema:plan-record:{SCHEMA_VERSION}"
    return schema
