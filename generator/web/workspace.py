"""`nota serve`'s folder: its proposals, and the drafts open in the editor (one per file
and session, generator.web.draft; the file's bytes as read and written: generator.web.ondisk).

A user's unsaved edits live in their own session's draft: nobody else sees or changes
them. Opslaan merges the draft three ways with the file as it is then; a draft with
nothing unsaved follows the file when someone else saves it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.proposal.files import YAML_SUFFIXES, read_regular, walk
from generator.proposal.vocabulary import ORGAAN_KORT as ORGAAN
from generator.proposal.vocabulary import ORGANEN
from generator.web.draft import Bewerking, Conflicts
from generator.web.ondisk import BOM, _stamp, for_page, is_decided, keep_form

LOCAL = ""  # the owner of the drafts without [login]: the one local user
MAX_DRAFTS = 20  # drafts one session keeps open
MAX_ALL_DRAFTS = 1000  # drafts the server keeps open, of all sessions together

__all__ = [
    "LOCAL",
    "MAX_ALL_DRAFTS",
    "MAX_DRAFTS",
    "BOM",
    "Bewerking",
    "Conflicts",
    "Entry",
    "Workspace",
    "for_page",
    "is_decided",
    "keep_form",
    "quick_entry",
]


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
    return Entry(
        path.relative_to(root).as_posix(),
        titel or path.stem,
        top.get("soort", ""),
        top.get("kenmerk", ""),
        top.get("datum", ""),
        status or "concept",
        None,
        bool(organen),
    )


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
        if voorstel is None:  # listed by what a quick look finds: its onderwerp where it has one
            quick = quick_entry(self.root, path)
            return Entry(
                naam, quick.onderwerp, quick.soort, quick.kenmerk, quick.datum, "concept", max(problemen, 1), False
            )
        from generator.proposal.vocabulary import decides

        v = voorstel.data
        laatste = {b.orgaan: b for b in v.besluiten}
        status = "; ".join(
            f"besloten door {ORGAAN[o]} ({b.uitkomst}, {b.datum.isoformat()})"
            if decides(b)
            else f"concept ({b.uitkomst} door {ORGAAN[o]} op {b.datum.isoformat()})"
            for o, b in laatste.items()
        )
        besluiten = {o: b for o, b in laatste.items() if decides(b)}
        datum = v.proposal_date()
        return Entry(
            naam,
            v.title or path.stem,
            voorstel.soort.naam,
            v.field("kenmerk") or "",
            datum.isoformat() if datum else "",
            status or "concept",
            problemen,
            bool(besluiten),
        )

    def resolve(self, naam: str) -> Path:
        """The proposal `naam` inside the folder; NotaFout for anything else."""
        path = (self.root / naam).resolve()
        if not (path.is_relative_to(self.root) and path.suffix.lower() in YAML_SUFFIXES and path.is_file()):
            raise NotaFout(Melding(f"'{naam}' is geen voorstel in deze map"))
        return path

    def draft_id(self, path: Path, owner: str = LOCAL) -> str:
        """One draft per file and session, its id fixed for the session's life: opening a file
        again (a GET) finds the same draft, so no GET creates a second one or pushes an unsaved
        one out. The id says nothing about the session it belongs to."""
        return hashlib.sha256(f"{self._secret}\0{owner}\0{path}".encode()).hexdigest()[:22]

    def draft(self, id_: str, owner: str = LOCAL) -> Bewerking | None:
        """The open draft `id_` of `owner`; None when that session opened no such draft
        (another user's draft is never found)."""
        with self._lock:
            draft = self.drafts.get(id_)
        if draft is None or draft.owner != owner:
            return None
        draft.used = time.monotonic()
        return draft

    def open(self, naam: str, owner: str = LOCAL) -> Bewerking:
        """`owner`'s draft of `naam`: the one already open (unchanged by opening it again), or
        a new one. Without [login] there is one owner and at most one draft per file; a
        session holds at most MAX_DRAFTS, the server MAX_ALL_DRAFTS; a new one pushes out
        only a draft without unsaved changes."""
        path = self.resolve(naam)
        key = self.draft_id(path, owner)
        with self._lock:
            draft = self.drafts.get(key)
        if draft is not None:
            draft.used = time.monotonic()
            return draft
        new = Bewerking(key, path, path.relative_to(self.root).as_posix(), self.search_path, owner)
        new.used = time.monotonic()
        with self._lock:
            if key not in self.drafts:
                self._make_room(owner)
                self.drafts[key] = new
            return self.drafts[key]

    def _make_room(self, owner: str) -> None:
        own = [d for d in self.drafts.values() if d.owner == owner] if owner != LOCAL else []
        if len(own) >= MAX_DRAFTS:
            self._push_out(
                own,
                f"u heeft al {MAX_DRAFTS} voorstellen open met niet-opgeslagen wijzigingen; "
                "sla er een op of laad het opnieuw, en open dit voorstel daarna",
            )
        if len(self.drafts) >= MAX_ALL_DRAFTS:  # memory: a draft is some 100 KiB
            self._push_out(
                list(self.drafts.values()),
                f"er staan al {MAX_ALL_DRAFTS} voorstellen met niet-opgeslagen wijzigingen open op "
                "deze server; probeer het over een paar minuten opnieuw of meld het aan de beheerder",
            )

    def _push_out(self, drafts: list[Bewerking], refusal: str) -> None:
        """Close the longest unused of `drafts` that has no unsaved changes; nothing is lost
        (its page opens it again). None such: refused with `refusal`."""
        unchanged = [d for d in drafts if not d.changed]
        if not unchanged:
            raise NotaFout(Melding(refusal))
        del self.drafts[min(unchanged, key=lambda d: d.used).id]

    def forget(self, owner: str) -> None:
        """The session `owner` ended (logout, expiry): its drafts go."""
        with self._lock:
            for key in [k for k, d in self.drafts.items() if d.owner == owner]:
                del self.drafts[key]

    def others(self, draft: Bewerking) -> list[Bewerking]:
        """The other sessions' drafts of the same file."""
        with self._lock:
            return [d for d in self.drafts.values() if d.path == draft.path and d is not draft]

    def follow(self, saved: Bewerking) -> None:
        """After `saved` was written: every other draft of that file without unsaved changes
        takes the file as it is now (in the background: the saving user does not wait)."""
        others = self.others(saved)
        if others:
            threading.Thread(target=_follow, args=(others,), daemon=True).start()


def _follow(drafts: list[Bewerking]) -> None:
    for draft in drafts:
        with draft.lock:
            if not draft.changed and draft.changed_on_disk():
                try:
                    draft.reload()
                except (OSError, NotaFout):  # shown when its user opens it again
                    continue
