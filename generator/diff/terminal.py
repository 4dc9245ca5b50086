"""The comparison in the terminal (rich): colours on a terminal, [-removed-]{+added+} elsewhere."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from generator.proposal import formatting as fmt
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


def tabellen_zin(titels: list[str]) -> str:
    """'tabel 'Begroting 2021' gewijzigd (zie hieronder)' for the changed tables of a section."""
    namen = ", ".join(f"'{t}'" for t in titels)
    return f"{'tabel' if len(titels) == 1 else 'tabellen'} {namen} gewijzigd (zie hieronder)"


def _secties(v: Comparison, console: Console, kleur: bool) -> None:
    console.print(Text("\nTeksten", style="bold underline"))
    for s in v.secties:
        if s.gelijk:
            console.print(f"  = {s.titel}: ongewijzigd")
        elif s.tekst.gelijk:
            console.print(
                Text(f"  ~ {s.titel}: ", style="bold") + Text(f"tekst ongewijzigd; {tabellen_zin(s.tabellen)}")
            )
        else:
            console.print(Text(f"  ~ {s.titel}: ", style="bold") + tekst(s.tekst, kleur, context=6))
            if s.tabellen:
                console.print(f"    en {tabellen_zin(s.tabellen)}")


LONG_TABLE = 40  # rows from which the terminal leaves out the unchanged ones
MAX_SHOWN = 200  # changed rows the terminal shows of one table at most
TABLE_STATUS = {"nieuw": " (nieuwe tabel)", "vervallen": " (vervallen tabel)", "gewijzigd": ""}


def _n(n: int, one: str, more: str) -> str:
    return f"{n:,}".replace(",", ".") + f" {one if n == 1 else more}"


def _tabel(t, console: Console) -> None:
    titel = t.titel + (f" (was: {t.oud_titel})" if t.oud_titel and t.oud_titel != t.titel else "")
    titel += TABLE_STATUS.get(t.status, "") + (": ongewijzigd" if t.gelijk else "")
    tabel = Table(title=titel, title_justify="left", show_lines=False)
    tabel.add_column("")
    tabel.add_column("Post")
    breed = len(t.kolommen) > 1  # one line per column, else 4 × n columns do not fit a terminal
    if breed:
        tabel.add_column("Kolom")
    for kop in ("Oud", "Nieuw", "Verschil", "%"):
        tabel.add_column(kop, justify="right")
    rijen = t.rijen
    if len(rijen) > LONG_TABLE:  # a long table: only what changed (at most MAX_SHOWN), and how much not
        changed = [r for r in t.rijen[:-1] if r.status != "gelijk"]
        rijen = changed[:MAX_SHOWN] + t.rijen[-1:]
        weg = [f"{_n(len(t.rijen) - 1 - len(changed), 'ongewijzigde post', 'ongewijzigde posten')}"]
        if len(changed) > MAX_SHOWN:
            weg.append(_n(len(changed) - MAX_SHOWN, "gewijzigde post", "gewijzigde posten"))
        tabel.caption = f"niet getoond: {' en '.join(weg)} (het rapport van --html toont alle posten)"
        tabel.caption_justify = "left"
    for r in rijen:
        label = r.label + (f" (was: {r.oud_label})" if r.oud_label else "")
        style = "bold" if r.label == "Totaal" else None
        for i, kolom in enumerate(t.kolommen):
            if breed and r.oud[i] is None and r.nieuw[i] is None:
                continue
            cells = [fmt.bedrag(r.oud[i]), fmt.bedrag(r.nieuw[i]), fmt.bedrag(r.verschil(i)), fmt.procent(r.procent(i))]
            tabel.add_row(STATUS[r.status], label, *([kolom] if breed else []), *cells, style=style)
            label = ""
    console.print()
    console.print(tabel)
