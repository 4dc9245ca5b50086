"""`nota serve`'s pages beyond the editor: the secretariat, the comparison, a new proposal.

The secretariat records outcomes through generator.decisions.decide (the same
code, seal included, as `nota decide`) and makes the besluitenlijst with
generator.decisions.besluitenlijst; the comparison is `nota diff`'s HTML.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from generator.proposal.vocabulary import COLLEGE, ORGAAN_KORT as ORGAAN, ORGANEN, UITKOMSTEN
from generator.errors import Melding, NotaFout
from generator.web import auth
from generator.web.security import body

STORED = "besluitenlijsten"  # where a team's besluitenlijsten are kept, in git


def routes(site, handler) -> list[Route]:
    return [
        Route("/secretariaat", handler(site, secretariat)),
        Route("/secretariaat/besluit", handler(site, decide), methods=["POST"]),
        Route("/secretariaat/besluitenlijst.{format_}", handler(site, besluitenlijst)),
        Route("/vergelijk", handler(site, compare_page)),
        Route("/vergelijk/rapport", handler(site, compare_report)),
        Route("/nieuw", handler(site, new), methods=["POST"]),
    ]


def _meeting(request) -> tuple[dt.date, str]:
    orgaan = request.query_params.get("orgaan", COLLEGE)
    if orgaan not in ORGANEN:
        raise NotaFout(Melding(f"onbekend orgaan '{orgaan}'; kies college of raad"))
    return _date(request.query_params.get("datum") or dt.date.today().isoformat()), orgaan


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise NotaFout(Melding(f"'{text}' is geen bestaande datum van de vorm JJJJ-MM-DD")) from None


def _proposals(workspace, unreadable: list | None = None):
    """(name, proposal, meldingen) of every proposal that validates; the others are added
    to `unreadable` as (name, meldingen), if given."""
    from generator.checks import check_file

    for path in workspace.files():
        voorstel, meldingen = check_file(path, workspace.search_path)
        name = path.relative_to(workspace.root).as_posix()
        if voorstel is not None:
            yield name, voorstel, meldingen
        elif unreadable is not None:
            unreadable.append((path, meldingen))


def _not_ready(workspace, unreadable: list, orgaan: str) -> list[dict]:
    """Proposals that do not validate yet, for the meeting page's summary: by their onderwerp
    where a quick look finds it, if their kind is decided by `orgaan`."""
    from generator.proposal.kinds import find_soort
    from generator.web.workspace import quick_entry

    out = []
    for path, meldingen in unreadable:
        entry = quick_entry(workspace.root, path)
        try:
            organen = find_soort(entry.soort, workspace.search_path).besluitorganen if entry.soort else ()
        except NotaFout:
            organen = ()
        if orgaan in organen and not entry.besloten:
            out.append(
                {"naam": entry.naam, "onderwerp": entry.onderwerp, "fouten": max(1, sum(m.is_error for m in meldingen))}
            )
    return out


def _agenda(workspace, datum: dt.date, orgaan: str) -> dict:
    """The meeting of one orgaan on one date: what is still to decide (with the proposals
    that cannot be decided yet, because of errors, first), and what this meeting decided."""
    from generator.decisions.numbering import (
        format_number,
        history,
        next_number,
        on_agenda,
        parse_number,
    )

    open_: list[dict] = []
    decided: list[dict] = []
    all_voorstellen: list = []
    unreadable: list[tuple[Path, list]] = []
    for name, voorstel, meldingen in _proposals(workspace, unreadable):
        all_voorstellen.append(voorstel)
        item = {
            "naam": name,
            "onderwerp": voorstel.data.title or name,
            "kenmerk": voorstel.data.field("kenmerk") or "",
            "fouten": sum(m.is_error for m in meldingen),
            "uitkomsten": UITKOMSTEN[orgaan],
            "eerder": history(voorstel, orgaan),
        }
        besluiten = [b for b in voorstel.data.besluiten if b.orgaan == orgaan]
        if besluiten and besluiten[-1].datum == datum:
            decided.append(
                {
                    **item,
                    "uitkomst": besluiten[-1].uitkomst,
                    "toelichting": besluiten[-1].toelichting or "",
                    "besluitnummer": besluiten[-1].besluitnummer or "",
                }
            )
        elif on_agenda(voorstel, orgaan):
            open_.append(item)
    first = (parse_number(next_number(all_voorstellen, orgaan, datum)) or (datum.year, 1))[1]
    for i, item in enumerate(item for item in open_ if not item["fouten"]):
        item["besluitnummer"] = format_number(orgaan, datum.year, first + i)
    return {
        "te_besluiten": sorted(open_, key=lambda i: not i["fouten"]),
        "besloten": decided,
        "met_fouten": [i for i in open_ if i["fouten"]] + _not_ready(workspace, unreadable, orgaan),
    }


async def secretariat(site, request):
    datum, orgaan = _meeting(request)
    agenda = await run_in_threadpool(_agenda, site.workspace, datum, orgaan)
    return site.page(
        "secretariaat.html",
        datum=datum.isoformat(),
        orgaan=orgaan,
        organen=ORGANEN,
        orgaan_naam=ORGAAN[orgaan],
        **agenda,
    )


async def decide(site, request):
    auth.require(request, auth.SECRETARIAAT)
    data = await body(request)
    name = str(data.get("naam", ""))
    path = site.workspace.resolve(name)
    from generator.web.recorder import recorder_name

    recorder = recorder_name(request, site.workspace.root)
    change = site.change(request, f"{name}: besluit vastgelegd", [path])
    record = await run_in_threadpool(_decide, site.workspace, path, data, recorder, change)
    besluit = f"{record['orgaan']}, {record['datum']}, {record['uitkomst']}"
    return JSONResponse({"gelukt": True, "besluit": besluit, "zegel": record["inhoud_sha256"]})


def _decide(workspace, path: Path, data: dict, recorder: str, change) -> dict:
    from generator.decisions.decide import decide_file, now

    orgaan = data.get("orgaan")
    if orgaan not in ORGANEN:
        raise NotaFout(Melding(f"onbekend orgaan '{orgaan}'; kies college of raad"))
    datum = _date(str(data.get("datum") or ""))
    number = str(data.get("besluitnummer") or "").strip() or _next_number(workspace, orgaan, datum)
    record = {
        "orgaan": orgaan,
        "datum": datum,
        "uitkomst": str(data.get("uitkomst", "")),
        "toelichting": (data.get("toelichting") or "").strip() or None,
        "besluitnummer": number,
        "vastgelegd_door": recorder,
        "vastgelegd_op": now(),
    }
    with change as w:
        recorded = decide_file(path, workspace.search_path, record)
        w.bericht = (
            f"{path.relative_to(workspace.root).as_posix()}: besluit van {ORGAAN[orgaan]} "
            f"van {record['datum'].isoformat()} vastgelegd ({record['uitkomst']})"
        )
    return {**recorded, "datum": recorded["datum"].isoformat()}


def _next_number(workspace, orgaan: str, datum: dt.date) -> str:
    from generator.decisions.numbering import next_number

    return next_number([v for _, v, _ in _proposals(workspace)], orgaan, datum)


async def besluitenlijst(site, request):
    auth.require(request, auth.SECRETARIAAT)
    datum, orgaan = _meeting(request)
    format_ = request.path_params["format_"]
    if format_ not in ("pdf", "docx"):
        return HTMLResponse("niet gevonden", 404)
    message = f"Besluitenlijst van {ORGAAN[orgaan]} van {datum.isoformat()} ({format_.upper()}) gemaakt"
    change = site.change(request, message)
    stored = site.workspace.root / STORED if site.store is not None else None
    made = await run_in_threadpool(_besluitenlijst, site.workspace, datum, orgaan, format_, stored, change)
    if made is None:  # as `nota besluitenlijst`: an empty public list is never what was meant
        return HTMLResponse(
            f"Geen besluiten van {ORGAAN[orgaan]} op {datum.isoformat()}: er is geen "
            "besluitenlijst gemaakt; controleer de datum en het orgaan.",
            404,
        )
    name, content = made
    from generator.web.preview import FORMATS

    return Response(
        content,
        media_type=FORMATS[format_],
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}", "Cache-Control": "no-store"},
    )


def _besluitenlijst(
    workspace, datum: dt.date, orgaan: str, format_: str, stored: Path | None = None, change=None
) -> tuple[str, bytes] | None:
    """The list's file name and bytes; with `stored` (a team's folder) also kept there, as
    the document of record."""
    from generator.decisions import besluitenlijst as bl

    voorstellen = [v for _, v, _ in _proposals(workspace)]
    with tempfile.TemporaryDirectory(prefix="nota-serve-") as tmp, change or nullcontext() as w:
        if stored is not None:
            stored.mkdir(exist_ok=True)
        written, _, _ = bl.write(voorstellen, datum, orgaan, stored or Path(tmp), (format_,))
        if w is not None:
            w.paths += written
        return (written[0].name, written[0].read_bytes()) if written else None


async def compare_page(site, request):
    names = [p.relative_to(site.workspace.root).as_posix() for p in site.workspace.files()]
    old_name, new_name = request.query_params.get("oud", ""), request.query_params.get("nieuw", "")
    return site.page(
        "vergelijk.html",
        namen=names,
        oud=old_name,
        nieuw=new_name,
        rapport=(f"/vergelijk/rapport?oud={quote(old_name)}&nieuw={quote(new_name)}" if old_name and new_name else ""),
    )


async def compare_report(site, request):
    ws = site.workspace
    old_path, new_path = (ws.resolve(request.query_params.get(k, "")) for k in ("oud", "nieuw"))
    from generator.web.security import document_headers

    return HTMLResponse(await run_in_threadpool(_report, ws, old_path, new_path), headers=document_headers())


def _report(workspace, old_path: Path, new_path: Path) -> str:
    """`nota diff`'s HTML report; drafts compare too (totals need not add up yet), read
    as `nota diff` reads them."""
    from generator.diff.compare import compare
    from generator.diff.drafts import load_draft
    from generator.diff.html import report_html

    loaded = [load_draft(path, workspace.search_path)[0] for path in (old_path, new_path)]
    names = [p.relative_to(workspace.root).as_posix() for p in (old_path, new_path)]
    return report_html(compare(*loaded), *names)


async def new(site, request):
    data = await body(request)
    name = await run_in_threadpool(_new, site.workspace, data, site.change(request, "nieuw voorstel"))
    draft = await run_in_threadpool(site.workspace.open, name)
    return JSONResponse({"gelukt": True, "adres": f"/bewerk/{draft.id}"})


def _new(workspace, data: dict, change=None) -> str:
    """A new proposal from its onderwerp (the file name follows from it, unless `naam` gives
    one): blank fields of its kind, or an existing proposal a year on as `nota new --van`
    writes it, its old texts and amounts emptied where asked; with git, one commit."""
    from generator.proposal.kinds import find_soort
    from generator.proposal.next_year import cleared, start_from
    from generator.proposal.skeleton import dump, schema_header_for, skeleton
    from generator.render.output import write_bytes
    from generator.web.paste import paste

    onderwerp = paste(str(data.get("onderwerp", "")), multiline=False)
    if not (onderwerp or data.get("naam") or data.get("van")):
        raise NotaFout(Melding("vul het onderwerp in: waar gaat het voorstel over?"))
    if data.get("van"):
        begun = start_from(workspace.resolve(str(data["van"])), workspace.root / "nieuw.yaml", workspace.search_path)
        text = cleared(begun.tekst, bool(data.get("teksten_leeg")), bool(data.get("bedragen_leeg")))
        text = _with_onderwerp(text, onderwerp) if onderwerp else text
    elif data.get("soort"):
        soort = find_soort(str(data["soort"]), workspace.search_path)
        header = schema_header_for(soort, workspace.root / "nieuw.yaml")
        text = dump(skeleton(soort, onderwerp or None, blank=True), header)
    else:
        raise NotaFout(Melding("kies een soort voorstel, of een bestaand voorstel om mee te beginnen"))
    name = _file_name(workspace, data, onderwerp or _title_of(text))
    target = workspace.root / name
    with change or nullcontext() as w:
        if target.exists():  # made by someone else while this one waited for the lock
            raise NotaFout(Melding(f"{name} bestaat al; kies een andere naam"))
        write_bytes(target, text.encode("utf-8"))
        if w is not None:
            w.paths.append(target)
            w.bericht = f"{name}: nieuw voorstel" + (f", van {data['van']}" if data.get("van") else "")
    return name


def _file_name(workspace, data: dict, onderwerp: str) -> str:
    from generator.proposal.skeleton import file_name

    name = str(data.get("naam") or "").strip()
    if not name:
        return file_name(onderwerp, workspace.root)
    if "/" in name or name.startswith("."):
        raise NotaFout(Melding("geef een bestandsnaam zonder map, bijvoorbeeld 'subsidie-2027.yaml'"))
    name = name if name.lower().endswith((".yaml", ".yml")) else name + ".yaml"
    if (workspace.root / name).exists():
        raise NotaFout(Melding(f"{name} bestaat al; kies een andere naam"))
    return name


def _title_of(text: str) -> str:
    from generator.web.workspace import _TOP

    return dict(_TOP.findall(text)).get("onderwerp", "").strip("'\"") or "voorstel"


def _with_onderwerp(text: str, onderwerp: str) -> str:
    from generator.web.yamledit import apply_form

    return apply_form(text, {"onderwerp": onderwerp})
