"""Find the plan files of a batch and give each a safe, unique output path."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from models.base import Record

# Files we write ourselves; a folder being extracted may hold old outputs.
OUTPUT_SUFFIXES = (".json", ".jsonl")
# Characters that are unsafe or invalid in file names on common file systems.
UNSAFE_CHARACTERS = frozenset('<>:"/\\|?*')
# Leaves room for the ".json" suffix and a hash under the usual 255-byte limit.
MAX_NAME_BYTES = 200


class Job(Record):
    """One plan file of a batch and where its record goes."""

    source: Path
    output: Path


def discover(paths: Sequence[Path], out_dir: Path) -> tuple[Job, ...]:
    """The plan files under `paths` in a stable order, each with its output path in `out_dir`.

    Folders are walked recursively; hidden files and folders, the output folder
    and files we write ourselves (.json, .jsonl) are left out. A file named twice
    is taken once. Output paths keep each file's path relative to the folder the
    inputs share, so equal names in different folders never overwrite each other.
    """
    out_dir_abs = _absolute(out_dir)
    found: dict[Path, tuple[Path, Path]] = {}  # real path -> (path as given, its root)
    for given in paths:
        if given.is_dir():
            for file in _walk(given, out_dir_abs):
                found.setdefault(_real(file), (file, given))
        else:
            found.setdefault(_real(given), (given, given.parent))
    if not found:
        return ()
    roots = [_absolute(root) for _, root in found.values()]
    common = Path(os.path.commonpath(roots))
    jobs = [
        Job(source=file, output=out_dir / output_name(_absolute(file).relative_to(common)))
        for file, _ in found.values()
    ]
    return tuple(sorted(jobs, key=lambda job: job.output.parts))


def output_name(relative: Path) -> Path:
    """The output path, relative to the output folder, for an input at `relative`."""
    parts = [safe_component(part) for part in relative.parts]
    parts[-1] += ".json"
    return Path(*parts)


def safe_component(name: str) -> str:
    """`name` as a harmless file name; a changed name gets a hash of the original to stay unique."""
    cleaned = "".join(
        "_" if char in UNSAFE_CHARACTERS or unicodedata.category(char).startswith("C") else char
        for char in name
    )
    # A leading dot would hide the output; "." and ".." would leave the folder.
    cleaned = cleaned.lstrip(". ").rstrip(". ")
    if len(cleaned.encode("utf-8")) > MAX_NAME_BYTES:
        cleaned = cleaned.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", errors="ignore")
    if cleaned == name:
        return name
    digest = hashlib.sha256(name.encode("utf-8", errors="surrogateescape")).hexdigest()[:8]
    return f"{cleaned or 'unnamed'}-{digest}"


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with symbolic links followed, lies inside `folder`."""
    return _real(path).is_relative_to(_real(folder))


def _walk(folder: Path, out_dir_abs: Path) -> Iterator[Path]:
    for directory, subfolders, files in os.walk(folder):
        here = Path(directory)
        # Pruning in place is how os.walk is told not to descend; sorting keeps the order stable.
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".") and _absolute(here / name) != out_dir_abs
        )
        yield from (here / name for name in sorted(files) if _is_candidate(name))


def _is_candidate(name: str) -> bool:
    return not name.startswith(".") and not name.lower().endswith(OUTPUT_SUFFIXES)


def _real(path: Path) -> Path:
    """`path` with symbolic links followed; a link that loops stays as it is (loading it will fail)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return _absolute(path)


def _absolute(path: Path) -> Path:
    # Lexical, not resolve(): the user's view of the folders decides the output layout.
    return Path(os.path.abspath(path))
