"""`nota serve`'s folder: its proposals, and the drafts open in the editor.

A draft (`Bewerking`) holds the bytes the file had when it was opened and
the text as edited; every change is checked and rendered at once, so the
preview, the problems and the totals always show the draft. Opslaan writes
through generator.proposal.rewrite, which refuses when the file changed on
disk since it was opened.
"""
from __future__ import annotations

import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from generator.proposal.vocabulary import ORGAAN_KORT as ORGAAN, ORGANEN
from generator.errors import Melding, NotaFout
from generator.proposal.files import YAML_SUFFIXES, collect
from generator.web.preview import Preview, State, error_page, for_screen


@dataclass
class Entry:
    """One line of the start page."""

    naam: str
    onderwerp: str
    soort: str
    kenmerk: str
    datum: str
    status: str
    problemen: int | None  # None: still being checked
    besloten: bool


_TOP = re.compile(r"^([A-Za-z_]+):[ \t]*(.*?)[ \t]*$", re.M)  # the top-level one-line values
_BESLUIT = re.compile(r"^[ \t]*-?[ \t]*orgaan:[ \t]*(" + "|".join(ORGANEN) + r")\b", re.M)


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _titelveld(soort: str, search_path: tuple) -> str:
    """The kind's title field (see `VoorstelBasis.title`), without validating the file."""
    from generator.proposal.kinds import find_soort
    try:
        return find_soort(soort, search_path).titelveld
    except NotaFout:
        return "onderwerp"


def quick_entry(root: Path, path: Path, search_path: tuple = ()) -> Entry:
    """A line for the start page from a quick look at the text, while the check runs."""
    try:
        tekst = path.read_text(encoding="utf-8-sig", errors="replace")[:1024 * 1024]
    except OSError:
        tekst = ""
    top = {k: v.strip("'\"") for k, v in _TOP.findall(tekst)}
    organen = sorted(set(_BESLUIT.findall(tekst.partition("\nbesluiten:")[2])))
    status = "; ".join(f"besloten door {ORGAAN[o]}" for o in organen)
    titel = top.get(_titelveld(top.get("soort", ""), search_path)) if top.get("soort") else None
    return Entry(path.relative_to(root).as_posix(), titel or path.stem, top.get("soort", ""),
                 top.get("kenmerk", ""), top.get("datum", ""), status or "concept", None, bool(organen))


class Workspace:
    def __init__(self, root: Path, search_path):
        self.root, self.search_path = Path(root).resolve(), search_path
        self._entries: dict[Path, tuple[tuple, Entry]] = {}
        self.drafts: dict[str, Bewerking] = {}
        self._lock = threading.Lock()
        self._checked = threading.Event()
        self._worker: threading.Thread | None = None

    def files(self) -> list[Path]:
        return collect([self.root])

    def entries(self, wait: float = 0.5) -> list[Entry]:
        """Every proposal. A file is checked again only when it changed, in the background;
        until then its line shows what a quick look at the text finds (`problemen` None)."""
        self.warm()
        self._checked.wait(wait)
        out = []
        for path in self.files():
            cached = self._entries.get(path)
            fresh = cached is not None and cached[0] == _stamp(path)
            out.append(cached[1] if cached is not None and fresh else quick_entry(self.root, path, self.search_path))
        return out

    def warm(self) -> None:
        """Check, in one background thread, every proposal not checked since it changed."""
        with self._lock:
            if self._worker is not None and self._worker.is_alive():
                return
            self._checked.clear()
            self._worker = threading.Thread(target=self._check_all, daemon=True)
            self._worker.start()

    def _check_all(self) -> None:
        try:
            for path in self.files():
                stamp = _stamp(path)
                cached = self._entries.get(path)
                if cached is None or cached[0] != stamp:
                    self._entries[path] = (stamp, self._entry(path))
        finally:
            self._checked.set()

    def _entry(self, path: Path) -> Entry:
        from generator.checks import check_file
        voorstel, meldingen = check_file(path, self.search_path)
        naam = path.relative_to(self.root).as_posix()
        problemen = sum(m.is_error for m in meldingen)
        if voorstel is None:
            return Entry(naam, path.stem, "", "", "", "concept", max(problemen, 1), False)
        v = voorstel.data
        besluiten = {b.orgaan: b for b in v.besluiten}
        status = "; ".join(f"besloten door {ORGAAN[o]} "
                           f"({b.uitkomst}, {b.datum.isoformat()})" for o, b in besluiten.items())
        datum = getattr(v, "datum", None)
        return Entry(naam, v.title or path.stem, voorstel.soort.naam,
                     str(getattr(v, "kenmerk", "") or ""), datum.isoformat() if datum else "",
                     status or "concept", problemen, bool(besluiten))

    def resolve(self, naam: str) -> Path:
        """The proposal `naam` inside the folder; NotaFout for anything else."""
        path = (self.root / naam).resolve()
        if not (path.is_relative_to(self.root) and path.suffix.lower() in YAML_SUFFIXES and path.is_file()):
            raise NotaFout(Melding(f"'{naam}' is geen voorstel in {self.root}"))
        return path

    def open(self, naam: str) -> "Bewerking":
        path = self.resolve(naam)
        draft = Bewerking(secrets.token_urlsafe(12), path, naam, self.search_path)
        with self._lock:
            self.drafts[draft.id] = draft
            if len(self.drafts) > 50:  # the oldest drafts go; their files are on disk
                for old in list(self.drafts)[:-50]:
                    del self.drafts[old]
        return draft


