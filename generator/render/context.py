"""The one view of a validated proposal that every renderer reads.

Both the HTML (PDF) and the DOCX templates get this context, so the two
documents never disagree on content: which sections appear, their numbers,
the computed tables and the decision lines are all decided here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.proposal import formatting as fmt
from generator.proposal.model import Besluit, Bijlage, Tabel, is_empty
from generator.proposal.vocabulary import COLLEGE, ORGAAN_AUTEUR, RAAD, UITKOMST_TEKST, is_nvt
from generator.proposal.tables import ComputedTable, compute
from generator.proposal.validate import Voorstel

STATUS_TEXT = {"op koers": "Op koers", "aandacht": "Aandacht", "risico": "Risico"}


@dataclass
class Part:
    """One piece of a section: markdown text or a computed table."""

    soort: str  # tekst | tabel
    tekst: str = ""
    tabel: ComputedTable | None = None


@dataclass
class Sectie:
    sleutel: str
    titel: str
    number: int | None
    nvt: bool
    onderdelen: list[Part] = field(default_factory=list)
    uit_beslispunten: bool = False  # left empty: the template repeats the beslispunten

    @property
    def kop(self) -> str:
        return f"{self.number}. {self.titel}" if self.number else self.titel


@dataclass
class HeaderField:
    sleutel: str
    label: str
    waarde: str


@dataclass
class CollegeOndertekening:
    """'Den Helder, 3 maart 2020 / Burgemeester en Wethouders van Den Helder'."""

    plaats: str
    datum: str
    gemeente: str
    burgemeester: str  # '' leaves a line to sign
    secretaris: str


@dataclass
class Raadsbesluit:
    """The draft council decision, generated from the beslispunten."""

    gemeente: str
    onderwerp: str
    voorsteldatum: str  # the date of the college's proposal
    vergaderdatum: str  # '' until the council has decided
    besluitnummer: str
    punten: list[str]
    uitkomst: str  # '' for a plain 'aangenomen', else e.g. 'Geamendeerd aangenomen.'
    toelichting: str
    griffier: str
    voorzitter: str


@dataclass
class AspectRow:
    """One aspect of a progress report, with its status as word and css class."""

    aspect: str
    status: str  # op koers | aandacht | risico
    statustekst: str
    klasse: str
    toelichting: str
    afwijking: str  # '' when not given, 'Nee' for zero, else the amount


def build(voorstel: Voorstel) -> dict:
    v, soort = voorstel.data, voorstel.soort
    college = latest_besluit(v.besluiten, COLLEGE)
    raad = latest_besluit(v.besluiten, RAAD)
    return {
        "v": v,
        "soort": soort,
        "titel": v.document_title,
        "auteur": _author(voorstel),
        "kop": header_fields(voorstel),
        "secties": secties(voorstel),
        "beslispunten_intro": soort.beslispunten_intro,
        "college_besluit": college,
        "raad_besluit": raad,
        "concept": not v.besluiten,
        "vastgesteld": vastgesteld(v.besluiten),
        "bijlagen": [_bijlage(b) for b in (getattr(v, "bijlagen", None) or [])],
        "ondertekening": college_ondertekening(voorstel),
        "raadsbesluit": raadsbesluit(voorstel, raad),
        "aspecten": aspecten(voorstel),
        "afwijkingen": afwijkingen(voorstel),
        # the PDF's Subject: also where a screen reader user learns that it is a concept
        "beschrijving": " ".join(d for d in (soort.titel, str(getattr(v, "kenmerk", None) or "")) if d)
        + ("" if v.besluiten else ", concept"),
        "trefwoorden": ", ".join(d for d in (soort.naam, str(getattr(v, "gemeente", None) or "")) if d),
    }


def header_fields(voorstel: Voorstel) -> list[HeaderField]:
    """The header block. An entry of kind.yaml's `kop` is a field key, or
    `{veld: behandeld_door.telefoon, label: Telefoonnummer, leeg: "–"}` for a
    part of a field, another label, or a placeholder instead of leaving it out."""
    out = []
    for item in voorstel.soort.kop:
        item = item if isinstance(item, dict) else {"veld": item}
        sleutel = str(item["veld"])
        label, waarde = _header_value(voorstel, sleutel)
        waarde = waarde or item.get("leeg", "")
        if waarde:
            out.append(HeaderField(sleutel, item.get("label", label), waarde))
    return out


def _header_value(voorstel: Voorstel, sleutel: str) -> tuple[str, str]:
    naam, *part = sleutel.split(".")
    veld = voorstel.soort.veld(naam) or {"label": naam.capitalize(), "type": "tekst"}
    waarde = getattr(voorstel.data, naam, None)
    if not part:
        return veld.get("label", naam), text_value(waarde, veld.get("type", "tekst"))
    for step in part:
        waarde = getattr(waarde, step, None)
    type_ = "datum" if isinstance(waarde, dt.date) else "tekst"
    return part[-1].capitalize(), text_value(waarde, type_)


def text_value(waarde, type_: str) -> str:
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
    if type_ == "bijlagen":
        return str(len(waarde)) if waarde else ""
    if isinstance(waarde, list):
        return ", ".join(str(w) for w in waarde)
    return str(waarde)


def secties(voorstel: Voorstel) -> list[Sectie]:
    out, number = [], 0
    for s in voorstel.soort.secties:
        inhoud = voorstel.data.sectie(s["sleutel"])
        if s.get("genummerd"):
            number += 1
        if is_empty(inhoud) and s.get("weglaten_als_leeg"):
            continue
        sectie = Sectie(
            s["sleutel"],
            s["titel"],
            number if s.get("genummerd") else None,
            nvt=is_nvt(inhoud) or (is_empty(inhoud) and not s.get("uit_beslispunten")),
            uit_beslispunten=is_empty(inhoud) and bool(s.get("uit_beslispunten")),
        )
        if not sectie.nvt and not sectie.uit_beslispunten:
            sectie.onderdelen = onderdelen(inhoud)
        out.append(sectie)
    return out


def onderdelen(inhoud) -> list[Part]:
    if isinstance(inhoud, str):
        return [Part("tekst", tekst=inhoud)]
    out = []
    for part in inhoud:
        if isinstance(part, Tabel):
            out.append(Part("tabel", tabel=compute(part)))
        else:
            out.append(Part("tekst", tekst=part))
    return out


def vastgesteld(besluiten: list[Besluit]) -> str | None:
    """When the document became final (W3C date-time), fixed by its latest decision."""
    if not besluiten:
        return None
    last = besluiten[-1]
    if last.vastgelegd_op is not None:
        return last.vastgelegd_op.isoformat()
    return last.datum.isoformat() + "T00:00:00+00:00"


def latest_besluit(besluiten: list[Besluit], orgaan: str) -> Besluit | None:
    of_orgaan = [b for b in besluiten if b.orgaan == orgaan]
    return of_orgaan[-1] if of_orgaan else None


def besluitregel(besluit: Besluit) -> str:
    """'Conform.' or 'Gewijzigd vastgesteld.' (the toelichting is shown below it)."""
    return UITKOMST_TEKST[besluit.uitkomst]


def college_ondertekening(voorstel: Voorstel) -> CollegeOndertekening | None:
    """The college's signature block, for a kind with an `ondertekening` field."""
    if not _fields_of_type(voorstel.soort, "ondertekening"):
        return None
    v = voorstel.data
    o = getattr(v, _fields_of_type(voorstel.soort, "ondertekening")[0], None)
    gemeente = getattr(v, "gemeente", "") or ""
    return CollegeOndertekening(
        plaats=(o.plaats if o and o.plaats else gemeente),
        datum=fmt.datum(getattr(v, "datum", None)),
        gemeente=gemeente,
        burgemeester=o.burgemeester if o else "",
        secretaris=o.secretaris if o else "",
    )


