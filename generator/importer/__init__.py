"""`nota import`: old documents (.docx, .txt, .pdf) into proposal YAML.

read (lines) -> structure (kind, fields, sections, tables, decisions, using
the kinds' own data) -> emit (YAML with marked comments). A final nota PDF
that carries its source YAML is imported exactly from that attachment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.importer.emit import yaml_text
from generator.importer.read import read, read_once, source_from_pdf
from generator.importer.sealing import seal_imported, unsealed_hint
from generator.importer.header import Labels
from generator.importer.kind_choice import choose_soort
from generator.importer.label_grid import gridded
from generator.importer.label_runs import paired
from generator.importer.structure import Recognizer
from generator.proposal.kinds import find_soort, known_soorten


@dataclass
class Result:
    yaml: str
    soort: str
    attention: list[str] = field(default_factory=list)
    problemen: list[str] = field(default_factory=list)  # marked in the YAML; the import exits 1
    exact: bool = False  # taken from an embedded source


def import_document(path: Path, search_path, soort: str | None = None) -> Result:
    note = None
    data = read_once(path)  # the file is opened once; every reader parses these bytes
    if path.suffix.lower() == ".pdf":
        bron, note = source_from_pdf(path, data)
        if bron is not None:
            return Result(bron, soort or "", exact=True)
    regels = read(path, data)
    names = [soort] if soort else known_soorten(search_path)
    soorten = [find_soort(n, search_path) for n in names]
    chosen = choose_soort(regels, soorten)
    labels = Labels(chosen)
    structure = Recognizer(chosen).process(
        paired(gridded(regels, labels), labels)
    )  # a header as a grid, or column by column
    if note:
        structure.attention.insert(0, note)
    for veld in chosen.velden:
        found = veld["sleutel"] in structure.velden or veld["sleutel"] in structure.markdown
        if veld.get("verplicht") and not found and not (veld["type"] == "beslispunten" and structure.beslispunten):
            structure.attention.append(f"'{veld['sleutel']}' ({veld.get('label', '')}) niet gevonden: vul het in")

    def render(besluiten: list[dict]) -> str:
        structure.besluiten = besluiten
        return yaml_text(chosen, structure)

    stated: list[dict] = list(structure.besluiten)
    besluiten, unsealed = stated, None
    if not structure.problemen:
        besluiten, unsealed = seal_imported(stated, render, path, search_path)
    if unsealed:
        structure.attention.append(unsealed)
        structure.unsealed = [unsealed_hint(b) for b in stated]
    return Result(render(besluiten), chosen.naam, structure.attention, structure.problemen)
