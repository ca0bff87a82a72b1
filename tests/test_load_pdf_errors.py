"""Bad PDFs: each fails with one line that names the file, the cause and the fix."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.errors import CorruptFile, EncryptedPDF, NoTextLayer, PlanError
from tests.pdf_factory import altena_plan, encrypted, image_only, load

AMENDED_PDF = Path(__file__).resolve().parent.parent / "corpus" / "nijmegen-ivp-2022-2026-amended.pdf"


# --- bad input ------------------------------------------------------------------------------


def test_truncated_pdf_is_a_corrupt_file() -> None:
    data = AMENDED_PDF.read_bytes()
    with pytest.raises(CorruptFile) as caught:
        load(data[: len(data) // 2], "half.pdf")
    assert str(caught.value) == (
        "half.pdf: is damaged or truncated and cannot be read as a PDF (re-download the file or export it again)"
    )


def test_password_protected_pdf() -> None:
    with pytest.raises(EncryptedPDF) as caught:
        load(encrypted(altena_plan()), "locked.pdf")
    assert str(caught.value) == (
        "locked.pdf: is password protected "
        "(save a copy without password, e.g. `qpdf --password=PASSWORD --decrypt in.pdf out.pdf`)"
    )


def test_owner_password_only_is_readable() -> None:
    assert load(encrypted(altena_plan(), user_password="", owner_password="eigenaar")).source.pages == 4


def test_scan_without_text_layer() -> None:
    with pytest.raises(NoTextLayer) as caught:
        load(image_only(pages=2), "scan.pdf")
    assert str(caught.value) == (
        "scan.pdf: has 2 page(s) but no text layer "
        "(it is probably a scan; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`)"
    )


@pytest.mark.parametrize("seed", range(6))
def test_damaged_bytes_load_or_fail_with_a_plan_error(seed: int) -> None:
    data = bytearray(AMENDED_PDF.read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.choice([3, 30, 300])):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        document = load(bytes(data), "damaged.pdf")
    except PlanError as error:
        assert str(error).startswith("damaged.pdf: ") and "\n" not in str(error)
        return
    assert document.source.pages == 20
