"""Figures for the editor of issue 22: Opslaan → updated preview, as the browser does it.

    python3 bench/editor.py [--herhaal N] [--oud DIR]

With --oud DIR (an older tree, e.g. `git archive 4e2c9e9 | tar -x -C DIR`), only the
first figure, measured with that tree's code, for comparison under the same load.

One `nota serve` process on 127.0.0.1 over a copy of the example collegenota. Each
figure is the median (and the slowest) of N runs of: send the form (/formulier),
Opslaan (/opslaan), fetch the preview (/document), printed as `name: value`.
Cases: a clean edit; an edit that makes a check error (the concept is still shown,
problems above it); a save merged with someone else's save of another field; and
the paste cleaning request of a Word fragment.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import ROOT, fetch, start, timed

WORD = "Aanleiding:\v tweede regel\r\n•\tEen\r\n•\tTwee\r\n1.\tEerste\r\n2.\tTweede\r\nSlot\u00a0tekst."


def figures(name: str, runs: list[float]) -> None:
    print(f"{name}: mediaan {statistics.median(runs):.3f} s, traagste {max(runs):.3f} s ({len(runs)} keer)")


def main(n: int, tree: Path = ROOT) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        path = map_ / "nota.yaml"
        shutil.copy(ROOT / "proposals" / "collegenota-sociale-teams-2021.yaml", path)
        proces, url = start(["serve", "."], map_, tree)
        try:
            page = fetch(url)
            token = re.search(rb'name="nota-token" content="([^"]+)"', page).group(1).decode()
            base = urllib.request.urlopen(url + "voorstel?naam=nota.yaml", timeout=60).url.rstrip("/")
            fetch(base + "/document.pdf")  # the warm process: engines and fonts loaded once

            def save(formulier: dict, expected: bytes):
                def run():
                    fetch(base + "/formulier", {"formulier": formulier}, token)
                    fetch(base + "/opslaan", {}, token)
                    html = fetch(base + "/document")
                    assert expected in html, expected

                return timed(run)[0]

            figures(
                "Opslaan tot bijgewerkt voorbeeld",
                [save({"onderwerp": f"Gewijzigd {i}"}, f"Gewijzigd {i}".encode()) for i in range(n)],
            )
            if tree != ROOT:
                return
            figures(
                "Opslaan tot voorbeeld met fout (concept met problemen erboven)",
                [save({"onderwerp": f"Fout {i}", "kenmerk": "invullen"}, b"nota-problemen") for i in range(n)],
            )
            save({"kenmerk": "2021.01234"}, b"onderwerp")
            merged = []
            for i in range(n):
                tekst = path.read_text(encoding="utf-8")
                path.write_text(re.sub(r"afdeling: .*", f"afdeling: Elders {i}", tekst), encoding="utf-8")
                merged.append(save({"onderwerp": f"Samen {i}"}, f"Samen {i}".encode()))
                assert f"afdeling: Elders {i}" in path.read_text(encoding="utf-8")
            figures("Opslaan samengevoegd met een opslag elders", merged)
            figures(
                "Plakken uit Word opschonen",
                [timed(lambda: fetch(base + "/plakken", {"tekst": WORD, "regels": True}, token))[0] for _ in range(n)],
            )
        finally:
            proces.terminate()
            proces.wait(15)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=7)
    parser.add_argument("--oud", type=Path, default=ROOT)
    args = parser.parse_args()
    main(args.herhaal, args.oud.resolve())
