"""Two people on one proposal in `nota serve` for a team: each session has its own draft.

End to end against a real OpenID Connect provider (oidc-provider-mock, as tests/test_team.py)
and `nota serve` as its own process; the drafts' bookkeeping (a session that ends takes its
drafts with it, the per-session cap, GETs that create nothing others see) in-process.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx
import pytest
from conftest import PROPOSALS
from test_team import OUD, TIMEOUT, VOORBEELD, Browser, TeamServer, commits, git, map_, provider  # noqa: F401

NIEUW_A = "gedekt uit de bestaande begroting van het sociaal domein (Anna)."
NIEUW_B = "gedekt uit de bestaande begroting van de afdeling (Sam)."
ONDERWERP = "onderwerp: Continuering sociale teams 2021\n"
ONDERWERP_B = "onderwerp: Continuering sociale teams 2021 en 2022\n"


def _open(browser: Browser, naam: str = "nota.yaml") -> tuple[str, dict]:
    """The user's own draft of `naam`: its address and its state."""
    adres = browser.open(naam)
    return adres, browser.post(f"{adres}/herladen", {}).json()


def _yaml(browser: Browser, adres: str, stand: dict, oud: str, nieuw: str) -> dict:
    """Change `oud` into `nieuw` on the YAML tab, sending the basis the page had."""
    assert oud in stand["yaml"], stand["yaml"][:300]
    r = browser.post(f"{adres}/yaml", {"tekst": stand["yaml"].replace(oud, nieuw), "basis": stand["basis"]})
    assert r.status_code == 200 and r.json()["gelukt"], r.text
    return r.json()


@pytest.mark.slow
def test_two_users_on_one_proposal_each_keep_their_own_draft_and_both_saves_land(map_):  # noqa: F811
    server = TeamServer(map_)
    try:
        start = commits(map_)
        anna, sam = Browser(server.url, "anna"), Browser(server.url, "sam")
        adres_a, stand_a = _open(anna)
        adres_s, stand_s = _open(sam)
        assert adres_a != adres_s  # a draft per session
        _yaml(anna, adres_a, stand_a, OUD, NIEUW_A)
        stand_s = _yaml(sam, adres_s, stand_s, ONDERWERP, ONDERWERP_B)
        # Anna's unsaved edit is nowhere in Sam's draft or preview, and her draft is not his to open
        assert NIEUW_A not in stand_s["yaml"] and OUD in stand_s["yaml"]
        assert NIEUW_A not in sam.client.get(f"{adres_s}/document").text
        assert "(Anna)" in anna.client.get(f"{adres_a}/document").text
        assert sam.client.get(adres_a).status_code == 404
        assert sam.post(f"{adres_a}/opslaan", {}).status_code == 404

        r = sam.post(f"{adres_s}/opslaan", {})
        assert r.json()["gelukt"] and not r.json()["samengevoegd"], r.text
        op_schijf = (map_ / "nota.yaml").read_text(encoding="utf-8")
        assert ONDERWERP_B in op_schijf and NIEUW_A not in op_schijf
        r = anna.post(f"{adres_a}/opslaan", {})
        assert r.json()["gelukt"] and r.json()["samengevoegd"], r.text
        op_schijf = (map_ / "nota.yaml").read_text(encoding="utf-8")
        assert ONDERWERP_B in op_schijf and NIEUW_A in op_schijf
        assert commits(map_) == start + 2
        log = git(map_, "log", "-2", "--format=%an|%s", "-p", "--", "nota.yaml")
        anna_commit, sam_commit = log.split("\nSam Secretaris|")
        assert anna_commit.startswith("Anna de Steller|nota.yaml: Beslispunt 2 gewijzigd\n")
        assert (
            f"+  - In te stemmen met een budget van € 436.358 voor de sociale teams in 2021, {NIEUW_A}" in anna_commit
        )
        assert "-onderwerp" not in anna_commit  # Anna's commit does not undo Sam's
        assert sam_commit.startswith("nota.yaml: Onderwerp gewijzigd\n") and f"+{ONDERWERP_B}" in sam_commit
        assert "Beslispunt" not in sam_commit.split("\n")[0]
    finally:
        server.stop()


