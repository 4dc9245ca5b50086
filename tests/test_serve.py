"""`nota serve` in a real headless browser: the editor, the secretariat, the guard.

The server runs as its own process over a copy of a proposal in tmp_path;
Debian's chromium is driven by Playwright as in tests/test_preview.py.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import PROPOSALS, pdftotext, require_chromium
from test_preview import CHROMIUM, CHROMIUM_ARGS, WACHT_MS, Server

pytestmark = pytest.mark.slow  # a running server, most tests in a headless browser

VOORBEELD = "collegenota-sociale-teams-2021.yaml"


class Editor(Server):
    """`nota serve DIR --port 0 --geen-browser` as a subprocess."""

    def __init__(self, map_: Path):
        import threading

        self.regels: list[str] = []
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", ".", "--port", "0", "--geen-browser"],
            cwd=map_,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._lees, daemon=True).start()
        self.url = self._wacht_op_adres()


@pytest.fixture
def map_(tmp_path) -> Path:
    shutil.copy(PROPOSALS / VOORBEELD, tmp_path / "nota.yaml")
    return tmp_path


@pytest.fixture
def editor(map_):
    s = Editor(map_)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def pagina(browser, editor):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(editor.url)
    yield page
    context.close()


def open_voorstel(pagina):
    from playwright.sync_api import expect

    pagina.get_by_role("link", name="Continuering sociale teams 2021").click()
    expect(pagina.get_by_label("Onderwerp", exact=True)).to_have_value("Continuering sociale teams 2021")


def test_startpagina_toont_elk_voorstel(pagina):
    from playwright.sync_api import expect

    rij = pagina.locator("table.overzicht tbody tr")
    expect(rij).to_have_count(1)
    expect(rij).to_contain_text("collegenota")
    expect(rij).to_contain_text("2021.01234")
    expect(rij).to_contain_text("2021-01-26")
    expect(rij).to_contain_text("concept")


def test_veld_en_bedrag_wijzigen_en_opslaan_verandert_alleen_die_waarden(pagina, map_):
    from playwright.sync_api import expect

    oud = (map_ / "nota.yaml").read_text(encoding="utf-8")
    open_voorstel(pagina)
    tabel = pagina.locator("fieldset.tabel").first
    totaal = tabel.locator("tfoot output.totaal")
    expect(totaal).to_have_text("€ 436.358", timeout=WACHT_MS)
    document = pagina.frame_locator("#document")
    pagina.get_by_label("Onderwerp", exact=True).fill("Sociale teams in 2021")
    expect(document.locator("h1.onderwerp")).to_have_text("Sociale teams in 2021", timeout=WACHT_MS)
    tabel.locator("tbody tr").first.get_by_label("Bedrag").fill("400000")
    expect(totaal).to_have_text("€ 465.000", timeout=WACHT_MS)
    expect(tabel.locator("tbody tr").nth(2).locator("output")).to_have_text("€ 440.000")
    # the stated total no longer adds up: the preview still shows the document, with nota check's
    # melding above it (in words for the page), linked to its field, which is marked
    fout = "het totaal van tabel 'Begroting 2021' is € 436.358, maar de regels tellen op tot € 465.000"
    expect(document.locator("aside.nota-problemen")).to_contain_text(fout, timeout=WACHT_MS)
    expect(document.locator("h1.onderwerp")).to_have_text("Sociale teams in 2021")
    expect(document.locator("#sectie-financien p.nota-probleem", has_text=fout)).to_have_count(1)  # where it is
    expect(tabel.get_by_label("Vermeld totaal Bedrag")).to_have_attribute("aria-invalid", "true")
    expect(pagina.locator("#samenvatting")).to_contain_text(fout)
    expect(pagina.locator("#pdf")).to_have_attribute("aria-disabled", "false")  # the concept downloads
    link = pagina.locator("#problemen li.fout a", has_text=fout)
    link.click()
    expect(tabel.get_by_label("Vermeld totaal Bedrag")).to_be_focused()
    pagina.get_by_role("button", name="Opslaan").click()
    expect(pagina.locator("#opslagmelding")).to_have_text("Opgeslagen.", timeout=WACHT_MS)
    nieuw = (map_ / "nota.yaml").read_text(encoding="utf-8")
    assert _changed(oud, nieuw) == [
        "-onderwerp: Continuering sociale teams 2021",
        "+onderwerp: Sociale teams in 2021",
        "-        - {post: Uitvoeringskosten – urenvergoedingen, bedrag: 371358, toelichting: "
        '"Exclusief, btw is declarabel"}',
        "+        - {post: Uitvoeringskosten – urenvergoedingen, bedrag: 400000, toelichting: "
        '"Exclusief, btw is declarabel"}',
    ]
    assert nieuw.startswith(
        "# yaml-language-server: $schema=../schema/collegenota.schema.json\n# Voorbeeld van een collegenota"
    )
    assert "  voorstel: ~\n" in nieuw


def test_het_voorbeeld_opent_bij_het_deel_dat_net_gewijzigd_is(pagina):
    """The document frame is sandboxed and runs no script, so it cannot keep its own scroll
    position; after an edit it reopens at the fragment of the part that was edited."""
    from playwright.sync_api import expect

    open_voorstel(pagina)
    document = pagina.frame_locator("#document")
    veld = pagina.get_by_label("Tekst van Uitvoering, evaluatie en vervolg 1", exact=True)
    veld.fill("De sociale teams worden in 2021 geëvalueerd; de uitkomst volgt in het najaar.")
    sectie = document.locator("#sectie-uitvoering_evaluatie_vervolg")
    expect(sectie).to_contain_text("de uitkomst volgt in het najaar", timeout=WACHT_MS)
    frame = next(f for f in pagina.frames if "/document" in f.url)
    assert frame.url.endswith("#sectie-uitvoering_evaluatie_vervolg"), frame.url
    expect(sectie).to_be_in_viewport()
    expect(document.locator("h1.onderwerp")).not_to_be_in_viewport()
    pagina.get_by_label("Onderwerp", exact=True).fill("Sociale teams 2021")
    expect(document.locator("h1.onderwerp")).to_have_text("Sociale teams 2021", timeout=WACHT_MS)
    expect(document.locator("h1.onderwerp")).to_be_in_viewport()  # a header field: the top


def test_een_onmogelijke_datum_toont_de_nederlandse_melding(pagina, map_, search_path):
    from playwright.sync_api import expect

    from generator.checks import check_file

    open_voorstel(pagina)
    pagina.get_by_role("tab", name="YAML").click()
    yaml = pagina.get_by_label("De bron van het voorstel (YAML)")
    tekst = yaml.input_value().replace("datum: 2021-01-26", "datum: 2021-02-30")
    yaml.fill(tekst)
    pagina.get_by_role("button", name="YAML toepassen").click()
    kopie = map_ / "kopie" / "nota.yaml"
    kopie.parent.mkdir()
    kopie.write_text(tekst, encoding="utf-8")
    melding = str(check_file(kopie, search_path)[1][0])
    assert melding == f"{kopie}:8:8: fout: 2021-02-30 is geen bestaande datum"  # the CLI's words
    # the page's: at the field, without path, line or column
    expect(pagina.locator("#problemen li.fout")).to_have_text(
        "Datum: 2021-02-30 is geen bestaande datum", timeout=WACHT_MS
    )
    assert "2021-02-30" not in (map_ / "nota.yaml").read_text(encoding="utf-8")


def test_opslaan_voegt_een_wijziging_van_buiten_samen_met_de_eigen(pagina, map_):
    from playwright.sync_api import expect

    open_voorstel(pagina)
    path = map_ / "nota.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("afdeling: Sociaal Domein", "afdeling: Elders"), encoding="utf-8"
    )
    expect(pagina.locator("#opslagmelding")).to_contain_text(  # told by a server-sent event
        "Het bestand is intussen elders opgeslagen. Bij Opslaan worden beide wijzigingen samengevoegd", timeout=WACHT_MS
    )
    pagina.get_by_label("Onderwerp", exact=True).fill("Mijn wijziging")
    pagina.keyboard.press("Control+s")
    expect(pagina.locator("#opslagmelding")).to_contain_text("samengevoegd met de uwe", timeout=WACHT_MS)
    tekst = path.read_text(encoding="utf-8")
    assert "onderwerp: Mijn wijziging\n" in tekst and "afdeling: Elders\n" in tekst
    expect(pagina.get_by_label("Afdeling", exact=True)).to_have_value("Elders")


def test_secretariaat_legt_een_besluit_vast_en_maakt_de_besluitenlijst(pagina, editor, map_, tmp_path):
    from playwright.sync_api import expect

    pagina.goto(editor.url + "secretariaat?datum=2021-02-02&orgaan=college")
    punt = pagina.locator("form.besluit", has_text="Continuering sociale teams 2021")
    punt.get_by_label("Uitkomst").select_option("conform")
    expect(punt.get_by_label("Besluitnummer")).to_have_value("B&W 2021/001")  # per year and orgaan
    punt.get_by_role("button", name="Besluit over Continuering sociale teams 2021 vastleggen").click()
    expect(pagina.locator("#besloten")).to_contain_text(
        "Continuering sociale teams 2021: conform, B&W 2021/001", timeout=WACHT_MS
    )
    tekst = (map_ / "nota.yaml").read_text(encoding="utf-8")
    assert re.search(
        r"besluiten:\n  - orgaan: college\n    datum: 2021-02-02\n    uitkomst: conform\n"
        r"    besluitnummer: B&W 2021/001\n    vastgelegd_door: (?!root)\S",
        tekst,
    )
    assert "inhoud_sha256: " in tekst
    with pagina.expect_download(timeout=WACHT_MS * 3) as waiting:
        pagina.click("#besluitenlijst-pdf")
    target = tmp_path / "lijst.pdf"
    waiting.value.save_as(target)
    assert waiting.value.suggested_filename == "besluitenlijst-college-2021-02-02.pdf"
    assert "Continuering sociale teams 2021" in " ".join(pdftotext(target).split())
    pagina.get_by_role("link", name="Continuering sociale teams 2021").click()
    expect(pagina.get_by_label("Onderwerp", exact=True)).to_be_disabled()
    expect(pagina.get_by_role("button", name="Opslaan")).to_have_count(0)


def _post(url: str, data: dict, token: str | None = None, host: str | None = None) -> tuple[int, str]:
    headers = {
        "Content-Type": "application/json",
        **({"X-Nota-Token": token} if token else {}),
        **({"Host": host} if host else {}),
    }
    verzoek = urllib.request.Request(url, json.dumps(data).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
            return antwoord.status, antwoord.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_een_post_zonder_kenmerk_wordt_geweigerd(editor, map_):
    start = urllib.request.urlopen(editor.url, timeout=30).read().decode()
    token = re.search(r'name="nota-token" content="([^"]+)"', start).group(1)
    status, tekst = _post(editor.url + "nieuw", {"naam": "zonder.yaml", "soort": "collegenota"})
    assert (status, tekst) == (
        403,
        "verzoek geweigerd: het beveiligingskenmerk ontbreekt of klopt niet; laad de pagina opnieuw",
    )
    assert _post(editor.url + "nieuw", {"naam": "fout.yaml", "soort": "collegenota"}, "nep")[0] == 403
    assert not (map_ / "zonder.yaml").exists() and not (map_ / "fout.yaml").exists()
    assert _post(editor.url + "nieuw", {"naam": "x.yaml", "soort": "collegenota"}, token, host="aanvaller.example") == (
        403,
        "alleen te bekijken via 127.0.0.1",
    )
    status, tekst = _post(editor.url + "nieuw", {"onderwerp": "Met kenmerk", "soort": "collegenota"}, token)
    assert status == 200 and json.loads(tekst)["adres"].startswith("/bewerk/")
    assert (map_ / "met-kenmerk.yaml").read_text(encoding="utf-8").count("soort: collegenota") == 1


def test_paden_buiten_de_map_worden_geweigerd(editor):
    for naam in ("../etc/passwd", "/etc/passwd", "nota.yaml%00"):
        try:
            status = urllib.request.urlopen(editor.url + "voorstel?naam=" + naam, timeout=30).status
        except urllib.error.HTTPError as e:
            status = e.code
        assert status in (400, 404), naam


def test_een_andere_host_dan_127_0_0_1_wordt_geweigerd(map_):
    r = subprocess.run(
        [sys.executable, "-m", "generator", "serve", ".", "--host", "0.0.0.0"],
        cwd=map_,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert "nota serve luistert alleen op 127.0.0.1 (deze computer), niet op '0.0.0.0'" in r.stderr


def _changed(oud: str, nieuw: str) -> list[str]:
    return [
        r
        for r in difflib.unified_diff(oud.splitlines(), nieuw.splitlines(), lineterm="", n=0)
        if r[:1] in "+-" and r[:3] not in ("+++", "---")
    ]


def test_meerjarige_kolommen_regels_toevoegen_verplaatsen_en_beslispunten(browser, tmp_path):
    from playwright.sync_api import expect

    shutil.copy(PROPOSALS / "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml", tmp_path / "raad.yaml")
    oud = (tmp_path / "raad.yaml").read_text(encoding="utf-8")
    server = Editor(tmp_path)
    context = browser.new_context()
    try:
        pagina = context.new_page()
        pagina.goto(server.url)
        pagina.get_by_role("link", name=re.compile("^Voorstel tot het beschikbaar stellen")).click()
        tabel = pagina.locator(
            "fieldset.tabel", has=pagina.get_by_label("Titel van de tabel").filter(has_text="")
        ).filter(has=pagina.locator("caption", has_text="Benodigd volgens het uitvoeringsplan"))
        huur = tabel.locator("tbody tr", has=pagina.locator("input[value=Huur]"))
        huur.get_by_label("2021").fill("30000")
        expect(tabel.locator("tfoot output.totaal").nth(1)).to_have_text("€ 620.000", timeout=WACHT_MS)
        expect(tabel.locator("tfoot output.totaal").nth(0)).to_have_text("€ 630.000")
        huur.get_by_role("button", name="Omhoog").click()
        tabel.get_by_role("button", name="Regel toevoegen").click()
        nieuw = tabel.locator("tbody tr").last
        expect(nieuw.get_by_label("Post")).to_be_focused()
        nieuw.get_by_label("Post").fill("Evaluatie")
        nieuw.get_by_label("2022").fill("15000")
        expect(tabel.locator("tfoot output.totaal").nth(2)).to_have_text("€ 465.000", timeout=WACHT_MS)
        knop = pagina.get_by_role("button", name="Toevoegen aan Geadviseerd besluit")
        punten = pagina.locator("fieldset.lijst", has=knop)
        punten.get_by_role("button", name="Toevoegen aan Geadviseerd besluit").click()
        punten.locator("li.item").last.get_by_role("textbox").fill("De evaluatie te bespreken.")
        pagina.get_by_role("button", name="Opslaan").click()
        expect(pagina.locator("#opslagmelding")).to_have_text("Opgeslagen.", timeout=WACHT_MS)
    finally:
        context.close()
        server.stop()
    # Huur moved above Frictiekosten with 2021 changed, a new row in the style of its neighbours
    assert _changed(oud, (tmp_path / "raad.yaml").read_text(encoding="utf-8")) == [
        "+  - De evaluatie te bespreken.",
        "+        - {post: Huur, bedrag: [20000, 30000, 20000]}",
        "-        - {post: Huur, bedrag: [20000, 20000, 20000]}",
        "+        - {post: Evaluatie, bedrag: [null, null, 15000]}",
    ]


@pytest.mark.parametrize("naam", sorted(p.name for p in PROPOSALS.glob("*.yaml")))
def test_het_formulier_ongewijzigd_teruggestuurd_laat_elk_voorbeeld_byte_voor_byte_staan(naam, tmp_path):
    """What the form shows and sends back of every field of every kind changes nothing."""
    from generator.proposal.kinds import search_path
    from generator.web.workspace import Workspace

    shutil.copy(PROPOSALS / naam, tmp_path / naam)
    draft = Workspace(tmp_path, search_path()).open(naam)
    draft.update_form(_form_values(draft))
    assert draft.tekst.encode("utf-8") == (PROPOSALS / naam).read_bytes()


def _form_values(draft) -> dict:
    """The tree the page's script would send, taken from the form's HTML with lxml."""
    from lxml import html

    from generator.web.form import Form

    page = html.fromstring(f"<form>{Form(draft.voorstel.soort, draft.bron.data).html()}</form>")
    return _value(page.get_element_by_id("formulier-wortel"))


def _value(el):
    t = el.get("data-t")
    if t == "obj":
        out: dict = {}
        for c in _nodes(el):
            if c.get("data-i") is not None:
                out.setdefault(c.get("data-k"), []).append(_value(c))
            else:
                out[c.get("data-k")] = _value(c)
        return out
    if t == "list":
        items = [_value(c) for c in _nodes(el)]
        if el.get("data-enkel") is None:
            return items
        return "" if not items else items[0] if len(items) == 1 and isinstance(items[0], str) else items
    if t == "sectie":
        inner = _nodes(el)[0]
        return "nvt" if el.xpath(".//*[@data-nvt]")[0].get("checked") is not None else _value(inner)
    if t == "null":
        return None
    if t == "bool":
        return el.get("checked") is not None
    v = (
        el.text[1:]
        if el.tag == "textarea" and el.text
        else (el.text or "" if el.tag == "textarea" else el.get("value", ""))
    )
    if el.tag == "select":
        v = next((o.text or "" for o in el.iter("option") if o.get("selected") is not None), "")
    if t == "datum":
        return {"$datum": v} if v else ""
    if t in ("getal", "kolom", "bedrag") and re.fullmatch(r"-?\d{1,15}", v.strip()):
        return int(v)
    return v


def _nodes(el) -> list:
    out = []
    for c in el:
        if c.tag == "template":
            continue
        out += [c] if c.get("data-t") else _nodes(c)
    return out


def test_alleen_gewijzigde_regels_veranderen_ook_bij_crlf_en_commentaar():
    from generator.web.yamledit import apply_form

    tekst = (
        "# kop\r\nsoort: collegenota  # soort\r\nonderwerp: 'Oud'\r\nbeslispunten:\r\n"
        "- Een   # eerste\r\n- Twee\r\n\r\nsecties:\r\n  voorstel: ~\r\n"
    )
    nieuw = apply_form(tekst, {"onderwerp": "Nieuw", "beslispunten": ["Twee", "Een"], "secties": {"voorstel": ""}})
    assert nieuw == (
        "# kop\r\nsoort: collegenota  # soort\r\nonderwerp: 'Nieuw'\r\nbeslispunten:\r\n"
        "- Twee  # eerste\r\n- Een\r\n\r\nsecties:\r\n  voorstel: ~\r\n"
    )


def test_niet_van_toepassing_en_een_besluit_zonder_verplichte_toelichting(pagina, editor, map_):
    from playwright.sync_api import expect

    oud = (map_ / "nota.yaml").read_text(encoding="utf-8")
    open_voorstel(pagina)
    sectie = pagina.locator("fieldset.sectie", has=pagina.locator("legend", has_text="Gewenste situatie"))
    sectie.get_by_label("niet van toepassing").check()
    expect(sectie.get_by_role("textbox")).to_be_disabled()
    pagina.get_by_role("button", name="Opslaan").click()
    expect(pagina.locator("#opslagmelding")).to_have_text("Opgeslagen.", timeout=WACHT_MS)
    nieuw = (map_ / "nota.yaml").read_text(encoding="utf-8")
    assert "  gewenste_situatie: nvt\n\n  duurzaamheid_gezondheid: |\n" in nieuw
    assert [r for r in _changed(oud, nieuw) if r.startswith("+")] == ["+  gewenste_situatie: nvt"]
    pagina.goto(editor.url + "secretariaat?datum=2021-02-02&orgaan=college")
    punt = pagina.locator("form.besluit", has_text="Continuering sociale teams 2021")
    punt.get_by_label("Uitkomst").select_option("gewijzigd")
    punt.get_by_role("button", name="vastleggen").click()
    # at the top and at the field, in words without command-line options; the field marked and focused
    melding = "bij de uitkomst 'gewijzigd' hoort een toelichting: wat is er gewijzigd?"
    expect(pagina.locator("#meldingen")).to_have_text(f"Continuering sociale teams 2021: {melding}", timeout=WACHT_MS)
    expect(punt.locator(".veldfout")).to_have_text(melding)
    toelichting = punt.get_by_label("Toelichting bij")
    expect(toelichting).to_have_attribute("aria-invalid", "true")
    expect(toelichting).to_be_focused()
    assert (map_ / "nota.yaml").read_text(encoding="utf-8") == nieuw  # nothing recorded


def test_vergelijken_toont_het_rapport_van_nota_diff(pagina, editor, map_):
    from playwright.sync_api import expect

    tekst = (map_ / "nota.yaml").read_text(encoding="utf-8")
    (map_ / "nieuw.yaml").write_text(
        tekst.replace("bedrag: 40000, toelichting", "bedrag: 45000, toelichting"), encoding="utf-8"
    )
    pagina.goto(editor.url + "vergelijk")
    pagina.get_by_label("Oud").select_option("nota.yaml")
    pagina.get_by_label("Nieuw").select_option("nieuw.yaml")
    pagina.get_by_role("button", name="Vergelijken").click()
    rapport = pagina.frame_locator("#rapport")
    expect(rapport.locator("body")).to_contain_text("Uitvoeringskosten – exploitatiekosten", timeout=WACHT_MS)
    expect(rapport.locator("body")).to_contain_text("45.000")


@pytest.mark.parametrize("naam", sorted(p.name for p in PROPOSALS.glob("*.yaml")))
def test_elk_bedieningselement_heeft_een_naam_en_is_met_het_toetsenbord_te_bereiken(browser, tmp_path, naam):
    """WCAG 2.1 AA for the editor: every control labelled (1.3.1, 4.1.2), none taken out of
    the tab order (2.1.1), problems announced (4.1.3)."""
    shutil.copy(PROPOSALS / naam, tmp_path / naam)
    server = Editor(tmp_path)
    context = browser.new_context()
    try:
        pagina = context.new_page()
        pagina.goto(server.url)
        pagina.locator("table.overzicht a").first.click()
        pagina.wait_for_selector("#formulier")
        unnamed = pagina.evaluate("""() => [...document.querySelectorAll(
            'input:not([type=hidden]), select, textarea, button, a[href]')].filter((el) =>
            !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim()
        ).map((el) => el.outerHTML)""")
        assert unnamed == []
        assert pagina.evaluate("document.querySelectorAll('[tabindex^=\"-\"]:not([role=tab])').length") == 0
        assert pagina.get_attribute("#problemen", "aria-live") == "polite"
        assert pagina.get_attribute("html", "lang") == "nl"
    finally:
        context.close()
        server.stop()


def test_een_concept_met_fouten_blijft_in_het_formulier_te_bewerken(tmp_path):
    from generator.proposal.kinds import search_path
    from generator.web.form import Form
    from generator.web.workspace import Workspace

    shutil.copy(PROPOSALS / VOORBEELD, tmp_path / "nota.yaml")
    draft = Workspace(tmp_path, search_path()).open("nota.yaml")
    draft.update_form({"onderwerp": "", "datum": {"$datum": ""}})
    assert draft.voorstel is None and draft.soort().naam == "collegenota"
    assert any(p["pad"] == ["onderwerp"] or p["pad"] == ["datum"] for p in draft.problems())
    html = str(Form(draft.soort(), draft.bron.data).html())
    assert 'data-k="onderwerp"' in html and 'value=""' in html
    draft.save()  # a draft with problems can be saved
    assert "onderwerp:\n" in (tmp_path / "nota.yaml").read_text(encoding="utf-8")
