"""Hostile and broken input: each case has a defined outcome (a clear error or a record with findings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import extract
from pipeline.errors import TooLarge
from pipeline.export import to_json
from tests.conftest import COLLEGE


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
