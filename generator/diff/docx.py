"""The redline: the new proposal's Word document exactly as `nota render` makes
it, with the changes since the old one as tracked changes (w:ins / w:del with
author and date), so Word's review pane walks through them.

Both proposals are rendered to Word; the body blocks (paragraphs and tables)
are aligned in order. A changed paragraph gets a word diff
(generator.diff.text.text_diff) inside its own runs, so styles, numbering,
headings and formatting stay the new document's; a removed block returns as
deleted text in its old place; a table is compared row by row, a changed
amount as a whole.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import itertools
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.diff.text import text_diff
from generator.render.output import atomic

SIMILAR = 0.5
LONG = 4000  # characters
_RUN_CONTENT = {qn("w:rPr"), qn("w:t")}


class Redline:
    """Writes tracked changes into the new document's body."""

    def __init__(self, author: str, moment: dt.datetime):
        self.author, self.moment = author, moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 1

    def mark(self, soort: str):
        el = OxmlElement(f"w:{soort}")
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.moment)
        self.next_id += 1
        return el

    # -- the body: blocks in order ------------------------------------------------
    def body(self, old_body, new_body) -> None:
        old_, new_ = _blocks(old_body), _blocks(new_body)
        matcher = difflib.SequenceMatcher(None, [_key(b) for b in old_], [_key(b) for b in new_], autojunk=False)
        for op, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):  # from the end: indices stay valid
            if op != "equal":
                anchor = new_[j2] if j2 < len(new_) else _end(new_body)
                self.replace(old_[i1:i2], new_[j1:j2], anchor)

    def replace(self, old_: list, new_: list, anchor) -> None:
        """Pair changed blocks by likeness; the rest are inserted or deleted in place."""
        over = list(old_)
        for block in new_:
            match = next((o for o in over if _pairs(o, block)), None)
            if match is None:
                self.inserted(block)
                continue
            for skipped in over[: over.index(match)]:  # removed before this one
                block.addprevious(self.deleted(skipped))
            over = over[over.index(match) + 1 :]
            self.changed(match, block)
        for d in over:
            anchor.addprevious(self.deleted(d))

    def changed(self, old, new) -> None:
        if new.tag == qn("w:tbl"):
            self.table(old, new)
        else:
            self.paragraph(old, new)

    # -- paragraphs ----------------------------------------------------------------
    def paragraph(self, old, new, whole: bool = False) -> None:
        """Word diff of `old` into `new`'s own runs (formatting kept)."""
        runs = [c for c in new if c.tag == qn("w:r")]
        plain = all(c.tag in (qn("w:pPr"), qn("w:r")) for c in new) and all(
            k.tag in _RUN_CONTENT for r in runs for k in r
        )
        if not plain:  # links, pictures, fields: the old text deleted, the new inserted
            new.addprevious(self.deleted(old))
            self.inserted(new)
            return
        old_text, new_text = _text(old), "".join(_run_text(r) for r in runs)
        pieces = [("-", old_text), ("+", new_text)] if whole else text_diff(old_text, new_text).pieces
        if "".join(c for op, c in pieces if op != "-") != new_text:  # the diff must spell the new text
            pieces = [("-", old_text), ("+", new_text)]
        segments = _segments(runs)
        out, pos = [], 0
        for op, chunk in pieces:
            if not chunk:
                continue
            if op == "-":
                out.append(self._wrap("del", [_deleted_run(_props_at(segments, pos), chunk)]))
                continue
            part = _slice(segments, pos, pos + len(chunk))
            pos += len(chunk)
            out += [self._wrap("ins", part)] if op == "+" else part
        for r in runs:
            new.remove(r)
        _separate(out, own_line=whole)
        new.extend(out)

    def _wrap(self, soort: str, runs: list):
        el = self.mark(soort)
        el.extend(runs)
        return el

    def inserted(self, block) -> None:
        if block.tag == qn("w:tbl"):
            for tr in block.iter(qn("w:tr")):
                _row_mark(tr, self.mark("ins"))
        for p in _paragraphs(block):
            _paragraph_mark(p, self.mark("ins"))
            self._insert_runs(p)

    def deleted(self, block):
        """A copy of an old block, every run deleted (relations of the old part dropped)."""
        block = copy.deepcopy(block)
        for el in list(block.iter(qn("w:hyperlink"), qn("w:drawing"), qn("w:numPr"), qn("w:sectPr"))):
            if el.tag == qn("w:hyperlink"):
                for child in list(el):
                    el.addprevious(child)
            el.getparent().remove(el)
        for tr in [block] if block.tag == qn("w:tr") else block.iter(qn("w:tr")):
            _row_mark(tr, self.mark("del"))
        for p in _paragraphs(block):
            _paragraph_mark(p, self.mark("del"))
            for r in [c for c in p if c.tag == qn("w:r")]:
                for t in r.iter(qn("w:t")):
                    t.tag = qn("w:delText")
                r.addprevious(self._wrap("del", []))
                r.getprevious().append(r)
        return block

    # -- tables --------------------------------------------------------------------
    def table(self, old, new) -> None:
        old_rows, new_rows = old.findall(qn("w:tr")), new.findall(qn("w:tr"))
        matcher = difflib.SequenceMatcher(
            None, [_row_key(r) for r in old_rows], [_row_key(r) for r in new_rows], autojunk=False
        )
        for op, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if op == "equal":
                self.rows(old_rows[i1:i2], new_rows[j1:j2])
                continue
            olds, news = old_rows[i1:i2], new_rows[j1:j2]
            paired = min(len(olds), len(news)) if op == "replace" else 0
            self.rows(olds[:paired], news[:paired])
            for tr in news[paired:]:
                self.inserted_row(tr)
            anchor = news[paired] if paired < len(news) else (new_rows[j2] if j2 < len(new_rows) else None)
            for tr in olds[paired:]:
                copy_ = self.deleted_row(tr)
                (anchor.addprevious(copy_) if anchor is not None else new.append(copy_))

    def rows(self, olds: list, news: list) -> None:
        for old_row, new_row in zip(olds, news):
            old_cells, new_cells = old_row.findall(qn("w:tc")), new_row.findall(qn("w:tc"))
            for oc, nc in zip(old_cells, new_cells):
                op, np_ = oc.findall(qn("w:p")), nc.findall(qn("w:p"))
                if op and np_ and _text(oc) != _text(nc):
                    self.paragraph(op[0], np_[0], whole=True)  # a cell changes as a whole: "€ 371.358"

    def inserted_row(self, tr) -> None:
        _row_mark(tr, self.mark("ins"))
        for p in _paragraphs(tr):
            self._insert_runs(p)

    def _insert_runs(self, parent) -> None:
        """Every run of `parent` inside a w:ins (inside a hyperlink, not around it)."""
        for r in [c for c in parent if c.tag in (qn("w:r"), qn("w:hyperlink"))]:
            if r.tag == qn("w:hyperlink"):
                self._insert_runs(r)
                continue
            r.addprevious(self._wrap("ins", []))
            r.getprevious().append(r)

    def deleted_row(self, tr):
        return self.deleted(tr)


