"""Issue 21, items 1 and 2 in a real browser (Debian's chromium through Playwright): an SVG
with a script in the proposal's folder runs nothing, the sandboxed document still shows its
image, and another site cannot frame the editor."""

from __future__ import annotations

import re

import pytest
from conftest import PROPOSALS
from test_preview import CHROMIUM, CHROMIUM_ARGS, WACHT_MS
from test_security_seal import PNG
from test_serve import Editor

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>'
    b'document.documentElement.setAttribute("data-liep", "ja");'
    b'fetch("/").then(r => r.text()).then(t => document.documentElement.setAttribute("data-token", '
    b't.match(/nota-token" content="([^"]+)/)[1]));</script></svg>'
)


@pytest.fixture
def map_(tmp_path):
    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    (tmp_path / "nota.yaml").write_text(
        tekst.replace("  aanleiding: |\n", "  aanleiding: |\n    ![Kaart](kaart.png)\n\n", 1), encoding="utf-8"
    )
    (tmp_path / "kaart.png").write_bytes(PNG)
    (tmp_path / "plan.svg").write_bytes(SVG)
    return tmp_path


@pytest.mark.slow
def test_1_2_svg_sandbox_en_geen_inlijsten_in_chromium(map_):
    from playwright.sync_api import expect, sync_playwright

    server = Editor(map_)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(server.url + "voorstel?naam=nota.yaml")
            bewerk = re.sub(r"^https?://[^/]+", "", page.url)
            image = page.frame_locator("#document").locator("img").first
            expect(image).to_be_visible(timeout=WACHT_MS)
            assert image.evaluate("img => img.naturalWidth") == 1  # the image loads in the sandbox
            page.goto(server.url.rstrip("/") + bewerk + "/map/plan.svg")
            page.wait_for_timeout(500)
            assert page.evaluate("document.documentElement.getAttribute('data-liep')") is None
            assert page.evaluate("document.documentElement.getAttribute('data-token')") is None
            # another site frames the editor: the browser shows nothing of it
            framed = browser.new_page()
            framed.route(
                "http://aanvaller.test/",
                lambda route: route.fulfill(
                    content_type="text/html", body=f'<iframe id="f" src="{server.url}"></iframe>'
                ),
            )
            framed.goto("http://aanvaller.test/")
            framed.wait_for_timeout(1000)
            frame = framed.frame(url=re.compile(r"^http://127\.0\.0\.1"))
            assert frame is None or frame.evaluate("document.querySelector('meta[name=nota-token]')") is None
            browser.close()
    finally:
        server.stop()
