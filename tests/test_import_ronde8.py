"""`nota import`, issue 26's eighth round: generic rules, each on a small input written here (not a
corpus file): the common collegeadvies titles ("Advies aan burgemeester en wethouders") are the
document's title, not a heading that swallows the header lines after it."""

from __future__ import annotations

from ruamel.yaml import YAML

BODY = (
    "\nSamenvatting\nKort.\n\nHet college besluit:\n1. De speeltuin te vernieuwen.\n\n"
    "Aanleiding\nDe speeltuin is oud.\n\n"
)


def _importeer(cli, tmp_path, tekst: str, naam: str = "voorstel.txt"):
    bron = tmp_path / naam
    bron.write_text(tekst, encoding="utf-8")
    target = tmp_path / "import.yaml"
    cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return YAML(typ="safe").load(yaml), yaml.splitlines()


def test_advies_aan_burgemeester_en_wethouders_is_de_titel(cli, tmp_path):
    """A collegeadvies titled "Advies aan burgemeester en wethouders" above its Label:<tab>value
    lines: the title, the lines fill the header. Before: the title was read as a heading before the
    beslispunten, the header lines became the samenvatting and the fields stayed empty."""
    from docx import Document

    doc = Document()
    doc.add_paragraph().add_run("Advies aan burgemeester en wethouders").bold = True
    for label, waarde in (("Onderwerp:", "Speeltuin Dorpsstraat"), ("Ons kenmerk:", "2025/004617")):
        p = doc.add_paragraph()
        p.add_run(label).bold = True
        p.add_run("\t" + waarde)
    for regel in BODY.strip().splitlines():
        doc.add_paragraph(regel)
    doc.save(tmp_path / "advies.docx")
    target = tmp_path / "import.yaml"
    cli("import", tmp_path / "advies.docx", "-o", target)
    yaml = target.read_text(encoding="utf-8")
    data, regels = YAML(typ="safe").load(yaml), yaml.splitlines()
    assert "kenmerk: 2025/004617" in regels
    assert "onderwerp: Speeltuin Dorpsstraat" in regels
    assert "Ons kenmerk" not in str(data.get("samenvatting", ""))


def test_vraag_als_kop_in_tekst_zonder_stijlen(cli, tmp_path):
    """Text without styles (pdftotext): a short question on its own line after a sentence that ended
    is a heading ("Wat betekent dit voor duurzaamheid?"), matched to its section by its words.
    Before: glued to the paragraph above, its text unmarked in the section before (risicos)."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Kindcentrum\n\nHet college stelt de raad voor te besluiten:\n"
        "1. Een krediet te verlenen.\n\nWelke risico's zijn er?\nDe bouwprijzen stijgen.\n\n"
        "Wat betekent dit voor duurzaamheid?\nHet gebouw wordt aardgasvrij.\n"
    )
    data, regels = _importeer(cli, tmp_path, tekst)
    assert data["secties"]["risicos"].strip() == "De bouwprijzen stijgen."
    assert data["secties"]["duurzaamheid"].strip() == "Het gebouw wordt aardgasvrij."
    assert any("kop 'Wat betekent dit voor duurzaamheid?' gelezen als sectie 'Duurzaamheid'" in r for r in regels)


def test_vraagkoppen_naar_betekenis(cli, tmp_path):
    """Question headings in the raadsvoorstel's usual order, each to its section by meaning: the
    question's own verbs ("geldt", "ligt") carry none ("geldt" is no "geld": financiën tied with
    the kaders, so no section); "Waarom ligt dit voorstel voor?" asks for the aanleiding, "Waarom
    kiezen we hiervoor?" for the arguments. Before: kaders unplaced, the aanleiding read as the
    arguments, the arguments a subheading elsewhere."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Kindcentrum\n\nHet college stelt de raad voor te besluiten:\n"
        "1. Een krediet te verlenen.\n\nWaarom ligt dit voorstel voor?\nDe school is oud.\n\n"
        "Welk beleid geldt hier?\nHet huisvestingsplan noemt de school.\n\n"
        "Waarom kiezen we hiervoor?\nNieuwbouw is goedkoper dan renovatie.\n"
    )
    data, regels = _importeer(cli, tmp_path, tekst)
    secties = data["secties"]
    assert secties["aanleiding_en_context"].strip() == "De school is oud."
    assert secties["kaders_en_omstandigheden"].strip() == "Het huisvestingsplan noemt de school."
    assert secties["argumenten_en_alternatieven"].strip() == "Nieuwbouw is goedkoper dan renovatie."
    assert any("kop 'Welk beleid geldt hier?' gelezen als sectie 'Kaders en omstandigheden'" in r for r in regels)
    assert any("kop 'Waarom kiezen we hiervoor?' gelezen als sectie 'Argumenten en alternatieven'" in r for r in regels)


def test_geheimhouding_nee_is_openbaar_gemarkeerd(cli, tmp_path):
    """ "Geheimhouding:" (a synonym of classificatie naming its option geheim) with "Nee" on the next
    line: a yes/no question about that option, the answer no the default (openbaar), marked as a
    guess (it could be vertrouwelijk). Before: kept as 'Classificatie: Nee', no value. Under
    "Vertrouwelijkheid" an option itself still counts."""
    kop = "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nGeheimhouding:\nNee\n"
    data, regels = _importeer(cli, tmp_path, kop + BODY)
    assert data["classificatie"] == "openbaar"
    assert "# NOTA IMPORT, GERADEN: Geheim: Nee (gelezen als openbaar; het kan ook een andere keuze zijn)" in regels
    data, regels = _importeer(cli, tmp_path, "Collegenota\nOnderwerp: Speeltuin\nVertrouwelijkheid:\nOpenbaar\n" + BODY)
    assert "classificatie: openbaar" in regels
    assert not any("Classificatie" in r or "Vertrouwelijk" in r for r in regels if r.startswith("#"))
