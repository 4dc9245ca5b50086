"""`nota serve` for a team, end to end: a real OpenID Connect provider on loopback
(oidc-provider-mock) with users in three groups, `nota serve` as its own process over
a folder with [login] in nota.toml, and every write read back from `git log`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import PROPOSALS
from oidc_provider_mock import User, run_server_in_thread
from test_preview import Server

pytestmark = pytest.mark.slow  # a running server (and a provider), one test in a headless browser

VOORBEELD = "collegenota-sociale-teams-2021.yaml"
START_SECONDS = 120
TIMEOUT = 120  # seconds for one request, on a loaded machine
USERS = [
    User(sub="anna", claims={"name": "Anna de Steller", "email": "anna@gemeente.nl", "groups": ["medewerkers"]}),
    User(sub="sam", claims={"name": "Sam Secretaris", "email": "sam@gemeente.nl", "groups": ["/griffie"]}),
    User(sub="lex", claims={"name": "Lex Lezer", "email": "lex@gemeente.nl", "groups": ["inwoners"]}),
]
OUD = "gedekt uit de bestaande begroting."
NIEUW = "gedekt uit de bestaande begroting van het sociaal domein."


@pytest.fixture(scope="module")
def provider():
    with run_server_in_thread(port=0, user_claims=USERS, require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


class TeamServer(Server):
    """`nota serve . --port 0 --geen-browser` in a folder with [login], as a subprocess."""

    def __init__(self, map_: Path, *opties: str):
        import os

        self.regels: list[str] = []
        env = {**os.environ, "NOTA_OIDC_SECRET": "geheim-voor-de-test"}
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", ".", "--port", "0", "--geen-browser", *opties],
            cwd=map_,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        threading.Thread(target=self._lees, daemon=True).start()
        self.url = self._wacht_op_adres().rstrip("/")

    def _wacht_op_adres(self) -> str:
        """As the preview's, but patient: on a loaded machine the start can take longer than 30 s."""
        import time

        end_ = time.monotonic() + START_SECONDS
        while time.monotonic() < end_ and self.proces.poll() is None:
            for regel in self.regels:
                if found := re.search(r"http://127\.0\.0\.1:\d+/", regel):
                    return found.group(0)
            time.sleep(0.05)
        self.stop()
        pytest.fail("nota serve startte niet:\n" + "".join(self.regels))


@pytest.fixture
def map_(tmp_path, provider) -> Path:
    shutil.copy(PROPOSALS / VOORBEELD, tmp_path / "nota.yaml")
    (tmp_path / "nota.toml").write_text(
        f'[login]\nissuer = "{provider}"\nclient_id = "nota"\nsecretariaat = ["griffie"]\nstellers = ["medewerkers"]\n',
        encoding="utf-8",
    )
    return tmp_path


@pytest.fixture
def server(map_):
    s = TeamServer(map_)
    yield s
    s.stop()


def git(map_: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=map_, capture_output=True, text=True, check=True).stdout


def commits(map_: Path) -> int:
    return int(git(map_, "rev-list", "--count", "HEAD"))


class Browser:
    """One user's browser: logs in through the provider's form, keeps the session cookie."""

    def __init__(self, url: str, sub: str | None = None):
        self.url, self.client = url, httpx.Client(base_url=url, timeout=TIMEOUT)
        self.token = ""
        if sub is not None:
            self.login(sub)

    def login(self, sub: str) -> None:
        form = self.client.get("/", follow_redirects=True)
        assert "/oauth2/authorize" in str(form.url), form.text
        assert "code_challenge_method=S256" in str(form.url) and "nonce=" in str(form.url)
        before = self.client.cookies["nota_sessie"]
        start = self.client.post(str(form.url), data={"sub": sub}, follow_redirects=True)
        assert str(start.url) == self.url + "/", start.text
        assert self.client.cookies["nota_sessie"] != before  # a new id once logged in
        self.token = re.search(r'name="nota-token" content="([^"]+)"', start.text).group(1)

    def post(self, path: str, data: dict) -> httpx.Response:
        return self.client.post(path, json=data, headers={"x-nota-token": self.token})

    def open(self, naam: str) -> str:
        r = self.client.get(f"/voorstel?naam={naam}")
        assert r.status_code == 303, r.text
        return r.headers["location"]

    def save(self, naam: str, tekst: str) -> httpx.Response:
        adres = self.open(naam)
        assert self.post(f"{adres}/yaml", {"tekst": tekst}).status_code == 200
        return self.post(f"{adres}/opslaan", {})


