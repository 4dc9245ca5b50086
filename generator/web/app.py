"""`nota serve`: the editor in the browser, as a Starlette app.

Pages: the start page (every proposal in the folder), the editor of one
proposal (generator.web.form), the secretariat and the comparison
(generator.web.meeting). Every POST carries the page's token
(generator.web.security); every path stays inside the folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from generator.errors import Melding, NotaFout
from generator.web import auth, runner
from generator.web.gitstore import NOTA, Auteur, GitStore, change
from generator.web.pages import environment
from generator.web.security import (
    LOCAL_HOSTS,
    body,
    document_headers,
    exception_handlers,
    new_token,
    secured,
    served_file,
    wrap,
)
from generator.web.wording import all_for_user
from generator.web.workspace import Bewerking, Conflicts, Workspace

WEB = Path(__file__).resolve().parent
_BESTAND = re.compile(r"""(["'(])/bestand/""")


class Site:
    """What every page needs: the folder, the token, the templates."""

    def __init__(self, workspace: Workspace, token: str, store: GitStore | None = None):
        self.workspace, self.token, self.store = workspace, token, store
        self.env = environment()
        self.streams = runner.Slots()

    def page(self, template: str, status: int = 200, request: Request | None = None, **values) -> HTMLResponse:
        from generator.web.security import nonce

        html = self.env.get_template(template).render(
            token=self.token, nonce=nonce(request) if request else "", gebruiker=auth.current(), **values
        )
        return HTMLResponse(html, status, headers={"Cache-Control": "no-store"})

    def change(self, request: Request, bericht: str, paths=()):
        """The one line a writing route needs: `with site.change(request, "…", [path]):` holds
        the writers' lock and commits what was written as the logged-in user (with [login])."""
        return change(self.store, auth.author_of(request), bericht, paths)

    def draft(self, request: Request) -> Bewerking:
        draft = self.workspace.draft(request.path_params["id"], auth.owner_of(request))
        if draft is None:
            raise NotaFout([])
        return draft


def make_app(workspace: Workspace, token: str | None = None, team: auth.Team | None = None):
    """The editor; with `team` ([login] in nota.toml) behind the login, every write a commit."""
    from generator.web import history, meeting, publish_page

    site = Site(workspace, token or new_token(), team.store if team else None)
    if team is not None:  # a session that ends takes its drafts with it
        team.sessions.ended.append(workspace.forget)
    routes = [
        Route("/", _handler(site, start)),
        Route("/overzicht", _handler(site, overview)),
        Route("/voorstel", _handler(site, open_proposal)),
        Route("/bewerk/{id}", _handler(site, editor)),
        Route("/bewerk/{id}/document", _handler(site, document)),
        Route("/bewerk/{id}/gebeurtenissen", _handler(site, events)),
        Route("/bewerk/{id}/document.{format_}", _handler(site, download)),
        Route("/bewerk/{id}/{actie}", _handler(site, action), methods=["POST"]),
        Route("/bewerk/{id}/{pad:path}", _handler(site, draft_file)),
        *meeting.routes(site, _handler),
        *publish_page.routes(site, _handler),
        *history.routes(site, _handler),
        *auth.routes(team),
        Mount("/static", StaticFiles(directory=str(WEB / "static")), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers=exception_handlers())
    hosts = LOCAL_HOSTS + (team.hosts if team else ())
    return wrap(auth.protect(app, team), secured(site.token, hosts))


def _handler(site: Site, functie):
    async def handle(request: Request):
        try:
            return await functie(site, request)
        except NotaFout as e:
            if not e.meldingen:
                return PlainTextResponse("niet gevonden (open het voorstel opnieuw vanaf de startpagina)", 404)
            meldingen = all_for_user(e.meldingen)
            return (
                JSONResponse({"gelukt": False, "fout": meldingen}, 409)
                if request.method == "POST"
                else site.page("fout.html", 404, meldingen=meldingen)
            )

    return handle


async def start(site: Site, request: Request):
    from generator.proposal.kinds import known_soorten

    entries = await run_in_threadpool(site.workspace.entries)
    return site.page("start.html", voorstellen=entries, soorten=known_soorten(site.workspace.search_path))


async def overview(site: Site, request: Request):
    from dataclasses import asdict

    entries = await run_in_threadpool(site.workspace.entries, 0.0)
    return JSONResponse([asdict(e) for e in entries], headers={"Cache-Control": "no-store"})


async def open_proposal(site: Site, request: Request):
    naam = request.query_params.get("naam", "")
    draft = await run_in_threadpool(site.workspace.open, naam, auth.owner_of(request))
    return RedirectResponse(f"/bewerk/{draft.id}", 303)


async def editor(site: Site, request: Request):
    from generator.web.form import Form

    draft = site.draft(request)
    soort = draft.soort()
    form = None
    if soort is not None and draft.bron is not None:
        form = Form(soort, draft.bron.data, readonly=draft.besloten).html()
    onderwerp = draft.bron.entry("onderwerp") if draft.bron is not None else None
    return site.page(
        "editor.html",
        draft=draft,
        formulier=form,
        soort=soort,
        titel=str(onderwerp or "").strip() or draft.naam,
        stand=json.dumps(state_of(draft)).replace("<", "\\u003c"),
    )


def state_of(draft: Bewerking) -> dict:
    return {
        **draft.preview.state.samenvatting(),
        "problemen": draft.problems(),
        "totalen": draft.totals(),
        "yaml": draft.tekst,
        "gewijzigd": draft.changed,
        "alleen_lezen": draft.besloten,
        "basis": draft.basis,
    }


async def document(site: Site, request: Request):
    draft = site.draft(request)
    html = draft.preview.state.html.replace('<base href="/map/">', f'<base href="/bewerk/{draft.id}/map/">', 1)
    html = _BESTAND.sub(lambda m: f"{m.group(1)}/bewerk/{draft.id}/bestand/", html)
    return HTMLResponse(html, headers=document_headers())


async def events(site: Site, request: Request):
    """Server-sent events: a message when the file is changed outside this page, and the
    draft's basis (it changes when the draft followed someone else's save)."""
    from generator.web.events import change_events

    draft = site.draft(request)
    return change_events(
        site.streams, lambda: {"op_schijf_gewijzigd": draft.changed_on_disk(), "basis": draft.basis}, 1.0
    )


async def download(site: Site, request: Request):
    from generator.web.server import download_response

    draft = site.draft(request)
    return await run_in_threadpool(download_response, draft.preview, request.path_params["format_"])


async def draft_file(site: Site, request: Request):
    draft = site.draft(request)
    found = draft.preview.bestand("/" + request.path_params["pad"])
    if found is None:
        return PlainTextResponse("niet gevonden", 404)
    from generator.proposal.files import read_regular

    media_type, headers = served_file(request.path_params["pad"], found.name)
    return Response(await run_in_threadpool(read_regular, found), media_type=media_type, headers=headers)


ACTIONS = {"formulier", "yaml", "opslaan", "herladen", "plakken"}


async def action(site: Site, request: Request):
    draft, actie = site.draft(request), request.path_params["actie"]
    if actie not in ACTIONS:
        return PlainTextResponse("onbekende handeling", 404)
    data = await body(request)
    answer = await run_in_threadpool(_act, draft, actie, data, site.store, auth.author_of(request))
    if actie == "opslaan" and answer.status_code == 200:
        site.workspace.follow(draft)
    return answer


def _act(
    draft: Bewerking, actie: str, data: dict, store: GitStore | None = None, auteur: Auteur = NOTA
) -> JSONResponse:
    from generator.web.history import save

    if actie == "plakken":  # cleaning only: nothing changes until the form sends the text
        from generator.web.paste import paste

        return JSONResponse(
            {"gelukt": True, "tekst": paste(str(data.get("tekst", "")), bool(data.get("regels", True)))}
        )
    with draft.lock:
        if draft.besloten and actie in ("formulier", "yaml", "opslaan"):
            raise NotaFout([Melding("over dit voorstel is besloten; het is alleen te lezen")])
        if actie == "formulier":
            basis = data.get("basis") if isinstance(data.get("basis"), dict) else None
            conflicten = draft.update_form(data.get("formulier") or {}, basis)
            if conflicten:
                return JSONResponse({**state_of(draft), "gelukt": True, "conflicten": conflicten})
        elif actie == "yaml":
            basis = data.get("basis") if isinstance(data.get("basis"), str) else None
            conflicten = draft.update_yaml(str(data.get("tekst", "")), basis)
            if conflicten:
                return _conflicts(draft, conflicten)
        elif actie == "opslaan":
            try:
                voorkeur = data.get("voorkeur") if data.get("voorkeur") in ("mijn", "ander") else None
                merged = save(draft, store, auteur, voorkeur)
            except Conflicts as c:
                return _conflicts(draft, c.conflicten)
            return JSONResponse({**state_of(draft), "gelukt": True, "samengevoegd": merged})
        else:
            draft.reload()
        return JSONResponse({**state_of(draft), "gelukt": True})


def _conflicts(draft: Bewerking, conflicten: list[dict]) -> JSONResponse:
    """Nothing taken: a field changed here and by someone else, with both texts."""
    uitleg = [
        f"{' › '.join(map(str, c['pad']))}: uw tekst: {c['mijn']}; de tekst van de ander: {c['ander']}"
        for c in conflicten
    ]
    return JSONResponse(
        {
            **state_of(draft),
            "gelukt": False,
            "conflicten": conflicten,
            "fout": [CONFLICT, *uitleg],
        },
        409,
    )


CONFLICT = "Iemand anders heeft intussen hetzelfde veld gewijzigd; kies welke tekst blijft."
