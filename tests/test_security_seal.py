"""Issue 21, the seal under attack (items 3, 4, 5, 12, 15): a decision nobody can forge by
editing the file. Each test is an attack that passed before: it must now fail loudly."""

from __future__ import annotations

import os
import stat

from conftest import write

NOTA = """soort: collegenota
gemeente: Maastricht
onderwerp: Proef
kenmerk: "2021.1"
datum: 2021-01-26
portefeuillehouder: Wethouder
samenvatting: Korte samenvatting.
beslispunten:
  - Iets te besluiten.
bijlagen:
  - {titel: Plan, bestand: plan.pdf}
secties:
  aanleiding: |
    Daarom, zie de kaart.

    ![Kaart](kaart.png)
besluiten: []
"""
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
    b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00"
    b"IEND\xaeB`\x82"
)


def _decided(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4 het plan zoals besloten\n")
    (tmp_path / "kaart.png").write_bytes(PNG)
    r = cli("decide", path, "--orgaan", "college", "--datum", "2021-02-09", "--uitkomst", "conform")
    assert r.exit_code == 0, r.output
    return path


def _regel(path, begin: str) -> int:
    return next(i for i, r in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if r.startswith(begin))


def test_3_zegel_weghalen_en_uitkomst_veranderen_is_een_fout(cli, tmp_path):
    path = _decided(cli, tmp_path)
    tekst = path.read_text(encoding="utf-8")
    vervalst = "".join(r for r in tekst.splitlines(keepends=True) if "besluit_sha256" not in r)
    path.write_text(vervalst.replace("uitkomst: conform", "uitkomst: afgewezen"), encoding="utf-8")
    regel = _regel(path, "  - orgaan: college")
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:{regel}:5: fout: besluit 1 (college, 2021-02-09, afgewezen) is niet (volledig) "
        "verzegeld: besluit_sha256 ontbreekt;"
    ) in r.stderr
    r = cli("verify", path)
    assert r.exit_code == 1
    assert f"{path}:{regel}:5: besluit 1, college 9 februari 2021 (afgewezen): NIET (VOLLEDIG) VERZEGELD" in r.stdout
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "docx")
    assert r.exit_code == 1
    assert not list((tmp_path / "uit").glob("*.docx"))


def test_3_datum_veranderen_na_weghalen_van_het_hele_zegel(cli, tmp_path):
    path = _decided(cli, tmp_path)
    tekst = path.read_text(encoding="utf-8")
    kop = tekst[: tekst.index("    inhoud_sha256:")]
    path.write_text(kop.replace("datum: 2021-02-09", "datum: 2021-02-02"), encoding="utf-8")
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        "is niet (volledig) verzegeld: inhoud_sha256, inhoud_per_veld, bestanden_sha256, besluit_sha256 ontbreekt"
    ) in r.stderr
    assert cli("verify", path).exit_code == 1


def test_4_een_met_de_hand_getypt_besluit_is_een_fout(cli, tmp_path):
    path = write(
        tmp_path,
        "v.yaml",
        NOTA.replace("besluiten: []", "besluiten:\n  - {orgaan: college, datum: 2021-02-09, uitkomst: conform}"),
    )
    (tmp_path / "plan.pdf").write_bytes(b"%PDF")
    (tmp_path / "kaart.png").write_bytes(PNG)
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:18:5: fout: besluit 1 (college, 2021-02-09, conform) is niet (volledig) verzegeld: "
        "inhoud_sha256, inhoud_per_veld, bestanden_sha256, besluit_sha256 ontbreekt; zo'n besluit is "
        "niet te vertrouwen (met de hand getypt, door een oudere nota geschreven, of het zegel is "
        "weggehaald); het secretariaat verzegelt het opnieuw met 'nota herzegel BESTAND'\n"
    ) in r.stderr
    assert cli("verify", path).exit_code == 1