def _blocks(body) -> list:
    return [c for c in body if c.tag in (qn("w:p"), qn("w:tbl"))]


def _end(body):
    return body[-1]  # the body's sectPr


def _key(block) -> str:
    return f"{block.tag}|{_style(block)}|{_text(block)}"


def _style(block) -> str:
    style_ = block.find(qn("w:pPr") + "/" + qn("w:pStyle"))
    return style_.get(qn("w:val")) if style_ is not None else ""


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))


def _pairs(old, new) -> bool:
    if old.tag != new.tag or (old.tag == qn("w:p") and _style(old) != _style(new)):
        return False
    a, b = _text(old), _text(new)
    if old.tag == qn("w:tbl"):
        return _row_key(old.find(qn("w:tr"))) == _row_key(new.find(qn("w:tr")))  # same header row
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < SIMILAR:
        return False
    return len(a) + len(b) > LONG or matcher.ratio() >= SIMILAR  # ratio() is quadratic: not on long texts


def _row_key(tr) -> str:
    if tr is None:
        return ""
    cells = tr.findall(qn("w:tc"))
    return _text(cells[0]) if cells else ""


def _paragraphs(block) -> list:
    return [block] if block.tag == qn("w:p") else list(block.iter(qn("w:p")))


def _paragraph_mark(p, mark) -> None:
    """Track the paragraph mark itself, so a whole paragraph is added or removed."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        before = ppr.find(qn("w:sectPr"))
        before = before if before is not None else ppr.find(qn("w:pPrChange"))
        (before.addprevious(rpr) if before is not None else ppr.append(rpr))
    rpr.insert(0, mark)


def _row_mark(tr, mark) -> None:
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tr.insert(0 if tr.find(qn("w:tblPrEx")) is None else 1, trpr)
    trpr.append(mark)


def _run_text(r) -> str:
    return "".join(t.text or "" for t in r.iter(qn("w:t")))


def _segments(runs: list) -> list[tuple[int, int, object]]:
    out, pos = [], 0
    for r in runs:
        n = len(_run_text(r))
        out.append((pos, pos + n, r))
        pos += n
    return out


def _slice(segments, start: int, end: int) -> list:
    """Copies of the runs covering text [start, end), cut to it."""
    out = []
    for a, b, r in segments:
        lo, hi = max(a, start), min(b, end)
        if lo >= hi:
            continue
        piece = copy.deepcopy(r)
        for t in piece.findall(qn("w:t")):
            piece.remove(t)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = _run_text(r)[lo - a : hi - a]
        piece.append(t)
        out.append(piece)
    return out


def _props_at(segments, pos: int):
    for a, b, r in segments:
        if a <= pos < b or (pos == b and segments[-1][2] is r):
            return r.find(qn("w:rPr"))
    return segments[0][2].find(qn("w:rPr")) if segments else None


GAP = "80"  # twips of extra character spacing after deleted text that an insertion follows
_AFTER_SPACING = {
    qn(f"w:{t}")
    for t in (
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    )
}


def _separate(out: list, own_line: bool = False) -> None:
    """Deleted text right before inserted text ("€ 474.788" then "€ 411.358") never
    touches it: in a table cell (`own_line`) the deleted amount stands on a line of its
    own above the new one (a deleted line break), elsewhere its last character gets wider
    spacing. No text is added: accepting or rejecting every change still gives exactly
    the new or the old text."""
    for deleted, inserted in itertools.pairwise(out):
        if deleted.tag != qn("w:del") or inserted.tag != qn("w:ins") or not len(deleted):
            continue
        run = deleted[-1]
        text = run.find(qn("w:delText"))
        if text is None or not text.text:
            continue
        if own_line:
            run.append(OxmlElement("w:br"))
        else:
            _gap_after(run, text)


def _gap_after(run, text) -> None:
    last = copy.deepcopy(run)
    last.find(qn("w:delText")).text = text.text[-1]
    text.text = text.text[:-1]
    rpr = last.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        last.insert(0, rpr)
    for old in rpr.findall(qn("w:spacing")):
        rpr.remove(old)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), GAP)
    later = next((c for c in rpr if c.tag in _AFTER_SPACING), None)
    (later.addprevious if later is not None else rpr.append)(spacing)
    if text.text:
        run.addnext(last)
    else:
        run.getparent().replace(run, last)


def _deleted_run(rpr, text: str):
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = OxmlElement("w:delText")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def write(v, new_voorstel, target: Path, author: str = "nota diff", old_voorstel=None) -> None:
    """Write the redline of `old_voorstel` -> `new_voorstel` (validated proposals) to `target`, atomically.
    `v` (the Comparison) is kept for callers; the document is compared block by block."""
    from generator.render import context, docx_style
    from generator.render.docx import build_document, moments

    new_ctx = context.build(new_voorstel)
    document = build_document(new_voorstel, new_ctx).docx
    moment = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    if old_voorstel is not None:
        old_document = build_document(old_voorstel, context.build(old_voorstel)).docx
        Redline(author, moment).body(old_document.element.body, document.element.body)
    content = docx_style.stable_bytes(document, moments(new_voorstel, new_ctx)[1])
    with atomic(target) as temporary:
        Path(temporary).write_bytes(content)
