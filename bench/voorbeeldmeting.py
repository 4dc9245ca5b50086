"""The preview's reload time, measured in headless chromium: save -> new text on the page.

Needs Playwright (the test extras) and Debian's chromium; without them the
figure is skipped (ImportError / None).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _start(nota: list[str], voorstel: Path) -> tuple[subprocess.Popen, str]:
    proces = subprocess.Popen(
        nota + ["preview", str(voorstel), "--port", "0", "--geen-browser"], stderr=subprocess.PIPE, text=True
    )
    for regel in proces.stderr:
        if found := re.search(r"http://127\.0\.0\.1:\d+/", regel):
            return proces, found.group(0)
    raise RuntimeError("nota preview startte niet")


def meet_herladen(nota: list[str], preview: Path, map_: Path, keren: int) -> float | None:
    if not CHROMIUM.exists():
        return None
    map_.mkdir(parents=True, exist_ok=True)
    voorstel = map_ / "nota.yaml"
    shutil.copy(preview, voorstel)
    proces, url = _start(nota, voorstel)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            pagina = browser.new_page()
            pagina.goto(url)
            kop = pagina.frame_locator("#document").locator("h1.onderwerp")
            kop.wait_for()
            tijden = [_een_keer(voorstel, kop, i) for i in range(keren)]
            browser.close()
    finally:
        proces.terminate()
        proces.wait(10)
    return statistics.median(tijden)


def _een_keer(voorstel: Path, kop, i: int) -> float:
    tekst = voorstel.read_text(encoding="utf-8")
    nieuw = f"Meting {i} van het herladen"
    tekst = re.sub(r"^onderwerp: .*$", f"onderwerp: {nieuw}", tekst, count=1, flags=re.M)
    begin = time.perf_counter()
    voorstel.write_text(tekst, encoding="utf-8")
    deadline = begin + 10
    while kop.text_content() != nieuw:
        if time.perf_counter() > deadline:
            raise RuntimeError("het voorbeeld werd niet binnen 10 s bijgewerkt")
        time.sleep(0.01)
    return time.perf_counter() - begin
