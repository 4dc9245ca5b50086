"""One structure element per HTML element, whatever the page breaks.

WeasyPrint builds the structure tree page by page: a section, list or table
that runs over a page break becomes a new element on every page (two /Sect,
two /L, a /Table per page with its repeated header as content). `install`
makes WeasyPrint mark each structure element with the HTML element it was made
from (a private key, `SOURCE`); `merge_fragments` then joins the fragments of
one HTML element into one structure element, turns a repeated table header
into a pagination artifact and removes the key again.
"""

from __future__ import annotations

from pikepdf import Array, Dictionary, Name

SOURCE = Name("/NotaBron")  # private: never left in a written PDF
REPEATED = (Name.THead, Name.TFoot)  # a later fragment is a repetition, not content


def install() -> None:
    """Wrap WeasyPrint's tag builder so every element it yields names its HTML element."""
    import pydyf
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.pdf import tags

    build = getattr(tags, "_build_box_tree", None)
    if build is None or getattr(build, "nota", False):
        return

    def with_source(box, *args):
        source = box._box if isinstance(box, AbsolutePlaceholder) else box
        for element in build(box, *args):
            if getattr(source, "element", None) is not None and "NotaBron" not in element:  # the innermost box
                element["NotaBron"] = pydyf.String(f"{id(source.element)}:{source.element_tag}")
            yield element

    with_source.nota = True  # type: ignore[attr-defined]
    tags._build_box_tree = with_source


def merge_fragments(root, elements: list) -> bool:
    """Join the fragments of each HTML element (see the module's docstring); True when
    anything changed. `elements` are the structure elements in document order."""
    first: dict[tuple[str, str], Dictionary] = {}
    replaced: dict[tuple[int, int], Dictionary] = {}
    gone: set[tuple[int, int]] = set()
    for element in elements:
        if element.objgen in gone:
            continue
        key = element.get(SOURCE)
        if key is None:
            continue
        ident = (str(key), str(element.get(Name.S)))
        if ident not in first:
            first[ident] = element
            continue
        _detach(element)
        if element.get(Name.S) in REPEATED:
            gone |= _subtree(element)
        else:
            _move_kids(element, first[ident])
            replaced[element.objgen] = first[ident]
    for element in elements:
        if SOURCE in element:
            del element[SOURCE]
    _repoint_parent_tree(root, replaced)
    return bool(replaced or gone)


def _kids(element) -> list:
    kids = element.get(Name.K)
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _subtree(element) -> set[tuple[int, int]]:
    out, stack = set(), [element]
    while stack:
        node = stack.pop()
        out.add(node.objgen)
        stack.extend(k for k in _kids(node) if isinstance(k, Dictionary) and Name.S in k)
    return out


def _detach(element) -> None:
    parent = element.get(Name.P)
    if isinstance(parent, Dictionary):
        parent.K = Array([k for k in _kids(parent) if not (isinstance(k, Dictionary) and k.objgen == element.objgen)])


def _move_kids(element, target) -> None:
    """The kids of `element` appended to `target`; a bare MCID becomes a marked-content
    reference naming its page, since `target` may sit on another page."""
    kids = Array(_kids(target))
    page = element.get(Name.Pg)
    for kid in _kids(element):
        if isinstance(kid, Dictionary):
            if Name.S in kid:
                kid.P = target
            elif page is not None and Name.Pg not in kid and kid.get(Name.Type) == Name.MCR:
                kid.Pg = page
            kids.append(kid)
        else:
            kids.append(Dictionary(Type=Name.MCR, Pg=page, MCID=int(kid)) if page is not None else kid)
    target.K = kids


def _repoint_parent_tree(root, replaced: dict) -> None:
    """ParentTree entries that named a merged fragment name the element it joined."""
    if not replaced:
        return
    nums = root.get(Name.ParentTree, Dictionary()).get(Name.Nums, Array())
    for i in range(1, len(nums), 2):
        entry = nums[i]
        if isinstance(entry, Array):
            for j, owner in enumerate(entry):
                if isinstance(owner, Dictionary) and owner.objgen in replaced:
                    entry[j] = replaced[owner.objgen]
        elif isinstance(entry, Dictionary) and entry.objgen in replaced:
            nums[i] = replaced[entry.objgen]
