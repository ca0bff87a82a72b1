from pathlib import Path

from pipeline import extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_college_text_extracts_to_a_record() -> None:
    record = extract(CORPUS / "nijmegen-ivp-2022-2026-college.txt")
    assert record.source.format == "txt"
    assert "Politiewet 2012" in record.text