@pytest.mark.slow
def test_the_same_field_gives_the_later_saver_both_texts_and_the_file_keeps_the_first(map_):  # noqa: F811
    server = TeamServer(map_)
    try:
        start = commits(map_)
        anna, sam = Browser(server.url, "anna"), Browser(server.url, "sam")
        adres_a, stand_a = _open(anna)
        adres_s, stand_s = _open(sam)
        _yaml(anna, adres_a, stand_a, OUD, NIEUW_A)
        _yaml(sam, adres_s, stand_s, OUD, NIEUW_B)
        assert sam.post(f"{adres_s}/opslaan", {}).json()["gelukt"]
        voor = (map_ / "nota.yaml").read_bytes()
        r = anna.post(f"{adres_a}/opslaan", {})
        assert r.status_code == 409
        antwoord = r.json()
        assert antwoord["gelukt"] is False
        assert antwoord["conflicten"] == [
            {
                "pad": ["beslispunten", 1],
                "mijn": f"In te stemmen met een budget van € 436.358 voor de sociale teams in 2021, {NIEUW_A}",
                "ander": f"In te stemmen met een budget van € 436.358 voor de sociale teams in 2021, {NIEUW_B}",
            }
        ]
        assert antwoord["fout"][0] == "Iemand anders heeft intussen hetzelfde veld gewijzigd; kies welke tekst blijft."
        assert (map_ / "nota.yaml").read_bytes() == voor and commits(map_) == start + 1
        assert git(map_, "log", "-1", "--format=%an").strip() == "Sam Secretaris"
        # Anna chooses her own text: one more commit, by her
        r = anna.post(f"{adres_a}/opslaan", {"voorkeur": "mijn"})
        assert r.json()["gelukt"], r.text
        assert NIEUW_A in (map_ / "nota.yaml").read_text(encoding="utf-8") and commits(map_) == start + 2
        assert git(map_, "log", "-1", "--format=%an").strip() == "Anna de Steller"
    finally:
        server.stop()


@pytest.mark.slow
def test_an_unchanged_draft_follows_the_others_save_and_an_old_yaml_page_merges(map_):  # noqa: F811
    server = TeamServer(map_)
    try:
        anna, sam = Browser(server.url, "anna"), Browser(server.url, "sam")
        adres_a, stand_a = _open(anna)  # Anna's page is open, nothing changed yet
        adres_s, stand_s = _open(sam)
        _yaml(sam, adres_s, stand_s, ONDERWERP, ONDERWERP_B)
        assert sam.post(f"{adres_s}/opslaan", {}).json()["gelukt"]
        end = time.monotonic() + TIMEOUT  # her draft follows the file (in the background)
        while "2021 en 2022" not in anna.client.get(f"{adres_a}/document").text:
            assert time.monotonic() < end, "Anna's draft did not follow Sam's save"
            time.sleep(0.05)
        # her page still shows the old text; what she applies there does not undo Sam's change
        stand = _yaml(anna, adres_a, stand_a, OUD, NIEUW_A)
        assert ONDERWERP_B in stand["yaml"] and NIEUW_A in stand["yaml"]
        assert anna.post(f"{adres_a}/opslaan", {}).json()["gelukt"]
        op_schijf = (map_ / "nota.yaml").read_text(encoding="utf-8")
        assert ONDERWERP_B in op_schijf and NIEUW_A in op_schijf
        # a page whose basis the draft no longer knows is told to reload, nothing is taken
        r = anna.post(f"{adres_a}/yaml", {"tekst": stand_a["yaml"], "basis": "0" * 16})
        assert r.status_code == 409
        assert r.json()["fout"] == [
            "het voorstel is intussen elders gewijzigd en deze tekst is niet meer samen te voegen; "
            "kopieer uw wijziging, laad het voorstel opnieuw en breng haar opnieuw aan"
        ]
        # logout ends the session: its draft's address no longer answers, also with a copied cookie
        cookie = anna.client.cookies["nota_sessie"]
        anna.client.get("/afmelden")
        copied = httpx.Client(base_url=server.url, cookies={"nota_sessie": cookie}, timeout=TIMEOUT)
        assert copied.get(f"{adres_a}/document").status_code == 303
        anna.login("anna")
        assert anna.open("nota.yaml") != adres_a  # a new session, a new draft
    finally:
        server.stop()


# -- in-process: the drafts' bookkeeping -------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i in range(3):
        shutil.copy(PROPOSALS / VOORBEELD, tmp_path / f"nota-{i}.yaml")
    return tmp_path


