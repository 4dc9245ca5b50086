"""Load on `nota serve` for a team (issue 23.6): 20 users on their own proposals and 2 on
the same one, for a minute, on loopback only.

    python3 bench/team.py [--seconden 60] [--denktijd 3] [--gebruikers 20]

A real OpenID Connect provider (oidc-provider-mock) runs in this process on
localhost; `nota serve` runs as its own process over a temporary folder with
[login]. Each simulated user logs in, opens a proposal, and then, until the time
is up, changes a beslispunt (a marker of its own) through the YAML tab (sending
the basis its page had, as the editor does), saves, and fetches the preview until it
shows the marker; then thinks for a random 0.5–1.5 × --denktijd seconds. The two
users on one proposal each have their own draft and change different beslispunten:
each save is merged with the other's. At the end git is read back: lost is a save
that answered "gelukt" whose marker no commit by its user added, a marker taken out
of the file by a commit of someone else (nobody removes another's on purpose here),
and a user's last saved marker missing from the final file. Printed as `name: value`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from oidc_provider_mock import User, run_server_in_thread
from serve import start  # bench/serve.py: this folder is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "proposals" / "collegenota-sociale-teams-2021.yaml"
OUD = "gedekt uit de bestaande begroting."
MAX_TRIES = 20
PLACES = [  # (pattern, replacement) of a beslispunt: the second user on the shared proposal uses the other
    (r"gedekt uit de bestaande begroting[^\n]*", "gedekt uit de bestaande begroting ({marker})."),
    (r"tot uiterlijk 31 december 2021[^\n]*", "tot uiterlijk 31 december 2021 ({marker})."),
]
MARKER = re.compile(r"\((u\d+)-(\d+)\)")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    save_only: list[float] = field(default_factory=list)  # the Opslaan request alone
    yaml_only: list[float] = field(default_factory=list)  # the change (YAML tab) alone
    first: list[float] = field(default_factory=list)  # save → preview of each user's first save (all at once)
    saved: dict[str, list[str]] = field(default_factory=dict)  # file → markers saved
    conflicts: int = 0
    merged: int = 0  # saves merged with the other's save of the same proposal
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    """`nota serve` over `folder` as its own process (bench/serve.py's start), with [login]'s secret."""
    proces, url = start(["serve", "."], folder, extra_env={"NOTA_OIDC_SECRET": "bench"})
    return proces, url.rstrip("/")


def login(url: str, sub: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=url, timeout=60)
    form = client.get("/", follow_redirects=True)
    page = client.post(str(form.url), data={"sub": sub}, follow_redirects=True)
    found = re.search(r'name="nota-token" content="([^"]+)"', page.text)
    if found is None:
        raise RuntimeError(f"aanmelden mislukt ({page.status_code} {page.url}): {page.text[:300]}")
    return client, found.group(1)


def user(url: str, sub: str, naam: str, plaats: int, args, tally: Tally, ready: threading.Barrier) -> None:
    try:
        edit(url, sub, naam, plaats, args, tally, ready)
    except Exception as e:  # a failed user is a figure, not a crash of the bench
        ready.abort()
        with tally.lock:
            tally.errors.append(f"{sub}: {type(e).__name__}: {e}")


def edit(url: str, sub: str, naam: str, plaats: int, args, tally: Tally, ready: threading.Barrier) -> None:
    client, token = login(url, sub)
    headers = {"x-nota-token": token}
    adres = client.get(f"/voorstel?naam={naam}").headers["location"]
    rng = random.Random(sub)
    stand = client.post(f"{adres}/herladen", json={}, headers=headers).json()
    ready.wait()  # everyone logged in with the proposal open: the minute starts
    until = time.monotonic() + args.seconden
    n = 0
    pattern, replacement = PLACES[plaats]
    while time.monotonic() < until:
        n += 1
        marker = f"{sub}-{n}"
        t0 = time.perf_counter()
        for _ in range(MAX_TRIES):
            tekst = re.sub(pattern, replacement.format(marker=marker), stand["yaml"])
            t_yaml = time.perf_counter()
            stand = client.post(f"{adres}/yaml", headers=headers, json={"tekst": tekst, "basis": stand["basis"]}).json()
            t1 = time.perf_counter()
            answer = client.post(f"{adres}/opslaan", json={}, headers=headers).json()
            if answer.get("gelukt"):
                stand = answer
                with tally.lock:
                    tally.save_only.append(time.perf_counter() - t1)
                    tally.yaml_only.append(t1 - t_yaml)
                    tally.merged += bool(answer.get("samengevoegd"))
                break
            with tally.lock:  # the same field changed by both (not in this bench): reload, change again
                tally.conflicts += 1
            stand = client.post(f"{adres}/herladen", json={}, headers=headers).json()
        else:
            with tally.lock:
                tally.errors.append(f"{sub}: {answer}")
            continue
        with tally.lock:
            tally.saved.setdefault(naam, []).append(marker)
        deadline = time.monotonic() + 10
        while marker not in client.get(f"{adres}/document").text:
            if time.monotonic() > deadline:
                with tally.lock:
                    tally.errors.append(f"{sub}: {marker} na 10 s niet in het voorbeeld")
                break
            time.sleep(0.01)
        else:
            with tally.lock:
                tally.latencies.append(time.perf_counter() - t0)
                if n == 1:
                    tally.first.append(time.perf_counter() - t0)
        time.sleep(args.denktijd * rng.uniform(0.5, 1.5))


def lost(folder: Path, tally: Tally) -> list[str]:
    """Every save lost, in words (see the module's docstring)."""
    out = []
    for naam, markers in tally.saved.items():
        log = subprocess.run(
            ["git", "log", "--reverse", "-p", "--format=\x1e%an", "--", naam],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        added: set[str] = set()
        for commit in log.split("\x1e")[1:]:
            author, _, diff = commit.partition("\n")
            by = "u" + author.rpartition(" ")[2]
            for line in diff.splitlines():
                for owner, nr in MARKER.findall(line):
                    if line.startswith("+") and owner == by:
                        added.add(f"{owner}-{nr}")
                    elif line.startswith("-") and not line.startswith("---") and owner != by:
                        out.append(f"{naam}: {owner}-{nr} weggehaald door {author}")
        out += [
            f"{naam}: {m} opgeslagen maar door geen commit van {m.split('-')[0]} toegevoegd"
            for m in markers
            if m not in added
        ]
        final = (folder / naam).read_text(encoding="utf-8")
        last = {m.split("-")[0]: m for m in markers}
        out += [f"{naam}: {m} ontbreekt in het bestand" for m in last.values() if f"({m})" not in final]
    return out


def main() -> None:
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconden", type=float, default=60)
    parser.add_argument("--denktijd", type=float, default=3.0)
    parser.add_argument("--gebruikers", type=int, default=20)
    args = parser.parse_args()
    n = args.gebruikers
    users = [
        User(sub=f"u{i}", claims={"name": f"Gebruiker {i}", "email": f"u{i}@gemeente.nl", "groups": ["medewerkers"]})
        for i in range(n + 2)
    ]
    with tempfile.TemporaryDirectory() as tmp, run_server_in_thread(port=0, user_claims=users) as provider:
        folder = Path(tmp)
        for i in range(n + 1):
            shutil.copy(VOORBEELD, folder / f"voorstel-{i}.yaml")
        (folder / "nota.toml").write_text(
            f'[login]\nissuer = "http://localhost:{provider.server_port}"\nclient_id = "nota"\n'
            'stellers = ["medewerkers"]\n',
            encoding="utf-8",
        )
        proces, url = start_server(folder)
        try:
            start = cpu_seconds(proces.pid)
            run(url, folder, n, args)
            print(f"CPU-seconden van de server in de meting: {cpu_seconds(proces.pid) - start:.1f}")
        finally:
            proces.terminate()
            proces.wait(10)


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) a process used so far (Linux)."""
    velden = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def run(url: str, folder: Path, n: int, args) -> None:
    tally = Tally()
    plan = [(f"u{i}", f"voorstel-{i}.yaml", 0) for i in range(n)] + [
        (f"u{n}", f"voorstel-{n}.yaml", 0),
        (f"u{n + 1}", f"voorstel-{n}.yaml", 1),
    ]
    ready = threading.Barrier(len(plan))
    threads = [
        threading.Thread(target=user, args=(url, sub, naam, plaats, args, tally, ready)) for sub, naam, plaats in plan
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lat = sorted(tally.latencies)
    saves = sum(len(m) for m in tally.saved.values())
    commits = (
        int(
            subprocess.run(
                ["git", "rev-list", "--count", "HEAD"], cwd=folder, capture_output=True, text=True, check=True
            ).stdout
        )
        - 1
    )
    print(f"gebruikers: {len(plan)} ({n} op een eigen voorstel, 2 op hetzelfde)")
    print(f"duur: {args.seconden:.0f} s, denktijd gemiddeld {args.denktijd:.1f} s")
    print(f"opslagen: {saves}")
    print(f"commits: {commits}")
    print(f"opslaan → voorbeeld p50: {statistics.median(lat):.3f} s" if lat else "opslaan → voorbeeld: -")
    print(f"opslaan → voorbeeld p95: {lat[int(0.95 * (len(lat) - 1))]:.3f} s" if lat else "")
    print(f"opslaan → voorbeeld max: {lat[-1]:.3f} s" if lat else "")
    if tally.first:
        print(
            f"waarvan de eerste opslag van elk (allen tegelijk na het aanmelden) p50: "
            f"{statistics.median(tally.first):.3f} s, max: {max(tally.first):.3f} s"
        )
    for wat, tijden in (("Opslaan (schrijven + commit)", tally.save_only), ("de wijziging (YAML)", tally.yaml_only)):
        if tijden:
            alleen = sorted(tijden)
            p95 = alleen[int(0.95 * (len(alleen) - 1))]
            print(f"alleen het verzoek {wat} p50: {statistics.median(alleen):.3f} s, p95: {p95:.3f} s")
    print(f"samengevoegd met de opslag van de ander: {tally.merged}")
    print(f"conflict (opnieuw geladen): {tally.conflicts}")
    kwijt = lost(folder, tally)
    print(f"verloren: {len(kwijt)}" + "".join(f"\n  {k}" for k in kwijt[:5]))
    print(f"fouten: {len(tally.errors)}" + "".join(f"\n  {e}" for e in tally.errors[:5]))


if __name__ == "__main__":
    main()
