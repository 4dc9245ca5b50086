"""A meeting's worth of proposals for the benchmarks: the example collegenota, varied.

`maak_vergadering(map_, n)` writes `n` collegenota's into `map_`, each with its
own kenmerk, onderwerp and samenvatting, so every one renders to its own files
and no cache can serve one proposal's text for another's.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "proposals" / "collegenota-sociale-teams-2021.yaml"
ONDERWERPEN = [
    "Sociale teams",
    "Wijkpunten",
    "Schuldhulpverlening",
    "Jeugdhulp",
    "Mantelzorg",
    "Vrijwilligerswerk",
    "Armoedebeleid",
    "Laaggeletterdheid",
]


def variant(tekst: str, i: int) -> str:
    """The example with its kenmerk, onderwerp and first summary line made unique."""
    onderwerp = f"{ONDERWERPEN[i % len(ONDERWERPEN)]} {2021 + i // len(ONDERWERPEN)} (voorstel {i + 1})"
    tekst = re.sub(r"^kenmerk: .*$", f'kenmerk: "2021.{10000 + i}"', tekst, count=1, flags=re.M)
    tekst = re.sub(r"^onderwerp: .*$", f"onderwerp: {onderwerp}", tekst, count=1, flags=re.M)
    return tekst.replace("samenvatting: |\n", f"samenvatting: |\n  Voorstel {i + 1} van de vergadering.\n", 1)


def maak_vergadering(map_: Path, n: int = 24) -> list[Path]:
    map_.mkdir(parents=True, exist_ok=True)
    base = EXAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        path = map_ / f"{i + 1:02d}-collegenota.yaml"
        path.write_text(variant(base, i), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("vergadering")
    aantal = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    print("\n".join(map(str, maak_vergadering(target, aantal))))
