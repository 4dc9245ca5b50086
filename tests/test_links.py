"""Links in a proposal (issue 16, item 7): a relative link stays relative in the PDF and
never publishes a local path; a link outside the proposal's folder is refused."""

from __future__ import annotations

import pikepdf
from pikepdf import Name

from conftest import PROPOSALS, write

NOTA = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
ZIN = "Sociale teams zijn"


def _met_link(tmp_path, link: str):
    assert NOTA.count(ZIN) >= 1
    return write(tmp_path, "nota.yaml", NOTA.replace(ZIN, f"Zie {link}. {ZIN}", 1))


def _position(path, fragment: str) -> tuple[int, int]:
    tekst = path.read_text(encoding="utf-8")
    at = tekst.index(fragment)
    return tekst.count("\n", 0, at) + 1, at - tekst.rfind("\n", 0, at)


def test_relatieve_link_blijft_relatief(cli, tmp_path):
    path = _met_link(tmp_path, "[het plan](bijlage%20plan.pdf) en [de notitie](stukken/notitie.pdf#p2)")
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    pdf = next((tmp_path / "uit").glob("*.pdf"))
    with pikepdf.open(pdf) as doc:
        links = [
            (str(a.A.URI), str(a.Contents))
            for page in doc.pages
            for a in page.obj.get(Name.Annots, [])
            if Name.A in a and not _mail(a)
        ]
        assert links == [("bijlage%20plan.pdf", "bijlage plan.pdf"), ("stukken/notitie.pdf#p2", "stukken/notitie.pdf")]
        for obj in doc.objects:  # no local path anywhere, compressed or not
            if isinstance(obj, pikepdf.Stream):
                assert b"file:" not in obj.read_bytes()
            elif isinstance(obj, pikepdf.Dictionary):
                assert "file:" not in repr(obj)
    assert str(tmp_path) not in pdf.read_bytes().decode("latin-1")


def test_link_buiten_de_map_wordt_geweigerd(cli, tmp_path):
    path = _met_link(tmp_path, "[geheim](../geheim.pdf)")
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    regel, kolom = _position(path, "../geheim.pdf")
    assert r.exit_code == 1
    assert (
        f"{path}:{regel}:{kolom}: fout: de link '../geheim.pdf' wijst naar een bestand buiten de map "
        "van het voorstel; nota zet geen lokaal pad in het document: zet het bestand naast het "
        "voorstel en link ernaar met alleen de bestandsnaam"
    ) in r.stderr
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").iterdir())


def test_file_url_wordt_geen_link(cli, tmp_path):
    path = _met_link(tmp_path, "[wachtwoorden](file:///etc/passwd)")
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    with pikepdf.open(next((tmp_path / "uit").glob("*.pdf"))) as doc:
        assert [a for page in doc.pages for a in page.obj.get(Name.Annots, []) if Name.A in a and not _mail(a)] == []


def test_webadres_blijft_een_webadres(cli, tmp_path):
    path = _met_link(tmp_path, "[de gemeente](https://www.maastricht.nl/)")
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    with pikepdf.open(next((tmp_path / "uit").glob("*.pdf"))) as doc:
        uris = [
            str(a.A.URI) for page in doc.pages for a in page.obj.get(Name.Annots, []) if Name.A in a and not _mail(a)
        ]
        assert uris == ["https://www.maastricht.nl/"]


def test_check_en_render_zijn_het_eens_over_verwijzingen_buiten_de_map(cli, tmp_path):
    """`nota check` reports what `nota render` refuses, at the reference itself."""
    path = _met_link(tmp_path, "[geheim](../geheim.pdf) en ![kaart](../../etc/kaart.png)")
    regel, kolom = _position(path, "../geheim.pdf")
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:{regel}:{kolom}: fout: de link '../geheim.pdf' wijst naar een bestand buiten "
        "de map van het voorstel; nota zet geen lokaal pad in het document: zet het bestand "
        "naast het voorstel en link ernaar met alleen de bestandsnaam"
    ) in r.stderr.splitlines()
    regel, kolom = _position(path, "../../etc/kaart.png")
    assert (
        f"{path}:{regel}:{kolom}: fout: het document verwijst naar een bestand buiten de map "
        "van het voorstel: ../../etc/kaart.png; zet afbeeldingen en bijlagen naast het voorstel"
    ) in r.stderr.splitlines()
    assert cli("render", path, "-o", tmp_path / "uit").exit_code == 1
    assert not (tmp_path / "uit").exists() or list((tmp_path / "uit").iterdir()) == []


def test_verwijzingen_binnen_de_map_en_naar_het_web_zijn_in_orde(cli, tmp_path):
    path = _met_link(tmp_path, "[plan](plan.pdf), [site](https://www.maastricht.nl/x) en ![logo](logo.png)")
    r = cli("check", path)
    assert "buiten de map" not in r.stderr, r.stderr


def test_check_weigert_een_afbeelding_van_het_web_zoals_render(cli, tmp_path):
    path = _met_link(tmp_path, "![kaart](https://example.nl/kaart.png)")
    regel, kolom = _position(path, "https://example.nl/kaart.png")
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:{regel}:{kolom}: fout: het document verwijst naar een bestand buiten de map "
        "van het voorstel: https://example.nl/kaart.png; zet afbeeldingen en bijlagen naast "
        "het voorstel"
    ) in r.stderr.splitlines()


def _mail(annotation) -> bool:
    """The e-mail address of the header block is a mailto: link (issue 25), not the proposal's text."""
    return str(annotation.A.get(Name.URI, "")).startswith("mailto:")
