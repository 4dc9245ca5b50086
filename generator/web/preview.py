"""The live preview: one warm process that serves a proposal's HTML rendition.

The document is the same HTML that WeasyPrint lays out for the PDF, shown in
a frame below a bar with download links. A watcher rebuilds it on every save
(of the proposal or of its kind's templates) and tells the page through
server-sent events, so the browser reloads within a second. A save that
breaks the proposal shows the meldingen (file:line:column) in place of the
document; the server keeps running. Only 127.0.0.1 is served, and only
stylesheets, fonts and images from the kind's template folders (images also
from the proposal's own folder).
"""

from __future__ import annotations

import re
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from generator.errors import Melding, NotaFout
from generator.web.pages import render

if TYPE_CHECKING:
    from generator.proposal.validate import Voorstel

HOST = "127.0.0.1"
IMAGE = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
TEMPLATE_FILE = IMAGE | {".css", ".ttf", ".otf", ".woff", ".woff2"}
FORMATS = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_FILE_URL = re.compile(r"file://(/[^\"'()\s<>]*)")
_BASE = '<base href="/map/">'
_SCREEN = (
    "<style>@media screen{html{background:#e8e8e8}body{background:#fff;max-width:17cm;"
    "margin:1em auto!important;padding:2cm!important;box-shadow:0 0 .4em #999}}</style>"
)


@dataclass
class State:
    """One build of the proposal: the document, or the meldingen that stopped it."""

    version: int
    html: str
    ok: bool
    meldingen: list[Melding] = field(default_factory=list)
    voorstel: Voorstel | None = None
    time_: datetime = field(default_factory=datetime.now)

    def samenvatting(self) -> dict:
        errors = sum(m.is_error for m in self.meldingen)
        tekst = (
            f"bijgewerkt om {self.time_:%H:%M:%S}"
            if self.ok
            else f"{errors} {'fout' if errors == 1 else 'fouten'} om {self.time_:%H:%M:%S}"
        )
        return {"versie": self.version, "ok": self.ok, "tekst": tekst, "downloadbaar": self.voorstel is not None}


class Preview:
    """The preview's state: the latest build, who waits for the next, downloads."""

    def __init__(self, path: Path, search_path):
        self.path, self.search_path = Path(path), search_path
        self.state = State(0, "", False)
        self.stopped = False
        self._change = threading.Condition()
        self._render = threading.Lock()
        self._downloads: dict[tuple[int, str], tuple[str, bytes]] = {}

    def build(self) -> State:
        """Check and render the proposal anew; wakes every page that waits."""
        try:
            ok, inhoud, meldingen, voorstel = _build(self.path, self.search_path)
        except Exception as e:  # a bug must not stop the preview; show it in the page
            meldingen = [Melding(f"interne fout bij het bijwerken ({type(e).__name__}: {e})", self.path)]
            ok, inhoud, voorstel = False, error_page(meldingen), None
        with self._change:
            self.state = State(self.state.version + 1, inhoud, ok, meldingen, voorstel)
            self._change.notify_all()
        return self.state

    def waiting(self, version: int, seconds: float) -> State:
        """The build after `versie`, or the current one after `seconden`."""
        with self._change:
            self._change.wait_for(lambda: self.state.version != version or self.stopped, seconds)
            return self.state

    def stop(self) -> None:
        with self._change:
            self.stopped = True
            self._change.notify_all()

    def document(self, format_: str) -> tuple[str, bytes]:
        """(file name, content) of the current PDF or DOCX; NotaFout if it cannot be made."""
        state = self.state
        if state.voorstel is None:  # a concept with check errors can still be downloaded
            raise NotaFout(state.meldingen)
        with self._render:
            if (state.version, format_) not in self._downloads:
                self._downloads = {
                    (state.version, format_): _make(state.voorstel, format_),
                    **{k: v for k, v in self._downloads.items() if k[0] == state.version},
                }
            return self._downloads[(state.version, format_)]

    def bestand(self, url_path: str) -> Path | None:
        """The file behind /bestand/... or /map/..., if the preview may serve it."""
        soort, _, rest = url_path.lstrip("/").partition("/")
        own_dir = self.path.resolve().parent
        if soort == "bestand":
            path, roots, allowed = Path("/" + unquote(rest)), self._template_dirs(), TEMPLATE_FILE
        elif soort == "map":
            path, roots, allowed = own_dir / unquote(rest), [own_dir], IMAGE
        else:
            return None
        path = path.resolve()
        if path.suffix.lower() in allowed and path.is_file() and any(path.is_relative_to(w) for w in roots):
            return path
        return None

    def watched_dirs(self) -> list[Path]:
        return list(dict.fromkeys([self.path.resolve().parent, *self._template_dirs()]))

    def _template_dirs(self) -> list[Path]:
        voorstel = self.state.voorstel
        if voorstel is not None:
            return [d.resolve() for d in voorstel.soort.template_dirs()]
        from generator.proposal.kinds import SHARED

        return [d.resolve() for d in self.search_path if d.is_dir()] + [
            (d / SHARED).resolve() for d in self.search_path if (d / SHARED).is_dir()
        ]