DECISION = {"naam": "nota.yaml", "orgaan": "college", "datum": "2026-12-01", "uitkomst": "conform"}


def test_the_whole_flow_login_save_decide_logout(server, map_):
    start = commits(map_)
    anna = Browser(server.url, "anna")
    tekst = (map_ / "nota.yaml").read_text(encoding="utf-8")
    r = anna.save("nota.yaml", tekst.replace(OUD, NIEUW))
    assert r.json()["gelukt"], r.text
    assert commits(map_) == start + 1
    assert git(map_, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%s") == (
        "Anna de Steller <anna@gemeente.nl>|nota <nota@nota.invalid>|nota.yaml: Beslispunt 2 gewijzigd\n"
    )
    assert "Anna de Steller" in git(map_, "blame", "--line-porcelain", "nota.yaml").split(NIEUW)[0][-600:]

    refused = anna.post("/secretariaat/besluit", DECISION)
    assert refused.status_code == 403
    assert refused.text == (
        "geweigerd: besluiten vastleggen (secretariaat) mag uw rol (steller) niet; "
        "vraag de beheerder om de juiste groep"
    )
    assert commits(map_) == start + 1 and "vastgelegd_door" not in (map_ / "nota.yaml").read_text(encoding="utf-8")
    assert anna.post("/secretariaat/publiceer", {}).status_code == 403  # publishing: the secretariat's

    sam = Browser(server.url, "sam")
    r = sam.post("/secretariaat/besluit", DECISION)
    assert r.status_code == 200 and r.json()["gelukt"], r.text
    assert commits(map_) == start + 2
    assert git(map_, "log", "-1", "--format=%an <%ae>|%s") == (
        "Sam Secretaris <sam@gemeente.nl>|nota.yaml: besluit van het college van 2026-12-01 vastgelegd (conform)\n"
    )
    assert "vastgelegd_door: Sam Secretaris\n" in (map_ / "nota.yaml").read_text(encoding="utf-8")
    geschiedenis = sam.client.get("/geschiedenis?naam=nota.yaml").text
    assert re.search(
        r"<td>Sam Secretaris <span[^>]*>&lt;sam@gemeente.nl&gt;</span></td>\s*<td><ul><li>besluit van "
        r"het college van 2026-12-01 vastgelegd \(conform\)</li></ul></td>",
        geschiedenis,
    ), geschiedenis

    lijst = sam.client.get("/secretariaat/besluitenlijst.docx?datum=2026-12-01&orgaan=college")
    assert lijst.status_code == 200, lijst.text
    kept = map_ / "besluitenlijsten" / "besluitenlijst-college-2026-12-01.docx"
    assert kept.read_bytes() == lijst.content and commits(map_) == start + 3
    assert git(map_, "log", "-1", "--format=%an|%s", "--name-only") == (
        "Sam Secretaris|Besluitenlijst van het college van 2026-12-01 (DOCX) gemaakt\n\n"
        "besluitenlijsten/besluitenlijst-college-2026-12-01.docx\n"
    )
    r = anna.post("/nieuw", {"naam": "subsidie-2027", "soort": "collegenota"})
    assert r.json()["gelukt"], r.text
    assert git(map_, "log", "-1", "--format=%an|%s", "--name-only") == (
        "Anna de Steller|subsidie-2027.yaml: nieuw voorstel\n\nsubsidie-2027.yaml\n"
    )
    start += 2

    cookie = sam.client.cookies["nota_sessie"]
    assert sam.client.get("/afmelden", follow_redirects=True).text.startswith("U bent afgemeld")
    copied = httpx.Client(base_url=server.url, cookies={"nota_sessie": cookie}, timeout=TIMEOUT)
    assert copied.get("/").status_code == 303
    assert copied.get("/").headers["location"] == "/aanmelden?naar=%2F"
    r = copied.post(
        "/nieuw", json={"naam": "na-afmelden.yaml", "soort": "collegenota"}, headers={"x-nota-token": anna.token}
    )
    assert r.status_code == 401
    assert not (map_ / "na-afmelden.yaml").exists() and commits(map_) == start + 2
    assert [r for r in server.regels if "Warning" in r or "Traceback" in r] == []  # nothing English


