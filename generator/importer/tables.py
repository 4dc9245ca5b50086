"""Table rows (tab- or space-separated cells) into a financial table of the YAML shape."""
from __future__ import annotations

import re
from decimal import Decimal

from generator.render.formatting import parse_amount

ROL = (("dekking", "dekking"), ("bekostiging", "dekking"), ("budget", "dekking"),
       ("kosten", "kosten"), ("begroting", "kosten"), ("benodigd", "kosten"))


def bedrag(cell: str) -> Decimal | None:
    cell = cell.strip().rstrip("-").rstrip(",") if cell.strip().endswith(",-") else cell.strip()
    if not cell or not re.search(r"\d", cell):
        return None
    try:
        return parse_amount(cell)
    except ValueError:
        return None


def _is_amount(cell: str) -> bool:
    return bedrag(cell) is not None


def _is_year(cell: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{2}", cell.strip()))


def tabel(rijen: list[list[str]], titel: str | None) -> tuple[dict | None, list[str]]:
    """(table dict, attention points) from rows of cells."""
    rijen = [[c.strip() for c in r] for r in rijen if any(c.strip() for c in r)]
    if rijen and titel is None and len([c for c in rijen[0] if c]) == 1 and not _is_amount(rijen[0][0]):
        titel, rijen = rijen[0][0], rijen[1:]
    if not rijen:
        return None, []
    kop = rijen[0] if not any(_is_amount(c) and not _is_year(c) for c in rijen[0][1:]) else None
    data = rijen[1:] if kop else rijen
    data = _join_split(data)
    n = max(len(r) for r in rijen)
    rijtotaal = [i for i in range(1, n) if kop and len(kop) > i and kop[i].strip().lower() == "totaal"]
    amount_columns = [i for i in range(1, n) if _mostly_amounts(data, i) and i not in rijtotaal]
    if not amount_columns:
        return None, [f"tabel '{titel or '?'}' heeft geen kolom met bedragen; als tekst overgenomen"]
    text_column = next((i for i in range(1, n) if i not in amount_columns + rijtotaal and
                       any(len(r) > i and r[i] for r in data)), None)
    built = _build(titel, kop, data, amount_columns, text_column)
    if rijtotaal:
        built["rijtotaal"] = True
    return built, []


def _mostly_amounts(data, i: int) -> bool:
    cells = [r[i] for r in data if len(r) > i and r[i]]
    return bool(cells) and sum(_is_amount(c) for c in cells) >= 0.6 * len(cells)


def _join_split(data: list[list[str]]) -> list[list[str]]:
    """A PDF row split over lines: a label without amounts followed by amounts without label."""
    out: list[list[str]] = []
    for r in data:
        if out and r and not r[0] and len(out[-1]) == 1:
            out[-1] = [out[-1][0]] + r[1:]
        elif out and len(r) == 1 and len(out[-1]) > 1 and not _is_amount(r[0]) and not any(
                _is_amount(c) for c in out[-1][1:]):
            out[-1][0] += " " + r[0]
        else:
            out.append(list(r))
    return out


def _build(titel, kop, data, amount_columns, text_column) -> dict:
    kolommen = [_column_name(kop[i]) if kop and len(kop) > i and kop[i] else "Bedrag" for i in amount_columns]
    rol = _rol(" ".join(filter(None, [titel or "", kop[0] if kop else ""])))
    out: dict = {"tabel": titel or "Tabel", "rol": rol, "kolommen": kolommen}
    if kop and kop[0] and kop[0].lower() != {"kosten": "kosten", "dekking": "dekking"}.get(rol, "post"):
        out["postkop"] = kop[0]
    if text_column is not None and kop and len(kop) > text_column:
        out["toelichting"] = kop[text_column] or "Toelichting"
    regels, totaal = [], None
    for r in data:
        label = r[0] if r else ""
        bedragen = [bedrag(r[i]) if len(r) > i else None for i in amount_columns]
        if re.match(r"^(sub)?totaal\b", label, re.IGNORECASE) and label.lower().startswith("sub"):
            regels.append({"subtotaal": label})
        elif re.match(r"^totaal\b", label, re.IGNORECASE) or label.lower().startswith("totaal"):
            totaal = bedragen if len(bedragen) > 1 else bedragen[0]
            if label.lower() != "totaal":
                out["totaallabel"] = label
        else:
            regel = {"post": label, "bedrag": _yaml_amount(bedragen)}
            if text_column is not None and len(r) > text_column and r[text_column]:
                regel["toelichting"] = r[text_column]
            regels.append(regel)
    out["regels"] = regels
    if totaal is not None:
        out["totaal"] = _yaml_amount(totaal if isinstance(totaal, list) else [totaal])
    return out


def _column_name(tekst: str):
    return int(tekst) if re.fullmatch(r"(19|20)\d{2}", tekst) else tekst


def _rol(tekst: str) -> str:
    layer = tekst.lower()
    return next((rol for word, rol in ROL if word in layer), "overig")


def _yaml_amount(bedragen: list[Decimal | None]):
    values = [None if b is None else (int(b) if b == b.to_integral_value() else f"€ {b}".replace(".", ","))
               for b in bedragen]
    return values if len(values) > 1 else values[0]