def test_4_herzegel_verzegelt_een_oud_besluit_en_legt_dat_vast(cli, tmp_path):
    path = write(
        tmp_path,
        "v.yaml",
        NOTA.replace("besluiten: []", "besluiten:\n  - {orgaan: college, datum: 2021-02-09, uitkomst: conform}"),
    )
    (tmp_path / "plan.pdf").write_bytes(b"%PDF")
    (tmp_path / "kaart.png").write_bytes(PNG)
    r = cli("herzegel", path, "--door", "secretariaat")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(f"{path}: besluit 1 opnieuw verzegeld")
    tekst = path.read_text(encoding="utf-8")
    assert tekst.startswith(NOTA.split("besluiten:")[0])
    assert "    herzegeld_door: secretariaat\n" in tekst and "    herzegeld_op: " in tekst
    assert "      plan.pdf: " in tekst and "      kaart.png: " in tekst
    assert cli("check", path).exit_code == 0
    r = cli("verify", path)
    assert r.exit_code == 0, r.output
    # herzegel never launders a change under a valid seal
    (tmp_path / "plan.pdf").write_bytes(b"%PDF ander plan")
    r = cli("herzegel", path)
    assert r.exit_code == 1
    assert "het bestand plan.pdf is gewijzigd na het besluit" in r.stderr


def test_5_een_vervangen_bijlage_of_afbeelding_wordt_genoemd(cli, tmp_path):
    path = _decided(cli, tmp_path)
    assert cli("verify", path).exit_code == 0
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4 een ander plan\n")
    r = cli("verify", path)
    assert r.exit_code == 1
    assert (
        f"{path}: besluit college 9 februari 2021 (conform): het bestand plan.pdf is GEWIJZIGD na het besluit\n"
    ) in r.stdout
    assert "kaart.png" not in r.stdout
    regel = _regel(path, "  - orgaan: college")
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:{regel}:5: fout: het bestand plan.pdf is gewijzigd na het besluit van het college van "
        "9 februari 2021 (conform)"
    ) in r.stderr
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4 het plan zoals besloten\n")
    (tmp_path / "kaart.png").unlink()
    r = cli("verify", path)
    assert r.exit_code == 1
    assert "het bestand kaart.png is VERWIJDERD na het besluit" in r.stdout


def test_12_een_alleen_lezen_voorstel_wordt_niet_overschreven(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    os.chmod(path, 0o444)
    r = cli("decide", path, "--orgaan", "college", "--datum", "2021-02-09", "--uitkomst", "conform")
    assert r.exit_code == 1
    assert r.stderr == (
        f"{path}: fout: het bestand is alleen-lezen; nota verandert het niet. Maak het eerst "
        "schrijfbaar (chmod u+w) als het mag worden gewijzigd\n"
    )
    assert path.read_text(encoding="utf-8") == NOTA
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_geen_slotbestand_in_de_map_van_het_voorstel(cli, tmp_path):
    _decided(cli, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kaart.png", "plan.pdf", "v.yaml"]


def test_15_python_tags_worden_geweigerd_op_hun_regel(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA.replace("onderwerp: Proef", "onderwerp: !!python/name:os.system"))
    r = cli("check", path)
    assert r.exit_code == 1
    assert r.stderr.startswith(
        f"{path}:3:12: fout: onbekende YAML-tag '!!python/name:os.system'; een voorstel "
        "bevat alleen tekst, getallen, datums, lijsten en sleutels: laat de tag weg\n"
    )
    path = write(tmp_path, "w.yaml", NOTA.replace("beslispunten:\n", "beslispunten: !!python/object:x\n"))
    r = cli("check", path)
    assert r.exit_code == 1 and f"{path}:8:15: fout: onbekende YAML-tag '!!python/object:x'" in r.stderr


def test_15_bidi_stuurtekens_worden_gemeld(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA.replace("Korte samenvatting.", "Korte \u202evatting."))
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:7:15: fout: deze tekst bevat een teken dat de leesrichting omdraait (U+202E); de tekst "
        "leest dan anders dan hij is opgeslagen: verwijder het\n"
    ) in r.stderr
