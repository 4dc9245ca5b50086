"""`nota decide`: append one decision record; nothing else in the file changes.

The record is serialised by ruamel.yaml and spliced into the original text
(after the last line of `besluiten`, or in place of `besluiten: []`, or at
the end), so every comment, blank line, key order and quoting style survives
byte for byte. The result is loaded again and must hold the same content
plus the one record; then it replaces the file atomically, under a lock.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import io
import os
import re
from contextlib import contextmanager
from pathlib import Path

from ruamel.yaml import YAML

from generator.errors import Melding, NotaFout
from generator.proposal.load import load_bytes
from generator.render.output import atomic
from generator.decisions.seal import content_hash

UITKOMSTEN = {
    "college": ("conform", "gewijzigd", "aangehouden", "afgewezen"),
    "raad": ("aangenomen", "geamendeerd", "verworpen", "aangehouden"),
}
TOELICHTING_REQUIRED = ("gewijzigd", "geamendeerd")


def decide_file(path: Path, search_path, record: dict, vervang: bool = False) -> dict:
    """Append `record` (orgaan, datum, uitkomst, ...) to the proposal at `pad`."""
    with _closing(path):
        raw = path.read_bytes()
        voorstel = _valid_voorstel(path, search_path, vervang)
        _check_record(voorstel, record, vervang)
        record = {**record, "inhoud_sha256": content_hash(voorstel)}
        nieuw = split_into(raw.decode("utf-8-sig"), voorstel.bron, record)
        _check_result(nieuw, voorstel, path)
        with atomic(path) as temporary:
            temporary.write_bytes(nieuw.encode("utf-8"))
            os.chmod(temporary, path.stat().st_mode & 0o777)
    return record


@contextmanager
def _closing(path: Path):
    slot = path.with_name(f".{path.name}.lock")
    with open(slot, "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NotaFout(Melding("iemand anders legt op dit moment een besluit vast in dit bestand; "
                                   "probeer het zo opnieuw", path)) from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
            slot.unlink(missing_ok=True)


def _valid_voorstel(path: Path, search_path, vervang: bool):
    from generator.checks import check_file
    voorstel, meldingen = check_file(path, search_path)
    errors = [m for m in meldingen if m.is_error and not (vervang and "gewijzigd na het besluit" in m.message)]
    if voorstel is None or errors:
        raise NotaFout([Melding("het voorstel bevat fouten; los die eerst op (nota check), dan kan het "
                                "besluit worden vastgelegd", path)] + errors)
    return voorstel


def _check_record(voorstel, record: dict, vervang: bool) -> None:
    orgaan, uitkomst, path = record["orgaan"], record["uitkomst"], voorstel.path
    if orgaan not in voorstel.soort.besluitorganen:
        raise NotaFout(Melding(f"over een {voorstel.soort.titel.lower()} besluit {_orgaan(orgaan)} niet; "
                               f"wel: {', '.join(voorstel.soort.besluitorganen)}", path))
    if uitkomst not in UITKOMSTEN[orgaan]:
        raise NotaFout(Melding(f"'{uitkomst}' is geen uitkomst voor {_orgaan(orgaan)}; kies uit: "
                               f"{', '.join(UITKOMSTEN[orgaan])}", path))
    if uitkomst in TOELICHTING_REQUIRED and not (record.get("toelichting") or "").strip():
        raise NotaFout(Melding(f"bij de uitkomst '{uitkomst}' hoort een toelichting: wat is er "
                               "gewijzigd? (--toelichting \"...\")", path))
    earlier = [b for b in voorstel.data.besluiten if b.orgaan == orgaan]
    if earlier and not vervang:
        raise NotaFout(Melding(
            f"er is al een besluit van {_orgaan(orgaan)} vastgelegd ({earlier[-1].uitkomst}, "
            f"{earlier[-1].datum.isoformat()}); gebruik --vervang om een nieuw besluit vast te leggen", path))


def _orgaan(orgaan: str) -> str:
    return {"college": "het college", "raad": "de raad"}[orgaan]


def record_yaml(record: dict, indent: int) -> str:
    """One list item `- orgaan: ...` as YAML text, indented by `inspring` spaces."""
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 4096
    buf = io.StringIO()
    yaml.dump([{k: v for k, v in record.items() if v is not None}], buf)
    return "".join(" " * indent + r + "\n" for r in buf.getvalue().splitlines())


def split_into(tekst: str, bron, record: dict) -> str:
    regels = tekst.splitlines(keepends=True)
    if regels and not regels[-1].endswith("\n"):
        regels[-1] += "\n"
    end_ = "\r\n" if tekst.count("\r\n") > tekst.count("\n") / 2 else "\n"
    block = record_yaml(record, 2).replace("\n", end_)
    if ("besluiten",) not in bron.key_positions:
        return "".join(regels) + f"besluiten:{end_}" + block
    regel = bron.key_positions[("besluiten",)][0] - 1
    if re.match(r"^besluiten:\s*\[\s*\]\s*(#.*)?$", regels[regel].rstrip("\r\n")):
        regels[regel] = f"besluiten:{end_}"
        return "".join(regels[: regel + 1]) + block + "".join(regels[regel + 1:])
    last = _end_block(regels, regel)
    return "".join(regels[: last + 1]) + block + "".join(regels[last + 1:])


def _end_block(regels: list[str], start: int) -> int:
    """Index of the last content line of the top-level block that starts at `start`."""
    last = start
    for i in range(start + 1, len(regels)):
        r = regels[i]
        if r.strip() and not r[0].isspace() and not r.startswith("#"):
            break
        if r.strip() and not r.lstrip().startswith("#"):
            last = i
    return last


def _check_result(nieuw: str, voorstel, path: Path) -> None:
    """The new text must load, keep all content and hold exactly one more record."""
    from generator.proposal.validate import validate
    after = validate(load_bytes(nieuw.encode("utf-8"), path), voorstel.soort.search_path)
    if len(after.data.besluiten) != len(voorstel.data.besluiten) + 1 or \
            content_hash(after) != content_hash(voorstel):
        raise NotaFout(Melding("het besluit kan niet veilig worden toegevoegd aan dit bestand "
                               "(onverwachte opmaak van 'besluiten'); er is niets gewijzigd", path))


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
