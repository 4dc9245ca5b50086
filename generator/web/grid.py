"""A financial table as a grid in the editor: rows, subtotals, multi-year columns, totals.

The computed cells (subtotals and totals) are <output> elements that the page
fills from the server's answer, computed by generator.proposal.tables, the
code `nota check` uses.
"""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup

ROLES = ("kosten", "dekking", "overig")

NULL = '<input type="hidden" data-t="null" data-k="%s">'


def table(form, tabel: dict) -> Markup:
    kolommen = [str(k) for k in (tabel.get("kolommen") or ["Bedrag"])]
    head = form.scalar("Titel van de tabel", "tabel", "str", tabel.get("tabel"))
    head += form.scalar("Rol", "rol", "str", tabel.get("rol"), opties=ROLES)
    rows = Markup("").join(row(form, r, kolommen) for r in tabel.get("regels") or [])
    templates = Markup('<template class="nieuwe-post">%s</template><template class="nieuw-subtotaal">%s'
                       '</template>') % (row(form, {"post": ""}, kolommen),
                                         row(form, {"subtotaal": "Subtotaal"}, kolommen))
    add = "" if form.readonly else Markup(
        '<button type="button" class="regel-toevoegen">Regel toevoegen</button>'
        '<button type="button" class="subtotaal-toevoegen">Subtotaal toevoegen</button>')
    grid = Markup('<table class="raster"><caption>%s</caption><thead><tr><th scope="col">Post</th>%s'
                  '<th scope="col">Toelichting</th><th scope="col"><span class="sr">Acties</span></th>'
                  '</tr></thead><tbody data-t="list" data-k="regels">%s</tbody><tfoot>%s</tfoot></table>') % (
        tabel.get("tabel") or "Tabel", _column_heads(form, tabel, kolommen), rows,
        _footer(form, tabel, kolommen))
    return Markup('<fieldset class="tabel" data-t="obj"><legend>Tabel</legend>%s%s%s%s</fieldset>') % (
        head, grid, templates, add)


def _column_heads(form, tabel: dict, kolommen: list[str]) -> Markup:
    if "kolommen" not in tabel:
        return Markup('<th scope="col">Bedrag</th>')
    cells = Markup("").join(Markup('<th scope="col"><input type="text" data-t="kolom" data-k="kolommen" '
                                   'data-i="%s" aria-label="Kolom %s" value="%s"%s></th>') % (
        i, i + 1, k, form._ro()) for i, k in enumerate(kolommen))
    return cells


def row(form, regel: dict, kolommen: list[str]) -> Markup:
    n = len(kolommen)
    if regel.get("subtotaal") is not None:
        first = _input(form, "subtotaal", "str", regel["subtotaal"], "Subtotaal")
        amounts = Markup("").join(Markup('<td><output class="berekend" data-kolom="%s" '
                                         'aria-label="Subtotaal %s">'
                                         '</output></td>') % (i, k) for i, k in enumerate(kolommen))
        nulls = Markup(NULL % "post") + Markup(NULL % "bedrag")
    else:
        bedragen = regel.get("bedrag")
        bedragen = bedragen if isinstance(bedragen, list) else [bedragen] + [None] * (n - 1)
        first = _input(form, "post", "str", regel.get("post"), "Post")
        amounts = Markup("").join(Markup("<td>%s</td>") % _input(
            form, "bedrag", "bedrag", bedragen[i] if i < len(bedragen) else None, k, i if n > 1 else None)
            for i, k in enumerate(kolommen))
        nulls = Markup(NULL % "subtotaal")
    note = _input(form, "toelichting", "str", regel.get("toelichting"), "Toelichting")
    return Markup('<tr class="item" data-t="obj"><td>%s%s</td>%s<td>%s</td><td>%s</td></tr>') % (
        first, nulls, amounts, note, form.buttons())


def _footer(form, tabel: dict, kolommen: list[str]) -> Markup:
    n = len(kolommen)
    computed = Markup("").join(Markup('<td><output class="berekend totaal" data-kolom="%s" '
                                      'aria-label="Berekend totaal %s"></output></td>') % (i, k)
                               for i, k in enumerate(kolommen))
    stated = tabel.get("totaal")
    stated = stated if isinstance(stated, list) else [stated] + [None] * (n - 1)
    given = Markup("").join(Markup("<td>%s</td>") % _input(
        form, "totaal", "bedrag", stated[i] if i < len(stated) else None, f"Vermeld totaal {k}",
        i if n > 1 else None) for i, k in enumerate(kolommen))
    return Markup('<tr><th scope="row">%s (berekend)</th>%s<td></td><td></td></tr>'
                  '<tr><th scope="row">Vermeld totaal</th>%s<td></td><td></td></tr>') % (
        tabel.get("totaallabel") or "Totaal", computed, given)


def _input(form, key: str, t: str, value, label: str, index: int | None = None) -> Markup:
    extra = Markup(' data-i="%s"') % index if index is not None else Markup("")
    mode = Markup(' inputmode="decimal"') if t == "bedrag" else Markup("")
    return Markup('<input type="text" data-t="%s" data-k="%s"%s%s aria-label="%s" value="%s"%s>') % (
        t, key, extra, mode, label, text_of(value), form._ro())


def text_of(value) -> str:
    """A value as the text of a form control."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
