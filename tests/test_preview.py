"""`nota preview` in a real headless browser: Debian's chromium driven by Playwright.

The server runs as its own process, as a user starts it; the proposal is a
copy in tmp_path that the tests edit the way an editor saves it.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


from conftest import CHROMIUM, require_chromium

pytestmark = pytest.mark.slow  # a running server in a headless browser
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WACHT_MS = 10_000  # generous for a loaded CI machine; the reload itself takes well under a second


class Server:
    """`nota preview FILE --port 0 --geen-browser` as a subprocess; knows its URL."""

    def __init__(self, bestand: Path):
        self.regels: list[str] = []
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "generator", "preview", bestand.name, "--port", "0", "--geen-browser"],
            cwd=bestand.parent,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._lees, daemon=True).start()
        self.url = self._wacht_op_adres()

    def _lees(self):
        for regel in self.proces.stderr:
            self.regels.append(regel)

    def _wacht_op_adres(self) -> str:
        end_ = time.monotonic() + 30
        while time.monotonic() < end_ and self.proces.poll() is None:
            for regel in self.regels:
                if found := re.search(r"http://127\.0\.0\.1:\d+/", regel):
                    return found.group(0)
            time.sleep(0.05)
        self.stop()
        pytest.fail("nota preview startte niet:\n" + "".join(self.regels))

    def stop(self):
        if self.proces.poll() is None:
            self.proces.send_signal(signal.SIGTERM)
            try:
                self.proces.wait(10)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait()


@pytest.fixture
def server(voorstel):
    s = Server(voorstel)
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
def pagina(browser, server):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(server.url)
    yield page
    context.close()


def sla_op(path: Path, oud: str, nieuw: str) -> None:
    """Save as editors do: write a new file beside it and rename it over the old one."""
    tekst = path.read_text(encoding="utf-8")
    assert oud in tekst
    temporary = path.with_name(".nota.yaml.tmp")
    temporary.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    temporary.replace(path)


def test_pagina_toont_het_document_met_zijn_lettertype(pagina):
    from playwright.sync_api import expect

    document = pagina.frame_locator("#document")
    expect(document.locator("h1.onderwerp")).to_have_text("Continuering sociale teams 2021")
    expect(document.locator("section.beslispunten")).to_contain_text("continuering van de huidige")
    frame = pagina.frame(url=re.compile(r"/document$"))
    assert frame.evaluate("document.fonts.ready.then(() => document.fonts.check('12px \"Open Sans\"'))")
    expect(pagina.locator("#stand")).to_contain_text("bijgewerkt om")


def test_een_bewerking_verschijnt_zonder_herladen_door_de_gebruiker(pagina, voorstel):
    from playwright.sync_api import expect

    kop = pagina.frame_locator("#document").locator("h1.onderwerp")
    expect(kop).to_have_text("Continuering sociale teams 2021")
    sla_op(voorstel, "onderwerp: Continuering sociale teams 2021", "onderwerp: Sociale teams 2022")
    expect(kop).to_have_text("Sociale teams 2022", timeout=WACHT_MS)


def test_een_fout_verschijnt_in_de_pagina_en_de_server_blijft_draaien(pagina, voorstel, server):
    from playwright.sync_api import expect

    document = pagina.frame_locator("#document")
    expect(document.locator("h1.onderwerp")).to_be_visible()
    sla_op(voorstel, "datum: 2021-01-26", "datum: 2021-02-30")
    error = document.locator("body.nota-fouten li.fout")
    expect(error).to_have_text("nota.yaml:8:8: fout: 2021-02-30 is geen bestaande datum", timeout=WACHT_MS)
    expect(pagina.locator("#pdf")).to_have_attribute("aria-disabled", "true")
    sla_op(voorstel, "datum: 2021-02-30", "datum: 2021-01-27")
    expect(document.locator("h1.onderwerp")).to_have_text("Continuering sociale teams 2021", timeout=WACHT_MS)
    assert server.proces.poll() is None


def test_knoppen_halen_de_huidige_pdf_en_docx_op(pagina, voorstel, tmp_path):
    from playwright.sync_api import expect

    sla_op(voorstel, "onderwerp: Continuering sociale teams 2021", "onderwerp: Versie voor download")
    expect(pagina.frame_locator("#document").locator("h1.onderwerp")).to_have_text(
        "Versie voor download", timeout=WACHT_MS
    )
    for knop, naam, begin in (
        ("#pdf", "2021.01234-versie-voor-download.pdf", b"%PDF-"),
        ("#docx", "2021.01234-versie-voor-download.docx", b"PK"),
    ):
        with pagina.expect_download(timeout=WACHT_MS) as waiting:
            pagina.click(knop)
        download = waiting.value
        assert download.suggested_filename == naam
        target = tmp_path / naam
        download.save_as(target)
        assert target.read_bytes().startswith(begin)
    from conftest import pdftotext

    assert "Versie voor download" in pdftotext(tmp_path / "2021.01234-versie-voor-download.pdf")


def _haal(url: str, host: str | None = None) -> tuple[int, bytes]:
    verzoek = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
            return antwoord.status, antwoord.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_alleen_sjabloonbestanden_en_afbeeldingen_worden_geserveerd(server, voorstel):
    (voorstel.parent / "kaart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    status, _ = _haal(server.url + "map/kaart.png")
    assert status == 200
    status, inhoud = _haal(server.url + "bestand/etc/passwd")
    assert status == 404 and "niet gevonden" in inhoud.decode()
    for refused in ("map/nota.yaml", "map/../../etc/passwd", "map/%2e%2e/nota.yaml"):
        assert _haal(server.url + refused)[0] == 404, refused
    document = _haal(server.url + "document")[1].decode()
    lettertype = re.search(r'url\("(/bestand/[^"]+\.ttf)"\)', document).group(1)
    status, inhoud = _haal(server.url + lettertype.lstrip("/"))
    assert status == 200 and len(inhoud) > 10_000


def test_andere_hostnaam_wordt_geweigerd(server):
    status, inhoud = _haal(server.url, host="aanvaller.example")
    assert status == 403 and "127.0.0.1" in inhoud.decode()


def test_bezette_poort_geeft_een_nederlandse_melding(voorstel):
    import socket

    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        port = bezet.getsockname()[1]
        r = subprocess.run(
            [sys.executable, "-m", "generator", "preview", voorstel.name, "--port", str(port), "--geen-browser"],
            cwd=voorstel.parent,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert r.returncode == 1
    assert f"fout: poort {port} is al in gebruik; kies een andere met --port" in r.stderr
