"""`nota serve`'s folder: its proposals, and the drafts open in the editor.

A draft (`Bewerking`) holds the bytes the file had when it was opened and
the text as edited; every change is checked and rendered at once, so the
preview, the problems and the totals always show the draft. Opslaan writes
through generator.proposal.rewrite, which refuses when the file changed on
disk since it was opened.
"""
from __future__ import annotations

import hashlib
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from generator.proposal.vocabulary import ORGAAN_KORT as ORGAAN, ORGANEN
from generator.errors import Melding, NotaFout
from generator.proposal.files import YAML_SUFFIXES, read_regular, walk
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


_PREPARING = threading.Semaphore(1)  # background renders after Opslaan, across all drafts
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
    from generator.proposal.load import MAX_BYTES
    try:
        tekst = read_regular(path, MAX_BYTES).decode("utf-8-sig", errors="replace")
    except (OSError, NotaFout):
        tekst = ""
    top = {k: v.strip("'\"") for k, v in _TOP.findall(tekst)}
    organen = sorted(set(_BESLUIT.findall(tekst.partition("\nbesluiten:")[2])))
    status = "; ".join(f"besloten door {ORGAAN[o]}" for o in organen)
    titel = top.get(_titelveld(top.get("soort", ""), search_path)) if top.get("soort") else None
    return Entry(path.relative_to(root).as_posix(), titel or path.stem, top.get("soort", ""),
                 top.get("kenmerk", ""), top.get("datum", ""), status or "concept", None, bool(organen))


BOM = b"\xef\xbb\xbf"


def for_page(meldingen: list[Melding], folder: Path) -> list[Melding]:
    """Meldingen as a page shows them: a file by its name in the folder, never a full path."""
    from dataclasses import replace
    out = []
    for m in meldingen:
        bestand = Path(m.bestand) if m.bestand else None
        if bestand is not None and bestand.is_absolute():
            bestand = bestand.relative_to(folder) if bestand.is_relative_to(folder) else Path(bestand.name)
            m = replace(m, bestand=bestand)
        out.append(m)
    return out


def _read(path: Path) -> bytes:
    from generator.proposal.load import MAX_BYTES
    return read_regular(path, MAX_BYTES)


