"""The recognised structure as proposal YAML (ruamel.yaml), with what needs attention
kept as clearly marked comments where it was found."""
from __future__ import annotations

import re

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ..skeleton import dump, schema_kop
from .structure import Opbouw

MARKERING = "NOTA IMPORT, NIET GEPLAATST:"


def markdown(blokken) -> str:
    delen = ["\n".join(b) if isinstance(b, list) else b for b in blokken]
    return "\n\n".join(delen) + "\n"


def _tekst(waarde: str):
    return LiteralScalarString(waarde) if "\n" in waarde.strip() or len(waarde) > 80 else waarde.strip()


def sectie(blokken, s: dict, opbouw: Opbouw, intro: str):
    if not blokken:
        return None
    teksten = [b for b in blokken if isinstance(b, (str, list))]
    platte = [t.lower() for b in teksten for t in (b if isinstance(b, list) else [b])]
    if platte == ["niet van toepassing"]:
        return "nvt"
    if s.get("uit_beslispunten") and _herhaalt_beslispunten(teksten, opbouw.beslispunten, intro):
        return None
    if all(isinstance(b, (str, list)) for b in blokken):
        return _tekst(markdown(blokken))
    return _gemengd(blokken)


def _gemengd(blokken) -> CommentedSeq:
    uit, tekst = CommentedSeq(), []
    for b in blokken:
        if isinstance(b, dict):
            if tekst:
                uit.append(_tekst(markdown(tekst)))
                tekst = []
            uit.append(_tabel(b))
        else:
            tekst.append(b)
    if tekst:
        uit.append(_tekst(markdown(tekst)))
    return uit


def _tabel(t: dict) -> CommentedMap:
    uit = CommentedMap(t)
    uit["kolommen"] = CommentedSeq(t["kolommen"])
    uit["kolommen"].fa.set_flow_style()
    regels = CommentedSeq()
    for r in t["regels"]:
        regel = CommentedMap(r)
        regel.fa.set_flow_style()
        regels.append(regel)
    uit["regels"] = regels
    return uit


def _herhaalt_beslispunten(teksten, punten, intro: str) -> bool:
    def kaal(r: str) -> str:
        return r.removeprefix("### ").strip().rstrip(":")
    regels = [t for b in teksten for t in (b if isinstance(b, list) else [b])]
    regels = [re.sub(r"^\d+[.)]\s+", "", r) for r in regels if not (intro and kaal(r) == kaal(intro))]
    return [" ".join(r.split()) for r in regels] == [" ".join(p.split()) for p in punten]


def yaml_tekst(soort, opbouw: Opbouw) -> str:
    doc = CommentedMap()
    doc["soort"] = soort.naam
    for veld in soort.velden:
        waarde = _veldwaarde(veld, opbouw)
        if waarde is not None:
            doc[veld["sleutel"]] = waarde
    if soort.secties:
        doc["secties"] = _secties(soort, opbouw)
    doc["besluiten"] = CommentedSeq(CommentedMap((k, v) for k, v in b.items() if v is not None)
                                    for b in opbouw.besluiten)
    _markeer(doc, opbouw)
    return dump(doc, schema_kop(soort), breedte=4096)


def _veldwaarde(veld: dict, opbouw: Opbouw):
    sleutel = veld["sleutel"]
    if veld["type"] == "beslispunten":
        return CommentedSeq(opbouw.beslispunten) if opbouw.beslispunten else None
    if veld["type"] == "markdown":
        blokken = opbouw.markdown.get(sleutel)
        return _tekst(markdown(blokken)) if blokken else None
    waarde = opbouw.velden.get(sleutel)
    if isinstance(waarde, list):
        return CommentedSeq(CommentedMap((k, _tekst(v + "\n")) for k, v in d.items()) if isinstance(d, dict)
                            else d for d in waarde)
    return CommentedMap(waarde) if isinstance(waarde, dict) else waarde


def _secties(soort, opbouw: Opbouw) -> CommentedMap:
    secties = CommentedMap()
    for s in soort.secties:
        waarde = sectie(opbouw.markdown.get("secties." + s["sleutel"]), s, opbouw, soort.beslispunten_intro)
        if waarde is not None or s.get("uit_beslispunten"):
            secties[s["sleutel"]] = waarde
    return secties


def _markeer(doc: CommentedMap, opbouw: Opbouw) -> None:
    for plaats, teksten in opbouw.niet_geplaatst.items():
        regels = [f"{MARKERING} {t}" for t in teksten if t.strip()]
        if not regels:
            continue
        ouder, sleutel = (doc["secties"], plaats.split(".", 1)[1]) if plaats.startswith("secties.") else (doc, plaats)
        if sleutel and sleutel in ouder:
            ouder.yaml_set_comment_before_after_key(sleutel, before="\n".join(regels),
                                                    indent=2 if ouder is not doc else 0)
        else:
            doc.yaml_set_comment_before_after_key("soort", before="\n".join(regels))
        opbouw.aandacht.append(f"{len(regels)} tekstdeel/-delen niet geplaatst bij '{plaats or 'begin'}' "
                               f"(gemarkeerd met '{MARKERING}')")
