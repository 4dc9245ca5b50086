"""The editor's form, generated from a kind's kind.yaml: no Python or HTML per kind.

Every control carries `data-t` (its type: obj, list, str, getal, bedrag,
datum, bool, kolom) and, inside an object, `data-k` (its key); the page's
script walks these to send the values back as a tree (generator.web.yamledit).
Lists have a <template> for a new item and buttons to add, remove and move.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from decimal import Decimal
from itertools import count

from markupsafe import Markup

from generator.proposal.model import FIELD_TYPES, Tabel
from generator.proposal.vocabulary import is_nvt
from generator.web.grid import ROLES, table
from generator.web.grid import text_of as _text


SCALAR = {
    "tekst": "str",
    "markdown": "str",
    "getal": "getal",
    "bedrag": "bedrag",
    "datum": "datum",
    "janee": "bool",
    "keuze": "str",
}
__all__ = ["ROLES", "Form"]


ITEM_NAME = {
    "beslispunten": "Beslispunt",
    "bijlagen": "Bijlage",
    "vragen": "Vraag",
    "aspecten": "Aspect",
    "personen": "Persoon",
    "ondertekenaars": "Ondertekenaar",
}
HINT = {
    "markdown": "Alinea's scheidt u met een lege regel; een opsomming begint elke regel met '- '.",
    "datum": "Dag, maand en jaar, zoals 26-01-2021.",
    "bedrag": "Een bedrag, zoals 371358 of € 371.358,50.",
    "beslispunten": "Eén beslispunt per vak; met 'Toevoegen' komt er een bij.",
}


class Form:
    """The HTML of one proposal's form; ids are unique within the page."""

    def __init__(self, soort, data: dict, readonly: bool = False):
        self.soort, self.data, self.readonly = soort, data, readonly
        self._ids = count(1)

    def html(self) -> Markup:
        parts = [self.field(field_spec, self.data.get(field_spec["sleutel"])) for field_spec in self.soort.velden]
        if self.soort.secties:
            secties = self.data.get("secties") or {}
            inner = Markup("").join(self.section(s, secties.get(s["sleutel"])) for s in self.soort.secties)
            parts.append(Markup('<div data-t="obj" data-k="secties" class="secties">%s</div>') % inner)
        tables = self.new_tables() if self.soort.secties and not self.readonly else Markup("")
        return Markup('<div data-t="obj" id="formulier-wortel">%s</div>%s') % (Markup("").join(parts), tables)

    def new_id(self) -> str:
        return f"v{next(self._ids)}"

    def field(self, field_spec: dict, value) -> Markup:
        soort, label, key = field_spec["type"], field_spec.get("label") or field_spec["sleutel"], field_spec["sleutel"]
        hint = field_spec.get("uitleg") or HINT.get(soort)
        if soort in SCALAR:
            return self.scalar(
                label,
                key,
                SCALAR[soort],
                value,
                field_spec.get("opties"),
                field_spec.get("verplicht"),
                multiline=True if soort == "markdown" else None,
                hint=hint,
            )
        model = _model(FIELD_TYPES[soort])
        if model is not None and not _is_list(FIELD_TYPES[soort]):
            return self.obj(label, key, model, value or {})
        return self.listing(label, key, soort, value or [], hint)

    def scalar(
        self, label, key, t: str, value, choices=None, required=False, multiline=None, hint: str | None = None
    ) -> Markup:
        """One control with its label, its hint and a place for its error (filled by the page)."""
        if t != "str":
            multiline = False
        id_ = self.new_id()
        attrs = Markup(' id="%s" data-t="%s"%s%s aria-describedby="%s-fout%s"') % (
            id_,
            t,
            _key(key),
            self._ro(),
            id_,
            Markup(" %s-hint") % id_ if hint else "",
        )
        if required:
            attrs += Markup(' aria-required="true"')
        if choices:
            options = Markup("").join(
                Markup("<option%s>%s</option>") % (Markup(" selected") if str(o) == str(value) else "", o)
                for o in ["", *choices]
            )
            control = Markup("<select%s>%s</select>") % (attrs, options)
        elif t == "bool":
            control = Markup('<input type="checkbox"%s%s>') % (attrs, Markup(" checked") if value else "")
        elif multiline or (multiline is None and t == "str" and _long(value)):
            control = Markup('<textarea rows="6" data-regels%s>\n%s</textarea>') % (attrs, _text(value))
        else:
            kind = "date" if t == "datum" and _iso_date(value) else "text"
            mode = Markup(' inputmode="decimal"') if t == "bedrag" else ""
            control = Markup('<input type="%s"%s%s value="%s">') % (kind, attrs, mode, _text(value))
        hint_html = Markup('<p class="hint" id="%s-hint">%s</p>') % (id_, hint) if hint else ""
        return Markup('<div class="veld"><label for="%s">%s</label>%s%s<p class="veldfout" id="%s-fout"></p></div>') % (
            id_,
            label,
            hint_html,
            control,
            id_,
        )

    def obj(self, label, key, model, value: dict, prefix: Markup | None = None) -> Markup:
        """A group of sub-fields; in a list, `prefix` (hidden, "Vraag 2: ") makes every label unique."""
        prefix = prefix or Markup("")
        inner = Markup("").join(
            self.scalar(
                prefix + _label(k),
                k,
                _control(f.annotation)[0],
                value.get(k),
                _control(f.annotation)[1],
                multiline=_markdown(model, k) or None,
            )
            for k, f in model.model_fields.items()
        )
        return Markup('<fieldset data-t="obj"%s><legend>%s</legend>%s</fieldset>') % (_key(key), label, inner)

    def listing(self, label, key, soort: str, items: list, hint: str | None = None) -> Markup:
        model = _model(FIELD_TYPES[soort])
        lines = soort in ("beslispunten", "vragen", "aspecten")
        name = ITEM_NAME.get(soort) or f"{label}, onderdeel"

        def item(value, n: int) -> Markup:
            if model is not None and isinstance(value, dict):
                return self.obj(
                    _numbered(name, n), None, model, value, Markup('<span class="sr">%s: </span>') % _numbered(name, n)
                )
            return self.scalar(_numbered(name, n), None, "str", value, multiline=lines)

        new = item({} if model is not None else "", len(items) + 1)
        hint_html = Markup('<p class="hint">%s</p>') % hint if hint else Markup("")
        return self.list_block(label, key, [item(v, i + 1) for i, v in enumerate(items)], new, hint_html)

    def list_block(
        self, label, key, items: list[Markup], new: Markup, extra: Markup | None = None, attrs: Markup | None = None
    ) -> Markup:
        rows = Markup("").join(Markup('<li class="item">%s%s</li>') % (i, self.buttons()) for i in items)
        add = (
            "" if self.readonly else Markup('<button type="button" class="toevoegen">Toevoegen aan %s</button>') % label
        )
        template = Markup('<template class="nieuw-item"><li class="item">%s%s</li></template>') % (new, self.buttons())
        return Markup('<fieldset class="lijst"><legend>%s</legend><ol data-t="list"%s%s>%s</ol>%s%s%s</fieldset>') % (
            label,
            _key(key),
            attrs or "",
            rows,
            template,
            add,
            extra or "",
        )

    def buttons(self) -> Markup:
        if self.readonly:
            return Markup("")
        return Markup(
            '<span class="knoppen"><button type="button" class="omhoog" aria-label="Omhoog">↑'
            '</button><button type="button" class="omlaag" aria-label="Omlaag">↓</button>'
            '<button type="button" class="verwijder" aria-label="Verwijderen">✕</button></span>'
        )

    def section(self, sectie: dict, value) -> Markup:
        key, title = sectie["sleutel"], sectie["titel"]
        nvt, id_ = is_nvt(value), self.new_id()
        body = self.mixed(
            title,
            value if isinstance(value, list) else ["" if nvt else value],
            tables=sectie.get("tabellen", True) and not sectie.get("uit_beslispunten"),
            single=not isinstance(value, list),
        )
        toggle = Markup(
            '<div class="nvt"><input type="checkbox" id="%s" data-nvt%s%s>'
            '<label for="%s">%s: niet van toepassing</label></div>'
        ) % (id_, Markup(" checked") if nvt else "", self._ro(), id_, title)
        return Markup('<fieldset class="sectie" data-t="sectie"%s><legend>%s</legend>%s%s</fieldset>') % (
            _key(key),
            title,
            toggle,
            body,
        )

    def mixed(self, title: str, items: list, tables: bool = True, single: bool = False) -> Markup:
        """A section of texts and tables; `single`: one text is sent as a text, not a list."""
        name = f"Tekst van {title}"

        numbers = count(1)

        def item(value, n: int) -> Markup:
            if isinstance(value, dict):
                k = next(numbers)
                return self.table(value, title if k == 1 else f"{title}, tabel {k}")
            return self.scalar(_numbered(name, n), None, "str", value, multiline=True, hint=None)

        extra = Markup("")
        if tables and not self.readonly:
            extra = Markup(
                '<button type="button" class="tabel-toevoegen" data-soort="enkel" data-titel="%s">'
                'Tabel toevoegen in %s</button><button type="button" class="tabel-toevoegen" '
                'data-soort="meerjarig" data-titel="%s">Meerjarentabel toevoegen in %s</button>'
            ) % (title, title, title, title)
        return self.list_block(
            title,
            None,
            [item(v, i + 1) for i, v in enumerate(items)],
            item("", len(items) + 1),
            extra,
            Markup(" data-enkel") if single else Markup(""),
        )

    def new_tables(self) -> Markup:
        """Templates of a new table, once per page: one amount per row, or one column per year
        from next year; the page adds the section's name to its labels."""
        year = dt.date.today().year + 1
        single = {"tabel": "", "rol": "kosten", "regels": [{"post": "", "bedrag": None}]}
        multi_year = {
            "tabel": "",
            "rol": "kosten",
            "kolommen": [year, year + 1, year + 2, year + 3],
            "regels": [{"post": "", "bedrag": [None] * 4}],
        }
        return Markup(
            '<template class="nieuwe-tabel" data-soort="enkel"><li class="item">%s%s</li></template>'
            '<template class="nieuwe-tabel" data-soort="meerjarig"><li class="item">%s%s</li>'
            "</template>"
        ) % (self.table(single), self.buttons(), self.table(multi_year), self.buttons())

    def table(self, tabel: dict, where: str = "") -> Markup:
        return table(self, tabel, where)

    def _ro(self) -> Markup:
        return Markup(" disabled") if self.readonly else Markup("")


