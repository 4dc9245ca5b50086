"""`nota publiceer`: what was decided, for the public (Woo, DiWoo 0.9.8, open data).

The DiWoo schemas in tests/data/diwoo/ are copies of the official XSDs
(standaarden.overheid.nl/diwoo/metadata, version 0.9.8, as kept in the
project's shared reference folder); they are validated here with xmlschema,
independently of the lxml check nota itself makes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import DATA, PROPOSALS, pdftotext, write

DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
BASIS = "https://www.example.nl/publicaties"
NOTA = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
RAAD = (PROPOSALS / "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml").read_text(encoding="utf-8")
TOML = '[organisatie]\ntooi = "gm0935"\nnaam = "Gemeente Maastricht"\n'
OPENBAAR = "2021.01234-continuering-sociale-teams-2021"


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    """The DiWoo schema without its MDTO import (which cannot be fetched offline), as the
    README of the reference copy describes: the import and the mdto:MDTO alternative go."""
    import xmlschema

    folder = tmp_path_factory.mktemp("xsd")
    tekst = (DATA / "diwoo" / "diwoo-metadata.xsd").read_text(encoding="utf-8")
    tekst = re.sub(r'<xs:import namespace="https://www.nationaalarchief.nl/mdto"[^>]*/>', "", tekst)
    tekst = re.sub(r'<xs:element ref="mdto:MDTO"[^>]*/>', "", tekst)
    assert "mdto:MDTO" not in tekst and "MDTO-XML" not in tekst
    (folder / "diwoo-metadata.xsd").write_text(tekst, encoding="utf-8")
    shutil.copy(DATA / "diwoo" / "diwoo-metadata-lijsten.xsd", folder)
    return xmlschema.XMLSchema(str(folder / "diwoo-metadata.xsd"))


def decide(cli, path: Path, orgaan: str, datum: str, uitkomst: str, *extra) -> None:
    r = cli("decide", path, "--orgaan", orgaan, "--datum", datum, "--uitkomst", uitkomst, *extra)
    assert r.exit_code == 0, r.output


def meeting(cli, root: Path) -> Path:
    """A folder as the secretariat has it after two meetings."""
    map_ = root / "voorstellen"
    map_.mkdir()
    decide(cli, write(map_, "a-nota.yaml", NOTA), "college", "2021-02-09", "conform")
    raad = write(map_, "b-raad.yaml", RAAD)
    decide(cli, raad, "college", "2021-02-09", "conform")
    decide(cli, raad, "raad", "2021-03-10", "aangenomen", "--besluitnummer", "R-2021-7")
    geheim = (
        NOTA.replace("classificatie: openbaar", "classificatie: vertrouwelijk")
        .replace("Continuering sociale teams 2021", "Grondaankoop Zuidrand")
        .replace("2021.01234", "2021.07777")
    )
    decide(cli, write(map_, "c-geheim.yaml", geheim), "college", "2021-02-09", "conform")
    write(
        map_,
        "d-concept.yaml",
        NOTA.replace("Continuering sociale teams 2021", "Nog niet besproken").replace("2021.01234", "2021.08888"),
    )
    (root / "nota.toml").write_text(TOML, encoding="utf-8")
    return map_


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """One publication of the meeting folder, shared by the tests that only read it."""
    from click.testing import CliRunner

    from generator.cli import main

    root = tmp_path_factory.mktemp("publicatie")
    runner = CliRunner()

    def cli(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        map_ = meeting(cli, root)
        r = cli("publiceer", map_, "-o", root / "uit", "--basis-url", BASIS)
    assert r.exit_code == 0, r.output
    return root, r


def everything_in(out: Path) -> str:
    """Every byte of the folder as text, the PDFs' text included."""
    parts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(out.rglob("*")) if p.is_file()]
    parts += [pdftotext(p) for p in sorted(out.glob("*.pdf"))]
    return "\n".join(parts)


