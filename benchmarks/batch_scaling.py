"""Batch benchmark: speed-up from 1 to 2 workers, and memory over a long batch (issues 7 and 9.3).

    python -m benchmarks.batch_scaling [--copies 50] [--long 500]

Times `run_batch` on COPIES copies of each text plan in corpus/ with one and
with two local worker processes (worker start-up included), then runs LONG
files with two workers and samples the resident memory of every process.
Prints a markdown section for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import psutil

from pipeline.batch import BatchSettings, FileResult, run_batch
from pipeline.discover import Job, discover
from pipeline.engines import LocalEngine

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXT_PLANS = ("nijmegen-ivp-2022-2026-college.txt", "nijmegen-ivp-2022-2026-amended.md")


def make_copies(folder: Path, copies: int) -> Path:
    """`copies` copies of each text plan, each in its own folder so that names stay apart."""
    for index in range(copies):
        target = folder / f"{index:04d}"
        target.mkdir(parents=True)
        for name in TEXT_PLANS:
            shutil.copy(CORPUS / name, target / name)
    return folder


def timed_batch(inputs: Path, out: Path, workers: int) -> tuple[float, float, int]:
    """Seconds for a forced batch over `inputs` with a new pool of `workers`: in all, and once warm.

    In all counts the pool's start (building the spaCy pipeline); once warm times
    the same batch again on the started pool. Also returns the files that failed.
    """
    jobs = discover([inputs], out)
    settings = BatchSettings(out_dir=out, force=True)
    started = time.perf_counter()
    engine = LocalEngine(workers)
    try:
        report = run_batch(jobs, settings, engine)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        run_batch(jobs, settings, engine)
        warm = time.perf_counter() - started
    finally:
        engine.close()
    return cold, warm, len(report.failures)


class MemorySampler:
    """Progress that records the largest resident set of this process and its workers."""

    def __init__(self, every: int) -> None:
        self.every = every
        self.done = 0
        self.samples: list[tuple[int, float, float]] = []  # (files done, main MB, largest worker MB)
        self._main = psutil.Process()

    def started(self, job: Job) -> None:
        """Nothing to record when a file starts."""

    def finished(self, result: FileResult) -> None:
        """Sample memory every `every` files."""
        self.done += 1
        if self.done % self.every:
            return
        # Workers are forked from the forkserver, so they are grandchildren of this process.
        workers = [
            child.memory_info().rss
            for child in self._main.children(recursive=True)
            if child.ppid() != self._main.pid
        ]
        mb = 1024 * 1024
        self.samples.append((self.done, self._main.memory_info().rss / mb, max(workers, default=0) / mb))


def main() -> None:
    """Run both measurements and print the RESULTS.md section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--long", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        inputs = make_copies(root / "in", options.copies)
        files = options.copies * len(TEXT_PLANS)
        cold: dict[int, list[float]] = {1: [], 2: []}
        warm: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(options.repeat):
            for workers in (1, 2):
                seconds, again, failed = timed_batch(inputs, root / f"out{workers}", workers)
                assert failed == 0, f"{failed} files failed"
                cold[workers].append(seconds)
                warm[workers].append(again)

        long_inputs = make_copies(root / "long", options.long // len(TEXT_PLANS))
        sampler = MemorySampler(every=max(1, options.long // 10))
        engine = LocalEngine(2)
        try:
            run_batch(
                discover([long_inputs], root / "out-long"),
                BatchSettings(out_dir=root / "out-long", force=True),
                engine,
                progress=sampler,
            )
        finally:
            engine.close()

    worker_mb = [largest for _, _, largest in sampler.samples]
    print("## Batch\n")
    print(f"Machine: {platform.machine()}, {psutil.cpu_count()} cores, Python {platform.python_version()}.")
    print(
        f"`python -m benchmarks.batch_scaling --copies {options.copies} --long {options.long}`; "
        f"best of {options.repeat}.\n"
    )
    print(f"{files} text plans ({options.copies} copies of each of {len(TEXT_PLANS)}):\n")
    print("| timing | 1 worker | 2 workers | speed-up |")
    print("|---|---|---|---|")
    for label, times in (("pool start included", cold), ("pool already started", warm)):
        one, two = min(times[1]), min(times[2])
        print(f"| {label} | {one:.1f} s | {two:.1f} s | {one / two:.2f}x |")
    print()
    print(f"Memory over {sampler.done} files with 2 workers (resident set, MB):\n")
    print("| files done | main process | largest worker |")
    print("|---|---|---|")
    for done, main_mb, largest in sampler.samples:
        print(f"| {done} | {main_mb:.0f} | {largest:.0f} |")
    growth = worker_mb[-1] - statistics.median(worker_mb[: max(1, len(worker_mb) // 2)])
    print(f"\nLargest worker grew by {growth:.0f} MB from the first half to the end.")


if __name__ == "__main__":
    main()
