"""The editor's changes applied to a proposal's YAML text: only what changed changes.

The form sends the values it shows as a tree (objects, lists, strings,
numbers, `{"$datum": "2021-01-26"}` for dates). They are merged into the
ruamel.yaml round-trip data, where an unchanged value keeps its own object
(and so its quoting style). The text is then made by a three-way line merge:
ruamel's dump before and after the change tells which lines changed, and
every other line is taken from the original text, byte for byte, so a
layout ruamel would normalise (`~`, a long quoted line wrapped by hand)
survives wherever the user did not edit.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString

INDENTS = ((4, 2), (2, 0))  # `key:\n  - item` and `key:\n- item`


def apply_form(text: str, form: dict) -> str:
    """`text` with the form's values in place; every untouched line unchanged."""
    crlf = "\r\n" in text
    plain = text.replace("\r\n", "\n") if crlf else text
    yaml, data, before = _closest(plain)
    merge_into(data, form)
    after = _dump(yaml, data)
    merged = merge3(plain, before, after)
    if merged != plain and not _same_content(yaml, merged, data):
        merged = after  # the line merge could not keep the content: ruamel's own text is right
    return merged.replace("\n", "\r\n") if crlf else merged


def _closest(text: str):
    """ruamel set up with the list indentation that reproduces most of `text`."""
    best = None
    for sequence, offset in INDENTS:
        yaml = YAML(typ="rt")
        yaml.preserve_quotes, yaml.width = True, 4096
        yaml.indent(mapping=2, sequence=sequence, offset=offset)
        data = yaml.load(text)
        before = _dump(yaml, data)
        if before == text:
            return yaml, data, before
        same = sum(
            size
            for *_, size in difflib.SequenceMatcher(
                None, before.splitlines(), text.splitlines(), autojunk=False
            ).get_matching_blocks()
        )
        if best is None or same > best[0]:
            best = (same, yaml, data, before)
    assert best is not None, "INDENTS is not empty"
    return best[1:]


def _same_content(yaml: YAML, merged: str, data) -> bool:
    try:
        return _plain(yaml.load(merged)) == _plain(data)
    except Exception:  # any YAML error means: not the same
        return False


def _dump(yaml: YAML, data) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def merge_into(node: CommentedMap, form: dict) -> None:
    """Put the form's values into `node`; keys the form does not show stay as they are."""
    for key, new in form.items():
        if new is None:  # the form says this key does not belong here (a row's other kind)
            node.pop(key, None)
        elif key in node:
            merged = merge_value(node[key], new)
            if merged is not node[key]:
                _replace(node, key, merged)
        elif not _empty(new):
            node[key] = _new(new)


def _replace(node: CommentedMap, key, value) -> None:
    """node[key] = value, keeping the blank lines after it, also from a block or quoted
    string to a plain one (which ruamel's own assignment would turn back into the old style)."""
    old, comment = node[key], node.ca.items.get(key)
    if isinstance(old, ScalarString) and not isinstance(value, ScalarString):
        position = list(node).index(key)
        del node[key]
        node.insert(position, key, value)
    else:
        node[key] = value
    if comment is not None:
        node.ca.items[key] = _line_end(comment, _is_block(old), _is_block(value))


def _is_block(value) -> bool:
    return isinstance(value, (LiteralScalarString, FoldedScalarString))


def _line_end(comment: list, was_block: bool, is_block: bool) -> list:
    """A block scalar's text ends its own line, a plain value's line end comes before
    the blank lines after it: move that line end when one becomes the other."""
    import copy

    token = comment[2] if len(comment) > 2 else None
    if was_block == is_block or token is None or not isinstance(getattr(token, "value", None), str):
        return comment
    token = copy.copy(token)
    token.value = "\n" + token.value if was_block else token.value.removeprefix("\n")
    return [*comment[:2], token if token.value else None, *comment[3:]]


def merge_value(old, new):
    if isinstance(new, dict) and "$datum" not in new:
        if isinstance(old, CommentedMap):
            merge_into(old, new)
            return old
        return _new(new)
    if isinstance(new, list):
        if isinstance(old, CommentedSeq):
            _merge_list(old, new)
            return old
        if (old is None or old == "") and _empty(new):
            return old  # `totaal: ~` in a table of three columns stays as it is
        if _one_line(old) and new and all(_one_line(v) for v in new):
            return _widened(old, new)
        return _new(new)
    return old if _same(old, new) else _scalar(old, new)


def _one_line(value) -> bool:
    return not isinstance(value, (dict, list)) and not (isinstance(value, str) and "\n" in value)