def _build(path: Path, search_path) -> tuple[bool, str, list[Melding], Voorstel | None]:
    from generator.checks import check_file

    voorstel, meldingen = check_file(path, search_path)
    return rendition(voorstel, meldingen)


def rendition(
    voorstel: Voorstel | None, meldingen: list[Melding], wording: Callable[[Melding], str] = str
) -> tuple[bool, str, list[Melding], Voorstel | None]:
    """(ok, html, meldingen, voorstel) of one build. A proposal that validates is shown also
    with check errors: the concept stays readable, its problems listed above it; only what
    cannot be rendered shows the error page. `wording` words a melding for the reader."""
    from generator.render import context
    from generator.render.html import render_html

    if voorstel is None:
        return False, error_page(meldingen, wording), meldingen, None
    try:
        document = for_screen(render_html(voorstel, context.build(voorstel)))
    except NotaFout as e:
        meldingen = meldingen + e.meldingen
        return False, error_page(meldingen, wording), meldingen, None
    ok = not any(m.is_error for m in meldingen)
    return ok, document if ok else with_problems(document, meldingen, wording), meldingen, voorstel


def with_problems(document: str, meldingen: list[Melding], wording=str) -> str:
    """The document with its problems above it (on screen only; the PDF is made apart)."""
    errors = [m for m in meldingen if m.is_error]
    aside = render("problemen.html", fouten=len(errors), meldingen=[(m.level, wording(m)) for m in meldingen])
    document = document.replace("</head>", PROBLEMS_STYLE + "</head>", 1)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + aside, document, count=1)


def mark_places(document: str, placed: list[tuple[list, str]]) -> str:
    """Each problem also where it is in the document: at its section, the summary, the
    beslispunten or the header (on screen only)."""
    for pad, tekst in placed:
        anchor = _anchor(document, pad)
        if anchor is None:
            continue
        mark = render("probleem.html", tekst=tekst)
        at = anchor.start() if anchor.group().startswith("<table") else anchor.end()
        document = document[:at] + mark + document[at:]
    return document


def _anchor(document: str, pad: list | None):
    if not pad:
        return None
    if pad[0] == "secties" and len(pad) > 1:
        return re.search(r'<section[^>]*\bid="sectie-%s"[^>]*>' % re.escape(str(pad[1])), document)
    if pad[0] in ("samenvatting", "beslispunten"):
        return re.search(r'<section[^>]*\bclass="%s"[^>]*>' % pad[0], document)
    return re.search(r'<table[^>]*\bclass="kopblok"', document)


PROBLEMS_STYLE = (
    "<style>@media screen{.nota-problemen{border:3px solid #a40000;background:#fff4f4;"
    "padding:.5em 1em;margin:0 0 1em;font-family:system-ui,sans-serif;font-size:11pt}"
    ".nota-problemen .fout{color:#a40000}.nota-probleem{border-left:4px solid #a40000;background:#fff4f4;"
    "color:#a40000;padding:.2em .6em;font-family:system-ui,sans-serif;font-size:10pt}}"
    "@media print{.nota-problemen,.nota-probleem{display:none}}</style>"
)


def _make(voorstel, format_: str) -> tuple[str, bytes]:
    from generator.render.pipeline import write

    with tempfile.TemporaryDirectory(prefix="nota-voorbeeld-") as tmp:
        target = write(voorstel, Path(tmp), (format_,))[0]
        return target.name, target.read_bytes()


def for_screen(document: str) -> str:
    """The PDF's HTML for a browser: file:// URLs served by the preview, a page look."""
    document = _FILE_URL.sub(lambda m: "/bestand" + quote(unquote(m.group(1))), document)
    document = document.replace("<head>", "<head>" + _BASE, 1)
    return document.replace("</head>", _SCREEN + "</head>", 1)


def error_page(meldingen: list[Melding], wording=str) -> str:
    return render("voorbeeld_fouten.html", meldingen=[(m.level, wording(m)) for m in meldingen])


def shell(preview: Preview, nonce: str = "") -> str:
    return render("voorbeeld.html", naam=preview.path.name, nonce=nonce, stand=preview.state.samenvatting())