def _numbered(name: str, n: int) -> Markup:
    """A label that says which item: "Beslispunt 2"; the page renumbers after a move."""
    return Markup('<span class="nr" data-basis="%s">%s %s</span>') % (name, name, n)


def _key(key) -> Markup:
    return Markup(' data-k="%s"') % key if key is not None else Markup("")


def _long(value) -> bool:
    return isinstance(value, str) and ("\n" in value or len(value) > 100)


def _iso_date(value) -> bool:
    return value is None or isinstance(value, dt.date)


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _markdown(model, key: str) -> bool:
    return key in ("vraag", "antwoord", "toelichting") and model.__name__ in ("VraagAntwoord", "Aspect")


def _control(annotation) -> tuple[str, tuple | None]:
    """(data-t, options) of a sub-field from its pydantic annotation."""
    args = [annotation]
    for a in args:
        args += typing.get_args(a)
        if typing.get_origin(a) is typing.Literal:
            return "str", typing.get_args(a)
    if any(a is Decimal for a in args):
        return "bedrag", None
    if any(a is bool for a in args):
        return "bool", None
    if any(a is dt.date for a in args):
        return "datum", None
    return "str", None


def _is_list(type_) -> bool:
    return typing.get_origin(type_) is list


def _model(type_):
    """The pydantic model a field type holds (Persoon for list[Persoon]), if any."""
    candidates = [type_, *typing.get_args(type_)]
    for c in list(candidates):
        candidates += typing.get_args(c)
    return next((c for c in candidates if isinstance(c, type) and hasattr(c, "model_fields") and c is not Tabel), None)


