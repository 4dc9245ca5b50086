"""The comparison in the terminal (rich): colours on a terminal, [-removed-]{+added+} elsewhere."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import formatting as fmt
from .diff import Tekst, Vergelijking

STATUS = {"gelijk": " ", "gewijzigd": "~", "nieuw": "+", "vervallen": "-"}


def tekst(diff: Tekst, kleur: bool, context: int | None = None) -> Text:
    uit = Text()
    for op, stuk in diff.stukken:
        if op == "=":
            uit.append(_inkort(stuk, context) if context else stuk)
        elif kleur:
            uit.append(stuk, style="red strike" if op == "-" else "green bold")
        else:
            uit.append(f"[-{stuk}-]" if op == "-" else f"{{+{stuk}+}}")
    return uit


def _inkort(stuk: str, n: int) -> str:
    woorden = stuk.split(" ")
    if len(woorden) <= 2 * n:
        return stuk
    return " ".join(woorden[:n]) + " … " + " ".join(woorden[-n:])


def toon(v: Vergelijking, console: Console, oud: str, nieuw: str) -> None:
    kleur = console.is_terminal
    console.print(Text(f"Vergelijking: {oud} → {nieuw}", style="bold"))
    if v.gelijk:
        console.print("Geen inhoudelijke verschillen.")
        return
    _velden(v, console)
    _punten(v, console, kleur)
    _secties(v, console, kleur)
    for t in v.tabellen:
        _tabel(t, console)


def _velden(v: Vergelijking, console: Console) -> None:
    if not v.velden:
        return
    console.print(Text("\nKopgegevens", style="bold underline"))
    for veld in v.velden:
        console.print(f"  {veld.label}: {veld.oud or '(leeg)'} → {veld.nieuw or '(leeg)'}")


def _punten(v: Vergelijking, console: Console, kleur: bool) -> None:
    if all(p.status == "gelijk" for p in v.punten):
        console.print(Text("\nBeslispunten: ongewijzigd", style="bold"))
        return
    console.print(Text("\nBeslispunten", style="bold underline"))
    for i, p in enumerate(v.punten, 1):
        console.print(Text(f"  {STATUS[p.status]} {i}. ") + tekst(p.tekst, kleur))


def _secties(v: Vergelijking, console: Console, kleur: bool) -> None:
    console.print(Text("\nTeksten", style="bold underline"))
    for s in v.secties:
        if s.tekst.gelijk:
            console.print(f"  = {s.titel}: ongewijzigd")
        else:
            console.print(Text(f"  ~ {s.titel}: ", style="bold") + tekst(s.tekst, kleur, context=6))


def _tabel(t, console: Console) -> None:
    titel = t.titel + (f" (was: {t.oud_titel})" if t.oud_titel and t.oud_titel != t.titel else "")
    tabel = Table(title=titel, title_justify="left", show_lines=False)
    tabel.add_column("")
    tabel.add_column("Post")
    for k in t.kolommen:
        for kop in ("oud", "nieuw", "verschil", "%"):
            tabel.add_column(f"{k} {kop}" if len(t.kolommen) > 1 else kop.capitalize(), justify="right")
    for r in t.rijen:
        label = r.label + (f" (was: {r.oud_label})" if r.oud_label else "")
        cellen = []
        for i in range(len(t.kolommen)):
            cellen += [fmt.bedrag(r.oud[i]), fmt.bedrag(r.nieuw[i]), fmt.bedrag(r.verschil(i)),
                       fmt.procent(r.procent(i))]
        tabel.add_row(STATUS[r.status], label, *cellen, style="bold" if r.label == "Totaal" else None)
    console.print()
    console.print(tabel)
