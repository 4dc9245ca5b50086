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

SUBHEADING_LEVEL = 3  # '#', '##' and '###' in a section are all sub-headings of it
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_link(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(_SAFE_SCHEMES) or ":" not in url.split("/")[0]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _safe_link
    return md


def parse(tekst: str) -> list:
    """markdown-it's tokens of one markdown text, parsed as nota renders it."""
    return _parser().parse(tekst)


def _level(tag: str) -> int:
    return min(6, max(SUBHEADING_LEVEL, int(tag[1])))


@lru_cache(maxsize=4096)
def to_html(tekst: str) -> Markup:
    """Markdown to safe HTML (escaped text, sub-headings shifted to h3+)."""
    tokens = _parser().parse(tekst or "")
    for t in tokens:
        if t.type in ("heading_open", "heading_close"):
            t.tag = f"h{_level(t.tag)}"
    return Markup(_parser().renderer.render(tokens, _parser().options, {}))


@dataclass
class Run:
    tekst: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


@dataclass
class Block:
    soort: str  # alinea | kop | lijst | citaat | code | lijn
    runs: list[Run] = field(default_factory=list)
    niveau: int = 0  # kop: heading level
    ordered: bool = False  # lijst
    start: int = 1  # lijst
    items: list[list["Block"]] = field(default_factory=list)  # lijst: blocks per item
    children: list["Block"] = field(default_factory=list)  # citaat

    @property
    def tekst(self) -> str:
        return "".join(r.tekst for r in self.runs)


def to_blocks(tekst: str) -> list[Block]:
    tokens = _parser().parse(tekst or "")
    blocks, _ = _blocks(tokens, 0, None)
    return blocks


def _blocks(tokens, i: int, end: str | None) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        t = tokens[i]
        if end and t.type == end:
            return out, i + 1
        if t.type == "paragraph_open":
            out.append(Block("alinea", runs=_runs(tokens[i + 1].children or [])))
            i += 3
        elif t.type == "heading_open":
            out.append(Block("kop", runs=_runs(tokens[i + 1].children or []), niveau=_level(t.tag)))
            i += 3
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            block, i = _list(tokens, i)
            out.append(block)
        elif t.type == "blockquote_open":
            children, i = _blocks(tokens, i + 1, "blockquote_close")
            out.append(Block("citaat", children=children))
        elif t.type in ("fence", "code_block"):
            out.append(Block("code", runs=[Run(t.content.rstrip("\n"), code=True)]))
            i += 1
        elif t.type == "hr":
            out.append(Block("lijn"))
            i += 1
        else:
            i += 1
    return out, i


def _list(tokens, i: int) -> tuple[Block, int]:
    open_ = tokens[i]
    ordered = open_.type == "ordered_list_open"
    block = Block("lijst", ordered=ordered, start=int(open_.attrs.get("start", 1) or 1))
    close = "ordered_list_close" if ordered else "bullet_list_close"
    i += 1
    while tokens[i].type != close:
        if tokens[i].type == "list_item_open":
            item, i = _blocks(tokens, i + 1, "list_item_close")
            block.items.append(item)
        else:
            i += 1
    return block, i + 1


def _runs(children) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None
    for t in children:
        if t.type == "strong_open":
            bold += 1
        elif t.type == "strong_close":
            bold -= 1
        elif t.type == "em_open":
            italic += 1
        elif t.type == "em_close":
            italic -= 1
        elif t.type == "link_open":
            link = t.attrs.get("href")
        elif t.type == "link_close":
            link = None
        elif t.type in ("text", "html_inline"):
            runs.append(Run(t.content, bool(bold), bool(italic), link=link))
        elif t.type == "code_inline":
            runs.append(Run(t.content, code=True, link=link))
        elif t.type in ("softbreak",):
            runs.append(Run(" ", bool(bold), bool(italic), link=link))
        elif t.type == "hardbreak":
            runs.append(Run("\n", bool(bold), bool(italic), link=link))
        elif t.type == "image":
            runs.append(Run(t.content or t.attrs.get("alt", ""), bool(bold), bool(italic)))
    return runs


def plain_text(tekst: str) -> str:
    """The words of a markdown text without markup (for checks and diffs)."""
    parts = []
    for block in to_blocks(tekst):
        parts.append(_block_text(block))
    return "\n".join(d for d in parts if d)


def _block_text(block: Block) -> str:
    if block.soort == "lijst":
        return "\n".join(_block_text(b) for item in block.items for b in item)
    if block.soort == "citaat":
        return "\n".join(_block_text(b) for b in block.children)
    return block.tekst