def _widened(old, new: list) -> CommentedSeq:
    """One value become a list (a table's amount when it gets a second column):
    `[old, ...]` in flow style, the old value in its own style (its quotes)."""
    seq = CommentedSeq([merge_value(old, new[0]), *(_new(v) for v in new[1:])])
    seq.fa.set_flow_style()
    return seq


def _merge_list(old: CommentedSeq, new: list) -> None:
    for i, value in enumerate(new[: len(old)]):
        merged = merge_value(old[i], value)
        if merged is not old[i]:
            old[i] = merged
    if len(new) == len(old):
        return
    trailing = old.ca.items.pop(len(old) - 1, None) if old else None  # e.g. the blank line after
    flow = bool(old) and isinstance(old[-1], (CommentedMap, CommentedSeq)) and old[-1].fa.flow_style()
    del old[len(new) :]
    for value in new[len(old) :]:
        old.append(_flow(_new(value)) if flow else _new(value))
    if trailing is not None and old:
        old.ca.items[len(old) - 1] = trailing


def _same(old, new) -> bool:
    if isinstance(new, dict):
        new = new["$datum"]
    if old is None or old == "" or new is None or new == "":
        return (old is None or old == "") and (new is None or new == "")
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, dt.date):
        return old.isoformat() == new
    if isinstance(old, str) != isinstance(new, str):
        return False
    if isinstance(old, str) and "\n" in old:
        return old.rstrip("\n") == new.rstrip("\n")
    return old == new


def _scalar(old, new):
    """The new value, in the old value's style where it had one."""
    if isinstance(new, dict):
        return _date(new["$datum"])
    if new is None or new == "":
        return None
    if isinstance(new, str) and isinstance(old, ScalarString):
        block = isinstance(old, (LiteralScalarString, FoldedScalarString))
        if block and "\n" not in new.rstrip("\n"):
            return _new(new.rstrip("\n"))  # one line (such as `nvt`) needs no block
        if isinstance(old, LiteralScalarString) and old.endswith("\n") and not new.endswith("\n"):
            new += "\n"
        return type(old)(new)
    return _new(new)


def _date(text: str):
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return text


def _new(value):
    """A value the form adds: block-style maps and lists, literal blocks for lines."""
    if isinstance(value, dict):
        if "$datum" in value:
            return _date(value["$datum"])
        node = CommentedMap()
        for key, item in value.items():
            if not _empty(item):
                node[key] = _new(item)
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_new(v) for v in value)
        if seq and all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in seq):
            seq.fa.set_flow_style()  # a new table's years and amounts: [2027, 2028], [180000, null]
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value if value.endswith("\n") else value + "\n")
    if value == "":
        return None
    return value


def _flow(node):
    """A new table row written like its neighbours: `{post: ..., bedrag: [...]}`."""
    if isinstance(node, (CommentedMap, CommentedSeq)):
        node.fa.set_flow_style()
        for item in node.values() if isinstance(node, CommentedMap) else node:
            _flow(item)
    return node


def _empty(value) -> bool:
    """Nothing filled in, also deep down (a form's empty person is `{naam: ""}`)."""
    if isinstance(value, dict) and "$datum" not in value:
        return all(_empty(v) for v in value.values())
    if isinstance(value, list):
        return all(_empty(v) for v in value)
    return value is None or value == "" or value == {"$datum": ""}


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, ScalarString):
        return str(value)
    return value


def merge3(original: str, before: str, after: str) -> str:
    """`original` with the line changes that turn `before` into `after`."""
    o, a, b = (t.splitlines(keepends=True) for t in (original, before, after))
    if a == b:
        return original
    blocks = difflib.SequenceMatcher(None, a, o, autojunk=False).get_opcodes()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += _original_of(blocks, a, o, i1, i2, i2 == len(a))
        else:
            out += b[j1:j2]
    return "".join(out)


def _original_of(blocks, a: list, o: list, i1: int, i2: int, last: bool) -> list[str]:
    """The original's lines for the unchanged lines i1..i2 of `before`."""
    out: list[str] = []
    for tag, a1, a2, o1, o2 in blocks:
        if a1 == a2:
            if i1 <= a1 < i2 or (last and a1 == i2):
                out += o[o1:o2]
            continue
        lo, hi = max(a1, i1), min(a2, i2)
        if lo >= hi:
            continue
        if tag == "equal":
            out += o[o1 + lo - a1 : o1 + hi - a1]
        elif (lo, hi) == (a1, a2):
            out += o[o1:o2]
        else:
            out += a[lo:hi]
    return out
