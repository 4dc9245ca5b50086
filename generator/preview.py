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

import html
import json
import re
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, unquote

from .errors import Melding, NotaFout

HOST = "127.0.0.1"
BEELD = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
SJABLOONBESTAND = BEELD | {".css", ".ttf", ".otf", ".woff", ".woff2"}
FORMATEN = {"pdf": "application/pdf",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_FILE_URL = re.compile(r"file://(/[^\"'()\s<>]*)")
_BASIS = '<base href="/map/">'
_SCHERM = ('<style>@media screen{html{background:#e8e8e8}body{background:#fff;max-width:17cm;'
           'margin:1em auto!important;padding:2cm!important;box-shadow:0 0 .4em #999}}</style>')


@dataclass
class Stand:
    """One build of the proposal: the document, or the meldingen that stopped it."""

    versie: int
    html: str
    ok: bool
    meldingen: list[Melding] = field(default_factory=list)
    voorstel: object = None
    tijd: datetime = field(default_factory=datetime.now)

    def samenvatting(self) -> dict:
        fouten = sum(m.is_fout for m in self.meldingen)
        tekst = (f"bijgewerkt om {self.tijd:%H:%M:%S}" if self.ok
                 else f"{fouten} {'fout' if fouten == 1 else 'fouten'} om {self.tijd:%H:%M:%S}")
        return {"versie": self.versie, "ok": self.ok, "tekst": tekst}


class Voorbeeld:
    """The preview's state: the latest build, who waits for the next, downloads."""

    def __init__(self, pad: Path, zoekpad):
        self.pad, self.zoekpad = Path(pad), zoekpad
        self.stand = Stand(0, "", False)
        self.gestopt = False
        self._wijziging = threading.Condition()
        self._render = threading.Lock()
        self._downloads: dict[tuple[int, str], tuple[str, bytes]] = {}

    def bouw(self) -> Stand:
        """Check and render the proposal anew; wakes every page that waits."""
        try:
            ok, inhoud, meldingen, voorstel = _bouw(self.pad, self.zoekpad)
        except Exception as e:  # a bug must not stop the preview; show it in the page
            meldingen = [Melding(f"interne fout bij het bijwerken ({type(e).__name__}: {e})", self.pad)]
            ok, inhoud, voorstel = False, foutpagina(meldingen), None
        with self._wijziging:
            self.stand = Stand(self.stand.versie + 1, inhoud, ok, meldingen, voorstel)
            self._wijziging.notify_all()
        return self.stand

    def wacht(self, versie: int, seconden: float) -> Stand:
        """The build after `versie`, or the current one after `seconden`."""
        with self._wijziging:
            self._wijziging.wait_for(lambda: self.stand.versie != versie or self.gestopt, seconden)
            return self.stand

    def stop(self) -> None:
        with self._wijziging:
            self.gestopt = True
            self._wijziging.notify_all()

    def document(self, formaat: str) -> tuple[str, bytes]:
        """(file name, content) of the current PDF or DOCX; NotaFout if it cannot be made."""
        stand = self.stand
        if not stand.ok:
            raise NotaFout(stand.meldingen)
        with self._render:
            if (stand.versie, formaat) not in self._downloads:
                self._downloads = {(stand.versie, formaat): _maak(stand.voorstel, formaat),
                                   **{k: v for k, v in self._downloads.items() if k[0] == stand.versie}}
            return self._downloads[(stand.versie, formaat)]

    def bestand(self, url_pad: str) -> Path | None:
        """The file behind /bestand/... or /map/..., if the preview may serve it."""
        soort, _, rest = url_pad.lstrip("/").partition("/")
        eigen_map = self.pad.resolve().parent
        if soort == "bestand":
            pad, wortels, toegestaan = Path("/" + unquote(rest)), self._sjabloonmappen(), SJABLOONBESTAND
        elif soort == "map":
            pad, wortels, toegestaan = eigen_map / unquote(rest), [eigen_map], BEELD
        else:
            return None
        pad = pad.resolve()
        if pad.suffix.lower() in toegestaan and pad.is_file() and any(pad.is_relative_to(w) for w in wortels):
            return pad
        return None

    def bewaakte_mappen(self) -> list[Path]:
        return list(dict.fromkeys([self.pad.resolve().parent, *self._sjabloonmappen()]))

    def _sjabloonmappen(self) -> list[Path]:
        voorstel = self.stand.voorstel
        if voorstel is not None:
            return [d.resolve() for d in voorstel.soort.template_dirs()]
        from .kinds import SHARED
        return [d.resolve() for d in self.zoekpad if d.is_dir()] + [
            (d / SHARED).resolve() for d in self.zoekpad if (d / SHARED).is_dir()]


def _bouw(pad: Path, zoekpad) -> tuple[bool, str, list[Melding], object]:
    from . import context
    from .commands.check import controleer_bestand
    from .render_html import render_html
    voorstel, meldingen = controleer_bestand(pad, zoekpad)
    if voorstel is None or any(m.is_fout for m in meldingen):
        return False, foutpagina(meldingen), meldingen, None
    try:
        document = render_html(voorstel, context.bouw(voorstel))
    except NotaFout as e:
        return False, foutpagina(e.meldingen), e.meldingen, None
    return True, voor_scherm(document), meldingen, voorstel


def _maak(voorstel, formaat: str) -> tuple[str, bytes]:
    from .commands.render import schrijf
    with tempfile.TemporaryDirectory(prefix="nota-voorbeeld-") as tmp:
        doel = schrijf(voorstel, Path(tmp), (formaat,))[0]
        return doel.name, doel.read_bytes()


def voor_scherm(document: str) -> str:
    """The PDF's HTML for a browser: file:// URLs served by the preview, a page look."""
    document = _FILE_URL.sub(lambda m: "/bestand" + quote(unquote(m.group(1))), document)
    document = document.replace("<head>", "<head>" + _BASIS, 1)
    return document.replace("</head>", _SCHERM + "</head>", 1)


def foutpagina(meldingen: list[Melding]) -> str:
    regels = "\n".join(f'<li class="{m.niveau}">{html.escape(str(m))}</li>' for m in meldingen)
    return FOUTPAGINA.replace("{regels}", regels)


def schil(voorbeeld: Voorbeeld) -> str:
    stand = voorbeeld.stand
    return (SCHIL.replace("{naam}", html.escape(voorbeeld.pad.name))
            .replace("{stand}", json.dumps(stand.samenvatting()).replace("<", "\\u003c")))


FOUTPAGINA = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Fouten in het voorstel</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1{color:#a40000;font-size:1.4em}
li{font-family:monospace;margin:.4em 0;white-space:pre-wrap}li.fout{color:#a40000}</style></head>
<body class="nota-fouten"><h1>Het voorstel bevat fouten</h1>
<p>Het document verschijnt weer zodra u de fouten hieronder verbetert en het bestand opslaat.</p>
<ul>
{regels}
</ul></body></html>
"""

SCHIL = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Voorbeeld: {naam}</title>
<style>body{margin:0;font-family:system-ui,sans-serif;display:flex;flex-direction:column;height:100vh}
header{display:flex;gap:1em;align-items:center;padding:.5em 1em;background:#1f3a5f;color:#fff}
header a{color:#fff;background:#2f5a8f;padding:.3em .8em;border-radius:4px;text-decoration:none}
header a[aria-disabled=true]{opacity:.4;pointer-events:none}#stand{margin-left:auto}
iframe{flex:1;border:0;width:100%}</style></head>
<body><header><strong>{naam}</strong>
<a id="pdf" href="/document.pdf" target="document">PDF downloaden</a>
<a id="docx" href="/document.docx" target="document">Word downloaden</a><span id="stand"></span></header>
<iframe id="document" name="document" src="/document" title="Document"></iframe>
<script>
const frame = document.getElementById('document');
let huidig = {stand};
function toon(s) {
  document.getElementById('stand').textContent = s.tekst;
  for (const a of document.querySelectorAll('header a')) a.setAttribute('aria-disabled', String(!s.ok));
}
function herlaad() {
  const y = frame.contentWindow.scrollY;
  frame.addEventListener('load', () => frame.contentWindow.scrollTo(0, y), {once: true});
  frame.contentWindow.location.replace('/document');
}
toon(huidig);
new EventSource('/gebeurtenissen').onmessage = (e) => {
  const s = JSON.parse(e.data);
  if (s.versie !== huidig.versie) herlaad();
  huidig = s;
  toon(s);
};
</script></body></html>
"""

