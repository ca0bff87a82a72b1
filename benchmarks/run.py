"""Run every benchmark and write the figures into benchmarks/RESULTS.md.

    python -m benchmarks.run [--repeat N] [--copies N] [--results PATH]

Only the part of RESULTS.md between this script's markers is rewritten, so
sections written by other benchmark scripts (PDF loader, batch) survive.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks import machine, measure

CORPUS = measure.ROOT / "corpus"
INPUTS = (
    "nijmegen-ivp-2022-2026-college.txt",
    "nijmegen-ivp-2022-2026-amended.md",
    "nijmegen-ivp-2022-2026-amended.docx",
    "nijmegen-ivp-2022-2026-amended.pdf",
)
TEXT_PLAN = CORPUS / "nijmegen-ivp-2022-2026-college.txt"
PDF_PLAN = CORPUS / "nijmegen-ivp-2022-2026-amended.pdf"
# Plans of other municipalities (held-out texts) that warm a process before a plan it has not seen.
HELD_OUT = sorted((measure.ROOT / "benchmarks" / "annotations").glob("heldout-*.txt"))
BEGIN = "<!-- benchmarks.run: begin -->"
END = "<!-- benchmarks.run: end -->"
TARGET_TEXT, TARGET_PDF, TARGET_HELP = 2.0, 1.3, 0.5


def ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 1000:.1f} ms"


def verdict(ok: bool) -> str:
    return "meets the target" if ok else "MISSES the target"


def end_to_end_section(repeat: int) -> list[str]:
    lines = [
        "### End to end",
        "",
        "| input | format | time per plan | plans/s | pages | pages/s |",
        "|---|---|---|---|---|---|",
    ]
    for name in INPUTS:
        row = measure.end_to_end(CORPUS / name, repeat)
        if row.seconds is None:
            lines.append(f"| {name} | {row.format} | failed: {row.error} | | | |")
            continue
        pages = row.pages if row.pages is not None else "n/a"
        per_page = f"{row.pages / row.seconds:.1f}" if row.pages else "n/a"
        rate = f"{1 / row.seconds:.2f}"
        lines.append(f"| {name} | {row.format} | {ms(row.seconds)} | {rate} | {pages} | {per_page} |")
    return [*lines, ""]


def stages_section(repeat: int) -> list[str]:
    rows = measure.stage_times(TEXT_PLAN, repeat)
    slowest = max(rows, key=lambda row: row[1])
    lines = [f"### Time per stage ({TEXT_PLAN.name})", "", "| stage | median |", "|---|---|"]
    lines += [f"| {stage} | {ms(value)} |" for stage, value in rows]
    lines += ["", f"Slowest stage: **{slowest[0]}** ({ms(slowest[1])}).", ""]
    profile = measure.extractor_profile(TEXT_PLAN)
    whole = next(value for stage, value in rows if stage.startswith("extract"))
    total = sum(value for _, value in profile) or 1.0
    if profile:
        lines += [
            "Inside the extract stage, per function `extract_record` calls: its share of one run",
            "under cProfile (which inflates Python-heavy code), and that share of the median above.",
            "",
            "| function | share | estimate |",
            "|---|---|---|",
            *[f"| `{name}` | {value / total:.0%} | {ms(whole * value / total)} |" for name, value in profile],
            "",
        ]
    return lines


def ratio_row(comparison: str, pair: measure.Pair, target: float) -> str:
    """A table row: medians of both sides (wall and CPU), the ratios, and the verdict on CPU."""
    cells = [
        comparison,
        f"{ms(pair.wall[0])} / {ms(pair.cpu[0])}",
        f"{ms(pair.wall[1])} / {ms(pair.cpu[1])}",
        f"{pair.wall_ratio:.2f}x / {pair.cpu_ratio:.2f}x",
        f"<= {target}x: {verdict(pair.cpu_ratio <= target)}",
    ]
    return "| " + " | ".join(cells) + " |"


def ratios_section(repeat: int) -> list[str]:
    lines = [
        "### Ratios (measured side by side, medians)",
        "",
        "Each pair runs alternately in one process; wall-clock / CPU time of this process. The",
        "verdict uses CPU time, which other jobs on a shared machine disturb least. \"Pipeline\" is",
        "every stage `ivp extract` runs for a file (load to JSON text), short of writing the file.",
        "",
        "| comparison | pipeline (wall / CPU) | floor (wall / CPU) | ratio (wall / CPU) | target |",
        "|---|---|---|---|---|",
    ]
    what = f"{TEXT_PLAN.name} vs `spacy.blank('nl')` + sentencizer on its normalised text"
    lines.append(ratio_row(what, measure.text_against_spacy(TEXT_PLAN, repeat), TARGET_TEXT))
    first = measure.first_sight(TEXT_PLAN, HELD_OUT, repeat)
    what = (
        f"{TEXT_PLAN.name} seen for the first time, after {len(HELD_OUT)} other plans, vs the same "
        "for the bare pass (CPU only; fresh processes)"
    )
    lines.append(f"| {what} | failed | | | |" if first is None else ratio_row(what, first, TARGET_TEXT))
    what = f"{PDF_PLAN.name} vs pdfminer.six `extract_text`"
    if measure.end_to_end(PDF_PLAN, 1).seconds is None:
        lines.append(f"| {what} | failed | | | no PDF loader in this build |")
    else:
        lines.append(ratio_row(what, measure.pdf_against_pdfminer(PDF_PLAN, repeat), TARGET_PDF))
    start = measure.help_start(repeat)
    lines += [
        "",
        f"`ivp --help` starts in {ms(start.wall[0])} (wall clock, a fresh process; a bare "
        f"`python -c pass` takes {ms(start.wall[1])}): target < {TARGET_HELP} s, "
        f"{verdict(start.wall[0] < TARGET_HELP)}.",
    ]
    return [*lines, ""]


def memory_section() -> list[str]:
    lines = [
        "### Peak memory (fresh process per plan, VmHWM)",
        "",
        "| input | peak RSS |",
        "|---|---|",
    ]
    for name in INPUTS:
        peak = measure.peak_memory_mb(CORPUS / name)
        lines.append(f"| {name} | {'failed' if peak is None else f'{peak:.0f} MB'} |")
    return [*lines, ""]


def scaling_section(copies: int) -> list[str]:
    title = f"### Scaling ({copies} copies of {TEXT_PLAN.name} through `ivp extract --workers N`)"
    if "--workers" not in measure.extract_options():
        return [
            title,
            "",
            "Not measured: this build's `ivp extract` has no `--workers` option yet.",
            "",
        ]
    counts = sorted({1, 2, os.cpu_count() or 1})
    rows = measure.scaling(TEXT_PLAN, copies, counts)
    base = rows[0][1]
    lines = [title, "", "| workers | seconds | plans/s | speed-up |", "|---|---|---|---|"]
    for count, value in rows:
        if value is None:
            lines.append(f"| {count} | failed | | |")
        else:
            speedup = f"{base / value:.2f}x" if base else "n/a"
            lines.append(f"| {count} | {value:.2f} | {copies / value:.1f} | {speedup} |")
    return [*lines, ""]


def section(repeat: int, copies: int) -> list[str]:
    steps: tuple[tuple[str, Callable[[], list[str]]], ...] = (
        ("end to end", lambda: end_to_end_section(repeat)),
        ("stages", lambda: stages_section(repeat)),
        ("ratios", lambda: ratios_section(repeat)),
        ("memory", memory_section),
        ("scaling", lambda: scaling_section(copies)),
    )
    today = datetime.date.today().isoformat()
    lines = [
        BEGIN,
        "## Pipeline benchmarks (`make bench`)",
        "",
        f"Run on {today}, medians of {repeat} runs.",
        "",
    ]
    lines += ["### Machine", "", *machine.describe(), ""]
    for name, step in steps:
        print(f"benchmark: {name} ...", file=sys.stderr, flush=True)
        lines += step()
    return [*lines, END]


def merge(existing: str, lines: list[str]) -> str:
    """`existing` with this script's section replaced (or appended), other sections untouched."""
    block = "\n".join(lines)
    if BEGIN in existing and END in existing:
        head, rest = existing.split(BEGIN, 1)
        return head + block + rest.split(END, 1)[1]
    prefix = existing.rstrip("\n") + "\n\n" if existing.strip() else "# Benchmark results\n\n"
    return prefix + block + "\n"


def main(argv: list[str] | None = None) -> None:
    """Parse options, run the benchmarks, write the results file and print our section."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median is reported)")
    parser.add_argument("--copies", type=int, default=60, help="plan copies for the worker scaling run")
    parser.add_argument("--results", type=Path, default=measure.ROOT / "benchmarks" / "RESULTS.md")
    options = parser.parse_args(argv)
    lines = section(max(1, options.repeat), max(1, options.copies))
    existing = options.results.read_text(encoding="utf-8") if options.results.is_file() else ""
    options.results.write_text(merge(existing, lines), encoding="utf-8")
    print("\n".join(lines[1:-1]))


if __name__ == "__main__":
    main()
