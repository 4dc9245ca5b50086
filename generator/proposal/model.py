"""The validated proposal: pydantic models, built per kind from its kind.yaml.

Static building blocks (tables, persons, decisions, ...) live here; the
top-level model of a kind is created from the field types its kind.yaml
names, so a kind is data and needs no Python.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, create_model, model_validator
from pydantic_core import PydanticCustomError

from generator.proposal.amounts import Bedrag, OptAmount
from generator.proposal.vocabulary import Orgaan, Uitkomst

# Text as YAML gives it: `kenmerk: 2024.00321` is a YAML number, but nota keeps
# the text as written (see load.YamlFloat), so check accepts it; the schema says
# the same, so an editor does not underline what `nota check` accepts. A whole
# number (`kenmerk: 00321`) loses its zeros in YAML and is refused by both.
Tekst = Annotated[str, WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "number", "not": {"type": "integer"}}]})]
Markdown = Tekst
ROLES = ("kosten", "dekking", "overig")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class Persoon(Strict):
    naam: Tekst
    functie: Optional[Tekst] = None
    email: Optional[Tekst] = None
    telefoon: Optional[Tekst] = None


class Bijlage(Strict):
    titel: Tekst
    bestand: Optional[Tekst] = None


class Ondertekening(Strict):
    plaats: Optional[Tekst] = None
    burgemeester: Tekst
    secretaris: Tekst


class RaadOndertekening(Strict):
    """Who signs the raadsbesluit; left out, the document leaves room to sign."""

    griffier: Optional[Tekst] = None
    voorzitter: Optional[Tekst] = None


class Ondertekenaar(Strict):
    naam: Tekst
    functie: Tekst


class Regel(Strict):
    post: Optional[Tekst] = None
    subtotaal: Optional[Tekst] = None
    bedrag: Union[OptAmount, list[OptAmount]] = None
    toelichting: Optional[Tekst] = None

    @model_validator(mode="after")
    def _one_soort(self):
        if (self.post is None) == (self.subtotaal is None):
            raise PydanticCustomError(
                "regel", "een regel heeft 'post' (met 'bedrag') of 'subtotaal' (een label), niet beide of geen"
            )
        if self.subtotaal is not None and self.bedrag is not None:
            raise PydanticCustomError("regel", "een subtotaalregel krijgt geen bedrag: nota telt het zelf uit")
        return self

    def bedragen(self, n: int) -> list:
        if isinstance(self.bedrag, list):
            return list(self.bedrag)
        return [self.bedrag] + [None] * (n - 1)


class Tabel(Strict):
    tabel: Tekst = Field(description="Titel van de tabel, bijvoorbeeld 'Begroting 2021'")
    rol: Literal["kosten", "dekking", "overig"] = "overig"
    kolommen: list[Union[Tekst, int]] = Field(default_factory=lambda: list[Union[str, int]](["Bedrag"]), min_length=1)
    postkop: Optional[Tekst] = None
    toelichting: Optional[Tekst] = None
    regels: list[Regel] = Field(min_length=1)
    totaal: Union[OptAmount, list[OptAmount]] = None
    totaallabel: Tekst = "Totaal"
    rijtotaal: bool = False

    @model_validator(mode="after")
    def _columns_fit(self):
        n = len(self.kolommen)
        for regel, waarde in [(j, r.bedrag) for j, r in enumerate(self.regels)] + [(-1, self.totaal)]:
            if isinstance(waarde, list) and len(waarde) != n:
                raise PydanticCustomError(
                    "kolommen",
                    "de tabel heeft {n} kolommen ({k}) maar hier staan {m} bedragen",
                    {"n": n, "m": len(waarde), "k": ", ".join(str(k) for k in self.kolommen), "regel": regel},
                )
            if n > 1 and waarde is not None and not isinstance(waarde, list):
                raise PydanticCustomError(
                    "kolommen",
                    "de tabel heeft {n} kolommen: geef per regel een lijst van {n} bedragen, "
                    "bijvoorbeeld [180000, 20000, null]",
                    {"n": n, "regel": regel},
                )
        return self


SectionContent = Union[None, Markdown, list[Union[Markdown, Tabel]]]


class VraagAntwoord(Strict):
    vraag: Markdown
    antwoord: Markdown


class Aspect(Strict):
    aspect: Tekst
    status: Literal["op koers", "aandacht", "risico"]
    toelichting: Markdown = ""
    afwijking_begroting: Optional[Bedrag] = None


class Besluit(Strict):
    orgaan: Orgaan
    datum: dt.date
    uitkomst: Uitkomst
    toelichting: Optional[Tekst] = None
    besluitnummer: Optional[Tekst] = None
    vastgelegd_door: Optional[Tekst] = None
    vastgelegd_op: Optional[dt.datetime] = None
    inhoud_sha256: Optional[Tekst] = None
    inhoud_per_veld: Optional[dict[str, str]] = None  # decisions/seal.py
    bestanden_sha256: Optional[dict[str, str]] = None  # the files the proposal references
    herzegeld_op: Optional[dt.datetime] = None  # `nota herzegel`: sealed again, by whom
    herzegeld_door: Optional[Tekst] = None
    besluit_sha256: Optional[Tekst] = None


def _choice(opties):
    return Literal[tuple(opties)]


FIELD_TYPES: dict[str, Any] = {
    "tekst": Tekst,
    "markdown": Markdown,
    "datum": dt.date,
    "janee": bool,
    "getal": int,
    "bedrag": Bedrag,
    "persoon": Persoon,
    "personen": list[Persoon],
    "lijst": list[Tekst],
    "beslispunten": list[Tekst],
    "bijlagen": list[Union[Bijlage, Tekst]],
    "ondertekening": Ondertekening,
    "raadsondertekening": RaadOndertekening,
    "ondertekenaars": list[Ondertekenaar],
    "vragen": list[VraagAntwoord],
    "aspecten": list[Aspect],
}


# Field types that are lists: a required one may not be empty.
LIST_TYPES = ("beslispunten", "vragen", "aspecten", "lijst", "personen", "bijlagen", "ondertekenaars")


class VoorstelBasis(Strict):
    """What every kind's model has; `build_model` adds the fields of kind.yaml."""

    soort: str
    besluiten: list[Besluit] = Field(default_factory=list)

    # Set per kind by build_model from kind.yaml: the field that says what the
    # proposal is about (`titelveld`, default onderwerp) and the kind's own title.
    titelveld: ClassVar[str] = "onderwerp"
    soorttitel: ClassVar[str] = ""
    # Set per kind by build_model: each field's key and its kind.yaml type, in order.
    field_types: ClassVar[dict[str, str]] = {}

    def value(self, key: str) -> Any:
        """The typed value of header field `key`; None when left out or not a field of this kind."""
        return getattr(self, key, None) if key in self.field_types else None

    def field(self, key: str) -> str | None:
        """Header field `key` as text (a kenmerk, a gemeente, a keuze); None when left out or empty."""
        value = self.value(key)
        return None if value is None or value == "" else str(value)

    def keys_of_type(self, type_: str) -> list[str]:
        """The keys of this kind's fields of kind.yaml type `type_` (`beslispunten`, `bijlagen` ...)."""
        return [key for key, t in self.field_types.items() if t == type_]

    def _first_of_type(self, type_: str) -> Any:
        keys = self.keys_of_type(type_)
        return self.value(keys[0]) if keys else None

    def proposal_date(self) -> dt.date | None:
        """The proposal's own date (its field `datum`), None when left out."""
        value = self.value("datum")
        return value if isinstance(value, dt.date) else None

    def decision_points(self) -> list[str]:
        """The beslispunten (the kind's field of type `beslispunten`); empty for a kind without."""
        return [str(p) for p in self._first_of_type("beslispunten") or []]

    def attachments(self) -> list[Bijlage]:
        """The bijlagen, each as a `Bijlage` (a bare title becomes one without a file)."""
        items = self._first_of_type("bijlagen") or []
        return [Bijlage(titel=b) if isinstance(b, str) else b for b in items]

    def signing(self) -> Ondertekening | None:
        """The college's ondertekening, None when left out or not a field of this kind."""
        value = self._first_of_type("ondertekening")
        return value if isinstance(value, Ondertekening) else None

    def council_signing(self) -> RaadOndertekening | None:
        """Who signs the raadsbesluit, None when left out or not a field of this kind."""
        value = self._first_of_type("raadsondertekening")
        return value if isinstance(value, RaadOndertekening) else None

    def aspects(self) -> list[Aspect]:
        """The aspects of a progress report; empty for a kind without."""
        return list(self._first_of_type("aspecten") or [])

    def tables(self, sleutel: str) -> list[Tabel]:
        """The tables in section `sleutel`, in order; empty when it has none."""
        content = self.sectie(sleutel)
        return [part for part in content if isinstance(part, Tabel)] if isinstance(content, list) else []

    def decision_in_force(self, orgaan: str | None = None) -> Besluit | None:
        """The latest recorded besluit (of `orgaan`, when given), None when there is none."""
        of_orgaan = [b for b in self.besluiten if orgaan is None or b.orgaan == orgaan]
        return of_orgaan[-1] if of_orgaan else None

    @property
    def title(self) -> str:
        """What the proposal is about: the text of its kind's title field ('' when left out).

        The one derivation every output reads: PDF and DOCX metadata, output file
        names, the besluitenlijst and the editor's start page."""
        value = self.value(self.titelveld)
        return " ".join(str(value).split()) if value else ""

    def sections(self) -> dict[str, Any]:
        """Every section's content by key, in the kind's order; empty for a kind without."""
        secties = getattr(self, "secties", None)  # a field only of kinds that have sections
        return {} if secties is None else {k: getattr(secties, k) for k in type(secties).model_fields}

    def sectie(self, sleutel: str) -> Any:
        """The content of one section: text, a list of texts and tables, or None (left
        out, or not a section of this kind)."""
        return self.sections().get(sleutel)

    @property
    def document_title(self) -> str:
        """The document's title as metadata gives it: 'Collegenota: <title>'."""
        return ": ".join(d for d in (self.soorttitel, self.title) if d)


