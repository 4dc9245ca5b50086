"""Issue 12, items 2 and 3: a blank skeleton never passes, and `nota check` reports
every problem of a file in one run (YAML, schema and consistency together)."""

import re

from conftest import PROPOSALS, write

GELDIG = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
VERPLICHT = ("gemeente", "onderwerp", "kenmerk", "portefeuillehouder", "samenvatting")


def _line_of(tekst: str, begin: str) -> int:
    return next(i for i, r in enumerate(tekst.splitlines(), 1) if r.startswith(begin))


def _blank_skeleton(cli, tmp_path):
    path = tmp_path / "nieuw.yaml"
    r = cli("new", "collegenota", "-o", path)
    assert r.exit_code == 0, r.output
    tekst = re.sub(r"(?m)^datum:.*$", "datum: 2024-03-05", path.read_text(encoding="utf-8"))
    path.write_text(tekst, encoding="utf-8")
    return path, tekst


def test_blank_skeleton_fails_check_with_one_melding_per_blank(cli, tmp_path):
    path, tekst = _blank_skeleton(cli, tmp_path)
    r = cli("check", "--strikt", path)
    assert r.exit_code == 1
    regels = r.stderr.splitlines()
    blanks = [m for m in regels if "is nog niet ingevuld" in m]
    for veld in VERPLICHT:
        line = _line_of(tekst, f"{veld}:")
        assert any(m.startswith(f"{path}:{line}:") and f"fout: '{veld}' is nog niet ingevuld; " in m for m in blanks), (
            veld,
            r.stderr,
        )
    punt = _line_of(tekst, "  - ")
    assert f"{path}:{punt}:5: fout: 'beslispunten' punt 1 is nog niet ingevuld; schrijf het beslispunt" in regels
    aanleiding = _line_of(tekst, "  aanleiding:")
    assert any(
        m.startswith(f"{path}:{aanleiding}:") and "sectie 'aanleiding' is nog niet ingevuld" in m for m in blanks
    ), r.stderr
    lines = [m.split(":")[1] for m in blanks]
    assert len(lines) == len(set(lines)) == len(VERPLICHT) + 2, r.stderr


def test_blank_skeleton_renders_nothing(cli, tmp_path):
    path, _ = _blank_skeleton(cli, tmp_path)
    r = cli("render", path, "-o", tmp_path / "uit")
    assert r.exit_code == 1
    assert "'onderwerp' is nog niet ingevuld" in r.stderr
    assert not list((tmp_path / "uit").glob("*.pdf")) if (tmp_path / "uit").exists() else True


def test_empty_strings_and_invullen_in_required_fields(cli, tmp_path):
    tekst = (
        GELDIG.replace("gemeente: Maastricht", "gemeente: ''")
        .replace('kenmerk: "2021.01234"', "kenmerk: '' # invullen")
        .replace("onderwerp: Continuering sociale teams 2021", "onderwerp: invullen")
    )
    path = write(tmp_path, "v.yaml", tekst)
    r = cli("check", path)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:3] == [
        f"{path}:5:11: fout: 'gemeente' is nog niet ingevuld; schrijf de tekst",
        f"{path}:6:12: fout: 'onderwerp' is nog niet ingevuld; schrijf de tekst",
        f"{path}:7:10: fout: 'kenmerk' is nog niet ingevuld; schrijf de tekst",
    ]


def test_placeholder_in_optional_section_and_empty_required_section(cli, tmp_path):
    tekst = re.sub(r"(?s)  aanleiding: \|\n.*?\n(  context: )", r"  aanleiding: ''\n\1", GELDIG)
    tekst = tekst.replace("  openbare_ruimte: nvt", "  openbare_ruimte: Schrijf hier de tekst (markdown).")
    path = write(tmp_path, "v.yaml", tekst)
    r = cli("check", path)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:2] == [
        f"{path}:31:15: fout: sectie 'aanleiding' is nog niet ingevuld; schrijf de tekst van deze sectie",
        f"{path}:71:20: fout: sectie 'openbare_ruimte' is nog niet ingevuld; schrijf de tekst, of 'nvt' als "
        "de sectie niet van toepassing is",
    ]


def test_every_problem_in_one_run(cli, tmp_path):
    tekst = (
        GELDIG.replace("datum: 2021-01-26", "datum: 2021-02-30")
        .replace("afdeling: Sociaal Domein", "afdeling: Sociaal Domein\nafdeling: Sociaal Domein")
        .replace("classificatie: openbaar", "classificatie: openbar")
        .replace("  aanleiding: |", "  aanleidng: |")
        .replace('bedrag: 40000, toelichting: "Inclusief', 'bedrag: 40.000, toelichting: "Inclusief')
        .replace(
            "        - {post: Sociale teams werkbudget, bedrag: 25000}\n      totaal: 436358",
            "        - {post: Sociale teams werkbudget, bedrag: 25000}\n      totaal: 436359",
        )
    )
    path = write(tmp_path, "alles.yaml", tekst)
    r = cli("check", path)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"{path}:8:8: fout: 2021-02-30 is geen bestaande datum",
        f"{path}:11:1: fout: sleutel 'afdeling' staat er twee keer (ook op regel 10); laat er één over",
        f"{path}:16:16: fout: 'openbar' is hier geen geldige waarde; kies uit: openbaar, vertrouwelijk, geheim; "
        "bedoelde u 'openbaar'?",
        f"{path}:31:1: fout: 'aanleiding' ontbreekt; dit veld is verplicht (in secties)",
        f"{path}:32:3: fout: onbekende sleutel 'aanleidng' (in secties); bedoelde u 'aanleiding'?",
        f"{path}:103:65: fout: 40.000 is een dubbelzinnig bedrag: YAML leest het als het kommagetal 40,000; "
        'schrijf 40000 of "€ 40.000" (met aanhalingstekens)',
        f"{path}:114:15: fout: het totaal van tabel 'Dekking 2021' is € 436.359, maar de regels tellen op "
        "tot € 436.358 (verschil € 1)",
        "1 voorstel gecontroleerd: 0 in orde, 1 met fouten",
    ]


def test_totals_checked_while_another_field_is_wrong(cli, tmp_path):
    path = write(
        tmp_path,
        "v.yaml",
        GELDIG.replace("classificatie: openbaar", "classificatie: geheimm").replace(
            "      totaal: 436358\n    - tabel: Dekking", "      totaal: 436000\n    - tabel: Dekking"
        ),
    )
    r = cli("check", path)
    assert r.exit_code == 1
    assert f"{path}:15:16: fout: 'geheimm' is hier geen geldige waarde" in r.stderr
    assert (
        f"{path}:105:15: fout: het totaal van tabel 'Begroting 2021' is € 436.000, maar de regels tellen "
        "op tot € 436.358 (verschil € -358)"
    ) in r.stderr


def test_a_file_that_cannot_be_parsed_stops_early(cli, tmp_path):
    path = write(tmp_path, "v.yaml", GELDIG.replace("classificatie: openbaar", "classificatie: [openbaar"))
    r = cli("check", path)
    assert r.exit_code == 1
    assert len([m for m in r.stderr.splitlines() if ": fout: " in m]) == 1


def test_shipped_examples_pass_strict(cli):
    r = cli("check", "--strikt", PROPOSALS)
    assert r.exit_code == 0, r.stderr
