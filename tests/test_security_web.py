"""Issue 21, the editor under attack (items 1, 2, 6-11, 13, 14): `nota serve` and `nota preview`
as an attacker with write access to the folder, or with a page open in another tab, finds them.

In-process through Starlette's TestClient (the middleware stack is the one uvicorn serves);
the request-body cap also against a real uvicorn, with a chunked body."""

from __future__ import annotations

import asyncio
import os
import re
import shutil

import pytest
from conftest import PROPOSALS
from starlette.testclient import TestClient

TOKEN = "t" * 43
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/")</script></svg>'


@pytest.fixture
def folder(tmp_path):
    shutil.copy(PROPOSALS / "collegenota-sociale-teams-2021.yaml", tmp_path / "nota.yaml")
    return tmp_path


def _client(folder, search_path) -> TestClient:
    from generator.web.app import make_app
    from generator.web.workspace import Workspace

    return TestClient(
        make_app(Workspace(folder, search_path), TOKEN), base_url="http://127.0.0.1:8000", raise_server_exceptions=False
    )


def _open(client, naam="nota.yaml") -> str:
    r = client.get(f"/voorstel?naam={naam}", follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]


def _post(client, url, data):
    return client.post(url, json=data, headers={"x-nota-token": TOKEN})


def test_1_svg_uit_de_map_draait_geen_script_en_het_document_is_gesandboxt(folder, search_path):
    (folder / "plan.svg").write_bytes(SVG)
    client = _client(folder, search_path)
    bewerk = _open(client)
    r = client.get(f"{bewerk}/map/plan.svg")
    assert r.status_code == 200 and r.content == SVG
    assert r.headers["content-security-policy"] == "sandbox; default-src 'none'"
    assert r.headers["x-content-type-options"] == "nosniff"
    document = client.get(f"{bewerk}/document")
    csp = document.headers["content-security-policy"]
    assert csp.startswith("sandbox; default-src 'none';") and "script-src" not in csp
    editor = client.get(bewerk).text
    frame = re.search(r'<iframe id="document"[^>]*>', editor).group()
    assert 'sandbox="allow-downloads"' in frame and "allow-same-origin" not in frame
    assert "onsubmit=" not in editor and not re.search(r"<script(?![^>]*\bsrc=)", editor)


def test_1_andere_bestanden_uit_de_map_alleen_als_download(folder, search_path):
    from generator.web.security import folder_file_headers

    assert folder_file_headers("kaart.png")[0] == "image/png"
    soort, headers = folder_file_headers("plan.html")
    assert soort == "application/octet-stream"
    assert headers["Content-Disposition"] == "attachment; filename*=UTF-8''plan.html"


def test_2_geen_inlijsten_en_een_csp_zonder_unsafe_inline_script(folder, search_path):
    client = _client(folder, search_path)
    for url in ("/", _open(client), "/secretariaat", "/static/nota.js", "/bestaat-niet"):
        r = client.get(url)
        assert r.headers["x-frame-options"] == "DENY", url
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and re.search(r"script-src 'self' 'nonce-[\w-]{20,}'", csp)
        assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
    nonces = {client.get("/").headers["content-security-policy"] for _ in range(2)}
    assert len(nonces) == 2


def test_vreemde_host_wordt_in_het_nederlands_geweigerd(folder, search_path):
    client = _client(folder, search_path)
    r = client.get("/", headers={"host": "evil.example:8000"})
    assert r.status_code == 403
    assert r.text == "alleen te bekijken via 127.0.0.1"


def test_6_opslaan_houdt_bom_en_crlf(folder, search_path):
    path = folder / "nota.yaml"
    origineel = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(origineel)
    client = _client(folder, search_path)
    bewerk = _open(client)
    tekst = origineel[3:].decode("utf-8").replace("\r\n", "\n")  # what a browser's textarea sends
    nieuw = tekst.replace("onderwerp: ", "onderwerp: Nieuw, ", 1)  # a file that loads again (issue 22)
    assert _post(client, f"{bewerk}/yaml", {"tekst": nieuw}).json()["gelukt"]
    assert _post(client, f"{bewerk}/opslaan", {}).json()["gelukt"]
    assert path.read_bytes() == b"\xef\xbb\xbf" + nieuw.replace("\n", "\r\n").encode("utf-8")


