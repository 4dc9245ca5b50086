"""Table rows (tab- or space-separated cells) into a financial table of the YAML shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.importer import table_check as check
from generator.importer import units
from generator.proposal.formatting import parse_amount

ROL = (
    ("dekking", "dekking"),
    ("bekostiging", "dekking"),
    ("budget", "dekking"),
    ("kosten", "kosten"),
    ("begroting", "kosten"),
    ("benodigd", "kosten"),
)


_DASHES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " "})
_EURO = re.compile(r"^EUR\b\.?\s*|\s*(\b(euro|EUR)|(?<=\d)\s*€)$", re.IGNORECASE)  # "EUR 40", "40 euro", "40 €"
_SPACED = re.compile(r"^(€\s*)?[-+]?\s*(€\s*)?\d{1,3}( \d{3})+(,\d+|,-)?$")
_NIL = re.compile(r"^(€\s*)?-$")  # "€ -": nothing, in a column of amounts
_BRACKETS = re.compile(r"^(€\s*)?\((\s*€?\s*[\d.,]+\s*)\)$")  # "(1.250)": negative, as accountants write it
_TRAILING_MINUS = re.compile(r"^(€?\s*[\d.]*\d(,\d+)?)\s*-$")  # "1.250-"


def bedrag(cell: str) -> Decimal | None:
    """A table cell's amount in the notations of Dutch tables: "€ 1.250,-" (",--", ",="), "EUR 1.250", "1.250 euro",
    "−1.250" (a minus sign), "-/- 1.250", "(1.250)" and "1.250-" (negative), "€ -" (nothing); None
    for text."""
    cell = _EURO.sub("", cell.strip().translate(_DASHES)).strip()
    if _SPACED.match(cell):  # "€ 2 150 000": thousands set apart by spaces
        cell = re.sub(r"(?<=\d) (?=\d{3}\b)", ".", cell)
    cell = re.sub(r"^(€\s*)?\+\s*", r"\1", cell)  # "+ € 60.000": a plus sign says nothing
    if _NIL.match(cell):
        return Decimal(0)
    negative = "-/-" in cell
    cell = cell.replace("-/-", "").strip()
    for shape in (_BRACKETS, _TRAILING_MINUS):
        hit = shape.match(cell)
        if hit and not re.search(r",-{1,2}$", cell):
            negative, cell = True, (hit.group(1) or "") + (hit.group(2) or "") if shape is _BRACKETS else hit.group(1)
    cell = re.sub(r",(-{1,2}|=)$", "", cell)  # "1.250,-", "1.250,--", "1.250,=": whole euros
    if not cell or not re.search(r"\d", cell):
        return None
    try:
        waarde = parse_amount(cell)
    except ValueError:
        return None
    return -abs(waarde) if negative else waarde


_LABEL_AMOUNT = re.compile(r"^(.*[^\W\d_].*?)\s+((?:-/-\s*)?[-(\u2212\u2013]?\s*(?:€|EUR)?\s*[-(]?\s*\d[\d.,]*\)?-?)$")


def label_and_amount(tekst: str) -> tuple[str, str] | None:
    """ "Bijdrage provincie -/- 50" (a row's label and amount printed as one) -> ("Bijdrage
    provincie", "-/- 50"); None when the line does not end in an amount (a year is none)."""
    hit = _LABEL_AMOUNT.match(tekst.strip())
    if hit is None or bedrag(hit.group(1)) is not None or re.fullmatch(r"(19|20)\d\d", hit.group(2)):
        return None
    return (hit.group(1), hit.group(2)) if bedrag(hit.group(2)) is not None else None


def _is_amount(cell: str) -> bool:
    return bedrag(cell) is not None


def _is_year(cell: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{2}", cell.strip()))


@dataclass
class Layout:
    """Which column is what: the header row, the data rows, amount and text columns."""

    titel: str | None
    kop: list[str] | None
    data: list[list[str]]
    n: int
    rijtotaal: list[int]
    amounts: list[int]
    text: int | None


def tabel(rijen: list[list[str]], titel: str | None, schaal: tuple | None = None) -> tuple[dict | None, list[str]]:
    """(table dict, attention points) from rows of cells; `schaal`: (factor, wording) of a caption
    above the table ("bedragen x € 1.000"); a unit in the header cells ("2025 (k€)") counts too."""
    layout = _layout(rijen, titel)
    if layout is None:
        return None, []
    if not layout.amounts:
        return None, [f"tabel '{layout.titel or '?'}' heeft geen kolom met bedragen; als tekst overgenomen"]
    schaal = schaal or _scale_in_title(layout) or _scale_in_header(layout)
    factor = schaal[0] if schaal else Decimal(1)
    built, subtotals = _build(layout, factor)
    if schaal:
        built["_schaal"] = schaal[1]
    found = check.problems(built, subtotals, *_leftovers(layout, factor))
    if found:
        built["_import"] = [f"tabel '{built['tabel']}': {p}" for p in found]
    return built, []


def _layout(rijen: list[list[str]], titel: str | None) -> Layout | None:
    rijen = [[c.strip() for c in r] for r in rijen if any(c.strip() for c in r)]
    if rijen and titel is None and len([c for c in rijen[0] if c]) == 1 and not _is_amount(rijen[0][0]):
        titel, rijen = rijen[0][0], rijen[1:]
    if not rijen:
        return None
    kop = rijen[0] if not any(_is_amount(c) and not _is_year(c) for c in rijen[0][1:]) else None
    data = _join_split(rijen[1:] if kop else rijen)
    kop, data = _group_column(kop, data)
    n = max(len(r) for r in rijen)
    rijtotaal = [i for i in range(1, n) if kop and len(kop) > i and kop[i].strip().lower() == "totaal"]
    amounts = [i for i in range(1, n) if _mostly_amounts(data, i) and i not in rijtotaal]
    text = next(
        (i for i in range(1, n) if i not in amounts + rijtotaal and any(len(r) > i and r[i] for r in data)), None
    )
    return Layout(titel, kop, data, n, rijtotaal, amounts, text)


def _scale_in_title(layout: Layout) -> tuple | None:
    """A unit in the table's own title row ("Tabel 2. Dekking (bedragen x € 1.000)")."""
    found = units.scale(layout.titel) if layout.titel else None
    if found and layout.titel:
        layout.titel = units.without(layout.titel) or layout.titel
    return found


def _scale_in_header(layout: Layout) -> tuple | None:
    """A unit in the header cells ("2025 (k€)", "Bedrag × € 1.000"), taken out of the names."""
    if not layout.kop:
        return None
    found = next((units.scale(c) for c in layout.kop if units.scale(c)), None)
    if found:
        layout.kop = [units.without(c) or c for c in layout.kop]
    return found


def _leftovers(layout: Layout, factor: Decimal) -> tuple[list, list, list]:
    """(row totals, lost columns, cells in an amount column that are no amount)."""
    kop, data, rijtotaal = layout.kop, layout.data, layout.rijtotaal
    used = {0, *layout.amounts, *rijtotaal, *([layout.text] if layout.text is not None else [])}
    lost = [
        (kop[i] if kop and len(kop) > i and kop[i] else f"{i + 1}")
        for i in range(1, layout.n)
        if i not in used and any(len(r) > i and r[i] for r in data)
    ]
    unplaced = [
        r[i]
        for r in data
        for i in layout.amounts + rijtotaal
        if len(r) > i and r[i] and bedrag(r[i]) is None and not _is_total_label(r[0])
    ]
    row_totals = [
        (r[0], _scaled(r[i], factor))
        for r in data
        for i in rijtotaal
        if len(r) > i and bedrag(r[i]) is not None and not _is_total_label(r[0])
    ]
    return row_totals, lost, unplaced


def _is_total_label(label: str) -> bool:
    return bool(re.match(r"^(sub)?totaal\b", label.strip(), re.IGNORECASE))


def _group_column(kop, data):
    """A row-merged group column (the group named once, empty below it) folded into the post:
    "Uitvoeringskosten | urenvergoedingen" becomes "Uitvoeringskosten – urenvergoedingen"."""
    if len(data) < 2 or any(len(r) < 3 for r in data):
        return kop, data
    second_text = all((r[1] or r[0]) and bedrag(r[1] or r[0]) is None for r in data)
    gaps = any(not r[0] and r[1] for r in data) and any(r[0] and r[1] for r in data)
    if not (second_text and gaps):
        return kop, data
    out, group = [], ""
    for r in data:
        group = r[0] or group
        if _is_total_label(r[0]):
            out.append([r[0]] + r[2:])
        else:
            out.append([(f"{group} – {r[1]}" if group else r[1]) if r[1] else r[0]] + r[2:])
    return ([" ".join(filter(None, kop[:2]))] + kop[2:] if kop else None), out


def _mostly_amounts(data, i: int) -> bool:
    cells = [r[i] for r in data if len(r) > i and r[i]]
    return bool(cells) and sum(_is_amount(c) for c in cells) >= 0.6 * len(cells)


def _join_split(data: list[list[str]]) -> list[list[str]]:
    """A PDF row split over lines: a label without amounts followed by amounts without label."""
    out: list[list[str]] = []
    for r in data:
        if out and r and not r[0] and len(out[-1]) == 1:
            out[-1] = [out[-1][0]] + r[1:]
        elif (
            out
            and len(r) == 1
            and len(out[-1]) > 1
            and not _is_amount(r[0])
            and not any(_is_amount(c) for c in out[-1][1:])
        ):
            out[-1][0] += " " + r[0]
        else:
            out.append(list(r))
    return out


def _build(layout: Layout, factor: Decimal) -> tuple[dict, list]:
    kop, text_column = layout.kop, layout.text
    kolommen = [_column_name(kop[i]) if kop and len(kop) > i and kop[i] else "Bedrag" for i in layout.amounts]
    rol = _rol(" ".join(filter(None, [layout.titel or "", kop[0] if kop else ""])))
    out: dict = {"tabel": layout.titel or "Tabel", "rol": rol, "kolommen": kolommen}
    if kop and kop[0] and kop[0].lower() != {"kosten": "kosten", "dekking": "dekking"}.get(rol, "post"):
        out["postkop"] = kop[0]
    if text_column is not None and kop and len(kop) > text_column:
        out["toelichting"] = kop[text_column] or "Toelichting"
    regels, totaal, subtotals = [], None, []
    for r in layout.data:
        label = r[0] if r else ""
        bedragen = [_scaled(r[i], factor) if len(r) > i else None for i in layout.amounts]
        if _is_total_label(label) and label.lower().startswith("sub"):
            regels.append({"subtotaal": label})
            if any(b is not None for b in bedragen):
                subtotals.append((len(regels) - 1, _yaml_amount(bedragen)))
        elif label.lower().startswith("totaal"):
            totaal = bedragen
            if label.lower() != "totaal":
                out["totaallabel"] = label
        else:
            regel = {"post": label, "bedrag": _yaml_amount(bedragen)}
            if text_column is not None and len(r) > text_column and r[text_column]:
                regel["toelichting"] = r[text_column]
            regels.append(regel)
    out["regels"] = regels
    if layout.rijtotaal:
        out["rijtotaal"] = True
    if totaal is not None:
        out["totaal"] = _yaml_amount(totaal)
    return out, subtotals


def _scaled(cell: str, factor: Decimal) -> Decimal | None:
    b = bedrag(cell)
    return None if b is None else b * factor


def _column_name(tekst: str):
    return int(tekst) if re.fullmatch(r"(19|20)\d{2}", tekst) else tekst


def _rol(tekst: str) -> str:
    layer = tekst.lower()
    return next((rol for word, rol in ROL if word in layer), "overig")


def _yaml_amount(bedragen: list[Decimal | None]):
    values = [
        None if b is None else (int(b) if b == b.to_integral_value() else f"€ {b}".replace(".", ",")) for b in bedragen
    ]
    return values if len(values) > 1 else values[0]


def take_columns(previous: dict, tabel: dict) -> None:
    """A continuation table without header row takes the columns of the table above it."""
    n_previous = len(previous["kolommen"]) + (1 if previous.get("rijtotaal") else 0)
    if any(k != "Bedrag" for k in tabel["kolommen"]) or len(tabel["kolommen"]) != n_previous:
        return
    tabel["kolommen"] = list(previous["kolommen"])
    if previous.get("rijtotaal"):
        tabel["rijtotaal"] = True
        n = len(tabel["kolommen"])
        for regel in tabel["regels"]:
            if isinstance(regel.get("bedrag"), list):
                regel["bedrag"] = regel["bedrag"][:n]
        if isinstance(tabel.get("totaal"), list):
            tabel["totaal"] = tabel["totaal"][:n]