def raadsbesluit(voorstel: Voorstel, besluit: Besluit | None) -> Raadsbesluit | None:
    """The raadsbesluit of a kind the council decides on (besluitorganen has 'raad')."""
    soort, v = voorstel.soort, voorstel.data
    punten = _fields_of_type(soort, "beslispunten")
    if RAAD not in soort.besluitorganen or not punten:
        return None
    ondertekenaars = _fields_of_type(soort, "raadsondertekening")
    raad = getattr(v, ondertekenaars[0], None) if ondertekenaars else None
    return Raadsbesluit(
        gemeente=getattr(v, "gemeente", "") or "",
        onderwerp=v.title,
        voorsteldatum=fmt.datum(getattr(v, "datum", None)),
        vergaderdatum=fmt.datum(besluit.datum) if besluit else "",
        besluitnummer=(besluit.besluitnummer or "") if besluit else "",
        punten=list(getattr(v, punten[0]) or []),
        uitkomst=besluitregel(besluit) if besluit and besluit.uitkomst != "aangenomen" else "",
        toelichting=(besluit.toelichting or "") if besluit else "",
        griffier=(raad.griffier or "") if raad else "",
        voorzitter=(raad.voorzitter or "") if raad else "",
    )


def aspecten(voorstel: Voorstel) -> list[AspectRow]:
    """The aspects of a progress report (a field of type `aspecten`), in order."""
    velden = _fields_of_type(voorstel.soort, "aspecten")
    list_ = (getattr(voorstel.data, velden[0], None) or []) if velden else []
    return [
        AspectRow(
            aspect=a.aspect,
            status=a.status,
            statustekst=STATUS_TEXT[a.status],
            klasse=a.status.replace(" ", "-"),
            toelichting=a.toelichting,
            afwijking=_deviation(a.afwijking_begroting),
        )
        for a in list_
    ]


