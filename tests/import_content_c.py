"""A third content for the held-out house style achtste (tests/data/import/achtste/): a subsidy
scheme for green roofs and rain gardens (collegeadvies) and a cycle bridge (raadsvoorstel), with
their own beslispunten, sections and tables in shapes the first two contents do not have: a
table whose columns are "Incidenteel" and "Structureel" instead of years, an investment split
into three amount columns (raming, bijdrage derden, gemeente) with a subtotal, a two-year budget
and a four-year table of capital charges with a negative row and amounts not in whole thousands.

The facts are invented (gemeente Westerbroek does not exist). Amounts are in euros. The shapes of
tests/import_content_b.py hold: ("kop", tekst) is a subheading inside a section; a table row is
(post, [bedragen]); {"subtotaal": label, "bedrag": [...]} is a subtotal row (not in the truth).
Not every section a kind knows is present: the collegeadvies has no inkoop section, as real ones
often have none.
"""

from __future__ import annotations

from import_content_b import is_kop, rows, truth

__all__ = ["DOCUMENTS", "is_kop", "rows", "truth"]

COLLEGEADVIES = {
    "soort": "collegenota",
    "kop": {
        "gemeente": "Westerbroek",
        "onderwerp": "Subsidieregeling groene daken en regentuinen 2025-2026",
        "kenmerk": "Z/24/118402",
        "datum": "2024-11-26",
        "portefeuillehouder": "L. Hendriks",
        "afdeling": "Leefomgeving",
        "steller": {"naam": "S. Yilmaz", "telefoon": "0573 28 91 40", "email": "s.yilmaz@westerbroek.nl"},
        "classificatie": "openbaar",
    },
    "samenvatting": [
        (
            "Bij zware buien loopt het riool in de Molenwijk en het centrum over. Met een subsidie voor "
            "groene daken, regentonnen en regentuinen houden inwoners en bedrijven meer water vast op hun "
            "eigen perceel."
        )
    ],
    "beslispunten": [
        "De Subsidieregeling groene daken en regentuinen Westerbroek 2025-2026 vast te stellen.",
        "Het subsidieplafond voor 2025 te bepalen op € 180.000 en voor 2026 op € 150.000.",
        "De regeling te bekostigen uit de voorziening riolering en de rijksbijdrage klimaatadaptatie.",
        "De regeling bekend te maken in het Gemeenteblad en op de website.",
        "De raad met een raadsinformatiebrief over de regeling te informeren.",
    ],
    "secties": {
        "aanleiding": [
            "In de zomers van 2023 en 2024 stonden na zware buien straten en kelders in de Molenwijk blank.",
            "Uit de stresstest van het waterschap blijkt dat vooral verharde binnentuinen en platte daken bijdragen.",
        ],
        "context": [
            "Het Deltaplan Ruimtelijke Adaptatie vraagt gemeenten om vóór 2050 klimaatbestendig te zijn.",
            "Het Gemeentelijk Rioleringsplan 2023-2027 noemt het afkoppelen van particuliere daken als maatregel.",
        ],
        "gewenste_situatie": [
            ("kop", "Meer water vasthouden"),
            "Eind 2026 houden particuliere percelen samen 4.000 m³ regenwater per bui vast.",
            ("kop", "Koelere wijken"),
            "Groene daken verlagen de temperatuur op het dak en in de straat op hete dagen.",
        ],
        "personeel_organisatie": [
            "Het team Subsidies behandelt de aanvragen; de regeling vraagt 0,4 formatieplaats extra.",
        ],
        "financien": [
            "De regeling kost in twee jaar € 405.000, waarvan € 330.000 aan subsidie.",
            "Het Rijk draagt via de Impulsregeling klimaatadaptatie een derde van de kosten.",
        ],
        "uitvoering_evaluatie_vervolg": [
            "De regeling treedt in werking op 1 februari 2025; aanvragen kunnen tot 1 november van elk jaar.",
            "Na het eerste jaar meten wij hoeveel water is afgekoppeld en stellen wij de bedragen zo nodig bij.",
        ],
    },
    "tabellen": {
        "financien": [
            {
                "titel": "Kosten van de regeling",
                "kolommen": ["Incidenteel", "Structureel"],
                "regels": [
                    ("Subsidie groene daken", [210000, 0]),
                    ("Subsidie regentonnen en regentuinen", [120000, 0]),
                    ("Uitvoering en controle", [0, 45000]),
                    ("Communicatie en voorlichting", [30000, 0]),
                ],
                "totaal": [360000, 45000],
            },
            {
                "titel": "Dekking",
                "kolommen": [2025, 2026],
                "regels": [
                    ("Voorziening riolering", [140000, 130000]),
                    ("Impulsregeling klimaatadaptatie", [75000, 60000]),
                ],
                "totaal": [215000, 190000],
            },
        ]
    },
    "voetnoot": (
        "context",
        "Deltaplan Ruimtelijke Adaptatie, bijlage bij het Deltaprogramma 2018.",
    ),
    "raadsvergadering": None,
    "besluiten": [{"orgaan": "college", "datum": "2024-12-10", "uitkomst": "conform"}],
}

