"""`nota decide`: append one decision record; nothing else in the file changes.

The record is serialised by ruamel.yaml and spliced into the original text
(after the last line of `besluiten`, or in place of `[]` in `besluiten: []`,
or at the end), so every comment, blank line, key order, quoting style, line
ending and byte-order mark survives byte for byte. The result is loaded again
and must hold the same content plus the one record, with a valid seal; then
it replaces the file through proposal.rewrite: under the proposal's lock,
into the file a symlink points to, keeping the file's mode.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ruamel.yaml import YAML

from generator.errors import Melding, NotaFout
from generator.proposal.load import load_bytes
from generator.proposal.rewrite import rewrite
from generator.proposal.vocabulary import COLLEGE, RAAD, TOELICHTING_VERPLICHT, UITKOMSTEN
from generator.decisions.numbering import decisive
from generator.decisions.seal import ORGAAN, content_hash, file_hashes, part_hashes, record_hash, tampered

BOM = b"\xef\xbb\xbf"


def decide_file(path: Path, search_path, record: dict, vervang: bool = False) -> dict:
    """Append `record` (orgaan, datum, uitkomst, ...) to the proposal at `path`, sealed."""
    sealed: dict = {}

    def change(raw: bytes) -> bytes:
        voorstel = _valid_voorstel(raw, path, search_path, vervang)
        _check_record(voorstel, record, vervang)
        sealed.update(seal_record(voorstel, record))
        nieuw = split_into(raw.decode("utf-8-sig"), voorstel.bron, sealed)
        _check_result(nieuw, voorstel, path)
        return (BOM if raw.startswith(BOM) else b"") + nieuw.encode("utf-8")

    rewrite(path, change)
    return sealed


def seal_record(voorstel, record: dict) -> dict:
    """`record` with its seals: the content's hash, a hash per part, and the record's own."""
    from generator.proposal.model import Besluit

    record = {k: v for k, v in record.items() if v is not None}
    record["inhoud_sha256"] = content_hash(voorstel)
    besluiten = voorstel.data.besluiten
    unsealed = {**record, "inhoud_per_veld": part_hashes(voorstel), "bestanden_sha256": file_hashes(voorstel)}
    record["besluit_sha256"] = record_hash(Besluit.model_validate(unsealed), besluiten[-1] if besluiten else None)
    record["inhoud_per_veld"] = unsealed["inhoud_per_veld"]
    record["bestanden_sha256"] = unsealed["bestanden_sha256"]
    return record


def _valid_voorstel(raw: bytes, path: Path, search_path, vervang: bool):
    """The proposal as `nota check` sees it, from the bytes held under the lock; it must be
    free of errors (with --vervang, a change since the earlier decision is allowed: the
    new decision seals it)."""
    from generator.checks import check_source
    from generator.checks.besluit import besluit_files_unchanged, besluit_matches_content

    try:
        bron = load_bytes(raw, path)
    except NotaFout as e:
        bron, errors = None, e.meldingen
    if bron is not None:
        skip = {besluit_matches_content, besluit_files_unchanged} if vervang else set()
        voorstel, meldingen = check_source(bron, search_path, skip=skip)
        errors = [m for m in meldingen if m.is_error]
    if bron is None or voorstel is None or errors:
        raise NotaFout(
            [
                Melding(
                    "het voorstel bevat fouten; los die eerst op (nota check), dan kan het besluit worden vastgelegd",
                    path,
                )
            ]
            + errors
        )
    return voorstel


def _check_record(voorstel, record: dict, vervang: bool) -> None:
    orgaan, uitkomst, path = record["orgaan"], record["uitkomst"], voorstel.path
    if orgaan not in voorstel.soort.besluitorganen:
        raise NotaFout(
            Melding(
                f"over een {voorstel.soort.titel.lower()} besluit {ORGAAN[orgaan]} niet; "
                f"wel: {', '.join(voorstel.soort.besluitorganen)}",
                path,
            )
        )
    if uitkomst not in UITKOMSTEN[orgaan]:
        raise NotaFout(
            Melding(
                f"'{uitkomst}' is geen uitkomst voor {ORGAAN[orgaan]}; kies uit: {', '.join(UITKOMSTEN[orgaan])}", path
            )
        )
    if uitkomst in TOELICHTING_VERPLICHT and not (record.get("toelichting") or "").strip():
        raise NotaFout(
            Melding(
                f"bij de uitkomst '{uitkomst}' hoort een toelichting: wat is er gewijzigd? (--toelichting \"...\")",
                path,
            )
        )
    earlier = decisive(voorstel.data.besluiten, orgaan)  # aangehouden comes back on a later agenda
    if earlier and not vervang:
        raise NotaFout(
            Melding(
                f"er is al een besluit van {ORGAAN[orgaan]} vastgelegd ({earlier[-1].uitkomst}, "
                f"{earlier[-1].datum.isoformat()}); gebruik --vervang om een nieuw besluit vast te leggen",
                path,
            )
        )
    _check_date(voorstel, record)


def _check_date(voorstel, record: dict) -> None:
    """A decision is taken after the proposal was written, the council's after the
    college's, and it is recorded after the meeting: not on a date still to come."""
    datum, orgaan, path = record.get("datum"), record["orgaan"], voorstel.path
    if not isinstance(datum, dt.date):
        return
    if datum > dt.date.today():
        raise NotaFout(
            Melding(
                f"de datum van het besluit ({_d(datum)}) ligt in de toekomst; een besluit "
                "wordt vastgelegd na de vergadering: controleer --datum",
                path,
            )
        )
    eigen = voorstel.data.proposal_date()
    if eigen is not None and datum < eigen:
        line = voorstel.bron.plaats(("datum",))[0]
        raise NotaFout(
            Melding(
                f"het besluit van {ORGAAN[orgaan]} ({_d(datum)}) ligt vóór de datum van het voorstel "
                f"({_d(eigen)}, regel {line}); over een voorstel wordt besloten nadat het is geschreven: "
                "controleer --datum",
                path,
            )
        )
    college = [b for b in voorstel.data.besluiten if b.orgaan == COLLEGE]
    if orgaan == RAAD and college and datum < college[-1].datum:
        raise NotaFout(
            Melding(
                f"het besluit van de raad ({_d(datum)}) ligt vóór het besluit van het college "
                f"({_d(college[-1].datum)}); de raad besluit na het college: controleer --datum",
                path,
            )
        )


