"""Hostile and broken input: each case has a defined outcome (a clear error or a record with findings)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import extract
from pipeline.cli import main
from pipeline.errors import TooLarge
from pipeline.export import to_json
from pipeline.limits import Limits
from pipeline.load import load, pdf
from tests.conftest import COLLEGE
from tests.pdf_factory import chapters_at_page_top


def test_50_megabyte_single_line_text_is_refused_with_the_limit_to_raise(tmp_path: Path) -> None:
    path = tmp_path / "enorm.txt"
    path.write_text("veiligheid in de wijk " * 2_400_000, encoding="utf-8")
    with pytest.raises(TooLarge) as caught:
        extract(path)
    assert str(caught.value) == (
        f"{path}: has 52,799,999 characters of text, over the limit of 5,000,000 for one plan "
        "(is it really one plan? raise the limit with --max-chars)"
    )


def test_long_single_line_under_the_limit_gives_a_record_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "lang.txt"
    path.write_text("veiligheid in de wijk " * 60_000, encoding="utf-8")
    record = extract(path)
    assert [finding.code for finding in record.findings] == ["theme.none_found"]


def test_same_input_gives_byte_identical_json() -> None:
    assert to_json(extract(COLLEGE)) == to_json(extract(COLLEGE))


def test_json_is_sorted_two_space_indented_utf8_with_a_final_newline() -> None:
    written = to_json(extract(COLLEGE))
    # the layout a reader diffs and the standard library reads back unchanged
    assert written == json.dumps(json.loads(written), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert written.startswith('{\n  "budget": [\n    {\n')
    assert "ë" in written and "\\u00eb" not in written  # UTF-8, not escaped


def test_a_pdf_over_the_page_limit_is_refused_before_layout_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dik.pdf"
    path.write_bytes(chapters_at_page_top(pages=5))

    def never(*_: object) -> None:
        raise AssertionError("the page limit must be checked before the pages are laid out")

    monkeypatch.setattr(pdf, "load_pdf", never)
    with pytest.raises(TooLarge) as caught:
        load(path, Limits(max_pages=4))
    assert str(caught.value) == (
        f"{path}: has 5 pages, over the limit of 4 (is it really one plan? raise the limit with --max-pages)"
    )


def test_a_text_with_page_breaks_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dik.txt"
    path.write_text("\f".join(f"Pagina {n}\nOverlast in de wijk.\n" for n in range(1, 4)), encoding="utf-8")
    assert load(path, Limits(max_pages=3)).source.pages == 3
    with pytest.raises(TooLarge) as caught:
        load(path, Limits(max_pages=2))
    assert str(caught.value) == (
        f"{path}: has 3 pages, over the limit of 2 (is it really one plan? raise the limit with --max-pages)"
    )


def test_limit_flags_reach_every_file_of_a_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "dik.pdf").write_bytes(chapters_at_page_top(pages=3))
    # 2,200 characters less the trailing blank, which is not text.
    (inputs / "lang.txt").write_text("veiligheid in de wijk " * 100, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["extract", str(inputs), "--out", str(out), "--workers", "1", "--max-pages", "2", "--max-chars", "1000"]
    )
    assert result.exit_code == 1
    messages = [json.loads(line)["message"] for line in (out / "errors.jsonl").read_text().splitlines()]
    assert messages == [
        f"{inputs / 'dik.pdf'}: has 3 pages, over the limit of 2 "
        "(is it really one plan? raise the limit with --max-pages)",
        f"{inputs / 'lang.txt'}: has 2,199 characters of text, over the limit of 1,000 for one plan "
        "(is it really one plan? raise the limit with --max-chars)",
    ]


def test_links_that_loop_and_named_pipes_fail_alone_and_the_batch_finishes(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").symlink_to(inputs / "b.txt")
    (inputs / "b.txt").symlink_to(inputs / "a.txt")
    os.mkfifo(inputs / "pipe.txt")  # opening it would wait for a writer forever
    shutil.copy(COLLEGE, inputs)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(inputs), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1
    failures = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [f["message"] for f in failures] == [
        f"{inputs / 'a.txt'}: cannot be read: Too many levels of symbolic links",
        f"{inputs / 'b.txt'}: cannot be read: Too many levels of symbolic links",
        f"{inputs / 'pipe.txt'}: is a pipe, socket or device, not a file (point ivp at the plan file itself)",
    ]
    assert (out / f"{COLLEGE.name}.json").is_file()
    assert "Traceback" not in result.output


def test_an_output_folder_that_cannot_be_made_stops_at_once_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(COLLEGE), "--out", str(blocker / "out")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {blocker / 'out'}: cannot create the output folder: Not a directory (choose another --out)\n"
    )
