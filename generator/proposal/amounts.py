"""The pydantic types for amounts: exact Decimals, never floats."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Union

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.render.formatting import parse_amount
from generator.proposal.load import YamlFloat


def _to_decimal(waarde):
    if isinstance(waarde, bool):
        raise PydanticCustomError("bedrag", "'{w}' is geen bedrag", {"w": waarde})
    if isinstance(waarde, YamlFloat) or isinstance(waarde, float):
        tekst = str(waarde)
        raise PydanticCustomError(
            "bedrag_float",
            "{t} is een dubbelzinnig bedrag: YAML leest het als het kommagetal {komma}; "
            "schrijf {heel} of \"€ {t}\" (met aanhalingstekens)",
            {"t": tekst, "heel": tekst.replace(".", ""), "komma": tekst.replace(".", ",")},
        )
    if isinstance(waarde, int):
        return Decimal(waarde)
    if isinstance(waarde, Decimal):
        return waarde
    if isinstance(waarde, str):
        try:
            return parse_amount(waarde)
        except ValueError as e:
            raise PydanticCustomError("bedrag", str(e)) from None
    raise PydanticCustomError("bedrag", "hier hoort een bedrag, zoals 371358 of \"€ 371.358,50\"")


_SCHEMA = {
    "anyOf": [
        {"type": "integer"},
        {"type": "string", "pattern": r"^-?\s*(€\s*)?-?\s*[0-9][0-9.]*(,[0-9]{1,2}|,-)?$"},
    ],
    "description": "Bedrag in hele euro's (371358) of als Nederlandse tekst (\"€ 371.358,50\")",
}

Bedrag = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(lambda d: str(d), return_type=str),
    WithJsonSchema(_SCHEMA),
]
OptAmount = Union[Bedrag, None]
