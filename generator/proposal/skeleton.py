"""`nota new`: a complete skeleton of a kind, or next year's proposal from this year's."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.proposal.placeholders import FILL_IN, ITEM, MARKDOWN
from generator.proposal.vocabulary import NVT

# What the skeleton writes per type: (required, optional). A required field gets a
# placeholder that `nota check` refuses, so a blank skeleton never passes; an optional one
# is left blank, which is allowed.
EXAMPLE = {
    "tekst": (FILL_IN, ""),
    "markdown": (LiteralScalarString(MARKDOWN + "\n"), ""),
    "datum": (None, None),
    "janee": (False, False),
    "getal": (0, 0),
    "bedrag": (0, 0),
    "lijst": ([ITEM], []),
    "beslispunten": ([ITEM], [ITEM]),
    "bijlagen": ([], []),
    "personen": ([], []),
    "ondertekenaars": ([], []),
    "vragen": ([], []),
    "aspecten": ([], []),
}
# A required list of records starts with one record to fill in.
FIRST_ITEM = {
    "vragen": lambda: CommentedMap(vraag=FILL_IN, antwoord=LiteralScalarString(MARKDOWN + "\n")),
    "ondertekenaars": lambda: CommentedMap(naam=FILL_IN, functie=FILL_IN),
    "aspecten": lambda: CommentedMap(aspect=FILL_IN, status="op koers", toelichting=FILL_IN),
}
EXPLANATION = {
    "tekst": "tekst",
    "markdown": "markdown: alinea's, **vet**, lijsten, ### tussenkopjes",
    "datum": "datum als JJJJ-MM-DD",
    "janee": "true of false",
    "bedrag": 'bedrag: 371358 of "€ 371.358,50"',
    "persoon": "{naam: ..., email: ..., telefoon: ...}",
    "beslispunten": "één beslispunt per regel",
    "bijlagen": "- {titel: ..., bestand: naam.pdf}",
    "vragen": "- {vraag: ..., antwoord: ...}",
    "aspecten": "- {aspect: Scope, status: op koers|aandacht|risico, toelichting: ...}",
    "ondertekening": "{plaats: ..., burgemeester: ..., secretaris: ...}",
}


def _value(veld: dict):
    if veld["type"] == "keuze":
        return veld.get("standaard") or veld["opties"][0]
    if veld["type"] == "persoon":
        return CommentedMap(naam="", email="", telefoon="")
    if veld["type"] == "ondertekening":
        return CommentedMap(plaats="", burgemeester="", secretaris="")
    if veld["type"] == "raadsondertekening":
        return CommentedMap(voorzitter="", griffier="")
    if veld.get("verplicht") and veld["type"] in FIRST_ITEM:
        return CommentedSeq([FIRST_ITEM[veld["type"]]()])
    verplicht, optional = EXAMPLE.get(veld["type"], (FILL_IN, ""))
    waarde = verplicht if veld.get("verplicht") else optional
    return CommentedSeq(waarde) if isinstance(waarde, list) else waarde


def _blank(veld: dict):
    """What a new proposal in the editor starts with: nothing to delete first."""
    if veld["type"] == "keuze":
        return veld.get("standaard") or veld["opties"][0]
    if veld["type"] == "janee":
        return False
    if veld["type"] in ("persoon", "ondertekening", "raadsondertekening"):
        return _value(veld)
    empty = EXAMPLE.get(veld["type"], (None, None))[1]
    return CommentedSeq() if isinstance(empty, list) else None


def skeleton(soort, onderwerp: str | None = None, blank: bool = False) -> CommentedMap:
    """Every field and section of `soort`, explained in comments. `nota new` writes
    placeholders that `nota check` refuses until filled in; `blank` (the editor, whose
    form gives the hints) leaves every field empty; `onderwerp` fills in the subject."""
    doc = CommentedMap()
    doc["soort"] = soort.naam
    for veld in soort.velden:
        doc[veld["sleutel"]] = _blank(veld) if blank else _value(veld)
        if onderwerp and veld["sleutel"] == "onderwerp":
            doc["onderwerp"] = onderwerp
        explanation = EXPLANATION.get(veld["type"], veld["type"])
        if veld["type"] == "keuze":
            explanation = " | ".join(veld["opties"])
        verplicht = " (verplicht)" if veld.get("verplicht") else ""
        uitleg = f"{veld.get('label', '')}{verplicht}: {explanation}"
        doc.yaml_set_comment_before_after_key(veld["sleutel"], before=uitleg)
    if soort.secties:
        doc["secties"] = _secties(soort, blank)
    doc["besluiten"] = CommentedSeq()
    doc.yaml_set_comment_before_after_key("besluiten", before="vult 'nota decide' in; niet met de hand")
    return doc


def _secties(soort, blank: bool = False) -> CommentedMap:
    secties = CommentedMap()
    for s in soort.secties:
        verplicht = s.get("verplicht")
        filled = LiteralScalarString(MARKDOWN + "\n") if verplicht and not blank else None
        secties[s["sleutel"]] = filled if verplicht or s.get("uit_beslispunten") else NVT
        if blank:  # the editor's form explains; a comment would stick to a section that becomes a list
            continue
        explanation = s["titel"] + (" (verplicht)" if verplicht else "; 'nvt' als niet van toepassing")
        if s.get("uit_beslispunten"):
            explanation += "; leeg laten herhaalt de beslispunten"
        secties.yaml_set_comment_before_after_key(s["sleutel"], before=explanation, indent=2)
    return secties


def dump(data, kop: str | None = None, width: int = 100) -> str:
    import io

    yaml = YAML(typ="rt")
    yaml.width = width
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return (kop or "") + buf.getvalue()


def file_name(onderwerp: str, folder: Path) -> str:
    """A file name for a new proposal from its onderwerp, not yet taken in `folder`:
    'Subsidie sportverenigingen 2027' gives 'subsidie-sportverenigingen-2027.yaml'."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", onderwerp).encode("ascii", "ignore").decode().lower()
    stem = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].rstrip("-") or "voorstel"
    naam, n = f"{stem}.yaml", 1
    while (folder / naam).exists():
        n += 1
        naam = f"{stem}-{n}.yaml"
    return naam


