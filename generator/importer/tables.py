"""Table rows (tab- or space-separated cells) into a financial table of the YAML shape."""
from __future__ import annotations

import re
from decimal import Decimal

from ..formatting import parse_bedrag

ROL = (("dekking", "dekking"), ("bekostiging", "dekking"), ("budget", "dekking"),
       ("kosten", "kosten"), ("begroting", "kosten"), ("benodigd", "kosten"))


def bedrag(cel: str) -> Decimal | None:
    cel = cel.strip().rstrip("-").rstrip(",") if cel.strip().endswith(",-") else cel.strip()
    if not cel or not re.search(r"\d", cel):
        return None
    try:
        return parse_bedrag(cel)
    except ValueError:
        return None


def _is_bedrag(cel: str) -> bool:
    return bedrag(cel) is not None


def _is_jaar(cel: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{2}", cel.strip()))


def tabel(rijen: list[list[str]], titel: str | None) -> tuple[dict | None, list[str]]:
    """(table dict, attention points) from rows of cells."""
    rijen = [[c.strip() for c in r] for r in rijen if any(c.strip() for c in r)]
    if rijen and titel is None and len([c for c in rijen[0] if c]) == 1 and not _is_bedrag(rijen[0][0]):
        titel, rijen = rijen[0][0], rijen[1:]
    if not rijen:
        return None, []
    kop = rijen[0] if not any(_is_bedrag(c) and not _is_jaar(c) for c in rijen[0][1:]) else None
    data = rijen[1:] if kop else rijen
    data = _voeg_gesplitste_samen(data)
    n = max(len(r) for r in rijen)
    rijtotaal = [i for i in range(1, n) if kop and len(kop) > i and kop[i].strip().lower() == "totaal"]
    bedragkolommen = [i for i in range(1, n) if _meestal_bedrag(data, i) and i not in rijtotaal]
    if not bedragkolommen:
        return None, [f"tabel '{titel or '?'}' heeft geen kolom met bedragen; als tekst overgenomen"]
    tekstkolom = next((i for i in range(1, n) if i not in bedragkolommen + rijtotaal and
                       any(len(r) > i and r[i] for r in data)), None)
    gebouwd = _bouw(titel, kop, data, bedragkolommen, tekstkolom)
    if rijtotaal:
        gebouwd["rijtotaal"] = True
    return gebouwd, []


def _meestal_bedrag(data, i: int) -> bool:
    cellen = [r[i] for r in data if len(r) > i and r[i]]
    return bool(cellen) and sum(_is_bedrag(c) for c in cellen) >= 0.6 * len(cellen)


def _voeg_gesplitste_samen(data: list[list[str]]) -> list[list[str]]:
    """A PDF row split over lines: a label without amounts followed by amounts without label."""
    uit: list[list[str]] = []
    for r in data:
        if uit and r and not r[0] and len(uit[-1]) == 1:
            uit[-1] = [uit[-1][0]] + r[1:]
        elif uit and len(r) == 1 and len(uit[-1]) > 1 and not _is_bedrag(r[0]) and not any(
                _is_bedrag(c) for c in uit[-1][1:]):
            uit[-1][0] += " " + r[0]
        else:
            uit.append(list(r))
    return uit


def _bouw(titel, kop, data, bedragkolommen, tekstkolom) -> dict:
    kolommen = [_kolomnaam(kop[i]) if kop and len(kop) > i and kop[i] else "Bedrag" for i in bedragkolommen]
    rol = _rol(" ".join(filter(None, [titel or "", kop[0] if kop else ""])))
    uit: dict = {"tabel": titel or "Tabel", "rol": rol, "kolommen": kolommen}
    if kop and kop[0] and kop[0].lower() != {"kosten": "kosten", "dekking": "dekking"}.get(rol, "post"):
        uit["postkop"] = kop[0]
    if tekstkolom is not None and kop and len(kop) > tekstkolom:
        uit["toelichting"] = kop[tekstkolom] or "Toelichting"
    regels, totaal = [], None
    for r in data:
        label = r[0] if r else ""
        bedragen = [bedrag(r[i]) if len(r) > i else None for i in bedragkolommen]
        if re.match(r"^(sub)?totaal\b", label, re.IGNORECASE) and label.lower().startswith("sub"):
            regels.append({"subtotaal": label})
        elif re.match(r"^totaal\b", label, re.IGNORECASE) or label.lower().startswith("totaal"):
            totaal = bedragen if len(bedragen) > 1 else bedragen[0]
            if label.lower() != "totaal":
                uit["totaallabel"] = label
        else:
            regel = {"post": label, "bedrag": _yaml_bedrag(bedragen)}
            if tekstkolom is not None and len(r) > tekstkolom and r[tekstkolom]:
                regel["toelichting"] = r[tekstkolom]
            regels.append(regel)
    uit["regels"] = regels
    if totaal is not None:
        uit["totaal"] = _yaml_bedrag(totaal if isinstance(totaal, list) else [totaal])
    return uit


def _kolomnaam(tekst: str):
    return int(tekst) if re.fullmatch(r"(19|20)\d{2}", tekst) else tekst


def _rol(tekst: str) -> str:
    laag = tekst.lower()
    return next((rol for woord, rol in ROL if woord in laag), "overig")


def _yaml_bedrag(bedragen: list[Decimal | None]):
    waarden = [None if b is None else (int(b) if b == b.to_integral_value() else f"€ {b}".replace(".", ","))
               for b in bedragen]
    return waarden if len(waarden) > 1 else waarden[0]
