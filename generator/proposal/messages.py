"""pydantic's errors as Dutch meldingen that name the field and point at its line.

A place inside the proposal is said the way a steller reads it ("in tabel
'Begroting 2021', regel 3"), never as a developer's path counted from 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from generator.errors import Melding
from generator.proposal import model
from generator.proposal.load import Source
from generator.proposal.suggest import suggest

TYPE_NL = {
    "string_type": "tekst",
    "list_type": "een lijst (regels die met '- ' beginnen)",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "bool_type": "ja of nee (true of false)",
    "bool_parsing": "ja of nee (true of false)",
    "date_type": "een datum als JJJJ-MM-DD",
    "date_parsing": "een datum als JJJJ-MM-DD",
    "date_from_datetime_parsing": "een datum als JJJJ-MM-DD",
    "date_from_datetime_inexact": "een datum als JJJJ-MM-DD, zonder tijd of tijdzone",
    "datetime_type": "een datum en tijd",
    "model_type": "sleutels met waarden (naam: waarde)",
    "model_attributes_type": "sleutels met waarden (naam: waarde)",
    "dict_type": "sleutels met waarden (naam: waarde)",
    "none_required": "niets (laat leeg)",
}
ITEM = {
    "beslispunten": "beslispunt",
    "vragen": "vraag",
    "aspecten": "aspect",
    "bijlagen": "bijlage",
    "besluiten": "besluit",
    "regels": "regel",
    "ondertekenaars": "ondertekenaar",
    "kolommen": "kolom",
    "bedrag": "kolom",
    "totaal": "kolom",
}
_DIGITS = re.compile(r"^\d+$")


def data_path(loc: tuple, data) -> tuple:
    """The part of a pydantic location that exists in the data (drops union tags)."""
    path, current = [], data
    for step in loc:
        if isinstance(current, dict) and step in current:
            current = current[step]
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            current = current[step]
        else:
            continue
        path.append(step)
    return tuple(path)


def where(path: tuple, data) -> str:
    """' (in tabel 'Begroting 2021', regel 3)' for a path into the data; '' for the top."""
    parts, current, rest = [], data, list(path)
    if rest[:1] == ["secties"] and len(rest) >= 2:
        current, rest = _get(current, rest[:2]), rest[2:]
        if rest and isinstance(rest[0], int):
            part = _get(current, rest[:1])
            parts.append(
                f"tabel '{part['tabel']}'"
                if isinstance(part, dict) and "tabel" in part
                else f"sectie '{path[1]}', deel {rest[0] + 1}"
            )
            current, rest = part, rest[1:]
        else:
            parts.append(f"sectie '{path[1]}'")
    for step, after in zip(rest, rest[1:] + [None]):
        if isinstance(step, int):
            continue
        if isinstance(after, int):
            parts.append(f"{ITEM.get(step, step + ', item')} {after + 1}")
        else:
            parts.append(str(step))
    return f" (in {', '.join(parts)})" if parts else ""


def subject(path: tuple, data) -> str:
    """The field a melding is about, with where it is: 'bedrag' (in tabel 'X', regel 3)."""
    if not path:
        return "het voorstel"
    if isinstance(path[-1], int):
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        parent = path[:-2] if len(path) > 1 and path[-2] == key else path[:-1]
        return f"{ITEM.get(key, 'item')} {path[-1] + 1}{where(parent, data)}"
    return f"'{path[-1]}'{where(path[:-1], data)}"


def _get(data, path):
    for step in path:
        data = data[step]
    return data


def meldingen(e: ValidationError, bron: Source, soort, skip: set[tuple]) -> list[Melding]:
    """Every pydantic error once, grouped by place; errors at `skip` are already reported."""
    errors = [(f, data_path(f["loc"], bron.data)) for f in e.errors()]
    errors = [(f, p) for f, p in errors if not any(p[: len(s)] == s for s in skip)]
    type_paths: dict[tuple, list[str]] = {}
    overig: list[tuple[Any, tuple]] = []
    other = {path for error, path in errors if error["type"] not in TYPE_NL}
    for error, path in errors:
        if (
            error["type"] in TYPE_NL
            and path not in other
            and not any(p[: len(path)] == path and len(p) > len(path) for _, p in errors)
        ):
            type_paths.setdefault(path, []).append(TYPE_NL[error["type"]])
        elif error["type"] not in TYPE_NL:
            overig.append((error, path))
    out = [_type_melding(bron, path, types) for path, types in type_paths.items()]
    out += [_melding(error, path, bron, soort) for error, path in overig]
    return list({str(m): m for m in out}.values())


def _type_melding(bron: Source, path: tuple, types: list[str]) -> Melding:
    tekst = f"{subject(path, bron.data)}: hier hoort " + " of ".join(dict.fromkeys(types))
    waarde = _get(bron.data, path) if path else None
    if "tekst" in types and isinstance(waarde, int) and not isinstance(waarde, bool):
        line, column = bron.plaats(path)
        bron_tekst = bron.tekst.splitlines()[line - 1][column - 1 :].split("#")[0].split(",")[0].strip(" }]")
        tekst += f'; zet het getal tussen aanhalingstekens: "{bron_tekst}"'
    return bron.melding(path, tekst)


def _melding(error: Mapping[str, Any], path: tuple, bron: Source, soort) -> Melding:
    soort_error, loc = error["type"], error["loc"]
    if soort_error == "missing":
        return bron.melding(path, f"'{loc[-1]}' ontbreekt; dit veld is verplicht{where(path, bron.data)}", key=True)
    if soort_error == "extra_forbidden":
        return _unknown_key(path, bron, soort)
    if soort_error == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        hint = suggest(error["input"], expected.replace(" or ", ", ").split(", "))
        tekst = f"'{error['input']}' is hier geen geldige waarde; kies uit: {expected.replace(' or ', ', ')}"
        return bron.melding(path, tekst + (f"; bedoelde u '{hint}'?" if hint else ""))
    if soort_error == "too_short":
        return bron.melding(path, f"'{path[-1] if path else loc[-1]}' mag niet leeg zijn; geef er minstens één")
    if soort_error == "kolommen" and "regel" in error.get("ctx", {}):
        regel = error["ctx"]["regel"]
        path = path + (("regels", regel, "bedrag") if regel >= 0 else ("totaal",))
        return bron.melding(path, f"{error['msg']}{where(path[:-1], bron.data)}")
    return bron.melding(path, error["msg"].removeprefix("Value error, "))


def _unknown_key(path: tuple, bron: Source, soort) -> Melding:
    sleutel, parent = path[-1], _get(bron.data, path[:-1])
    amount = next((k for k in ("bedrag", "totaal") if isinstance(parent.get(k), int)), None)
    if _DIGITS.match(str(sleutel)) and amount and parent.get(sleutel) is None:
        return _comma_amount(bron, path[:-1] + (amount,), parent[amount], str(sleutel))
    hint = suggest(sleutel, [k for k in _candidates(path[:-1], soort) if k != sleutel])
    tekst = f"onbekende sleutel '{sleutel}'{where(path[:-1], bron.data)}"
    if hint:
        tekst += f"; bedoelde u '{hint}'?"
    return bron.melding(path, tekst, key=True)


def _comma_amount(bron: Source, path: tuple, heel: int, na: str) -> Melding:
    from generator.proposal.formatting import bedrag
    from decimal import Decimal

    geschreven = f"{heel},{na}"
    if len(na) == 3:
        advies = f'schrijf {heel}{na} of "{bedrag(Decimal(f"{heel}{na}"))}" (met aanhalingstekens)'
    else:
        advies = f'schrijf "{bedrag(Decimal(f"{heel}.{na}"), centen=True)}" (met aanhalingstekens)'
    return bron.melding(
        path,
        f"YAML leest {geschreven} niet als één bedrag: de komma scheidt daar twee "
        f"waarden{where(path[:-1], bron.data)}; {advies}",
    )


def _candidates(parent: tuple, soort) -> list[str]:
    if parent == ():
        return [v["sleutel"] for v in soort.velden] + ["soort", "secties", "besluiten"]
    if parent == ("secties",):
        return [s["sleutel"] for s in soort.secties]
    velden = set()
    for m in vars(model).values():
        if isinstance(m, type) and issubclass(m, model.Strict) and m is not model.Strict:
            velden |= set(m.model_fields)
    return sorted(velden)