def test_session_cookie_is_httponly_samesite_and_expires(server):
    c = httpx.Client(base_url=server.url, timeout=TIMEOUT)
    r = c.get("/aanmelden")
    assert r.status_code == 302
    cookie = r.headers["set-cookie"]
    assert re.fullmatch(r"nota_sessie=[\w-]{43}; Path=/; Max-Age=28800; HttpOnly; SameSite=Lax", cookie)


def test_anonymous_requests_go_to_login_or_are_refused(server, map_):
    start = commits(map_)
    anna = Browser(server.url, "anna")
    anonymous = httpx.Client(base_url=server.url, timeout=TIMEOUT)
    assert anonymous.get("/secretariaat?datum=2026-12-01").headers["location"] == (
        "/aanmelden?naar=%2Fsecretariaat%3Fdatum%3D2026-12-01"
    )
    for path, data in [("/nieuw", {"naam": "x.yaml", "soort": "collegenota"}), ("/secretariaat/besluit", DECISION)]:
        r = anonymous.post(path, json=data, headers={"x-nota-token": anna.token})
        assert (r.status_code, r.text) == (
            401,
            ("niet aangemeld: meld u eerst aan (laad de pagina opnieuw); er is niets opgeslagen"),
        )
    assert not (map_ / "x.yaml").exists() and commits(map_) == start
    assert anonymous.get("/static/nota.css").status_code == 200
    forged = anonymous.get("/aanmelden/terug?code=verzonnen&state=verzonnen")
    assert forged.status_code == 403 and forged.text.startswith(
        "aanmelden mislukt: het antwoord van de aanmeldserver is niet geldig of niet te controleren"
    )
    assert anonymous.get("/").status_code == 303


def test_a_lezer_reads_and_downloads_but_writes_nothing(server, map_):
    start = commits(map_)
    lex = Browser(server.url, "lex")
    adres = lex.open("nota.yaml")
    assert lex.client.get(adres).status_code == 200
    pdf = lex.client.get(f"{adres}/document.docx")
    assert pdf.status_code == 200 and pdf.content.startswith(b"PK")
    r = lex.post(f"{adres}/opslaan", {})
    assert (r.status_code, r.text) == (403, "geweigerd: uw rol (lezer) mag alleen lezen en downloaden")
    assert lex.post("/nieuw", {"naam": "x.yaml", "soort": "collegenota"}).status_code == 403
    assert lex.client.get("/secretariaat/besluitenlijst.docx?datum=2026-12-01").status_code == 403
    assert lex.post("/secretariaat/publiceer", {}).status_code == 403
    assert commits(map_) == start and not (map_ / "x.yaml").exists()


