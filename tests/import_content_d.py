"""A fourth content for the held-out house style negende (tests/data/import/negende/): paid parking
and parking standards around a town centre (collegeadvies) and a new school building, an integraal
kindcentrum, as raadsvoorstel with raadsbesluit. Its tables take shapes contents a, b and c do not
have: lasten and baten in one table with the revenue as negative rows and EVERY TOTAL NEGATIVE (a
net benefit), a one-column investment ("Raming") with a subtotal, a cash schedule with years as rows
(as content b's) whose last column "Saldo" is the difference of the other two, and capital charges
with a withdrawal from a reserve and amounts not in whole thousands.

The facts are invented (gemeente Lindewaard does not exist). Amounts are in euros. The shapes of
tests/import_content_b.py hold: ("kop", tekst) is a subheading inside a section; a table row is
(post, [bedragen]); {"subtotaal": label, "bedrag": [...]} is a subtotal row (not in the truth).
"""

from __future__ import annotations

from import_content_b import is_kop, rows, truth

__all__ = ["DOCUMENTS", "is_kop", "rows", "truth"]

COLLEGEADVIES = {
    "soort": "collegenota",
    "kop": {
        "gemeente": "Lindewaard",
        "onderwerp": "Betaald parkeren in de schil rond het centrum",
        "kenmerk": "2025/004617",
        "datum": "2025-01-14",
        "portefeuillehouder": "R. Veenstra",
        "afdeling": "Ruimtelijke Ontwikkeling",
        "steller": {"naam": "D. Koster", "telefoon": "0546 83 27 19", "email": "d.koster@lindewaard.nl"},
        "classificatie": "openbaar",
    },
    "samenvatting": [
        (
            "Sinds het centrum betaald parkeren kent, parkeren bezoekers in de straten eromheen. Bewoners "
            "vinden daar 's avonds geen plek meer. Met betaald parkeren en vergunningen in de schil krijgen "
            "zij hun straat terug."
        )
    ],
    "beslispunten": [
        "De Nota parkeernormen Lindewaard 2025 vast te stellen.",
        "Per 1 juli 2025 betaald parkeren in te voeren in de schil rond het centrum, tegen € 1,80 per uur.",
        "Bewoners in de schil een eerste parkeervergunning te geven voor € 60 per jaar.",
        "De raad voor te stellen de Parkeerverordening Lindewaard 2025 vast te stellen.",
        "De bewoners en ondernemers in de schil per brief over het besluit te informeren.",
    ],
    "secties": {
        "aanleiding": [
            "Uit de parkeertelling van september 2024 blijkt dat de straten in de schil overdag voor 96% bezet zijn.",
            "Bewoners dienden in 2024 zestig klachten in over parkeerders van buiten de wijk.",
        ],
        "context": [
            "De Mobiliteitsagenda Lindewaard 2030 kiest voor een autoluw centrum met parkeren aan de rand.",
            "De Nota parkeernormen 2016 telt niet met deelauto's en laadpalen en is aan herziening toe.",
        ],
        "gewenste_situatie": [
            ("kop", "Ruimte voor bewoners"),
            "In 2026 is de bezetting in de schil 's avonds lager dan 85%, zodat bewoners een plek vinden.",
            ("kop", "Bezoekers naar de rand"),
            "Bezoekers van het centrum parkeren op de terreinen Stationsweg en Marktveld, op loopafstand.",
        ],
        "personeel_organisatie": [
            "De boa's controleren de schil vanaf juli 2025; daarvoor komt 1,0 formatieplaats handhaving bij.",
        ],
        "financien": [
            "De lasten worden gedekt uit de parkeeropbrengsten; vanaf 2026 blijft een voordeel over.",
            "Het voordeel komt ten goede aan de reserve mobiliteit, zoals de Mobiliteitsagenda bepaalt.",
        ],
        "uitvoering_evaluatie_vervolg": [
            "In april en mei 2025 plaatsen wij automaten en borden; vanaf 1 juni is een vergunning aan te vragen.",
            "Een jaar na de invoering tellen wij opnieuw en rapporteren wij de raad over de uitkomst.",
        ],
    },
    "tabellen": {
        "financien": [
            {
                "titel": "Lasten en baten betaald parkeren schil",
                "kolommen": [2025, 2026, 2027, 2028],
                "regels": [
                    ("Parkeerautomaten en app", [38000, 76000, 76000, 76000]),
                    ("Handhaving", [45000, 90000, 90000, 90000]),
                    ("Parkeeropbrengsten", [-110000, -240000, -250000, -255000]),
                    ("Bewonersvergunningen", [-9000, -18000, -18000, -18000]),
                ],
                "totaal": [-36000, -92000, -102000, -107000],
            },
            {
                "titel": "Eenmalige invoeringskosten",
                "kolommen": ["Bedrag"],
                "regels": [
                    ("Bebording en markering", [24000]),
                    ("Plaatsen parkeerautomaten", [31500]),
                    ("Brieven en voorlichting", [8500]),
                ],
                "totaal": [64000],
            },
        ]
    },
    "voetnoot": ("context", "Mobiliteitsagenda Lindewaard 2030, vastgesteld door de raad op 7 maart 2023."),
    "raadsvergadering": None,
    "besluiten": [{"orgaan": "college", "datum": "2025-01-21", "uitkomst": "conform"}],
}

