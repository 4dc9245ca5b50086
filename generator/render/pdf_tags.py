"""Complete the tagging WeasyPrint leaves unfinished, with pikepdf.

WeasyPrint tags the content of the page margins (running heads, page numbers)
as marked content that no structure element in the tree reaches, and gives
table cells no scope and header cells no IDTree. `complete_tags` rewrites
a tagged PDF so that:

- marked content the structure tree does not reach becomes a pagination
  artifact (`/Artifact <</Type /Pagination>>`), and leaves the ParentTree;
- every TH has `/Scope` (`/Column` in a header row, `/Row` beside data cells)
  and an `/ID`; every TD names its headers (`/Headers`), or has none at all;
- the IDs are listed in the structure tree's `/IDTree`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from generator.render.pdf_fragments import merge_fragments
from generator.render.pdf_metadata import identify

CELLS = (Name.TH, Name.TD)
ROW_GROUPS = (Name.THead, Name.TBody, Name.TFoot)
KEPT_EMPTY = (Name.TD, Name.TH, Name.TR, Name.Document)  # an empty cell keeps the grid whole


def complete_tags(pdf: bytes, links_base: Path | None = None) -> bytes:
    """The PDF `pdf` with its tagging completed (where it is tagged).

    With `links_base`, links to files below that folder are made relative again
    (WeasyPrint writes them as file:// URLs, which would publish a local path)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if links_base is not None:
            _relative_links(doc, links_base)
        complete_structure(doc)
        _printed_links(doc)
        identify(doc)
        out = io.BytesIO()
        doc.save(out, deterministic_id=True)
    return out.getvalue()


def complete_structure(doc) -> None:
    """Complete the tagging of an open pikepdf document (see the module's docstring)."""
    root = doc.Root.get(Name.StructTreeRoot)
    if root is None:
        return
    merge_fragments(root, list(structure_elements(root)))
    _drop_empty(root)
    elements = list(structure_elements(root))
    _artifacts_outside_tree(doc, root, {e.objgen for e in elements})
    for table in (e for e in elements if e.get(Name.S) == Name.Table):
        _table_semantics(table)
    _id_tree(root, elements)


def _drop_empty(root) -> None:
    """Structure elements with no content, no children and no alternative text leave
    the tree (an empty marker span, an empty line to sign on)."""
    for element in reversed(list(structure_elements(root))):
        if _kids(element) or Name.Alt in element or Name.ActualText in element or element.get(Name.S) in KEPT_EMPTY:
            continue
        parent = element.get(Name.P)
        kids = parent.get(Name.K) if isinstance(parent, Dictionary) else None
        if isinstance(kids, Array):
            kept = [
                k for k in kids if not (isinstance(k, Dictionary) and k.objgen == element.objgen and k.objgen != (0, 0))
            ]
            parent.K = Array(kept)
        elif isinstance(kids, Dictionary) and kids.objgen == element.objgen:
            del parent.K


def _kids(element):
    kids = element.get(Name.K)
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def structure_elements(root):
    """Every structure element reachable from the root, in document order."""
    stack, seen = list(reversed(_kids(root))), set()
    while stack:
        element = stack.pop()
        if not isinstance(element, Dictionary) or Name.S not in element:
            continue
        if element.objgen != (0, 0):
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
        yield element
        stack.extend(reversed(_kids(element)))


def _artifacts_outside_tree(doc, root, in_tree: set) -> None:
    """Marked content whose element is not in the tree becomes a pagination artifact."""
    parent_tree = root.get(Name.ParentTree)
    if parent_tree is None:
        return
    nums = parent_tree.get(Name.Nums, Array())
    mapping = {int(nums[i]): nums[i + 1] for i in range(0, len(nums) - 1, 2)}
    for page in doc.pages:
        key = page.obj.get(Name.StructParents)
        owners = mapping.get(int(key)) if key is not None else None
        if not isinstance(owners, Array):
            continue
        outside = {
            mcid
            for mcid, owner in enumerate(owners)
            if not isinstance(owner, Dictionary) or owner.objgen not in in_tree
        }
        if outside and _mark_artifacts(doc, page, outside):
            for mcid in outside:
                owners[mcid] = None


MARKED = re.compile(rb"/(\w+)\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"


def _mark_artifacts(doc, page, mcids: set) -> bool:
    """Rewrite the page's `/Tag <</MCID n>> BDC` for each n in `mcids` as an artifact.

    WeasyPrint writes each marked content as exactly that token sequence, so a
    regular expression over the page stream does it in a fraction of the time of
    parsing every operator; a stream in any other shape is parsed."""
    contents = page.obj.get(Name.Contents)
    if isinstance(contents, pikepdf.Stream):
        data = contents.read_bytes()
        if len(MARKED.findall(data)) == data.count(b"BDC"):
            rewritten = MARKED.sub(lambda m: ARTIFACT if int(m.group(2)) in mcids else m.group(0), data)
            if rewritten != data:
                page.obj.Contents = doc.make_stream(rewritten)
            return rewritten != data
    changed = False
    instructions = []
    for operands, operator in pikepdf.parse_content_stream(page):  # type: ignore[misc]  # unpacks as (operands, operator)
        if str(operator) == "BDC" and len(operands) == 2 and isinstance(operands[1], Dictionary):
            mcid = operands[1].get(Name.MCID)
            if mcid is not None and int(mcid) in mcids:
                operands = [Name.Artifact, Dictionary(Type=Name.Pagination)]
                changed = True
        instructions.append((operands, operator))
    if changed:
        page.obj.Contents = doc.make_stream(pikepdf.unparse_content_stream(instructions))
    return changed


def _rows(table):
    """The TR elements of a table, with whether their group is a THead."""
    for kid in _kids(table):
        if not isinstance(kid, Dictionary):
            continue
        if kid.get(Name.S) == Name.TR:
            yield kid, False
        elif kid.get(Name.S) in ROW_GROUPS:
            for row in _kids(kid):
                if isinstance(row, Dictionary) and row.get(Name.S) == Name.TR:
                    yield row, kid.get(Name.S) == Name.THead


def _cells(row):
    """(column, cell) of the TH and TD of a row, columns counted with ColSpan."""
    column = 0
    for cell in _kids(row):
        if isinstance(cell, Dictionary) and cell.get(Name.S) in CELLS:
            yield column, cell
            column += int(_attributes(cell).get(Name.ColSpan, 1))


def _attributes(cell) -> Dictionary:
    attributes = cell.get(Name.A)
    if isinstance(attributes, Array):
        attributes = next((a for a in attributes if isinstance(a, Dictionary) and a.get(Name.O) == Name.Table), None)
    if not isinstance(attributes, Dictionary):
        attributes = Dictionary(O=Name.Table)
        cell.A = attributes
    return attributes


def _table_semantics(table) -> None:
    """Scope for every TH; Headers of every TD from its column and row headers."""
    column_headers: dict[int, list] = {}
    for number, (row, in_head) in enumerate(_rows(table)):
        cells = list(_cells(row))
        header_row = in_head or all(c.get(Name.S) == Name.TH for _, c in cells)
        row_header = None
        for column, cell in cells:
            attributes = _attributes(cell)
            if cell.get(Name.S) == Name.TH:
                if Name.ID not in cell:
                    cell.ID = String(f"th-{table.objgen[0]}-{number}-{column}")
                attributes.Scope = Name.Column if header_row else Name.Row
                if header_row:
                    column_headers.setdefault(column, []).append(cell.ID)
                else:
                    row_header = cell.ID
                continue
            headers = list(column_headers.get(column, [])) + ([row_header] if row_header else [])
            if headers:
                attributes.Headers = Array(headers)
            elif Name.Headers in attributes:
                del attributes.Headers


def _id_tree(root, elements) -> None:
    """The name tree of element IDs that PDF/UA asks for."""
    named = sorted(((bytes(e.ID), e) for e in elements if Name.ID in e), key=lambda p: p[0])
    if not named:
        return
    names = Array()
    for key, element in named:
        names.append(String(key))
        names.append(element)
    root.IDTree = Dictionary(Names=names)


def _printed_links(doc) -> None:
    """Every link annotation printed (flag 3), as PDF/UA asks: print and screen the same."""
    for page in doc.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            if annotation.get(Name.Subtype) == Name.Link:
                annotation.F = (int(annotation.get(Name.F, 0)) | 4) & ~0b10  # Print on, Hidden off


def _relative_links(doc, base: Path) -> None:
    """file:// link targets below `base` become relative URIs ("bijlage.pdf")."""
    base = base.resolve()
    for page in doc.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            action = annotation.get(Name.A)
            if not isinstance(action, Dictionary) or action.get(Name.S) != Name.URI:
                continue
            parts = urlsplit(str(action.URI))
            if parts.scheme != "file":
                continue
            path = Path(unquote(parts.path)).resolve()
            relative = quote(path.relative_to(base).as_posix()) if path.is_relative_to(base) else ""
            action.URI = String(relative + (f"#{parts.fragment}" if parts.fragment else ""))
            if Name.Contents in annotation:
                annotation.Contents = String(unquote(relative) or "link")
