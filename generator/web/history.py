"""A proposal's history in `nota serve` for a team: who changed what, when, and going back.

What changed is told in document terms, from generator.diff.compare ("Beslispunt 2
gewijzigd", "Financiële gevolgen gewijzigd"); the same words are the commit
message of every save. "Deze versie terugzetten" writes the old text as a new
commit: nothing in the history is rewritten.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.routing import Route

from generator.errors import Melding, NotaFout
from generator.web import auth
from generator.web.gitstore import Auteur, GitStore
from generator.web.security import body

MAX_PARTS = 4
MAX_REMEMBERED = 64
SHOWN = 30  # versions on the history page (each is compared with the one before it)
_LOADED: OrderedDict[str, object] = OrderedDict()  # sha256 of a saved text → its proposal
_LOADED_LOCK = threading.Lock()
STATUS = {"gewijzigd": "gewijzigd", "nieuw": "toegevoegd", "vervallen": "vervallen"}


def routes(site, handler) -> list[Route]:
    return [
        Route("/geschiedenis", handler(site, history_page)),
        Route("/geschiedenis/terugzetten", handler(site, restore), methods=["POST"]),
    ]


def changes(
    oud: bytes | None, nieuw: bytes | None, naam: str, search_path, geladen=None, oud_geladen=None
) -> list[str]:
    """What changed from `oud` to `nieuw` in the proposal's own terms (`geladen`, `oud_geladen`:
    `nieuw` and `oud` already validated, as the editor holds them)."""
    if oud is None:
        return ["nieuw voorstel"] if nieuw is not None else []
    if nieuw is None:
        return ["voorstel verwijderd"]
    if oud == nieuw:
        return []
    loaded = [oud_geladen or _load(oud, naam, search_path), geladen or _load(nieuw, naam, search_path)]
    if None in loaded:
        return ["tekst gewijzigd"]
    from generator.diff.compare import compare

    return _describe(compare(*loaded)) + _besluiten(*loaded)


def message(naam: str, delen: list[str]) -> str:
    """The commit message: the proposal and what changed, at most a few parts on the first line."""
    if not delen:
        return f"{naam}: opmaak of commentaar gewijzigd"
    kop = "; ".join(delen[:MAX_PARTS]) + (f" en {len(delen) - MAX_PARTS} meer" if len(delen) > MAX_PARTS else "")
    return f"{naam}: {kop}" + ("\n\n" + "\n".join(delen) if len(delen) > MAX_PARTS else "")


def save(draft, store: GitStore | None, auteur: Auteur, voorkeur: str | None = None) -> bool:
    """Opslaan; with git, as one commit by `auteur` that names what changed. True when the
    draft was merged with a save made elsewhere (`voorkeur` settles a conflict: Bewerking.save)."""
    if store is None:
        return draft.save(voorkeur)
    nieuw = draft.tekst.encode("utf-8")
    delen = changes(draft.opened, nieuw, draft.naam, draft.search_path, draft.voorstel, draft.opened_voorstel)
    with store.write(auteur, message(draft.naam, delen), [draft.path]):
        merged = draft.save(voorkeur)
    _remember(nieuw, draft.voorstel)
    return merged


def _remember(tekst: bytes, voorstel) -> None:
    """Keep the proposal a save wrote, so the next save's message need not load it again."""
    if voorstel is None:
        return
    with _LOADED_LOCK:
        _LOADED[hashlib.sha256(tekst).hexdigest()] = voorstel
        while len(_LOADED) > MAX_REMEMBERED:
            _LOADED.popitem(last=False)


def _load(tekst: bytes, naam: str, search_path):
    from generator.diff.drafts import load_draft

    with _LOADED_LOCK:
        known = _LOADED.get(hashlib.sha256(tekst).hexdigest())
    if known is not None:
        return known
    with tempfile.TemporaryDirectory(prefix="nota-geschiedenis-") as tmp:
        path = Path(tmp) / Path(naam).name
        path.write_bytes(tekst)
        try:
            return load_draft(path, search_path)[0]
        except NotaFout:
            return None


def _besluiten(oud, nieuw) -> list[str]:
    """The decisions recorded since `oud` (compare looks at the content, not at them)."""
    from generator.proposal.vocabulary import ORGAAN_KORT

    before = len(oud.data.besluiten)
    return [
        f"besluit van {ORGAAN_KORT.get(b.orgaan, b.orgaan)} van {b.datum.isoformat()} vastgelegd ({b.uitkomst})"
        for b in nieuw.data.besluiten[before:]
    ]


def _describe(v) -> list[str]:
    out = [f"{veld.label} gewijzigd" for veld in v.velden]
    oud_nr = nieuw_nr = 0
    for item in v.punten:
        oud_nr += item.status != "nieuw"
        nieuw_nr += item.status != "vervallen"
        if item.status != "gelijk":
            nr = oud_nr if item.status == "vervallen" else nieuw_nr
            out.append(f"Beslispunt {nr} {STATUS[item.status]}")
    out += [f"{s.titel} gewijzigd" for s in v.secties if not s.gelijk]
    return out


def _rows(store: GitStore, path: Path, naam: str, search_path) -> list[dict]:
    rows = []
    for versie in store.history(path, SHOWN):
        parent = store.parent(versie.commit)
        oud = store.content(parent, path) if parent else None
        delen = changes(oud, store.content(versie.commit, path), naam, search_path)
        rows.append(
            {
                "commit": versie.commit,
                "wie": versie.naam,
                "email": versie.email,
                "wanneer": versie.datum.replace("T", " ")[:16],
                "wat": delen or [versie.bericht],
            }
        )
    return rows


async def history_page(site, request):
    store = _store(site)
    naam = request.query_params.get("naam", "")
    path = site.workspace.resolve(naam)
    rows = await run_in_threadpool(_rows, store, path, naam, site.workspace.search_path)
    return site.page(
        "geschiedenis.html",
        naam=naam,
        versies=rows,
        meer=len(rows) >= SHOWN,
        mag_schrijven=auth.allowed(request, auth.STELLER),
    )


async def restore(site, request):
    auth.require(request, auth.STELLER)
    data = await body(request)
    naam, commit = str(data.get("naam", "")), str(data.get("commit", ""))
    path = site.workspace.resolve(naam)
    auteur = auth.author_of(request)
    await run_in_threadpool(restore_version, _store(site), path, naam, commit, auteur)
    return JSONResponse({"gelukt": True})


def restore_version(store: GitStore, path: Path, naam: str, commit: str, auteur: Auteur) -> None:
    """Write the text `path` had at `commit` as a new commit by `auteur`."""
    from generator.proposal.rewrite import rewrite

    oud = store.content(commit, path) if store.is_commit(commit) else None
    if oud is None:
        raise NotaFout(Melding(f"versie '{commit}' van {naam} bestaat niet; laad de geschiedenis opnieuw"))
    with store.write(auteur, f"{naam}: versie van {commit[:10]} teruggezet", [path]):
        rewrite(path, lambda current: oud)


def _store(site) -> GitStore:
    if site.store is None:
        raise NotaFout(
            Melding(
                "de geschiedenis is er alleen als nota serve met [login] draait (elke wijziging is dan een git-commit)"
            )
        )
    return site.store
