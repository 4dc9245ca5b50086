"""Two saves of one proposal (two tabs, two people): merged field by field, never lost.

The draft was opened from `base`; since then someone saved `theirs` to the file;
`ours` is the draft. Every field changed on one side only takes that change;
a field changed on both sides to different values is a conflict, reported with
both texts. The result is made from the file's text with yamledit, so the lines
nobody changed stay byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

_MISSING = object()
_DELETE = object()  # a key one side removed: the form's None removes it from the text


@dataclass
class Conflict:
    pad: list
    ours: Any
    theirs: Any

    def as_dict(self) -> dict:
        return {"pad": self.pad, "mijn": _shown(self.ours), "ander": _shown(self.theirs)}


def merge_texts(base: str, theirs: str, ours: str, prefer: str | None = None) -> tuple[str, list[Conflict]]:
    """(the merged text, the conflicts); with `prefer` "mijn" or "ander", conflicts are
    settled that way (and still reported)."""
    from generator.web.yamledit import apply_form

    conflicts: list[Conflict] = []
    merged = _merge(_plain(base), _plain(theirs), _plain(ours), [], conflicts, prefer)
    if conflicts and prefer is None:
        return theirs, conflicts
    return apply_form(theirs, _as_form(merged)), conflicts


def _plain(tekst: str):
    from ruamel.yaml import YAML

    from generator.web.yamledit import _plain as plain

    return plain(YAML(typ="rt").load(tekst))


def _merge(base, theirs, ours, pad: list, conflicts: list[Conflict], prefer: str | None):
    if ours == base or ours == theirs:
        return theirs
    if theirs == base:
        return ours
    if isinstance(ours, dict) and isinstance(theirs, dict):
        base = base if isinstance(base, dict) else {}
        out = {}
        for key in dict.fromkeys([*theirs, *ours]):
            value = _merge(
                base.get(key, _MISSING),
                theirs.get(key, _MISSING),
                ours.get(key, _MISSING),
                pad + [key],
                conflicts,
                prefer,
            )
            if value is not _MISSING:
                out[key] = value
            elif key in theirs:
                out[key] = _DELETE
        return out
    if (
        isinstance(ours, list)
        and isinstance(theirs, list)
        and isinstance(base, list)
        and len(ours) == len(theirs) == len(base)
    ):
        return [_merge(b, t, o, pad + [i], conflicts, prefer) for i, (b, t, o) in enumerate(zip(base, theirs, ours))]
    conflicts.append(Conflict(pad, ours, theirs))
    return ours if prefer == "mijn" else theirs


def _as_form(value):
    """A plain tree as the form sends it (dates as {"$datum": ...}, nothing as "")."""
    if value is _DELETE:
        return None
    if isinstance(value, dict):
        return {k: _as_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_form(v) for v in value]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"$datum": value.isoformat()}
    return "" if value is None or value is _MISSING else value


def _shown(value) -> str:
    if value is _MISSING or value is None:
        return "(leeg)"
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def claims(formulier: dict, basis: dict | None, sent: dict[str, str]) -> tuple[dict, list[dict]]:
    """(the fields to take, the conflicts) of one page's change to a draft that other pages
    change too. `sent` holds, per field path, the value last taken from any page; a field
    whose value there is not what this page had before (`basis`), and not what it sends
    now, was changed by another page: a conflict, not taken. Without `basis`, all is taken."""
    import json

    taken: dict = {}
    conflicts: list[dict] = []
    for pad, value in _leaves(formulier, []):
        key, shown = json.dumps(pad), json.dumps(value, sort_keys=True)
        before = json.dumps(_at(basis, pad), sort_keys=True) if basis is not None else None
        if basis is not None and key in sent and sent[key] not in (before, shown):
            conflicts.append(
                {
                    "pad": pad,
                    "mijn": _shown(value),
                    "ander": _shown(json.loads(sent[key])),
                    "ander_waarde": json.loads(sent[key]),
                }
            )
            continue
        sent[key] = shown
        _put(taken, pad, value)
    return taken, conflicts


def _leaves(tree, pad: list):
    """(path, value) of every field in a form's tree; a list and a date are one field."""
    if isinstance(tree, dict) and "$datum" not in tree:
        for key, value in tree.items():
            yield from _leaves(value, [*pad, key])
    else:
        yield pad, tree


def _at(tree, pad: list):
    for key in pad:
        if not isinstance(tree, dict) or key not in tree:
            return None
        tree = tree[key]
    return tree


def _put(tree: dict, pad: list, value) -> None:
    for key in pad[:-1]:
        tree = tree.setdefault(key, {})
    if pad:
        tree[pad[-1]] = value
