"""`ivp extract` in-process: the batch over good and broken files, resume, limits, errors."""

from __future__ import annotations

import json
import logging
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline import extract
from pipeline.cli import main
from pipeline.export import to_json
from pipeline.nlp import model_available

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
COLLEGE = CORPUS / "nijmegen-ivp-2022-2026-college.txt"
HEADER = (
    "file" + " " * 33 + "themes   references   organisations   budget_lines   findings   status"
)
ZUIDERVEEN = """Integraal Veiligheidsplan 2024-2027
Gemeente Zuiderveen

I. Woninginbraak
Opgave: het aantal woninginbraken daalt.
"""


def invoke(*args: str) -> Result:
    """Run `ivp` in-process, stdout and stderr kept apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def lines(text: str) -> list[str]:
    """The lines of `text` without trailing blanks (rich pads table cells)."""
    return [line.rstrip() for line in text.splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with good plans and the broken files of the ingestion issue."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(COLLEGE, folder)
    shutil.copy(CORPUS / "nijmegen-ivp-2022-2026-amended.md", folder)
    (folder / "gemeente").mkdir()
    (folder / "gemeente" / "zuiderveen.txt").write_text(ZUIDERVEEN, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    noise = random.Random(9).randbytes(4096)
    (folder / "noise.pdf").write_bytes(noise)
    (folder / "noise.txt").write_bytes(noise)
    (folder / "truncated.pdf").write_bytes(
        (CORPUS / "nijmegen-ivp-2022-2026-amended.pdf").read_bytes()[:3000]
    )
    return folder


def test_batch_over_good_and_broken_files_then_a_second_run_skips_everything(
    mixed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = invoke("extract", str(mixed), "--out", str(out), "--workers", "2")
    assert first.exit_code == 1
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.json")) == [
        "gemeente/zuiderveen.txt.json",
        "nijmegen-ivp-2022-2026-amended.md.json",
        "nijmegen-ivp-2022-2026-college.txt.json",
    ]
    errors = [
        json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(e["path"], e["error"], e["stage"]) for e in errors[:3]] == [
        (str(mixed / "empty.txt"), "EmptyDocument", "load"),
        (str(mixed / "noise.pdf"), "CorruptFile", "load"),
        (str(mixed / "noise.txt"), "BinaryContent", "load"),
    ]
    assert [e["message"] for e in errors[:3]] == [
        f"{mixed}/empty.txt: is empty (check that the download completed)",
        f"{mixed}/noise.pdf: is named .pdf but is not a PDF (no %PDF header)"
        " (re-download the file)",
        f"{mixed}/noise.txt: holds binary data, not text (check the file type)",
    ]
    # How a truncated PDF is reported belongs to the PDF loader; here it must be a clean load error.
    assert errors[3]["path"] == str(mixed / "truncated.pdf")
    assert errors[3]["stage"] == "load"
    assert errors[3]["message"].startswith(f"{mixed}/truncated.pdf: ")
    assert len(errors) == 4
    assert set(errors[0]) == {"path", "error", "stage", "message", "sha256", "pipeline_version"}
    assert sorted(lines(first.stderr)[:4]) == sorted(f"error: {e['message']}" for e in errors)
    assert (
        lines(first.stderr)[-1]
        == f"3 extracted, 0 up to date, 4 failed (listed in {out}/errors.jsonl)"
    )
    table = lines(first.stdout)
    assert table[0] == HEADER
    assert table[2] == "empty.txt" + " " * 92 + "failed: EmptyDocument"
    # Zuiderveen has one theme and names no law, organisation or budget; its one finding is
    # plan.unknown_municipality, since no Dutch municipality is called Zuiderveen.
    assert table[3].split() == ["gemeente/zuiderveen.txt", "1", "0", "0", "0", "1", "extracted"]
    # The amended plan has 11 themes, the college version 9.
    assert table[4].split()[:2] == ["nijmegen-ivp-2022-2026-amended.md", "11"]
    assert table[5].split()[:2] == ["nijmegen-ivp-2022-2026-college.txt", "9"]
    assert [row.split()[0] for row in table[2:]] == [
        "empty.txt",
        "gemeente/zuiderveen.txt",
        "nijmegen-ivp-2022-2026-amended.md",
        "nijmegen-ivp-2022-2026-college.txt",
        "noise.pdf",
        "noise.txt",
        "truncated.pdf",
    ]
    before = {p: p.read_bytes() for p in out.rglob("*.json*")}

    second = invoke("extract", str(mixed), "--out", str(out))
    assert second.exit_code == 1
    assert lines(second.stderr) == [
        f"0 extracted, 3 up to date, 4 failed (listed in {out}/errors.jsonl)"
    ]
    assert lines(second.stdout)[3].split()[-3:] == ["up", "to", "date"]
    assert lines(second.stdout)[2].endswith("failed: EmptyDocument (unchanged)")
    assert {p: p.read_bytes() for p in out.rglob("*.json*")} == before


def test_force_redoes_up_to_date_files(tmp_path: Path) -> None:
    plan = tmp_path / "zuiderveen.txt"
    plan.write_text(ZUIDERVEEN, encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("extract", str(plan), "--out", str(out), "--quiet").exit_code == 0
    again = invoke("extract", str(plan), "--out", str(out), "--quiet", "--force")
    assert again.exit_code == 0
    assert again.stdout == ""
    assert lines(again.stderr) == ["1 extracted, 0 up to date, 0 failed"]
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == ""


def test_errors_file_is_rewritten_per_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert invoke("extract", str(folder), "--out", str(out), "--quiet").exit_code == 1
    (folder / "plan.txt").write_text(ZUIDERVEEN, encoding="utf-8")
    fixed = invoke("extract", str(folder), "--out", str(out), "--quiet")
    assert fixed.exit_code == 0
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == ""
    assert (out / "plan.txt.json").is_file()


def test_max_size_refuses_larger_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("extract", str(COLLEGE), "--out", str(out), "--max-size", "0.01", "--quiet")
    assert result.exit_code == 1
    error = json.loads((out / "errors.jsonl").read_text(encoding="utf-8"))
    assert error["error"] == "TooLarge"
    # 45,924 bytes against a limit of 10,485 bytes (0.01 MB).
    assert (
        error["message"]
        == f"{COLLEGE}: is 45,924 bytes, over the limit of 10,485 bytes (raise it with --max-size)"
    )
    assert lines(result.stderr)[0] == f"error: {error['message']}"


def test_timeout_abandons_a_slow_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # Forty plans in one file take seconds; the small plan takes milliseconds, far under the
    # limit even on a loaded machine.
    (folder / "huge.txt").write_text(COLLEGE.read_text(encoding="utf-8") * 40, encoding="utf-8")
    (folder / "small.txt").write_text(ZUIDERVEEN, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("extract", str(folder), "--out", str(out), "--timeout", "1.5", "--workers", "1")
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        f"error: {folder}/huge.txt: took longer than 1.5 s to extract"
        " (raise the limit with --timeout)",
        f"1 extracted, 0 up to date, 1 failed (listed in {out}/errors.jsonl)",
    ]
    assert (out / "small.txt.json").is_file()
    assert not (out / "huge.txt.json").exists()


def test_on_error_stop_ends_at_the_first_failure(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    for name in "bcd":
        (folder / f"{name}.txt").write_text(ZUIDERVEEN, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(
        "extract", str(folder), "--out", str(out), "--workers", "1", "--on-error", "stop", "--quiet"
    )
    assert result.exit_code == 1
    assert (
        lines(result.stderr)[0]
        == f"error: {folder}/a.txt: is empty (check that the download completed)"
    )
    assert lines(result.stderr)[-1].startswith(
        f"0 extracted, 0 up to date, 1 failed (listed in {out}/errors.jsonl);"
        " stopped at the first failure, "
    )
    assert lines(result.stderr)[-1].endswith(" not run (--on-error stop)")


def test_debug_shows_the_traceback_of_a_failure(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(
        main,
        [
            "--debug",
            "extract",
            str(tmp_path / "empty.txt"),
            "--out",
            str(tmp_path / "out"),
            "--quiet",
        ],
    )
    assert result.exit_code == 1
    assert "Traceback (most recent call last):" in result.stderr
    assert f"pipeline.errors.EmptyDocument: {tmp_path}/empty.txt: is empty" in result.stderr


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2
    assert (
        lines(result.stderr)[-1]
        == f"Error: Invalid value for 'PATHS...': Path '{tmp_path}/nope.pdf' does not exist."
    )


def test_an_empty_folder_extracts_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = invoke("extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0
    assert lines(result.stderr) == [
        f"no plan files found in {tmp_path}/in",
        "0 extracted, 0 up to date, 0 failed",
    ]


def test_dask_engine_through_a_scheduler_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    plan = tmp_path / "zuiderveen.txt"
    plan.write_text(ZUIDERVEEN, encoding="utf-8")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
        result = invoke(
            "extract", str(plan), "--out", str(tmp_path / "dask"), "--engine", "dask", "--quiet"
        )
    assert result.exit_code == 0
    assert lines(result.stderr) == ["1 extracted, 0 up to date, 0 failed"]
    written = (tmp_path / "dask" / "zuiderveen.txt.json").read_text(encoding="utf-8")
    assert written == to_json(extract(plan))


def test_help_documents_every_option() -> None:
    result = invoke("extract", "--help")
    for option in (
        "--out",
        "--workers",
        "--engine",
        "--scheduler",
        "--on-error",
        "--max-size",
        "--timeout",
        "--force",
        "--quiet",
    ):
        assert option in result.stdout
    assert "ivp extract corpus/ --out outputs/" in result.stdout


def test_debug_logs_which_spacy_pipeline_is_used(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="pipeline.cli.extract"):
        invoke("--debug", "extract", str(COLLEGE), "--out", str(tmp_path / "out"), "--workers", "1")
    (message,) = [record.getMessage() for record in caplog.records if record.name == "pipeline.cli.extract"]
    if model_available():
        assert message.startswith("spaCy pipeline: nl_core_news_sm ")
    else:
        assert message == (
            "spaCy pipeline: blank nl with rule components "
            "(nl_core_news_sm is not installed; the README says how to add it)"
        )
