"""Compare two validated proposals by content: fields, decision points, texts, money.

Only content counts: both sides are validated models, so key order, comments
and YAML layout never show up, and amounts compare as numbers. Table rows are
matched by name, tolerant to small renames ("Uitvoeringskosten - uren" and
"Uitvoeringskosten – uren extern" are one row).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .context import tekstwaarde
from .model import Tabel, is_nvt
from .richtext import platte_tekst
from .tables import BerekendeTabel, bereken

GELIJKENIS = 0.72
_TOKEN = re.compile(r"\s+|[^\s]+")
LIJSTTYPEN = ("markdown", "beslispunten", "vragen", "aspecten", "bijlagen", "personen", "ondertekenaars")


@dataclass
class Veld:
    label: str
    oud: str
    nieuw: str


@dataclass
class Tekst:
    """A word-level diff: (op, text) pieces, op '=' same, '-' removed, '+' added."""
    stukken: list[tuple[str, str]]

    @property
    def gelijk(self) -> bool:
        return all(op == "=" for op, _ in self.stukken)


@dataclass
class Punt:
    status: str  # gelijk | gewijzigd | nieuw | vervallen
    tekst: Tekst


@dataclass
class Sectie:
    titel: str
    tekst: Tekst


@dataclass
class Rij:
    status: str  # gelijk | gewijzigd | nieuw | vervallen
    label: str
    oud_label: str | None
    oud: list[Decimal | None]
    nieuw: list[Decimal | None]

    def verschil(self, i: int) -> Decimal | None:
        o, n = self.oud[i] if i < len(self.oud) else None, self.nieuw[i] if i < len(self.nieuw) else None
        return None if o is None and n is None else (n or Decimal(0)) - (o or Decimal(0))

    def procent(self, i: int) -> Decimal | None:
        o = self.oud[i] if i < len(self.oud) else None
        v = self.verschil(i)
        return None if not o or v is None else v * 100 / o


@dataclass
class TabelVergelijking:
    titel: str
    oud_titel: str | None
    kolommen: list[str]
    rijen: list[Rij]

    @property
    def gelijk(self) -> bool:
        return all(r.status == "gelijk" for r in self.rijen) and self.oud_titel == self.titel


@dataclass
class Vergelijking:
    velden: list[Veld] = field(default_factory=list)
    punten: list[Punt] = field(default_factory=list)
    secties: list[Sectie] = field(default_factory=list)
    tabellen: list[TabelVergelijking] = field(default_factory=list)

    @property
    def gelijk(self) -> bool:
        return (not self.velden and all(p.status == "gelijk" for p in self.punten)
                and all(s.tekst.gelijk for s in self.secties) and all(t.gelijk for t in self.tabellen))


def woorddiff(oud: str, nieuw: str) -> Tekst:
    a, b = _TOKEN.findall(oud or ""), _TOKEN.findall(nieuw or "")
    stukken: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            stukken.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            stukken.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            stukken.append(("+", "".join(b[j1:j2])))
    return Tekst(stukken)


def vergelijk(oud, nieuw) -> Vergelijking:
    """Compare two `Voorstel`s (validated)."""
    return Vergelijking(velden(oud, nieuw), punten(oud, nieuw), secties(oud, nieuw), tabellen(oud, nieuw))


def velden(oud, nieuw) -> list[Veld]:
    uit = []
    if oud.soort.naam != nieuw.soort.naam:
        uit.append(Veld("Soort", oud.soort.titel, nieuw.soort.titel))
    for veld in nieuw.soort.velden:
        if veld["type"] in LIJSTTYPEN:
            continue
        a = tekstwaarde(getattr(oud.data, veld["sleutel"], None), veld["type"])
        b = tekstwaarde(getattr(nieuw.data, veld["sleutel"], None), veld["type"])
        if a != b:
            uit.append(Veld(veld.get("label", veld["sleutel"]), a, b))
    return uit


def punten(oud, nieuw) -> list[Punt]:
    a = list(getattr(oud.data, "beslispunten", None) or [])
    b = list(getattr(nieuw.data, "beslispunten", None) or [])
    uit: list[Punt] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            uit += [Punt("gelijk", Tekst([("=", p)])) for p in a[i1:i2]]
        else:
            uit += _paren(a[i1:i2], b[j1:j2])
    return uit


def _paren(oude: list[str], nieuwe: list[str]) -> list[Punt]:
    """Changed points pair up by similarity; the rest are removed or added."""
    uit, over = [], list(nieuwe)
    for p in oude:
        beste = max(over, key=lambda q: _lijkt(p, q), default=None)
        if beste is not None and _lijkt(p, beste) >= 0.5:
            over.remove(beste)
            uit.append(Punt("gewijzigd", woorddiff(p, beste)))
        else:
            uit.append(Punt("vervallen", Tekst([("-", p)])))
    return uit + [Punt("nieuw", Tekst([("+", q)])) for q in over]


def _tekst_van(voorstel, sleutel: str) -> str:
    secties = getattr(voorstel.data, "secties", None)
    inhoud = getattr(secties, sleutel, None) if secties is not None else getattr(voorstel.data, sleutel, None)
    if inhoud is None or is_nvt(inhoud):
        return "Niet van toepassing" if inhoud is not None else ""
    delen = [inhoud] if isinstance(inhoud, str) else [d for d in inhoud if isinstance(d, str)]
    return "\n\n".join(platte_tekst(d) for d in delen)


def secties(oud, nieuw) -> list[Sectie]:
    uit = []
    for veld in nieuw.soort.velden:
        if veld["type"] == "markdown":
            a, b = getattr(oud.data, veld["sleutel"], "") or "", getattr(nieuw.data, veld["sleutel"], "") or ""
            uit.append(Sectie(veld.get("label", veld["sleutel"]), woorddiff(platte_tekst(a), platte_tekst(b))))
    for s in nieuw.soort.secties:
        uit.append(Sectie(s["titel"], woorddiff(_tekst_van(oud, s["sleutel"]), _tekst_van(nieuw, s["sleutel"]))))
    return uit


def _tabellen_van(voorstel) -> list[BerekendeTabel]:
    secties = getattr(voorstel.data, "secties", None)
    if secties is None:
        return []
    return [bereken(d) for k in type(secties).model_fields for d in (getattr(secties, k) or [])
            if isinstance(d, Tabel)]


def tabellen(oud, nieuw) -> list[TabelVergelijking]:
    a, b = _tabellen_van(oud), _tabellen_van(nieuw)
    uit = []
    for i, t in enumerate(b):
        tegenhanger = next((o for o in a if o.rol == t.rol and o.rol != "overig"), None) \
            or (a[i] if i < len(a) else None)
        if tegenhanger is not None:
            a.remove(tegenhanger)
        uit.append(vergelijk_tabel(tegenhanger, t))
    return uit


def vergelijk_tabel(oud: BerekendeTabel | None, nieuw: BerekendeTabel) -> TabelVergelijking:
    oude = [r for r in (oud.rijen if oud else []) if r.soort == "post"]
    rijen = []
    for r in nieuw.rijen:
        if r.soort != "post":
            continue
        match = max(oude, key=lambda o: _lijkt(o.label, r.label), default=None)
        if match is not None and _lijkt(match.label, r.label) >= GELIJKENIS:
            oude.remove(match)
            gelijk = match.bedragen == r.bedragen and match.label == r.label
            rijen.append(Rij("gelijk" if gelijk else "gewijzigd", r.label,
                             match.label if match.label != r.label else None, match.bedragen, r.bedragen))
        else:
            rijen.append(Rij("nieuw", r.label, None, [None] * len(r.bedragen), r.bedragen))
    rijen += [Rij("vervallen", o.label, None, o.bedragen, [None] * len(o.bedragen)) for o in oude]
    rijen.append(Rij("gelijk" if oud and oud.totaal == nieuw.totaal else "gewijzigd", "Totaal", None,
                     oud.totaal if oud else [None] * len(nieuw.totaal), nieuw.totaal))
    return TabelVergelijking(nieuw.titel, oud.titel if oud else None, nieuw.kolommen, rijen)


def _norm(tekst: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[‐-―−-]", "-", tekst.lower())).strip()


def _lijkt(a: str, b: str) -> float:
    a, b = _norm(a), _norm(b)
    if a == b:
        return 1.0
    if a.startswith(b) or b.startswith(a):
        return 0.9
    return difflib.SequenceMatcher(None, a, b).ratio()