def _team(folder: Path, search_path):
    from generator.proposal.settings import Login
    from generator.web.app import make_app
    from generator.web.auth import Team
    from generator.web.gitstore import GitStore
    from generator.web.workspace import Workspace

    workspace = Workspace(folder, search_path)
    team = Team(Login("http://127.0.0.1:9", "nota"), None, GitStore(folder))
    make_app(workspace, "t" * 43, team)
    return workspace, team.sessions


def test_a_session_that_ends_takes_its_drafts_and_only_its_own(folder, search_path, monkeypatch):
    from generator.web import sessions

    from generator.web.sessions import key

    workspace, store = _team(folder, search_path)
    anna, sam = store.create({"gebruiker": {}}), store.create({"gebruiker": {}})
    eigen = workspace.open("nota-0.yaml", key(anna))  # as the middleware names the session
    eigen.update_yaml(eigen.tekst.replace(OUD, NIEUW_A))
    workspace.open("nota-1.yaml", key(anna))
    van_sam = workspace.open("nota-0.yaml", key(sam))
    assert workspace.draft(eigen.id, key(sam)) is None and workspace.draft(eigen.id, key(anna)) is eigen
    assert NIEUW_A not in van_sam.tekst
    store.delete(anna)  # logout
    assert [d.owner for d in workspace.drafts.values()] == [key(sam)]
    later = time.time() + sessions.SESSION_SECONDS + 1  # sam's session expires
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    assert store.load(sam) is None
    assert workspace.drafts == {}


def test_expired_sessions_are_pruned_without_being_asked_for(folder, search_path, monkeypatch):
    from generator.web import sessions

    from generator.web.sessions import key

    workspace, store = _team(folder, search_path)
    oud = store.create({"gebruiker": {}})
    workspace.open("nota-0.yaml", key(oud))
    later = time.time() + sessions.SESSION_SECONDS + 1
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    nieuw = store.create({"gebruiker": {}})  # someone else logs in: the expired one goes
    assert store.load(nieuw) is not None and workspace.drafts == {}


def test_gets_create_no_draft_others_see_and_push_out_no_unsaved_one(folder, search_path):
    from generator.web.workspace import LOCAL

    workspace, _ = _team(folder, search_path)
    eigen = workspace.open("nota-0.yaml", "anna")
    eigen.update_yaml(eigen.tekst.replace(OUD, NIEUW_A))
    for _ in range(60):  # opening again, by her or someone else, changes nothing of hers
        assert workspace.open("nota-0.yaml", "anna") is eigen
        assert workspace.open("nota-0.yaml", "sam") is not eigen
    assert len(workspace.drafts) == 2 and NIEUW_A in eigen.tekst
    assert workspace.open("nota-0.yaml") is workspace.open("nota-0.yaml", LOCAL)  # one local user


def test_a_session_keeps_at_most_max_drafts_and_never_drops_unsaved_work(folder, search_path, monkeypatch):
    from generator.errors import NotaFout
    from generator.web import workspace as ws_module

    monkeypatch.setattr(ws_module, "MAX_DRAFTS", 2)
    workspace, _ = _team(folder, search_path)
    eerste = workspace.open("nota-0.yaml", "anna")
    tweede = workspace.open("nota-1.yaml", "anna")
    tweede.update_yaml(tweede.tekst.replace(OUD, NIEUW_A))
    derde = workspace.open("nota-2.yaml", "anna")  # the unchanged one goes, the changed one stays
    assert set(workspace.drafts.values()) == {tweede, derde} and eerste not in workspace.drafts.values()
    derde.update_yaml(derde.tekst.replace(OUD, NIEUW_B))
    with pytest.raises(NotaFout) as e:
        workspace.open("nota-0.yaml", "anna")
    assert e.value.meldingen[0].message == (
        "u heeft al 2 voorstellen open met niet-opgeslagen wijzigingen; "
        "sla er een op of laad het opnieuw, en open dit voorstel daarna"
    )
    assert workspace.open("nota-0.yaml", "sam") is not None  # another session is not limited by hers


