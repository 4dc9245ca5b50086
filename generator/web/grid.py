"""A financial table as a grid in the editor: rows, subtotals, multi-year columns, totals.

The computed cells (subtotals, totals and the total per row, `rijtotaal`) are
<output> elements that the page fills from the server's answer, computed by
generator.proposal.tables, the code `nota check` uses. Every cell of a year
column carries `data-kolom` (its index), so the page's script can add and
remove a column in every row at once; a table with `kolommen` gets the
buttons for that, and a switch for `rijtotaal`.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

ROLES = ("kosten", "dekking", "overig")

NULL = '<input type="hidden" data-t="null" data-k="%s">'


def table(form, tabel: dict, waar: str = "") -> Markup:
    kolommen = [str(k) for k in (tabel.get("kolommen") or ["Bedrag"])]
    lists = "kolommen" in tabel
    in_ = f" in {waar}" if waar else ""
    head = form.scalar(
        f"Titel van de tabel{in_}",
        "tabel",
        "str",
        tabel.get("tabel"),
        hint="Bijvoorbeeld: Kosten en dekking 2027." if not tabel.get("tabel") else None,
    )
    head += form.scalar(f"Rol van de tabel{in_}", "rol", "str", tabel.get("rol"), choices=ROLES)
    given = bool(tabel.get("rijtotaal"))
    on = given if len(kolommen) > 1 or given else None  # one column: its total per row is the amount itself
    if on is not None:
        head += _row_total_switch(form, tabel, in_)
    rows = Markup("").join(row(form, r, kolommen, lists, on) for r in tabel.get("regels") or [])
    templates = Markup('<template class="nieuwe-post">%s</template><template class="nieuw-subtotaal">%s</template>') % (
        row(form, {"post": ""}, kolommen, lists, on),
        row(form, {"subtotaal": "Subtotaal"}, kolommen, lists, on),
    )
    add = (
        ""
        if form.readonly
        else Markup(
            '<button type="button" class="regel-toevoegen">Regel toevoegen</button>'
            '<button type="button" class="subtotaal-toevoegen">Subtotaal toevoegen</button>'
        )
    )
    if lists and not form.readonly:
        add += Markup('<button type="button" class="kolom-toevoegen">Kolom toevoegen</button>')
    grid = Markup(
        '<table class="raster"><caption>%s</caption><thead><tr><th scope="col">Post</th>%s'
        '%s<th scope="col">Toelichting</th><th scope="col"><span class="sr">Acties</span></th>'
        '</tr></thead><tbody data-t="list" data-k="regels">%s</tbody><tfoot>%s</tfoot></table>'
    ) % (
        tabel.get("tabel") or "Tabel",
        _column_heads(form, tabel, kolommen),
        _cell(on, Markup('<th scope="col" class="rijtotaal"%s>Totaal</th>')),
        rows,
        _footer(form, tabel, kolommen, lists, on),
    )
    return Markup(
        '<fieldset class="tabel" data-t="obj"><legend>Tabel</legend><div class="tabelkop">%s</div>%s%s%s</fieldset>'
    ) % (head, grid, templates, add)


def _row_total_switch(form, tabel: dict, in_: str = "") -> Markup:
    """`rijtotaal` as a checkbox. Where the YAML does not say it, an unticked box sends
    nothing (data-t "vlag"), so an untouched table does not gain `rijtotaal: false`."""
    id_ = form.new_id()
    t = "bool" if "rijtotaal" in tabel else "vlag"
    return Markup(
        '<div class="veld vinkje"><input type="checkbox" id="%s" class="rijtotaal-aan" data-t="%s" '
        'data-k="rijtotaal"%s%s><label for="%s">Totaal per regel tonen (rijtotaal)%s</label>'
        "</div>"
    ) % (id_, t, Markup(" checked") if tabel.get("rijtotaal") else "", form._ro(), id_, in_)


def _cell(on: bool | None, html: Markup) -> Markup:
    """A cell of the rijtotaal column: hidden while switched off, absent for one column."""
    return Markup("") if on is None else html % (Markup("") if on else Markup(" hidden"))


def _column_heads(form, tabel: dict, kolommen: list[str]) -> Markup:
    if "kolommen" not in tabel:
        return Markup('<th scope="col">Bedrag</th>')
    remove = (
        Markup("")
        if form.readonly
        else Markup('<button type="button" class="kolom-verwijderen" aria-label="Kolom verwijderen: %s">✕</button>')
    )
    return Markup("").join(
        Markup(
            '<th scope="col" data-kolom="%s"><input type="text" data-t="kolom" '
            'data-k="kolommen" data-i="%s" aria-label="Kolom %s" value="%s"%s>%s'
            "</th>"
        )
        % (i, i, i + 1, k, form._ro(), remove % k if remove else "")
        for i, k in enumerate(kolommen)
    )


def _indexed(n: int, lists: bool, raw) -> bool:
    """Whether the amounts of a row are a list (`[180000, null]`) rather than one amount."""
    return n > 1 or isinstance(raw, list) or (lists and raw is None)


def row(form, regel: dict, kolommen: list[str], lists: bool = False, on: bool | None = None) -> Markup:
    n = len(kolommen)
    if regel.get("subtotaal") is not None:
        first = _input(form, "subtotaal", "str", regel["subtotaal"], "Subtotaal")
        amounts = Markup("").join(
            Markup(
                '<td data-kolom="%s"><output class="berekend" data-kolom="%s" aria-label="Subtotaal %s"></output></td>'
            )
            % (i, i, k)
            for i, k in enumerate(kolommen)
        )
        nulls = Markup(NULL % "post") + Markup(NULL % "bedrag")
    else:
        raw = regel.get("bedrag")
        bedragen = raw if isinstance(raw, list) else [raw] + [None] * (n - 1)
        indexed = _indexed(n, lists, raw)
        first = _input(form, "post", "str", regel.get("post"), "Post")
        amounts = Markup("").join(
            Markup('<td data-kolom="%s">%s</td>')
            % (
                i,
                _input(form, "bedrag", "bedrag", bedragen[i] if i < len(bedragen) else None, k, i if indexed else None),
            )
            for i, k in enumerate(kolommen)
        )
        nulls = Markup(NULL % "subtotaal")
    note = _input(form, "toelichting", "str", regel.get("toelichting"), "Toelichting")
    total = (
        Markup("")
        if on is None
        else Markup('<td class="rijtotaal"%s><output class="berekend rijtotaal" aria-label="Totaal %s"></output></td>')
        % (Markup("") if on else Markup(" hidden"), regel.get("post") or regel.get("subtotaal") or "regel")
    )
    return Markup('<tr class="item" data-t="obj"><td>%s%s</td>%s%s<td>%s</td><td>%s</td></tr>') % (
        first,
        nulls,
        amounts,
        total,
        note,
        form.buttons(),
    )


def _footer(form, tabel: dict, kolommen: list[str], lists: bool = False, on: bool | None = None) -> Markup:
    n = len(kolommen)
    computed = Markup("").join(
        Markup(
            '<td data-kolom="%s"><output class="berekend totaal" data-kolom="%s" '
            'aria-label="Berekend totaal %s"></output></td>'
        )
        % (i, i, k)
        for i, k in enumerate(kolommen)
    )
    raw = tabel.get("totaal")
    stated = raw if isinstance(raw, list) else [raw] + [None] * (n - 1)
    indexed = _indexed(n, lists, raw)
    given = Markup("").join(
        Markup('<td data-kolom="%s">%s</td>')
        % (
            i,
            _input(
                form,
                "totaal",
                "bedrag",
                stated[i] if i < len(stated) else None,
                f"Vermeld totaal {k}",
                i if indexed else None,
            ),
        )
        for i, k in enumerate(kolommen)
    )
    label = tabel.get("totaallabel") or "Totaal"
    return Markup(
        '<tr><th scope="row">%s (berekend)</th>%s%s<td></td><td></td></tr>'
        '<tr><th scope="row">Vermeld totaal</th>%s%s<td></td><td></td></tr>'
    ) % (
        label,
        computed,
        _cell(
            on,
            Markup(
                '<td class="rijtotaal"%s><output class="berekend rijtotaal" '
                'aria-label="Berekend totaal van alle kolommen"></output></td>'
            ),
        ),
        given,
        _cell(on, Markup('<td class="rijtotaal"%s></td>')),
    )


def _input(form, key: str, t: str, value, label: str, index: int | None = None) -> Markup:
    extra = Markup(' data-i="%s"') % index if index is not None else Markup("")
    mode = Markup(' inputmode="decimal"') if t == "bedrag" else Markup("")
    return Markup('<input type="text" data-t="%s" data-k="%s"%s%s aria-label="%s" value="%s"%s>') % (
        t,
        key,
        extra,
        mode,
        label,
        text_of(value),
        form._ro(),
    )


def text_of(value) -> str:
    """A value as the text of a form control."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def cells(computed) -> dict:
    """The computed cells of a table as the page shows them: per row, the total, per row's total."""
    from generator.proposal.formatting import bedrag

    def fmt(b) -> str:
        return bedrag(b, centen=computed.centen) if b is not None else ""

    rows = [[fmt(b) for b in r.bedragen] for r in computed.rijen]
    return {"rijen": rows[:-1], "totaal": rows[-1], "rijtotalen": [fmt(r.rijtotaal) for r in computed.rijen]}
