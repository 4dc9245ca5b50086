"""Figures for `nota serve` and the preview's limits (issues 15 and 16.6).

    python3 bench/serve.py            the editor: start page, Opslaan → preview, downloads
    python3 bench/serve.py --limits   the preview under 500 event streams and 3,000 half-sent
                                      requests (threads, time-out), also for an older tree
                                      given as --oud DIR (e.g. `git archive HEAD | tar -x -C DIR`)

Each figure is printed as `name: value`; the server runs as `nota serve` / `nota preview`
in its own process on 127.0.0.1, as a user starts it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vergadering import maak_vergadering

ROOT = Path(__file__).resolve().parent.parent


def start(
    args: list[str], cwd: Path, pythonpath: Path = ROOT, extra_env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath), **(extra_env or {})}
    proces = subprocess.Popen(
        [sys.executable, "-m", "generator", *args, "--port", "0", "--geen-browser"],
        cwd=cwd,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    regels: list[str] = []
    threading.Thread(target=lambda: regels.extend(proces.stderr), daemon=True).start()
    end = time.monotonic() + 60
    while time.monotonic() < end:
        if found := re.search(r"http://127\.0\.0\.1:\d+/", "".join(regels)):
            return proces, found.group(0)
        time.sleep(0.05)
    proces.kill()
    raise SystemExit("server startte niet:\n" + "".join(regels))


def timed(functie) -> tuple[float, object]:
    t = time.perf_counter()
    result = functie()
    return time.perf_counter() - t, result


def fetch(url: str, data: dict | None = None, token: str = "") -> bytes:
    verzoek = urllib.request.Request(
        url,
        json.dumps(data).encode() if data is not None else None,
        {"Content-Type": "application/json", "X-Nota-Token": token},
    )
    with urllib.request.urlopen(verzoek, timeout=120) as antwoord:
        return antwoord.read()


def editor(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        maak_vergadering(map_, n)
        proces, url = start(["serve", "."], map_)
        try:
            cold, page = timed(lambda: fetch(url))
            print(f"startpagina met {n} voorstellen, eerste keer: {cold:.2f} s")
            t = time.perf_counter()
            while any(e["problemen"] is None for e in json.loads(fetch(url + "overzicht"))):
                time.sleep(0.1)
            print(f"alle {n} voorstellen gecontroleerd (problemen geteld) na: {time.perf_counter() - t + cold:.2f} s")
            warm, _ = timed(lambda: fetch(url))
            print(f"startpagina met {n} voorstellen, daarna: {warm:.3f} s")
            token = re.search(rb'name="nota-token" content="([^"]+)"', page).group(1).decode()
            naam = re.search(rb'href="/voorstel\?naam=([^"]+)"', page).group(1).decode()
            bewerk = urllib.request.urlopen(url + "voorstel?naam=" + naam, timeout=60).url
            base = bewerk.rstrip("/")
            fetch(base + "/document.pdf")  # the warm process: engines and fonts loaded once
            for i in range(3):

                def save():
                    fetch(
                        base + "/formulier",
                        {"formulier": {"onderwerp": f"Gewijzigd {i}"}},  # noqa: B023 - run at once
                        token,
                    )
                    fetch(base + "/opslaan", {}, token)
                    return fetch(base + "/document")

                seconds, html = timed(save)
                assert f"Gewijzigd {i}".encode() in html
                print(f"Opslaan tot bijgewerkt voorbeeld ({i + 1}): {seconds:.3f} s")
                if i == 2:
                    time.sleep(1)  # the user reads the preview before asking for the documents
                for format_ in ("pdf", "docx"):
                    seconds, inhoud = timed(lambda: fetch(f"{base}/document.{format_}"))  # noqa: B023 - run at once
                    print(
                        f"{format_.upper()} downloaden {'1 s ' if i == 2 else 'direct '}na Opslaan "
                        f"({i + 1}): {seconds:.3f} s "
                        f"({len(inhoud) // 1024} KiB)"
                    )
        finally:
            proces.terminate()
            try:
                proces.wait(15)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()


def threads(pid: int) -> int:
    return int(re.search(r"^Threads:\s+(\d+)", Path(f"/proc/{pid}/status").read_text(), re.M).group(1))


def limits(tree: Path, label: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "nota.yaml"
        path.write_text((ROOT / "proposals/collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8"))
        proces, url = start(["preview", path.name], Path(tmp), tree)
        port = int(url.rsplit(":", 1)[1].strip("/"))
        open_ = []
        try:
            deadline = time.monotonic() + 60
            for i in range(3500):
                if time.monotonic() > deadline:
                    break
                try:
                    s = socket.create_connection(("127.0.0.1", port), timeout=2)
                    s.sendall(
                        b"GET /gebeurtenissen HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        if i < 500
                        else b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: "
                    )
                    open_.append(s)
                except OSError:
                    pass
            print(f"{label}: verbindingen geopend binnen 60 s: {len(open_)} van 3500", flush=True)
            time.sleep(2)
            print(f"{label}: threads van de server: {threads(proces.pid)}", flush=True)
            time.sleep(13)
            alive = 0
            for s in open_[500:]:
                s.setblocking(False)
                try:
                    alive += s.recv(1) != b""
                except BlockingIOError:
                    alive += 1
                except OSError:
                    pass
            print(f"{label}: halve verzoeken nog open na 15 s: {alive} van {len(open_[500:])}", flush=True)
            try:
                seconds, _ = timed(lambda: fetch(url))
                print(f"{label}: pagina daarna: {seconds:.2f} s", flush=True)
            except OSError as e:
                print(f"{label}: pagina daarna: geen antwoord ({e})", flush=True)
        finally:
            for s in open_:
                s.close()
            proces.terminate()
            proces.wait(15)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--limits", action="store_true")
    parser.add_argument("--oud", type=Path, default=None)
    parser.add_argument("-n", type=int, default=200)
    a = parser.parse_args()
    if a.limits:
        if a.oud:
            limits(a.oud, "voor")
        limits(ROOT, "na")
    else:
        editor(a.n)
