"""Dutch amounts and units as printed in budget tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.numbers import (
    AmountError,
    Cell,
    Unit,
    is_amount,
    parse_amount,
    parse_unit,
    read_cell,
    to_euros,
)


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("15.407", Decimal("15407")),  # dot between thousands
        ("1.234.567", Decimal("1234567")),
        ("1.234,5", Decimal("1234.5")),  # decimal comma
        ("0,25", Decimal("0.25")),
        ("-71", Decimal("-71")),
        ("−71", Decimal("-71")),  # U+2212 minus sign
        ("– 71", Decimal("-71")),  # en dash as minus
        ("(71)", Decimal("-71")),  # accountants' negative
        ("(1.234,5)", Decimal("-1234.5")),
        ("€ 1.234", Decimal("1234")),  # euro sign anywhere
        ("1.234 €", Decimal("1234")),
        ("(€ 71)", Decimal("-71")),
        ("EUR 500", Decimal("500")),
        ("1 234", Decimal("1234")),  # space between thousands
        ("1\u00a0234\u00a0567", Decimal("1234567")),  # non-breaking spaces
        ("€ 1 234,50", Decimal("1234.50")),
        ("15.407,-", Decimal("15407")),  # ",-": no cents
        ("+12", Decimal("12")),
        ("1.5", Decimal("1.5")),  # English decimal point: not three digits after the dot
        ("848", Decimal("848")),
    ],
)
def test_amounts(printed: str, value: Decimal) -> None:
    assert parse_amount(printed) == value


@pytest.mark.parametrize("printed", ["-", "–", "—", "", "  ", "€ -"])
def test_a_dash_alone_is_empty_not_zero(printed: str) -> None:
    assert parse_amount(printed) is None


@pytest.mark.parametrize("printed", ["abc", "12%", "1.2.3", "12 34", "2022-2026", "1,2,3"])
def test_text_that_is_not_an_amount(printed: str) -> None:
    with pytest.raises(AmountError, match=f"'{printed}' is not an amount"):
        parse_amount(printed)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("(bedragen x 1000 €) 2022", Unit("bedragen x 1000 €", 1000)),
        ("x € 1 mln", Unit("x € 1 mln", 1_000_000)),
        ("Begroting (x € 1.000)", Unit("x € 1.000", 1000)),
        ("Bedragen in euro's", Unit("Bedragen in euro's", 1)),
        ("bedragen in duizenden euro’s", Unit("bedragen in duizenden euro’s", 1000)),
        ("Lasten (€ mln)", Unit("€ mln", 1_000_000)),
        ("x €1.000.000", Unit("x €1.000.000", 1_000_000)),
        ("k€", Unit("k€", 1000)),
        ("bedragen × 1 miljard", Unit("bedragen × 1 miljard", 1_000_000_000)),
        ("in € miljoen", Unit("in € miljoen", 1_000_000)),
        ("x 1.000 euro", Unit("x 1.000 euro", 1000)),
        ("bedragen in €", Unit("bedragen in €", 1)),
        ("x € 1 mld", Unit("x € 1 mld", 1_000_000_000)),
    ],
)
def test_units(text: str, unit: Unit) -> None:
    assert parse_unit(text) == unit


@pytest.mark.parametrize("text", ["Wat het kost - financieel overzicht 2022-2026", "Toelichting", "extra inzet"])
def test_text_without_a_unit(text: str) -> None:
    assert parse_unit(text) is None


@pytest.mark.parametrize(
    ("value", "multiplier", "euros"),
    [
        (Decimal("15407"), 1000, 15_407_000),
        (Decimal("-71"), 1000, -71_000),
        (Decimal("1.5"), 1_000_000, 1_500_000),
        (Decimal("0.0005"), 1000, 0),  # half a euro rounds to even
        (Decimal("1234.56"), 1, 1235),
    ],
)
def test_to_euros_is_an_exact_integer(value: Decimal, multiplier: int, euros: int) -> None:
    result = to_euros(value, multiplier)
    assert result == euros
    assert type(result) is int


MLN = Unit("mln", 1_000_000)


@pytest.mark.parametrize(
    ("printed", "cell"),
    [
        ("€ 1,2 mln", Cell(Decimal("1.2"), MLN)),
        ("(€ 0,3 mln)", Cell(Decimal("-0.3"), MLN)),
        ("- € 2 mln.", Cell(Decimal("-2"), Unit("mln", 1_000_000))),
        ("1,5 miljoen", Cell(Decimal("1.5"), Unit("miljoen", 1_000_000))),
        ("€ 85k", Cell(Decimal("85"), Unit("k", 1_000))),
        ("12 345 K", Cell(Decimal("12345"), Unit("K", 1_000))),
        ("1.234", Cell(Decimal("1234"), None)),  # no unit of its own: the table's applies
        ("– mln", Cell(None, None)),  # an empty cell
    ],
)
def test_cells_with_their_own_scale_word(printed: str, cell: Cell) -> None:
    assert read_cell(printed) == cell
    assert is_amount(printed)


@pytest.mark.parametrize("printed", ["mln", "2 kg", "1,2 mln euro extra", "PM"])
def test_cells_that_are_not_amounts_even_with_a_scale_word(printed: str) -> None:
    assert not is_amount(printed)
    with pytest.raises(AmountError):
        read_cell(printed)
