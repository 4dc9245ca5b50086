"""`nota import`: old documents (.docx, .txt, .pdf) into proposal YAML.

read (lines) -> structure (kind, fields, sections, tables, decisions, using
the kinds' own data) -> emit (YAML with marked comments). A final nota PDF
that carries its source YAML is imported exactly from that attachment.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.proposal.kinds import known_soorten, find_soort
from generator.importer.emit import yaml_text
from generator.importer.read import source_from_pdf, read
from generator.importer.sealing import decide_hint, seal_imported
from generator.importer.structure import Recognizer, choose_soort


@dataclass
class Result:
    yaml: str
    soort: str
    attention: list[str] = field(default_factory=list)
    problemen: list[str] = field(default_factory=list)  # marked in the YAML; the import exits 1
    exact: bool = False  # taken from an embedded source


def import_document(path: Path, search_path, soort: str | None = None) -> Result:
    note = None
    if path.suffix.lower() == ".pdf":
        bron, note = source_from_pdf(path)
        if bron is not None:
            return Result(bron, soort or "", exact=True)
    regels = read(path)
    names = [soort] if soort else known_soorten(search_path)
    soorten = [find_soort(n, search_path) for n in names]
    chosen = choose_soort(regels, soorten)
    structure = Recognizer(chosen).process(regels)
    if note:
        structure.attention.insert(0, note)
    for veld in chosen.velden:
        found = veld["sleutel"] in structure.velden or veld["sleutel"] in structure.markdown
        if veld.get("verplicht") and not found and not (veld["type"] == "beslispunten" and structure.beslispunten):
            structure.attention.append(f"'{veld['sleutel']}' ({veld.get('label', '')}) niet gevonden: vul het in")
    def render(besluiten: list[dict]) -> str:
        structure.besluiten = besluiten
        return yaml_text(chosen, structure)
    found = list(structure.besluiten)
    besluiten, unsealed = seal_imported(found, render, path, search_path) if not structure.problemen else (found, None)
    if unsealed:
        structure.attention.append(unsealed)
        structure.unplaced.setdefault("besluiten", []).extend(decide_hint(b) for b in found)
    return Result(render(besluiten), chosen.naam, structure.attention, structure.problemen)
