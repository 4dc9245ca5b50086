"""The one view of a validated proposal that every renderer reads.

Both the HTML (PDF) and the DOCX templates get this context, so the two
documents never disagree on content: which sections appear, their numbers,
the computed tables and the decision lines are all decided here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import formatting as fmt
from .model import Besluit, Bijlage, Tabel, is_leeg, is_nvt
from .tables import BerekendeTabel, bereken
from .validate import Voorstel

NIET_VAN_TOEPASSING = "Niet van toepassing"
UITKOMST_TEKST = {
    "conform": "Conform.", "gewijzigd": "Gewijzigd vastgesteld.", "aangehouden": "Aangehouden.",
    "afgewezen": "Afgewezen.", "aangenomen": "Aangenomen.", "geamendeerd": "Geamendeerd aangenomen.",
    "verworpen": "Verworpen.",
}


@dataclass
class Onderdeel:
    """One piece of a section: markdown text or a computed table."""

    soort: str  # tekst | tabel
    tekst: str = ""
    tabel: BerekendeTabel | None = None


@dataclass
class Sectie:
    sleutel: str
    titel: str
    nummer: int | None
    nvt: bool
    onderdelen: list[Onderdeel] = field(default_factory=list)
    uit_beslispunten: bool = False  # left empty: the template repeats the beslispunten

    @property
    def kop(self) -> str:
        return f"{self.nummer}. {self.titel}" if self.nummer else self.titel


@dataclass
class KopVeld:
    sleutel: str
    label: str
    waarde: str


def bouw(voorstel: Voorstel) -> dict:
    v, soort = voorstel.data, voorstel.soort
    college = laatste_besluit(v.besluiten, "college")
    raad = laatste_besluit(v.besluiten, "raad")
    return {
        "v": v,
        "soort": soort,
        "titel": f"{soort.titel}: {getattr(v, 'onderwerp', '') or ''}".strip(": "),
        "auteur": _auteur(v),
        "kop": kopvelden(voorstel),
        "secties": secties(voorstel),
        "beslispunten_intro": soort.beslispunten_intro,
        "college_besluit": college,
        "raad_besluit": raad,
        "concept": not v.besluiten,
        "bijlagen": [_bijlage(b) for b in (getattr(v, "bijlagen", None) or [])],
    }


def kopvelden(voorstel: Voorstel) -> list[KopVeld]:
    uit = []
    for sleutel in voorstel.soort.kop:
        veld = voorstel.soort.veld(sleutel) or {"label": sleutel.capitalize(), "type": "tekst"}
        waarde = tekstwaarde(getattr(voorstel.data, sleutel, None), veld.get("type", "tekst"))
        if waarde:
            uit.append(KopVeld(sleutel, veld.get("label", sleutel), waarde))
    return uit


def tekstwaarde(waarde, type_: str) -> str:
    """A header field as one line of text."""
    if waarde is None:
        return ""
    if type_ == "datum":
        return fmt.datum(waarde)
    if type_ == "janee":
        return "Ja" if waarde else "Nee"
    if type_ == "bedrag":
        return fmt.bedrag(waarde)
    if type_ == "keuze":
        return str(waarde).capitalize()
    if type_ == "persoon":
        return ", ".join(d for d in (waarde.naam, waarde.functie, waarde.email, waarde.telefoon) if d)
    return str(waarde)


def secties(voorstel: Voorstel) -> list[Sectie]:
    data = getattr(voorstel.data, "secties", None)
    uit, nummer = [], 0
    for s in voorstel.soort.secties:
        inhoud = getattr(data, s["sleutel"], None) if data is not None else None
        if s.get("genummerd"):
            nummer += 1
        if is_leeg(inhoud) and s.get("weglaten_als_leeg"):
            continue
        sectie = Sectie(s["sleutel"], s["titel"], nummer if s.get("genummerd") else None,
                        nvt=is_nvt(inhoud) or (is_leeg(inhoud) and not s.get("uit_beslispunten")),
                        uit_beslispunten=is_leeg(inhoud) and bool(s.get("uit_beslispunten")))
        if not sectie.nvt and not sectie.uit_beslispunten:
            sectie.onderdelen = onderdelen(inhoud)
        uit.append(sectie)
    return uit


def onderdelen(inhoud) -> list[Onderdeel]:
    if isinstance(inhoud, str):
        return [Onderdeel("tekst", tekst=inhoud)]
    uit = []
    for deel in inhoud:
        if isinstance(deel, Tabel):
            uit.append(Onderdeel("tabel", tabel=bereken(deel)))
        else:
            uit.append(Onderdeel("tekst", tekst=deel))
    return uit


def laatste_besluit(besluiten: list[Besluit], orgaan: str) -> Besluit | None:
    van_orgaan = [b for b in besluiten if b.orgaan == orgaan]
    return van_orgaan[-1] if van_orgaan else None


def besluitregel(besluit: Besluit) -> str:
    """'Conform.' or 'Gewijzigd vastgesteld.' (the toelichting is shown below it)."""
    return UITKOMST_TEKST[besluit.uitkomst]


def _auteur(v) -> str:
    steller = getattr(v, "steller", None)
    if steller is not None:
        return steller.naam
    return getattr(v, "gemeente", "") or ""


def _bijlage(b) -> Bijlage:
    return Bijlage(titel=b) if isinstance(b, str) else b
