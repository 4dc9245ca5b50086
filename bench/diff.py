#!/usr/bin/env python3
"""Whole-process time of `nota diff`.

  python3 bench/diff.py [N]          last year's and this year's collegenota (median of N runs, default 7)
  python3 bench/diff.py --groot      long texts and long tables (issue 16): 5,000 and 20,000 words
                                     in one section, 1,000 and 10,000 table rows; one run each,
                                     stopped after 300 s

The large pairs are generated (seeded, so every run compares the same texts): the new text
has one word changed in every tenth sentence, one sentence in twenty rewritten, and
sentences removed and added; the new table has changed amounts, renamed, removed and
added rows.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUD = ROOT / "tests" / "data" / "diff" / "sociale-teams-2020.yaml"
NIEUW = ROOT / "proposals" / "collegenota-sociale-teams-2021.yaml"
WOORDEN = (
    "de het een gemeente college raad sociale teams wijk bewoners budget zorg welzijn "
    "uitvoering evaluatie plan jaar kosten dekking begroting inwoners hulp vragen "
    "organisaties vrijwilligers buurt kwaliteit leven toegang verbeterplan"
).split()
TIMEOUT = 300


def mediaan(cmd: list[str], n: int) -> float:
    tijden = []
    for _ in range(n):
        begin = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def _zin(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WOORDEN) for _ in range(12)).capitalize() + "."


def lange_teksten(woorden: int, seed: int = 1) -> tuple[str, str]:
    """An old text of `woorden` words in paragraphs, and a new one edited throughout."""
    rnd = random.Random(seed)
    oud = [_zin(rnd) for _ in range(woorden // 12)]
    nieuw = []
    for i, zin in enumerate(oud):
        if i % 20 == 7:
            nieuw.append(_zin(rnd))  # rewritten
        elif i % 10 == 3:
            w = zin.split(" ")
            w[5] = "aangepast"
            nieuw.append(" ".join(w))  # one word changed
        elif i % 50 == 11:
            continue  # removed
        else:
            nieuw.append(zin)
        if i % 50 == 23:
            nieuw.append(_zin(rnd))  # added
    return _alineas(oud), _alineas(nieuw)


def _alineas(zinnen: list[str]) -> str:
    return "\n\n".join(" ".join(zinnen[i : i + 8]) for i in range(0, len(zinnen), 8))


def lange_tabellen(rijen: int, seed: int = 2) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    rnd = random.Random(seed)
    oud = [(f"Post {i} {rnd.choice(WOORDEN)}", rnd.randint(1000, 900000)) for i in range(rijen)]
    nieuw = []
    for i, (post, bedrag) in enumerate(oud):
        if i % 100 == 5:
            continue
        nieuw.append((post + " extern" if i % 100 == 9 else post, bedrag + 1000 if i % 10 == 1 else bedrag))
    nieuw += [(f"Nieuwe post {i}", 5000) for i in range(rijen // 100)]
    return oud, nieuw


def voorstel(tekst: str, regels: list[tuple[str, int]]) -> str:
    """The example collegenota with `tekst` as aanleiding and `regels` as its cost table."""
    import json

    bron = NIEUW.read_text(encoding="utf-8")
    kop, rest = bron.split("  aanleiding: |\n", 1)
    rest = rest.split("\n\n  context:", 1)[1]
    inspringen = "\n".join(("    " + r) if r else "" for r in tekst.split("\n"))
    bron = kop + "  aanleiding: |\n" + inspringen + "\n\n  context:" + rest
    begin = bron.index("      regels:\n        - {post: Uitvoeringskosten")
    einde = bron.index("      totaal: 436358\n", begin)
    tabel = "".join(f"        - {{post: {json.dumps(p, ensure_ascii=False)}, bedrag: {b}}}\n" for p, b in regels)
    totaal = sum(b for _, b in regels)
    rest = bron[einde + len("      totaal: 436358\n") :]
    dekking = rest.index("      regels:\n")
    rest = (
        rest[:dekking]
        + f"      regels:\n        - {{post: Sociale teams, bedrag: {totaal}}}\n"
        + rest[rest.index("      totaal: 436358\n", dekking) :].replace("436358", str(totaal), 1)
    )
    return bron[:begin] + "      regels:\n" + tabel + f"      totaal: {totaal}\n" + rest


def groot(nota: list[str]) -> None:
    gewoon = lange_tabellen(3)
    with tempfile.TemporaryDirectory() as tmp:
        for naam, woorden, rijen in (
            ("5.000 woorden", 5000, 3),
            ("20.000 woorden", 20000, 3),
            ("1.000 rijen", 12, 1000),
            ("10.000 rijen", 12, 10000),
        ):
            teksten = lange_teksten(woorden)
            tabellen = lange_tabellen(rijen) if rijen > 3 else gewoon
            a, b = Path(tmp, "oud.yaml"), Path(tmp, "nieuw.yaml")
            a.write_text(voorstel(teksten[0], tabellen[0]), encoding="utf-8")
            b.write_text(voorstel(teksten[1], tabellen[1]), encoding="utf-8")
            begin = time.perf_counter()
            try:
                r = subprocess.run(
                    nota + ["diff", str(a), str(b), "--html", f"{tmp}/r.html"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    timeout=TIMEOUT,
                )
                uitkomst = f"{time.perf_counter() - begin:.2f} s" + (f" (exit {r.returncode})" if r.returncode else "")
            except subprocess.TimeoutExpired:
                uitkomst = f"> {TIMEOUT} s (gestopt)"
            print(f"nota diff --html, {naam:<16} {uitkomst}; {_delen(a, b, tmp)}", flush=True)


def _delen(a: Path, b: Path, tmp: str) -> str:
    """The same comparison in this process, in parts: loading both files, compare(), the
    terminal view and the HTML report."""
    import io
    from rich.console import Console
    from generator.diff.drafts import load_draft
    from generator.diff.compare import compare
    from generator.diff.html import report_html
    from generator.diff.terminal import show
    from generator.proposal.kinds import search_path

    tijden = []
    begin = time.perf_counter()
    (oud, _), (nieuw, _) = load_draft(a, search_path()), load_draft(b, search_path())
    tijden.append(("laden", time.perf_counter() - begin))
    begin = time.perf_counter()
    v = compare(oud, nieuw)
    tijden.append(("vergelijken", time.perf_counter() - begin))
    begin = time.perf_counter()
    show(v, Console(file=io.StringIO(), width=100), str(a), str(b))
    tijden.append(("terminal", time.perf_counter() - begin))
    begin = time.perf_counter()
    Path(tmp, "r.html").write_text(report_html(v, str(a), str(b)), encoding="utf-8")
    tijden.append(("html", time.perf_counter() - begin))
    return ", ".join(f"{naam} {t:.2f} s" for naam, t in tijden)


def main() -> None:
    nota = [shutil.which("nota") or "nota"]
    if "--groot" in sys.argv:
        groot(nota)
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        varianten = {
            "nota diff (terminal)": [],
            "nota diff --html": ["--html", f"{tmp}/r.html"],
            "nota diff --html --docx": ["--html", f"{tmp}/r.html", "--docx", f"{tmp}/r.docx"],
        }
        for naam, extra in varianten.items():
            print(f"{naam:<32} {mediaan(nota + ['diff', str(OUD), str(NIEUW), *extra], n):.2f} s")


if __name__ == "__main__":
    main()
