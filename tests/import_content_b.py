"""A second content for the held-out house styles (tests/data/import/zesde/, zevende/): a
youth-care contract (collegevoorstel) and a sports hall renovation (raadsvoorstel), with their
own beslispunten, sections, subheadings and tables of other shapes than tests/import_content.py:
three and five years, a coverage table with the years as rows, a subtotal, negative amounts.

The facts are invented (gemeente Oosterlo does not exist). Amounts are in euros; a style may
print them in thousands and the importer has to scale back. A section is a list of paragraphs;
("kop", tekst) is a subheading inside it (an argument's headline), not a section of its own.
A table row is (post, [bedragen]); {"subtotaal": label, "bedrag": [...]} is a subtotal row,
which nota computes (its amounts are not in the truth, as in the foreign corpus).
"""

from __future__ import annotations

COLLEGEVOORSTEL = {
    "soort": "collegenota",
    "kop": {
        "gemeente": "Oosterlo",
        "onderwerp": "Verlenging contracten jeugdhulp 2025-2027",
        "kenmerk": "2024-018733",
        "datum": "2024-11-19",
        "portefeuillehouder": "A. Brouwer",
        "afdeling": "Samenleving",
        "steller": {"naam": "M. de Boer", "telefoon": "0481 36 27 90", "email": "m.deboer@oosterlo.nl"},
        "classificatie": "openbaar",
    },
    "samenvatting": [
        (
            "De contracten met de aanbieders van jeugdhulp lopen eind 2024 af. Wij verlengen ze met "
            "drie jaar en kopen samen met de regiogemeenten in, zodat kinderen hun hulpverlener houden."
        )
    ],
    "beslispunten": [
        (
            "De contracten jeugdhulp met de regionale aanbieders te verlengen "
            "van 1 januari 2025 tot en met 31 december 2027."
        ),
        "In te stemmen met de gezamenlijke inkoop via de Jeugdregio Lingestreek.",
        "De meerkosten te dekken uit de Rijksbijdrage Hervormingsagenda en de reserve sociaal domein.",
        "De wethouder jeugd te machtigen de verlengingsovereenkomst namens het college te ondertekenen.",
    ],
    "secties": {
        "aanleiding": [
            "De huidige contracten met veertien aanbieders van jeugdhulp eindigen op 31 december 2024.",
            "Een nieuwe aanbesteding vóór die datum is niet haalbaar zonder wachtlijsten.",
        ],
        "context": [
            "De Hervormingsagenda Jeugd vraagt gemeenten om regionaal in te kopen en minder aanbieders te contracteren."
        ],
        "gewenste_situatie": [
            "Elk kind dat hulp krijgt, houdt tot het einde van de behandeling dezelfde hulpverlener.",
            "De wachttijd voor specialistische hulp blijft onder de acht weken.",
        ],
        "personeel_organisatie": [
            "Het toegangsteam krijgt er anderhalve formatieplaats bij voor regie op de contracten."
        ],
        "financien": ["De kosten stijgen door de loon- en prijsindexatie die in de contracten is afgesproken."],
        "aanbestedingen": [
            (
                "De verlenging valt binnen de optie die de contracten "
                "van 2021 al bevatten; een nieuwe aanbesteding is niet nodig."
            )
        ],
        "uitvoering_evaluatie_vervolg": [
            "De aanbieders tekenen de verlenging in december 2024.",
            "In 2026 evalueren wij de resultaten met de regiogemeenten en bereiden wij de nieuwe inkoop voor.",
        ],
    },
    "tabellen": {
        "financien": [
            {
                "titel": "Kosten jeugdhulp",
                "kolommen": [2025, 2026, 2027],
                "regels": [
                    ("Contractwaarde regionale aanbieders", [2150000, 2210000, 2270000]),
                    ("Toegangsteam en contractregie", [340000, 345000, 350000]),
                    ("Besparing gezamenlijke inkoop", [-60000, -75000, -90000]),
                ],
                "totaal": [2430000, 2480000, 2530000],
            },
            {
                "titel": "Dekking per jaar",
                "kolommen": ["Budget jeugdhulp", "Rijksbijdrage", "Reserve sociaal domein"],
                "regels": [
                    ("2025", [2100000, 250000, 80000]),
                    ("2026", [2100000, 290000, 90000]),
                    ("2027", [2100000, 330000, 100000]),
                ],
                "totaal": [6300000, 870000, 270000],
            },
        ]
    },
    "voetnoot": (
        "context",
        "Hervormingsagenda Jeugd 2023-2028, vastgesteld door Rijk, VNG en aanbieders in juni 2023.",
    ),
    "raadsvergadering": None,
    "besluiten": [{"orgaan": "college", "datum": "2024-12-03", "uitkomst": "conform"}],
}

