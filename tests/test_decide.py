"""`nota decide` / `nota verify`: the decision record, byte-for-byte preservation, the seal,
and the final PDF of a decided proposal."""

import pikepdf
import pytest

from conftest import PROPOSALS, pdftotext, write

NOTA = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
RAAD = next(PROPOSALS.glob("raadsvoorstel-*.yaml")).read_text(encoding="utf-8")

COMMENTAAR = """# Kop van het bestand   (met dubbele spaties)

soort: 'collegenota'      # enkele aanhalingstekens
gemeente: "Maastricht"   # dubbele
onderwerp: Proef
kenmerk: "2021.1"
datum: 2021-01-26

# een lege regel en commentaar tussen de sleutels
portefeuillehouder: Wethouder
samenvatting: >-
  Gevouwen tekst
  over twee regels.
beslispunten: [Iets te besluiten.]   # flow-stijl
secties: {aanleiding: Daarom.}
besluiten: []   # door nota decide
# slotcommentaar
"""


def _decide(cli, path, *args):
    return cli("decide", path, "--orgaan", "college", "--datum", "2021-02-09", *args)


def test_alleen_het_besluit_komt_erbij(cli, tmp_path):
    path = write(tmp_path, "v.yaml", COMMENTAAR)
    r = _decide(cli, path, "--uitkomst", "conform", "--door", "secretariaat")
    assert r.exit_code == 0, r.output
    after = path.read_text(encoding="utf-8")
    before_, _, rest = after.partition("besluiten:   # door nota decide\n")  # the comment stays
    assert before_ == COMMENTAAR.split("besluiten: []")[0]
    assert rest.endswith("# slotcommentaar\n")
    assert (
        "  - orgaan: college\n    datum: 2021-02-09\n    uitkomst: conform\n"
        "    besluitnummer: B&W 2021/001\n    vastgelegd_door: secretariaat\n" in rest
    )
    assert "    inhoud_sha256: " in rest


def test_tweede_besluit_komt_na_het_eerste(cli, tmp_path):
    raad = write(tmp_path, "raad.yaml", RAAD)
    assert cli("decide", raad, "--orgaan", "college", "--datum", "2020-03-03", "--uitkomst", "conform").exit_code == 0
    first = raad.read_bytes()
    r = cli(
        "decide",
        raad,
        "--orgaan",
        "raad",
        "--datum",
        "2020-05-11",
        "--uitkomst",
        "aangenomen",
        "--besluitnummer",
        "2020-010358",
    )
    assert r.exit_code == 0, r.output
    tweede = raad.read_bytes()
    assert tweede.startswith(first.rstrip(b"\n")) or first in tweede
    assert tweede.count(b"- orgaan:") == 2


def test_zonder_besluiten_sleutel_komt_hij_aan_het_eind(cli, tmp_path):
    tekst = COMMENTAAR.replace("besluiten: []   # door nota decide\n", "")
    path = write(tmp_path, "v.yaml", tekst)
    assert _decide(cli, path, "--uitkomst", "conform").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith(tekst + "besluiten:\n  - orgaan: college\n")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--uitkomst", "aangenomen"],
            "'aangenomen' is geen uitkomst voor het college; kies uit: conform, gewijzigd, aangehouden, afgewezen",
        ),
        (["--uitkomst", "gewijzigd"], "bij de uitkomst 'gewijzigd' hoort een toelichting"),
    ],
)
def test_ongeldig_besluit_laat_bestand_ongemoeid(cli, tmp_path, args, message):
    path = write(tmp_path, "v.yaml", COMMENTAAR)
    r = _decide(cli, path, *args)
    assert r.exit_code == 1
    assert message in r.stderr
    assert path.read_text(encoding="utf-8") == COMMENTAAR


def test_onmogelijke_datum_is_verkeerd_gebruik(cli, tmp_path):
    path = write(tmp_path, "v.yaml", COMMENTAAR)
    r = cli("decide", path, "--orgaan", "college", "--datum", "2021-02-30", "--uitkomst", "conform")
    assert r.exit_code == 2
    assert "'2021-02-30' is geen bestaande datum van de vorm JJJJ-MM-DD" in r.stderr
    assert path.read_text(encoding="utf-8") == COMMENTAAR


def test_raad_besluit_niet_over_collegenota(cli, tmp_path):
    path = write(tmp_path, "v.yaml", COMMENTAAR)
    r = cli("decide", path, "--orgaan", "raad", "--datum", "2021-02-09", "--uitkomst", "aangenomen")
    assert r.exit_code == 1
    assert "over een collegenota besluit de raad niet; wel: college" in r.stderr


