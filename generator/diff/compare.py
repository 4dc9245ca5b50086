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

from generator.render.context import text_value
from generator.proposal.model import Tabel, is_nvt
from generator.render.richtext import plain_text
from generator.proposal.tables import ComputedTable, compute

SIMILARITY = 0.72
_TOKEN = re.compile(r"\s+|[^\s]+")
LIST_TYPES = ("markdown", "beslispunten", "vragen", "aspecten", "bijlagen", "personen", "ondertekenaars")


@dataclass
class Veld:
    label: str
    oud: str
    nieuw: str


@dataclass
class TextDiff:
    """A word-level diff: (op, text) pieces, op '=' same, '-' removed, '+' added."""
    pieces: list[tuple[str, str]]

    @property
    def gelijk(self) -> bool:
        return all(op == "=" for op, _ in self.pieces)


@dataclass
class Item:
    status: str  # gelijk | gewijzigd | nieuw | vervallen
    tekst: TextDiff


@dataclass
class Sectie:
    titel: str
    tekst: TextDiff


@dataclass
class Row:
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
class TableComparison:
    titel: str
    oud_titel: str | None
    kolommen: list[str]
    rijen: list[Row]

    @property
    def gelijk(self) -> bool:
        return all(r.status == "gelijk" for r in self.rijen) and self.oud_titel == self.titel


@dataclass
class Comparison:
    velden: list[Veld] = field(default_factory=list)
    punten: list[Item] = field(default_factory=list)
    secties: list[Sectie] = field(default_factory=list)
    tabellen: list[TableComparison] = field(default_factory=list)

    @property
    def gelijk(self) -> bool:
        return (not self.velden and all(p.status == "gelijk" for p in self.punten)
                and all(s.tekst.gelijk for s in self.secties) and all(t.gelijk for t in self.tabellen))


def word_diff(oud: str, nieuw: str) -> TextDiff:
    a, b = _TOKEN.findall(oud or ""), _TOKEN.findall(nieuw or "")
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("+", "".join(b[j1:j2])))
    return TextDiff(pieces)


def compare(oud, nieuw) -> Comparison:
    """Compare two `Voorstel`s (validated)."""
    return Comparison(velden(oud, nieuw), punten(oud, nieuw), secties(oud, nieuw), tabellen(oud, nieuw))


def velden(oud, nieuw) -> list[Veld]:
    out = []
    if oud.soort.naam != nieuw.soort.naam:
        out.append(Veld("Soort", oud.soort.titel, nieuw.soort.titel))
    for veld in nieuw.soort.velden:
        if veld["type"] in LIST_TYPES:
            continue
        a = text_value(getattr(oud.data, veld["sleutel"], None), veld["type"])
        b = text_value(getattr(nieuw.data, veld["sleutel"], None), veld["type"])
        if a != b:
            out.append(Veld(veld.get("label", veld["sleutel"]), a, b))
    return out


def punten(oud, nieuw) -> list[Item]:
    a = list(getattr(oud.data, "beslispunten", None) or [])
    b = list(getattr(nieuw.data, "beslispunten", None) or [])
    out: list[Item] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += [Item("gelijk", TextDiff([("=", p)])) for p in a[i1:i2]]
        else:
            out += _pairs(a[i1:i2], b[j1:j2])
    return out


def _pairs(old_: list[str], new_: list[str]) -> list[Item]:
    """Changed points pair up by similarity; the rest are removed or added."""
    out, over = [], list(new_)
    for p in old_:
        best = max(over, key=lambda q: _looks_like(p, q), default=None)
        if best is not None and _looks_like(p, best) >= 0.5:
            over.remove(best)
            out.append(Item("gewijzigd", word_diff(p, best)))
        else:
            out.append(Item("vervallen", TextDiff([("-", p)])))
    return out + [Item("nieuw", TextDiff([("+", q)])) for q in over]


def _text_of(voorstel, sleutel: str) -> str:
    secties = getattr(voorstel.data, "secties", None)
    inhoud = getattr(secties, sleutel, None) if secties is not None else getattr(voorstel.data, sleutel, None)
    if inhoud is None or is_nvt(inhoud):
        return "Niet van toepassing" if inhoud is not None else ""
    parts = [inhoud] if isinstance(inhoud, str) else [d for d in inhoud if isinstance(d, str)]
    return "\n\n".join(plain_text(d) for d in parts)


def secties(oud, nieuw) -> list[Sectie]:
    out = []
    for veld in nieuw.soort.velden:
        if veld["type"] == "markdown":
            a, b = getattr(oud.data, veld["sleutel"], "") or "", getattr(nieuw.data, veld["sleutel"], "") or ""
            out.append(Sectie(veld.get("label", veld["sleutel"]), word_diff(plain_text(a), plain_text(b))))
    for s in nieuw.soort.secties:
        out.append(Sectie(s["titel"], word_diff(_text_of(oud, s["sleutel"]), _text_of(nieuw, s["sleutel"]))))
    return out


def _tabellen_of(voorstel) -> list[ComputedTable]:
    secties = getattr(voorstel.data, "secties", None)
    if secties is None:
        return []
    return [compute(d) for k in type(secties).model_fields for d in (getattr(secties, k) or [])
            if isinstance(d, Tabel)]


def tabellen(oud, nieuw) -> list[TableComparison]:
    a, b = _tabellen_of(oud), _tabellen_of(nieuw)
    out = []
    for i, t in enumerate(b):
        counterpart = next((o for o in a if o.rol == t.rol and o.rol != "overig"), None) \
            or (a[i] if i < len(a) else None)
        if counterpart is not None:
            a.remove(counterpart)
        out.append(compare_table(counterpart, t))
    return out


def compare_table(oud: ComputedTable | None, nieuw: ComputedTable) -> TableComparison:
    old_ = [r for r in (oud.rijen if oud else []) if r.soort == "post"]
    rijen = []
    for r in nieuw.rijen:
        if r.soort != "post":
            continue
        match = max(old_, key=lambda o: _looks_like(o.label, r.label), default=None)
        if match is not None and _looks_like(match.label, r.label) >= SIMILARITY:
            old_.remove(match)
            gelijk = match.bedragen == r.bedragen and match.label == r.label
            rijen.append(Row("gelijk" if gelijk else "gewijzigd", r.label,
                             match.label if match.label != r.label else None, match.bedragen, r.bedragen))
        else:
            rijen.append(Row("nieuw", r.label, None, [None] * len(r.bedragen), r.bedragen))
    rijen += [Row("vervallen", o.label, None, o.bedragen, [None] * len(o.bedragen)) for o in old_]
    rijen.append(Row("gelijk" if oud and oud.totaal == nieuw.totaal else "gewijzigd", "Totaal", None,
                     oud.totaal if oud else [None] * len(nieuw.totaal), nieuw.totaal))
    return TableComparison(nieuw.titel, oud.titel if oud else None, nieuw.kolommen, rijen)


def _normalise(tekst: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[‐-―−-]", "-", tekst.lower())).strip()


def _looks_like(a: str, b: str) -> float:
    a, b = _normalise(a), _normalise(b)
    if a == b:
        return 1.0
    if a.startswith(b) or b.startswith(a):
        return 0.9
    return difflib.SequenceMatcher(None, a, b).ratio()
