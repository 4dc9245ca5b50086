"""The pydantic types for amounts: exact Decimals, never floats."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Union

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.proposal.formatting import bedrag, parse_amount
from generator.proposal.load import YamlFloat


MAX_AMOUNT_INT = 10**12  # a thousand billion euros: no municipal amount comes near
MAX_AMOUNT = Decimal(MAX_AMOUNT_INT)
_MAX_DIGITS = 15
_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_ENGLISH_GROUPS = re.compile(r"^\d{1,3}(,\d{3})+$")
_ENGLISH = re.compile(r"^-?\d+\.\d{1,2}$")


def _too_big(tekst: str):
    return PydanticCustomError(
        "bedrag_groot",
        "{t} is geen realistisch bedrag: een bedrag is kleiner dan € 1.000.000.000.000 (duizend miljard)",
        {"t": tekst},
    )


def _to_decimal(waarde):
    if isinstance(waarde, bool):
        raise PydanticCustomError("bedrag", "'{w}' is geen bedrag", {"w": waarde})
    if isinstance(waarde, (YamlFloat, float)):
        raise _float_advice(str(waarde))
    if isinstance(waarde, int):
        if abs(waarde) >= MAX_AMOUNT:
            raise _too_big(str(waarde) if waarde.bit_length() < 200 else "dit getal")
        return Decimal(waarde)
    if isinstance(waarde, Decimal):
        return waarde
    if isinstance(waarde, str):
        if sum(c.isdigit() for c in waarde) > _MAX_DIGITS:
            raise _too_big(f"'{waarde[:40]}…'" if len(waarde) > 40 else f"'{waarde}'")
        if _ENGLISH_GROUPS.match(waarde.strip()):
            heel = waarde.strip().replace(",", "")
            raise PydanticCustomError(
                "bedrag",
                "'{w}' heeft een komma als duizendtalscheiding (Engels); in het Nederlands is "
                'dat een punt: schrijf {heel} of "{dutch}"',
                {"w": waarde, "heel": heel, "dutch": bedrag(Decimal(heel))},
            )
        try:
            bedrag_ = parse_amount(waarde)
        except ValueError as e:
            raise PydanticCustomError("bedrag", str(e)) from None
        if abs(bedrag_) >= MAX_AMOUNT:
            raise _too_big(f"'{waarde}'")
        return bedrag_
    raise PydanticCustomError("bedrag", 'hier hoort een bedrag, zoals 371358 of "€ 371.358,50"')


def _float_advice(tekst: str) -> PydanticCustomError:
    """What to write instead of a YAML number with a point: always valid Dutch notation."""
    if _GROUPED.match(tekst):
        heel = tekst.replace(".", "")
        return PydanticCustomError(
            "bedrag_float",
            "{t} is een dubbelzinnig bedrag: YAML leest het als het kommagetal {komma}; "
            'schrijf {heel} of "{dutch}" (met aanhalingstekens)',
            {"t": tekst, "heel": heel, "komma": tekst.replace(".", ","), "dutch": bedrag(Decimal(heel))},
        )
    if _ENGLISH.match(tekst) and len(tekst) <= _MAX_DIGITS:
        return PydanticCustomError(
            "bedrag_float",
            "{t} is een bedrag met een punt voor de centen; in het Nederlands staat daar een komma: "
            'schrijf "{dutch}" (met aanhalingstekens)',
            {"t": tekst, "dutch": bedrag(Decimal(tekst), centen=True)},
        )
    return PydanticCustomError(
        "bedrag_float",
        "{t} is geen bedrag; schrijf hele euro's (371358) of Nederlandse tekst met "
        'hoogstens twee cijfers achter de komma ("€ 371.358,50")',
        {"t": tekst},
    )


_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 1 - MAX_AMOUNT_INT, "maximum": MAX_AMOUNT_INT - 1},
        {"type": "string", "pattern": r"^-?\s*(€\s*)?-?\s*[0-9][0-9.]*(,[0-9]{1,2}|,-)?$"},
    ],
    "description": 'Bedrag in hele euro\'s (371358) of als Nederlandse tekst ("€ 371.358,50")',
}

Bedrag = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(lambda d: str(d), return_type=str),
    WithJsonSchema(_SCHEMA),
]
OptAmount = Union[Bedrag, None]