def test_publishes_the_decided_public_documents_with_valid_diwoo(published, schema):
    root, _r = published
    out = root / "uit"
    namen = sorted(p.name for p in out.iterdir())
    assert f"{OPENBAAR}.pdf" in namen and f"{OPENBAAR}.diwoo.xml" in namen
    assert "besluitenlijst-college-2021-02-09.pdf" in namen and "besluitenlijst-raad-2021-03-10.pdf" in namen
    xmls = sorted(out.glob("*.diwoo.xml"))
    assert len(xmls) == 4  # two proposals, two meetings' lists
    for path in xmls:
        schema.validate(str(path))  # raises with the reason when not valid
    doc = schema.to_dict(str(out / f"{OPENBAAR}.diwoo.xml"))["diwoo:DiWoo"]
    assert doc["diwoo:publisher"] == {
        "@resource": "https://identifier.overheid.nl/tooi/id/gemeente/gm0935",
        "$": "Gemeente Maastricht",
    }
    assert doc["diwoo:titelcollectie"]["diwoo:officieleTitel"] == "Collegenota: Continuering sociale teams 2021"
    assert doc["diwoo:classificatiecollectie"]["diwoo:informatiecategorieen"]["diwoo:informatiecategorie"] == [
        {
            "@resource": "https://identifier.overheid.nl/tooi/def/thes/kern/c_3a248e3a",
            "$": "agenda’s en besluitenlijsten bestuurscolleges",
        }
    ]
    assert doc["diwoo:creatiedatum"] == "2021-01-26"
    assert doc["diwoo:identifiers"]["diwoo:identifier"] == ["2021.01234"]
    handeling = doc["diwoo:documenthandelingen"]["diwoo:documenthandeling"]
    assert [(h["diwoo:soortHandeling"]["$"], h["diwoo:atTime"]) for h in handeling] == [
        ("vaststelling", "2021-02-09T00:00:00+01:00")
    ]
    assert doc["diwoo:isPartOf"]["@resource"] == f"{BASIS}/besluitenlijst-college-2021-02-09.pdf"
    assert "Continuering sociale teams 2021" in pdftotext(out / f"{OPENBAAR}.pdf")


def test_the_raadsvoorstel_is_a_vergaderstuk_with_both_decisions_and_its_bijlagen(published, schema):
    out = published[0] / "uit"
    path = next(p for p in out.glob("2020-010358-*.diwoo.xml"))
    doc = schema.to_dict(str(path))["diwoo:DiWoo"]
    assert (
        doc["diwoo:classificatiecollectie"]["diwoo:informatiecategorieen"]["diwoo:informatiecategorie"][0]["$"]
        == "vergaderstukken decentrale overheden"
    )
    handelingen = doc["diwoo:documenthandelingen"]["diwoo:documenthandeling"]
    assert [(h["diwoo:atTime"][:10], h["diwoo:wasAssociatedWith"]["$"]) for h in handelingen] == [
        ("2021-02-09", "het college van burgemeester en wethouders (Gemeente Maastricht)"),
        ("2021-03-10", "de gemeenteraad (Gemeente Maastricht)"),
    ]
    bijlagen = [b for b in doc["diwoo:hasParts"]["diwoo:hasPart"]]  # no resource: plain text
    assert bijlagen and bijlagen[0].startswith("Bijlage 1: ")
    rollen = {r["diwoo:role"]["$"] for r in doc["diwoo:documentrelaties"]["diwoo:documentrelatie"]}
    assert rollen == {"heeft bijlage"}


def test_the_sitemap_index_points_to_sitemaps_whose_documents_are_valid(published, schema):
    from lxml import etree

    out = published[0] / "uit"
    index = etree.parse(str(out / "sitemap.xml"))
    assert index.getroot().tag == f"{{{SM}}}sitemapindex"
    locs = index.xpath("//sm:sitemap/sm:loc/text()", namespaces={"sm": SM})
    assert locs == [f"{BASIS}/sitemap-1.xml"]
    urls = etree.parse(str(out / "sitemap-1.xml")).xpath("//sm:url", namespaces={"sm": SM})
    assert len(urls) == 4
    for url in urls:
        loc = url.findtext(f"{{{SM}}}loc")
        assert loc.startswith(BASIS + "/") and (out / loc.rsplit("/", 1)[1]).is_file()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", url.findtext(f"{{{SM}}}lastmod"))
        document = url.find(f"{{{DIWOO}}}Document")
        schema.validate(etree.tostring(document).decode())
        naam = loc.rsplit("/", 1)[1].removesuffix(".pdf")
        inside, alone = (
            schema.to_dict(x)["diwoo:DiWoo"]
            for x in (etree.tostring(document).decode(), str(out / f"{naam}.diwoo.xml"))
        )
        assert inside == alone


