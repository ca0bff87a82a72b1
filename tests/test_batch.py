"""Batch extraction as a library: discovery, safe output names, resume, engines, determinism."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from pipeline import extract_many
from pipeline.batch import (
    BatchSettings,
    FileResult,
    failed,
    process,
    run_batch,
    stop_at_failure,
    up_to_date,
)
from pipeline.discover import Job, discover, output_name, safe_component
from pipeline.engines import LocalEngine
from pipeline.errors import EmptyDocument, PlanError
from pipeline.nlp import expected_pipeline_name
from pipeline.version import PIPELINE_VERSION

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
COLLEGE = CORPUS / "nijmegen-ivp-2022-2026-college.txt"

# Small plans in styles other than Nijmegen's: Roman numerals, "Prioriteit" headings.
ZUIDERVEEN = """Integraal Veiligheidsplan 2024-2027
Gemeente Zuiderveen

I. Woninginbraak
Opgave: het aantal woninginbraken daalt.
Ambitie: minder dan 40 inbraken per jaar (artikel 172 Gemeentewet).

II. Jeugdoverlast
Opgave: overlast van jongeren in het centrum.
"""
OOSTERHAVEN = """# Veiligheidsagenda Oosterhaven 2025-2028

## Prioriteit 1 - Ondermijning
Samen met politie en het RIEC pakken we ondermijning aan.

