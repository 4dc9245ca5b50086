"""The editor's financial grid in a real headless browser: year columns added and
removed, and the total per row (`rijtotaal`) shown, computed and switched on and off.

Reuses the server and browser of tests/test_serve.py; the YAML on disk is compared
line by line, so only the values the user changed may differ.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import PROPOSALS
from test_preview import WACHT_MS
from test_serve import Editor, _changed, browser  # noqa: F401 - browser is a fixture

pytestmark = pytest.mark.slow  # a running server in a headless browser

RAAD = "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml"
# comments beside and inside the tables, which saving must leave byte for byte
COMMENTAAR = [
    ("      postkop: Kosten\n", "      postkop: Kosten  # de kop van de eerste kolom\n"),
    ("      postkop: Dekking\n", "      postkop: Dekking\n      # bedragen in euro's, zonder btw\n"),
]


@pytest.fixture
def raad(tmp_path):
    tekst = (PROPOSALS / RAAD).read_text(encoding="utf-8")
    for oud, nieuw in COMMENTAAR:
        assert tekst.count(oud) == 1
        tekst = tekst.replace(oud, nieuw)
    (tmp_path / "raad.yaml").write_text(tekst, encoding="utf-8")
    return tmp_path / "raad.yaml"


@pytest.fixture
def pagina(browser, raad):  # noqa: F811 - the imported fixture
    server = Editor(raad.parent)
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url)
    page.get_by_role("link", name=re.compile("^Voorstel tot het beschikbaar stellen")).click()
    page.wait_for_selector("#formulier")
    yield page
    context.close()
    server.stop()


def _tabel(pagina, titel: str):
    return pagina.locator("fieldset.tabel").filter(has=pagina.locator("caption", has_text=titel))


def _opslaan(pagina):
    from playwright.sync_api import expect

    stand = pagina.locator("#stand")
    expect(stand).to_contain_text("(niet opgeslagen)", timeout=WACHT_MS)  # the last edit has arrived
    pagina.get_by_role("button", name="Opslaan").click()
    expect(stand).not_to_contain_text("(niet opgeslagen)", timeout=WACHT_MS)
    expect(pagina.locator("#opslagmelding")).to_have_text("Opgeslagen.")


def test_kolom_toevoegen_bedrag_typen_rijtotaal_en_opslaan(pagina, raad):
    from playwright.sync_api import expect

    oud = raad.read_text(encoding="utf-8")
    tabel = _tabel(pagina, "Benodigd volgens het uitvoeringsplan")
    opleidingen = tabel.locator("tbody tr", has=pagina.locator("input[value='Opleidingen en inrichting']"))
    rijtotaal = opleidingen.locator("output.rijtotaal")
    expect(rijtotaal).to_be_hidden()  # the table has no rijtotaal yet
    tabel.get_by_label("Totaal per regel tonen (rijtotaal)").check()
    expect(rijtotaal).to_have_text("€ 200.000", timeout=WACHT_MS)
    expect(tabel.locator("tfoot output.rijtotaal")).to_have_text("€ 1.690.000")
    knop = tabel.get_by_role("button", name="Kolom toevoegen")
    knop.focus()
    pagina.keyboard.press("Enter")  # by keyboard
    kop = tabel.get_by_label("Kolom 4", exact=True)
    expect(kop).to_be_focused()
    expect(kop).to_have_value("2023")
    expect(tabel.get_by_role("button", name="Kolom verwijderen: 2023")).to_be_visible()
    opleidingen.get_by_label(re.compile(r"^2023, regel \d+$")).fill("5000")
    expect(rijtotaal).to_have_text("€ 205.000", timeout=WACHT_MS)
    expect(tabel.get_by_label("Berekend totaal 2023")).to_have_text("€ 5.000")
    expect(tabel.locator("tfoot output.rijtotaal")).to_have_text("€ 1.695.000")
    tabel.get_by_label("Vermeld totaal 2023").fill("5000")
    # a new row gets the new column too
    tabel.get_by_role("button", name="Regel toevoegen").click()
    nieuw = tabel.locator("tbody tr").last
    nieuw.get_by_label("Post").fill("Evaluatie")
    nieuw.get_by_label(re.compile(r"^2023, regel \d+$")).fill("1000")
    expect(tabel.get_by_label("Berekend totaal 2023")).to_have_text("€ 6.000", timeout=WACHT_MS)
    expect(nieuw.locator("output.rijtotaal")).to_have_text("€ 1.000")
    _opslaan(pagina)
    assert _changed(oud, raad.read_text(encoding="utf-8")) == [
        "-      kolommen: [2020, 2021, 2022]",
        "+      kolommen: [2020, 2021, 2022, 2023]",
        "-        - {post: Opleidingen en inrichting, bedrag: [180000, 20000, null]}",
        "-        - {post: Frictiekosten personeel (bezetting garanderen), bedrag: [140000, 280000, 140000]}",
        "-        - {post: Huur, bedrag: [20000, 20000, 20000]}",
        "-        - {post: Projectleider, bedrag: [90000, 90000, 90000]}",
        "-        - {post: Activiteiten, bedrag: [200000, 200000, 200000]}",
        "-      totaal: [630000, 610000, 450000]",
        "+        - {post: Opleidingen en inrichting, bedrag: [180000, 20000, null, 5000]}",
        "+        - {post: Frictiekosten personeel (bezetting garanderen), bedrag: [140000, 280000, 140000, null]}",
        "+        - {post: Huur, bedrag: [20000, 20000, 20000, null]}",
        "+        - {post: Projectleider, bedrag: [90000, 90000, 90000, null]}",
        "+        - {post: Activiteiten, bedrag: [200000, 200000, 200000, null]}",
        "+        - {post: Evaluatie, bedrag: [null, null, null, 1000]}",
        "+      totaal: [630000, 610000, 450000, 5000]",
        "+      rijtotaal: true",
    ]
    nieuw_tekst = raad.read_text(encoding="utf-8")
    for _, commentaar in COMMENTAAR:
        assert commentaar in nieuw_tekst
    assert nieuw_tekst.startswith(
        "# yaml-language-server: $schema=../schema/raadsvoorstel.schema.json\n"
        "# Voorbeeld van een raadsvoorstel met raadsbesluit"
    )


def test_kolom_verwijderen_en_rijtotaal_uitzetten(pagina, raad):
    from playwright.sync_api import expect

    oud = raad.read_text(encoding="utf-8")
    tabel = _tabel(pagina, "Bekostiging")
    budget = tabel.locator("tbody tr", has=pagina.locator("input[value='Budget sociale innovatie']"))
    expect(budget.locator("output.rijtotaal")).to_have_text("€ 810.000", timeout=WACHT_MS)
    tabel.get_by_role("button", name="Kolom verwijderen: 2020").click()
    expect(tabel.get_by_label("Kolom 1", exact=True)).to_have_value("2021")
    expect(tabel.get_by_role("button", name="Kolom verwijderen: 2021")).to_be_focused()
    expect(tabel.get_by_role("button", name="Kolom verwijderen: 2020")).to_have_count(0)
    expect(budget.locator("output.rijtotaal")).to_have_text("€ 540.000", timeout=WACHT_MS)
    expect(tabel.locator("tfoot output.rijtotaal")).to_have_text("€ 1.060.000")
    budget.get_by_label(re.compile(r"^2022, regel \d+$")).fill("300000")
    expect(budget.locator("output.rijtotaal")).to_have_text("€ 570.000", timeout=WACHT_MS)
    _opslaan(pagina)
    tussen = raad.read_text(encoding="utf-8")
    assert _changed(oud, tussen) == [
        "-      kolommen: [2020, 2021, 2022]",
        "+      kolommen: [2021, 2022]",
        "-        - {post: Budget sociale innovatie, bedrag: [270000, 270000, 270000]}",
        "-        - {post: Algemene reserve, bedrag: [360000, 60000, 40000]}",
        "-        - {post: Aanvraag kadernota 2021-2024, bedrag: [null, 280000, 140000]}",
        "-      totaal: [630000, 610000, 450000]",
        "+        - {post: Budget sociale innovatie, bedrag: [270000, 300000]}",
        "+        - {post: Algemene reserve, bedrag: [60000, 40000]}",
        "+        - {post: Aanvraag kadernota 2021-2024, bedrag: [280000, 140000]}",
        "+      totaal: [610000, 450000]",
    ]
    assert "      postkop: Dekking\n      # bedragen in euro's, zonder btw\n      rijtotaal: true\n" in tussen
    tabel.get_by_label("Totaal per regel tonen (rijtotaal)").uncheck()
    expect(budget.locator("output.rijtotaal")).to_be_hidden()
    _opslaan(pagina)
    assert _changed(tussen, raad.read_text(encoding="utf-8")) == ["-      rijtotaal: true", "+      rijtotaal: false"]


def test_de_laatste_kolom_blijft(pagina, raad):
    from playwright.sync_api import expect

    tabel = _tabel(pagina, "Bekostiging")
    for jaar in ("2020", "2021"):
        tabel.get_by_role("button", name=f"Kolom verwijderen: {jaar}").click()
    tabel.get_by_role("button", name="Kolom verwijderen: 2022").click()
    expect(pagina.locator("#melding")).to_have_text("Een tabel houdt ten minste één kolom.")
    expect(tabel.get_by_label("Kolom 1", exact=True)).to_have_value("2022")
    _opslaan(pagina)
    tekst = raad.read_text(encoding="utf-8")
    assert "      kolommen: [2022]\n" in tekst
    assert "        - {post: Algemene reserve, bedrag: [40000]}\n" in tekst
    assert "      totaal: [450000]\n" in tekst


def test_rijtotaal_en_kolommen_uit_de_code_van_nota_check(tmp_path):
    """The server's cells for the page: per row, the total and the total per row."""
    from generator.proposal.kinds import search_path
    from generator.web.workspace import Workspace

    shutil.copy(PROPOSALS / RAAD, tmp_path / RAAD)
    draft = Workspace(tmp_path, search_path()).open(RAAD)
    bekostiging = next(t for t in draft.totals().values() if t["rijtotalen"][0])
    assert bekostiging["rijtotalen"] == ["€ 810.000", "€ 460.000", "€ 420.000", "€ 1.690.000"]
    assert bekostiging["totaal"] == ["€ 630.000", "€ 610.000", "€ 450.000"]