def test_6_formulier_op_een_bestand_met_bom_crlf_en_zonder_slotregel(folder, search_path):
    path = folder / "nota.yaml"
    origineel = b"\xef\xbb\xbf" + path.read_bytes().rstrip(b"\n").replace(b"\n", b"\r\n")
    path.write_bytes(origineel)
    client = _client(folder, search_path)
    bewerk = _open(client)
    assert _post(client, f"{bewerk}/formulier", {"formulier": {"onderwerp": "Ander onderwerp"}}).json()["gelukt"]
    assert _post(client, f"{bewerk}/opslaan", {}).json()["gelukt"]
    assert path.read_bytes() == origineel.replace(
        b"onderwerp: Continuering sociale teams 2021", b"onderwerp: Ander onderwerp", 1
    )


def test_6_een_cp1252_bestand_wordt_geweigerd_met_hoe_om_te_zetten(folder, search_path):
    path = folder / "nota.yaml"
    origineel = path.read_text(encoding="utf-8").replace("onderwerp: ", "onderwerp: Caf\u00e9 ", 1).encode("cp1252")
    path.write_bytes(origineel)
    client = _client(folder, search_path)
    r = client.get("/voorstel?naam=nota.yaml")
    assert r.status_code == 404
    assert "het bestand is geen UTF-8 (byte 0xe9 op regel" in r.text
    assert "iconv -f cp1252 -t utf-8 nota.yaml &gt; nieuw.yaml" in r.text
    assert path.read_bytes() == origineel


def _decided(folder, search_path) -> bytes:
    import datetime as dt

    from generator.decisions.decide import decide_file

    decide_file(
        folder / "nota.yaml",
        search_path,
        {"orgaan": "college", "datum": dt.date(2021, 2, 9), "uitkomst": "conform", "vastgelegd_door": "s"},
    )
    return (folder / "nota.yaml").read_bytes()


def test_7_besloten_met_een_fout_blijft_alleen_lezen(folder, search_path):
    besloten = _decided(folder, search_path)
    kapot = besloten.replace(b"onderwerp: ", b"onderwerp: [", 1)  # a YAML error on top of the decision
    (folder / "nota.yaml").write_bytes(kapot)
    client = _client(folder, search_path)
    bewerk = _open(client)
    assert "besloten: alleen te lezen" in client.get(bewerk).text
    for actie, data in (("yaml", {"tekst": "soort: collegenota\n"}), ("opslaan", {})):
        r = _post(client, f"{bewerk}/{actie}", data)
        assert r.status_code == 409
        assert r.json()["fout"] == ["over dit voorstel is besloten; het is alleen te lezen"]
    assert (folder / "nota.yaml").read_bytes() == kapot


def test_7_opslaan_over_een_intussen_besloten_bestand_wordt_geweigerd(folder, search_path):
    from generator.web.workspace import Workspace

    ws = Workspace(folder, search_path)
    draft = ws.open("nota.yaml")
    draft.update_yaml(draft.tekst.replace("onderwerp: ", "onderwerp: X ", 1))
    besloten = _decided(folder, search_path)
    with pytest.raises(Exception, match="gewijzigd sinds het werd geopend|inmiddels besloten"):
        draft.save()
    assert (folder / "nota.yaml").read_bytes() == besloten


def test_8_symlink_naar_buiten_de_map_wordt_niet_getoond(folder, search_path, tmp_path_factory):
    buiten = tmp_path_factory.mktemp("buiten") / "geheim.yaml"
    buiten.write_text(
        (folder / "nota.yaml").read_text(encoding="utf-8").replace("onderwerp: ", "onderwerp: GEHEIM-BUITEN ", 1),
        encoding="utf-8",
    )
    (folder / "x.yaml").symlink_to(buiten)
    client = _client(folder, search_path)
    assert "GEHEIM-BUITEN" not in client.get("/").text
    assert "x.yaml" not in client.get("/").text
    assert client.get("/voorstel?naam=x.yaml").status_code == 404
    assert "GEHEIM-BUITEN" not in client.get("/secretariaat?datum=2021-02-09&orgaan=college").text


