"""`nota decide` and `nota verify` that the secretariat can trust (issue 12: 5, 7, 12, 13, 14):
the file keeps its mode, BOM, comments and symlink; the lock is never removed; impossible
dates are refused; the seal covers the decision records; verify says what changed and where."""

import os
import stat
import subprocess

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
  - Nog iets te besluiten.
secties: {aanleiding: Daarom.}
besluiten: []   # door nota decide
# slotcommentaar
"""


def _decide(cli, path, *args, datum="2021-02-09", orgaan="college", uitkomst="conform"):
    return cli("decide", path, "--orgaan", orgaan, "--datum", datum, "--uitkomst", uitkomst, *args)


def test_decide_houdt_de_rechten_van_het_bestand(cli, tmp_path):
    geheim = write(tmp_path, "geheim.yaml", NOTA)
    os.chmod(geheim, 0o600)
    alleen_lezen = write(tmp_path, "lezen.yaml", NOTA)
    os.chmod(alleen_lezen, 0o444)
    assert _decide(cli, geheim).exit_code == 0
    assert _decide(cli, alleen_lezen).exit_code == 1  # issue 21: read-only is refused, never replaced
    assert stat.S_IMODE(geheim.stat().st_mode) == 0o600
    assert stat.S_IMODE(alleen_lezen.stat().st_mode) == 0o444
    assert "  - orgaan: college\n" in geheim.read_text(encoding="utf-8")
    assert alleen_lezen.read_text(encoding="utf-8") == NOTA


def test_decide_volgt_een_symlink_en_houdt_bom_en_commentaar(cli, tmp_path):
    echt = tmp_path / "echt.yaml"
    echt.write_bytes(b"\xef\xbb\xbf" + NOTA.encode("utf-8"))
    link = tmp_path / "link.yaml"
    link.symlink_to(echt.name)
    r = _decide(cli, link)
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and os.readlink(link) == "echt.yaml"
    after = echt.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf" + NOTA.split("besluiten:")[0].encode("utf-8"))
    assert b"besluiten:   # door nota decide\n  - orgaan: college\n    datum: 2021-02-09\n" in after
    assert after.endswith(b"# slotcommentaar\n")
    assert cli("verify", link).exit_code == 0


def test_het_slot_blijft_bestaan_en_houdt_een_tweede_schrijver_tegen(cli, tmp_path):
    import fcntl

    path = write(tmp_path, "v.yaml", NOTA)
    assert _decide(cli, path).exit_code == 0
    from generator.proposal.rewrite import lock_path

    slot = lock_path(path)
    # removing it on release would let two writers hold "the" lock; none is left beside the proposal
    assert slot.exists() and not list(tmp_path.glob(".*.lock"))
    with open(slot, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        r = _decide(cli, path, "--vervang", datum="2021-02-10")
    assert r.exit_code == 1
    assert f"{path}: fout: iemand anders schrijft op dit moment in dit bestand; probeer het zo opnieuw" in r.stderr


def test_besluit_voor_de_datum_van_het_voorstel_wordt_geweigerd(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    r = _decide(cli, path, datum="2019-01-01")
    assert r.exit_code == 1
    assert r.stderr == (
        f"{path}: fout: het besluit van het college (1 januari 2019) ligt vóór de datum van "
        "het voorstel (26 januari 2021, regel 5); over een voorstel wordt besloten nadat "
        "het is geschreven: controleer --datum\n"
    )
    assert path.read_text(encoding="utf-8") == NOTA


def test_besluit_in_de_toekomst_wordt_geweigerd(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    r = _decide(cli, path, datum="2999-01-01")
    assert r.exit_code == 1
    assert "de datum van het besluit (1 januari 2999) ligt in de toekomst" in r.stderr
    assert path.read_text(encoding="utf-8") == NOTA


def test_raad_besluit_voor_het_college_wordt_geweigerd(cli, tmp_path):
    from conftest import PROPOSALS

    path = write(tmp_path, "raad.yaml", next(PROPOSALS.glob("raadsvoorstel-*.yaml")).read_text(encoding="utf-8"))
    assert _decide(cli, path, datum="2020-04-14").exit_code == 0
    voor = path.read_bytes()
    r = _decide(cli, path, orgaan="raad", datum="2020-04-01", uitkomst="aangenomen")
    assert r.exit_code == 1
    assert r.stderr == (
        f"{path}: fout: het besluit van de raad (1 april 2020) ligt vóór het besluit van het "
        "college (14 april 2020); de raad besluit na het college: controleer --datum\n"
    )
    assert path.read_bytes() == voor
    assert _decide(cli, path, orgaan="raad", datum="2020-05-11", uitkomst="aangenomen").exit_code == 0


def test_een_veranderde_uitkomst_of_datum_breekt_het_zegel(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    assert _decide(cli, path).exit_code == 0
    besloten = path.read_text(encoding="utf-8")
    regel = besloten.splitlines().index("  - orgaan: college") + 1
    for oud, nieuw in (("uitkomst: conform", "uitkomst: afgewezen"), ("datum: 2021-02-09", "datum: 2021-02-02")):
        path.write_text(besloten.replace(oud, nieuw), encoding="utf-8")
        r = cli("verify", path)
        assert r.exit_code == 1
        assert f"{path}:{regel}:5: besluit 1 (college " in r.stdout
        assert "): het besluit zelf is VERANDERD nadat het werd vastgelegd\n" in r.stdout
        r = cli("check", path)
        assert r.exit_code == 1
        assert f"{path}:{regel}:5: fout: besluit 1 (college, " in r.stderr
        assert "is veranderd nadat het werd vastgelegd" in r.stderr


def test_een_weggehaald_eerder_besluit_breekt_het_zegel(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    assert _decide(cli, path, uitkomst="aangehouden").exit_code == 0
    assert _decide(cli, path, "--vervang", datum="2021-02-16").exit_code == 0
    tekst = path.read_text(encoding="utf-8")
    first, second = tekst.index("  - orgaan: college"), tekst.rindex("  - orgaan: college")
    path.write_text(tekst[:first] + tekst[second:], encoding="utf-8")
    r = cli("check", path)
    assert r.exit_code == 1 and "besluit 1 (college, 2021-02-16, conform) is veranderd" in r.stderr


def test_een_besluit_van_een_oudere_nota_wordt_herzegeld(cli, tmp_path):
    """Files decided before the record seal (only inhoud_sha256) are not trusted until the
    secretariat seals them again (issue 21: a missing seal is how a downgrade looks)."""
    path = write(tmp_path, "v.yaml", NOTA)
    assert _decide(cli, path).exit_code == 0
    regels = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, r in enumerate(regels) if "besluit_sha256:" in r)
    end = next(i for i in range(start + 2, len(regels)) if not regels[i].startswith("      "))
    path.write_text("".join(regels[:start] + regels[end:]), encoding="utf-8")
    assert "inhoud_sha256:" in path.read_text(encoding="utf-8")
    r = cli("verify", path)
    assert r.exit_code == 1
    assert r.stdout == (
        f"{path}:13:5: besluit 1, college 9 februari 2021 (conform): NIET (VOLLEDIG) VERZEGELD "
        "(inhoud_per_veld, besluit_sha256 ontbreekt); of het besluit en de inhoud sindsdien "
        "veranderden, is niet na te gaan; het secretariaat verzegelt het met 'nota herzegel'\n"
    )
    assert cli("check", path).exit_code == 1
    assert cli("herzegel", path).exit_code == 0
    r = cli("verify", path)
    assert r.exit_code == 0, r.output
    assert r.stdout == f"{path}: besluit college 9 februari 2021 (conform): inhoud ongewijzigd\n"
    assert cli("check", path).exit_code == 0


def test_verify_noemt_veld_en_regel_van_elke_wijziging(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    assert _decide(cli, path).exit_code == 0
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("onderwerp: Proef", "onderwerp: Proef 2")
        .replace("  - Nog iets te besluiten.", "  - Nog iets anders te besluiten."),
        encoding="utf-8",
    )
    r = cli("verify", path)
    assert r.exit_code == 1
    assert r.stdout.startswith(
        f"{path}: besluit college 9 februari 2021 (conform): GEWIJZIGD na het besluit\n"
        f"  {path}:3:1: onderwerp: gewijzigd\n"
        f"  {path}:10:5: beslispunten.2: gewijzigd\n"
    )
    r = cli("check", path)
    assert (
        f"{path}:13:5: fout: het voorstel is gewijzigd na het besluit van het college van 9 februari "
        "2021 (conform): onderwerp gewijzigd (regel 3); beslispunten.2 gewijzigd (regel 10); "
    ) in r.stderr


def test_verify_toont_oud_en_nieuw_uit_git(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    assert _decide(cli, path).exit_code == 0
    git = ["git", "-c", "user.name=secretariaat", "-c", "user.email=s@example.nl"]
    for cmd in (["init", "-q"], ["add", "v.yaml"], ["commit", "-qm", "besluit"]):
        subprocess.run(git + cmd, cwd=tmp_path, check=True)
    path.write_text(
        path.read_text(encoding="utf-8").replace("onderwerp: Proef", "onderwerp: Proef 2"), encoding="utf-8"
    )
    r = cli("verify", path)
    assert r.exit_code == 1
    assert "  de tekst zoals besloten staat in de index van git; wat er sindsdien veranderde:\n" in r.stdout
    assert "Onderwerp: Proef → Proef 2" in r.stdout


def test_besluitenlijst_zonder_besluiten_op_die_datum(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    assert _decide(cli, path).exit_code == 0
    r = cli("besluitenlijst", path, "--datum", "2021-03-01", "-o", tmp_path / "uit")
    assert r.exit_code == 1
    assert r.stderr == (
        f"waarschuwing: geen enkel voorstel in {path} heeft een besluit van het college op "
        "1 maart 2021; er zijn wel besluiten van het college op 9 februari 2021; er is geen "
        "besluitenlijst geschreven (controleer --datum en --orgaan)\n"
    )
    assert not (tmp_path / "uit").exists()


def test_verify_slaat_geen_vals_alarm_bij_een_besluit_zonder_zegel(cli, tmp_path):
    """A decision typed by hand (or imported by an older nota) has no seal: verify says it
    cannot know, instead of claiming the proposal changed (issue 14, item 8)."""
    from conftest import PROPOSALS

    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    assert "besluiten: []" in tekst
    path = tmp_path / "nota.yaml"
    path.write_text(
        tekst.replace("besluiten: []", "besluiten:\n  - {orgaan: college, datum: 2021-02-09, uitkomst: conform}"),
        encoding="utf-8",
    )
    r = cli("verify", path)
    assert r.exit_code == 1
    assert "GEWIJZIGD" not in r.output
    assert (
        "besluit 1, college 9 februari 2021 (conform): NIET (VOLLEDIG) VERZEGELD (inhoud_sha256, "
        "inhoud_per_veld, bestanden_sha256, besluit_sha256 ontbreekt); of het besluit en de inhoud "
        "sindsdien veranderden, is niet na te gaan; het secretariaat verzegelt het met 'nota herzegel'"
    ) in r.output
