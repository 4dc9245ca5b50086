"""Does a decided proposal still say what was decided, with the files it was decided with?

The library below `nota verify`: it returns what to say (lines naming the
record, the part or the file, with line numbers) and whether all is intact;
the command prints it. A record without a complete seal is never intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.decisions.seal import (
    changed_files,
    changes,
    content_hash,
    in_force,
    missing_seal,
    tampered,
    unsealed,
)


@dataclass
class Verslag:
    """What `nota verify` says about one proposal."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)
    oud: list[tuple[object, str]] = field(default_factory=list)  # (decided version, where): shown as a diff

    def fout(self, tekst: str) -> None:
        self.ok = False
        self.lines.append(tekst)


def verify(voorstel, bestand: Path) -> Verslag:
    """Every record checked: its own seal complete and intact, the content and files unchanged."""
    verslag = Verslag()
    besluiten = voorstel.data.besluiten
    if not besluiten:
        verslag.fout(f"{bestand}: nog geen besluit vastgelegd")
        return verslag
    for i, b in unsealed(besluiten):
        line, column = voorstel.bron.plaats(("besluiten", i))
        verslag.fout(
            f"{bestand}:{line}:{column}: besluit {i + 1}, {_naam(b)}: NIET (VOLLEDIG) VERZEGELD "
            f"({', '.join(missing_seal(b))} ontbreekt); of het besluit en de inhoud sindsdien "
            "veranderden, is niet na te gaan; het secretariaat verzegelt het met 'nota herzegel'"
        )
    for i, b in tampered(besluiten):
        line, column = voorstel.bron.plaats(("besluiten", i))
        verslag.fout(
            f"{bestand}:{line}:{column}: besluit {i + 1} ({_naam(b)}): het besluit zelf is "
            "VERANDERD nadat het werd vastgelegd"
        )
    current = content_hash(voorstel)
    for _, b in in_force(besluiten).values():
        if missing_seal(b):
            continue
        _content(verslag, voorstel, b, bestand, current)
        _files(verslag, voorstel, b, bestand)
    return verslag


def _naam(b) -> str:
    from generator.proposal import formatting as fmt

    return f"{b.orgaan} {fmt.datum(b.datum)} ({b.uitkomst})"


def _content(verslag: Verslag, voorstel, b, bestand: Path, current: str) -> None:
    if b.inhoud_sha256 == current:
        verslag.lines.append(f"{bestand}: besluit {_naam(b)}: inhoud ongewijzigd")
        return
    verslag.fout(f"{bestand}: besluit {_naam(b)}: GEWIJZIGD na het besluit")
    for c in changes(voorstel, b):
        verslag.lines.append(f"  {bestand}:{c.line}:{c.column}: {c.part}: {c.state}")
    from generator.decisions.decided import decided_version

    found = decided_version(voorstel, b)
    if found is None:
        verslag.lines.append(
            "  de tekst zoals besloten is niet te tonen: het bestand staat niet in git, "
            "of geen versie in git heeft de verzegelde inhoud (vergelijk zelf met "
            "'nota diff OUD NIEUW')"
        )
    else:
        verslag.lines.append(f"  de tekst zoals besloten staat in {found[1]}; wat er sindsdien veranderde:")
        verslag.oud.append(found)


def _files(verslag: Verslag, voorstel, b, bestand: Path) -> None:
    gewijzigd = changed_files(voorstel, b)
    for naam, state in gewijzigd:
        verslag.fout(f"{bestand}: besluit {_naam(b)}: het bestand {naam} is {state.upper()} na het besluit")
    if not gewijzigd and b.bestanden_sha256:
        verslag.lines.append(
            f"{bestand}: besluit {_naam(b)}: bestanden ongewijzigd ({', '.join(sorted(b.bestanden_sha256))})"
        )