def test_tweede_besluit_zelfde_orgaan_vraagt_vervang(cli, tmp_path):
    path = write(tmp_path, "v.yaml", COMMENTAAR)
    assert _decide(cli, path, "--uitkomst", "afgewezen").exit_code == 0
    eerst = path.read_bytes()
    r = _decide(cli, path, "--uitkomst", "conform")
    assert r.exit_code == 1 and "gebruik --vervang" in r.stderr
    assert path.read_bytes() == eerst
    assert _decide(cli, path, "--uitkomst", "conform", "--vervang").exit_code == 0


def test_aangehouden_gaat_terug_naar_concept_en_komt_later_terug(cli, tmp_path, search_path):
    from generator.checks import check_file
    from generator.decisions.numbering import is_decided, on_agenda

    path = write(tmp_path, "v.yaml", COMMENTAAR)
    assert _decide(cli, path, "--uitkomst", "aangehouden", "--datum", "2021-02-02").exit_code == 0
    voorstel, _ = check_file(path, search_path)
    assert not is_decided(voorstel) and on_agenda(voorstel, "college")
    # back to concept: the text may change without breaking a seal
    path.write_text(path.read_text(encoding="utf-8").replace("Wethouder", "Wethouder Jansen"), encoding="utf-8")
    assert cli("check", path).exit_code == 0
    r = _decide(cli, path, "--uitkomst", "conform", "--datum", "2021-02-09")  # a later meeting, no --vervang
    assert r.exit_code == 0, r.stderr
    voorstel, _ = check_file(path, search_path)
    assert [b.uitkomst for b in voorstel.data.besluiten] == ["aangehouden", "conform"]  # history kept
    assert [b.besluitnummer for b in voorstel.data.besluiten] == ["B&W 2021/001", "B&W 2021/002"]
    assert is_decided(voorstel) and not on_agenda(voorstel, "college")


def test_voorstel_met_fouten_wordt_niet_besloten(cli, tmp_path):
    tekst = COMMENTAAR.replace("portefeuillehouder: Wethouder\n", "")
    path = write(tmp_path, "v.yaml", tekst)
    r = _decide(cli, path, "--uitkomst", "conform")
    assert r.exit_code == 1
    assert "het voorstel bevat fouten; los die eerst op (nota check)" in r.stderr
    assert path.read_text(encoding="utf-8") == tekst


def test_wijziging_na_besluit_breekt_het_zegel(cli, tmp_path):
    path = write(tmp_path, "v.yaml", COMMENTAAR)
    assert _decide(cli, path, "--uitkomst", "conform").exit_code == 0
    r = cli("verify", path)
    assert r.exit_code == 0 and "inhoud ongewijzigd" in r.stdout
    # layout and comments do not count ...
    path.write_text(
        path.read_text(encoding="utf-8").replace("# een lege regel", "# ander commentaar"), encoding="utf-8"
    )
    assert cli("verify", path).exit_code == 0
    # ... content does
    path.write_text(
        path.read_text(encoding="utf-8").replace("onderwerp: Proef", "onderwerp: Proef 2"), encoding="utf-8"
    )
    r = cli("verify", path)
    assert r.exit_code == 1 and "GEWIJZIGD na het besluit" in r.stdout
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:17:5: fout: het voorstel is gewijzigd na het besluit van het college van 9 februari 2021 (conform)"
    ) in r.stderr


def test_verify_zonder_besluit(cli, tmp_path):
    r = cli("verify", write(tmp_path, "v.yaml", COMMENTAAR))
    assert r.exit_code == 1 and "nog geen besluit vastgelegd" in r.stderr


def test_gelijktijdig_schrijven_wordt_geweigerd(tmp_path, search_path):
    import fcntl
    from generator.decisions.decide import decide_file
    from generator.errors import NotaFout

    path = write(tmp_path, "v.yaml", COMMENTAAR)
    from generator.proposal.rewrite import lock_path

    with open(lock_path(path), "a") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        with pytest.raises(NotaFout, match="iemand anders schrijft op dit moment in dit bestand"):
            decide_file(path, search_path, {"orgaan": "college", "datum": None, "uitkomst": "conform"})
    assert path.read_text(encoding="utf-8") == COMMENTAAR


@pytest.fixture
def besloten(cli, tmp_path):
    path = write(tmp_path, "nota.yaml", NOTA)
    assert _decide(cli, path, "--uitkomst", "conform").exit_code == 0
    return path


