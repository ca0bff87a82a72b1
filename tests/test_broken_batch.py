"""A batch over every kind of broken input plus the Nijmegen plans: each file gets its defined outcome."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import extract
from pipeline.cli import main
from pipeline.export import to_json
from tests.broken_inputs import broken_inputs

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NIJMEGEN = sorted(CORPUS.glob("nijmegen-*"))
DAMAGED = "is damaged or truncated and cannot be read as a PDF (re-download the file or export it again)"
EXPECTED_FAILURES = {
    "corrupt.pdf": ("CorruptFile", DAMAGED),
    "truncated.pdf": ("CorruptFile", DAMAGED),
    "encrypted.pdf": (
        "EncryptedPDF",
        "is password protected "
        "(save a copy without password, e.g. `qpdf --password=PASSWORD --decrypt in.pdf out.pdf`)",
    ),
    "scan.pdf": (
        "NoTextLayer",
        "has 1 page(s) but no text layer (it is probably a scan; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`)",
    ),
    "empty.txt": ("EmptyDocument", "is empty (check that the download completed)"),
    "noise.txt": ("BinaryContent", "holds binary data, not text (check the file type)"),
    "noise.pdf": ("CorruptFile", "is named .pdf but is not a PDF (no %PDF header) (re-download the file)"),
    "junk.docx": ("UnsupportedFormat", "is a zip archive but not a Word (.docx) document (unpack it first)"),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("broken")
    inputs = root / "in"
    inputs.mkdir()
    for name, data in broken_inputs().items():
        (inputs / name).write_bytes(data)
    for plan in NIJMEGEN:
        shutil.copy(plan, inputs)
    result = CliRunner().invoke(main, ["extract", str(inputs), "--out", str(root / "out"), "--workers", "2"])
    assert result.exit_code == 1, result.output
    return inputs, root / "out", result.output + result.stderr


def test_each_broken_file_fails_with_its_one_line_message(batch: tuple[Path, Path, str]) -> None:
    inputs, out, printed = batch
    failures = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {Path(f["path"]).name: (f["error"], f["message"]) for f in failures} == {
        name: (error, f"{inputs / name}: {message}") for name, (error, message) in EXPECTED_FAILURES.items()
    }
    assert "Traceback" not in printed
    for name, (_, message) in EXPECTED_FAILURES.items():
        assert f"error: {inputs / name}: {message}\n" in printed


def test_every_other_file_has_a_whole_record_and_nothing_is_half_written(batch: tuple[Path, Path, str]) -> None:
    inputs, out, _ = batch
    readable = sorted(set(broken_inputs()) - set(EXPECTED_FAILURES)) + [plan.name for plan in NIJMEGEN]
    assert sorted(path.name for path in out.iterdir()) == sorted(
        [f"{name}.json" for name in readable] + ["errors.jsonl"]
    )
    for plan in NIJMEGEN:
        assert (out / f"{plan.name}.json").read_text(encoding="utf-8") == to_json(extract(inputs / plan.name))


def test_plans_in_other_encodings_read_like_utf8(batch: tuple[Path, Path, str]) -> None:
    _, out, _ = batch
    for name in ("cp1252.txt", "utf16.txt"):
        record = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert [theme["title"] for theme in record["themes"]] == ["Ondermijning", "Jeugd"]
        assert record["themes"][0]["ambitie"]["text"] == (
            "Wij willen dat ondernemers zich veilig voelen, ook ’s avonds: één aanpak voor café’s."
        )


@pytest.mark.parametrize("name", ["recipe.txt", "nested.html"])
def test_documents_without_themes_get_a_record_that_says_so(batch: tuple[Path, Path, str], name: str) -> None:
    _, out, _ = batch
    record = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    assert record["themes"] == []
    assert [finding["code"] for finding in record["findings"]] == ["theme.none_found"]


def test_a_plan_with_500_themes_keeps_them_all(batch: tuple[Path, Path, str]) -> None:
    _, out, _ = batch
    record = json.loads((out / "themes500.txt.json").read_text(encoding="utf-8"))
    assert [theme["number"] for theme in record["themes"]] == [str(n) for n in range(1, 501)]
    assert record["themes"][-1]["opgave"]["text"] == "Overlast in wijk 500."
