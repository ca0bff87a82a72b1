"""Properties of amount parsing and budget extraction on generated input."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors.budget import extract_budget
from pipeline.numbers import AmountError, parse_amount
from tests.budget_documents import document, themes


def dutch(value: int, separator: str = ".") -> str:
    return f"{value:,}".replace(",", separator)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([".", " ", "\u00a0"]))
def test_dutch_thousands_round_trip(value: int, separator: str) -> None:
    assert parse_amount(dutch(value, separator)) == value
    assert parse_amount(f"({dutch(value, separator)})") == -value
    assert parse_amount(f"-{dutch(value, separator)}") == -value


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_comma_round_trip(whole: int, cents: int) -> None:
    assert parse_amount(f"€ {dutch(whole)},{cents:02d}") == Decimal(f"{whole}.{cents:02d}")


@given(st.text(max_size=20))
def test_any_cell_is_an_amount_empty_or_an_amount_error(text: str) -> None:
    try:
        value = parse_amount(text)
    except AmountError:
        return
    assert value is None or isinstance(value, Decimal)


CELL = st.one_of(
    st.sampled_from(["2022", "2023", "Totaal", "x 1000 €", "-", "(71)", "15.407", "Thema 1"]),
    st.text(alphabet="abc€ .,-()0123456789", max_size=8),
)
LINE = st.one_of(
    st.lists(CELL, min_size=1, max_size=5).map("\t".join),
    st.sampled_from(["# Toelichting", "# Kosten", "(Thema 1 – Ondermijning)", "(Alle thema's)"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_extraction_never_crashes_and_quotes_match(lines: list[str]) -> None:
    doc = document("\n".join(lines))
    tables, _ = extract_budget(doc, themes("Ondermijning"))
    for table in tables:
        for line in table.lines:
            assert doc.text[line.span.start : line.span.end] == line.span.quote
            assert all(isinstance(v, int) for v in line.amounts.values() if v is not None)