def test_confidential_and_undecided_proposals_leave_no_trace(published):
    root, r = published
    alles = everything_in(root / "uit")
    for spoor in ("Grondaankoop Zuidrand", "2021.07777", "c-geheim", "Nog niet besproken", "2021.08888", "d-concept"):
        assert spoor not in alles
    assert "c-geheim.yaml: classificatie vertrouwelijk: niet openbaar" in r.output
    assert "d-concept.yaml: nog geen besluit vastgelegd" in r.output
    lijst = " ".join(pdftotext(root / "uit" / "besluitenlijst-college-2021-02-09.pdf").split())
    assert "Continuering sociale teams 2021" in lijst and "Daarnaast is 1 niet-openbare voorstel behandeld." in lijst


def test_csv_and_json_agree_with_the_proposals(published):
    out = published[0] / "uit"
    rijen = list(csv.DictReader(io.StringIO((out / "besluiten.csv").read_text(encoding="utf-8"), newline="")))
    data = json.loads((out / "besluiten.json").read_text(encoding="utf-8"))
    assert data["besluiten"] == rijen
    import jsonschema

    jsonschema.validate(data, json.loads((out / "besluiten.schema.json").read_text(encoding="utf-8")))
    nota = [r for r in rijen if r["kenmerk"] == "2021.01234"]
    assert [(r["beslispunt_nummer"], r["beslispunt"][:40]) for r in nota] == [
        ("1", "Een besluit tot continuering van de huid"),
        ("2", "In te stemmen met een budget van € 436.3"),
    ]
    assert {
        (r["soort"], r["orgaan"], r["datum_besluit"], r["uitkomst"], r["totaal_kosten"], r["totaal_dekking"])
        for r in nota
    } == {("collegenota", "college", "2021-02-09", "conform", "436358.00", "436358.00")}
    assert nota[0]["document"] == f"{BASIS}/{OPENBAAR}.pdf"
    from ruamel.yaml import YAML

    besluiten = YAML(typ="safe").load((published[0] / "voorstellen" / "b-raad.yaml").read_text(encoding="utf-8"))[
        "besluiten"
    ]
    raad = [r for r in rijen if r["kenmerk"] == "2020-010358"]
    assert {(r["orgaan"], r["uitkomst"], r["besluitnummer"]) for r in raad} == {
        (b["orgaan"], b["uitkomst"], str(b.get("besluitnummer") or "")) for b in besluiten
    }
    assert ("raad", "aangenomen", "R-2021-7") in {(r["orgaan"], r["uitkomst"], r["besluitnummer"]) for r in raad}
    assert len(raad) == 4  # two beslispunten, decided by the college and by the raad


def test_a_second_run_changes_no_byte_and_a_replaced_document_says_so(cli, tmp_path, monkeypatch, schema):
    monkeypatch.chdir(tmp_path)
    map_ = tmp_path / "voorstellen"
    map_.mkdir()
    nota = write(map_, "a-nota.yaml", NOTA)
    decide(cli, nota, "college", "2021-02-09", "conform")
    (tmp_path / "nota.toml").write_text(TOML + f'[publicatie]\nbasis_url = "{BASIS}"\n', encoding="utf-8")
    out = tmp_path / "uit"
    assert cli("publiceer", map_, "-o", out).exit_code == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    r = cli("publiceer", map_, "-o", out)
    assert r.exit_code == 0, r.output
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before
    assert "0 bestanden geschreven" in r.output
    decide(cli, nota, "college", "2021-02-09", "gewijzigd", "--vervang", "--toelichting", "Budget verlaagd.")
    assert cli("publiceer", map_, "-o", out).exit_code == 0
    tekst = (out / f"{OPENBAAR}.diwoo.xml").read_text(encoding="utf-8")
    schema.validate(str(out / f"{OPENBAAR}.diwoo.xml"))
    assert (
        '<diwoo:redenVerwijderingVervanging resource="https://identifier.overheid.nl/tooi/def/thes/kern/'
        'c_c77c86e0">correctie procedurele fout</diwoo:redenVerwijderingVervanging>'
    ) in tekst
    assert "Gewijzigd" in pdftotext(out / f"{OPENBAAR}.pdf")
    again = {p.name: p.read_bytes() for p in out.iterdir()}
    assert cli("publiceer", map_, "-o", out).exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == again


