"""Publiceren, for the secretariat in `nota serve`: one POST that publishes the
folder as `nota publiceer` does, into the folder `[publicatie] map` of nota.toml
names, under its `basis_url`. The token check is the Guard's, as for every POST; with
[login], only the secretariat may publish.
"""

from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.routing import Route

from generator.errors import Melding, NotaFout
from generator.web import auth
from generator.web.security import body


def routes(site, handler) -> list[Route]:
    return [Route("/secretariaat/publiceer", handler(site, publish), methods=["POST"])]


async def publish(site, request):
    auth.require(request, auth.SECRETARIAAT)  # with [login]: the secretariat only
    await body(request)
    report, out = await run_in_threadpool(_publish, site.workspace, Path.cwd())
    n = len(report.published)
    overgeslagen = [f"{s.path.relative_to(site.workspace.root).as_posix()}: {s.reden}" for s in report.skipped]
    return JSONResponse(
        {
            "gelukt": True,
            "map": str(out),
            "gepubliceerd": report.published,
            "overgeslagen": overgeslagen,
            "samenvatting": f"Gepubliceerd in {out}: {n} {'document' if n == 1 else 'documenten'}, "
            f"{len(report.skipped)} overgeslagen, {len(report.written)} bestanden geschreven.",
        }
    )


def _publish(workspace, workdir: Path):
    from generator.proposal.settings import read_settings
    from generator.publish.publication import publish as publish_folder
    from generator.publish.publication import publisher_settings

    settings = read_settings(workdir)
    if settings.publicatie is None or not settings.publicatie.basis_url:
        raise NotaFout(
            Melding(
                "Publiceren vraagt [publicatie] in nota.toml met map en basis_url, zoals "
                'map = "publicatie" en basis_url = "https://www.gemeente.nl/publicaties"',
                settings.path or workdir / "nota.toml",
            )
        )
    uitgever, _ = publisher_settings(None, workdir)
    out = settings.publicatie.map
    return publish_folder(workspace.root, out, settings.publicatie.basis_url, uitgever, workspace.search_path), out
