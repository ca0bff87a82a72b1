"""Bad input: one clear line naming the file, the cause and the fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import (
    BinaryContent,
    CorruptFile,
    EmptyDocument,
    LoadError,
    PlanError,
    TooLarge,
    UnsupportedFormat,
)
from pipeline.limits import Limits
from pipeline.load import load
from pipeline.load.detect import detect_format
from tests.factories import zip_archive


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
    assert detect_format(path, path.read_bytes()) == "html"


SAVE_AS = "(open it and save it as .docx or PDF)"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLD_WORD = "is an old Word (.doc) or other Office 97-2003 file"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.doc", OLE2 + bytes(600), f"{OLD_WORD} {SAVE_AS}"),
        ("plan.docx", OLE2 + bytes(600), f"{OLD_WORD} {SAVE_AS}"),
        ("plan.rtf", rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Veiligheidsplan}", f"is an RTF document {SAVE_AS}"),
        (
            "plan.odt",
            zip_archive({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"}),
            f"is an OpenDocument text (.odt) {SAVE_AS}",
        ),
    ],
)
def test_office_formats_ivp_does_not_read_say_how_to_convert(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnsupportedFormat) as caught:
        load(path)
    assert str(caught.value) == f"{path}: {message}"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("Veiligheidsplan Zeewolde\n\nWij werken aan één veilige gemeente.\n".encode(encoding))
    assert [line.text for line in load(path).lines if line.text] == [
        "Veiligheidsplan Zeewolde",
        "Wij werken aan één veilige gemeente.",
    ]


def test_markdown_saved_as_txt_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("# Veiligheidsplan Lochem\n\nInleiding.\n\n## 1. Woninginbraak\n\nTekst.\n", encoding="utf-8")
    assert detect_format(path, path.read_bytes()) == "md"
    assert [(line.kind, line.text) for line in load(path).lines if line.kind == "heading"] == [
        ("heading", "Veiligheidsplan Lochem"),
        ("heading", "1. Woninginbraak"),
    ]


def test_an_html_fragment_without_html_element_is_html(tmp_path: Path) -> None:
    path = tmp_path / "regeling.txt"
    path.write_text('<div class="regeling"><h1>Veiligheidsplan</h1><p>Eerste alinea.</p></div>', encoding="utf-8")
    assert detect_format(path, path.read_bytes()) == "html"


@pytest.mark.parametrize(
    "text",
    [
        "Veiligheidsplan 2024\n\n1. Inleiding\n\nWij werken samen met de politie.\n",
        "Hashtag #veiligheid in de wijk\nPrijs: <10 euro per inwoner en >5 meldingen.\n",
        "# Veiligheidsplan\n\nEen regel tekst zonder verdere opmaak.\n",
    ],
)
def test_plain_text_stays_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert detect_format(path, path.read_bytes()) == "txt"