class Bewerking:
    """One proposal open in the editor."""

    def __init__(self, id_: str, path: Path, naam: str, search_path):
        self.id, self.path, self.naam, self.search_path = id_, path, naam, search_path
        self.preview = Preview(path, search_path)
        self.preview.state = State(0, "", False)
        self.lock = threading.Lock()
        self.reload()

    def reload(self) -> None:
        self.opened = self.path.read_bytes()
        self.stamp = _stamp(self.path)
        self.tekst = self.opened.decode("utf-8-sig", errors="replace")
        self.refresh()

    @property
    def besloten(self) -> bool:
        voorstel = self.preview.state.voorstel or self.voorstel
        return bool(voorstel is not None and voorstel.data.besluiten)

    def soort(self):
        """The kind of the draft, also when it does not validate yet (a draft in progress)."""
        from generator.proposal.kinds import find_soort
        if self.voorstel is not None:
            return self.voorstel.soort
        naam = self.bron.data.get("soort") if self.bron is not None else None
        try:
            return find_soort(naam, self.search_path) if isinstance(naam, str) else None
        except NotaFout:
            return None

    def changed_on_disk(self) -> bool:
        """Whether someone else changed the file since it was opened or saved here."""
        try:
            return _stamp(self.path) != self.stamp and self.path.read_bytes() != self.opened
        except OSError:
            return True

    @property
    def changed(self) -> bool:
        return self.tekst.encode("utf-8") != self.opened

    def update_form(self, formulier: dict) -> None:
        from generator.web.yamledit import apply_form
        if self.bron is None:
            raise NotaFout(Melding("het YAML bevat een fout; verbeter die eerst op het tabblad YAML",
                                   self.path))
        self.tekst = apply_form(self.tekst, formulier)
        self.refresh()

    def update_yaml(self, tekst: str) -> None:
        self.tekst = tekst
        self.refresh()

    def save(self) -> None:
        from generator.proposal.rewrite import rewrite
        new = self.tekst.encode("utf-8")
        self.opened = rewrite(self.path, lambda current: new, expected=self.opened)
        self.stamp = _stamp(self.path)
        threading.Thread(target=self._prepare_downloads, daemon=True).start()

    def _prepare_downloads(self) -> None:
        """After Opslaan the documents are usually wanted: make them now, in the background."""
        if not self.preview.state.ok:
            return
        for format_ in ("pdf", "docx"):
            try:
                self.preview.document(format_)
            except Exception:  # shown when the user asks for the document
                return

    def refresh(self) -> None:
        """Check and render the draft; the preview's state follows it."""
        from generator.checks import run_checks
        from generator.proposal.load import load_bytes
        from generator.proposal.validate import validate
        self.bron = self.voorstel = None
        try:
            self.bron = load_bytes(self.tekst.encode("utf-8"), self.path)
            self.voorstel = validate(self.bron, self.search_path)
            meldingen = run_checks(self.voorstel)
        except NotaFout as e:
            meldingen = e.meldingen
        self._publish(meldingen)

    def _publish(self, meldingen: list[Melding]) -> None:
        from generator.render import context
        from generator.render.html import render_html
        ok = self.voorstel is not None and not any(m.is_error for m in meldingen)
        inhoud, voorstel = error_page(meldingen), None
        if ok and self.voorstel is not None:
            try:
                inhoud = for_screen(render_html(self.voorstel, context.build(self.voorstel)))
                voorstel = self.voorstel
            except NotaFout as e:
                meldingen, ok, inhoud = meldingen + e.meldingen, False, error_page(e.meldingen)
        state = State(self.preview.state.version + 1, inhoud, ok, meldingen, voorstel)
        self.preview.state = state
        self.meldingen = meldingen

    def problems(self) -> list[dict]:
        """The meldingen with the path of the field they are about, where known."""
        at: dict[tuple[int, int], list] = {}
        if self.bron is not None:
            for path, (regel, column) in self.bron.positions.items():
                at.setdefault((regel, column), list(path))
        return [{"tekst": str(m), "niveau": m.niveau, "pad": at.get((m.regel or 0, m.column or 0))}
                for m in self.meldingen]

    def totals(self) -> dict[str, dict]:
        """Every financial table of the draft, computed as `nota check` computes it."""
        import json

        from generator.proposal.model import Tabel
        from generator.proposal.tables import compute
        from generator.web.grid import cells
        out = {}
        secties = (self.bron.data.get("secties") if self.bron is not None else None) or {}
        for key, inhoud in (secties.items() if isinstance(secties, dict) else ()):
            for i, item in enumerate(inhoud if isinstance(inhoud, list) else []):
                if not isinstance(item, dict) or "tabel" not in item:
                    continue
                try:
                    computed = compute(Tabel.model_validate(item))
                except Exception:  # an amount being typed: no totals until it is one
                    continue
                out[json.dumps(["secties", key, i], separators=(",", ":"))] = cells(computed)
        return out
