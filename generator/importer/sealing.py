"""An imported decision sealed as imported, with the seal `nota decide` writes.

The decision stated in an old document ("Besluit B&W d.d. 9 februari 2021:
Conform", "Aldus besloten in de raadsvergadering van 11 mei 2020") is a record
of what was decided on the text as imported; it is sealed over that text with
decisions.decide.seal_record and says it was recorded by `nota import`. When
the imported proposal is not yet valid (a required field is missing) there is
no content to seal: the decision is not recorded (so `verify` never reports a
change nobody made) but kept as a marked comment with the `nota decide` that
records it once the proposal is complete.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import NotaFout

IMPORTED_BY = "nota import"


def seal_imported(besluiten: list[dict], render, path: Path, search_path) -> tuple[list[dict], str | None]:
    """(the sealed records, None), or (the records unsealed, why not). `render(records)` is the YAML text."""
    from generator.decisions.decide import now, seal_record
    from generator.proposal.load import load_bytes
    from generator.proposal.validate import validate

    if not besluiten:
        return besluiten, None
    sealed: list[dict] = []
    for record in besluiten:
        record = {**record, "vastgelegd_door": f"{IMPORTED_BY} ({path.name})", "vastgelegd_op": now()}
        try:
            voorstel = validate(load_bytes(render(sealed).encode("utf-8"), path.with_suffix(".yaml")), search_path)
        except NotaFout:
            return [{**b, "vastgelegd_door": f"{IMPORTED_BY} ({path.name})"} for b in besluiten], (
                "het besluit uit het document is overgenomen maar niet verzegeld: zonder alle verplichte "
                "velden is er geen inhoud om te verzegelen; vul het voorstel aan en verzegel het besluit "
                "met 'nota herzegel'"
            )
        sealed.append(seal_record(voorstel, record))
    return sealed, None


def unsealed_hint(record: dict) -> str:
    """The marker on an imported decision that has no seal yet."""
    uitkomst = f", {record['uitkomst']}" if record.get("uitkomst") else ""
    return (
        f"besluit uit het document ({record['orgaan']}, {record['datum'].isoformat()}{uitkomst}) niet verzegeld: "
        "vul de ontbrekende velden aan en verzegel het met nota herzegel <dit bestand>"
    )
