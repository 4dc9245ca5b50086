"""Validate loaded YAML against its kind's model; pydantic errors become Dutch meldingen."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.proposal import kinds, model
from generator.errors import Melding, NotaFout
from generator.proposal.load import Source, load_file
from generator.proposal.suggest import suggest


@dataclass
class Voorstel:
    """A validated proposal: its source, its kind and its model."""

    bron: Source
    soort: kinds.Soort
    data: BaseModel

    @property
    def path(self) -> Path:
        return self.bron.path


@lru_cache(maxsize=64)
def model_of(soort: kinds.Soort) -> type[BaseModel]:
    return model.build_model(soort)


def load_voorstel(path: Path | str, search_path: tuple[Path, ...]) -> Voorstel:
    """Load and validate one proposal file; raises NotaFout with every error."""
    return validate(load_file(path), search_path)


def validate(bron: Source, search_path: tuple[Path, ...]) -> Voorstel:
    soort = _soort(bron, search_path)
    try:
        data = model_of(soort).model_validate(bron.data)
    except ValidationError as e:
        raise NotaFout(_meldingen(e, bron, soort)) from None
    return Voorstel(bron, soort, data)


def _soort(bron: Source, search_path) -> kinds.Soort:
    naam = bron.data.get("soort")
    if naam is None:
        known = ", ".join(kinds.known_soorten(search_path))
        raise NotaFout(bron.melding((), f"'soort' ontbreekt; begin het bestand met bijvoorbeeld "
                                        f"'soort: collegenota' (bekende soorten: {known})"))
    try:
        return kinds.find_soort(str(naam), search_path)
    except NotaFout as e:
        raise NotaFout(bron.melding(("soort",), e.meldingen[0].message)) from None


_TYPE_NL = {
    "string_type": "tekst",
    "list_type": "een lijst (regels die met '- ' beginnen)",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "bool_type": "ja of nee (true of false)",
    "bool_parsing": "ja of nee (true of false)",
    "date_type": "een datum als JJJJ-MM-DD",
    "date_parsing": "een datum als JJJJ-MM-DD",
    "date_from_datetime_parsing": "een datum als JJJJ-MM-DD",
    "datetime_type": "een datum en tijd",
    "model_type": "sleutels met waarden (naam: waarde)",
    "model_attributes_type": "sleutels met waarden (naam: waarde)",
    "dict_type": "sleutels met waarden (naam: waarde)",
    "none_required": "niets (laat leeg)",
}


def _data_path(loc: tuple, data) -> tuple:
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


def _meldingen(e: ValidationError, bron: Source, soort) -> list[Melding]:
    errors = [(f, _data_path(f["loc"], bron.data)) for f in e.errors()]
    type_paths = {}
    overig = []
    other = {path for error, path in errors if error["type"] not in _TYPE_NL}
    for error, path in errors:
        if error["type"] in _TYPE_NL and path not in other and not any(
                p[: len(path)] == path and len(p) > len(path) for _, p in errors):
            type_paths.setdefault(path, []).append(_TYPE_NL[error["type"]])
        elif error["type"] not in _TYPE_NL:
            overig.append((error, path))
    out = [bron.melding(path, "hier hoort " + " of ".join(dict.fromkeys(types)))
           for path, types in type_paths.items()]
    out += [_melding(error, path, bron, soort) for error, path in overig]
    unique = list({str(m): m for m in out}.values())
    return sorted(unique, key=lambda m: (m.regel or 0, m.column or 0))


def _melding(error: dict, path: tuple, bron: Source, soort) -> Melding:
    soort_error, loc = error["type"], error["loc"]
    if soort_error == "missing":
        return bron.melding(path, f"'{loc[-1]}' ontbreekt; dit veld is verplicht{_where(path)}",
                            sleutel=True)
    if soort_error == "extra_forbidden":
        sleutel = loc[-1]
        hint = suggest(sleutel, [k for k in _candidates(path[:-1], soort) if k != sleutel])
        tekst = f"onbekende sleutel '{sleutel}'{_where(path[:-1])}"
        if hint:
            tekst += f"; bedoelde u '{hint}'?"
        return bron.melding(path, tekst, sleutel=True)
    if soort_error == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        hint = suggest(error["input"], expected.replace(" or ", ", ").split(", "))
        tekst = f"'{error['input']}' is hier geen geldige waarde; kies uit: {expected.replace(' or ', ', ')}"
        return bron.melding(path, tekst + (f"; bedoelde u '{hint}'?" if hint else ""))
    if soort_error == "too_short":
        return bron.melding(path, f"'{path[-1] if path else loc[-1]}' mag niet leeg zijn; geef er minstens één")
    return bron.melding(path, error["msg"].removeprefix("Value error, "))


def _where(path: tuple) -> str:
    return f" (in {'.'.join(str(p) for p in path)})" if path else ""


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
