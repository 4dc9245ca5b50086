"""Validate loaded YAML against its kind's model; pydantic errors become Dutch meldingen."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import kinds, model
from .errors import Melding, NotaFout
from .load import Bron, load_file
from .suggest import suggestie


@dataclass
class Voorstel:
    """A validated proposal: its source, its kind and its model."""

    bron: Bron
    soort: kinds.Soort
    data: BaseModel

    @property
    def pad(self) -> Path:
        return self.bron.pad


@lru_cache(maxsize=64)
def model_van(soort: kinds.Soort) -> type[BaseModel]:
    return model.bouw_model(soort)


def laad_voorstel(pad: Path | str, zoekpad: tuple[Path, ...]) -> Voorstel:
    """Load and validate one proposal file; raises NotaFout with every error."""
    return valideer(load_file(pad), zoekpad)


def valideer(bron: Bron, zoekpad: tuple[Path, ...]) -> Voorstel:
    soort = _soort(bron, zoekpad)
    try:
        data = model_van(soort).model_validate(bron.data)
    except ValidationError as e:
        raise NotaFout(_meldingen(e, bron, soort)) from None
    return Voorstel(bron, soort, data)


def _soort(bron: Bron, zoekpad) -> kinds.Soort:
    naam = bron.data.get("soort")
    if naam is None:
        bekend = ", ".join(kinds.bekende_soorten(zoekpad))
        raise NotaFout(bron.melding((), f"'soort' ontbreekt; begin het bestand met bijvoorbeeld "
                                        f"'soort: collegenota' (bekende soorten: {bekend})"))
    try:
        return kinds.vind_soort(str(naam), zoekpad)
    except NotaFout as e:
        raise NotaFout(bron.melding(("soort",), e.meldingen[0].bericht)) from None


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


def _datapad(loc: tuple, data) -> tuple:
    """The part of a pydantic location that exists in the data (drops union tags)."""
    pad, huidig = [], data
    for stap in loc:
        if isinstance(huidig, dict) and stap in huidig:
            huidig = huidig[stap]
        elif isinstance(huidig, list) and isinstance(stap, int) and 0 <= stap < len(huidig):
            huidig = huidig[stap]
        else:
            continue
        pad.append(stap)
    return tuple(pad)


def _meldingen(e: ValidationError, bron: Bron, soort) -> list[Melding]:
    fouten = [(f, _datapad(f["loc"], bron.data)) for f in e.errors()]
    typepaden = {}
    overig = []
    andere = {pad for fout, pad in fouten if fout["type"] not in _TYPE_NL}
    for fout, pad in fouten:
        if fout["type"] in _TYPE_NL and pad not in andere and not any(
                p[: len(pad)] == pad and len(p) > len(pad) for _, p in fouten):
            typepaden.setdefault(pad, []).append(_TYPE_NL[fout["type"]])
        elif fout["type"] not in _TYPE_NL:
            overig.append((fout, pad))
    uit = [bron.melding(pad, "hier hoort " + " of ".join(dict.fromkeys(typen)))
           for pad, typen in typepaden.items()]
    uit += [_melding(fout, pad, bron, soort) for fout, pad in overig]
    uniek = list({str(m): m for m in uit}.values())
    return sorted(uniek, key=lambda m: (m.regel or 0, m.kolom or 0))


def _melding(fout: dict, pad: tuple, bron: Bron, soort) -> Melding:
    soort_fout, loc = fout["type"], fout["loc"]
    if soort_fout == "missing":
        return bron.melding(pad, f"'{loc[-1]}' ontbreekt; dit veld is verplicht{_waar(pad)}",
                            sleutel=True)
    if soort_fout == "extra_forbidden":
        sleutel = loc[-1]
        hint = suggestie(sleutel, [k for k in _kandidaten(pad[:-1], soort) if k != sleutel])
        tekst = f"onbekende sleutel '{sleutel}'{_waar(pad[:-1])}"
        if hint:
            tekst += f"; bedoelde u '{hint}'?"
        return bron.melding(pad, tekst, sleutel=True)
    if soort_fout == "literal_error":
        verwacht = fout["ctx"]["expected"].replace("'", "")
        hint = suggestie(fout["input"], verwacht.replace(" or ", ", ").split(", "))
        tekst = f"'{fout['input']}' is hier geen geldige waarde; kies uit: {verwacht.replace(' or ', ', ')}"
        return bron.melding(pad, tekst + (f"; bedoelde u '{hint}'?" if hint else ""))
    if soort_fout == "too_short":
        return bron.melding(pad, f"'{pad[-1] if pad else loc[-1]}' mag niet leeg zijn; geef er minstens één")
    return bron.melding(pad, fout["msg"].removeprefix("Value error, "))


def _waar(pad: tuple) -> str:
    return f" (in {'.'.join(str(p) for p in pad)})" if pad else ""


def _kandidaten(ouder: tuple, soort) -> list[str]:
    if ouder == ():
        return [v["sleutel"] for v in soort.velden] + ["soort", "secties", "besluiten"]
    if ouder == ("secties",):
        return [s["sleutel"] for s in soort.secties]
    velden = set()
    for m in vars(model).values():
        if isinstance(m, type) and issubclass(m, model.Strikt) and m is not model.Strikt:
            velden |= set(m.model_fields)
    return sorted(velden)