SCHEMA_LINE = re.compile(r"\A# yaml-language-server: \$schema=.*\n")


def schema_file(soort, doel: Path | None) -> Path | None:
    """Where the kind's JSON Schema is for a proposal written to `doel`, written there if need be.

    `schema/<soort>.schema.json` in the proposal's folder, or in the folder's parent when
    that is where a `schema/` folder already is (proposals/ beside schema/); never a path
    into nota's own install folder, so the reference survives moving the folder and
    means something after a wheel install. The file is written when it is missing or no
    longer matches the kind. `doel` None (the screen): only an existing file counts,
    looked for from the current folder, and nothing is written. None when there is none."""
    base = Path(os.path.abspath(doel.parent if doel is not None else Path.cwd()))
    naam = f"{soort.naam}.schema.json"
    folders = [d / "schema" for d in (base, base.parent) if (d / "schema").is_dir()]
    if doel is None:
        return next((d / naam for d in folders if (d / naam).is_file()), None)
    target = next((d / naam for d in folders if (d / naam).is_file()), (folders or [base / "schema"])[0] / naam)
    return target if _write_schema(soort, target) else None


def _write_schema(soort, target: Path) -> bool:
    """Write the kind's schema to `target` unless it is there already; False if it cannot be."""
    from generator.proposal.schema import as_text

    data = as_text(soort).encode("utf-8")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if target.is_file() and target.read_bytes() == data:
            return True
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "xb") as f:  # the user's umask, as any new file
            f.write(data)
        os.replace(temporary, target)
    except OSError:
        return False
    finally:
        temporary.unlink(missing_ok=True)
    return True


def schema_header_for(soort, doel: Path | None) -> str:
    """The line that gives an editor the kind's JSON Schema, relative to the proposal's
    folder (see `schema_file`); empty when there is none (see `schema_hint`)."""
    gevonden = schema_file(soort, doel)
    if gevonden is None:
        return ""
    base = os.path.abspath(doel.parent if doel is not None else Path.cwd())
    return f"# yaml-language-server: $schema={Path(os.path.relpath(gevonden, base)).as_posix()}\n"


def schema_hint(soort) -> str:
    return (
        f"er is geen JSON Schema van '{soort.naam}' gevonden, dus zonder regel '$schema'; voor aanvulling "
        f"in de editor: nota schema {soort.naam} > schema/{soort.naam}.schema.json (--templates als bij "
        f"nota new) en zet bovenaan '# yaml-language-server: $schema=<pad naar dat bestand>'"
    )


def with_schema_header(tekst: str, kop: str) -> str:
    """`tekst` with its first line replaced by `kop` if that line is a $schema line."""
    return kop + SCHEMA_LINE.sub("", tekst, count=1) if SCHEMA_LINE.match(tekst) else tekst
