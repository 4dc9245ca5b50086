"""`nota besluitenlijst`: the public list of one meeting's decisions."""

from docx import Document

from conftest import PROPOSALS, pdftotext, write

NOTA = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")


def test_besluitenlijst_noemt_openbare_en_telt_de_andere(cli, tmp_path):
    map_ = tmp_path / "vergadering"
    map_.mkdir()
    openbaar = write(map_, "a.yaml", NOTA)
    geheim = write(
        map_,
        "b.yaml",
        NOTA.replace("classificatie: openbaar", "classificatie: vertrouwelijk").replace(
            "Continuering sociale teams 2021", "Geheime zaak"
        ),
    )
    ander = write(map_, "c.yaml", NOTA.replace("Continuering sociale teams 2021", "Andere vergadering"))
    for path, datum, uitkomst in (
        (openbaar, "2021-02-09", "conform"),
        (geheim, "2021-02-09", "conform"),
        (ander, "2021-02-16", "afgewezen"),
    ):
        assert cli("decide", path, "--orgaan", "college", "--datum", datum, "--uitkomst", uitkomst).exit_code == 0
    r = cli("besluitenlijst", map_, "--datum", "2021-02-09", "-o", tmp_path / "uit")
    assert r.exit_code == 0, r.output
    tekst = " ".join(pdftotext(tmp_path / "uit" / "besluitenlijst-college-2021-02-09.pdf").split())
    assert (
        "Besluitenlijst van de vergadering van het college van burgemeester en wethouders van 9 februari 2021"
    ) in tekst
    assert "Continuering sociale teams 2021 Wethouder Zorg en Welzijn Conform." in tekst
    assert "Kenmerk: 2021.01234" in tekst
    assert "Geheime zaak" not in tekst and "Andere vergadering" not in tekst
    assert "Daarnaast is 1 niet-openbare voorstel behandeld." in tekst
    doc = Document(tmp_path / "uit" / "besluitenlijst-college-2021-02-09.docx")
    rijen = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rijen[0] == ["Nr.", "Onderwerp", "Portefeuillehouder", "Besluit"]
    assert rijen[1][:3] == ["1", "Continuering sociale teams 2021\nKenmerk: 2021.01234", "Wethouder Zorg en Welzijn"]
    # a paragraph per block; numbered by default
    assert rijen[1][3].startswith("Conform. Besluitnummer: B&W 2021/001\nEen besluit tot continuering")