def test_9_een_fifo_in_de_map_laat_de_server_niet_hangen(folder, search_path):
    os.mkfifo(folder / "pijp.yaml")
    client = _client(folder, search_path)
    r = client.get("/")  # hangs on today's code: reading a FIFO blocks forever
    assert r.status_code == 200 and "pijp.yaml" not in r.text
    assert client.get("/voorstel?naam=pijp.yaml").status_code == 404


def test_10_een_chunked_body_boven_de_grens_krijgt_413():
    from generator.web.security import BodyLimit

    gelezen = []

    async def app(scope, receive, send):
        from starlette.requests import Request

        gelezen.append(len(await Request(scope, receive).body()))

    async def run():
        blok = b"x" * 65536
        sent, count = [], {"n": 0}

        async def receive():
            count["n"] += 1
            return {"type": "http.request", "body": blok, "more_body": count["n"] < 5000}  # 312 MiB

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": "/", "headers": [(b"transfer-encoding", b"chunked")]}
        await BodyLimit(app, 2 * 1024 * 1024)(scope, receive, send)
        return sent, count["n"]

    sent, chunks = asyncio.run(run())
    assert sent[0]["status"] == 413
    assert sent[1]["body"].decode() == "het verzoek is te groot: hoogstens 2 MiB"
    assert chunks == 33 and not gelezen  # stopped one chunk past 2 MiB; the app got nothing


def test_10_content_length_boven_de_grens(folder, search_path):
    client = _client(folder, search_path)
    bewerk = _open(client)
    r = client.post(
        f"{bewerk}/yaml",
        content=b"{" + b" " * (3 * 1024 * 1024) + b"}",
        headers={"x-nota-token": TOKEN, "content-type": "application/json"},
    )
    assert r.status_code == 413 and r.text == "het verzoek is te groot: hoogstens 2 MiB"


def test_11_get_verdringt_geen_concept(folder, search_path):
    client = _client(folder, search_path)
    bewerk = _open(client)
    tekst = (folder / "nota.yaml").read_text(encoding="utf-8").replace("onderwerp: ", "onderwerp: Eigen ", 1)
    assert _post(client, f"{bewerk}/yaml", {"tekst": tekst}).json()["gelukt"]
    for _ in range(60):  # today: each GET allocates a draft, and the 51st evicts the first
        assert _open(client) == bewerk
    assert _post(client, f"{bewerk}/opslaan", {}).json()["gelukt"]
    assert "onderwerp: Eigen " in (folder / "nota.yaml").read_text(encoding="utf-8")


def test_13_interne_fout_in_het_nederlands_zonder_details(folder, search_path, monkeypatch, caplog):
    from generator.web import workspace

    client = _client(folder, search_path)

    def stuk(self, wait=0.5):
        raise RuntimeError(f"secret detail {folder}")

    monkeypatch.setattr(workspace.Workspace, "entries", stuk)
    r = client.get("/")
    assert r.status_code == 500
    assert r.text == (
        "interne fout in nota; de melding staat in het venster waarin de server draait: meld "
        "die aan de beheerder van nota"
    )
    assert "secret detail" in caplog.text  # the log has it, the page does not
    r = client.get("/bestaat/niet/echt")
    assert r.status_code == 404 and r.text == "niet gevonden"
    r = client.put("/", headers={"x-nota-token": TOKEN})
    assert r.status_code == 405 and r.text == "deze handeling kan hier niet"


def test_14_preview_zelfde_regels(folder, search_path):
    from generator.web.preview import Preview
    from generator.web.server import preview_app

    (folder / "plan.svg").write_bytes(SVG)
    preview = Preview(folder / "nota.yaml", search_path)
    preview.state = preview.build()
    client = TestClient(preview_app(preview), base_url="http://127.0.0.1:8000")
    page = client.get("/")
    nonce = re.search(r"'nonce-([\w-]+)'", page.headers["content-security-policy"]).group(1)
    assert f'<script nonce="{nonce}">' in page.text
    assert re.search(r'<iframe id="document"[^>]*sandbox="allow-downloads"', page.text)
    assert page.headers["x-frame-options"] == "DENY"
    r = client.get("/map/plan.svg")
    assert r.headers["content-security-policy"] == "sandbox; default-src 'none'"
    assert client.get("/document").headers["content-security-policy"].startswith("sandbox;")
    assert client.get("/", headers={"host": "evil.example"}).status_code == 403


