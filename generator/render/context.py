"""The one view of a validated proposal that every renderer reads.

Both the HTML (PDF) and the DOCX templates get this context, so the two
documents never disagree on content: which sections appear, their numbers,
the computed tables and the decision lines are all decided here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.proposal import formatting as fmt
from generator.proposal.model import Besluit, Persoon, Tabel, is_empty
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
    college = v.decision_in_force(COLLEGE)
    raad = v.decision_in_force(RAAD)
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
        "bijlagen": v.attachments(),
        "ondertekening": college_ondertekening(voorstel),
        "raadsbesluit": raadsbesluit(voorstel, raad),
        "aspecten": aspecten(voorstel),
        "afwijkingen": afwijkingen(voorstel),
        # the PDF's Subject: also where a screen reader user learns that it is a concept
        "beschrijving": " ".join(d for d in (soort.titel, v.field("kenmerk")) if d)
        + ("" if v.besluiten else ", concept"),
        "trefwoorden": ", ".join(d for d in (soort.naam, v.field("gemeente")) if d),
    }


def header_fields(voorstel: Voorstel) -> list[HeaderField]:
    """The header block. An entry of kind.yaml's `kop` is a field key, or
    `{veld: behandeld_door.telefoon, label: Telefoonnummer, leeg: "–"}` for a
    part of a field, another label, or a placeholder instead of leaving it out."""
    out = []
    for item in voorstel.soort.kop:
        item = item if isinstance(item, dict) else {"veld": item}
        key = str(item["veld"])
        label, value = _header_value(voorstel, key)
        value = value or item.get("leeg", "")
        if value:
            out.append(HeaderField(key, item.get("label", label), value))
    return out


def _header_value(voorstel: Voorstel, key: str) -> tuple[str, str]:
    name, *part = key.split(".")
    field_spec = voorstel.soort.veld(name) or {"label": name.capitalize(), "type": "tekst"}
    value = voorstel.data.value(name)
    if not part:
        return field_spec.get("label", name), text_value(value, field_spec.get("type", "tekst"))
    for step in part:
        value = getattr(value, step, None)
    type_ = "datum" if isinstance(value, dt.date) else "tekst"
    return part[-1].capitalize(), text_value(value, type_)


def text_value(value, type_: str) -> str:
    """A header field as one line of text."""
    if value is None:
        return ""
    if type_ == "datum":
        return fmt.datum(value)
    if type_ == "janee":
        return "Ja" if value else "Nee"
    if type_ == "bedrag":
        return fmt.bedrag(value)
    if type_ == "keuze":
        return str(value).capitalize()
    if type_ == "persoon":
        return ", ".join(d for d in (value.naam, value.functie, value.email, value.telefoon) if d)
    if type_ == "bijlagen":
        return str(len(value)) if value else ""
    if isinstance(value, list):
        return ", ".join(str(w) for w in value)
    return str(value)


def secties(voorstel: Voorstel) -> list[Sectie]:
    out, number = [], 0
    for s in voorstel.soort.secties:
        content = voorstel.data.sectie(s["sleutel"])
        if s.get("genummerd"):
            number += 1
        if is_empty(content) and s.get("weglaten_als_leeg"):
            continue
        sectie = Sectie(
            s["sleutel"],
            s["titel"],
            number if s.get("genummerd") else None,
            nvt=is_nvt(content) or (is_empty(content) and not s.get("uit_beslispunten")),
            uit_beslispunten=is_empty(content) and bool(s.get("uit_beslispunten")),
        )
        if not sectie.nvt and not sectie.uit_beslispunten:
            sectie.onderdelen = onderdelen(content)
        out.append(sectie)
    return out


def onderdelen(content) -> list[Part]:
    if isinstance(content, str):
        return [Part("tekst", tekst=content)]
    out = []
    for part in content:
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


def besluitregel(besluit: Besluit) -> str:
    """'Conform.' or 'Gewijzigd vastgesteld.' (the toelichting is shown below it)."""
    return UITKOMST_TEKST[besluit.uitkomst]


def college_ondertekening(voorstel: Voorstel) -> CollegeOndertekening | None:
    """The college's signature block, for a kind with an `ondertekening` field."""
    v = voorstel.data
    if not v.keys_of_type("ondertekening"):
        return None
    o = v.signing()
    gemeente = v.field("gemeente") or ""
    return CollegeOndertekening(
        plaats=(o.plaats if o and o.plaats else gemeente),
        datum=fmt.datum(v.proposal_date()),
        gemeente=gemeente,
        burgemeester=o.burgemeester if o else "",
        secretaris=o.secretaris if o else "",
    )


def raadsbesluit(voorstel: Voorstel, besluit: Besluit | None) -> Raadsbesluit | None:
    """The raadsbesluit of a kind the council decides on (besluitorganen has 'raad')."""
    soort, v = voorstel.soort, voorstel.data
    if RAAD not in soort.besluitorganen or not v.keys_of_type("beslispunten"):
        return None
    raad = v.council_signing()
    return Raadsbesluit(
        gemeente=v.field("gemeente") or "",
        onderwerp=v.title,
        voorsteldatum=fmt.datum(v.proposal_date()),
        vergaderdatum=fmt.datum(besluit.datum) if besluit else "",
        besluitnummer=(besluit.besluitnummer or "") if besluit else "",
        punten=v.decision_points(),
        uitkomst=besluitregel(besluit) if besluit and besluit.uitkomst != "aangenomen" else "",
        toelichting=(besluit.toelichting or "") if besluit else "",
        griffier=(raad.griffier or "") if raad else "",
        voorzitter=(raad.voorzitter or "") if raad else "",
    )


def aspecten(voorstel: Voorstel) -> list[AspectRow]:
    """The aspects of a progress report (a field of type `aspecten`), in order."""
    return [
        AspectRow(
            aspect=a.aspect,
            status=a.status,
            statustekst=STATUS_TEXT[a.status],
            klasse=a.status.replace(" ", "-"),
            toelichting=a.toelichting,
            afwijking=_deviation(a.afwijking_begroting),
        )
        for a in voorstel.data.aspects()
    ]


def afwijkingen(voorstel: Voorstel) -> list[HeaderField]:
    """The project's deviations as a whole: the given fields `afwijking_*` of the kind."""
    out = []
    for field_spec in voorstel.soort.velden:
        value = voorstel.data.value(field_spec["sleutel"])
        if not field_spec["sleutel"].startswith("afwijking_") or value is None:
            continue
        text = (
            _deviation(value)
            if field_spec.get("type") == "bedrag"
            else text_value(value, field_spec.get("type", "tekst"))
        )
        out.append(HeaderField(field_spec["sleutel"], field_spec.get("label", field_spec["sleutel"]), text))
    return out


def _deviation(bedrag) -> str:
    if bedrag is None:
        return ""
    return "Nee" if bedrag == 0 else fmt.bedrag(bedrag)


def _author(voorstel: Voorstel) -> str:
    """The author for the PDF metadata: kind.yaml's `auteur` field, else the steller,
    else the portefeuillehouder, the gemeente, or who decides (never empty)."""
    v = voorstel.data
    person = v.value(voorstel.soort.raw.get("auteur", "steller"))
    if isinstance(person, Persoon) and person.naam:
        return person.naam
    if isinstance(person, str) and person:
        return person
    if v.field("portefeuillehouder"):
        return str(v.field("portefeuillehouder"))
    if v.field("gemeente"):
        return f"Gemeente {v.field('gemeente')}"
    return ORGAAN_AUTEUR.get(voorstel.soort.orgaan, "") or voorstel.soort.titel
