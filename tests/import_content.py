"""The content of the house-style corpus (tests/data/import/<style>/): two proposals, and the
ground truth every style is scored against.

The facts are invented (gemeente Zuidwoude does not exist); the layouts that carry them are
described per style in tests/data/import/<style>/README.md. Amounts are stated here in euros;
a style may print them in thousands ("bedragen x € 1.000") and the importer has to scale back.
"""

from __future__ import annotations

COLLEGEVOORSTEL = {
    "soort": "collegenota",
    "kop": {
        "gemeente": "Zuidwoude",
        "onderwerp": "Vervanging openbare verlichting Centrum 2025",
        "kenmerk": "Z/24/118342",
        "datum": "2024-11-12",
        "portefeuillehouder": "J. de Vries",
        "afdeling": "Openbare Ruimte",
        "steller": {"naam": "P. Bakker", "telefoon": "0495 575 123", "email": "p.bakker@zuidwoude.nl"},
        "classificatie": "openbaar",
    },
    "samenvatting": [
        (
            "De lichtmasten in het centrum zijn meer dan veertig jaar oud en voldoen niet meer aan de "
            "eisen. Wij stellen voor ze in 2025 en 2026 te vervangen door ledverlichting met slimme "
            "sturing."
        )
    ],
    "beslispunten": [
        "In te stemmen met de vervanging van de openbare verlichting in het centrum in 2025 en 2026.",
        (
            "Een krediet van € 900.000 beschikbaar te stellen ten laste van de reserve openbare "
            "verlichting en het onderhoudsbudget."
        ),
        "De raad te informeren met bijgaande raadsinformatiebrief.",
    ],
    "secties": {
        "aanleiding": [
            (
                "Bij de inspectie van 2023 bleek dat 312 van de 540 lichtmasten in het centrum het einde "
                "van hun levensduur hebben bereikt."
            ),
            "Storingen nemen toe en onderdelen zijn niet meer leverbaar.",
        ],
        "context": [
            (
                "Het beleidsplan openbare verlichting 2022-2030 vraagt om verlichting die zuinig is en "
                "het donker waar mogelijk respecteert."
            )
        ],
        "duurzaamheid_gezondheid": [
            ("Ledverlichting verbruikt ruim zestig procent minder stroom dan de huidige lampen."),
            ("Door te dimmen na middernacht neemt de lichthinder voor bewoners en dieren af."),
        ],
        "financien": ["De kosten zijn geraamd op basis van de aanbesteding van vergelijkbare projecten."],
        "aanbestedingen": [
            ("De levering en plaatsing worden meervoudig onderhands aanbesteed binnen het raamcontract met de regio.")
        ],
        "participatie": [
            ("Ondernemers en bewoners van het centrum zijn in september geïnformeerd tijdens een inloopavond.")
        ],
        "uitvoering_evaluatie_vervolg": [
            "De vervanging start in maart 2025 en is eind 2026 gereed.",
            ("Na een jaar meten wij het stroomverbruik en rapporteren wij aan het college."),
        ],
    },
    "risicos": [],
    "tabellen": {
        "financien": [
            {
                "titel": "Kosten",
                "kolommen": [2025, 2026],
                "regels": [("Vervanging armaturen", [420000, 380000]), ("Slimme sturing", [60000, 40000])],
                "totaal": [480000, 420000],
            },
            {
                "titel": "Dekking",
                "kolommen": [2025, 2026],
                "regels": [("Reserve openbare verlichting", [300000, 300000]), ("Budget onderhoud", [180000, 120000])],
                "totaal": [480000, 420000],
            },
        ]
    },
    "voetnoot": ("duurzaamheid_gezondheid", "Gemeten door de netbeheerder over de jaren 2021 tot en met 2023."),
    "besluiten": [{"orgaan": "college", "datum": "2024-11-26", "uitkomst": "conform"}],
}

