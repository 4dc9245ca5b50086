"""A proposal's file as the editor reads and writes it: its bytes, its form (BOM, line
endings), whether it holds a decision, and meldingen without the folder's path."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from pathlib import Path
from types import SimpleNamespace

from generator.errors import Melding, NotaFout
from generator.proposal.files import read_regular
from generator.proposal.vocabulary import decides


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


BOM = b"\xef\xbb\xbf"
PARSED_KEPT = 64
_PARSED: OrderedDict[str, object] = OrderedDict()  # sha256 of a file's bytes → its data (None: no proposal)
_PARSED_LOCK = threading.Lock()


def loaded_data(raw: bytes) -> object:
    """The data of a file's bytes as `load_bytes` reads them; None when they do not load.
    The last few are kept: a save looks at the same bytes several times (decided? the same
    decision records?), and parsing YAML is most of a save's time. Read it, never change it."""
    from generator.proposal.load import load_bytes

    key = hashlib.sha256(raw).hexdigest()
    with _PARSED_LOCK:
        if key in _PARSED:
            _PARSED.move_to_end(key)
            return _PARSED[key]
    try:
        data = load_bytes(raw, Path("voorstel.yaml")).data
    except NotaFout:
        data = None
    remember(raw, data)
    return data


def remember(raw: bytes, data: object) -> None:
    """`data` is what `raw` loads as (the editor loaded it already)."""
    with _PARSED_LOCK:
        _PARSED[hashlib.sha256(raw).hexdigest()] = data
        while len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)


def for_page(meldingen: list[Melding], folder: Path) -> list[Melding]:
    """Meldingen as a page shows them: a file by its name in the folder, never a full path."""
    from dataclasses import replace

    out = []
    for m in meldingen:
        bestand = Path(m.file) if m.file else None
        if bestand is not None and bestand.is_absolute():
            bestand = bestand.relative_to(folder) if bestand.is_relative_to(folder) else Path(bestand.name)
            m = replace(m, file=bestand)
        out.append(m)
    return out


def _read(path: Path) -> bytes:
    from generator.proposal.load import MAX_BYTES

    return read_regular(path, MAX_BYTES)


def _decode(raw: bytes, path: Path) -> str:
    """The text of the file; a file that is not UTF-8 is refused, with how to convert it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise NotaFout(
            Melding(
                f"het bestand is geen UTF-8 (byte 0x{raw[e.start]:02x} op regel {line}); de editor bewaart "
                f"alleen UTF-8, om geen letters te beschadigen. Zet het om, bijvoorbeeld met "
                f"'iconv -f cp1252 -t utf-8 {path.name} > nieuw.yaml', of sla het in uw editor op als "
                "UTF-8",
                Path(path.name),
            )
        ) from None


def keep_form(original: bytes, tekst: str) -> bytes:
    """`tekst` as bytes in the form of `original`: its BOM, its line endings (CRLF stays CRLF,
    also after a browser sent LF), and no final newline added where it had none."""
    crlf = original.count(b"\r\n") > original.count(b"\n") / 2
    tekst = tekst.replace("\r\n", "\n")
    if crlf:
        tekst = tekst.replace("\n", "\r\n")
    return (BOM if original.startswith(BOM) else b"") + tekst.encode("utf-8")


_BESLUITEN = re.compile(rb"^besluiten:[ \t]*([^\r\n]*)\r?\n?((?:[ \t]*(?:#[^\r\n]*)?\r?\n)*)([ \t-]?)", re.MULTILINE)


def is_decided(raw: bytes) -> bool:
    """Whether the file holds a decision (any value under `besluiten` but empty), also when
    it does not load or validate: such a file is read-only in the editor."""
    data = loaded_data(raw)
    if isinstance(data, dict):  # aangehouden decides nothing: a concept again
        besluiten = data.get("besluiten")
        return bool(besluiten) and (
            not isinstance(besluiten, list)
            or any(not isinstance(b, dict) or decides(SimpleNamespace(**b)) for b in besluiten)
        )
    for hit in _BESLUITEN.finditer(raw):
        rest = hit.group(1).split(b"#", 1)[0].strip()
        if rest not in (b"", b"[]", b"~", b"null") or hit.group(3):
            return True
    return False
