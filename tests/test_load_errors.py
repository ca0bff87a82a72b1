"""Bad input: one clear line naming the file, the cause and the fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import BinaryContent, CorruptFile, EmptyDocument, LoadError, PlanError, TooLarge
from pipeline.limits import Limits
from pipeline.load import load


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument) as caught:
        load(path)
    assert str(caught.value) == f"{path}: is empty (check that the download completed)"


def test_random_bytes_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(BinaryContent) as caught:
        load(path)
    assert str(caught.value) == f"{path}: holds binary data, not text (check the file type)"


def test_text_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_text("Dit is geen PDF.", encoding="utf-8")
    with pytest.raises(CorruptFile) as caught:
        load(path)
    assert str(caught.value) == f"{path}: is named .pdf but is not a PDF (no %PDF header) (re-download the file)"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "weg.txt"
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == f"{path}: cannot be read: No such file or directory"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(TooLarge) as caught:
        load(path, Limits(max_bytes=1024))
    assert str(caught.value) == f"{path}: is 2,048 bytes, over the limit of 1,024 bytes (raise it with --max-size)"


def test_every_load_error_is_a_plan_error() -> None:
    assert issubclass(LoadError, PlanError)


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "spaties.md"
    path.write_text("   \n\n \t \n", encoding="utf-8")
    with pytest.raises(EmptyDocument):
        load(path)


def test_format_is_detected_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "plan.bin"
    path.write_text("<!DOCTYPE html><html><body><h1>Plan</h1></body></html>", encoding="utf-8")
    assert os.path.exists(path)
    from pipeline.load.detect import detect_format

    assert detect_format(path, path.read_bytes()) == "html"
