"""Benchmark: the PDF loader against plain pdfminer.six `extract_text`, speed and peak memory.

Run from the repository root:  python -m benchmarks.pdf_loader [--repeat 3] [--pages 300]

Speed is pages per CPU second (process time: the machine may be shared, so wall
time is shown but not compared) on the amended sample plan and on a long PDF
built by repeating it; peak memory (max RSS) is measured in a fresh child
process per run so that one measurement cannot inflate the next.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from pdfminer.high_level import extract_text
from pypdf import PdfReader, PdfWriter

from models import Source
from pipeline.load.pdf import load_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "corpus" / "nijmegen-ivp-2022-2026-amended.pdf"
KINDS = ("ivp", "extract_text")


def build_long_pdf(source: Path, pages: int, target: Path) -> int:
    """Write a PDF of about `pages` pages by repeating `source`; return its page count."""
    reader = PdfReader(source)
    writer = PdfWriter()
    while len(writer.pages) < pages:
        for page in reader.pages[: pages - len(writer.pages)]:
            writer.add_page(page)
    with target.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def run_once(kind: str, path: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) one loader takes on `path`."""
    data = path.read_bytes()
    start, start_cpu = time.perf_counter(), time.process_time()
    if kind == "ivp":
        load_pdf(data, Source(path=str(path), sha256="", format="pdf"))
    else:
        extract_text(io.BytesIO(data))
    return time.process_time() - start_cpu, time.perf_counter() - start


def measure(kind: str, path: Path) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS in MB) of one run in a fresh child process."""
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.pdf_loader", "--child", kind, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    stdout, _ = child.communicate()
    if child.returncode:
        raise SystemExit(f"child run of {kind} on {path} failed with exit code {child.returncode}")
    cpu, wall, rss = (float(value) for value in stdout.split())
    return cpu, wall, rss


def traced(path: Path) -> tuple[float, float]:
    """(MB the loaded document holds, peak MB while loading), by tracemalloc.

    The document itself grows with the page count; the peak should exceed it by
    no more than one page's layout objects.
    """
    data = path.read_bytes()
    tracemalloc.start()
    document = load_pdf(data, Source(path=str(path), sha256="", format="pdf"))
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert document.lines
    return retained / 1e6, peak / 1e6


def _child(kind: str, path: Path) -> None:
    if kind == "traced":
        print(*traced(path))
        return
    cpu, wall = run_once(kind, path)
    # ru_maxrss is in kilobytes on Linux.
    print(cpu, wall, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def machine() -> str:
    """nproc, CPU model and Python version: the context the figures hold for."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"
    )


def report(label: str, path: Path, pages: int, repeat: int) -> list[str]:
    """Markdown table rows: best-of-`repeat` speed and peak memory for both loaders."""
    results: dict[str, tuple[float, float, float]] = {}
    for kind in KINDS:
        runs = [measure(kind, path) for _ in range(repeat)]
        results[kind] = (
            min(cpu for cpu, _, _ in runs),
            min(wall for _, wall, _ in runs),
            statistics.median(rss for _, _, rss in runs),
        )
    ratio = results["ivp"][0] / results["extract_text"][0]
    return [
        f"| {label} | {pages} | {kind} | {cpu:.2f} | {pages / cpu:.1f} | {wall:.2f} | {rss:.0f} | "
        + (f"{ratio:.2f}x |" if kind == "ivp" else "1.00x |")
        for kind, (cpu, wall, rss) in results.items()
    ]


def memory_rows(label: str, path: Path, pages: int) -> str:
    """A markdown row: what the loaded document holds and the peak while loading."""
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.pdf_loader", "--child", "traced", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    retained, peak = (float(value) for value in child.stdout.split())
    return f"| {label} | {pages} | {retained:.1f} | {peak:.1f} | {peak - retained:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best time)")
    parser.add_argument("--pages", type=int, default=300, help="pages of the long PDF")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    print(f"Machine: {machine()}\n")
    print("| file | pages | loader | CPU s | pages/CPU s | wall s | peak RSS MB | CPU ratio |")
    print("|---|---|---|---|---|---|---|---|")
    fixture_pages = len(PdfReader(FIXTURE).pages)
    for row in report("amended sample", FIXTURE, fixture_pages, args.repeat):
        print(row, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        long_pdf = Path(folder) / "long.pdf"
        pages = build_long_pdf(FIXTURE, args.pages, long_pdf)
        for row in report("repeated sample", long_pdf, pages, max(1, args.repeat - 2)):
            print(row, flush=True)
        print("\n| file | pages | loaded document MB | peak MB | peak above document MB |")
        print("|---|---|---|---|---|")
        print(memory_rows("amended sample", FIXTURE, fixture_pages), flush=True)
        print(memory_rows("repeated sample", long_pdf, pages), flush=True)


if __name__ == "__main__":
    main()