def afwijkingen(voorstel: Voorstel) -> list[HeaderField]:
    """The project's deviations as a whole: the given fields `afwijking_*` of the kind."""
    out = []
    for veld in voorstel.soort.velden:
        waarde = getattr(voorstel.data, veld["sleutel"], None)
        if not veld["sleutel"].startswith("afwijking_") or waarde is None:
            continue
        tekst = _deviation(waarde) if veld.get("type") == "bedrag" else text_value(waarde, veld.get("type", "tekst"))
        out.append(HeaderField(veld["sleutel"], veld.get("label", veld["sleutel"]), tekst))
    return out


def _deviation(bedrag) -> str:
    if bedrag is None:
        return ""
    return "Nee" if bedrag == 0 else fmt.bedrag(bedrag)


def _fields_of_type(soort, type_: str) -> list[str]:
    return [v["sleutel"] for v in soort.velden if v.get("type") == type_]


def _author(voorstel: Voorstel) -> str:
    """The author for the PDF metadata: kind.yaml's `auteur` field, else the steller,
    else the portefeuillehouder, the gemeente, or who decides (never empty)."""
    v = voorstel.data
    persoon = getattr(v, voorstel.soort.raw.get("auteur", "steller"), None)
    if persoon is not None and (getattr(persoon, "naam", None) or isinstance(persoon, str)):
        return getattr(persoon, "naam", None) or str(persoon)
    for sleutel in ("portefeuillehouder", "gemeente"):
        if getattr(v, sleutel, None):
            return f"Gemeente {getattr(v, sleutel)}" if sleutel == "gemeente" else str(getattr(v, sleutel))
    return ORGAAN_AUTEUR.get(voorstel.soort.orgaan, "") or voorstel.soort.titel


def _bijlage(b) -> Bijlage:
    return Bijlage(titel=b) if isinstance(b, str) else b
