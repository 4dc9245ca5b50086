"""`nota herzegel`: bring decision records without a complete seal up to date, on purpose.

A record typed by hand, or written by an older nota, lacks (part of) the seal
and is an error everywhere. The secretariat, having checked that the file
says what was decided, seals it again: each incomplete record gets the
content's hash, the hash per part and of every referenced file as they are
now, plus `herzegeld_op` and `herzegeld_door`; then every record from the
first one changed is chained again. A record whose complete seal no longer
matches (edited after it was written, or the content or a file changed
since) is refused: herzegel never launders a change under a valid seal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.decisions.decide import BOM, _end_block, record_yaml
from generator.decisions.seal import (
    broken,
    changed_files,
    content_hash,
    file_hashes,
    in_force,
    missing_seal,
    part_hashes,
    record_hash,
    tampered,
    unsealed,
)
from generator.errors import Melding, NotaFout
from generator.proposal.load import load_bytes
from generator.proposal.rewrite import rewrite


def reseal_file(path: Path, search_path, door: str, op: dt.datetime) -> list[int]:
    """Seal every incomplete record of `path`; returns their numbers (1-based)."""
    done: list[int] = []

    def change(raw: bytes) -> bytes:
        voorstel = _checked(raw, path, search_path)
        records = _resealed(voorstel, door, op, done)
        if not done:
            return raw
        tekst = raw.decode("utf-8-sig")
        nieuw = _replace_block(tekst, voorstel.bron, records)
        _check_result(nieuw, voorstel, path)
        return (BOM if raw.startswith(BOM) else b"") + nieuw.encode("utf-8")

    rewrite(path, change)
    return done


def _checked(raw: bytes, path: Path, search_path) -> Any:
    from generator.checks import check_source
    from generator.checks.besluit import besluit_complete_seal

    voorstel: Any
    voorstel, meldingen = check_source(load_bytes(raw, path), search_path, skip={besluit_complete_seal})
    errors = [m for m in meldingen if m.is_error]
    if voorstel is None or errors:
        raise NotaFout(
            [
                Melding(
                    "het voorstel bevat fouten; herzegelen verzegelt alleen een voorstel zonder fouten (nota check)",
                    path,
                )
            ]
            + errors
        )
    if not voorstel.data.besluiten:
        raise NotaFout(Melding("er is nog geen besluit vastgelegd; leg het vast met 'nota decide'", path))
    return voorstel


def _refuse_changed(voorstel) -> None:
    """A complete seal that no longer matches is a change, not an old record."""
    path = voorstel.path
    bad = [i for i, _ in tampered(voorstel.data.besluiten)]
    bad += [i for i, b in broken(voorstel) if not missing_seal(b)]
    bad += [i for i, b in in_force(voorstel.data.besluiten).values() if changed_files(voorstel, b)]
    if bad:
        regel = voorstel.bron.plaats(("besluiten", min(bad)))[0]
        raise NotaFout(
            Melding(
                f"besluit {min(bad) + 1} (regel {regel}) is verzegeld en klopt niet meer "
                "met het voorstel; herzegelen verzegelt alleen onvolledig verzegelde "
                "besluiten, geen wijzigingen: zie 'nota verify'",
                path,
            )
        )


def _resealed(voorstel, door: str, op: dt.datetime, done: list[int]) -> list[dict]:
    from generator.proposal.model import Besluit

    _refuse_changed(voorstel)
    incomplete = {i for i, _ in unsealed(voorstel.data.besluiten)}
    if not incomplete:
        return []
    records, previous = [], None
    for i, besluit in enumerate(voorstel.data.besluiten):
        record = besluit.model_dump(mode="python", exclude_none=True)
        if i in incomplete:
            done.append(i + 1)
            record.pop("besluit_sha256", None)
            record.setdefault("inhoud_sha256", content_hash(voorstel))
            record["inhoud_per_veld"] = record.get("inhoud_per_veld") or part_hashes(voorstel)
            record["bestanden_sha256"] = file_hashes(voorstel)
            record.update(herzegeld_op=op, herzegeld_door=door)
        if i >= min(incomplete):
            record.pop("besluit_sha256", None)
            record["besluit_sha256"] = record_hash(Besluit.model_validate(record), previous)
        previous = Besluit.model_validate(record)
        records.append(record)
    return records


def _replace_block(tekst: str, bron, records: list[dict]) -> str:
    """`tekst` with its `besluiten` block replaced by `records`; every other line unchanged."""
    regels = tekst.splitlines(keepends=True)
    if regels and not regels[-1].endswith("\n"):
        regels[-1] += "\n"
    end_ = "\r\n" if tekst.count("\r\n") > tekst.count("\n") / 2 else "\n"
    start = bron.key_positions[("besluiten",)][0] - 1
    last = _end_block(regels, start)
    block = f"besluiten:{end_}" + "".join(record_yaml(r, 2).replace("\n", end_) for r in records)
    return "".join(regels[:start]) + block + "".join(regels[last + 1 :])


def _check_result(nieuw: str, voorstel, path: Path) -> None:
    from generator.proposal.validate import validate

    after: Any = validate(load_bytes(nieuw.encode("utf-8"), path), voorstel.soort.search_path)
    if (
        len(after.data.besluiten) != len(voorstel.data.besluiten)
        or content_hash(after) != content_hash(voorstel)
        or tampered(after.data.besluiten)
        or unsealed(after.data.besluiten)
    ):
        raise NotaFout(
            Melding(
                "de besluiten kunnen niet veilig opnieuw worden verzegeld (onverwachte "
                "opmaak van 'besluiten'); er is niets gewijzigd",
                path,
            )
        )
