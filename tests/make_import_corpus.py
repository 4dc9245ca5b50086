"""Make the foreign-document corpus for `nota import` (tests/data/import/foreign/).

From the reference texts in tests/data/reference/ this writes each document the
way municipalities write them, in two house styles, as HTML; LibreOffice turns
the HTML into .docx and the .docx into .pdf, and pdftotext gives the text a
user copies out of the PDF (hard-wrapped). The ground truth (header fields,
sections, beslispunten, table amounts and totals, decisions) goes to
truth.json. The generated files are committed, so the tests need no LibreOffice.

    python3 tests/make_import_corpus.py          # needs soffice and pdftotext
    python3 tests/make_import_corpus.py --meet   # recall per document, as a table
    python3 tests/make_import_corpus.py --stijlen [stijl ...]  # tests/data/import/<stijl>/ (import_styles.py)

Styles:
- koppen: heading styles, Word auto-numbering, a two-pair header table
  (Kenmerk | … | Datum | …), amounts as "€ 371.358,-", a running page header
  and a "Pagina N van M" footer, signatures in a table (two paragraphs a cell).
- vet: bold paragraphs as headings, typed numbering, "Label: waarde" header
  lines and separate Telefoon / E-mail rows, a row-merged group column in the
  cost table, a footer "Kenmerk … Pagina N van M".
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).resolve().parent / "data" / "reference"
OUT = Path(__file__).resolve().parent / "data" / "import" / "foreign"

DOCUMENTS = {
    "collegenota": {
        "bron": "000",
        "soort": "collegenota",
        "titel": "Collegenota",
        "kop": {
            "gemeente": "Maastricht",
            "onderwerp": "Continuering sociale teams 2021",
            "kenmerk": "2021.00412",
            "datum": "2021-01-26",
            "portefeuillehouder": "Wethouder Zorg en Welzijn",
            "afdeling": "Sociaal Domein",
            "steller": {"naam": "A. Jansen", "telefoon": "043 350 0000", "email": "a.jansen@example.nl"},
        },
        "besluiten": [{"orgaan": "college", "datum": "2021-02-09"}],
    },
    "raadsvoorstel": {
        "bron": "003",
        "soort": "raadsvoorstel",
        "titel": "Raadsvoorstel",
        "kop": {
            "gemeente": "Den Helder",
            "onderwerp": "Voorstel tot het beschikbaar stellen van een bedrag van € 460.000,- voor de "
            "voorbereiding en inrichting van de wijkpunten met sociale wijkteams in alle "
            "vier de wijken",
            "kenmerk": "2020-010358",
            "datum": "2020-03-03",
            "portefeuillehouder": "Tjitske Biersteker-Giljou",
            "team": "Team Jeugd",
            "begrotingswijziging": True,
            "adviseur": {"naam": "Arlette Booms", "email": "a.booms@denhelder.nl"},
            "ondertekening": {"plaats": "Den Helder", "burgemeester": "Jeroen Nobel", "secretaris": "Robert Reus"},
        },
        "besluiten": [{"orgaan": "raad", "datum": "2020-05-11"}],
    },
}
LABELS = {
    "gemeente": "Gemeente",
    "onderwerp": "Onderwerp",
    "kenmerk": "Kenmerk",
    "datum": "Datum",
    "portefeuillehouder": "Portefeuillehouder",
    "afdeling": "Afdeling",
    "team": "Van team",
    "begrotingswijziging": "Begrotingswijziging",
    "steller": "Steller",
    "adviseur": "Adviseur",
}
SKIP_REFERENCE_HEADER = re.compile(r"^(Gemeenteraad|Portefeuillehouder:|Classificatie:|Onderwerp:)")


def lang(iso: str) -> str:
    """The date as a Dutch document writes it: 26 januari 2021."""
    return format_date(dt.date.fromisoformat(iso), "d MMMM y", locale="nl_NL")


def value(sleutel, waarde) -> str:
    if isinstance(waarde, bool):
        return "Ja" if waarde else "Nee"
    return lang(waarde) if sleutel == "datum" else waarde


def blocks(tekst: str):
    """The reference text as blocks: ('kop', t), ('p', t), ('ol', [..]), ('ul', [..]), ('tabel', rows)."""
    out = []
    for regel in tekst.splitlines():
        r = regel.rstrip()
        if not r.strip() or SKIP_REFERENCE_HEADER.match(r) or re.fullmatch(r"[-\t]+", r.strip()):
            if not r.strip() and out and out[-1][0] in ("ol", "ul"):
                out.append(("sep", None))
            continue
        if "\t" in r:
            if out and out[-1][0] == "tabel":
                out[-1][1].append(r.split("\t"))
            else:
                out.append(("tabel", [r.split("\t")]))
        elif re.match(r"^\d{1,2}\.\s", r) and not _is_heading(r):
            _append_item(out, "ol", re.sub(r"^\d{1,2}\.\s+", "", r))
        elif r.startswith("- "):
            _append_item(out, "ul", r[2:])
        elif _is_heading(r):
            out.append(("kop", r))
        else:
            out.append(("p", r))
    return [b for b in out if b[0] != "sep"]


def _append_item(out, kind, tekst):
    if out and out[-1][0] == kind:
        out[-1][1].append(tekst)
    else:
        out.append((kind, [tekst]))


def _is_heading(r: str) -> bool:
    bare = re.sub(r"^\d{1,2}\.\s+", "", r).rstrip(":")
    return (
        len(r) < 70
        and not r.rstrip().endswith((".", ",", ";"))
        and bare[:1].isupper()
        and len(bare.split()) <= 8
        and not re.search(r"\d{4}$", r)
        or r.startswith(("Besluit Burgemeester",))
    )


def header_html(doc: dict, style: str) -> str:
    kop = {k: v for k, v in doc["kop"].items() if k not in ("gemeente", "onderwerp", "ondertekening")}
    persoon_key = next(k for k in kop if isinstance(kop[k], dict))
    persoon = kop.pop(persoon_key)
    e = html.escape
    if style == "koppen":
        pairs = [(LABELS[k], value(k, v)) for k, v in kop.items()] + [(LABELS[persoon_key], persoon["naam"])]
        pairs += [("Telefoon", persoon["telefoon"])] if "telefoon" in persoon else []
        pairs += [("E-mail", persoon["email"])]
        rows = [pairs[i : i + 2] for i in range(0, len(pairs), 2)]
        cells = "".join(
            "<tr>" + "".join(f"<td><b>{e(a)}</b></td><td>{e(b)}</td>" for a, b in r) + "</tr>" for r in rows
        )
        return (
            f"<p><b>Onderwerp</b></p><p>{e(doc['kop']['onderwerp'])}</p>"
            f"<table border='1' cellpadding='4' width='100%'>{cells}</table>"
        )
    lines = [f"<p>Onderwerp: {e(doc['kop']['onderwerp'])}</p>"]
    rows = [(LABELS[k] + ":", value(k, v)) for k, v in kop.items()]
    rows += [(LABELS[persoon_key] + ":", persoon["naam"])]
    rows += [("Telefoon:", persoon["telefoon"])] if "telefoon" in persoon else []
    rows += [("E-mail:", persoon["email"])]
    cells = "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td></tr>" for a, b in rows)
    return "".join(lines) + f"<table cellpadding='3'>{cells}</table>"


def amount_text(cell: str, style: str) -> str:
    """ "€ 371.358" as "€ 371.358,-" in the koppen style; other cells unchanged."""
    c = cell.strip()
    return f"{c},-" if style == "koppen" and re.fullmatch(r"€ [\d.]+", c) else c


def table_html(rows: list[list[str]], style: str) -> str:
    e = html.escape
    rows = [[amount_text(c, style) for c in r] for r in rows if any(c.strip() for c in r)]
    width = max(len(r) for r in rows)
    if len(rows[0]) - rows[0].count("") == 1 and not re.search(r"\d", rows[0][0] + "".join(rows[0][1:])):
        titel, rows = rows[0][0], rows[1:]
    else:
        titel = None
    out = f"<p><b>{e(titel)}</b></p>" if titel else ""
    if style == "vet" and any(" – " in r[0] for r in rows):
        return out + _grouped(rows, width)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in (r + [""] * (width - len(r)))) + "</tr>" for r in rows)
    return out + f"<table border='1' cellpadding='4' width='100%'>{body}</table>"


def _grouped(rows, width) -> str:
    """The cost table with a row-merged group column: "Uitvoeringskosten" once for two rows."""
    e = html.escape
    head, data = rows[0], rows[1:]
    groups = [r[0].split(" – ", 1) if " – " in r[0] else [r[0], ""] for r in data]
    body = f"<tr><td>Soort</td><td>{e(head[0])}</td>" + "".join(f"<td>{e(c)}</td>" for c in head[1:]) + "</tr>"
    i = 0
    while i < len(data):
        span = 1
        while i + span < len(data) and groups[i + span][0] == groups[i][0] and groups[i][1]:
            span += 1
        for k in range(span):
            r, (group, post) = data[i + k], groups[i + k]
            first = f"<td rowspan='{span}'>{e(group)}</td>" if k == 0 else ""
            body += (
                f"<tr>{first}<td>{e(post)}</td>"
                + "".join(f"<td>{e(c)}</td>" for c in (r[1:] + [""] * (width - len(r))))
                + "</tr>"
            )
        i += span
    return f"<table border='1' cellpadding='4' width='100%'>{body}</table>"


def body_html(doc: dict, tekst: str, style: str) -> str:
    e = html.escape
    out, signing = [], []
    for kind, inhoud in blocks(tekst):
        if kind in ("p", "kop") and inhoud in ("burgemeester", "secretaris"):
            signing.append([inhoud])
        elif kind in ("p", "kop") and signing and len(signing[-1]) == 1:
            signing[-1].append(inhoud)
            if len(signing) == 2 and style == "koppen":
                cells = "".join(f"<td><p>{e(a)}</p><p>{e(b)}</p></td>" for a, b in signing)
                out.append(f"<table width='100%'><tr>{cells}</tr></table>")
            elif len(signing) == 2:
                out += [f"<p>{e(t)}</p>" for pair in signing for t in pair]
        elif kind == "kop":
            out.append(f"<h2>{e(inhoud)}</h2>" if style == "koppen" else f"<p><b>{e(inhoud)}</b></p>")
        elif kind == "p":
            out.append(f"<p>{e(inhoud)}</p>")
        elif kind == "ol" and style == "koppen":
            out.append("<ol>" + "".join(f"<li>{e(t)}</li>" for t in inhoud) + "</ol>")
        elif kind == "ol":
            out += [f"<p>{n}. {e(t)}</p>" for n, t in enumerate(inhoud, 1)]
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(t)}</li>" for t in inhoud) + "</ul>")
        elif kind == "tabel":
            out.append(table_html(inhoud, style))
    return "\n".join(out)


def document_html(naam: str, doc: dict, tekst: str, style: str) -> str:
    kop = doc["kop"]
    header = f"Gemeente {kop['gemeente']} · {doc['titel']} {kop['kenmerk']}"
    footer = (
        f"{doc['titel']} {kop['kenmerk']} Pagina <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> van "
        f"<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield>"
    )
    title = f"<h1>{doc['titel']}</h1>" if style == "koppen" else f"<p><b>{doc['titel'].upper()}</b></p>"
    return (
        f"<html><head><meta charset='utf-8'><title>{naam}</title></head><body>"
        f"<div title='header'><p>{html.escape(header)}</p></div>"
        f"<p>Gemeente {html.escape(kop['gemeente'])}</p>{title}{header_html(doc, style)}"
        f"{body_html(doc, tekst, style)}<div title='footer'><p>{footer}</p></div></body></html>"
    )


def truth(doc: dict, tekst: str) -> dict:
    """What the source states: the figures the import must bring back."""
    from generator.proposal.kinds import find_soort, search_path

    soort = find_soort(doc["soort"], search_path())
    regels = [r.strip() for r in tekst.splitlines()]
    secties = [
        s["sleutel"]
        for s in soort.secties
        if any(re.sub(r"^\d+\.\s+", "", r).rstrip(":") == s["titel"] for r in regels)
    ]
    punten, inside = [], False
    for r in regels:
        if r in ("Beslispunten", "Geadviseerd besluit"):
            inside = True
        elif inside and re.match(r"^\d\.\s", r):
            punten.append(r[3:].strip())
        elif inside and punten and r and not r.startswith("Aan het college"):
            break
    rows = [r.split("\t") for r in tekst.splitlines() if "\t" in r]
    amount = re.compile(r"^(€\s*)?\d{1,3}(\.\d{3})+$|^(€\s*)?\d+$")
    bedragen = [
        int(re.sub(r"\D", "", c))
        for row in rows
        for c in row[1:]
        if amount.match(c.strip())
        and not re.fullmatch(r"(19|20)\d\d", c.strip())
        and not row[0].lower().startswith(("subtotaal",))
    ]
    totalen = [
        int(re.sub(r"\D", "", c))
        for row in rows
        if row[0].strip().lower().startswith("totaal")
        for c in row[1:]
        if amount.match(c.strip())
    ]
    return {
        "soort": doc["soort"],
        "kop": doc["kop"],
        "secties": secties,
        "beslispunten": punten,
        "bedragen": sorted(bedragen),
        "totalen": sorted(totalen),
        "besluiten": doc["besluiten"],
    }


def convert(html_path: Path, target: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="nota-corpus-"))
    try:
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                "docx:MS Word 2007 XML",
                str(html_path),
                "--outdir",
                str(work),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        docx = work / (html_path.stem + ".docx")
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", str(docx), "--outdir", str(work)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copy(docx, target / docx.name)
        shutil.copy(work / (html_path.stem + ".pdf"), target / (html_path.stem + ".pdf"))
        copied_texts(target / (html_path.stem + ".pdf"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def copied_texts(pdf: Path) -> None:
    """The text a user copies out of the PDF: in reading order (.txt) and with its layout (.layout.txt)."""
    for options, suffix in (([], ".txt"), (["-layout"], ".layout.txt")):
        text = subprocess.run(
            ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        pdf.with_suffix(suffix).write_text(text, encoding="utf-8")


def make() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    waarheid = {}
    for naam, doc in DOCUMENTS.items():
        tekst = next(REFERENCE.glob(f"{doc['bron']}_*.txt")).read_text(encoding="utf-8")
        for style in ("koppen", "vet"):
            stem = f"{naam}-{style}"
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"{stem}.html"
                path.write_text(document_html(stem, doc, tekst, style), encoding="utf-8")
                convert(path, OUT)
            waarheid[stem] = truth(doc, tekst)
    (OUT / "truth.json").write_text(json.dumps(waarheid, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _same(a, b) -> bool:
    def norm(x) -> str:
        return " ".join(re.sub(r"[*_]", "", str(x)).replace("€ ", "€").split()).rstrip(",-").lower()

    return norm(a) == norm(b)


def _flat(d: dict, prefix: str = "") -> dict:
    return {
        k2: v2
        for k, v in d.items()
        for k2, v2 in (_flat(v, f"{prefix}{k}.").items() if isinstance(v, dict) else [(f"{prefix}{k}", v)])
    }


def _amounts(data: dict) -> tuple[list[int], list[int]]:
    bedragen, totalen = [], []
    for inhoud in (data.get("secties") or {}).values():
        for t in inhoud if isinstance(inhoud, list) else []:
            if not isinstance(t, dict):
                continue
            for r in t.get("regels", []):
                b = r.get("bedrag")
                bedragen += [int(x) for x in (b if isinstance(b, list) else [b]) if isinstance(x, int)]
                if t.get("rijtotaal") and isinstance(b, list):  # computed, and checked against the source
                    bedragen.append(sum(x for x in b if isinstance(x, int)))
            tot = t.get("totaal")
            found = [int(x) for x in (tot if isinstance(tot, list) else [tot]) if isinstance(x, int)]
            bedragen, totalen = bedragen + found, totalen + found
    return bedragen, totalen


def _multiset_recall(truth: list, got: list) -> tuple[int, int]:
    left, hit = list(got), 0
    for x in truth:
        if x in left:
            left.remove(x)
            hit += 1
    return hit, len(truth)


def recall(path: Path, truth_: dict) -> dict[str, tuple[int, int]]:
    """(found, stated) per kind of content, for one imported document."""
    from ruamel.yaml import YAML
    from generator.importer import import_document
    from generator.proposal.kinds import search_path

    data = YAML(typ="safe").load(import_document(path, search_path()).yaml)
    flat_truth, flat_got = _flat(truth_["kop"]), _flat({k: v for k, v in data.items() if k != "secties"})
    kop = sum(_same(v, flat_got.get(k)) for k, v in flat_truth.items())
    secties = data.get("secties") or {}
    found_secties = sum(1 for s in truth_["secties"] if s in secties and (secties[s] is not None or s == "voorstel"))
    punten = data.get("beslispunten") or []
    found_punten = sum(any(_same(p, q) for q in punten) for p in truth_["beslispunten"])
    bedragen, totalen = _amounts(data)
    besluiten = sum(
        any(str(b.get("datum")) == t["datum"] and b.get("orgaan") == t["orgaan"] for b in data.get("besluiten") or [])
        for t in truth_["besluiten"]
    )
    return {
        "kop": (kop, len(flat_truth)),
        "secties": (found_secties, len(truth_["secties"])),
        "beslispunten": (found_punten, len(truth_["beslispunten"])),
        "bedragen": _multiset_recall(truth_["bedragen"], bedragen),
        "totalen": _multiset_recall(truth_["totalen"], totalen),
        "besluiten": (besluiten, len(truth_["besluiten"])),
    }


def table() -> str:
    waarheid = json.loads((OUT / "truth.json").read_text(encoding="utf-8"))
    kolommen = ["kop", "secties", "beslispunten", "bedragen", "totalen", "besluiten"]
    out = ["| document | " + " | ".join(kolommen) + " |", "|---" * (len(kolommen) + 1) + "|"]
    for stem, t in waarheid.items():
        for ext in (".docx", ".pdf", ".txt", ".layout.txt"):
            r = recall(OUT / (stem + ext), t)
            out.append(f"| {stem}{ext} | " + " | ".join(f"{r[k][0]}/{r[k][1]}" for k in kolommen) + " |")
    return "\n".join(out)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if "--meet" in sys.argv:
        print(table())
    elif "--stijlen" in sys.argv:  # the house styles of tests/import_styles.py
        from import_writers import make_style_corpus
        from import_writers_heldout import make_heldout_corpus  # zesde, zevende (content b), achtste (c), negende (d)

        make_style_corpus(OUT.parent, sys.argv[sys.argv.index("--stijlen") + 1 :])
        make_heldout_corpus(OUT.parent, sys.argv[sys.argv.index("--stijlen") + 1 :])
    else:
        make()
