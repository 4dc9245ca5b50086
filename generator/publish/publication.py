"""`publish`: everything a folder of proposals may show the public, into one folder.

Selection first (select.py): a proposal that does not load or whose decision is
not intact stops everything before a byte is written. Then, in a staging folder
beside OUT, the final PDF/A of each published proposal that changed (the render
pool, as `nota render`), its DiWoo description, each meeting's besluitenlijst,
the sitemaps and the open data; only at the end are the files whose bytes differ
moved into OUT, and files an earlier publication wrote that are no longer
published are removed. An unchanged folder published again changes no byte.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.publish import diwoo, documents, meetings, opendata, sitemap
from generator.publish.select import Skipped, select
from generator.publish.state import (
    FILE_NAME,
    GEPUBLICEERD,
    NIET_OPENBAAR,
    OVERGESLAGEN,
    State,
    file_id,
)

KEY_FORMAT = ("publiceer",)


@dataclass
class Report:
    published: list[str] = field(default_factory=list)  # document names (without extension)
    skipped: list[Skipped] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # files in OUT that changed
    removed: list[Path] = field(default_factory=list)
    unchanged: int = 0  # files left as they were
    meldingen: list[Melding] = field(default_factory=list)  # warnings


def publisher_settings(basis_url: str | None, workdir: Path) -> tuple[diwoo.Uitgever, str | None]:
    """The publisher ([organisatie] of nota.toml, required) and the base URL: the one
    given, else [publicatie] basis_url, else None."""
    from generator.proposal.settings import FILE_NAME as TOML
    from generator.proposal.settings import read_settings

    settings = read_settings(workdir)
    if settings.organisatie is None:
        raise NotaFout(
            Melding(
                "[organisatie] ontbreekt in nota.toml: publiceren vraagt wie publiceert",
                settings.path or workdir / TOML,
                hint='voeg toe: [organisatie] met tooi = "gm0935" en naam = "Gemeente Maastricht"',
            )
        )
    uitgever = diwoo.uitgever(settings.organisatie, settings.path)
    return uitgever, basis_url or (settings.publicatie.basis_url if settings.publicatie else None)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def publish(
    map_: Path, out: Path, basis_url: str, uitgever: diwoo.Uitgever, search_path, now: str | None = None
) -> Report:
    """Publish `map_` into `out`; one publication of a folder at a time (a lock beside it)."""
    from filelock import FileLock

    out.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(out.parent / f".{out.name}.lock")):
        return _publish(map_, out, basis_url, uitgever, search_path, now)


def _publish(map_: Path, out: Path, basis_url: str, uitgever: diwoo.Uitgever, search_path, now: str | None) -> Report:
    from generator.proposal.files import collect
    from generator.render import cache as rc

    paths = collect([map_])
    old, report = State.load(out), Report()
    keys = rc.keys(paths, search_path, KEY_FORMAT)
    entries = {p: e for p in paths if (e := old.reusable(p, keys[p], out)) is not None}
    selection = select([p for p in paths if p not in entries], search_path)
    new = State()
    _refuse_collisions(entries, selection.published)
    with _staging(out) as tmp:
        pdfs = _render(selection.published, search_path, tmp, report)
        entries.update(_entries(selection, keys))
        new.voorstellen = {file_id(p): e for p, e in entries.items()}
        files = _documents(entries, pdfs, out, tmp, (old, new), uitgever, basis_url, now or _now())
        report.skipped = [Skipped(p, e["reden"]) for p, e in sorted(entries.items()) if e["status"] != GEPUBLICEERD]
        report.published = sorted(e["publicatie"]["naam"] for e in entries.values() if e["status"] == GEPUBLICEERD)
        _install(files, out, (old, new), report)
    return report


def _render(voorstellen: list, search_path, tmp: Path, report: Report) -> dict[str, Path]:
    """The final PDF/A of each proposal, made in `tmp` on every core; name -> file."""
    from generator.render.pool import render_pool, results

    paths, made, errors = [v.path for v in voorstellen], {}, []
    with render_pool(paths, search_path, tmp, ("pdf",)) as tasks:
        for result in results(paths, tasks):
            errors += [m for m in result.meldingen if m.is_error]
            report.meldingen += [m for m in result.meldingen if not m.is_error]
            made.update({p.stem: p for p in result.written})
    if errors:
        raise NotaFout(errors)
    return made


def _refuse_collisions(entries: dict[Path, dict], voorstellen: list) -> None:
    """Two published proposals whose documents would get the same name: refused."""
    from generator.render.output import base_name

    names = {p: e["publicatie"]["naam"] for p, e in entries.items() if e["status"] == GEPUBLICEERD}
    names.update({v.path: base_name(v) for v in voorstellen})
    by_name: dict[str, list[Path]] = {}
    for path, naam in sorted(names.items()):
        by_name.setdefault(naam, []).append(path)
    clashes = [
        Melding(
            f"de documenten van {', '.join(map(str, ps))} zouden allemaal '{naam}' heten; geef elk "
            "voorstel een eigen kenmerk of onderwerp (er is niets gepubliceerd)",
            ps[0],
        )
        for naam, ps in by_name.items()
        if len(ps) > 1
    ]
    if clashes:
        raise NotaFout(clashes)


def _entries(selection, keys: dict) -> dict[Path, dict]:
    """What the state keeps of each proposal loaded this time."""
    from generator.render.output import base_name

    out: dict[Path, dict] = {}
    for v in selection.published:
        naam = base_name(v)
        out[v.path] = {
            "sleutel": keys[v.path],
            "status": GEPUBLICEERD,
            "reden": "",
            "publicatie": asdict(documents.publicatie(v, naam)),
            "rijen": documents.rows(v, naam),
            "lijsten": meetings.items(v, True),
        }
    reasons = {s.path: s.reden for s in selection.skipped}
    for v in selection.hidden:
        out[v.path] = {
            "sleutel": keys[v.path],
            "status": NIET_OPENBAAR,
            "reden": reasons[v.path],
            "lijsten": meetings.items(v, False),
        }
    for path, reden in reasons.items():
        out.setdefault(path, {"sleutel": keys[path], "status": OVERGESLAGEN, "reden": reden})
    return out


def _documents(
    entries, pdfs, out: Path, tmp: Path, states: tuple[State, State], uitgever, basis_url: str, now: str
) -> dict:
    """Every file of the publication: name -> bytes, or the Path of a new PDF in `tmp`."""
    old, new = states
    files: dict[str, bytes | Path] = {}
    published = sorted(
        (e for e in entries.values() if e["status"] == GEPUBLICEERD), key=lambda e: e["publicatie"]["naam"]
    )
    descriptions = [(documents.Publicatie(**e["publicatie"]), pdfs.get(e["publicatie"]["naam"]), "") for e in published]
    descriptions += _meeting_lists(entries, out, tmp, old)
    sitemap_entries = []
    for p, pdf, bron in descriptions:
        sha = state_sha(pdf) if pdf is not None else old.documenten[p.naam].sha256
        fingerprint = hashlib.sha256((sha + json.dumps(asdict(p), sort_keys=True)).encode()).hexdigest()
        version = new.documenten[p.naam] = old.version(p.naam, sha, fingerprint, now, bron)
        element = diwoo.document(p, uitgever, basis_url, reden=version.vervangen)
        diwoo.check(element, p.naam)
        if pdf is not None:
            files[f"{p.naam}.pdf"] = pdf
        files[f"{p.naam}.diwoo.xml"] = diwoo.to_bytes(element)
        sitemap_entries.append((diwoo.url(basis_url, p.naam), version.lastmod, copy.deepcopy(element)))
    files.update(sitemap.sitemaps(sitemap_entries, basis_url))
    files.update(_open_data(published, basis_url, uitgever.naam))
    return files


def _open_data(published: list[dict], basis_url: str, organisatie: str) -> dict[str, bytes]:
    rows = opendata.ordered([dict(r) for e in published for r in e["rijen"]])
    for r in rows:
        r["document"] = diwoo.url(basis_url, r["document"])
    return {
        "besluiten.csv": opendata.to_csv(rows),
        "besluiten.json": opendata.to_json(rows, organisatie),
        opendata.SCHEMA_NAAM: opendata.json_schema(),
    }


def _meeting_lists(entries, out: Path, tmp: Path, old: State) -> list[tuple]:
    """(description, new PDF or None when the one in OUT still holds, HTML hash) of the
    list of each meeting at which something public was decided."""
    regels: dict[str, list[tuple[str, dict | None]]] = {}
    for e in entries.values():
        naam = e["publicatie"]["naam"] if e["status"] == GEPUBLICEERD else ""
        for sleutel, regel in e.get("lijsten", {}).items():
            regels.setdefault(sleutel, []).append((naam, regel))
    found = []
    for sleutel in sorted(regels, key=lambda s: (s.split("|")[1], s)):
        lines = sorted(regels[sleutel], key=lambda r: (r[1] is None, (r[1] or {}).get("kenmerk", ""), r[0]))
        if all(r is None for _, r in lines):
            continue
        p = meetings.publicatie(sleutel, lines)
        tekst = meetings.html(sleutel, [r for _, r in lines])
        bron = hashlib.sha256(tekst.encode("utf-8")).hexdigest()
        pdf = None
        if not old.list_unchanged(p.naam, bron, out):
            pdf = tmp / f"{p.naam}.pdf"
            meetings.write_pdf(tekst, pdf)
        found.append((p, pdf, bron))
    return found


def state_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def _staging(out: Path):
    """A hidden folder beside OUT (same file system: moving in is atomic), removed afterwards."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _install(files: dict[str, bytes | Path], out: Path, states: tuple[State, State], report: Report) -> None:
    """Move into OUT what differs; remove what an earlier publication wrote and this one
    does not; the state last."""
    from generator.render.output import write_bytes

    old, new = states
    out.mkdir(parents=True, exist_ok=True)
    for naam, inhoud in files.items():
        target = out / naam
        data = inhoud.read_bytes() if isinstance(inhoud, Path) else inhoud
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        write_bytes(target, data)
        report.written.append(target)
    new.bestanden = sorted(set(files) | {f"{d}.pdf" for d in new.documenten})
    for naam in sorted(set(old.bestanden) - set(new.bestanden)):
        if (out / naam).is_file():
            (out / naam).unlink()
            report.removed.append(out / naam)
    state = out / FILE_NAME
    if not state.is_file() or state.read_bytes() != new.to_bytes():
        write_bytes(state, new.to_bytes())
