"""The measurements: whole plans, single stages, floors to compare with, memory, start-up."""

from __future__ import annotations

import cProfile
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import spacy
from pdfminer.high_level import extract_text

from pipeline import PlanError, extract
from pipeline.export import json_bytes
from pipeline.extractors import plan
from pipeline.load import load
from pipeline.nlp import build_nlp
from pipeline.normalise import normalise
from pipeline.segment import segment
from pipeline.validate import validate

ROOT = Path(__file__).resolve().parent.parent

# How the benchmarks call the CLI of this checkout (not whatever `ivp` is on PATH).
IVP = [sys.executable, "-c", "from pipeline.cli import main; main()"]


def whole_pipeline(path: Path) -> bytes:
    """What `ivp extract` does for one file, short of writing it: every stage up to the JSON bytes."""
    return json_bytes(extract(path))


def seconds(action: Callable[[], object]) -> float:
    """Wall-clock seconds of one call."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall-clock seconds over `repeat` calls."""
    return statistics.median(seconds(action) for _ in range(repeat))


@dataclass(frozen=True)
class Pair:
    """Medians of two actions run alternately: wall-clock and this process's CPU seconds."""

    wall: tuple[float, float]
    cpu: tuple[float, float]

    @property
    def wall_ratio(self) -> float:
        return self.wall[0] / self.wall[1]

    @property
    def cpu_ratio(self) -> float:
        return self.cpu[0] / self.cpu[1]


def side_by_side(first: Callable[[], object], second: Callable[[], object], repeat: int) -> Pair:
    """Run two actions alternately `repeat` times, so drift in machine load hits both alike."""
    wall: tuple[list[float], list[float]] = ([], [])
    cpu: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for index, action in enumerate((first, second)):
            start_cpu, start = time.process_time(), time.perf_counter()
            action()
            wall[index].append(time.perf_counter() - start)
            cpu[index].append(time.process_time() - start_cpu)
    return Pair(
        wall=(statistics.median(wall[0]), statistics.median(wall[1])),
        cpu=(statistics.median(cpu[0]), statistics.median(cpu[1])),
    )


@dataclass(frozen=True)
class EndToEnd:
    """One input file through the whole pipeline."""

    path: Path
    format: str
    seconds: float | None
    pages: int | None
    error: str | None = None


def end_to_end(path: Path, repeat: int) -> EndToEnd:
    """Median seconds of `whole_pipeline(path)` after one warm-up run (which builds the spaCy pipeline)."""

    try:
        record = extract(path)
    except PlanError as error:
        return EndToEnd(path, path.suffix.lstrip("."), None, None, str(error))
    return EndToEnd(
        path,
        record.source.format,
        median_seconds(lambda: whole_pipeline(path), repeat),
        record.source.pages,
    )


def stage_times(path: Path, repeat: int) -> list[tuple[str, float]]:
    """Median seconds of each stage of one plan, spaCy components one by one."""

    loaded = load(path)
    document = normalise(loaded)
    outline = segment(document)
    record = plan.extract_record(document, outline)
    nlp = build_nlp()
    rows = [
        ("load", median_seconds(lambda: load(path), repeat)),
        ("normalise", median_seconds(lambda: normalise(loaded), repeat)),
        ("segment", median_seconds(lambda: segment(document), repeat)),
        ("spaCy: tokenise (make_doc)", median_seconds(lambda: nlp.make_doc(document.text), repeat)),
    ]
    doc = nlp.make_doc(document.text)
    for name, component in nlp.pipeline:
        rows.append((f"spaCy: {name}", median_seconds(partial(component, doc), repeat)))
    whole = median_seconds(lambda: plan.extract_record(document, outline), repeat)
    rows.append(("extract (spaCy pass and all extractors)", whole))
    rows.append(("validate", median_seconds(lambda: validate(record), repeat)))
    rows.append(("export (JSON)", median_seconds(lambda: json_bytes(record), repeat)))
    return rows


def extractor_profile(path: Path) -> list[tuple[str, float]]:
    """Seconds (under cProfile) of each project function `extract_record` calls directly."""

    document = normalise(load(path))
    outline = segment(document)
    plan.extract_record(document, outline)  # warm-up: spaCy pipeline and lazy data
    profile = cProfile.Profile()
    profile.enable()
    plan.extract_record(document, outline)
    profile.disable()
    stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    rows: list[tuple[str, float]] = []
    for (filename, _, function), (_, _, _, cumulative, callers) in stats.items():
        called_by_record = any(caller[2] == "extract_record" and caller[0].endswith("plan.py") for caller in callers)
        if called_by_record and str(ROOT / "pipeline") in filename:
            module = Path(filename).relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
            rows.append((f"{module}.{function}", cumulative))
    return sorted(rows, key=lambda row: -row[1])