## Prioriteit 2 - Zorg en veiligheid
Personen met verward gedrag krijgen sneller hulp.
"""


def write(path: Path, content: str | bytes) -> Path:
    """Write a test file, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def plans(folder: Path) -> Path:
    """A folder of good plans: the college text and two synthetic ones."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(COLLEGE, folder / COLLEGE.name)
    write(folder / "zuiderveen.txt", ZUIDERVEEN)
    write(folder / "oosterhaven" / "agenda.md", OOSTERHAVEN)
    return folder


@pytest.fixture(scope="module")
def engine() -> Iterator[LocalEngine]:
    """Two worker processes shared by the tests of this module (starting them costs seconds)."""
    pool = LocalEngine(2)
    yield pool
    pool.close()


# -- discovery and output names ------------------------------------------------------------


def test_discover_walks_folders_in_sorted_order_and_skips_hidden_files_and_outputs(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "in"
    write(inputs / "b.txt", "x")
    write(inputs / "a" / "z.md", "x")
    write(inputs / ".hidden.txt", "x")
    write(inputs / ".git" / "plan.txt", "x")
    write(inputs / "old.json", "{}")
    write(inputs / "errors.jsonl", "")
    write(inputs / "out" / "b.txt.json", "{}")
    write(inputs / "out" / "stray.txt", "x")
    jobs = discover([inputs], inputs / "out")
    assert [job.source for job in jobs] == [inputs / "a" / "z.md", inputs / "b.txt"]
    assert [job.output for job in jobs] == [
        inputs / "out" / "a" / "z.md.json",
        inputs / "out" / "b.txt.json",
    ]


def test_equal_names_in_different_folders_get_different_outputs(tmp_path: Path) -> None:
    first = write(tmp_path / "amsterdam" / "ivp.txt", "x")
    second = write(tmp_path / "utrecht" / "ivp.txt", "x")
    jobs = discover([first, second], tmp_path / "out")
    assert [job.output for job in jobs] == [
        tmp_path / "out" / "amsterdam" / "ivp.txt.json",
        tmp_path / "out" / "utrecht" / "ivp.txt.json",
    ]


def test_a_file_named_twice_is_extracted_once(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.txt", "x")
    jobs = discover([plan, tmp_path, tmp_path / "." / "plan.txt"], tmp_path / "out")
    assert [job.source for job in jobs] == [plan]


def digest(name: str) -> str:
    """The first 8 hex digits of the sha256 of `name`, as appended to a changed name."""
    return hashlib.sha256(name.encode()).hexdigest()[:8]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plan.pdf", "plan.pdf"),
        ("Súdwest-Fryslân IVP.docx", "Súdwest-Fryslân IVP.docx"),
        ("a\nb.txt", "a_b.txt-" + digest("a\nb.txt")),
        ('x<1>:"y".txt', "x_1___y_.txt-" + digest('x<1>:"y".txt')),
        (".bashrc", "bashrc-" + digest(".bashrc")),
        ("..", "unnamed-" + digest("..")),
    ],
)
def test_safe_component_keeps_plain_names_and_marks_changed_ones(name: str, expected: str) -> None:
    assert safe_component(name) == expected


def test_names_that_differ_only_in_unsafe_characters_stay_apart() -> None:
    assert safe_component("a:b.txt") != safe_component("a?b.txt")
    assert safe_component("a:b.txt") != "a_b.txt"


def test_output_name_cannot_leave_the_output_folder() -> None:
    crafted = output_name(Path("..") / ".." / "etc" / "passwd")
    assert ".." not in crafted.parts
    assert crafted.parts[-2:] == ("etc", "passwd.json")


def test_an_output_folder_with_a_link_leading_out_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    plan = write(tmp_path / "in" / "sub" / "plan.txt", ZUIDERVEEN)
    result = process(
        Job(source=plan, output=out / "sub" / "plan.txt.json"), BatchSettings(out_dir=out)
    )
    assert result.failure is not None
    assert result.failure.error == "UnsafeOutput"
    assert result.failure.message == (
        f"{plan}: its output {out}/sub/plan.txt.json lies outside {out} "
        "(remove the symbolic link inside the output folder)"
    )
    assert list(outside.iterdir()) == []


# -- one file ---------------------------------------------------------------------------


def test_process_writes_the_record_and_counts_it(tmp_path: Path) -> None:
    plan = write(tmp_path / "zuiderveen.txt", ZUIDERVEEN)
    result = process(
        Job(source=plan, output=tmp_path / "out" / "z.json"),
        BatchSettings(out_dir=tmp_path / "out"),
    )
    assert result.status == "extracted"
    record = json.loads((tmp_path / "out" / "z.json").read_text(encoding="utf-8"))
    assert record["source"]["path"] == str(plan)
    assert "Opgave: het aantal woninginbraken daalt." in record["text"]
    assert result.counts is not None
    assert result.counts.themes == len(record["themes"])


def test_a_bug_becomes_an_internal_error_naming_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.compose

    def broken_segment(document: object) -> object:
        return {}["missing"]

    monkeypatch.setattr(pipeline.compose, "segment", broken_segment)
    plan = write(tmp_path / "plan.txt", ZUIDERVEEN)
    result = process(
        Job(source=plan, output=tmp_path / "out" / "plan.txt.json"),
        BatchSettings(out_dir=tmp_path / "out"),
    )
    assert result.failure is not None
    assert result.failure.error == "InternalError"
    assert result.failure.message == (
        f"{plan}: internal error: KeyError: 'missing' "
        "(a bug in ivp: please report it with the output of --debug)"
    )
    assert result.traceback is not None and "KeyError" in result.traceback


def test_a_plan_error_keeps_its_class_stage_and_message(tmp_path: Path) -> None:
    plan = write(tmp_path / "empty.txt", b"")
    job = Job(source=plan, output=tmp_path / "out" / "empty.txt.json")
    result = failed(job, EmptyDocument(plan, "is empty", "check that the download completed"))
    assert result.failure is not None
    assert (result.failure.error, result.failure.stage) == ("EmptyDocument", "load")
    assert result.failure.message == f"{plan}: is empty (check that the download completed)"
    assert (
        result.failure.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


# -- resume -------------------------------------------------------------------------------


def test_resume_skips_up_to_date_records_and_redoes_changed_inputs(tmp_path: Path) -> None:
    plan = write(tmp_path / "in" / "plan.txt", ZUIDERVEEN)
    out = tmp_path / "out"
    job = discover([plan], out)[0]
    settings = BatchSettings(out_dir=out)
    process(job, settings)
    skipped = up_to_date(job, settings, {})
    assert skipped is not None and skipped.status == "skipped"
    assert up_to_date(job, settings.model_copy(update={"force": True}), {}) is None
    write(plan, ZUIDERVEEN + "\nIII. Cybercrime\n")
    assert up_to_date(job, settings, {}) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [("pipeline_version", "0.0.1"), ("schema_version", "0.9"), ("nlp_pipeline", "nl_other_model 1.0")],
)
def test_resume_redoes_a_record_made_by_another_extractor(tmp_path: Path, field: str, value: str) -> None:
    plan = write(tmp_path / "in" / "plan.txt", ZUIDERVEEN)
    job = discover([plan], tmp_path / "out")[0]
    settings = BatchSettings(out_dir=tmp_path / "out")
    process(job, settings)
    record = json.loads(job.output.read_text(encoding="utf-8"))
    assert record["nlp_pipeline"] == expected_pipeline_name()
    job.output.write_text(json.dumps({**record, field: value}), encoding="utf-8")
    assert up_to_date(job, settings, {}) is None


def test_resume_redoes_a_damaged_output(tmp_path: Path) -> None:
    plan = write(tmp_path / "in" / "plan.txt", ZUIDERVEEN)
    job = discover([plan], tmp_path / "out")[0]
    settings = BatchSettings(out_dir=tmp_path / "out")
    process(job, settings)
    job.output.write_text(job.output.read_text(encoding="utf-8")[:100], encoding="utf-8")
    assert up_to_date(job, settings, {}) is None


# -- whole batches --------------------------------------------------------------------------


def test_one_and_two_workers_write_byte_identical_records(
    tmp_path: Path, engine: LocalEngine
) -> None:
    inputs = plans(tmp_path / "in")
    shutil.copy(CORPUS / "nijmegen-ivp-2022-2026-amended.md", inputs)
    single = LocalEngine(1)
    try:
        run_batch(
            discover([inputs], tmp_path / "one"), BatchSettings(out_dir=tmp_path / "one"), single
        )
    finally:
        single.close()
    run_batch(discover([inputs], tmp_path / "two"), BatchSettings(out_dir=tmp_path / "two"), engine)
    names = sorted(str(p.relative_to(tmp_path / "one")) for p in (tmp_path / "one").rglob("*.json"))
    assert names == [
        "nijmegen-ivp-2022-2026-amended.md.json",
        "nijmegen-ivp-2022-2026-college.txt.json",
        "oosterhaven/agenda.md.json",
        "zuiderveen.txt.json",
    ]
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_the_stop_policy_ends_the_batch_at_the_first_failure(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write(inputs / "a-empty.txt", b"")
    write(inputs / "b.txt", ZUIDERVEEN)
    write(inputs / "c.txt", OOSTERHAVEN)
    single = LocalEngine(1)
    try:
        report = run_batch(
            discover([inputs], tmp_path / "out"),
            BatchSettings(out_dir=tmp_path / "out"),
            single,
            on_error=stop_at_failure,
        )
    finally:
        single.close()
    assert report.stopped
    assert report.results[0].path == str(inputs / "a-empty.txt")
    assert report.not_run >= 1
    lines = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["error"] for line in lines] == ["EmptyDocument"]


def test_a_file_over_the_time_limit_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, engine: LocalEngine
) -> None:
    # Twenty plans in one file: far over the limit, yet under spaCy's max_length.
    plan = write(tmp_path / "slow.txt", COLLEGE.read_text(encoding="utf-8") * 20)
    settings = BatchSettings(out_dir=tmp_path / "out", timeout=0.05)
    report = run_batch(discover([plan], tmp_path / "out"), settings, engine)
    (result,) = report.results
    assert result.failure is not None
    assert result.failure.error == "TimedOut"
    assert result.failure.message == (
        f"{plan}: took longer than 0.05 s to extract (raise the limit with --timeout)"
    )
    assert not (tmp_path / "out" / "slow.txt.json").exists()
    # The pool replaced the killed worker: the next batch still runs.
    write(tmp_path / "next.txt", ZUIDERVEEN)
    again = run_batch(
        discover([tmp_path / "next.txt"], tmp_path / "out"),
        BatchSettings(out_dir=tmp_path / "out"),
        engine,
    )
    assert [r.status for r in again.results] == ["extracted"]


def test_dask_engine_writes_the_same_records_as_local_workers(
    tmp_path: Path, engine: LocalEngine
) -> None:
    pytest.importorskip("distributed")
    from pipeline.engines import DaskEngine

    inputs = plans(tmp_path / "in")
    write(inputs / "empty.txt", b"")
    local = run_batch(
        discover([inputs], tmp_path / "local"), BatchSettings(out_dir=tmp_path / "local"), engine
    )
    cluster = DaskEngine(workers=1, processes=False)
    try:
        dask = run_batch(
            discover([inputs], tmp_path / "dask"), BatchSettings(out_dir=tmp_path / "dask"), cluster
        )
    finally:
        cluster.close()
    assert [(r.path, r.status) for r in dask.results] == [(r.path, r.status) for r in local.results]
    assert [r.status for r in dask.results] == ["failed", "extracted", "extracted", "extracted"]
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.json*"))
    assert [str(name) for name in files] == [
        "errors.jsonl",
        "nijmegen-ivp-2022-2026-college.txt.json",
        "oosterhaven/agenda.md.json",
        "zuiderveen.txt.json",
    ]
    for name in files:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()


def test_dask_engine_abandons_a_file_over_the_time_limit(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from pipeline.engines import DaskEngine

    slow = write(tmp_path / "in" / "slow.txt", COLLEGE.read_text(encoding="utf-8") * 20)
    settings = BatchSettings(out_dir=tmp_path / "out", timeout=0.05)
    cluster = DaskEngine(workers=1, processes=False)
    try:
        report = run_batch(discover([slow], tmp_path / "out"), settings, cluster)
    finally:
        cluster.close()
    (result,) = report.results
    assert result.failure is not None
    assert result.failure.message == f"{slow}: took longer than 0.05 s to extract (raise the limit with --timeout)"


def test_a_worker_that_dies_costs_only_its_file(tmp_path: Path) -> None:
    from concurrent.futures import Future

    from pebble import ProcessExpired

    from pipeline.engines import settle

    plan = write(tmp_path / "plan.txt", ZUIDERVEEN)
    future: Future[FileResult] = Future()
    future.set_exception(ProcessExpired("Abnormal termination", code=-9))
    result = settle(Job(source=plan, output=tmp_path / "out" / "plan.txt.json"), future,
                    BatchSettings(out_dir=tmp_path / "out"))
    assert result.failure is not None
    assert result.failure.error == "InternalError"
    assert result.failure.message == (
        f"{plan}: internal error: ProcessExpired: Abnormal termination "
        "(a bug in ivp: please report it with the output of --debug)"
    )


# -- Python API -----------------------------------------------------------------------------


def test_extract_many_yields_records_and_errors_in_input_order(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    noise = write(tmp_path / "noise.pdf", random.Random(7).randbytes(4096))
    zuiderveen = write(tmp_path / "zuiderveen.txt", ZUIDERVEEN)
    paths = [zuiderveen, empty, COLLEGE, noise]
    sequential = list(extract_many(paths))
    parallel = list(extract_many(paths, workers=2))
    for results in (sequential, parallel):
        assert [type(r).__name__ for r in results] == [
            "PlanRecord",
            "EmptyDocument",
            "PlanRecord",
            "CorruptFile",
        ]
        assert (
            str(results[3])
            == f"{noise}: is named .pdf but is not a PDF (no %PDF header) (re-download the file)"
        )
        assert isinstance(results[1], PlanError) and results[1].stage == "load"
    assert [getattr(r, "text", str(r)) for r in sequential] == [
        getattr(r, "text", str(r)) for r in parallel
    ]


def test_file_results_round_trip_through_json() -> None:
    result = FileResult(path="a.txt", output="out/a.txt.json", status="extracted")
    assert FileResult.model_validate_json(result.model_dump_json()) == result


def test_records_carry_the_installed_package_version() -> None:
    # Resume compares this version, so a release that changes extraction must bump both.
    assert version("ivp") == PIPELINE_VERSION