def test_a_tampered_proposal_stops_everything(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    map_ = meeting(cli, tmp_path)
    out = tmp_path / "uit"
    assert cli("publiceer", map_, "-o", out, "--basis-url", BASIS).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    path = map_ / "a-nota.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Continuering sociale teams 2021", "Stilletjes veranderd"),
        encoding="utf-8",
    )
    r = cli("publiceer", map_, "-o", out, "--basis-url", BASIS)
    assert r.exit_code == 1
    assert f"{path}: fout: {path} wordt niet gepubliceerd en de publicatie is gestopt" in r.output
    assert (
        f"fout: nota verify zegt:\n{path}: besluit college 9 februari 2021 (conform): GEWIJZIGD na het "
        f"besluit\n  {path}:6:1: onderwerp: gewijzigd\n"
    ) in r.output
    assert "Traceback" not in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert "Stilletjes veranderd" not in everything_in(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".uit-")] == []  # no staging left
    r = cli("publiceer", map_, "-o", tmp_path / "nieuw", "--basis-url", BASIS)
    assert r.exit_code == 1 and not (tmp_path / "nieuw").exists()


def test_two_proposals_that_would_share_a_name_are_refused(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    map_ = tmp_path / "voorstellen"
    map_.mkdir()
    for naam in ("a.yaml", "b.yaml"):
        decide(cli, write(map_, naam, NOTA), "college", "2021-02-09", "conform")
    (tmp_path / "nota.toml").write_text(TOML, encoding="utf-8")
    r = cli("publiceer", map_, "-o", tmp_path / "uit", "--basis-url", BASIS)
    assert r.exit_code == 1
    assert (
        f"{map_ / 'a.yaml'}: fout: de documenten van {map_ / 'a.yaml'}, {map_ / 'b.yaml'} zouden allemaal "
        f"'{OPENBAAR}' heten; geef elk voorstel een eigen kenmerk of onderwerp (er is niets gepubliceerd)"
    ) in r.output
    assert not (tmp_path / "uit").exists()


def test_a_document_no_longer_published_is_removed(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    map_ = meeting(cli, tmp_path)
    out = tmp_path / "uit"
    assert cli("publiceer", map_, "-o", out, "--basis-url", BASIS).exit_code == 0
    (map_ / "a-nota.yaml").unlink()
    r = cli("publiceer", map_, "-o", out, "--basis-url", BASIS)
    assert r.exit_code == 0, r.output
    assert f"verwijderd (niet meer gepubliceerd): {out / (OPENBAAR + '.pdf')}" in r.output
    assert not list(out.glob(f"{OPENBAAR}*"))
    assert "2021.01234" not in (out / "besluiten.csv").read_text(encoding="utf-8")
    assert OPENBAAR not in (out / "sitemap-1.xml").read_text(encoding="utf-8")


def test_without_organisatie_it_says_what_nota_toml_needs(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    map_ = tmp_path / "voorstellen"
    map_.mkdir()
    r = cli("publiceer", map_, "-o", tmp_path / "uit", "--basis-url", BASIS)
    assert r.exit_code == 1
    assert (
        "nota.toml: fout: [organisatie] ontbreekt in nota.toml: publiceren vraagt wie publiceert "
        '(voeg toe: [organisatie] met tooi = "gm0935" en naam = "Gemeente Maastricht")'
    ) in r.output
    (tmp_path / "nota.toml").write_text('[organisatie]\ntooi = "gm9999"\nnaam = "Nergens"\n', encoding="utf-8")
    r = cli("publiceer", map_, "-o", tmp_path / "uit", "--basis-url", BASIS)
    assert r.exit_code == 1 and 'tooi = "gm9999" is geen organisatie uit de TOOI-lijst' in r.output
    (tmp_path / "nota.toml").write_text(TOML, encoding="utf-8")
    r = cli("publiceer", map_, "-o", tmp_path / "uit")
    assert r.exit_code == 2 and "geef --basis-url" in r.output
    r = cli("publiceer", map_, "-o", tmp_path / "uit", "--basis-url", "www.example.nl")
    assert r.exit_code == 2 and "'www.example.nl' is geen webadres; begin met https://" in r.output
    assert not (tmp_path / "uit").exists()


def test_every_value_nota_writes_is_in_the_official_lists():
    from lxml import etree

    from generator.publish import waardelijsten as wl

    lijsten = etree.parse(str(DATA / "diwoo" / "diwoo-metadata-lijsten.xsd"))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}

    def label(uri: str) -> str:
        found = lijsten.xpath("//xs:enumeration[@value=$u]//*[local-name()='p'][1]/text()", namespaces=ns, u=uri)
        assert found, uri
        return found[0]

    waarden = [
        *wl.INFORMATIECATEGORIEEN.values(),
        wl.BESLUITENLIJST_SOORT,
        wl.VASTSTELLING,
        wl.HEEFT_BIJLAGE,
        wl.NEDERLANDS,
        wl.PDF,
        wl.CORRECTIE_PROCEDURELE_FOUT,
    ]
    assert {w.label: label(w.uri) for w in waarden} == {w.label: w.label for w in waarden}


def test_each_kind_states_its_category_and_an_old_kind_yaml_still_loads(tmp_path):
    from generator.proposal.kinds import find_soort, search_path
    from generator.publish import waardelijsten as wl

    path = search_path()
    for soort in ("collegenota", "raadsvoorstel", "beantwoording", "voortgangsrapportage"):
        assert wl.informatiecategorie(find_soort(soort, path).raw["woo_informatiecategorie"]) is not None
    own = tmp_path / "eigen" / "memo"
    shutil.copytree(path[-1] / "collegenota", own)
    kind = own / "kind.yaml"
    kind.write_text(
        re.sub(r"^woo_informatiecategorie:.*\n", "", kind.read_text(encoding="utf-8"), flags=re.MULTILINE),
        encoding="utf-8",
    )
    soort = find_soort("memo", (tmp_path / "eigen", *path))
    assert "woo_informatiecategorie" not in soort.raw
    assert wl.informatiecategorie(soort.raw.get("woo_informatiecategorie")) == wl.STANDAARD_CATEGORIE
    assert wl.informatiecategorie("agenda's en besluitenlijsten bestuurscolleges").uri.endswith("c_3a248e3a")


def test_the_secretariat_publishes_from_nota_serve_into_the_folder_of_nota_toml(cli, tmp_path, monkeypatch):
    from starlette.testclient import TestClient

    from generator.proposal.kinds import search_path
    from generator.web.app import make_app
    from generator.web.workspace import Workspace

    monkeypatch.chdir(tmp_path)
    map_ = tmp_path / "voorstellen"
    map_.mkdir()
    decide(cli, write(map_, "a-nota.yaml", NOTA), "college", "2021-02-09", "conform")
    (tmp_path / "nota.toml").write_text(TOML, encoding="utf-8")
    client = TestClient(make_app(Workspace(map_, search_path()), token="kenmerk"), base_url="http://127.0.0.1")
    assert 'id="publiceren"' in client.get("/secretariaat").text
    assert client.post("/secretariaat/publiceer", json={}).status_code == 403  # no token: refused
    antwoord = client.post("/secretariaat/publiceer", json={}, headers={"X-Nota-Token": "kenmerk"})
    assert antwoord.status_code == 409
    fout = antwoord.json()["fout"]
    assert fout == [
        "Publiceren vraagt [publicatie] in nota.toml met map en basis_url, zoals "
        'map = "publicatie" en basis_url = "https://www.gemeente.nl/publicaties"'
    ]
    (tmp_path / "nota.toml").write_text(
        TOML + f'[publicatie]\nmap = "openbaar"\nbasis_url = "{BASIS}"\n', encoding="utf-8"
    )
    antwoord = client.post("/secretariaat/publiceer", json={}, headers={"X-Nota-Token": "kenmerk"})
    assert antwoord.status_code == 200, antwoord.text
    assert antwoord.json()["gepubliceerd"] == [OPENBAAR]
    assert (tmp_path / "openbaar" / f"{OPENBAAR}.diwoo.xml").is_file()
    assert (tmp_path / "openbaar" / "sitemap.xml").is_file()


@pytest.mark.slow
def test_the_publiceren_button_of_the_secretariat(cli, tmp_path, monkeypatch):
    from playwright.sync_api import expect, sync_playwright
    from test_preview import CHROMIUM, CHROMIUM_ARGS
    from test_serve import Editor

    monkeypatch.chdir(tmp_path)
    decide(cli, write(tmp_path, "nota.yaml", NOTA), "college", "2021-02-09", "conform")
    (tmp_path / "nota.toml").write_text(
        TOML + f'[publicatie]\nmap = "publicatie"\nbasis_url = "{BASIS}"\n', encoding="utf-8"
    )
    editor = Editor(tmp_path)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pagina = browser.new_page()
            pagina.goto(editor.url + "secretariaat?datum=2021-02-09&orgaan=college")
            pagina.get_by_role("button", name="Publiceren").click()
            expect(pagina.locator("#melding")).to_contain_text("Gepubliceerd in", timeout=120_000)
            expect(pagina.locator("#melding")).to_contain_text("1 document, 0 overgeslagen")
            browser.close()
    finally:
        editor.stop()
    out = tmp_path / "publicatie"
    assert (out / f"{OPENBAAR}.pdf").is_file() and (out / "sitemap.xml").is_file()