def test_the_server_keeps_at_most_max_all_drafts_pushing_out_only_unchanged_ones(folder, search_path, monkeypatch):
    from generator.errors import NotaFout
    from generator.web import workspace as ws_module

    monkeypatch.setattr(ws_module, "MAX_ALL_DRAFTS", 2)
    workspace, _ = _team(folder, search_path)
    van_anna = workspace.open("nota-0.yaml", "anna")
    van_sam = workspace.open("nota-1.yaml", "sam")
    van_sam.update_yaml(van_sam.tekst.replace(OUD, NIEUW_B))
    workspace.draft(van_anna.id, "anna")  # Anna used hers last, but it has nothing unsaved
    van_lex = workspace.open("nota-2.yaml", "lex")
    assert set(workspace.drafts.values()) == {van_sam, van_lex}
    van_lex.update_yaml(van_lex.tekst.replace(OUD, NIEUW_A))
    with pytest.raises(NotaFout) as e:
        workspace.open("nota-0.yaml", "anna")
    assert e.value.meldingen[0].message == (
        "er staan al 2 voorstellen met niet-opgeslagen wijzigingen open op deze server; "
        "probeer het over een paar minuten opnieuw of meld het aan de beheerder"
    )
    assert NIEUW_B in van_sam.tekst and NIEUW_A in van_lex.tekst


def test_saves_of_different_proposals_write_side_by_side_and_a_new_file_waits_for_them(tmp_path):
    """A save holds its own file's lock until its commit; another proposal's save meanwhile
    writes and commits; a write that names no file in advance waits until both are done."""
    import threading

    from generator.web.gitstore import Auteur, GitStore

    for naam in ("a.yaml", "b.yaml"):
        (tmp_path / naam).write_text("onderwerp: x\n", encoding="utf-8")
    store = GitStore(tmp_path)
    store.ensure()
    binnen, b_klaar = threading.Event(), threading.Event()

    def anna() -> None:
        with store.write(Auteur("Anna", "a@x"), "a.yaml: gewijzigd", [tmp_path / "a.yaml"]):
            (tmp_path / "a.yaml").write_text("onderwerp: Anna\n", encoding="utf-8")
            binnen.set()
            assert b_klaar.wait(TIMEOUT), "Sam's save of another proposal waited for Anna's"
            threading.Thread(target=nieuw).start()
            end = time.monotonic() + TIMEOUT
            while not store._gate._waiting:  # the new file waits for Anna's save
                assert time.monotonic() < end
                time.sleep(0.01)

    def sam() -> None:
        with store.write(Auteur("Sam", "s@x"), "b.yaml: gewijzigd", [tmp_path / "b.yaml"]):
            (tmp_path / "b.yaml").write_text("onderwerp: Sam\n", encoding="utf-8")
        b_klaar.set()

    def nieuw() -> None:
        with store.write(Auteur("Lex", "l@x"), "c.yaml: nieuw voorstel") as w:
            (tmp_path / "c.yaml").write_text("onderwerp: Lex\n", encoding="utf-8")
            w.paths.append(tmp_path / "c.yaml")

    first = threading.Thread(target=anna)
    first.start()
    assert binnen.wait(TIMEOUT)
    sam()
    first.join(TIMEOUT)
    end = time.monotonic() + TIMEOUT
    while "c.yaml" not in git(tmp_path, "log", "-1", "--format=%s"):
        assert time.monotonic() < end
        time.sleep(0.01)
    assert git(tmp_path, "log", "--format=%an|%s").splitlines()[:3] == [
        "Lex|c.yaml: nieuw voorstel",
        "Anna|a.yaml: gewijzigd",
        "Sam|b.yaml: gewijzigd",  # Sam's save came in after Anna's began, and was done first
    ]
    assert git(tmp_path, "status", "--porcelain") == ""


# -- sessions that survive a restart --------------------------------------------------------


def test_kept_sessions_are_0600_hold_no_cookie_and_leave_out_the_ended_ones(tmp_path, monkeypatch):
    import json

    from generator.web import sessions
    from generator.web.sessions import SessionStore, key

    path = tmp_path / ".git" / "nota" / "sessies.json"
    store = SessionStore(path=path)
    anna, sam = store.create({"gebruiker": {"naam": "Anna"}}), store.create({"gebruiker": {"naam": "Sam"}})
    store.create({"_state_nota_x": {}})  # a login in progress is not kept
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700
    tekst = path.read_text(encoding="utf-8")
    assert anna not in tekst and sam not in tekst  # the cookie's secret is kept nowhere
    assert sorted(json.loads(tekst)) == sorted([key(anna), key(sam)])
    store.delete(anna)  # logout
    again = SessionStore(path=path)  # a restart
    assert again.load(anna) is None and again.load(sam) == {"gebruiker": {"naam": "Sam"}}
    later = time.time() + sessions.SESSION_SECONDS + 1
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    assert SessionStore(path=path).load(sam) is None  # expired: not taken up again
    path.write_text("{kapot", encoding="utf-8")
    assert SessionStore(path=path).load(sam) is None  # unreadable: everybody logs in again


