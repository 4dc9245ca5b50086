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

from .errors import Melding, NotaFout
from .load import load_bytes
from .output import atomisch
from .seal import inhoud_hash

UITKOMSTEN = {
    "college": ("conform", "gewijzigd", "aangehouden", "afgewezen"),
    "raad": ("aangenomen", "geamendeerd", "verworpen", "aangehouden"),
}
TOELICHTING_NODIG = ("gewijzigd", "geamendeerd")


def beslis(pad: Path, zoekpad, record: dict, vervang: bool = False) -> dict:
    """Append `record` (orgaan, datum, uitkomst, ...) to the proposal at `pad`."""
    with _slot(pad):
        ruw = pad.read_bytes()
        voorstel = _geldig_voorstel(pad, zoekpad, vervang)
        _controleer_record(voorstel, record, vervang)
        record = {**record, "inhoud_sha256": inhoud_hash(voorstel)}
        nieuw = splits_in(ruw.decode("utf-8-sig"), voorstel.bron, record)
        _controleer_resultaat(nieuw, voorstel, pad)
        with atomisch(pad) as tijdelijk:
            tijdelijk.write_bytes(nieuw.encode("utf-8"))
            os.chmod(tijdelijk, pad.stat().st_mode & 0o777)
    return record


@contextmanager
def _slot(pad: Path):
    slot = pad.with_name(f".{pad.name}.lock")
    with open(slot, "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NotaFout(Melding("iemand anders legt op dit moment een besluit vast in dit bestand; "
                                   "probeer het zo opnieuw", pad)) from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
            slot.unlink(missing_ok=True)


def _geldig_voorstel(pad: Path, zoekpad, vervang: bool):
    from .commands.check import controleer_bestand
    voorstel, meldingen = controleer_bestand(pad, zoekpad)
    fouten = [m for m in meldingen if m.is_fout and not (vervang and "gewijzigd na het besluit" in m.bericht)]
    if voorstel is None or fouten:
        raise NotaFout([Melding("het voorstel bevat fouten; los die eerst op (nota check), dan kan het "
                                "besluit worden vastgelegd", pad)] + fouten)
    return voorstel


def _controleer_record(voorstel, record: dict, vervang: bool) -> None:
    orgaan, uitkomst, pad = record["orgaan"], record["uitkomst"], voorstel.pad
    if orgaan not in voorstel.soort.besluitorganen:
        raise NotaFout(Melding(f"over een {voorstel.soort.titel.lower()} besluit {_orgaan(orgaan)} niet; "
                               f"wel: {', '.join(voorstel.soort.besluitorganen)}", pad))
    if uitkomst not in UITKOMSTEN[orgaan]:
        raise NotaFout(Melding(f"'{uitkomst}' is geen uitkomst voor {_orgaan(orgaan)}; kies uit: "
                               f"{', '.join(UITKOMSTEN[orgaan])}", pad))
    if uitkomst in TOELICHTING_NODIG and not (record.get("toelichting") or "").strip():
        raise NotaFout(Melding(f"bij de uitkomst '{uitkomst}' hoort een toelichting: wat is er "
                               "gewijzigd? (--toelichting \"...\")", pad))
    eerder = [b for b in voorstel.data.besluiten if b.orgaan == orgaan]
    if eerder and not vervang:
        raise NotaFout(Melding(
            f"er is al een besluit van {_orgaan(orgaan)} vastgelegd ({eerder[-1].uitkomst}, "
            f"{eerder[-1].datum.isoformat()}); gebruik --vervang om een nieuw besluit vast te leggen", pad))


def _orgaan(orgaan: str) -> str:
    return {"college": "het college", "raad": "de raad"}[orgaan]


def record_yaml(record: dict, inspring: int) -> str:
    """One list item `- orgaan: ...` as YAML text, indented by `inspring` spaces."""
    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 4096
    buf = io.StringIO()
    yaml.dump([{k: v for k, v in record.items() if v is not None}], buf)
    return "".join(" " * inspring + r + "\n" for r in buf.getvalue().splitlines())


def splits_in(tekst: str, bron, record: dict) -> str:
    regels = tekst.splitlines(keepends=True)
    if regels and not regels[-1].endswith("\n"):
        regels[-1] += "\n"
    einde = "\r\n" if tekst.count("\r\n") > tekst.count("\n") / 2 else "\n"
    blok = record_yaml(record, 2).replace("\n", einde)
    if ("besluiten",) not in bron.sleutelposities:
        return "".join(regels) + f"besluiten:{einde}" + blok
    regel = bron.sleutelposities[("besluiten",)][0] - 1
    if re.match(r"^besluiten:\s*\[\s*\]\s*(#.*)?$", regels[regel].rstrip("\r\n")):
        regels[regel] = f"besluiten:{einde}"
        return "".join(regels[: regel + 1]) + blok + "".join(regels[regel + 1:])
    laatste = _einde_blok(regels, regel)
    return "".join(regels[: laatste + 1]) + blok + "".join(regels[laatste + 1:])


def _einde_blok(regels: list[str], start: int) -> int:
    """Index of the last content line of the top-level block that starts at `start`."""
    laatste = start
    for i in range(start + 1, len(regels)):
        r = regels[i]
        if r.strip() and not r[0].isspace() and not r.startswith("#"):
            break
        if r.strip() and not r.lstrip().startswith("#"):
            laatste = i
    return laatste


def _controleer_resultaat(nieuw: str, voorstel, pad: Path) -> None:
    """The new text must load, keep all content and hold exactly one more record."""
    from .validate import valideer
    na = valideer(load_bytes(nieuw.encode("utf-8"), pad), voorstel.soort.zoekpad)
    if len(na.data.besluiten) != len(voorstel.data.besluiten) + 1 or \
            inhoud_hash(na) != inhoud_hash(voorstel):
        raise NotaFout(Melding("het besluit kan niet veilig worden toegevoegd aan dit bestand "
                               "(onverwachte opmaak van 'besluiten'); er is niets gewijzigd", pad))


def nu() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