def _field(veld: dict):
    type_ = FIELD_TYPES[veld["type"]] if veld["type"] != "keuze" else _choice(veld["opties"])
    description = veld.get("label")
    if veld.get("verplicht"):
        min_len = 1 if veld["type"] in LIST_TYPES else None
        return (type_, Field(..., description=description, min_length=min_len))
    standaard = veld.get("standaard")
    return (Optional[type_], Field(standaard, description=description))


def _secties_model(naam: str, secties: list[dict], lenient: bool = False) -> type[Strict]:
    velden: dict[str, Any] = {}
    for s in secties:
        if s.get("verplicht") and not lenient:
            velden[s["sleutel"]] = (SectionContent, Field(..., description=s["titel"]))
        else:
            velden[s["sleutel"]] = (SectionContent, Field(None, description=s["titel"]))
    model = create_model(f"Secties_{naam}{'_deels' if lenient else ''}", __base__=Strict, **velden)
    return model


def build_model(soort, lenient: bool = False) -> type[VoorstelBasis]:
    """The pydantic model of one kind, from its kind.yaml (a `Soort`).

    `lenient`: every field optional, for running the checks on the part of a
    proposal that is valid while other parts are not."""
    velden: dict[str, Any] = {}
    for veld in soort.velden:
        velden[veld["sleutel"]] = _field(dict(veld, verplicht=False) if lenient else veld)
    if soort.secties:
        secties = _secties_model(soort.naam, soort.secties, lenient)
        velden["secties"] = (secties, Field(default_factory=secties, description="De secties van de nota"))
    velden["soort"] = (Literal[soort.naam], Field(..., description=soort.titel))
    naam = f"Voorstel_{soort.naam}{'_deels' if lenient else ''}"
    built = create_model(naam, __base__=VoorstelBasis, **velden)
    built.titelveld = soort.titelveld
    built.field_types = {str(veld["sleutel"]): str(veld["type"]) for veld in soort.velden}
    built.soorttitel = soort.titel
    return built


def is_empty(inhoud) -> bool:
    return inhoud is None or (
        isinstance(inhoud, (str, list)) and not (inhoud.strip() if isinstance(inhoud, str) else inhoud)
    )