RAADSVOORSTEL = {
    "soort": "raadsvoorstel",
    "kop": {
        "gemeente": "Lindewaard",
        "onderwerp": "Krediet nieuwbouw integraal kindcentrum De Esch",
        "kenmerk": "2025/001982",
        "datum": "2025-02-04",
        "portefeuillehouder": "A. Smit",
        "team": "Onderwijs en Jeugd",
        "adviseur": {"naam": "F. Bakker", "email": "f.bakker@lindewaard.nl"},
        "classificatie": "openbaar",
        "begrotingswijziging": True,
        "ondertekening": {"plaats": "Lindewaard", "burgemeester": "J. Vos", "secretaris": "E. de Graaf"},
    },
    "publiekssamenvatting": [
        (
            "De basisscholen De Esch en De Wilg zitten in gebouwen uit 1962 die te klein, te warm en niet "
            "meer te verbeteren zijn. Samen met de kinderopvang komen zij in één nieuw kindcentrum aan de "
            "Eschweg, dat in 2027 opengaat."
        )
    ],
    "beslispunten": [
        "Een krediet van € 9.850.000 beschikbaar te stellen voor de nieuwbouw van integraal kindcentrum De Esch.",
        "Het voorbereidingskrediet van € 350.000 van 6 juni 2023 in dit krediet op te laten gaan.",
        "De kapitaallasten vanaf 2027 te dekken uit de reserve onderwijshuisvesting en de post onderwijshuisvesting.",
        "De 2e begrotingswijziging 2025 vast te stellen.",
    ],
    "secties": {
        "aanleiding_en_context": [
            "De gebouwen van De Esch en De Wilg scoren in de schouw van 2023 een 2 op een schaal van 5.",
            "Renovatie kost volgens de haalbaarheidsstudie 80% van nieuwbouw en levert een kleiner gebouw op.",
        ],
        "doelen_en_resultaten": [
            "In augustus 2027 krijgen 420 kinderen van 0 tot 12 jaar onderwijs en opvang in één gebouw.",
        ],
        "kaders_en_omstandigheden": [
            "Het Integraal Huisvestingsplan Onderwijs noemt De Esch als eerste school voor vervangende nieuwbouw.",
            "De Verordening voorzieningen huisvesting onderwijs bepaalt welk deel de gemeente betaalt.",
        ],
        "argumenten_en_alternatieven": [
            ("kop", "Eén gebouw is goedkoper dan twee"),
            "Samen bouwen scheelt 600 m² aan gangen, teamruimten en installaties ten opzichte van twee scholen.",
            ("kop", "Renoveren levert te weinig op"),
            "Na renovatie blijven de lokalen te klein en haalt het gebouw de eisen van Frisse Scholen niet.",
        ],
        "duurzaamheid": [
            "Het kindcentrum wordt aardgasvrij en energieneutraal; op het dak komen 380 zonnepanelen.",
        ],
        "financiele_consequenties": [
            "Het gebouw wordt in veertig jaar afgeschreven, de inrichting in tien jaar.",
            "Het Rijk draagt € 410.000 bij uit de Specifieke uitkering sport en onderwijshuisvesting.",
        ],
        "risicos": [
            "De bouwprijzen stijgen sneller dan geraamd; de post onvoorzien vangt 4% stijging op.",
            "Als de aanbesteding later gunt, opent het kindcentrum pas na de zomer van 2027.",
        ],
        "uitvoering_en_planning": [
            "Het definitief ontwerp is klaar in mei 2025; de bouw begint in januari 2026.",
            "De oude gebouwen worden na de verhuizing in de zomer van 2027 gesloopt.",
        ],
    },
    "tabellen": {
        "financiele_consequenties": [
            {
                "titel": "Raming investering",
                "kolommen": ["Raming"],
                "regels": [
                    ("Nieuwbouw 2.950 m² bvo", [7450000]),
                    ("Energieneutraal en Frisse Scholen klasse B", [640000]),
                    ("Sloop oude gebouwen", [310000]),
                    {"subtotaal": "Subtotaal bouw", "bedrag": [8400000]},
                    ("Inrichting en speelplein", [720000]),
                    ("Advies, leges en onvoorzien", [730000]),
                ],
                "totaal": [9850000],
            },
            {
                "titel": "Kasritme",
                "kolommen": ["Uitgaven", "Rijksbijdrage", "Saldo"],
                "regels": [
                    ("2025", [1350000, 0, 1350000]),
                    ("2026", [6200000, 0, 6200000]),
                    ("2027", [2300000, 410000, 1890000]),
                ],
                "totaal": [9850000, 410000, 9440000],
            },
            {
                "titel": "Kapitaallasten",
                "kolommen": [2027, 2028, 2029, 2030],
                "regels": [
                    ("Afschrijving gebouw", [210000, 210000, 210000, 210000]),
                    ("Afschrijving inrichting", [72000, 72000, 72000, 72000]),
                    ("Rentelasten", [246250, 240000, 233750, 227500]),
                    ("Onttrekking reserve onderwijshuisvesting", [-300000, -300000, -300000, -300000]),
                ],
                "totaal": [228250, 222000, 215750, 209500],
            },
        ]
    },
    "voetnoot": (
        "kaders_en_omstandigheden",
        "Integraal Huisvestingsplan Onderwijs Lindewaard 2022-2037, vastgesteld op 5 juli 2022.",
    ),
    "raadsvergadering": "2025-03-10",
    "besluiten": [{"orgaan": "raad", "datum": "2025-03-10", "uitkomst": "aangenomen"}],
}

DOCUMENTS = {"collegeadvies": COLLEGEADVIES, "raadsvoorstel": RAADSVOORSTEL}
