"""The DiWoo 0.9.8 value lists nota uses: each URI once, with its Dutch label.

The URIs and labels are those of `xsd/diwoo-metadata-lijsten.xsd` (the
official schema); `tests/test_publish.py` checks every one against it.
"""

from __future__ import annotations

from dataclasses import dataclass

KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
TOOI_ID = "https://identifier.overheid.nl/tooi/id/"


@dataclass(frozen=True)
class Waarde:
    """One value of a list: its URI (the `resource` attribute) and its label (the text)."""

    uri: str
    label: str


# scw_woo_informatiecategorieen (version 4): the categories of article 3.3 Woo.
INFORMATIECATEGORIEEN = {
    w.label: w
    for w in (
        Waarde(KERN + "c_3baef532", "Woo-verzoeken en -besluiten"),
        Waarde(KERN + "c_99a836c7", "adviezen"),
        Waarde(KERN + "c_3a248e3a", "agenda’s en besluitenlijsten bestuurscolleges"),
        Waarde(KERN + "c_89ee6784", "bereikbaarheidsgegevens"),
        Waarde(KERN + "c_46a81018", "beschikkingen"),
        Waarde(KERN + "c_8c840238", "bij vertegenwoordigende organen ingekomen stukken"),
        Waarde(KERN + "c_8fc2335c", "convenanten"),
        Waarde(KERN + "c_816e508d", "inspanningsverplichting art 3.1 Woo"),
        Waarde(KERN + "c_c6cd1213", "jaarplannen en jaarverslagen"),
        Waarde(KERN + "c_a870c43d", "klachtoordelen"),
        Waarde(KERN + "c_fdaee95e", "onderzoeksrapporten"),
        Waarde(KERN + "c_759721e2", "ontwerpen van wet- en regelgeving met adviesaanvraag"),
        Waarde(KERN + "c_40a05794", "organisatie en werkwijze"),
        Waarde(KERN + "c_aab6bfc7", "overige besluiten van algemene strekking"),
        Waarde(KERN + "c_cf268088", "subsidieverplichtingen anders dan met beschikking"),
        Waarde(KERN + "c_c76862ab", "vergaderstukken Staten-Generaal"),
        Waarde(KERN + "c_db4862c3", "vergaderstukken decentrale overheden"),
        Waarde(KERN + "c_139c6280", "wetten en algemeen verbindende voorschriften"),
    )
}

# A kind.yaml without `woo_informatiecategorie`: published under the general duty.
STANDAARD_CATEGORIE = INFORMATIECATEGORIEEN["inspanningsverplichting art 3.1 Woo"]

# The besluitenlijst of a meeting, by orgaan.
BESLUITENLIJST_CATEGORIE = {
    "college": INFORMATIECATEGORIEEN["agenda’s en besluitenlijsten bestuurscolleges"],
    "raad": INFORMATIECATEGORIEEN["vergaderstukken decentrale overheden"],
}
BESLUITENLIJST_SOORT = Waarde(KERN + "c_d4a4792f", "besluitenlijst")  # ccw_plooi_documentsoorten

VASTSTELLING = Waarde(KERN + "c_641ecd76", "vaststelling")  # ccw_plooi_documenthandelingen
HEEFT_BIJLAGE = Waarde(KERN + "c_05f4a5f3", "heeft bijlage")  # scw_documentrelatie
NEDERLANDS = Waarde("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
PDF = Waarde("http://publications.europa.eu/resource/authority/file-type/PDF", "PDF")

# ccw_plooi_reden_intrekking_of_vervanging: a published document made again with other
# content (a decision recorded anew with `nota decide --vervang`) is a procedural correction.
CORRECTIE_PROCEDURELE_FOUT = Waarde(KERN + "c_c77c86e0", "correctie procedurele fout")

# TOOI code prefixes and the list each belongs to.
TOOI_SOORTEN = {"gm": "gemeente", "pv": "provincie", "ws": "waterschap"}


def informatiecategorie(waarde: str | None) -> Waarde | None:
    """The category a kind.yaml names by label (either apostrophe) or URI; None if unknown."""
    if waarde is None:
        return STANDAARD_CATEGORIE
    tekst = str(waarde).strip().replace("'", "’")
    by_uri = {w.uri: w for w in INFORMATIECATEGORIEEN.values()}
    return INFORMATIECATEGORIEEN.get(tekst) or by_uri.get(tekst)


def organisatie_uri(tooi: str) -> str | None:
    """'gm0935' -> the TOOI URI of gemeente Maastricht; a full TOOI URI is kept."""
    tooi = tooi.strip()
    if tooi.startswith(TOOI_ID):
        return tooi
    soort = TOOI_SOORTEN.get(tooi[:2].lower())
    return f"{TOOI_ID}{soort}/{tooi.lower()}" if soort and tooi[2:].isdigit() else None
