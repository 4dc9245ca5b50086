#!/usr/bin/env python3
"""Whole-process time of `nota diff` on last year's and this year's collegenota (issue 6).

Usage: python3 bench/diff.py [N]   (median of N runs, default 7)
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUD = ROOT / "tests" / "data" / "diff" / "sociale-teams-2020.yaml"
NIEUW = ROOT / "proposals" / "collegenota-sociale-teams-2021.yaml"


def mediaan(cmd: list[str], n: int) -> float:
    tijden = []
    for _ in range(n):
        begin = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    nota = [shutil.which("nota") or "nota"]
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
