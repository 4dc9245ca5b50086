#!/usr/bin/env python3
"""Issue 26's table per import style: header fields, sections, beslispunten, amounts, totals and
decisions imported right, wrong values without a marker and items dropped, over every file of
each corpus in tests/data/import/ (foreign: the last round's styles; kop1, kader: the house
styles the importer was written against; apart, vierde, vijfde: held out; zesde, zevende:
held out, on a second content, tests/import_content_b.py).

    python3 bench/import_score.py [stijl ...] [--per-bestand]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from import_score import KOLOMMEN, meets_bar, score, total  # noqa: E402

DATA = ROOT / "tests" / "data" / "import"
EXTENSIONS = (".docx", ".pdf", ".weasy.pdf", ".txt", ".layout.txt")


def files(stijl: str) -> list[tuple[Path, dict]]:
    waarheid = json.loads((DATA / stijl / "truth.json").read_text(encoding="utf-8"))
    return [
        (DATA / stijl / f"{stem}{ext}", t)
        for stem, t in waarheid.items()
        for ext in EXTENSIONS
        if (DATA / stijl / f"{stem}{ext}").is_file()
    ]


def main(argv: list[str]) -> int:
    per_file = "--per-bestand" in argv
    stijlen = [a for a in argv if not a.startswith("--")] or sorted(
        p.name for p in DATA.iterdir() if (p / "truth.json").is_file()
    )
    for stijl in stijlen:
        scores = []
        for path, t in files(stijl):
            s = score(path, t)
            scores.append(s)
            if per_file:
                print(
                    f"  {path.name:32}"
                    + " ".join(f"{k}={s[k][0]}/{s[k][1]}" for k in KOLOMMEN)
                    + f" fout={s['fout']} kwijt={s['kwijt']}"
                )
        t = total(scores)
        print(f"\n### {stijl} ({len(scores)} bestanden){'' if meets_bar(t) else ' — haalt de lat niet'}\n")
        print("| gemeten | goed |\n|---|---|")
        for k in KOLOMMEN:
            print(f"| {k} | {t[k][0]} / {t[k][1]} |")
        print(f"| fout zonder markering | {t['fout']} |\n| kwijt zonder spoor | {t['kwijt']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