RAADSVOORSTEL = {
    "soort": "raadsvoorstel",
    "kop": {
        "gemeente": "Zuidwoude",
        "onderwerp": "Krediet nieuwbouw kindcentrum De Linde",
        "kenmerk": "Z/24/120877",
        "datum": "2024-10-15",
        "portefeuillehouder": "M. Jansen",
        "team": "Maatschappelijk Vastgoed",
        "adviseur": {"naam": "S. Yilmaz", "email": "s.yilmaz@zuidwoude.nl"},
        "classificatie": "openbaar",
        "begrotingswijziging": True,
        "ondertekening": {"plaats": "Zuidwoude", "burgemeester": "H. van Dam", "secretaris": "L. Peters"},
    },
    "publiekssamenvatting": [
        (
            "Basisschool De Linde en de kinderopvang krijgen samen een nieuw gebouw. De raad "
            "beslist over het krediet voor de bouw."
        )
    ],
    "beslispunten": [
        ("Een krediet van € 7.600.000 beschikbaar te stellen voor de nieuwbouw van kindcentrum De Linde."),
        "De kapitaallasten vanaf 2027 te dekken uit de reserve onderwijshuisvesting.",
        "De begrotingswijziging 2025 vast te stellen.",
    ],
    "secties": {
        "aanleiding_en_context": [
            "Het gebouw van De Linde is uit 1968 en is te klein en slecht geïsoleerd.",
            "In het integraal huisvestingsplan staat De Linde als eerste school op de lijst.",
        ],
        "doelen_en_resultaten": ["In 2027 staat er een gezond en energieneutraal kindcentrum voor 260 kinderen."],
        "argumenten_en_alternatieven": [
            ("Renovatie is onderzocht maar kost bijna evenveel en levert een gebouw op dat minder lang meegaat.")
        ],
        "duurzaamheid": ["Het gebouw wordt aardgasvrij en krijgt zonnepanelen en een groen dak."],
        "financiele_consequenties": ["Het krediet wordt in 40 jaar afgeschreven."],
        "risicos": ["De bouwprijzen kunnen verder stijgen; daarvoor is een post onvoorzien opgenomen."],
        "uitvoering_en_planning": [
            ("De bouw start in het voorjaar van 2025 en de oplevering is gepland in de zomer van 2027.")
        ],
        "communicatie": [
            ("Ouders en omwonenden krijgen een nieuwsbrief en worden uitgenodigd voor een informatieavond.")
        ],
    },
    "tabellen": {
        "financiele_consequenties": [
            {
                "titel": "Kredietaanvraag",
                "kolommen": ["Bedrag"],
                "regels": [("Bouwkosten", [6850000]), ("Inrichting", [420000]), ("Onvoorzien", [330000])],
                "totaal": [7600000],
            }
        ]
    },
    "voetnoot": (
        "aanleiding_en_context",
        "Integraal huisvestingsplan onderwijs 2020-2035, vastgesteld op 9 juli 2020.",
    ),
    "raadsvergadering": "2024-12-12",
    "besluiten": [{"orgaan": "raad", "datum": "2024-12-12", "uitkomst": "aangenomen"}],
}

DOCUMENTS = {"collegevoorstel": COLLEGEVOORSTEL, "raadsvoorstel": RAADSVOORSTEL}


def truth(doc: dict) -> dict:
    """What a right import gives: header fields, section keys, beslispunten, amounts, totals,
    decisions, and every text item (for counting what was dropped)."""
    bedragen, totalen = [], []
    for tabellen in doc["tabellen"].values():
        for t in tabellen:
            bedragen += [b for _, bs in t["regels"] for b in bs]
            totalen += list(t["totaal"])
    items = list(doc.get("samenvatting", [])) + list(doc.get("publiekssamenvatting", []))
    items += [p for ps in doc["secties"].values() for p in ps] + [doc["voetnoot"][1]]
    items += [post for tabellen in doc["tabellen"].values() for t in tabellen for post, _ in t["regels"]]
    return {
        "soort": doc["soort"],
        "kop": doc["kop"],
        "secties": sorted(doc["secties"]),
        "beslispunten": doc["beslispunten"],
        "bedragen": bedragen,
        "totalen": totalen,
        "besluiten": [{"orgaan": b["orgaan"], "datum": b["datum"]} for b in doc["besluiten"]],
        "teksten": items,
        "sectie_teksten": doc["secties"],
    }