RAADSVOORSTEL = {
    "soort": "raadsvoorstel",
    "kop": {
        "gemeente": "Westerbroek",
        "onderwerp": "Krediet fietsbrug over de Broekvaart bij de Molenwijk",
        "kenmerk": "Z/24/109377",
        "datum": "2024-10-29",
        "portefeuillehouder": "P. van Dijk",
        "team": "Mobiliteit en Openbare Ruimte",
        "adviseur": {"naam": "K. Mulder", "email": "k.mulder@westerbroek.nl"},
        "classificatie": "openbaar",
        "begrotingswijziging": True,
        "ondertekening": {"plaats": "Westerbroek", "burgemeester": "H. de Wit", "secretaris": "M. Peters"},
    },
    "publiekssamenvatting": [
        (
            "Fietsers uit de Molenwijk rijden nu 1,8 kilometer om naar het station. Een fietsbrug over de "
            "Broekvaart maakt de route korter en veiliger. De provincie betaalt bijna de helft."
        )
    ],
    "beslispunten": [
        "Een krediet van € 3.400.000 beschikbaar te stellen voor de bouw van een fietsbrug over de Broekvaart.",
        "De kapitaallasten vanaf 2026 te dekken uit de post mobiliteit in de programmabegroting.",
        "De 8e begrotingswijziging 2024 vast te stellen.",
    ],
    "secties": {
        "aanleiding_en_context": [
            (
                "De Molenwijk is tussen 2015 en 2023 met 1.100 woningen gegroeid; "
                "de wijk heeft één ontsluiting voor fietsers."
            ),
            "Scholieren steken nu de provinciale weg over bij een kruispunt zonder verkeerslichten.",
        ],
        "doelen_en_resultaten": [
            "In 2026 ligt er een fietsbrug van 48 meter die de wijk direct verbindt met het station en de scholen.",
        ],
        "kaders_en_omstandigheden": [
            "De Mobiliteitsvisie Westerbroek 2040 noemt de fietsverbinding over de Broekvaart als eerste project.",
            "De provincie draagt bij uit de regeling Fiets in de regio, mits de brug vóór eind 2026 open is.",
        ],
        "argumenten_en_alternatieven": [
            ("kop", "De route wordt korter en veiliger"),
            "Fietsers rijden 1,8 kilometer minder en hoeven de provinciale weg niet meer over te steken.",
            ("kop", "Een tunnel is geen reëel alternatief"),
            "Een fietstunnel kost volgens de raming ruim € 6 miljoen en ligt onder het grondwaterpeil.",
        ],
        "duurzaamheid": [
            "Het brugdek wordt van gerecycled kunststof; de verlichting is dimbaar en gaat aan bij beweging.",
        ],
        "financiele_consequenties": [
            "De brug wordt in veertig jaar afgeschreven; het krediet komt in de 8e begrotingswijziging.",
        ],
        "risicos": [
            (
                "Als de vergunning van het waterschap later komt, schuift de bouw op "
                "en kan de provinciale bijdrage vervallen."
            ),
        ],
        "uitvoering_en_planning": [
            "De aanbesteding start in februari 2025; de bouw begint in september 2025.",
            "De brug gaat in het voorjaar van 2026 open.",
        ],
    },
    "tabellen": {
        "financiele_consequenties": [
            {
                "titel": "Investering fietsbrug",
                "kolommen": ["Raming", "Bijdrage derden", "Gemeente"],
                "regels": [
                    ("Brugdek en landhoofden", [2100000, 1000000, 1100000]),
                    ("Aansluitende fietspaden", [520000, 250000, 270000]),
                    {"subtotaal": "Subtotaal bouw", "bedrag": [2620000, 1250000, 1370000]},
                    ("Engineering en toezicht", [410000, 0, 410000]),
                    ("Post onvoorziene kosten", [370000, 0, 370000]),
                ],
                "totaal": [3400000, 1250000, 2150000],
            },
            {
                "titel": "Kapitaallasten",
                "kolommen": [2026, 2027, 2028, 2029],
                "regels": [
                    ("Afschrijving", [26000, 53750, 53750, 53750]),
                    ("Rente", [21500, 42400, 41400, 40300]),
                    ("Vrijval beheerbudget oude oversteek", [-8000, -8000, -8000, -8000]),
                ],
                "totaal": [39500, 88150, 87150, 86050],
            },
        ]
    },
    "voetnoot": ("kaders_en_omstandigheden", "Mobiliteitsvisie Westerbroek 2040, vastgesteld op 2 februari 2023."),
    "raadsvergadering": "2024-12-17",
    "besluiten": [{"orgaan": "raad", "datum": "2024-12-17", "uitkomst": "aangenomen"}],
}

DOCUMENTS = {"collegeadvies": COLLEGEADVIES, "raadsvoorstel": RAADSVOORSTEL}