def _d(datum: dt.date) -> str:
    from generator.proposal import formatting as fmt

    return fmt.datum(datum)


def record_yaml(record: dict, indent: int) -> str:
    """One list item `- orgaan: ...` as YAML text, indented by `inspring` spaces."""
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 4096
    buf = io.StringIO()
    yaml.dump([{k: v for k, v in record.items() if v is not None}], buf)
    return "".join(" " * indent + r + "\n" for r in buf.getvalue().splitlines())


def split_into(tekst: str, bron, record: dict) -> str:
    lines = tekst.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    end_ = "\r\n" if tekst.count("\r\n") > tekst.count("\n") / 2 else "\n"
    block = record_yaml(record, 2).replace("\n", end_)
    if ("besluiten",) not in bron.key_positions:
        return "".join(lines) + f"besluiten:{end_}" + block
    line = bron.key_positions[("besluiten",)][0] - 1
    leeg = re.match(r"^besluiten:\s*\[\s*\](\s*#.*)?$", lines[line].rstrip("\r\n"))
    if leeg:
        lines[line] = f"besluiten:{leeg.group(1) or ''}{end_}"  # a comment after [] stays
        return "".join(lines[: line + 1]) + block + "".join(lines[line + 1 :])
    last = _end_block(lines, line)
    return "".join(lines[: last + 1]) + block + "".join(lines[last + 1 :])


def _end_block(lines: list[str], start: int) -> int:
    """Index of the last content line of the top-level block that starts at `start`."""
    last = start
    for i in range(start + 1, len(lines)):
        r = lines[i]
        if r.strip() and not r[0].isspace() and not r.startswith("#"):
            break
        if r.strip() and not r.lstrip().startswith("#"):
            last = i
    return last


def _check_result(nieuw: str, voorstel, path: Path) -> None:
    """The new text must load, keep all content and hold exactly one more record."""
    from generator.proposal.validate import validate

    after = validate(load_bytes(nieuw.encode("utf-8"), path), voorstel.soort.search_path)
    if (
        getattr(after.bron, "meldingen", None)
        or len(after.data.besluiten) != len(voorstel.data.besluiten) + 1
        or content_hash(after) != content_hash(voorstel)
        or tampered(after.data.besluiten)
    ):
        raise NotaFout(
            Melding(
                "het besluit kan niet veilig worden toegevoegd aan dit bestand "
                "(onverwachte opmaak van 'besluiten'); er is niets gewijzigd",
                path,
            )
        )


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
