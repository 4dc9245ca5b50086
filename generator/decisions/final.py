"""Final documents of decided proposals: PDF/A, fixed timestamps, never overwritten.

A decided proposal's PDF is PDF/A-2a (archival, tagged). Every timestamp comes
from the decision and the PDF identifier from the sealed content, so the same
decided proposal always gives the same bytes. That an existing final document
with other content is refused, never replaced, is render/output.install_set's
rule (the one guard, where documents are moved into place).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.errors import WARNING, Melding, NotaFout
from generator.decisions.seal import content_hash

PDF_A = "pdf/a-2a"
PDF_A_WITH_SOURCE = "pdf/a-3a"


def is_final(voorstel) -> bool:
    from generator.decisions.numbering import is_decided

    return is_decided(voorstel)


def pdf_options(voorstel, bron: bool = False) -> dict:
    """WeasyPrint options for the PDF of `voorstel` (empty for a concept).

    With `bron`, the PDF is PDF/A-3a and carries the proposal's YAML as an
    attachment with relationship Source, so `nota import` can take it exactly.
    """
    if not is_final(voorstel):
        return {}
    sleutel = (content_hash(voorstel) + repr(voorstel.data.besluiten)).encode("utf-8")
    opties = {"pdf_variant": PDF_A, "pdf_identifier": hashlib.md5(sleutel).hexdigest().encode()}
    if bron:
        opties.update(pdf_variant=PDF_A_WITH_SOURCE, attachments=[source_attachment(voorstel)])
    return opties


def source_attachment(voorstel):
    from weasyprint import Attachment

    moment = voorstel.data.besluiten[-1].vastgelegd_op
    return Attachment(
        string=voorstel.bron.tekst,
        name=voorstel.path.name,
        relationship="Source",
        description="Bron van dit document (nota-voorstel, YAML)",
        created=moment,
        modified=moment,
    )


def bijlage_pdfs(voorstel) -> list[tuple[str, Path]]:
    """(title, path) of each bijlage that names a PDF file in the proposal's folder."""
    map_ = voorstel.path.resolve().parent
    out = []
    for i, b in enumerate(voorstel.data.attachments()):
        bestand = b.bestand
        if not bestand or not bestand.lower().endswith(".pdf"):
            continue
        path = (map_ / bestand).resolve()
        if not path.is_relative_to(map_) or not path.is_file():
            raise NotaFout(
                voorstel.bron.melding(
                    ("bijlagen", i, "bestand"),
                    (
                        f"bijlage '{bestand}' staat niet in de map van het voorstel ({map_}); "
                        "zet het bestand naast het voorstel"
                    ),
                )
            )
        out.append((b.titel, path))
    return out


YAML_MIME = "application/yaml"  # RFC 9512


def finish(voorstel, pdf: bytes, meldingen: list | None = None) -> bytes:
    """The final PDF: attachments listed once with their MIME type, the PDF bijlagen
    appended, and the PDF/A label taken off when a bijlage is not PDF/A itself
    (with a warning naming the bijlage in `meldingen`)."""
    import io

    import pikepdf

    bijlagen = bijlage_pdfs(voorstel)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        _tidy_attachments(doc)
        geen_pdfa = _append(doc, bijlagen)
        if bijlagen:
            from generator.render.pdf_tags import complete_structure

            complete_structure(doc)
        if geen_pdfa:
            with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
                for key in ("pdfaid:part", "pdfaid:conformance"):
                    if key in meta:
                        del meta[key]
            if meldingen is not None:
                meldingen.append(
                    Melding(
                        f"bijlage {', '.join(repr(n) for n in geen_pdfa)} is geen PDF/A; het definitieve "
                        "document is daarom niet als PDF/A gemarkeerd: maak de bijlage eerst PDF/A "
                        "(met ingebedde lettertypen en tags) en maak het document opnieuw",
                        voorstel.path,
                        level=WARNING,
                    )
                )
        doc.save(out, deterministic_id=True)
    return out.getvalue()