RAADSVOORSTEL = {
    "soort": "raadsvoorstel",
    "kop": {
        "gemeente": "Oosterlo",
        "onderwerp": "Renovatie sporthal De Bongerd en uitbreiding met een beweegzaal",
        "kenmerk": "2024-017902",
        "datum": "2024-11-05",
        "portefeuillehouder": "R. Kuipers",
        "team": "Sport en Accommodaties",
        "adviseur": {"naam": "T. van Leeuwen", "email": "t.vanleeuwen@oosterlo.nl"},
        "classificatie": "openbaar",
        "begrotingswijziging": True,
        "ondertekening": {"plaats": "Oosterlo", "burgemeester": "E. Verhoeven", "secretaris": "J. Smits"},
    },
    "publiekssamenvatting": [
        (
            "Sporthal De Bongerd is uit 1979 en moet worden opgeknapt. Het college stelt voor de hal te "
            "renoveren, aardgasvrij te maken en er een beweegzaal voor ouderen en kinderen aan te bouwen."
        )
    ],
    "beslispunten": [
        (
            "Een krediet van € 4.900.000 beschikbaar te stellen voor de "
            "renovatie van sporthal De Bongerd en de bouw van een beweegzaal."
        ),
        "De structurele lasten vanaf 2026 te verwerken in de programmabegroting.",
        "De bijbehorende begrotingswijziging vast te stellen.",
    ],
    "secties": {
        "aanleiding_en_context": [
            (
                "Sporthal De Bongerd is in 1979 gebouwd en wordt "
                "elke week door twaalf verenigingen en drie scholen gebruikt."
            ),
            "Het dak lekt, de kleedkamers voldoen niet meer en de installaties zijn versleten.",
        ],
        "doelen_en_resultaten": [
            "In het najaar van 2026 staat er een gerenoveerde, aardgasvrije sporthal met een beweegzaal van 300 m².",
        ],
        "kaders_en_omstandigheden": [
            (
                "De sportnota Oosterlo beweegt 2023-2030 noemt De "
                "Bongerd als eerste accommodatie die moet worden vernieuwd."
            )
        ],
        "argumenten_en_alternatieven": [
            ("kop", "Renovatie is goedkoper dan nieuwbouw"),
            "Nieuwbouw op dezelfde plek kost volgens de raming € 7,2 miljoen en de hal zou twee seizoenen dicht zijn.",
            ("kop", "De beweegzaal vult een tekort in de wijk"),
            "Voor valpreventie en beweegonderwijs aan jonge kinderen is in de wijk geen geschikte ruimte.",
        ],
        "duurzaamheid": [
            "De hal krijgt een warmtepomp, zonnepanelen op het hele dak en ledverlichting in de zaal.",
        ],
        "financiele_consequenties": [
            "Het krediet wordt in veertig jaar afgeschreven; de installaties in twintig jaar.",
        ],
        "risicos": [
            "Bij het openen van het dak kan asbest worden gevonden; daarvoor is een post onvoorzien opgenomen.",
        ],
        "uitvoering_en_planning": [
            "De verbouwing start na het zaalseizoen in mei 2025 en duurt zestien maanden.",
            "Tijdens de verbouwing sporten de verenigingen in sporthal Het Veld.",
        ],
    },
    "tabellen": {
        "financiele_consequenties": [
            {
                "titel": "Investering",
                "kolommen": ["Bedrag"],
                "regels": [
                    ("Bouwkundige renovatie", [2650000]),
                    ("Installaties en verduurzaming", [1180000]),
                    {"subtotaal": "Subtotaal renovatie", "bedrag": [3830000]},
                    ("Uitbreiding beweegzaal", [940000]),
                    ("Inrichting en sporttoestellen", [215000]),
                    ("Onvoorzien", [265000]),
                    ("Bijdrage BOSA-regeling", [-350000]),
                ],
                "totaal": [4900000],
            },
            {
                "titel": "Structurele lasten",
                "kolommen": [2026, 2027, 2028, 2029, 2030],
                "regels": [
                    ("Afschrijving en rente", [98000, 196000, 193000, 190000, 187000]),
                    ("Lagere energielasten", [-18000, -36000, -36000, -36000, -36000]),
                    ("Huuropbrengst beweegzaal", [-12000, -24000, -24000, -24000, -24000]),
                ],
                "totaal": [68000, 136000, 133000, 130000, 127000],
            },
        ]
    },
    "voetnoot": ("kaders_en_omstandigheden", "Sportnota Oosterlo beweegt 2023-2030, vastgesteld op 6 juli 2023."),
    "raadsvergadering": "2024-12-19",
    "besluiten": [{"orgaan": "raad", "datum": "2024-12-19", "uitkomst": "aangenomen"}],
}

DOCUMENTS = {"collegevoorstel": COLLEGEVOORSTEL, "raadsvoorstel": RAADSVOORSTEL}


def is_kop(item) -> bool:
    """A subheading inside a section: ("kop", tekst)."""
    return isinstance(item, tuple) and item[0] == "kop"


def rows(t: dict) -> list[tuple[str, list[int]]]:
    """The table's stated rows, subtotals left out (nota computes them)."""
    return [r for r in t["regels"] if isinstance(r, tuple)]


def truth(doc: dict) -> dict:
    """What a right import gives (the shape of import_content.truth): header fields, section keys,
    beslispunten, amounts, totals, decisions, every text item, and each section's paragraphs."""
    bedragen, totalen = [], []
    for tabellen in doc["tabellen"].values():
        for t in tabellen:
            bedragen += [b for _, bs in rows(t) for b in bs]
            totalen += list(t["totaal"])
    paragraphs = {s: [p for p in ps if not is_kop(p)] for s, ps in doc["secties"].items()}
    items = list(doc.get("samenvatting", [])) + list(doc.get("publiekssamenvatting", []))
    items += [p[1] if is_kop(p) else p for ps in doc["secties"].values() for p in ps] + [doc["voetnoot"][1]]
    items += [post for tabellen in doc["tabellen"].values() for t in tabellen for post, _ in rows(t)]
    return {
        "soort": doc["soort"],
        "kop": doc["kop"],
        "secties": sorted(doc["secties"]),
        "beslispunten": doc["beslispunten"],
        "bedragen": bedragen,
        "totalen": totalen,
        "besluiten": [{"orgaan": b["orgaan"], "datum": b["datum"]} for b in doc["besluiten"]],
        "teksten": items,
        "sectie_teksten": paragraphs,
    }
