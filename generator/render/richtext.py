"""Markdown in proposal text, parsed once by markdown-it-py.

Raw HTML is never interpreted (the parser's html option is off, so it is
kept as literal text) and only http(s), mailto and relative links survive.
`to_html` feeds the HTML rendition that both the PDF and the DOCX are made
from; `plain_text` gives the words for the checks and the diff.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    md.validateLink = _safe_link  # type: ignore[method-assign]  # markdown-it's documented hook
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


@lru_cache(maxsize=4096)
def plain_text(tekst: str) -> str:
    """The words of a markdown text without markup (for checks and diffs): one line per
    paragraph, heading, list item paragraph or code block, in document order."""
    parts = []
    for t in _parser().parse(tekst or ""):
        if t.type == "inline":
            parts.append("".join(_INLINE_TEXT.get(c.type, _no_text)(c) for c in t.children or []))
        elif t.type in ("fence", "code_block"):
            parts.append(t.content.rstrip("\n"))
    return "\n".join(d for d in parts if d)


def _no_text(_token) -> str:
    return ""


_INLINE_TEXT = {
    "text": lambda c: c.content,
    "html_inline": lambda c: c.content,
    "code_inline": lambda c: c.content,
    "softbreak": lambda c: " ",
    "hardbreak": lambda c: "\n",
    "image": lambda c: c.content or c.attrs.get("alt", ""),
}


def references(value) -> Iterator[tuple[str, str]]:
    """("afbeelding" | "link", target) of every image and link in the markdown of `value`:
    a text, or the strings anywhere in a proposal's nested data."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for v in value:
            yield from references(v)
        return
    if not isinstance(value, str) or "](" not in value:
        return
    for token in parse(value):
        for child in token.children or []:
            if child.type == "image":
                yield "afbeelding", child.attrGet("src") or ""
            elif child.type == "link_open":
                yield "link", child.attrGet("href") or ""
