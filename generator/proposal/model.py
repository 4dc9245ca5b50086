"""The validated proposal: pydantic models, built per kind from its kind.yaml.

Static building blocks (tables, persons, decisions, ...) live here; the
top-level model of a kind is created from the field types its kind.yaml
names, so a kind is data and needs no Python.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator
from pydantic_core import PydanticCustomError

from generator.proposal.amounts import Bedrag, OptAmount

Markdown = str
ROLES = ("kosten", "dekking", "overig")
NVT = ("nvt", "n.v.t.", "niet van toepassing")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class Persoon(Strict):
    naam: str
    functie: Optional[str] = None
    email: Optional[str] = None
    telefoon: Optional[str] = None


class Bijlage(Strict):
    titel: str
    bestand: Optional[str] = None


class Ondertekening(Strict):
    plaats: Optional[str] = None
    burgemeester: str
    secretaris: str


class RaadOndertekening(Strict):
    """Who signs the raadsbesluit; left out, the document leaves room to sign."""

    griffier: Optional[str] = None
    voorzitter: Optional[str] = None


class Ondertekenaar(Strict):
    naam: str
    functie: str


class Regel(Strict):
    post: Optional[str] = None
    subtotaal: Optional[str] = None
    bedrag: Union[OptAmount, list[OptAmount]] = None
    toelichting: Optional[str] = None

    @model_validator(mode="after")
    def _one_soort(self):
        if (self.post is None) == (self.subtotaal is None):
            raise PydanticCustomError(
                "regel", "een regel heeft 'post' (met 'bedrag') of 'subtotaal' (een label), niet beide of geen")
        if self.subtotaal is not None and self.bedrag is not None:
            raise PydanticCustomError(
                "regel", "een subtotaalregel krijgt geen bedrag: nota telt het zelf uit")
        return self

    def bedragen(self, n: int) -> list:
        if isinstance(self.bedrag, list):
            return list(self.bedrag)
        return [self.bedrag] + [None] * (n - 1)


class Tabel(Strict):
    tabel: str = Field(description="Titel van de tabel, bijvoorbeeld 'Begroting 2021'")
    rol: Literal["kosten", "dekking", "overig"] = "overig"
    kolommen: list[Union[str, int]] = Field(default_factory=lambda: ["Bedrag"], min_length=1)
    postkop: Optional[str] = None
    toelichting: Optional[str] = None
    regels: list[Regel] = Field(min_length=1)
    totaal: Union[OptAmount, list[OptAmount]] = None
    totaallabel: str = "Totaal"
    rijtotaal: bool = False

    @model_validator(mode="after")
    def _columns_fit(self):
        n = len(self.kolommen)
        for waarde in [r.bedrag for r in self.regels] + [self.totaal]:
            if isinstance(waarde, list) and len(waarde) != n:
                raise PydanticCustomError(
                    "kolommen", "de tabel heeft {n} kolommen ({k}) maar een regel geeft {m} bedragen",
                    {"n": n, "m": len(waarde), "k": ", ".join(str(k) for k in self.kolommen)})
            if n > 1 and waarde is not None and not isinstance(waarde, list):
                raise PydanticCustomError(
                    "kolommen", "de tabel heeft {n} kolommen: geef per regel een lijst van {n} bedragen, "
                    "bijvoorbeeld [180000, 20000, null]", {"n": n})
        return self


SectionContent = Union[None, Markdown, list[Union[Markdown, Tabel]]]


class VraagAntwoord(Strict):
    vraag: Markdown
    antwoord: Markdown


class Aspect(Strict):
    aspect: str
    status: Literal["op koers", "aandacht", "risico"]
    toelichting: Markdown = ""
    afwijking_begroting: Optional[Bedrag] = None


class Besluit(Strict):
    orgaan: Literal["college", "raad"]
    datum: dt.date
    uitkomst: Literal["conform", "gewijzigd", "aangehouden", "afgewezen",
                      "aangenomen", "geamendeerd", "verworpen"]
    toelichting: Optional[str] = None
    besluitnummer: Optional[str] = None
    vastgelegd_door: Optional[str] = None
    vastgelegd_op: Optional[dt.datetime] = None
    inhoud_sha256: Optional[str] = None


def _choice(opties):
    return Literal[tuple(opties)]


FIELD_TYPES: dict[str, Any] = {
    "tekst": str,
    "markdown": Markdown,
    "datum": dt.date,
    "janee": bool,
    "getal": int,
    "bedrag": Bedrag,
    "persoon": Persoon,
    "personen": list[Persoon],
    "lijst": list[str],
    "beslispunten": list[str],
    "bijlagen": list[Union[Bijlage, str]],
    "ondertekening": Ondertekening,
    "raadsondertekening": RaadOndertekening,
    "ondertekenaars": list[Ondertekenaar],
    "vragen": list[VraagAntwoord],
    "aspecten": list[Aspect],
}


# Field types that are lists: a required one may not be empty.
LIST_TYPES = ("beslispunten", "vragen", "aspecten", "lijst", "personen", "bijlagen", "ondertekenaars")


class VoorstelBasis(Strict):
    soort: str
    besluiten: list[Besluit] = Field(default_factory=list)


def _field(veld: dict):
    type_ = FIELD_TYPES[veld["type"]] if veld["type"] != "keuze" else _choice(veld["opties"])
    description = veld.get("label")
    if veld.get("verplicht"):
        min_len = 1 if veld["type"] in LIST_TYPES else None
        return (type_, Field(..., description=description, min_length=min_len))
    standaard = veld.get("standaard")
    return (Optional[type_], Field(standaard, description=description))


def _secties_model(naam: str, secties: list[dict]):
    velden = {}
    for s in secties:
        if s.get("verplicht"):
            velden[s["sleutel"]] = (SectionContent, Field(..., description=s["titel"]))
        else:
            velden[s["sleutel"]] = (SectionContent, Field(None, description=s["titel"]))
    model = create_model(f"Secties_{naam}", __base__=Strict, **velden)
    return model


def build_model(soort) -> type[BaseModel]:
    """The pydantic model of one kind, from its kind.yaml (a `Soort`)."""
    velden: dict[str, Any] = {}
    for veld in soort.velden:
        velden[veld["sleutel"]] = _field(veld)
    if soort.secties:
        secties = _secties_model(soort.naam, soort.secties)
        velden["secties"] = (secties, Field(default_factory=secties, description="De secties van de nota"))
    velden["soort"] = (Literal[soort.naam], Field(..., description=soort.titel))
    return create_model(f"Voorstel_{soort.naam}", __base__=VoorstelBasis, **velden)


def is_nvt(inhoud) -> bool:
    return isinstance(inhoud, str) and inhoud.strip().lower() in NVT


def is_empty(inhoud) -> bool:
    return inhoud is None or (isinstance(inhoud, (str, list)) and not (
        inhoud.strip() if isinstance(inhoud, str) else inhoud))
