"""The `# NOTA IMPORT` markers left in an imported YAML, as messages with their line and column.

While one remains the import is not done: `nota import` reports each and exits 1. A table
marker says what does not add up; a "niet geplaatst" marker keeps text that fits no field; a
"niet verzegeld" marker stands above a decision imported without a seal.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import Melding

TABLE = "# NOTA IMPORT: "
UNPLACED = "# NOTA IMPORT, NIET GEPLAATST: "
GUESSED = "# NOTA IMPORT, GERADEN: "
UNSEALED = "# NOTA IMPORT, NIET VERZEGELD: "


def markers(tekst: str, doel: Path) -> list[Melding]:
    out = []
    for i, regel in enumerate(tekst.splitlines(), 1):
        bare = regel.lstrip()
        kolom = len(regel) - len(bare) + 1
        if bare.startswith(TABLE):
            out.append(
                Melding(
                    bare[len(TABLE) :].rstrip() + " (nagerekend bij het importeren; herstel de tabel en "
                    "haal deze regel weg)",
                    doel,
                    i,
                    kolom,
                )
            )
        elif bare.startswith(GUESSED):
            out.append(
                Melding(
                    f"geraden bij het importeren: {bare[len(GUESSED) :].rstrip()} (controleer de waarde "
                    "eronder en haal deze regel weg)",
                    doel,
                    i,
                    kolom,
                )
            )
        elif bare.startswith(UNSEALED):
            out.append(
                Melding(
                    f"{bare[len(UNSEALED) :].rstrip()} (haal deze regel weg zodra het besluit verzegeld is)",
                    doel,
                    i,
                    kolom,
                )
            )
        elif bare.startswith(UNPLACED):
            inhoud = bare[len(UNPLACED) :].rstrip()
            kort = inhoud if len(inhoud) <= 70 else inhoud[:67] + "…"
            out.append(
                Melding(
                    f"niet geplaatst bij het importeren: '{kort}' (zet het in het juiste veld of de "
                    "juiste sectie en haal deze regel weg)",
                    doel,
                    i,
                    kolom,
                )
            )
    return out