def text_against_spacy(path: Path, repeat: int) -> Pair:
    """Whole pipeline vs. spacy.blank('nl') + sentencizer over the same normalised text."""

    text = normalise(load(path)).text
    bare = spacy.blank("nl")
    bare.add_pipe("sentencizer")
    bare(text)
    whole_pipeline(path)
    return side_by_side(lambda: whole_pipeline(path), lambda: bare(text), repeat)


def pdf_against_pdfminer(path: Path, repeat: int) -> Pair:
    """Whole pipeline vs. pdfminer.six extract_text of the same PDF."""

    whole_pipeline(path)
    return side_by_side(lambda: whole_pipeline(path), lambda: extract_text(str(path)), repeat)


# VmHWM, not ru_maxrss: a child started by fork and exec reports its parent's ru_maxrss when
# that is higher, and this parent has run the pipeline many times. Both are in KiB.
PEAK_SCRIPT = """
import re, resource, sys
from pipeline import extract
extract(sys.argv[1])
try:
    with open("/proc/self/status") as status:
        print(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory_mb(path: Path) -> float | None:
    """Peak resident memory (MB) of a fresh process that extracts `path`; None if it fails."""
    printed = fresh_process(PEAK_SCRIPT, str(path))
    return None if printed is None else int(printed[-1]) / 1024


def fresh_process(script: str, *arguments: str) -> list[str] | None:
    """The words `script` prints when run by a fresh interpreter in the checkout; None if it fails."""
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return done.stdout.split() if done.returncode == 0 else None


# The first extraction of a plan in a process that has only seen other plans (as a batch
# worker has, warmed up as a worker is), then the bare spaCy pass over its text, each timed
# once in CPU seconds.
FIRST_SIGHT_SCRIPT = """
import sys, time
import spacy
import pipeline.warm
from benchmarks.measure import whole_pipeline
from pipeline.load import load
from pipeline.normalise import normalise
target, *others = sys.argv[1:]
bare = spacy.blank("nl")
bare.add_pipe("sentencizer")
for other in others:
    whole_pipeline(other)
    bare(normalise(load(other)).text)
start = time.process_time()
whole_pipeline(target)
pipeline = time.process_time() - start
text = normalise(load(target)).text
start = time.process_time()
bare(text)
print(pipeline, time.process_time() - start)
"""


def first_sight(path: Path, others: list[Path], repeat: int) -> Pair | None:
    """CPU medians over `repeat` fresh processes: the first run on `path` after runs on `others`.

    Repeated runs on one plan profit from what the pipeline remembers of its words; this is
    what a batch worker pays for a plan it has not seen. None if the script fails.
    """
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        printed = fresh_process(FIRST_SIGHT_SCRIPT, str(path), *map(str, others))
        if printed is None:
            return None
        pipeline, bare = (float(value) for value in printed[-2:])
        runs[0].append(pipeline)
        runs[1].append(bare)
    cpu = (statistics.median(runs[0]), statistics.median(runs[1]))
    return Pair(wall=cpu, cpu=cpu)


def help_start(repeat: int) -> Pair:
    """Median seconds of `ivp --help` and of a bare interpreter start, side by side."""

    def ivp_help() -> None:
        subprocess.run([*IVP, "--help"], cwd=ROOT, capture_output=True, check=True)

    def bare() -> None:
        subprocess.run([sys.executable, "-c", "pass"], cwd=ROOT, capture_output=True, check=True)

    return side_by_side(ivp_help, bare, repeat)


def extract_options() -> str:
    """The `--help` text of this checkout's `ivp extract` (to see whether it has `--workers`)."""
    done = subprocess.run([*IVP, "extract", "--help"], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout


def scaling(path: Path, copies: int, workers: list[int]) -> list[tuple[int, float | None]]:
    """Seconds of `ivp extract` over copies of one plan, per worker count (None: it failed)."""
    quiet = ["--quiet"] if "--quiet" in extract_options() else []
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        inputs.mkdir()
        data = path.read_bytes()
        for index in range(copies):
            # Distinct bytes per copy, so resume by content hash cannot skip any.
            (inputs / f"plan-{index:03}{path.suffix}").write_bytes(data + f"\n{index}\n".encode())
        rows = []
        for count in workers:
            out = Path(folder) / f"out-{count}"
            command = [
                *IVP,
                "extract",
                str(inputs),
                "--out",
                str(out),
                "--workers",
                str(count),
                *quiet,
            ]
            start = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
            rows.append((count, time.perf_counter() - start if done.returncode == 0 else None))
        return rows