_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$|^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def checked_input(tree, path: list | None = None) -> tuple[object, list[dict]]:
    """The form's tree with every date in ISO form; a date that is none (30 February,
    a year of five digits) is left out, so the old value stays, with a message at its field."""
    path, errors = path or [], []
    if isinstance(tree, dict) and "$datum" not in tree:
        out = {}
        for key, value in tree.items():
            if isinstance(value, dict) and "$datum" in value:
                datum = iso_date(value["$datum"]) if isinstance(value["$datum"], str) else None
                if datum is None:
                    shown = f"'{value['$datum']}'" if isinstance(value["$datum"], str) else "De ingevulde datum"
                    errors.append(
                        {
                            "pad": [*path, key],
                            "niveau": "fout",
                            "tekst": (
                                f"{shown} is geen bestaande datum; vul dag, maand en jaar in, zoals "
                                "26-01-2021. De vorige datum blijft staan."
                            ),
                        }
                    )
                    continue
                value = {"$datum": datum}
            else:
                value, more = checked_input(value, [*path, key])
                errors += more
            out[key] = value
        return out, errors
    if isinstance(tree, list):
        items = [checked_input(v, [*path, i]) for i, v in enumerate(tree)]
        return [v for v, _ in items], [e for _, more in items for e in more]
    return tree, errors


def iso_date(text: str) -> str | None:
    """`2021-01-26` or `26-01-2021` as ISO; "" for empty; None when it is no date."""
    text = text.strip()
    if not text:
        return ""
    match = _DATE.match(text)
    if match is None:
        return None
    y, m, d = (
        (match.group(1), match.group(2), match.group(3))
        if match.group(1)
        else (match.group(6), match.group(5), match.group(4))
    )
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None