@pytest.mark.slow  # renders a decided PDF/A
def test_besloten_pdf_is_definitief(cli, tmp_path, besloten):
    r = cli("render", besloten, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    pdf = next((tmp_path / "uit").glob("*.pdf"))
    tekst = pdftotext(pdf)
    assert "Besluit Burgemeester en Wethouders d.d. 9 februari 2021:\nConform." in tekst
    assert "CONCEPT" not in tekst
    with pikepdf.open(pdf) as doc:
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "A"
        assert doc.Root.MarkInfo.Marked and "/StructTreeRoot" in doc.Root
        fonts = {str(f.get("/BaseFont")) for p in doc.pages for f in p.Resources.Font.values()}
        assert all("Open-Sans" in f for f in fonts), fonts
        for p in doc.pages:
            for f in p.Resources.Font.values():
                description = (f.DescendantFonts[0] if "/DescendantFonts" in f else f).FontDescriptor
                assert "/FontFile2" in description  # embedded, as PDF/A requires


@pytest.mark.slow  # renders a decided PDF/A twice
def test_besloten_pdf_is_reproduceerbaar_en_wordt_niet_overschreven(cli, tmp_path, besloten):
    out = tmp_path / "uit"
    cli("render", besloten, "-o", out, "--formaat", "pdf")
    pdf = next(out.glob("*.pdf"))
    eerst = pdf.read_bytes()
    assert cli("render", besloten, "-o", out, "--formaat", "pdf").exit_code == 0
    assert pdf.read_bytes() == eerst
    besloten.write_text(
        besloten.read_text(encoding="utf-8").replace("Wethouder Zorg en Welzijn", "Wethouder Zorg"), encoding="utf-8"
    )
    assert (
        cli(
            "decide",
            besloten,
            "--orgaan",
            "college",
            "--datum",
            "2021-02-10",
            "--uitkomst",
            "gewijzigd",
            "--toelichting",
            "Portefeuille.",
            "--vervang",
        ).exit_code
        == 0
    )
    r = cli("render", besloten, "-o", out, "--formaat", "pdf")
    assert r.exit_code == 1
    assert "er staat al een definitief document met een andere inhoud" in r.stderr
    assert pdf.read_bytes() == eerst


@pytest.mark.slow  # renders decided PDFs
def test_raadsbesluit_na_raadsbesluit(cli, tmp_path):
    path = write(tmp_path, "raad.yaml", RAAD)
    assert (
        cli(
            "decide",
            path,
            "--orgaan",
            "raad",
            "--datum",
            "2020-05-11",
            "--uitkomst",
            "aangenomen",
            "--besluitnummer",
            "2020-010358",
        ).exit_code
        == 0
    )
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    tekst = pdftotext(next((tmp_path / "uit").glob("*.pdf")))
    assert "Aldus besloten in de raadsvergadering van 11 mei 2020" in tekst
    assert "2020-010358" in tekst


@pytest.mark.slow  # renders a decided PDF/A
def test_bron_maakt_pdf_a3_met_yaml_als_bijlage(cli, tmp_path, besloten):
    r = cli("render", besloten, "-o", tmp_path / "uit", "--formaat", "pdf", "--bron")
    assert r.exit_code == 0, r.output
    with pikepdf.open(next((tmp_path / "uit").glob("*.pdf"))) as doc:
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "A"
        bijlage = doc.attachments["nota.yaml"]
        assert bijlage.obj.AFRelationship == "/Source"
        assert bijlage.get_file().read_bytes() == besloten.read_bytes()


@pytest.mark.slow  # renders a decided PDF/A
def test_pdf_bijlagen_achteraan_met_bladwijzers(cli, tmp_path):
    import re

    bijlage = tmp_path / "plan.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.add_blank_page()
        pdf.save(bijlage)
    tekst = re.sub(r"bijlagen:\n(  - .*\n)+", "bijlagen:\n  - {titel: Uitvoeringsplan, bestand: plan.pdf}\n", RAAD)
    path = write(tmp_path, "raad.yaml", tekst)
    assert cli("decide", path, "--orgaan", "college", "--datum", "2020-03-03", "--uitkomst", "conform").exit_code == 0
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    with pikepdf.open(next((tmp_path / "uit").glob("*.pdf"))) as doc, doc.open_outline() as outline:
        titles = [i.title for i in outline.root]
        assert titles[-1] == "Bijlage 1: Uitvoeringsplan" and "Raadsbesluit" in titles
        last = outline.root[-1].destination[0]
        assert [p.objgen for p in doc.pages].index(last.objgen) == len(doc.pages) - 2


@pytest.mark.slow  # renders a decided PDF/A
def test_pdf_bijlage_buiten_de_map(cli, tmp_path):
    import re

    tekst = re.sub(r"bijlagen:\n(  - .*\n)+", "bijlagen:\n  - {titel: Plan, bestand: ../plan.pdf}\n", RAAD)
    (tmp_path / "sub").mkdir()
    path = write(tmp_path / "sub", "raad.yaml", tekst)
    assert cli("decide", path, "--orgaan", "college", "--datum", "2020-03-03", "--uitkomst", "conform").exit_code == 0
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 1
    assert "bijlage '../plan.pdf' staat niet in de map van het voorstel" in r.stderr