def test_ten_concurrent_saves_give_ten_commits(server, map_):
    tekst = (map_ / "nota.yaml").read_text(encoding="utf-8")
    for i in range(10):
        (map_ / f"nota-{i}.yaml").write_text(tekst, encoding="utf-8")
    git(map_, "add", ".")
    git(map_, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "tien kopieën")
    start = commits(map_)
    anna = Browser(server.url, "anna")
    adressen = [anna.open(f"nota-{i}.yaml") for i in range(10)]
    for i, adres in enumerate(adressen):
        assert anna.post(f"{adres}/yaml", {"tekst": tekst.replace(OUD, f"{NIEUW} ({i})")}).status_code == 200
    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda a: anna.post(f"{a}/opslaan", {}), adressen))
    assert [a.json().get("gelukt") for a in answers] == [True] * 10, [a.text for a in answers]
    assert commits(map_) == start + 10
    subjects = git(map_, "log", "-10", "--format=%an|%s").splitlines()
    assert sorted(subjects) == sorted(f"Anna de Steller|nota-{i}.yaml: Beslispunt 2 gewijzigd" for i in range(10))
    assert git(map_, "status", "--porcelain", "--untracked-files=no") == ""


def test_history_names_who_and_what_and_restores_as_a_new_commit(server, map_):
    anna = Browser(server.url, "anna")
    origineel = (map_ / "nota.yaml").read_bytes()
    anna.save("nota.yaml", origineel.decode("utf-8").replace(OUD, NIEUW))
    page = anna.client.get("/geschiedenis?naam=nota.yaml")
    assert page.status_code == 200
    assert re.search(
        r"<td>Anna de Steller <span class=\"email\">&lt;anna@gemeente.nl&gt;</span></td>\s*"
        r"<td><ul><li>Beslispunt 2 gewijzigd</li></ul></td>",
        page.text,
    ), page.text
    assert "<li>nieuw voorstel</li>" in page.text
    eerste = git(map_, "rev-list", "--max-parents=0", "HEAD").strip()
    assert f'data-commit="{eerste}"' in page.text
    start = commits(map_)
    r = anna.post("/geschiedenis/terugzetten", {"naam": "nota.yaml", "commit": eerste})
    assert r.json() == {"gelukt": True}, r.text
    assert (map_ / "nota.yaml").read_bytes() == origineel
    assert commits(map_) == start + 1
    assert git(map_, "log", "-1", "--format=%an|%s") == (
        f"Anna de Steller|nota.yaml: versie van {eerste[:10]} teruggezet\n"
    )
    lex = Browser(server.url, "lex")
    assert "Deze versie terugzetten" not in lex.client.get("/geschiedenis?naam=nota.yaml").text


def test_serve_makes_the_folder_a_repository_committed_by_nota(server, map_):
    assert git(map_, "log", "--format=%an <%ae>|%cn|%s") == (
        "nota <nota@nota.invalid>|nota|Map in beheer genomen door nota serve\n"
    )
    assert sorted(git(map_, "ls-files").split()) == [".gitignore", "nota.toml", "nota.yaml"]