@pytest.mark.slow
def test_10_chunked_tegen_een_echte_server(folder):
    """Against `nota serve` itself (uvicorn): a chunked POST is answered 413 after about 2 MiB
    and the connection is closed; the server does not read the other ~300 MiB."""
    import select
    import socket
    from urllib.parse import urlsplit

    from test_serve import Editor

    server = Editor(folder)
    try:
        import urllib.request

        geopend = urllib.request.urlopen(server.url + "voorstel?naam=nota.yaml")
        start, bewerk = geopend.read().decode(), urlsplit(geopend.url).path
        token = re.search(r'name="nota-token" content="([^"]+)"', start).group(1)
        parts = urlsplit(server.url)
        sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
        sock.sendall(
            f"POST {bewerk}/yaml HTTP/1.1\r\nHost: 127.0.0.1:{parts.port}\r\nx-nota-token: {token}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        )
        blok, sent, answer = b"x" * 65536, 0, b""
        chunk = f"{len(blok):x}\r\n".encode() + blok + b"\r\n"
        while sent < 300 * 1024 * 1024:
            if select.select([sock], [], [], 0)[0]:
                answer = sock.recv(65536)
                break
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(blok)
        while True:  # the answer, to the end (the server closes the connection)
            try:
                more = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not more:
                break
            answer += more
        sock.close()
    finally:
        server.stop()
    assert sent < 32 * 1024 * 1024, sent
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert answer.endswith(b"het verzoek is te groot: hoogstens 2 MiB")


def test_13_geen_bestandspaden_in_de_paginas_van_de_editor(folder, search_path):
    path = folder / "nota.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("datum: 2021-", "datum: 2021-13-", 1), encoding="utf-8")
    client = _client(folder, search_path)
    bewerk = _open(client)
    editor, document = client.get(bewerk).text, client.get(f"{bewerk}/document").text
    # the problem is shown, in words without file, line or column (issue 22)
    assert "'datum': hier hoort een datum als JJJJ-MM-DD" in editor.replace("&#39;", "'")
    assert str(folder) not in editor and str(folder) not in document and "nota.yaml:" not in document
    r = _post(client, f"{bewerk}/yaml", {"tekst": "soort: [\n"})
    assert str(folder) not in r.text and "nota.yaml:" not in r.text and r.json()["problemen"]


def test_7_besloten_wordt_herkend_ook_als_het_bestand_niet_te_lezen_is():
    from generator.web.workspace import is_decided

    assert is_decided(b"soort: [\nbesluiten:\n  - orgaan: college\n")  # YAML error above the record
    assert is_decided(b"soort: [\r\nbesluiten:\r\n- orgaan: raad\r\n")
    assert is_decided(b"soort: collegenota\nbesluiten: {orgaan: college}\n")  # not even a list
    assert not is_decided(b"soort: [\nbesluiten: []  # door nota decide\n")
    assert not is_decided(b"soort: [\nbesluiten:\nonderwerp: x\n")


def test_4_de_editor_meldt_een_onverzegeld_besluit_en_is_alleen_lezen(folder, search_path):
    path = folder / "nota.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "besluiten: []", "besluiten:\n  - {orgaan: college, datum: 2021-02-09, uitkomst: conform}"
        ),
        encoding="utf-8",
    )
    client = _client(folder, search_path)
    bewerk = _open(client)
    editor = client.get(bewerk).text
    assert "besloten: alleen te lezen" in editor and 'id="opslaan"' not in editor
    assert (
        "is niet (volledig) verzegeld: inhoud_sha256, inhoud_per_veld, bestanden_sha256, besluit_sha256 "
        "ontbreekt" in client.get(f"{bewerk}/document").text
    )
