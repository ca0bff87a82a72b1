"""Export stage: a record -> deterministic JSON bytes, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import orjson

from models import SCHEMA_VERSION, PlanRecord


def to_json(record: PlanRecord) -> str:
    """The record as JSON: stable key order, no timestamps, two-space indent, trailing newline."""
    return json_bytes(record).decode("utf-8")


def json_bytes(record: PlanRecord) -> bytes:
    """`to_json` as the UTF-8 bytes written to disk: the writer needs no str to encode again."""
    # orjson writes what json.dumps(indent=2, sort_keys=True, ensure_ascii=False) writes, about
    # 15 times faster: the standard library falls back to pure Python as soon as it indents.
    # orjson appends the newline itself: adding it to the text would copy the whole text again.
    data = record.model_dump(mode="json")
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` via a temporary file and a rename, never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
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
