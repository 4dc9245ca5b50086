#!/usr/bin/env python3
"""`nota publiceer` at the scale of a year of a large municipality (issue 24).

Generates N decided collegenota's (default 2,000: about 40 a week over 50 college
meetings), one in twenty confidential and one in twenty still undecided, then
times, as a user starts them, the first publication and a second one of the
unchanged folder. The figures are printed beside the goals (first run under
10 minutes, unchanged re-run under 30 seconds), not asserted.

Usage: bench/publish.py [N] [--map DIR]   (DIR is kept, so a re-run can reuse its N
proposals; remove it after a change to nota's seal, or the first run stops on them)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from vergadering import EXAMPLE, variant  # noqa: E402

TOML = '[organisatie]\ntooi = "gm0935"\nnaam = "Gemeente Maastricht"\n'
FIRST_GOAL, AGAIN_GOAL = 600.0, 30.0


def _one(args: tuple[Path, str, int]) -> None:
    """Write proposal `i` and record its decision (as `nota decide` does, seal included)."""
    from generator.decisions.decide import decide_file
    from generator.proposal.kinds import search_path

    path, tekst, i = args
    if i % 20 == 7:
        tekst = tekst.replace("classificatie: openbaar", "classificatie: vertrouwelijk")
    path.write_text(tekst, encoding="utf-8")
    if i % 20 == 13:
        return  # not decided yet
    datum = dt.date(2025, 1, 7) + dt.timedelta(weeks=(i * 50) // max(N_TOTAL, 1))
    decide_file(
        path,
        search_path(),
        {
            "orgaan": "college",
            "datum": datum,
            "uitkomst": "conform",
            "besluitnummer": f"B-{i + 1}",
            "vastgelegd_door": "bench",
            "vastgelegd_op": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        },
    )


N_TOTAL = 0


def _init(n: int) -> None:
    global N_TOTAL
    N_TOTAL = n


def generate(map_: Path, n: int) -> None:
    map_.mkdir(parents=True, exist_ok=True)
    if len(list(map_.glob("*.yaml"))) == n:
        print(f"{n} voorstellen staan al in {map_}")
        return
    base = EXAMPLE.read_text(encoding="utf-8")
    jobs = [(map_ / f"{i + 1:04d}-collegenota.yaml", variant(base, i), i) for i in range(n)]
    start = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count(), initializer=_init, initargs=(n,)) as pool:
        list(pool.map(_one, jobs, chunksize=16))
    print(f"{n} voorstellen gemaakt en besloten in {time.perf_counter() - start:.0f} s")


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"nota publiceer faalde ({done.returncode}):\n{done.stderr[-2000:]}")
    print("   ", done.stderr.strip().splitlines()[-1])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--map", type=Path, default=None)
    opts = parser.parse_args()
    root = opts.map or Path(tempfile.mkdtemp(prefix="nota-bench-publiceer-"))
    root.mkdir(parents=True, exist_ok=True)
    (root / "nota.toml").write_text(TOML, encoding="utf-8")
    generate(root / "voorstellen", opts.n)
    command = ["publiceer", "voorstellen", "-o", "uit", "--basis-url", "https://www.example.nl/publicaties"]
    first = timed(command, root)
    again = timed(command, root)
    scale = 2000 / opts.n
    print(
        f"eerste publicatie van {opts.n}: {first:.1f} s (doel voor 2.000: < {FIRST_GOAL:.0f} s; "
        f"lineair geschat voor 2.000: {first * scale:.0f} s)"
    )
    print(
        f"ongewijzigd opnieuw: {again:.1f} s (doel voor 2.000: < {AGAIN_GOAL:.0f} s; "
        f"lineair geschat voor 2.000: {again * scale:.1f} s)"
    )
    print(f"map: {root}")


if __name__ == "__main__":
    main()
