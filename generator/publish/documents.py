"""What publication knows of one published proposal, as plain data.

A `Publicatie` (the DiWoo description) and the open-data rows are made once
from the loaded proposal and kept in the publication state, so an unchanged
proposal is never loaded again to publish it once more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.errors import Melding, NotaFout
from generator.proposal.vocabulary import ORGAAN_VOLLEDIG
from generator.publish import waardelijsten

ORGAAN_NAAM = ORGAAN_VOLLEDIG  # how the DiWoo handeling names who decided


@dataclass
class Publicatie:
    naam: str  # the file name in OUT, without extension
    titel: str
    categorie: str  # a label of waardelijsten.INFORMATIECATEGORIEEN
    creatiedatum: str  # ISO date
    kenmerk: str = ""
    handelingen: list[list[str]] = field(default_factory=list)  # [ISO date, orgaan]
    bijlagen: list[str] = field(default_factory=list)  # titles
    documentsoort: str = ""  # 'besluitenlijst' for a meeting's list
    delen: list[list[str]] = field(default_factory=list)  # [naam, titel] on a besluitenlijst
    vergadering: str = ""  # the list it is on: 'college|2021-02-09'


def vergadering(orgaan: str, datum) -> str:
    return f"{orgaan}|{datum.isoformat()}"


def titel(voorstel) -> str:
    """The document's title (the model's one title property), as the PDF's own title reads."""
    return str(voorstel.data.document_title)


def categorie(voorstel) -> str:
    """The kind's Woo informatiecategorie (kind.yaml `woo_informatiecategorie`)."""
    gegeven = voorstel.soort.raw.get("woo_informatiecategorie")
    gevonden = waardelijsten.informatiecategorie(gegeven)
    if gevonden is None:
        raise NotaFout(
            Melding(
                f"woo_informatiecategorie '{gegeven}' staat niet in de waardelijst van de Woo; kies uit: "
                + "; ".join(waardelijsten.INFORMATIECATEGORIEEN),
                voorstel.soort.map / "kind.yaml",
            )
        )
    return gevonden.label


def in_force(voorstel) -> list:
    """The decisions that count, in the order they were taken."""
    from generator.decisions.seal import in_force as latest

    return [b for _, b in sorted(latest(voorstel.data.besluiten).values(), key=lambda e: e[0])]


def publicatie(voorstel, naam: str) -> Publicatie:
    v = voorstel.data
    from generator.publish.select import AANGEHOUDEN

    besluiten = [b for b in in_force(voorstel) if b.uitkomst != AANGEHOUDEN]
    laatste = besluiten[-1]
    bijlagen = [b.titel for b in v.attachments()]
    return Publicatie(
        naam=naam,
        titel=titel(voorstel),
        categorie=categorie(voorstel),
        creatiedatum=(v.proposal_date() or laatste.datum).isoformat(),
        kenmerk=v.field("kenmerk") or "",
        handelingen=[[b.datum.isoformat(), b.orgaan] for b in besluiten],
        bijlagen=[str(t) for t in bijlagen],
        vergadering=vergadering(laatste.orgaan, laatste.datum),
    )


def beslispunten(voorstel) -> list[str]:
    return voorstel.data.decision_points()


def totals(voorstel) -> dict[str, str]:
    """The sum of the totals of the cost tables and of the coverage tables ('' if none)."""
    from generator.checks.registry import tabellen
    from generator.proposal.tables import compute

    sums: dict[str, Decimal] = {}
    for _, tabel in tabellen(voorstel):
        if tabel.rol in ("kosten", "dekking"):
            total = sum((t for t in compute(tabel).totaal if t is not None), Decimal(0))
            sums[tabel.rol] = sums.get(tabel.rol, Decimal(0)) + total
    return {rol: f"{sums[rol]:.2f}" if rol in sums else "" for rol in ("kosten", "dekking")}


def rows(voorstel, url: str) -> list[dict[str, str]]:
    """One open-data row per beslispunt per decision in force (one row without a
    beslispunt when the proposal has none)."""
    v, geld = voorstel.data, totals(voorstel)
    punten: list[tuple[int | None, str]] = [*enumerate(beslispunten(voorstel), 1)] or [(None, "")]
    return [
        {
            "kenmerk": v.field("kenmerk") or "",
            "onderwerp": v.field("onderwerp") or v.field("project") or "",
            "soort": voorstel.soort.naam,
            "orgaan": b.orgaan,
            "datum_besluit": b.datum.isoformat(),
            "uitkomst": b.uitkomst,
            "besluitnummer": str(b.besluitnummer or ""),
            "beslispunt_nummer": "" if nummer is None else str(nummer),
            "beslispunt": tekst,
            "totaal_kosten": geld["kosten"],
            "totaal_dekking": geld["dekking"],
            "document": url,
        }
        for b in in_force(voorstel)
        for nummer, tekst in punten
    ]
