"""Held-out house styles "zesde" and "zevende" for the import corpus (issue 26), laid out from the
second content (tests/import_content_b.py) by tests/import_writers_heldout.py. Each follows a real
municipality's published proposals (tests/data/import/<stijl>/README.md names the sources); none
was written against the importer, and the importer must not learn their words before they are
scored blind.

A style is data, as in tests/import_styles.py, but with the habits those styles lack: header
lines "Label: waarde" or a four-column header table, headings as bold runs or typed numbers in a
heading style, beslispunten typed "1:" or "I.", amounts in euros "€ 2.150.000,-" with "-/-" or in
thousands stated in the table's corner cell with negatives in parentheses, the college's decision
in a table at the end or in a stamp above the title.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from import_content_b import is_kop

STYLES: dict[str, dict] = {
    # After gemeente Zutphen's raadsstukken: "Het college van burgemeester & wethouders stelt voor :",
    # "Inhoud" over "Inleiding/aanleiding", points typed "1:", header as label lines, euros in full.
    "zesde": {
        "soortnaam": {"collegenota": "Collegeadvies", "raadsvoorstel": "Raadsvoorstel"},
        "labels": {
            "onderwerp": "Onderwerp",
            "kenmerk": "Corsanummer",
            "datum": "Voorsteldatum",
            "portefeuillehouder": "Portefeuillehouder(s)",
            "afdeling": "Directie",
            "team": "Team",
            "steller": "Behandelaar",
            "adviseur": "Behandelaar",
            "telefoon": "Telefoon (direct)",
            "email": "E-mail behandelaar",
            "classificatie": "Vertrouwelijk",
            "begrotingswijziging": "Begrotingswijziging noodzakelijk",
        },
        "classificatie": {"openbaar": "Nee", "vertrouwelijk": "Ja"},
        "extra": {
            "collegenota": [("Programma", "6 Sociaal domein")],
            "raadsvoorstel": [
                ("Programma", "5 Sport, cultuur en recreatie"),
                ("Forum", "2024-11-28"),
                ("Raad", "raad"),
            ],
        },
        "titels": {
            "aanleiding": "Inleiding/aanleiding",
            "context": "Beleidskader",
            "gewenste_situatie": "Wat is het doel?",
            "personeel_organisatie": "Gevolgen voor de organisatie",
            "financien": "Financiële paragraaf",
            "aanbestedingen": "Inkoop",
            "uitvoering_evaluatie_vervolg": "Vervolgstappen",
            "aanleiding_en_context": "Inleiding/aanleiding",
            "doelen_en_resultaten": "Wat is het doel?",
            "kaders_en_omstandigheden": "Relevante kaders",
            "argumenten_en_alternatieven": "Argumenten/afwegingen",
            "duurzaamheid": "Duurzaamheid/klimaat",
            "financiele_consequenties": "Financiële paragraaf",
            "risicos": "Kanttekeningen/risico's",
            "uitvoering_en_planning": "Vervolgstappen",
        },
        "volgorde": None,
        "samenvatting": "Korte inhoud",
        "intro": {
            "collegenota": "Het college wordt geadviseerd :",
            "raadsvoorstel": "Het college van burgemeester & wethouders stelt voor :",
        },
        "inhoud": "Inhoud",
        "nummers": "dubbelepunt",
        "koppen": "vet",
        "kopblok": "regels",
        "bedragen": "euro",
        "besluit": "tabel",
        "stempel": None,
        "running": "Gemeente {gemeente} · {soortnaam} · Corsanummer {kenmerk}",
    },
    # After gemeente Hilversum's college- and raadsvoorstellen: "Voorgesteld besluit" with the points
    # numbered I., II., "Kanttekeningen", argument headlines "4.1 …" inside "Argumenten", a stamp.
    "zevende": {
        "soortnaam": {"collegenota": "Collegevoorstel", "raadsvoorstel": "Raadsvoorstel"},
        "labels": {
            "kenmerk": "Zaak-ID",
            "datum": "Datum",
            "portefeuillehouder": "Portefeuillehouder",
            "afdeling": "Organisatie-eenheid",
            "team": "Organisatie-eenheid",
            "steller": "Opgesteld door",
            "adviseur": "Opgesteld door",
            "telefoon": "Tel.",
            "email": "E-mail",
            "begrotingswijziging": "Begrotingswijziging",
        },
        "classificatie": {"openbaar": "OPENBAAR", "vertrouwelijk": "VERTROUWELIJK"},
        "extra": {
            "collegenota": [("Agendapunt", "4.2")],
            "raadsvoorstel": [
                ("Agendapunt", "7"),
                ("Commissie", "Ruimte en Duurzaamheid, 27 november 2024"),
                ("Besluitvorming raad", "raad"),
            ],
        },
        "titels": {
            "aanleiding": "Inleiding",
            "context": "Bestuurlijke context",
            "gewenste_situatie": "Beoogd effect",
            "personeel_organisatie": "Organisatorische consequenties",
            "financien": "Kosten, baten en dekking",
            "aanbestedingen": "Inkoop en contractering",
            "uitvoering_evaluatie_vervolg": "Vervolgproces",
            "aanleiding_en_context": "Inleiding",
            "doelen_en_resultaten": "Beoogd effect",
            "kaders_en_omstandigheden": "Kader",
            "argumenten_en_alternatieven": "Argumenten",
            "duurzaamheid": "Klimaatadaptatie en energie",
            "financiele_consequenties": "Kosten, baten en dekking",
            "risicos": "Kanttekeningen",
            "uitvoering_en_planning": "Uitvoering",
        },
        "volgorde": {
            "raadsvoorstel": [
                "aanleiding_en_context",
                "doelen_en_resultaten",
                "kaders_en_omstandigheden",
                "argumenten_en_alternatieven",
                "risicos",
                "duurzaamheid",
                "financiele_consequenties",
                "uitvoering_en_planning",
            ]
        },
        "samenvatting": "Kernboodschap",
        "intro": {"collegenota": "Voorgesteld besluit", "raadsvoorstel": "Voorgesteld besluit"},
        "inhoud": None,
        "nummers": "romeins",
        "koppen": "genummerd",
        "kopblok": "vier",
        "bedragen": "duizend",
        "besluit": "stempel",
        "stempel": "B&W-besluit d.d. {datum}",
        "running": "Gemeente {gemeente} | {soortnaam} | Zaak-ID {kenmerk}",
    },
    # After the raadsvoorstel and collegeadvies of gemeente Amersfoort (tests/data/import/achtste/README.md):
    # "BESLISPUNTEN" in capitals above "Het college stelt de raad voor:", points lettered "a.", the header as
    # a strip of labels over values, headings in capitals, euros in full with the unit in the corner cell
    # and a plain minus, the college's decision as a sentence at the end. Content c (a third subject).
    "achtste": {
        "content": "import_content_c",
        "soortnaam": {"collegenota": "Collegeadvies", "raadsvoorstel": "Raadsvoorstel"},
        "labels": {
            "onderwerp": "Onderwerp",
            "kenmerk": "Zaaknummer",
            "datum": "Datum",
            "portefeuillehouder": "Wethouder",
            "afdeling": "Afdeling",
            "team": "Afdeling",
            "steller": "Steller",
            "adviseur": "Steller",
            "telefoon": "Telefoonnummer",
            "email": "E-mailadres",
            "classificatie": "Openbaarheid",
            "begrotingswijziging": "Begrotingswijziging",
        },
        "classificatie": {"openbaar": "Openbaar", "vertrouwelijk": "Geheim"},
        "extra": {
            "collegenota": [("Raadsinformatiebrief", "Ja")],
            "raadsvoorstel": [("Programma", "3 Bereikbaarheid"), ("Raadsvergadering", "raad")],
        },
        "titels": {
            "aanleiding": "PROBLEEMSTELLING",
            "context": "RELATIE MET BELEID",
            "gewenste_situatie": "BEOOGD RESULTAAT",
            "personeel_organisatie": "CONSEQUENTIES VOOR DE ORGANISATIE",
            "financien": "FINANCIËN",
            "uitvoering_evaluatie_vervolg": "VERVOLG EN COMMUNICATIE",
            "aanleiding_en_context": "PROBLEEMSTELLING",
            "doelen_en_resultaten": "BEOOGD EFFECT",
            "kaders_en_omstandigheden": "RELATIE MET BELEID",
            "argumenten_en_alternatieven": "ARGUMENTEN",
            "duurzaamheid": "DUURZAAMHEID EN KLIMAAT",
            "financiele_consequenties": "FINANCIËLE CONSEQUENTIES",
            "risicos": "KANTTEKENINGEN EN RISICO’S",
            "uitvoering_en_planning": "VERVOLGSTAPPEN",
        },
        "volgorde": {
            "raadsvoorstel": [
                "aanleiding_en_context",
                "doelen_en_resultaten",
                "argumenten_en_alternatieven",
                "risicos",
                "kaders_en_omstandigheden",
                "duurzaamheid",
                "financiele_consequenties",
                "uitvoering_en_planning",
            ]
        },
        "samenvatting": "SAMENVATTING",
        "beslis_kop": "BESLISPUNTEN",
        "intro": {"collegenota": "Voorgesteld wordt:", "raadsvoorstel": "Het college stelt de raad voor:"},
        "inhoud": None,
        "nummers": "letters",
        "koppen": "kapitaal",
        "kopblok": "strook",
        "bedragen": "kolom",
        "besluit": "zin",
        "stempel": None,
        "running": "Gemeente {gemeente} - {soortnaam} {kenmerk}",
    },
    # After gemeente Heerde's college- and raadsvoorstellen (tests/data/import/negende/README.md): the council
    # addressed as "wij stellen u voor te besluiten:", headings as questions ("Wat willen we bereiken?"), the
    # points numbered "1)", euros with the sign but no ",-", the raadsbesluit "gezien het advies van de
    # commissie", the college's decision as a dated line. Content d (parking; a school building).
    "negende": {
        "content": "import_content_d",
        "soortnaam": {"collegenota": "Advies aan burgemeester en wethouders", "raadsvoorstel": "Raadsvoorstel"},
        "labels": {
            "onderwerp": "Onderwerp",
            "kenmerk": "Ons kenmerk",
            "datum": "Datum voorstel",
            "portefeuillehouder": "Verantwoordelijk wethouder",
            "afdeling": "Team",
            "team": "Team",
            "steller": "Behandeld door",
            "adviseur": "Behandeld door",
            "telefoon": "Doorkiesnummer",
            "email": "E-mail",
            "classificatie": "Geheimhouding",
            "begrotingswijziging": "Begrotingswijziging nodig",
        },
        "classificatie": {"openbaar": "Nee", "vertrouwelijk": "Ja"},
        "extra": {
            "collegenota": [("Collegevergadering", "2025-01-21")],
            "raadsvoorstel": [("Commissie", "Samenleving, 24 februari 2025"), ("Raadsvergadering", "raad")],
        },
        "titels": {
            "aanleiding": "Waarom dit advies?",
            "context": "Welk beleid geldt hier?",
            "gewenste_situatie": "Wat willen we bereiken?",
            "personeel_organisatie": "Wat betekent dit voor de organisatie?",
            "financien": "Wat kost het en hoe wordt het betaald?",
            "uitvoering_evaluatie_vervolg": "Hoe gaan we verder?",
            "aanleiding_en_context": "Waarom ligt dit voorstel voor?",
            "doelen_en_resultaten": "Wat willen we bereiken?",
            "kaders_en_omstandigheden": "Binnen welke kaders?",
            "argumenten_en_alternatieven": "Waarom kiezen we hiervoor?",
            "duurzaamheid": "Wat betekent dit voor duurzaamheid?",
            "financiele_consequenties": "Wat kost het en hoe wordt het betaald?",
            "risicos": "Welke risico's zijn er?",
            "uitvoering_en_planning": "Hoe gaan we verder?",
        },
        "volgorde": {
            "raadsvoorstel": [
                "aanleiding_en_context",
                "kaders_en_omstandigheden",
                "doelen_en_resultaten",
                "argumenten_en_alternatieven",
                "financiele_consequenties",
                "risicos",
                "duurzaamheid",
                "uitvoering_en_planning",
            ]
        },
        "samenvatting": "Samenvatting",
        "beslis_kop": "Voorstel",
        "intro": {
            "collegenota": "Wij adviseren uw college te besluiten:",
            "raadsvoorstel": "Wij stellen u voor te besluiten:",
        },
        "inhoud": "Toelichting",
        "nummers": "haakje",
        "koppen": "onderstreept",
        "kopblok": "regels",
        "bedragen": "teken",
        "besluit": "regel",
        "stempel": None,
        "running": "Gemeente {gemeente} - {soortnaam} - kenmerk {kenmerk}",
    },
}
HELD_OUT = ("zesde", "zevende", "achtste", "negende")
ROMEINS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
LETTERS = "abcdefgh"


def lang(iso: str) -> str:
    """26 november 2024."""
    return format_date(dt.date.fromisoformat(iso), "d MMMM y", locale="nl_NL")


def kort(iso: str) -> str:
    """03-12-2024."""
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y")


def _dutch(n: int) -> str:
    return f"{abs(n):,}".replace(",", ".")


def amount(euros: int, style: dict) -> str:
    """'€ 2.150.000,-' and '-/- € 60.000,-' (zesde); '2.150' and '(60)' in thousands (zevende)."""
    if style["bedragen"] == "euro":
        return ("-/- " if euros < 0 else "") + f"€ {_dutch(euros)},-"
    if style["bedragen"] == "teken":  # negende: the euro sign, no ",-", the minus after the sign
        return f"€ {'-' if euros < 0 else ''}{_dutch(euros)}"
    if style["bedragen"] == "kolom":  # achtste: euros in full, the unit in the corner cell, a plain minus
        return ("-" if euros < 0 else "") + _dutch(euros)
    assert euros % 1000 == 0, euros
    return f"({_dutch(euros // 1000)})" if euros < 0 else _dutch(euros // 1000)


def running(doc: dict, style: dict) -> str:
    kop = doc["kop"]
    return style["running"].format(
        soortnaam=style["soortnaam"][doc["soort"]], kenmerk=kop["kenmerk"], gemeente=kop["gemeente"]
    )


def header_pairs(doc: dict, style: dict) -> list[tuple[str, str]]:
    labels, kop = style["labels"], doc["kop"]
    pairs = [(labels["onderwerp"], kop["onderwerp"])] if "onderwerp" in labels else []
    pairs += [(labels["kenmerk"], kop["kenmerk"]), (labels["datum"], lang(kop["datum"]))]
    pairs.append((labels["portefeuillehouder"], kop["portefeuillehouder"]))
    pairs += [(labels[k], kop[k]) for k in ("afdeling", "team") if k in kop]
    persoon_key = "steller" if "steller" in kop else "adviseur"
    persoon = kop[persoon_key]
    pairs.append((labels[persoon_key], persoon["naam"]))
    pairs += [(labels["telefoon"], persoon["telefoon"])] if "telefoon" in persoon else []
    pairs.append((labels["email"], persoon["email"]))
    if "classificatie" in labels:
        pairs.append((labels["classificatie"], style["classificatie"][kop["classificatie"]]))
    if "begrotingswijziging" in kop:
        pairs.append((labels["begrotingswijziging"], "Ja" if kop["begrotingswijziging"] else "Nee"))
    for label, waarde in style["extra"][doc["soort"]]:
        waarde = lang(doc["raadsvergadering"]) if waarde == "raad" else waarde
        pairs.append((label, lang(waarde) if waarde[:2] == "20" and waarde[4:5] == "-" else waarde))
    return pairs


def table_block(t: dict, style: dict, nummer: int) -> tuple:
    """('table', title, rows): the header row, the posts (subtotals included), the total."""
    eerste = (
        "Bedragen in €"
        if style["bedragen"] == "kolom"
        else "Bedragen x € 1.000"
        if style["bedragen"] == "duizend"
        else ("Jaar" if _years_as_rows(t) else "Omschrijving")
    )
    out = [[eerste] + [str(k) for k in t["kolommen"]]]
    for r in t["regels"]:
        post, bs = (r["subtotaal"], r["bedrag"]) if isinstance(r, dict) else r
        out.append([post] + [amount(b, style) for b in bs])
    out.append(["Totaal"] + [amount(b, style) for b in t["totaal"]])
    titel = f"Tabel {nummer}. {t['titel']}" if style["koppen"] == "genummerd" else t["titel"]
    return ("table", titel, out)


def _years_as_rows(t: dict) -> bool:
    return all(isinstance(r, tuple) and r[0].isdigit() for r in t["regels"])


def _points(punten: list[str], style: dict) -> list[tuple]:
    if style["nummers"] == "letters":
        return [("punt", f"{LETTERS[i]}.", p) for i, p in enumerate(punten)]
    if style["nummers"] == "haakje":  # negende: "1)"
        return [("punt", f"{i})", p) for i, p in enumerate(punten, 1)]
    if style["nummers"] == "romeins":
        return [("punt", f"{ROMEINS[i]}.", p) for i, p in enumerate(punten)]
    return [("punt", f"{i}:", p) for i, p in enumerate(punten, 1)]


def blocks(doc: dict, style: dict) -> list[tuple]:
    soort, kop = doc["soort"], doc["kop"]
    out: list[tuple] = []
    if style["stempel"]:
        out.append(("rechts", style["classificatie"][kop["classificatie"]]))
        if soort == "collegenota":
            b = doc["besluiten"][0]
            out.append(("stempel", [style["stempel"].format(datum=kort(b["datum"])), "Conform advies"]))
    out.append(("titel", style["soortnaam"][soort]))
    if style["kopblok"] == "strook":
        out.append(("strook", header_pairs(doc, style)))
    elif style["kopblok"] == "vier":
        out += [("onderwerp", kop["onderwerp"]), ("vier", header_pairs(doc, style))]
    else:
        out.append(("regels", header_pairs(doc, style)))
    samen = "samenvatting" if "samenvatting" in doc else "publiekssamenvatting"
    out += [("h", style["samenvatting"], None)] + [("p", p, None) for p in doc[samen]]
    out += [("h", style["beslis_kop"], None)] if style.get("beslis_kop") else []
    out += [("h" if style["koppen"] == "genummerd" else "p", style["intro"][soort], None)]
    out += _points(doc["beslispunten"], style)
    if style["inhoud"]:
        out.append(("h", style["inhoud"], None))
    out += _sections(doc, style)
    return out + closing(doc, style)


def _sections(doc: dict, style: dict) -> list[tuple]:
    out: list[tuple] = []
    volgorde = (style["volgorde"] or {}).get(doc["soort"]) or list(doc["secties"])
    voetnoot_sectie, voetnoot = doc["voetnoot"]
    tabel = 0
    for n, sleutel in enumerate(volgorde, 1):
        nummer = f"{n}." if style["koppen"] == "genummerd" else None
        out.append(("h", style["titels"][sleutel], nummer))
        first, sub = True, 0
        for item in doc["secties"][sleutel]:
            if is_kop(item):
                sub += 1
                out.append(("sub", f"{n}.{sub} {item[1]}" if nummer else item[1]))
                continue
            out.append(("p", item, voetnoot if sleutel == voetnoot_sectie and first else None))
            first = False
        for t in doc["tabellen"].get(sleutel, []):
            tabel += 1
            out.append(table_block(t, style, tabel))
    return out


def closing(doc: dict, style: dict) -> list[tuple]:
    kop = doc["kop"]
    if style["besluit"] == "zin":
        return _closing_achtste(doc)
    if style["besluit"] == "regel":
        return _closing_negende(doc)
    if doc["soort"] == "collegenota":
        if style["besluit"] != "tabel":
            return []
        b = doc["besluiten"][0]
        rows = [("Besluit college", ""), ("Datum collegevergadering", lang(b["datum"])), ("Besluit", "Conform advies")]
        return [("besluittabel", rows + [("Agendapunt", "B.4")])]
    o = kop["ondertekening"]
    raad = lang(doc["raadsvergadering"])
    zesde = style["nummers"] == "dubbelepunt"
    out: list[tuple] = [
        ("p", f"{o['plaats']}, {lang(kop['datum'])}", None),
        ("p", f"Burgemeester en wethouders van {kop['gemeente']},", None),
        ("handtekening", [("de secretaris,", o["secretaris"]), ("de burgemeester,", o["burgemeester"])]),
        ("break",),
        ("h", "Raadsbesluit" if zesde else "RAADSBESLUIT", None),
        (
            "p",
            f"De raad van de gemeente {kop['gemeente']};" if zesde else f"De raad van de gemeente {kop['gemeente']},",
            None,
        ),
        (
            "p",
            f"gelezen het voorstel van het college van burgemeester en wethouders van {lang(kop['datum'])};"
            if zesde
            else f"gelezen het voorstel van burgemeester en wethouders van {lang(kop['datum'])}, "
            f"nummer {kop['kenmerk']};",
            None,
        ),
        ("p", "besluit :" if zesde else "besluit:", None),
    ]
    out += _points(doc["beslispunten"], style)
    slot = (
        "Aldus vastgesteld in de openbare vergadering van de raad van"
        if zesde
        else "Aldus besloten in de openbare vergadering van"
    )
    out += [("p", f"{slot} {raad}.", None)]
    out.append(("handtekening", [("de griffier,", "W. Post"), ("de voorzitter,", o["burgemeester"])]))
    return out


def _closing_achtste(doc: dict) -> list[tuple]:
    """achtste: the college's decision as a sentence under "BESLUIT COLLEGE"; the raadsvoorstel signed by
    the college, then "BESLUIT" on its own page with the number, "gelet op" and lettered points."""
    kop = doc["kop"]
    if doc["soort"] == "collegenota":
        b = doc["besluiten"][0]
        zin = f"Het college van burgemeester en wethouders heeft op {lang(b['datum'])} besloten conform advies."
        return [("h", "BESLUIT COLLEGE", None), ("p", zin, None)]
    o = kop["ondertekening"]
    out: list[tuple] = [
        ("p", f"Het college van burgemeester en wethouders van {kop['gemeente']},", None),
        ("handtekening", [("de secretaris,", o["secretaris"]), ("de burgemeester,", o["burgemeester"])]),
        ("break",),
        ("h", "BESLUIT", None),
        ("p", f"Nr. {kop['kenmerk']}", None),
        ("p", f"De raad van de gemeente {kop['gemeente']};", None),
        ("p", f"gelet op het voorstel van het college van burgemeester en wethouders van {lang(kop['datum'])};", None),
        ("p", "gelet op artikel 189 van de Gemeentewet;", None),
        ("p", "besluit:", None),
    ]
    out += _points(doc["beslispunten"], {"nummers": "letters"})
    raad = lang(doc["raadsvergadering"])
    out += [
        ("p", f"Vastgesteld in de openbare vergadering van de raad van de gemeente {kop['gemeente']} van {raad}.", None)
    ]
    return out + [("handtekening", [("de griffier,", "A. Bos"), ("de voorzitter,", o["burgemeester"])])]


def _closing_negende(doc: dict) -> list[tuple]:
    """negende: the college's decision as a dated line "Besluit B&W d.d. …: conform advies"; the raadsvoorstel
    signed by burgemeester en wethouders, then the "Raadsbesluit" with "gezien het advies van de commissie"."""
    kop = doc["kop"]
    if doc["soort"] == "collegenota":
        b = doc["besluiten"][0]
        return [
            ("h", "Besluit burgemeester en wethouders", None),
            ("p", f"Besluit B&W d.d. {kort(b['datum'])}: conform advies", None),
        ]
    o = kop["ondertekening"]
    out: list[tuple] = [
        ("p", f"Burgemeester en wethouders van {kop['gemeente']},", None),
        ("handtekening", [("de secretaris,", o["secretaris"]), ("de burgemeester,", o["burgemeester"])]),
        ("break",),
        ("h", "Raadsbesluit", None),
        ("p", f"De raad van de gemeente {kop['gemeente']}", None),
        ("p", f"gelezen het voorstel van het college van burgemeester en wethouders van {lang(kop['datum'])};", None),
        ("p", "gezien het advies van de commissie Samenleving;", None),
        ("p", "gelet op artikel 189 van de Gemeentewet;", None),
        ("p", "besluit:", None),
    ]
    out += _points(doc["beslispunten"], {"nummers": "haakje"})
    out.append(("p", f"Aldus besloten in de openbare raadsvergadering van {lang(doc['raadsvergadering'])}.", None))
    return out + [("handtekening", [("de griffier,", "H. Mulder"), ("de voorzitter,", o["burgemeester"])])]