def test_an_id_token_with_a_forged_payload_or_another_nonce_is_refused(provider):
    """The client nota logs in with verifies the provider's signature and the nonce."""
    import asyncio
    import base64
    import json
    from urllib.parse import parse_qs, urlparse

    from joserfc.errors import BadSignatureError, InvalidClaimError

    from generator.proposal.settings import Login
    from generator.web.auth import oidc_client

    terug = "http://127.0.0.1:9/aanmelden/terug"
    c = httpx.Client(base_url=provider, timeout=TIMEOUT)
    r = c.post(
        "/oauth2/authorize",
        data={"sub": "anna"},
        params={
            "response_type": "code",
            "client_id": "nota",
            "redirect_uri": terug,
            "scope": "openid profile email",
            "nonce": "nonce-1",
            "state": "s",
        },
    )
    code = parse_qs(urlparse(r.headers["location"]).query)["code"][0]
    token = c.post(
        "/oauth2/token",
        auth=("nota", "geheim"),
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": terug},
    ).json()

    def parse(t: dict, nonce: str = "nonce-1"):
        return asyncio.run(oidc_client(Login(provider, "nota"), "geheim").parse_id_token(t, nonce=nonce))

    assert parse(token)["groups"] == ["medewerkers"]
    header, payload, signature = token["id_token"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["groups"] = ["griffie"]
    vals = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(BadSignatureError):
        parse({**token, "id_token": f"{header}.{vals}.{signature}"})
    with pytest.raises(InvalidClaimError):
        parse(token, nonce="een-andere-nonce")


def redirect_uri(r: httpx.Response) -> str:
    from urllib.parse import parse_qs, urlparse

    return parse_qs(urlparse(r.headers["location"]).query)["redirect_uri"][0]


def test_behind_a_reverse_proxy_the_cookie_is_secure_and_the_server_name_accepted(map_):
    s = TeamServer(map_, "--proxy-headers", "--forwarded-allow-ips", "127.0.0.1", "--servernaam", "nota.gemeente.nl")
    try:
        c = httpx.Client(base_url=s.url, timeout=TIMEOUT)
        r = c.get("/aanmelden", headers={"x-forwarded-proto": "https", "host": "nota.gemeente.nl"})
        assert r.status_code == 302, r.text
        assert r.headers["set-cookie"].endswith("; HttpOnly; SameSite=Lax; Secure")
        assert redirect_uri(r) == "https://nota.gemeente.nl/aanmelden/terug"
        refused = c.get("/aanmelden", headers={"host": "aanvaller.example"})
        assert (refused.status_code, refused.text) == (403, "alleen te bekijken via 127.0.0.1 of nota.gemeente.nl")
    finally:
        s.stop()


def test_without_proxy_headers_a_forwarded_proto_is_not_believed(server):
    r = httpx.get(f"{server.url}/aanmelden", headers={"x-forwarded-proto": "https"}, timeout=TIMEOUT)
    assert "Secure" not in r.headers["set-cookie"]
    assert redirect_uri(r) == f"{server.url}/aanmelden/terug"


def test_in_a_browser_log_in_save_and_restore_from_the_history_page(server, map_, tmp_path):
    """Chromium logs in at the provider's form, saves in the editor, and restores the first
    version with the history page's button (its script is web/static/geschiedenis.js)."""
    from playwright.sync_api import expect, sync_playwright
    from test_preview import CHROMIUM, CHROMIUM_ARGS, WACHT_MS

    origineel = (map_ / "nota.yaml").read_bytes()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(server.url + "/")
        page.fill("input[name=sub]", "anna")
        page.click("button[type=submit]:has-text('Authorize')")
        expect(page.locator("header")).to_contain_text("Anna de Steller (steller)", timeout=WACHT_MS)
        anna = Browser(server.url, "anna")
        anna.save("nota.yaml", origineel.decode("utf-8").replace(OUD, NIEUW))
        page.goto(server.url + "/geschiedenis?naam=nota.yaml")
        expect(page.locator("tbody tr")).to_have_count(2)
        expect(page.locator("tbody tr").first).to_contain_text("Beslispunt 2 gewijzigd")
        page.screenshot(path=str(tmp_path / "geschiedenis.png"), full_page=True)
        page.click("button.terugzetten")
        expect(page.locator("tbody tr")).to_have_count(3, timeout=WACHT_MS)
        expect(page.locator("tbody tr").first).to_contain_text("Beslispunt 2 gewijzigd")
        browser.close()
    assert (map_ / "nota.yaml").read_bytes() == origineel
    assert git(map_, "log", "-1", "--format=%an").strip() == "Anna de Steller"


def test_an_unreachable_provider_is_named_not_a_traceback(tmp_path):
    shutil.copy(PROPOSALS / VOORBEELD, tmp_path / "nota.yaml")
    (tmp_path / "nota.toml").write_text(
        '[login]\nissuer = "http://127.0.0.1:9"\nclient_id = "nota"\n', encoding="utf-8"
    )
    s = TeamServer(tmp_path)
    try:
        r = httpx.get(f"{s.url}/aanmelden", timeout=TIMEOUT)
        assert r.status_code == 503
        assert r.text == (
            "de aanmeldserver http://127.0.0.1:9 is niet bereikbaar of gaf geen geldig "
            "discovery-document (ConnectError); probeer het zo opnieuw of meld het aan de beheerder"
        )
    finally:
        s.stop()
