"""The recognised structure as proposal YAML (ruamel.yaml), with what needs attention
kept as clearly marked comments where it was found."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.proposal.skeleton import dump, schema_header_for
from generator.proposal.vocabulary import NVT, is_nvt
from generator.importer.points import strip_mark
from generator.importer.structure import Structure

MARKER = "NOTA IMPORT, NIET GEPLAATST:"
TABLE_MARKER = "NOTA IMPORT:"
GUESS_MARKER = "NOTA IMPORT, GERADEN:"
UNSEALED_MARKER = "NOTA IMPORT, NIET VERZEGELD:"


def markdown(blocks) -> str:
    parts = ["\n".join(b) if isinstance(b, list) else b for b in blocks]
    return "\n\n".join(parts) + "\n"


def _text(waarde: str):
    return LiteralScalarString(waarde) if "\n" in waarde.strip() or len(waarde) > 80 else waarde.strip()


def sectie(blocks, s: dict, structure: Structure, intro: str):
    if not blocks:
        return None
    texts = [b for b in blocks if isinstance(b, (str, list))]
    plain = [t.lower() for b in texts for t in (b if isinstance(b, list) else [b])]
    if len(plain) == 1 and is_nvt(plain[0]):
        return NVT
    if s.get("uit_beslispunten") and _repeats_beslispunten(texts, structure.beslispunten, intro):
        return None
    if all(isinstance(b, (str, list)) for b in blocks):
        return _text(markdown(blocks))
    return _mixed(blocks)


def _mixed(blocks) -> CommentedSeq:
    out, tekst = CommentedSeq(), []  # type: CommentedSeq, list
    for b in blocks:
        if isinstance(b, dict):
            if tekst:
                out.append(_text(markdown(tekst)))
                tekst = []
            out.append(_tabel(b))
            if b.get("_schaal"):  # stated, not marked: the amounts were scaled to euros
                out.yaml_set_comment_before_after_key(
                    len(out) - 1, indent=4, before=(f"bedragen in de bron {b['_schaal']}; hier omgerekend naar euro's")
                )
            if b.get("_import"):
                out.yaml_set_comment_before_after_key(
                    len(out) - 1, indent=4, before="\n".join(f"{TABLE_MARKER} {p}" for p in b["_import"])
                )
        else:
            tekst.append(b)
    if tekst:
        out.append(_text(markdown(tekst)))
    return out


def _tabel(t: dict) -> CommentedMap:
    out = CommentedMap((k, v) for k, v in t.items() if not k.startswith("_"))
    out["kolommen"] = CommentedSeq(t["kolommen"])
    out["kolommen"].fa.set_flow_style()
    regels = CommentedSeq()
    for r in t["regels"]:
        regel = CommentedMap(r)
        regel.fa.set_flow_style()
        regels.append(regel)
    out["regels"] = regels
    return out


def _repeats_beslispunten(texts, punten, intro: str) -> bool:
    def bare(r: str) -> str:
        return r.removeprefix("### ").strip().rstrip(":")

    regels = [t for b in texts for t in (b if isinstance(b, list) else [b])]
    regels = [strip_mark(r) for r in regels if not (intro and bare(r) == bare(intro))]
    return [" ".join(r.split()) for r in regels] == [" ".join(p.split()) for p in punten]


def yaml_text(soort, structure: Structure, doel: Path | None = None) -> str:
    """The YAML, its $schema line relative to `doel`, the file it is written to (None:
    the current folder; `nota import` sets the line for its real target)."""
    doc = CommentedMap()
    doc["soort"] = soort.naam
    for veld in soort.velden:
        waarde = _field_value(veld, structure)
        if waarde is not None:
            doc[veld["sleutel"]] = waarde
    if soort.secties:
        doc["secties"] = _secties(soort, structure)
    doc["besluiten"] = CommentedSeq(
        CommentedMap((k, v) for k, v in b.items() if v is not None) for b in structure.besluiten
    )
    _mark(doc, structure)
    return dump(doc, schema_header_for(soort, doel), width=4096)


def _field_value(veld: dict, structure: Structure):
    sleutel = veld["sleutel"]
    if veld["type"] == "beslispunten":
        return CommentedSeq(structure.beslispunten) if structure.beslispunten else None
    if veld["type"] == "markdown":
        blocks = structure.markdown.get(sleutel)
        return _text(markdown(blocks)) if blocks else None
    waarde = structure.velden.get(sleutel)
    if isinstance(waarde, list):
        return CommentedSeq(
            CommentedMap((k, _text(v + "\n")) for k, v in d.items()) if isinstance(d, dict) else d for d in waarde
        )
    return CommentedMap(waarde) if isinstance(waarde, dict) else waarde


def _secties(soort, structure: Structure) -> CommentedMap:
    secties = CommentedMap()
    for s in soort.secties:
        waarde = sectie(structure.markdown.get("secties." + s["sleutel"]), s, structure, soort.beslispunten_intro)
        if waarde is not None or s.get("uit_beslispunten"):
            secties[s["sleutel"]] = waarde
    return secties


def _mark(doc: CommentedMap, structure: Structure) -> None:
    plaatsen = {p: [f"{MARKER} {t}" for t in texts if t.strip()] for p, texts in structure.unplaced.items()}
    for plaats, texts in structure.guessed.items():
        plaatsen.setdefault(plaats, []).extend(f"{GUESS_MARKER} {t}" for t in texts)
        note = f"{len(texts)} waarde(n) geraden bij '{plaats}' (gemarkeerd met '{GUESS_MARKER}')"
        if note not in structure.attention:
            structure.attention.append(note)
    if structure.unsealed:
        plaatsen.setdefault("besluiten", []).extend(f"{UNSEALED_MARKER} {t}" for t in structure.unsealed)
    for plaats, regels in plaatsen.items():
        if not regels:
            continue
        parent, sleutel = (doc["secties"], plaats.split(".", 1)[1]) if plaats.startswith("secties.") else (doc, plaats)
        if sleutel and sleutel in parent:
            parent.yaml_set_comment_before_after_key(
                sleutel, before="\n".join(regels), indent=2 if parent is not doc else 0
            )
        else:
            doc.yaml_set_comment_before_after_key("soort", before="\n".join(regels))
        note = f"{len(regels)} tekstdeel/-delen niet geplaatst bij '{plaats or 'begin'}' (gemarkeerd met '{MARKER}')"
        # not for decisions only marked unsealed; the YAML is made twice when a decision is sealed
        if (plaats in structure.unplaced or plaats in structure.guessed) and note not in structure.attention:
            structure.attention.append(note)