@pytest.mark.slow
def test_a_restart_keeps_the_login_but_not_a_logged_out_cookie(map_):  # noqa: F811
    server = TeamServer(map_)
    try:
        anna, sam = Browser(server.url, "anna"), Browser(server.url, "sam")
        cookie_a, cookie_s = anna.client.cookies["nota_sessie"], sam.client.cookies["nota_sessie"]
        assert sam.client.get("/afmelden", follow_redirects=True).text.startswith("U bent afgemeld")
    finally:
        server.stop()
    kept = map_ / ".git" / "nota" / "sessies.json"
    assert kept.stat().st_mode & 0o777 == 0o600
    assert "sessies.json" not in git(map_, "status", "--porcelain", "--ignored")
    server = TeamServer(map_)
    try:
        a = httpx.Client(base_url=server.url, cookies={"nota_sessie": cookie_a}, timeout=TIMEOUT)
        assert a.get("/").status_code == 200 and "Anna de Steller" in a.get("/").text
        s = httpx.Client(base_url=server.url, cookies={"nota_sessie": cookie_s}, timeout=TIMEOUT)
        assert s.get("/").headers["location"] == "/aanmelden?naar=%2F"
    finally:
        server.stop()


@pytest.mark.slow
def test_in_a_browser_a_page_without_unsaved_changes_follows_the_others_save(map_, tmp_path):  # noqa: F811
    """Anna's editor is open with nothing changed; Sam saves a new onderwerp: her page reloads
    by itself and shows it. With a change of her own typed, it does not reload: it says the
    file was saved elsewhere, and her Opslaan merges both."""
    from playwright.sync_api import expect, sync_playwright
    from test_preview import CHROMIUM, CHROMIUM_ARGS, WACHT_MS

    server = TeamServer(map_)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(server.url + "/voorstel?naam=nota.yaml")
            page.fill("input[name=sub]", "anna")
            page.click("button[type=submit]:has-text('Authorize')")
            onderwerp = page.get_by_label("Onderwerp", exact=True)
            expect(onderwerp).to_have_value("Continuering sociale teams 2021", timeout=WACHT_MS)
            sam = Browser(server.url, "sam")
            adres, stand = _open(sam)
            _yaml(sam, adres, stand, ONDERWERP, ONDERWERP_B)
            assert sam.post(f"{adres}/opslaan", {}).json()["gelukt"]
            expect(onderwerp).to_have_value("Continuering sociale teams 2021 en 2022", timeout=WACHT_MS)

            page.get_by_label("Afdeling", exact=True).fill("Afdeling van Anna")
            expect(page.locator("#stand")).to_contain_text("niet opgeslagen", timeout=WACHT_MS)
            stand = sam.post(f"{adres}/herladen", {}).json()
            _yaml(sam, adres, stand, "portefeuillehouder: Wethouder Zorg en Welzijn", "portefeuillehouder: Sam")
            assert sam.post(f"{adres}/opslaan", {}).json()["gelukt"]
            expect(page.locator("#opslagmelding")).to_contain_text(
                "Het bestand is intussen elders opgeslagen", timeout=WACHT_MS
            )
            expect(page.get_by_label("Afdeling", exact=True)).to_have_value("Afdeling van Anna")
            page.get_by_role("button", name="Opslaan").click()
            expect(page.locator("#opslagmelding")).to_contain_text("samengevoegd met de uwe", timeout=WACHT_MS)
            page.screenshot(path=str(tmp_path / "samengevoegd.png"), full_page=True)
            browser.close()
        tekst = (map_ / "nota.yaml").read_text(encoding="utf-8")
        assert "afdeling: Afdeling van Anna\n" in tekst and "portefeuillehouder: Sam\n" in tekst
        assert ONDERWERP_B in tekst
        auteurs = git(map_, "log", "-3", "--format=%an").splitlines()
        assert auteurs == ["Anna de Steller", "Sam Secretaris", "Sam Secretaris"]
    finally:
        server.stop()