def _decode(raw: bytes, path: Path) -> str:
    """The text of the file; a file that is not UTF-8 is refused, with how to convert it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        regel = raw[: e.start].count(b"\n") + 1
        raise NotaFout(Melding(
            f"het bestand is geen UTF-8 (byte 0x{raw[e.start]:02x} op regel {regel}); de editor bewaart "
            f"alleen UTF-8, om geen letters te beschadigen. Zet het om, bijvoorbeeld met "
            f"'iconv -f cp1252 -t utf-8 {path.name} > nieuw.yaml', of sla het in uw editor op als "
            "UTF-8", Path(path.name))) from None


def keep_form(original: bytes, tekst: str) -> bytes:
    """`tekst` as bytes in the form of `original`: its BOM, its line endings (CRLF stays CRLF,
    also after a browser sent LF), and no final newline added where it had none."""
    crlf = original.count(b"\r\n") > original.count(b"\n") / 2
    tekst = tekst.replace("\r\n", "\n")
    if crlf:
        tekst = tekst.replace("\n", "\r\n")
    return (BOM if original.startswith(BOM) else b"") + tekst.encode("utf-8")


_BESLUITEN = re.compile(rb"^besluiten:[ \t]*([^\r\n]*)\r?\n?((?:[ \t]*(?:#[^\r\n]*)?\r?\n)*)([ \t-]?)", re.MULTILINE)


def is_decided(raw: bytes) -> bool:
    """Whether the file holds a decision (any value under `besluiten` but empty), also when
    it does not load or validate: such a file is read-only in the editor."""
    from generator.proposal.load import load_bytes
    try:
        data = load_bytes(raw, Path("voorstel.yaml")).data
        if isinstance(data, dict):
            return bool(data.get("besluiten"))
    except NotaFout:
        pass
    for hit in _BESLUITEN.finditer(raw):
        rest = hit.group(1).split(b"#", 1)[0].strip()
        if rest not in (b"", b"[]", b"~", b"null") or hit.group(3):
            return True
    return False


class Workspace:
    def __init__(self, root: Path, search_path):
        self.root, self.search_path = Path(root).resolve(), search_path
        self._entries: dict[Path, tuple[tuple, Entry]] = {}
        self.drafts: dict[str, Bewerking] = {}
        self._lock = threading.Lock()
        self._checked = threading.Event()
        self._worker: threading.Thread | None = None
        self._told: set[str] = set()
        self._secret = secrets.token_hex(16)

    def files(self) -> list[Path]:
        """The proposals in the folder: regular files only (see generator.proposal.files); what
        is left out is said once in the server's window."""
        files, skipped = walk(self.root)
        for melding in skipped:
            if str(melding) not in self._told:
                self._told.add(str(melding))
                import click
                click.echo(str(melding), err=True)
        return files

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
            raise NotaFout(Melding(f"'{naam}' is geen voorstel in deze map"))
        return path

    def draft_id(self, path: Path) -> str:
        """One draft per file, its id fixed for the server's life: opening a file again (a GET)
        finds the same draft, so no GET creates a second one or pushes an unsaved one out."""
        return hashlib.sha256(f"{self._secret}\0{path}".encode()).hexdigest()[:22]

    def draft(self, id_: str) -> "Bewerking | None":
        """The open draft `id_`; None when no such draft was opened."""
        with self._lock:
            return self.drafts.get(id_)

    def open(self, naam: str) -> "Bewerking":
        """The draft of `naam`: the one already open (unchanged by opening it again), or a
        new one. Drafts are never evicted: there is at most one per file in the folder."""
        path = self.resolve(naam)
        key = self.draft_id(path)
        with self._lock:
            draft = self.drafts.get(key)
            if draft is None:
                draft = self.drafts[key] = Bewerking(key, path, path.relative_to(self.root).as_posix(),
                                                     self.search_path)
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
        """Read the file again; a decided file stays read-only whatever else is wrong with it."""
        opened = _read(self.path)
        self.tekst = _decode(opened, self.path)
        self.opened, self.stamp = opened, _stamp(self.path)
        self.decided_on_disk = is_decided(opened)
        self.refresh()

    @property
    def besloten(self) -> bool:
        """Decided: on disk, or in the draft (a valid draft with a record). Either way read-only."""
        voorstel = self.preview.state.voorstel or self.voorstel
        return self.decided_on_disk or bool(voorstel is not None and voorstel.data.besluiten)

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
            return _stamp(self.path) != self.stamp and _read(self.path) != self.opened
        except (OSError, NotaFout):
            return True

    @property
    def changed(self) -> bool:
        return self.encoded() != self.opened

    def encoded(self) -> bytes:
        """The draft as the file's bytes: its BOM and line endings as the file had them."""
        return keep_form(self.opened, self.tekst)

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
        """Write the draft; never over a decided file, never removing a decision."""
        from generator.proposal.rewrite import rewrite
        if self.besloten:
            raise NotaFout(Melding("over dit voorstel is besloten; het is alleen te lezen", Path(self.naam)))
        new = self.encoded()

        def change(current: bytes) -> bytes:
            if is_decided(current):
                raise NotaFout(Melding("over dit voorstel is inmiddels besloten; het is alleen te lezen: "
                                       "laad het opnieuw", Path(self.naam)))
            return new
        self.opened = rewrite(self.path, change, expected=self.opened)
        self.stamp = _stamp(self.path)
        threading.Thread(target=self._prepare_downloads, daemon=True).start()

    def _prepare_downloads(self) -> None:
        """After Opslaan the documents are usually wanted: make them now, in the background,
        one proposal at a time (with many users saving, the rest are made when asked for)."""
        if not self.preview.state.ok or not _PREPARING.acquire(blocking=False):
            return
        try:
            for format_ in ("pdf", "docx"):
                try:
                    self.preview.document(format_)
                except Exception:  # shown when the user asks for the document
                    return
        finally:
            _PREPARING.release()

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
        folder = self.path.parent
        inhoud, voorstel = error_page(for_page(meldingen, folder)), None
        if ok and self.voorstel is not None:
            try:
                inhoud = for_screen(render_html(self.voorstel, context.build(self.voorstel)))
                voorstel = self.voorstel
            except NotaFout as e:
                meldingen, ok, inhoud = meldingen + e.meldingen, False, error_page(for_page(e.meldingen, folder))
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
                for m in for_page(self.meldingen, self.path.parent)]

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
