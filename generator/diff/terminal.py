"""The comparison in the terminal (rich): colours on a terminal, [-removed-]{+added+} elsewhere."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from generator.render import formatting as fmt
from generator.diff.compare import TextDiff, Comparison

STATUS = {"gelijk": " ", "gewijzigd": "~", "nieuw": "+", "vervallen": "-"}


def tekst(diff: TextDiff, kleur: bool, context: int | None = None) -> Text:
    out = Text()
    for op, chunk in diff.pieces:
        if op == "=":
            out.append(_shorten(chunk, context) if context else chunk)
        elif kleur:
            out.append(chunk, style="red strike" if op == "-" else "green bold")
        else:
            out.append(f"[-{chunk}-]" if op == "-" else f"{{+{chunk}+}}")
    return out


def _shorten(chunk: str, n: int) -> str:
    words = chunk.split(" ")
    if len(words) <= 2 * n:
        return chunk
    return " ".join(words[:n]) + " … " + " ".join(words[-n:])


def show(v: Comparison, console: Console, oud: str, nieuw: str) -> None:
    kleur = console.is_terminal
    console.print(Text(f"Vergelijking: {oud} → {nieuw}", style="bold"))
    if v.gelijk:
        console.print("Geen inhoudelijke verschillen.")
        return
    _fields(v, console)
    _items(v, console, kleur)
    _secties(v, console, kleur)
    for t in v.tabellen:
        _tabel(t, console)


def _fields(v: Comparison, console: Console) -> None:
    if not v.velden:
        return
    console.print(Text("\nKopgegevens", style="bold underline"))
    for veld in v.velden:
        console.print(f"  {veld.label}: {veld.oud or '(leeg)'} → {veld.nieuw or '(leeg)'}")


def _items(v: Comparison, console: Console, kleur: bool) -> None:
    if all(p.status == "gelijk" for p in v.punten):
        console.print(Text("\nBeslispunten: ongewijzigd", style="bold"))
        return
    console.print(Text("\nBeslispunten", style="bold underline"))
    for i, p in enumerate(v.punten, 1):
        console.print(Text(f"  {STATUS[p.status]} {i}. ") + tekst(p.tekst, kleur))


def _secties(v: Comparison, console: Console, kleur: bool) -> None:
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
        cells = []
        for i in range(len(t.kolommen)):
            cells += [fmt.bedrag(r.oud[i]), fmt.bedrag(r.nieuw[i]), fmt.bedrag(r.verschil(i)),
                       fmt.procent(r.procent(i))]
        tabel.add_row(STATUS[r.status], label, *cells, style="bold" if r.label == "Totaal" else None)
    console.print()
    console.print(tabel)