def test_een_tabel_van_een_kolom_krijgt_een_tweede_en_de_bedragen_worden_lijsten(browser, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    shutil.copy(PROPOSALS / "collegenota-sociale-teams-2021.yaml", tmp_path / "nota.yaml")
    oud = (tmp_path / "nota.yaml").read_text(encoding="utf-8")
    server = Editor(tmp_path)
    context = browser.new_context()
    try:
        pagina = context.new_page()
        pagina.goto(server.url)
        pagina.get_by_role("link", name="Continuering sociale teams 2021").click()
        tabel = _tabel(pagina, "Begroting 2021")
        expect(tabel.get_by_label("Totaal per regel tonen (rijtotaal)")).to_have_count(0)  # one column
        tabel.get_by_role("button", name="Kolom toevoegen").click()
        kop = tabel.get_by_label("Kolom 2", exact=True)
        expect(kop).to_be_focused()
        expect(kop).to_have_value("")  # `Bedrag` has no next year
        kop.fill("2022")
        tabel.locator("tbody tr").first.get_by_label(re.compile(r"^2022, regel \d+$")).fill("1000")
        expect(tabel.get_by_label("Berekend totaal 2022")).to_have_text("€ 1.000", timeout=WACHT_MS)
        expect(tabel.get_by_label("Berekend totaal Bedrag")).to_have_text("€ 436.358")
        _opslaan(pagina)
    finally:
        context.close()
        server.stop()
    assert _changed(oud, (tmp_path / "nota.yaml").read_text(encoding="utf-8")) == [
        "-      kolommen: [Bedrag]",
        "+      kolommen: [Bedrag, 2022]",
        "-        - {post: Uitvoeringskosten – urenvergoedingen, bedrag: 371358, toelichting: "
        '"Exclusief, btw is declarabel"}',
        "-        - {post: Uitvoeringskosten – exploitatiekosten, bedrag: 40000, toelichting: "
        '"Inclusief, btw is niet declarabel"}',
        "+        - {post: Uitvoeringskosten – urenvergoedingen, bedrag: [371358, 1000], toelichting: "
        '"Exclusief, btw is declarabel"}',
        "+        - {post: Uitvoeringskosten – exploitatiekosten, bedrag: [40000, null], toelichting: "
        '"Inclusief, btw is niet declarabel"}',
        '-        - {post: Werkbudget, bedrag: "€ 25.000", toelichting: "Inclusief, btw is niet declarabel"}',
        "-      totaal: 436358",
        '+        - {post: Werkbudget, bedrag: ["€ 25.000", null], toelichting: "Inclusief, btw is niet declarabel"}',
        "+      totaal: [436358, null]",
    ]


def test_een_bedrag_dat_een_lijst_wordt_blijft_op_zijn_regel_en_houdt_zijn_aanhalingstekens():
    from generator.web.yamledit import apply_form

    tekst = (
        't:  # tabel\n  kolommen: [Bedrag]\n  regels:  # a\n    - {post: A, bedrag: "€ 25.000"}\n'
        "  totaal: 25000\n  # slot\n  leeg: ~\n"
    )
    nieuw = apply_form(
        tekst,
        {
            "t": {
                "kolommen": ["Bedrag", 2022],
                "regels": [{"post": "A", "bedrag": ["€ 25.000", ""]}],
                "totaal": [25000, 5],
                "leeg": ["", ""],
            }
        },
    )
    assert nieuw == (
        "t:  # tabel\n  kolommen: [Bedrag, 2022]\n  regels:  # a\n"
        '    - {post: A, bedrag: ["€ 25.000", null]}\n'
        "  totaal: [25000, 5]\n  # slot\n  leeg: ~\n"
    )
