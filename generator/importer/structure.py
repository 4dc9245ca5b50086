"""Recognise a document's structure from its lines, using the kinds' own data.

Which kind, which header field, which section: all of it is matched against
the labels and section titles in each kind.yaml, so a municipality's own kind
imports too. What cannot be placed is kept, marked, for the user to place.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from .read import Regel
from .tables import bedrag, tabel

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]
_DATUM = re.compile(r"(\d{1,2})\s+(" + "|".join(MAANDEN) + r")\s+(\d{4})", re.IGNORECASE)
_BESLUIT = re.compile(r"^Besluit\s+(Burgemeester en Wethouders|B&W|college)\s+d\.d\.\s+"
                      r"(\d{1,2}\s+\w+\s+\d{4}|\d{1,2}-\d{1,2}-\d{4}):?\s*(.*)$", re.IGNORECASE)
_GENUMMERD = re.compile(r"^(\d{1,2})[.)]\s+(.*)$")
UITKOMST = {"conform": "conform", "gewijzigd": "gewijzigd", "aangehouden": "aangehouden",
            "afgewezen": "afgewezen", "aangenomen": "aangenomen", "verworpen": "verworpen"}


def datum_uit(tekst: str) -> dt.date | None:
    t = _DATUM.search(tekst or "")
    if t:
        return dt.date(int(t.group(3)), MAANDEN.index(t.group(2).lower()) + 1, int(t.group(1)))
    t = re.search(r"(\d{1,2})-(\d{1,2})-(\d{4})", tekst or "")
    return dt.date(int(t.group(3)), int(t.group(2)), int(t.group(1))) if t else None


def _norm(tekst: str) -> str:
    tekst = re.sub(r"^\d{1,2}[.)]\s+", "", tekst.strip()).rstrip(":").strip().lower()
    return re.sub(r"\s*\(.*?\)\s*", " ", tekst).strip()


def lijkt(regel: str, titel: str) -> bool:
    a, b = _norm(regel), _norm(titel)
    if not a or len(a) > 90:
        return False
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.88


@dataclass
class Opbouw:
    """What the structure pass found."""

    velden: dict = field(default_factory=dict)
    markdown: dict = field(default_factory=dict)  # field or section key -> list of blocks
    beslispunten: list = field(default_factory=list)
    besluiten: list = field(default_factory=list)
    niet_geplaatst: dict = field(default_factory=dict)  # key -> list of texts
    aandacht: list = field(default_factory=list)


def kies_soort(regels: list[Regel], soorten) -> object:
    """The kind whose section titles and field labels the document matches most."""
    def score(soort) -> int:
        titels = [s["titel"] for s in soort.secties] + [v.get("label", "") for v in soort.velden]
        return sum(any(lijkt(r.tekst, t) or r.tekst.lower().startswith(t.lower() + ":") for r in regels
                       if r.soort != "rij") for t in titels if t)
    return max(soorten, key=score)


class Herkenner:
    def __init__(self, soort):
        self.soort, self.uit = soort, Opbouw()
        self.doel: str | None = None  # key of the field or section being filled
        self.wacht_label: dict | None = None
        self.alinea: list[str] = []
        self.rijen: list[list[str]] = []
        self.besluit_wacht: dict | None = None
        self.wacht_onderwerp = False

    # --- helpers over the kind's data
    def _sectie(self, tekst: str):
        return next((s for s in self.soort.secties if lijkt(tekst, s["titel"])), None)

    def _veld_label(self, tekst: str):
        return next((v for v in self.soort.velden if v.get("label") and lijkt(tekst, v["label"])), None)

    def _is_beslispunten_kop(self, tekst: str) -> bool:
        intro = self.soort.beslispunten_intro
        in_sectie = self.doel is not None and self.doel.startswith("secties.")
        return lijkt(tekst, "Beslispunten") or bool(
            intro and not in_sectie and not self.uit.beslispunten and lijkt(tekst, intro) and len(tekst) < 40)

    # --- the walk
    def verwerk(self, regels: list[Regel]) -> Opbouw:
        for r in regels:
            self.regel(r)
        self.sluit_alinea()
        self.sluit_tabel()
        return self.uit

    def regel(self, r: Regel) -> None:
        if r.soort == "rij":
            self.sluit_alinea()
            self.rij(r)
            return
        if r.soort == "leeg":
            self.sluit_alinea()
            return
        if self.rijen and re.fullmatch(r"[-—_\s]+", r.tekst):
            return
        self.sluit_tabel()
        if self.besluit_wacht is not None:
            self.besluit_uitkomst(r.tekst)
        elif not self.kop(r):
            self.inhoud(r)

    def kop(self, r: Regel) -> bool:
        tekst = r.tekst
        besluit = _BESLUIT.match(tekst)
        if besluit:
            self.sluit_alinea()
            self.besluit_wacht = {"orgaan": "college", "datum": datum_uit(besluit.group(2))}
            if besluit.group(3):
                self.besluit_uitkomst(besluit.group(3))
            return True
        if r.soort == "titel" or (self.wacht_onderwerp and "onderwerp" not in self.uit.velden):
            self.uit.velden.setdefault("onderwerp", tekst)
            self.wacht_onderwerp = False
            return True
        if tekst.lower() == self.soort.titel.lower() and "onderwerp" not in self.uit.velden:
            self.wacht_onderwerp = True
            return True
        if re.match(r"^Gemeente\s+\S", tekst) and "gemeente" not in self.uit.velden and len(tekst) < 40:
            self.uit.velden["gemeente"] = tekst.split(None, 1)[1]
            return True
        return self.sectiekop(r) or self.veldregel(tekst)

    def sectiekop(self, r: Regel) -> bool:
        tekst = r.tekst
        if self._is_beslispunten_kop(tekst) and r.soort != "genummerd":
            self.sluit_alinea()
            self.doel = "beslispunten"
            return True
        sectie = self._sectie(tekst) if r.soort != "genummerd" or self.doel != "beslispunten" else None
        if sectie is not None and len(tekst) < len(sectie["titel"]) + 12:
            self.sluit_alinea()
            self.doel = "secties." + sectie["sleutel"]
            return True
        veld = self._veld_label(tekst)
        if veld is not None and veld["type"] == "markdown" and len(tekst) < len(veld["label"]) + 4:
            self.sluit_alinea()
            self.doel = veld["sleutel"]
            return True
        return False

    def veldregel(self, tekst: str) -> bool:
        if self.wacht_label is not None:
            self.zet_veld(self.wacht_label, tekst)
            self.wacht_label = None
            return True
        label, _, waarde = tekst.partition(":")
        veld = self._veld_label(label) if waarde.strip() or tekst.endswith(":") else self._veld_label(tekst)
        if veld is None or veld["type"] in ("markdown", "beslispunten"):
            return False
        if veld["type"] in ("bijlagen", "lijst"):
            self.sluit_alinea()
            self.doel = "lijst:" + veld["sleutel"]
        elif waarde.strip():
            self.zet_veld(veld, waarde.strip())
        else:
            self.wacht_label = veld
        return True

    def labelcellen(self, cellen: list[str]) -> bool:
        """Header rows like "Kenmerk: 2020-010358 Begrotingswijziging: Ja" (several per cell)."""
        labels = sorted((v["label"] for v in self.soort.velden if v.get("label")), key=len, reverse=True)
        patroon = re.compile(r"(" + "|".join(re.escape(lbl) for lbl in labels) + r"):\s*", re.IGNORECASE)
        gevonden = False
        for cel in cellen:
            delen = patroon.split(cel)
            for label, waarde in zip(delen[1::2], delen[2::2]):
                veld = self._veld_label(label)
                if veld is not None and waarde.strip() and veld["type"] not in ("markdown", "beslispunten"):
                    self.zet_veld(veld, waarde.strip())
                    gevonden = True
        return gevonden

    def zet_veld(self, veld: dict, waarde: str) -> None:
        if veld["type"] == "datum":
            waarde = datum_uit(waarde) or waarde
        elif veld["type"] == "keuze":
            waarde = next((o for o in veld["opties"] if o.lower() == waarde.lower()), waarde)
        elif veld["type"] == "janee":
            waarde = waarde.strip().lower() in ("ja", "yes", "true")
        elif veld["type"] == "persoon":
            delen = [d.strip() for d in waarde.split(",")]
            waarde = {"naam": delen[0], **{("email" if "@" in d else "telefoon"): d for d in delen[1:]}}
        self.uit.velden.setdefault(veld["sleutel"], waarde)

    def vraag_of_antwoord(self, tekst: str) -> bool:
        veld = next((v for v in self.soort.velden if v["type"] == "vragen"), None)
        treffer = re.match(r"^(Vraag|Antwoord)\s*\d*\s*:?\s*$", tekst, re.IGNORECASE)
        if veld is None or not treffer:
            return False
        self.sluit_alinea()
        vragen = self.uit.velden.setdefault(veld["sleutel"], [])
        if treffer.group(1).lower() == "vraag":
            vragen.append({"vraag": "", "antwoord": ""})
        self.doel = f"vraag:{len(vragen) - 1}:{treffer.group(1).lower()}" if vragen else None
        return True

    def inhoud(self, r: Regel) -> None:
        tekst = r.tekst
        if self.vraag_of_antwoord(tekst):
            return
        if self.doel and self.doel.startswith("lijst:"):
            if re.match(r"^(\d{1,2}[.)]|[-•*])\s+", tekst) or r.soort in ("lijst", "genummerd"):
                item = re.sub(r"^(\d{1,2}[.)]|[-•*])\s+", "", tekst)
                self.uit.velden.setdefault(self.doel[6:], []).append(item)
                return
            self.doel = None
        if self.doel and self.doel.startswith("vraag:"):
            _, i, deel = self.doel.split(":")
            vragen = self.uit.velden[next(v["sleutel"] for v in self.soort.velden if v["type"] == "vragen")]
            vragen[int(i)][deel] = (vragen[int(i)][deel] + "\n\n" + tekst).strip()
            return
        if self.doel == "beslispunten":
            self.beslispunt(r)
        elif self.doel is None:
            self.uit.niet_geplaatst.setdefault("", []).append(tekst)
        elif r.soort == "subkop" or (r.soort == "tekst" and tekst.endswith(":") and len(tekst.split()) <= 5
                                     and not self.alinea):
            self.sluit_alinea()
            self.blok(f"### {tekst.rstrip(':')}")
        elif r.soort in ("lijst", "genummerd") or re.match(r"^[-•*]\s+", tekst):
            self.sluit_alinea()
            self.blok(re.sub(r"^[•*]\s+", "- ", tekst), lijst=True)
        else:
            self.alinea.append(tekst)

    def beslispunt(self, r: Regel) -> None:
        nummer = _GENUMMERD.match(r.tekst)
        if nummer:
            self.uit.beslispunten.append(nummer.group(2))
        elif self.soort.beslispunten_intro and lijkt(r.tekst, self.soort.beslispunten_intro):
            return
        elif self.uit.beslispunten and r.soort == "tekst" and not r.tekst.endswith(":"):
            self.uit.beslispunten[-1] += " " + r.tekst
        else:
            self.uit.niet_geplaatst.setdefault("beslispunten", []).append(r.tekst)

    def besluit_uitkomst(self, tekst: str) -> None:
        woord = tekst.strip().rstrip(".").split()[0].lower() if tekst.strip() else ""
        record = self.besluit_wacht
        self.besluit_wacht = None
        record["uitkomst"] = next((v for k, v in UITKOMST.items() if woord.startswith(k)), None)
        if record["uitkomst"] is None or record["datum"] is None:
            self.uit.aandacht.append(f"besluitregel niet te lezen: '{tekst}'")
            return
        rest = tekst.strip().split(None, 1)[1:] if len(tekst.split()) > 1 else []
        if rest:
            record["toelichting"] = rest[0]
        self.uit.besluiten.append(record)

    def blok(self, tekst: str, lijst: bool = False) -> None:
        blokken = self.uit.markdown.setdefault(self.doel, [])
        if lijst and blokken and isinstance(blokken[-1], list):
            blokken[-1].append(tekst)
        else:
            blokken.append([tekst] if lijst else tekst)

    def sluit_alinea(self) -> None:
        if self.alinea and self.doel not in (None, "beslispunten"):
            self.blok(" ".join(self.alinea))
        elif self.alinea:
            self.uit.niet_geplaatst.setdefault(self.doel or "", []).append(" ".join(self.alinea))
        self.alinea = []

    def rij(self, r: Regel) -> None:
        cellen = r.tekst.split("\t")
        if all(re.fullmatch(r"[-—_\s]*", c) for c in cellen):
            return
        label = _norm(cellen[0])
        if self.doel is None or not self.doel.startswith("secties."):
            veld = self._veld_label(cellen[0])
            if veld is not None and len(cellen) > 1 and veld["type"] not in ("markdown", "beslispunten"):
                self.zet_veld(veld, next((c for c in cellen[1:] if c.strip()), ""))
                return
            if self.labelcellen(cellen):
                return
        if self.rijen and _was_totaal(self.rijen[-1]) and not any(bedrag(c) for c in cellen[1:]) and label:
            self.sluit_tabel()
        self.rijen.append(cellen)

    def sluit_tabel(self) -> None:
        if not self.rijen:
            return
        rijen, self.rijen = self.rijen, []
        titel = self._titel_uit_alinea()
        gevonden, aandacht = tabel(rijen, titel)
        self.uit.aandacht += aandacht
        if gevonden is None or self.doel is None or not self.doel.startswith("secties."):
            self.uit.niet_geplaatst.setdefault(self.doel or "", []).extend("\t".join(r) for r in rijen)
            return
        vorige = next((b for b in reversed(self.uit.markdown.get(self.doel, [])) if isinstance(b, dict)), None)
        if vorige is not None:
            _neem_kolommen_over(vorige, gevonden)
        self.uit.markdown.setdefault(self.doel, []).append(gevonden)

    def _titel_uit_alinea(self) -> str | None:
        blokken = self.uit.markdown.get(self.doel or "", [])
        if blokken and isinstance(blokken[-1], str) and len(blokken[-1].split()) <= 6 \
                and not blokken[-1].endswith((".", ":")):
            return blokken.pop().removeprefix("### ")
        return None


def _neem_kolommen_over(vorige: dict, tabel: dict) -> None:
    """A continuation table without header row takes the columns of the table above it."""
    n_vorige = len(vorige["kolommen"]) + (1 if vorige.get("rijtotaal") else 0)
    if any(k != "Bedrag" for k in tabel["kolommen"]) or len(tabel["kolommen"]) != n_vorige:
        return
    tabel["kolommen"] = list(vorige["kolommen"])
    if vorige.get("rijtotaal"):
        tabel["rijtotaal"] = True
        n = len(tabel["kolommen"])
        for regel in tabel["regels"]:
            if isinstance(regel.get("bedrag"), list):
                regel["bedrag"] = regel["bedrag"][:n]
        if isinstance(tabel.get("totaal"), list):
            tabel["totaal"] = tabel["totaal"][:n]


def _was_totaal(cellen: list[str]) -> bool:
    return bool(cellen) and cellen[0].strip().lower().startswith("totaal")
