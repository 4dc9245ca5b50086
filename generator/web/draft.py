"""One proposal open in the editor (`Bewerking`): the bytes its file had when it was
opened and the text as edited; every change is checked and rendered at once, so the
preview, the problems and the totals always show the draft. Opslaan writes through
generator.proposal.rewrite: merged with a save made elsewhere, never over a decision."""

from __future__ import annotations

import threading
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.web.ondisk import _decode, _read, _stamp, is_decided, keep_form, loaded_data, remember
from generator.web.preview import Preview, State, mark_places, rendition
from generator.web.wording import for_user

_PREPARING = threading.Semaphore(1)  # background renders after Opslaan, across all drafts
KEPT_BASES = 8  # earlier bases of a draft a page may still send its YAML against


class Bewerking:
    """One proposal open in the editor."""

    def __init__(self, id_: str, path: Path, naam: str, search_path, owner: str = ""):
        self.id, self.path, self.naam, self.search_path = id_, path, naam, search_path
        self.owner = owner  # the session whose draft this is ("": the one local user)
        self._bases: dict[str, bytes] = {}  # basis → the file's bytes a page started from
        self.used = 0.0  # time.monotonic() when its session last asked for it
        self.preview = Preview(path, search_path)
        self.preview.state = State(0, "", False)
        self.lock = threading.Lock()
        self.invoer: list[dict] = []  # input refused at a field: {pad, tekst, niveau}
        self.reload()

    def reload(self) -> None:
        """Read the file again; a decided file stays read-only whatever else is wrong with it."""
        opened = _read(self.path)
        self.sent: dict[str, str] = {}  # per field, the value a page last sent (two tabs, one draft)
        self.tekst = _decode(opened, self.path)
        self.opened, self.stamp = opened, _stamp(self.path)
        self._keep_base()
        self.decided_on_disk = is_decided(opened)
        self.refresh()
        self.opened_voorstel = self.voorstel  # what a save compares with, for its commit message

    @property
    def basis(self) -> str:
        """The file's bytes this draft started from (opened or last saved), as a short hash."""
        return _hash(self.opened)

    def _keep_base(self) -> None:
        self._bases[self.basis] = self.opened
        while len(self._bases) > KEPT_BASES:
            del self._bases[next(iter(self._bases))]

    @property
    def besloten(self) -> bool:
        """Decided: on disk, or in the draft (a valid draft with a deciding record). Either way
        read-only; an aangehouden proposal is a concept again."""
        from generator.decisions.numbering import is_decided as decided

        voorstel = self.preview.state.voorstel or self.voorstel
        return self.decided_on_disk or bool(voorstel is not None and decided(voorstel))

    def soort(self):
        """The kind of the draft, also when it does not validate yet (a draft in progress)."""
        from generator.proposal.kinds import find_soort

        if self.voorstel is not None:
            return self.voorstel.soort
        naam = self.bron.entry("soort") if self.bron is not None else None
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

    def update_form(self, formulier: dict, basis: dict | None = None) -> list[dict]:
        """Put the form's values (all, or the fields a page changed) in the draft. With
        `basis` (what that page had before), a field another page changed meanwhile to
        something else is not taken: it is returned as a conflict with both values."""
        from generator.web.form import checked_input
        from generator.web.merge import claims
        from generator.web.paste import clean_tree
        from generator.web.yamledit import apply_form

        if self.bron is None:
            raise NotaFout(Melding("het YAML bevat een fout; verbeter die eerst op het tabblad YAML"))
        taken, conflicten = claims(formulier, basis, self.sent)  # as the page sent it: its next basis
        checked, self.invoer = checked_input(clean_tree(taken))
        self.tekst = apply_form(self.tekst, checked if isinstance(checked, dict) else {})
        self.refresh()
        return conflicten

    def update_yaml(self, tekst: str, basis: str | None = None) -> list[dict]:
        """Take the YAML tab's text. With `basis` (the draft's basis when that page was loaded)
        older than the draft's own (the draft followed a save made elsewhere since), the text
        is merged three ways, so the other's change is not undone; a field both changed is
        returned as a conflict with both texts, and nothing is taken."""
        from generator.web.paste import clean

        tekst = clean(tekst)
        if basis is not None and basis != self.basis:
            tekst, conflicten = self._merged_yaml(basis, tekst)
            if conflicten:
                return conflicten
        self.tekst, self.invoer, self.sent = tekst, [], {}
        self.refresh()
        return []

    def _merged_yaml(self, basis: str, tekst: str) -> tuple[str, list[dict]]:
        from generator.web.merge import merge_texts

        before = self._bases.get(basis)
        if before is None:
            raise NotaFout(Melding(STALE))
        try:
            merged, conflicts = merge_texts(_text(before), self.tekst, tekst)
        except Exception:  # a text that is no YAML cannot be merged
            raise NotaFout(Melding(STALE)) from None
        return merged, [c.as_dict() for c in conflicts]

    def save(self, prefer: str | None = None) -> bool:
        """Write the draft; never over a decided file, never adding or removing a decision
        record. When the file was saved elsewhere since it was opened (another editor, git),
        both are merged field by field; a field changed on both sides raises `Conflicts`,
        unless `prefer` ("mijn" or "ander") settles it."""
        from generator.proposal.rewrite import rewrite
        from generator.web.merge import merge_texts

        if self.besloten:
            raise NotaFout(Melding("over dit voorstel is besloten; het is alleen te lezen", Path(self.naam)))
        if self.bron is None or self.bron.tekst != self.tekst:  # refresh loaded it already
            self._loads(self.tekst)
        current = _read(self.path)
        merged = current != self.opened
        if merged:
            tekst, conflicts = merge_texts(_text(self.opened), _text(current), self.tekst, prefer)
            if conflicts and prefer is None:
                raise Conflicts([c.as_dict() for c in conflicts])
            self.tekst = tekst
            self._loads(tekst)
        new = keep_form(current, self.tekst)

        def change(now: bytes) -> bytes:
            if is_decided(now):
                raise NotaFout(
                    Melding(
                        "over dit voorstel is inmiddels besloten; het is alleen te lezen: laad het opnieuw",
                        Path(self.naam),
                    )
                )
            if _records(now) != _records(new):
                raise NotaFout(
                    Melding(
                        "besluiten legt alleen het secretariaat vast; zet 'besluiten' terug zoals het was",
                        Path(self.naam),
                    )
                )
            return new

        self.opened = rewrite(self.path, change, expected=current)
        self.stamp = _stamp(self.path)
        self._keep_base()
        if merged:
            self.refresh()
        self.opened_voorstel = self.voorstel
        if self.owner == "":  # one local user: the documents are ready when asked for
            threading.Thread(target=self._prepare_downloads, daemon=True).start()
        return merged

    def _loads(self, tekst: str) -> None:
        """The server never writes a file that does not load again."""
        from generator.proposal.load import load_bytes

        try:
            load_bytes(tekst.encode("utf-8"), self.path)
        except NotaFout as e:
            raise NotaFout(
                Melding(
                    "zo kan het voorstel niet worden opgeslagen, want het zou niet meer "
                    f"te openen zijn: {for_user(e.meldingen[0])}"
                )
            ) from None

    def _prepare_downloads(self) -> None:
        """After Opslaan the documents are usually wanted: make them now, in the background,
        one proposal at a time; a concept with errors too, as far as it can be shown. Not
        for a team: there every CPU second goes to the previews, and a document is made when
        it is asked for."""
        if self.preview.state.voorstel is None or not _PREPARING.acquire(blocking=False):
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
            remember(self.encoded(), self.bron.data)
            self.voorstel = validate(self.bron, self.search_path)
            meldingen = run_checks(self.voorstel)
        except NotaFout as e:
            meldingen = e.meldingen
        self._publish(meldingen)

    def _publish(self, meldingen: list[Melding]) -> None:
        shown = self.voorstel or self._concept()
        try:
            ok, inhoud, meldingen, voorstel = rendition(shown, meldingen, for_user)
        except Exception:  # a concept with blanks the templates cannot show: the error page
            if shown is self.voorstel:
                raise
            ok, inhoud, meldingen, voorstel = rendition(None, meldingen, for_user)
        ok = ok and self.voorstel is not None
        if voorstel is not None and not ok:
            placed = [(p["pad"], p["tekst"]) for p in self._placed(meldingen) if p["niveau"] == "fout"]
            inhoud = mark_places(inhoud, placed)
        self.preview.state = State(self.preview.state.version + 1, inhoud, ok, meldingen, voorstel)
        self.meldingen = meldingen

    def _concept(self):
        """The proposal as far as it is written (blank fields allowed), to show while it is
        not complete yet; None when even that cannot be read."""
        from generator.proposal.validate import partial

        if self.bron is None or any(m.is_error for m in self.bron.meldingen):
            return None
        return partial(self.bron, self.search_path)

    def problems(self) -> list[dict]:
        """What the page shows at the fields: input refused (the old value stays), then the
        meldingen, each with the path of its field where known, in words for the user."""
        return [*self.invoer, *self._placed(self.meldingen)]

    def _placed(self, meldingen: list[Melding]) -> list[dict]:
        at: dict[tuple[int, int], list] = {}
        if self.bron is not None:
            for path, (line, column) in self.bron.positions.items():
                at.setdefault((line, column), list(path))
        return [
            {"tekst": for_user(m), "niveau": m.level, "pad": at.get((m.line or 0, m.column or 0))} for m in meldingen
        ]

    def totals(self) -> dict[str, dict]:
        """Every financial table of the draft, computed as `nota check` computes it."""
        import json

        from generator.proposal.model import Tabel
        from generator.proposal.tables import compute
        from generator.web.grid import cells

        out = {}
        secties = (self.bron.entry("secties") if self.bron is not None else None) or {}
        for key, inhoud in secties.items() if isinstance(secties, dict) else ():
            for i, item in enumerate(inhoud if isinstance(inhoud, list) else []):
                if not isinstance(item, dict) or "tabel" not in item:
                    continue
                try:
                    computed = compute(Tabel.model_validate(item))
                except Exception:  # an amount being typed: no totals until it is one
                    continue
                out[json.dumps(["secties", key, i], separators=(",", ":"))] = cells(computed)
        return out


class Conflicts(Exception):
    """The same field changed here and in the file since it was opened."""

    def __init__(self, conflicten: list[dict]):
        super().__init__(f"{len(conflicten)} conflicten")
        self.conflicten = conflicten


STALE = (
    "het voorstel is intussen elders gewijzigd en deze tekst is niet meer samen te voegen; "
    "kopieer uw wijziging, laad het voorstel opnieuw en breng haar opnieuw aan"
)


def _hash(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()[:16]


def _text(raw: bytes) -> str:
    return raw.decode("utf-8-sig", errors="replace")


def _records(raw: bytes) -> object:
    """The decision records a file holds, as data (None when it does not load)."""
    data = loaded_data(raw)
    return data.get("besluiten") or [] if isinstance(data, dict) else None
