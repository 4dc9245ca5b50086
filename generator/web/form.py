"""The editor's form, generated from a kind's kind.yaml: no Python or HTML per kind.

Every control carries `data-t` (its type: obj, list, str, getal, bedrag,
datum, bool, kolom) and, inside an object, `data-k` (its key); the page's
script walks these to send the values back as a tree (generator.web.yamledit).
Lists have a <template> for a new item and buttons to add, remove and move.
"""
from __future__ import annotations

import datetime as dt
import typing
from decimal import Decimal
from itertools import count

from markupsafe import Markup

from generator.proposal.model import FIELD_TYPES, Tabel
from generator.proposal.vocabulary import is_nvt
from generator.web.grid import ROLES, table, text_of as _text

NOTHING = Markup("")

SCALAR = {"tekst": "str", "markdown": "str", "getal": "getal", "bedrag": "bedrag", "datum": "datum",
          "janee": "bool", "keuze": "str"}
__all__ = ["Form", "ROLES"]


class Form:
    """The HTML of one proposal's form; ids are unique within the page."""

    def __init__(self, soort, data: dict, readonly: bool = False):
        self.soort, self.data, self.readonly = soort, data, readonly
        self._ids = count(1)

    def html(self) -> Markup:
        parts = [self.field(veld, self.data.get(veld["sleutel"])) for veld in self.soort.velden]
        if self.soort.secties:
            secties = self.data.get("secties") or {}
            inner = Markup("").join(self.section(s, secties.get(s["sleutel"])) for s in self.soort.secties)
            parts.append(Markup('<div data-t="obj" data-k="secties" class="secties">%s</div>') % inner)
        return Markup('<div data-t="obj" id="formulier-wortel">%s</div>') % Markup("").join(parts)

    def new_id(self) -> str:
        return f"v{next(self._ids)}"

    def field(self, veld: dict, value) -> Markup:
        soort, label, key = veld["type"], veld.get("label") or veld["sleutel"], veld["sleutel"]
        if soort in SCALAR:
            return self.scalar(label, key, SCALAR[soort], value, veld.get("opties"), veld.get("verplicht"))
        model = _model(FIELD_TYPES[soort])
        if model is not None and not _is_list(FIELD_TYPES[soort]):
            return self.obj(label, key, model, value or {})
        return self.listing(label, key, soort, value or [])

    def scalar(self, label, key, t: str, value, opties=None, verplicht=False, multiline=None) -> Markup:
        if t != "str":
            multiline = False
        id_ = self.new_id()
        attrs = Markup(' id="%s" data-t="%s"%s%s') % (id_, t, _key(key), self._ro())
        if verplicht:
            attrs += Markup(' aria-required="true"')
        if opties:
            options = Markup("").join(Markup('<option%s>%s</option>') % (
                Markup(" selected") if str(o) == str(value) else "", o) for o in ["", *opties])
            control = Markup("<select%s>%s</select>") % (attrs, options)
        elif t == "bool":
            control = Markup('<input type="checkbox"%s%s>') % (attrs, Markup(" checked") if value else "")
        elif multiline or (multiline is None and t == "str" and _long(value)):
            control = Markup('<textarea rows="6"%s>\n%s</textarea>') % (attrs, _text(value))
        else:
            kind = "date" if t == "datum" and _iso_date(value) else "text"
            mode = Markup(' inputmode="decimal"') if t == "bedrag" else ""
            control = Markup('<input type="%s"%s%s value="%s">') % (kind, attrs, mode, _text(value))
        return Markup('<div class="veld"><label for="%s">%s</label>%s</div>') % (id_, label, control)

    def obj(self, label, key, model, value: dict) -> Markup:
        inner = Markup("").join(self.scalar(_label(k), k, _control(f.annotation)[0], value.get(k),
                                            _control(f.annotation)[1], multiline=_markdown(model, k) or None)
                                for k, f in model.model_fields.items())
        return Markup('<fieldset data-t="obj"%s><legend>%s</legend>%s</fieldset>') % (_key(key), label, inner)

    def listing(self, label, key, soort: str, items: list) -> Markup:
        model = _model(FIELD_TYPES[soort])
        lines = soort in ("beslispunten", "vragen", "aspecten")

        def item(value) -> Markup:
            if model is not None and isinstance(value, dict):
                return self.obj(f"{label}: onderdeel", None, model, value)
            return self.scalar(f"{label}: onderdeel", None, "str", value, multiline=lines)
        new = item({} if model is not None else "")
        return self.list_block(label, key, [item(v) for v in items], new)

    def list_block(self, label, key, items: list[Markup], new: Markup, extra: Markup = NOTHING) -> Markup:
        rows = Markup("").join(Markup('<li class="item">%s%s</li>') % (i, self.buttons()) for i in items)
        add = "" if self.readonly else Markup(
            '<button type="button" class="toevoegen">Toevoegen aan %s</button>') % label
        template = Markup('<template><li class="item">%s%s</li></template>') % (new, self.buttons())
        return Markup('<fieldset class="lijst"><legend>%s</legend><ol data-t="list"%s>%s</ol>%s%s%s'
                      '</fieldset>') % (label, _key(key), rows, template, add, extra)

    def buttons(self) -> Markup:
        if self.readonly:
            return Markup("")
        return Markup('<span class="knoppen"><button type="button" class="omhoog" aria-label="Omhoog">↑'
                      '</button><button type="button" class="omlaag" aria-label="Omlaag">↓</button>'
                      '<button type="button" class="verwijder" aria-label="Verwijderen">✕</button></span>')

    def section(self, sectie: dict, value) -> Markup:
        key, titel = sectie["sleutel"], sectie["titel"]
        nvt, id_ = is_nvt(value), self.new_id()
        if isinstance(value, list):
            body = self.mixed(titel, value)
        else:
            body = self.scalar(f"{titel}: tekst", None, "str", "" if nvt else value, multiline=True)
        toggle = Markup('<div class="nvt"><input type="checkbox" id="%s" data-nvt%s%s>'
                        '<label for="%s">niet van toepassing</label></div>') % (
            id_, Markup(" checked") if nvt else "", self._ro(), id_)
        return Markup('<fieldset class="sectie" data-t="sectie"%s><legend>%s</legend>%s%s</fieldset>') % (
            _key(key), titel, toggle, body)

    def mixed(self, titel: str, items: list) -> Markup:
        """A section of texts and tables."""
        def item(value) -> Markup:
            if isinstance(value, dict):
                return self.table(value)
            return self.scalar(f"{titel}: tekst", None, "str", value, multiline=True)
        extra = NOTHING if self.readonly else Markup(
            '<button type="button" class="tabel-toevoegen">Tabel toevoegen</button>')
        return self.list_block(titel, None, [item(v) for v in items], item(""), extra)

    def table(self, tabel: dict) -> Markup:
        return table(self, tabel)

    def _ro(self) -> Markup:
        return Markup(" disabled") if self.readonly else Markup("")


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
    return next((c for c in candidates if isinstance(c, type) and hasattr(c, "model_fields")
                 and c is not Tabel), None)