def _tidy_attachments(doc) -> None:
    """/AF names each embedded file once; a YAML source gets its registered MIME type."""
    from pikepdf import Array, Name

    af = doc.Root.get(Name.AF)
    if af is None:
        return
    unique, seen = Array(), set()
    for spec in af:
        key = (str(spec.get(Name.UF, spec.get(Name.F, ""))), spec.EF.F.objgen)
        if key in seen:
            continue
        seen.add(key)
        unique.append(spec)
        if key[0].lower().endswith((".yaml", ".yml")):
            spec.EF.F.Subtype = Name("/" + YAML_MIME)
    doc.Root.AF = unique


def _append(doc, bijlagen) -> list[str]:
    """Append each bijlage with a bookmark; returns the names of those that are not PDF/A."""
    import pikepdf

    geen_pdfa = []
    with doc.open_outline() as outline:
        for number, (titel, path) in enumerate(bijlagen, 1):
            first = len(doc.pages)
            with pikepdf.open(path) as bijlage:
                if not bijlage.open_metadata().pdfa_status:
                    geen_pdfa.append(path.name)
                doc.pages.extend(bijlage.pages)
                _graft_tree(doc, bijlage, first, f"bijlage{number}-")
            outline.root.append(pikepdf.OutlineItem(f"Bijlage {number}: {titel}", first))
    return geen_pdfa


def _graft_tree(doc, bijlage, first: int, prefix: str) -> None:
    """Hang a tagged bijlage's structure tree under the document's /Document element,
    its ParentTree entries renumbered and its element IDs prefixed, so its tagged
    content stays reachable and every ID stays unique."""
    import pikepdf
    from pikepdf import Array, Name

    if Name.StructTreeRoot in bijlage.Root:
        _prefix_ids(bijlage.Root.StructTreeRoot, prefix)
    pages = list(doc.pages)[first:]
    theirs, ours = bijlage.Root.get(Name.StructTreeRoot), doc.Root.get(Name.StructTreeRoot)
    if theirs is None or ours is None or Name.ParentTree not in ours:
        for page in pages:  # nothing to hang it on: its marks would point into our tree
            if Name.StructParents in page.obj:
                del page.obj.StructParents
        return
    document = ours.K[0] if isinstance(ours.K, Array) else ours.K
    entries = pikepdf.NumberTree(theirs.ParentTree) if Name.ParentTree in theirs else {}
    nums = ours.ParentTree.Nums
    key = max((int(k) for k in nums[::2]), default=-1) + 1
    owners = [page.obj for page in pages] + [a for page in pages for a in page.obj.get(Name.Annots, [])]
    for owner in owners:
        name = Name.StructParents if Name.StructParents in owner else Name.StructParent
        if name not in owner:
            continue
        entry = entries.get(int(owner[name])) if int(owner[name]) in entries else None
        owner[name] = key
        nums.extend([key, _copy(doc, bijlage, entry) if entry is not None else None])
        key += 1
    kids = theirs.get(Name.K)
    for kid in kids if isinstance(kids, Array) else [kids] if kids is not None else []:
        element = _copy(doc, bijlage, kid)
        element.P = document
        document.K.append(element)
    roles = theirs.get(Name.RoleMap)
    if isinstance(roles, pikepdf.Dictionary):
        if Name.RoleMap not in ours:
            ours.RoleMap = pikepdf.Dictionary()
        for tag, role in roles.items():
            if tag not in ours.RoleMap:
                ours.RoleMap[tag] = role


def _copy(doc, bijlage, obj):
    """`obj` of the bijlage copied into `doc` (a direct object is made indirect first)."""
    return doc.copy_foreign(obj if obj.is_indirect else bijlage.make_indirect(obj))


def _prefix_ids(root, prefix: str) -> None:
    from pikepdf import Array, Dictionary, Name, String

    from generator.render.pdf_tags import structure_elements

    for element in structure_elements(root):
        if Name.ID in element:
            element.ID = String(prefix + str(element.ID))
        attributes = element.get(Name.A)
        for a in attributes if isinstance(attributes, Array) else [attributes]:
            if isinstance(a, Dictionary) and isinstance(a.get(Name.Headers), Array):
                a.Headers = Array([String(prefix + str(h)) for h in a.Headers])
