"""Score one imported document against its ground truth, the way issue 26 counts.

Per kind of content (header fields, sections, beslispunten, amounts, totals, decisions):
(imported right, stated in the source). Separately: `fout` (wrong-unmarked), a value that is
present but wrong and carries no `# NOTA IMPORT` marker, and `kwijt` (dropped), a text, a
beslispunt or a header value of the source that appears nowhere in the YAML, not even in a
marked comment. Used by tests/test_import_styles.py and bench/import_score.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from make_import_corpus import _amounts, _flat, _multiset_recall, _same

KOLOMMEN = ("kop", "secties", "beslispunten", "bedragen", "totalen", "besluiten")
MARK = "NOTA IMPORT"


def norm(tekst) -> str:
    tekst = str(tekst).replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    return " ".join(re.sub(r"[*_#>]", " ", tekst).split()).lower()


def importeer(path: Path) -> str:
    from generator.importer import import_document
    from generator.proposal.kinds import search_path

    return import_document(path, search_path()).yaml


def _marked_keys(yaml: str) -> set[str]:
    """Keys (top level or under secties) with a marker comment right above them."""
    out, comment = set(), False
    for regel in yaml.splitlines():
        bare = regel.strip()
        if bare.startswith("#"):
            comment = comment or MARK in bare
            continue
        key = re.match(r"^\s*([\w.]+):", regel)
        if key and comment:
            out.add(key.group(1))
        comment = False
    return out


def _sections_of(data: dict) -> dict[str, str]:
    """Section key (and markdown field) -> its text, tables as their posts."""
    out = {}
    for sleutel, inhoud in (data.get("secties") or {}).items():
        parts = inhoud if isinstance(inhoud, list) else [inhoud]
        out[sleutel] = norm(
            " ".join(
                str(p) if not isinstance(p, dict) else " ".join(str(r.get("post", "")) for r in p.get("regels", []))
                for p in parts
                if p
            )
        )
    for sleutel in ("samenvatting", "publiekssamenvatting"):
        if isinstance(data.get(sleutel), str):
            out[sleutel] = norm(data[sleutel])
    return out


def _marked_tables(yaml: str) -> set[str]:
    """Titles of tables with a marker comment right above them."""
    out, comment = set(), False
    for regel in yaml.splitlines():
        bare = regel.strip()
        if bare.startswith("#"):
            comment = comment or MARK in bare
            continue
        titel = re.match(r"^- tabel: (.*)$", bare)
        if titel and comment:
            out.add(titel.group(1).strip("'\""))
        comment = False
    return out


def _stated_amounts(data: dict, marked: set[str]) -> list[int]:
    """The amounts of tables without a marker, as the YAML states them (no computed row sums)."""
    out = []
    for inhoud in (data.get("secties") or {}).values():
        for t in inhoud if isinstance(inhoud, list) else []:
            if isinstance(t, dict) and str(t.get("tabel")) not in marked:
                for b in [r.get("bedrag") for r in t.get("regels", [])] + [t.get("totaal")]:
                    out += [x for x in (b if isinstance(b, list) else [b]) if isinstance(x, int)]
    return out


def score(path: Path, truth: dict) -> dict:
    from ruamel.yaml import YAML

    yaml = importeer(path)
    data = YAML(typ="safe").load(yaml) or {}
    everything, marked = norm(yaml), _marked_keys(yaml)
    flat_truth, flat_got = _flat(truth["kop"]), _flat({k: v for k, v in data.items() if k != "secties"})
    kop = sum(_same(v, flat_got.get(k)) for k, v in flat_truth.items())
    fout = sum(
        1
        for k, v in flat_truth.items()
        if k in flat_got and flat_got[k] is not None and not _same(v, flat_got[k]) and k.split(".")[0] not in marked
    )
    secties = _sections_of(data)
    teksten_per_sectie = truth.get("sectie_teksten") or {s: [] for s in truth["secties"]}
    found_secties = 0
    for s in truth["secties"]:
        eerste = teksten_per_sectie.get(s, [])[:1]
        present = s in (data.get("secties") or {}) and (data["secties"][s] is not None or s == "voorstel")
        found_secties += present and all(norm(t)[:50] in secties.get(s, "") for t in eerste)
    for s, teksten in teksten_per_sectie.items():  # a paragraph in another section, unmarked
        for t in teksten:
            elders = [k for k, v in secties.items() if k != s and norm(t)[:50] in v]
            fout += bool(elders) and norm(t)[:50] not in secties.get(s, "") and not set(elders) & marked
    punten = data.get("beslispunten") or []
    found_punten = sum(any(_same(p, q) for q in punten) for p in truth["beslispunten"])
    bedragen, totalen = _amounts(data)
    stated = list(truth["bedragen"]) + list(truth["totalen"])
    fout += sum(1 for b in _stated_amounts(data, _marked_tables(yaml)) if b not in stated)
    besluiten = sum(
        any(str(b.get("datum")) == t["datum"] and b.get("orgaan") == t["orgaan"] for b in data.get("besluiten") or [])
        for t in truth["besluiten"]
    )
    waarden = [
        v
        for k, v in flat_truth.items()
        if isinstance(v, str) and flat_got.get(k) is None and not re.fullmatch(r"\d{4}-\d\d-\d\d", v)
    ]  # absent, not merely wrong
    kwijt = sum(
        1
        for t in list(truth.get("teksten", [])) + list(truth["beslispunten"]) + waarden
        if norm(t)[:50] not in everything
    )
    return {
        "kop": (kop, len(flat_truth)),
        "secties": (found_secties, len(truth["secties"])),
        "beslispunten": (found_punten, len(truth["beslispunten"])),
        "bedragen": _multiset_recall(truth["bedragen"], bedragen),
        "totalen": _multiset_recall(truth["totalen"], totalen),
        "besluiten": (besluiten, len(truth["besluiten"])),
        "fout": fout,
        "kwijt": kwijt,
    }


def total(scores: list[dict]) -> dict:
    out: dict = {k: (sum(s[k][0] for s in scores), sum(s[k][1] for s in scores)) for k in KOLOMMEN}
    out["fout"], out["kwijt"] = sum(s["fout"] for s in scores), sum(s["kwijt"] for s in scores)
    return out


def meets_bar(t: dict) -> bool:
    """The issue's bar: nothing wrong unmarked, nothing dropped, 90% (amounts 95%) right."""
    ratio = {k: t[k][0] / t[k][1] if t[k][1] else 1.0 for k in KOLOMMEN}
    return (
        t["fout"] == 0
        and t["kwijt"] == 0
        and ratio["bedragen"] >= 0.95
        and all(ratio[k] >= 0.9 for k in KOLOMMEN if k != "bedragen")
    )
