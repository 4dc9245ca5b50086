"""Markdown in proposal text, parsed once by markdown-it-py.

Raw HTML is never interpreted (the parser's html option is off, so it is
kept as literal text) and only http(s), mailto and relative links survive.
`naar_html` feeds the PDF; `naar_blokken` gives a small block tree that the
DOCX renderer turns into Word paragraphs, lists and headings.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

SUBKOP_NIVEAU = 3  # '#', '##' and '###' in a section are all sub-headings of it
_VEILIGE_SCHEMAS = ("http://", "https://", "mailto:")


def _veilige_link(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(_VEILIGE_SCHEMAS) or ":" not in url.split("/")[0]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _veilige_link
    return md


def _niveau(tag: str) -> int:
    return min(6, max(SUBKOP_NIVEAU, int(tag[1])))


@lru_cache(maxsize=4096)
def naar_html(tekst: str) -> Markup:
    """Markdown to safe HTML (escaped text, sub-headings shifted to h3+)."""
    tokens = _parser().parse(tekst or "")
    for t in tokens:
        if t.type in ("heading_open", "heading_close"):
            t.tag = f"h{_niveau(t.tag)}"
    return Markup(_parser().renderer.render(tokens, _parser().options, {}))


@dataclass
class Run:
    tekst: str
    vet: bool = False
    cursief: bool = False
    code: bool = False
    link: str | None = None


@dataclass
class Blok:
    soort: str  # alinea | kop | lijst | citaat | code | lijn
    runs: list[Run] = field(default_factory=list)
    niveau: int = 0  # kop: heading level
    geordend: bool = False  # lijst
    start: int = 1  # lijst
    items: list[list["Blok"]] = field(default_factory=list)  # lijst: blocks per item
    kinderen: list["Blok"] = field(default_factory=list)  # citaat

    @property
    def tekst(self) -> str:
        return "".join(r.tekst for r in self.runs)


def naar_blokken(tekst: str) -> list[Blok]:
    tokens = _parser().parse(tekst or "")
    blokken, _ = _blokken(tokens, 0, None)
    return blokken


def _blokken(tokens, i: int, eind: str | None) -> tuple[list[Blok], int]:
    uit: list[Blok] = []
    while i < len(tokens):
        t = tokens[i]
        if eind and t.type == eind:
            return uit, i + 1
        if t.type == "paragraph_open":
            uit.append(Blok("alinea", runs=_runs(tokens[i + 1].children or [])))
            i += 3
        elif t.type == "heading_open":
            uit.append(Blok("kop", runs=_runs(tokens[i + 1].children or []), niveau=_niveau(t.tag)))
            i += 3
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            blok, i = _lijst(tokens, i)
            uit.append(blok)
        elif t.type == "blockquote_open":
            kinderen, i = _blokken(tokens, i + 1, "blockquote_close")
            uit.append(Blok("citaat", kinderen=kinderen))
        elif t.type in ("fence", "code_block"):
            uit.append(Blok("code", runs=[Run(t.content.rstrip("\n"), code=True)]))
            i += 1
        elif t.type == "hr":
            uit.append(Blok("lijn"))
            i += 1
        else:
            i += 1
    return uit, i


def _lijst(tokens, i: int) -> tuple[Blok, int]:
    open_ = tokens[i]
    geordend = open_.type == "ordered_list_open"
    blok = Blok("lijst", geordend=geordend, start=int(open_.attrs.get("start", 1) or 1))
    sluit = "ordered_list_close" if geordend else "bullet_list_close"
    i += 1
    while tokens[i].type != sluit:
        if tokens[i].type == "list_item_open":
            item, i = _blokken(tokens, i + 1, "list_item_close")
            blok.items.append(item)
        else:
            i += 1
    return blok, i + 1


def _runs(kinderen) -> list[Run]:
    runs: list[Run] = []
    vet = cursief = 0
    link: str | None = None
    for t in kinderen:
        if t.type == "strong_open":
            vet += 1
        elif t.type == "strong_close":
            vet -= 1
        elif t.type == "em_open":
            cursief += 1
        elif t.type == "em_close":
            cursief -= 1
        elif t.type == "link_open":
            link = t.attrs.get("href")
        elif t.type == "link_close":
            link = None
        elif t.type in ("text", "html_inline"):
            runs.append(Run(t.content, bool(vet), bool(cursief), link=link))
        elif t.type == "code_inline":
            runs.append(Run(t.content, code=True, link=link))
        elif t.type in ("softbreak",):
            runs.append(Run(" ", bool(vet), bool(cursief), link=link))
        elif t.type == "hardbreak":
            runs.append(Run("\n", bool(vet), bool(cursief), link=link))
        elif t.type == "image":
            runs.append(Run(t.content or t.attrs.get("alt", ""), bool(vet), bool(cursief)))
    return runs


def platte_tekst(tekst: str) -> str:
    """The words of a markdown text without markup (for checks and diffs)."""
    delen = []
    for blok in naar_blokken(tekst):
        delen.append(_blok_tekst(blok))
    return "\n".join(d for d in delen if d)


def _blok_tekst(blok: Blok) -> str:
    if blok.soort == "lijst":
        return "\n".join(_blok_tekst(b) for item in blok.items for b in item)
    if blok.soort == "citaat":
        return "\n".join(_blok_tekst(b) for b in blok.kinderen)
    return blok.tekst
