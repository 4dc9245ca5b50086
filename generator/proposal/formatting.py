"""Dutch notation of dates and amounts (babel), shared by every renderer."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from babel.dates import format_date
from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

LOCALE = "nl_NL"
_EURO_WHOLE = "¤ #,##0;¤ -#,##0"
_EURO_CENTS = "¤ #,##0.00;¤ -#,##0.00"
_EURO_SPACE = re.compile(r"€(?:[ \t\r\n]|&nbsp;|&#160;)+(?=[-−]?\d)")
NBSP = "\u00a0"
_AMOUNT_TEXT = re.compile(r"^-?\s*(€\s*)?-?\s*[0-9][0-9.]*(,[0-9]{1,2}|,-)?$")


def datum(waarde: dt.date | None) -> str:
    """26 januari 2021"""
    if waarde is None:
        return ""
    return format_date(waarde, "d MMMM y", locale=LOCALE)


def datum_short(waarde: dt.date | None) -> str:
    """26-01-2021"""
    if waarde is None:
        return ""
    return format_date(waarde, "dd-MM-y", locale=LOCALE)


def has_cents(bedrag: Decimal) -> bool:
    return bedrag != bedrag.to_integral_value()


def bedrag(waarde: Decimal | None, euro: bool = True, centen: bool | None = None) -> str:
    """`€ 371.358`, or `€ 371.358,50` when cents are given; '' for None."""
    if waarde is None:
        return ""
    if centen is None:
        centen = has_cents(waarde)
    if euro:
        pattern = _EURO_CENTS if centen else _EURO_WHOLE
        return format_currency(waarde, "EUR", format=pattern, locale=LOCALE, currency_digits=False)
    pattern = "#,##0.00;-#,##0.00" if centen else "#,##0;-#,##0"
    return format_decimal(waarde, format=pattern, locale=LOCALE)


def keep_euro_together(tekst: str) -> str:
    """A non-breaking space between "€" and its amount, so a line never ends in "€"
    (in document text or HTML: prose, tables and filters alike)."""
    return _EURO_SPACE.sub("€" + NBSP, tekst)


def procent(waarde: Decimal | None) -> str:
    if waarde is None:
        return ""
    return format_decimal(waarde, format="+#,##0.0;-#,##0.0", locale=LOCALE) + "%"


def parse_amount(tekst: str) -> Decimal:
    """Parse a Dutch amount ("€ 371.358,50", "371.358", "€ 460.000,-").

    Raises ValueError with a Dutch explanation when it is not an amount.
    """
    clean = tekst.strip().replace("\u00a0", " ")
    if not _AMOUNT_TEXT.match(clean):
        raise ValueError(f"'{tekst}' is geen bedrag; schrijf bijvoorbeeld 371358 of \"€ 371.358,50\"")
    negative = clean.count("-") > (1 if clean.endswith(",-") else 0)
    digits = clean.replace("€", "").replace("-", "").replace(" ", "")
    if digits.endswith(","):
        digits = digits[:-1]
    if "." in digits and not re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", digits):
        raise ValueError(f"'{tekst}': de punten staan niet per drie cijfers; schrijf bijvoorbeeld \"€ 371.358,50\"")
    try:
        waarde = parse_decimal(digits, locale=LOCALE, strict=False)
    except (NumberFormatError, InvalidOperation):
        raise ValueError(f"'{tekst}' is geen bedrag") from None
    return -waarde if negative else waarde
