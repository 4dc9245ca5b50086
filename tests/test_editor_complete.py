"""Issue 22's acceptance: the editor used alone, in headless Chromium, as a beleidsmedewerker
who never saw YAML and a secretariat recording a meeting would use it.

The server runs as `nota serve` over tmp_path (tests/test_serve.py's Editor); Debian's
chromium is driven by Playwright as in tests/test_preview.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROPOSALS, pdftotext
from test_preview import CHROMIUM, CHROMIUM_ARGS, WACHT_MS
from test_serve import Editor

pytestmark = pytest.mark.slow

# Plain text as Word puts it on the clipboard: bullets with a tab, a numbered list, and a
# line break made with Shift+Enter (U+000B), a non-breaking space and a soft hyphen.
WORD = (
    "De gemeente ondersteunt sportverenigingen al jaren.\vDat blijft zo.\r\n"
    "•\tcontributie voor minima\r\n"
    "•\ttoegankelijke accommodaties\r\n"
    "1.\tEerste aanvraag in maart\r\n"
    "2.\tTweede aanvraag in septem\u00adber\r\n"
    "Het bud\u00adget is\u00a0€ 50.000."
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def server(tmp_path):
    s = Editor(tmp_path)
    yield s
    s.stop()


def _paste(locator, tekst: str) -> None:
    """A paste event with `tekst` as text/plain, as the browser fires it for Ctrl+V."""
    locator.focus()
    locator.evaluate(
        """(el, tekst) => {
        const data = new DataTransfer();
        data.setData("text/plain", tekst);
        el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
    }""",
        tekst,
    )


def _fill_table(page, tabel) -> None:
    from playwright.sync_api import expect

    tabel.get_by_label("Titel van de tabel in Financiën").fill("Kosten sportfonds")
    rows = tabel.locator("tbody tr")
    rows.nth(0).get_by_label(re.compile("^Post")).fill("Contributies")
    for kolom, bedrag in zip(range(4), ("20000", "21000", "22000", "23000")):
        rows.nth(0).locator(f"td[data-kolom='{kolom}'] input").fill(bedrag)
    tabel.get_by_role("button", name="Regel toevoegen").click()
    rows.nth(1).get_by_label(re.compile("^Post")).fill("Accommodaties")
    for kolom, bedrag in zip(range(4), ("30000", "30000", "30000", "30000")):
        rows.nth(1).locator(f"td[data-kolom='{kolom}'] input").fill(bedrag)
    tabel.get_by_role("button", name="Subtotaal toevoegen").click()
    expect(rows.nth(2).locator("output").first).to_have_text("€ 50.000", timeout=WACHT_MS)


def test_een_nieuwe_collegenota_van_niets_tot_concept(browser, server, tmp_path):
    from docx import Document
    from playwright.sync_api import expect

    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(server.url)
    expect(page.locator("main")).not_to_contain_text(str(tmp_path))  # no server paths
    page.get_by_label("Onderwerp").fill("Subsidie sportverenigingen 2027")
    page.get_by_label("Soort voorstel").select_option("collegenota")
    page.get_by_role("button", name="Nieuw voorstel maken").click()
    page.wait_for_url(re.compile("/bewerk/"), timeout=WACHT_MS)
    expect(page.get_by_label("Onderwerp", exact=True)).to_have_value(
        "Subsidie sportverenigingen 2027", timeout=WACHT_MS
    )
    path = tmp_path / "subsidie-sportverenigingen-2027.yaml"
    assert path.is_file()
    # empty fields with hints, no placeholder text to delete
    for label in ("Gemeente", "Kenmerk", "Portefeuillehouder", "Samenvatting"):
        expect(page.get_by_label(label, exact=True)).to_have_value("")
    expect(page.locator("main")).not_to_contain_text("invullen")
    # the header
    page.get_by_label("Gemeente", exact=True).fill("Maastricht")
    page.get_by_label("Kenmerk", exact=True).fill("2027.00042")
    page.get_by_label("Datum", exact=True).fill("2027-01-15")
    page.get_by_label("Portefeuillehouder", exact=True).fill("Wethouder Sport")
    page.get_by_label("Samenvatting", exact=True).fill("Het college stelt een sportfonds in voor 2027 tot en met 2030.")
    # three beslispunten, each with its own label
    punten = page.locator("fieldset.lijst", has=page.get_by_role("button", name="Toevoegen aan Beslispunten"))
    for i, tekst in enumerate(
        ("Het sportfonds in te stellen.", "Het budget beschikbaar te stellen.", "De raad te informeren."), start=1
    ):
        punten.get_by_role("button", name="Toevoegen aan Beslispunten").click()
        page.get_by_label(f"Beslispunt {i}", exact=True).fill(tekst)
    # section 1: Aanleiding, with a fragment pasted from Word
    aanleiding = page.get_by_label("Tekst van Aanleiding 1", exact=True)
    _paste(aanleiding, WORD)
    expect(aanleiding).to_have_value(
        re.compile(
            r"- contributie voor minima\n- toegankelijke accommodaties\n\n"
            r"1\. Eerste aanvraag in maart\n2\. Tweede aanvraag in september"
        ),
        timeout=WACHT_MS,
    )
    # section 2: Financiën, with a multi-year table and a subtotal
    financien = page.locator("fieldset.sectie", has=page.locator("legend", has_text="Financiën"))
    financien.get_by_label("Financiën: niet van toepassing").uncheck()
    financien.get_by_label("Tekst van Financiën 1", exact=True).fill("De kosten staan in de tabel.")
    financien.get_by_role("button", name="Meerjarentabel toevoegen in Financiën").click()
    _fill_table(page, financien.locator("fieldset.tabel"))
    page.keyboard.press("Control+s")
    expect(page.locator("#opslagmelding")).to_have_text("Opgeslagen.", timeout=WACHT_MS)
    document = page.frame_locator("#document")
    expect(document.locator("h1.onderwerp")).to_have_text("Subsidie sportverenigingen 2027", timeout=WACHT_MS)
    expect(document.locator("body")).to_contain_text("Kosten sportfonds")
    expect(page.locator("#samenvatting")).to_be_hidden()
    tekst = path.read_text(encoding="utf-8")
    assert "\v" not in tekst and "\u00ad" not in tekst and "\u00a0" not in tekst
    r = subprocess.run(
        [sys.executable, "-m", "generator", "check", path.name], cwd=tmp_path, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 in orde, 0 met fouten" in r.stderr
    downloads = {}
    for format_ in ("pdf", "docx"):
        with page.expect_download(timeout=WACHT_MS * 6) as waiting:
            page.locator(f"#{format_}").click()
        downloads[format_] = tmp_path / f"concept.{format_}"
        waiting.value.save_as(downloads[format_])
    pdf = " ".join(pdftotext(downloads["pdf"]).split())
    for stuk in (
        "Subsidie sportverenigingen 2027",
        "contributie voor minima",
        "Tweede aanvraag in september",
        "Kosten sportfonds",
        "Het sportfonds in te stellen.",
        "De raad te informeren.",
        "CONCEPT",
    ):
        assert stuk in pdf, stuk
    doc = Document(downloads["docx"])
    paragraphs = [p.text for p in doc.paragraphs]
    assert "contributie voor minima" in paragraphs and "toegankelijke accommodaties" in paragraphs
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Contributies" in cells and "Subtotaal" in cells
    context.close()


def _open(page, url: str, onderwerp: str) -> None:
    from playwright.sync_api import expect

    page.goto(url)
    page.get_by_role("link", name=onderwerp).click()
    expect(page.get_by_label("Onderwerp", exact=True)).to_have_value(onderwerp, timeout=WACHT_MS)


def test_twee_tabbladen_verliezen_geen_van_beide_wijzigingen(browser, server, tmp_path):
    from playwright.sync_api import expect

    path = tmp_path / "nota.yaml"
    shutil.copy(PROPOSALS / "collegenota-sociale-teams-2021.yaml", path)
    onderwerp = "Continuering sociale teams 2021"
    context = browser.new_context()
    a, b = context.new_page(), context.new_page()
    dialogs: list[str] = []
    for page in (a, b):
        page.on("dialog", lambda d: (dialogs.append(d.type), d.accept()))
        _open(page, server.url, onderwerp)
    # different fields: both kept, whichever tab saves
    a.get_by_label("Afdeling", exact=True).fill("Afdeling A")
    expect(a.locator("#stand")).to_contain_text("niet opgeslagen", timeout=WACHT_MS)
    b.get_by_label("Portefeuillehouder", exact=True).fill("Wethouder B")
    expect(b.locator("#stand")).to_contain_text("niet opgeslagen", timeout=WACHT_MS)
    b.keyboard.press("Control+s")
    expect(b.locator("#opslagmelding")).to_have_text("Opgeslagen.", timeout=WACHT_MS)
    tekst = path.read_text(encoding="utf-8")
    assert "afdeling: Afdeling A\n" in tekst and "portefeuillehouder: Wethouder B\n" in tekst, tekst[:600]
    # the same field: a conflict with both texts; nothing taken until the user chooses
    a.get_by_label("Onderwerp", exact=True).fill("Onderwerp van A")
    expect(a.locator("#stand")).to_contain_text("niet opgeslagen", timeout=WACHT_MS)
    b.get_by_label("Onderwerp", exact=True).fill("Onderwerp van B")
    conflict = b.locator("#opslagmelding .conflict")
    expect(conflict).to_contain_text("Onderwerp", timeout=WACHT_MS)
    expect(conflict.locator("blockquote.mijn")).to_have_text("Onderwerp van B")
    expect(conflict.locator("blockquote.ander")).to_have_text("Onderwerp van A")
    b.get_by_role("button", name="Mijn tekst bewaren").click()
    expect(b.locator("#opslagmelding")).to_contain_text("Uw tekst staat er weer", timeout=WACHT_MS)
    b.get_by_role("button", name="Opslaan").click()
    expect(b.locator("#opslagmelding")).to_have_text("Opgeslagen.", timeout=WACHT_MS)
    tekst = path.read_text(encoding="utf-8")
    assert "onderwerp: Onderwerp van B\n" in tekst and "portefeuillehouder: Wethouder B\n" in tekst
    # a change made elsewhere (another editor, git) is kept: the draft, with nothing unsaved, follows
    # the file, or (when A's change came first) the two are merged at Opslaan; which one depends on
    # timing, what lands on disk does not
    path.write_text(tekst.replace('kenmerk: "2021.01234"', 'kenmerk: "2021.05555"'), encoding="utf-8")
    a.get_by_label("Afdeling", exact=True).fill("Afdeling A2")
    a.get_by_role("button", name="Opslaan").click()
    expect(a.locator("#opslagmelding")).to_contain_text("Opgeslagen", timeout=WACHT_MS)
    tekst = path.read_text(encoding="utf-8")
    assert 'kenmerk: "2021.05555"\n' in tekst and "afdeling: Afdeling A2\n" in tekst
    # unsaved work survives: a warning before leaving, and the browser's copy after a restart
    a.get_by_label("Afdeling", exact=True).fill("Nog niet opgeslagen")
    expect(a.locator("#stand")).to_contain_text("niet opgeslagen", timeout=WACHT_MS)
    a.goto(server.url)
    assert dialogs == ["beforeunload"]
    assert "Nog niet opgeslagen" not in path.read_text(encoding="utf-8")
    context.close()


def _meeting_folder(folder: Path) -> list[str]:
    """Three proposals ready for the college, one with an error; nota.toml names the secretary."""
    voorbeeld = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    onderwerpen = ["Sociale teams 2021", "Wijkbudgetten 2021", "Sportaccommodaties 2021"]
    for i, onderwerp in enumerate(onderwerpen, start=1):
        tekst = voorbeeld.replace("onderwerp: Continuering sociale teams 2021", f"onderwerp: {onderwerp}")
        (folder / f"nota-{i}.yaml").write_text(tekst.replace('"2021.01234"', f'"2021.0{i}000"'), encoding="utf-8")
    fout = voorbeeld.replace("onderwerp: Continuering sociale teams 2021", "onderwerp: Nog niet klaar")
    (folder / "nota-4.yaml").write_text(
        fout.replace("portefeuillehouder: Wethouder Zorg en Welzijn\n", ""), encoding="utf-8"
    )
    (folder / "nota.toml").write_text('[secretariaat]\nnaam = "J. de Vries"\n', encoding="utf-8")
    return onderwerpen


def _record(page, onderwerp: str, uitkomst: str, nummer: str) -> None:
    from playwright.sync_api import expect

    punt = page.locator("form.besluit", has_text=onderwerp)
    punt.get_by_label(f"Uitkomst voor {onderwerp}").select_option(uitkomst)
    expect(punt.get_by_label(f"Besluitnummer voor {onderwerp}")).to_have_value(nummer)
    punt.get_by_role("button", name=f"Besluit over {onderwerp} vastleggen").click()
    expect(page.locator("#besloten")).to_contain_text(f"{onderwerp}: {uitkomst}, {nummer}", timeout=WACHT_MS)


def test_een_vergadering_met_aangehouden_en_conform_en_de_besluitenlijst(browser, server, tmp_path):
    from playwright.sync_api import expect

    sociale, wijk, sport = _meeting_folder(tmp_path)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(server.url + "secretariaat?datum=2021-02-09&orgaan=college")
    # the proposal that cannot be decided yet is named at the top, with its number of errors
    expect(page.locator("#meldingen")).to_contain_text("Nog niet klaar: 1 fout")
    expect(page.get_by_role("button", name="Besluit over Nog niet klaar vastleggen")).to_have_count(0)
    # every control has its own name (no seven "Uitkomst")
    labels = page.evaluate(
        "[...document.querySelectorAll('form.besluit select, form.besluit input')]"
        ".map((el) => el.labels[0].textContent)"
    )
    assert len(labels) == len(set(labels)) == 9
    _record(page, sociale, "aangehouden", "B&W 2021/001")
    _record(page, wijk, "conform", "B&W 2021/002")
    _record(page, sport, "conform", "B&W 2021/003")
    tekst = (tmp_path / "nota-1.yaml").read_text(encoding="utf-8")
    assert "    uitkomst: aangehouden\n    besluitnummer: B&W 2021/001\n    vastgelegd_door: J. de Vries\n" in tekst
    with page.expect_download(timeout=WACHT_MS * 3) as waiting:
        page.click("#besluitenlijst-pdf")
    target = tmp_path / "lijst.pdf"
    waiting.value.save_as(target)
    assert waiting.value.suggested_filename == "besluitenlijst-college-2021-02-09.pdf"
    lijst = " ".join(pdftotext(target).split())
    for stuk in (
        sociale,
        "Kenmerk: 2021.01000",
        "Aangehouden. Besluitnummer: B&W 2021/001",
        wijk,
        "Kenmerk: 2021.02000",
        "Conform. Besluitnummer: B&W 2021/002",
        sport,
        "Kenmerk: 2021.03000",
        "Conform. Besluitnummer: B&W 2021/003",
    ):
        assert stuk in lijst, stuk
    # aangehouden: a concept again, editable, and on the agenda of the next meeting with its history
    page.goto(server.url + "secretariaat?datum=2021-02-16&orgaan=college")
    volgende = page.locator("form.besluit", has_text=sociale)
    expect(volgende).to_contain_text("Eerder: aangehouden op 9 februari 2021")
    expect(page.locator("form.besluit", has_text=wijk)).to_have_count(0)
    expect(volgende.get_by_label(f"Besluitnummer voor {sociale}")).to_have_value("B&W 2021/004")
    page.goto(server.url)
    expect(page.locator("tr", has_text=sociale).locator(".status")).to_contain_text("concept", timeout=WACHT_MS)
    page.get_by_role("link", name=sociale).click()
    expect(page.get_by_label("Onderwerp", exact=True)).to_be_editable(timeout=WACHT_MS)
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(1)
    context.close()
