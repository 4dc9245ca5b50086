"""Dutch notation of dates and amounts (babel)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from generator.proposal import formatting as fmt


@pytest.mark.parametrize(
    "datum, tekst",
    [
        (dt.date(2021, 1, 26), "26 januari 2021"),
        (dt.date(2020, 3, 3), "3 maart 2020"),
        (dt.date(2020, 5, 11), "11 mei 2020"),
        (dt.date(2021, 12, 23), "23 december 2021"),
    ],
)
def test_datum_in_woorden(datum, tekst):
    assert fmt.datum(datum) == tekst


def test_datum_kort_en_leeg():
    assert fmt.datum_short(dt.date(2021, 12, 31)) == "31-12-2021"
    assert fmt.datum(None) == ""


@pytest.mark.parametrize(
    "bedrag, tekst",
    [
        (Decimal("371358"), "€ 371.358"),
        (Decimal("25000"), "€ 25.000"),
        (Decimal("371358.5"), "€ 371.358,50"),
        (Decimal("-1500"), "€ -1.500"),
        (Decimal("0"), "€ 0"),
        (Decimal("1234567.89"), "€ 1.234.567,89"),
    ],
)
def test_bedrag_nederlandse_notatie(bedrag, tekst):
    assert fmt.bedrag(bedrag) == tekst


def test_bedrag_zonder_euroteken_en_centen_afdwingen():
    assert fmt.bedrag(Decimal("630000"), euro=False) == "630.000"
    assert fmt.bedrag(Decimal("5"), centen=True) == "€ 5,00"


@pytest.mark.parametrize(
    "tekst, waarde",
    [
        ("€ 371.358,50", Decimal("371358.50")),
        ("€ 371.358", Decimal("371358")),
        ("371.358", Decimal("371358")),
        ("€   74.925", Decimal("74925")),
        ("€ 460.000,-", Decimal("460000")),
        ("-€ 1.000", Decimal("-1000")),
        ("12,5", Decimal("12.5")),
    ],
)
def test_parse_bedrag(tekst, waarde):
    assert fmt.parse_amount(tekst) == waarde


@pytest.mark.parametrize(
    "tekst, message",
    [
        ("abc", "'abc' is geen bedrag; schrijf bijvoorbeeld 371358 of \"€ 371.358,50\""),
        ("1.23", "'1.23': de punten staan niet per drie cijfers; schrijf bijvoorbeeld \"€ 371.358,50\""),
    ],
)
def test_parse_bedrag_weigert(tekst, message):
    with pytest.raises(ValueError) as e:
        fmt.parse_amount(tekst)
    assert str(e.value) == message


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_bedrag_heen_en_terug(waarde):
    assert fmt.parse_amount(fmt.bedrag(waarde)) == waarde
