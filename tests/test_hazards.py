"""Input that cannot hurt: every hazard is a clean Dutch message with its place."""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import PROPOSALS, pdftotext, write
from generator.errors import NotaFout

GELDIG = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")

GEVALLEN = [
    (
        "tab",
        "soort: collegenota\nsecties:\n\taanleiding: x\n",
        "3:1: fout: ongeldige YAML: een tab mag in YAML niet voor inspringing worden gebruikt; gebruik spaties",
    ),
    (
        "dubbel",
        "soort: collegenota\nonderwerp: a\nonderwerp: b\n",
        "3:1: fout: sleutel 'onderwerp' staat er twee keer (ook op regel 2); laat er één over",
    ),
    (
        "alias",
        "a: &x [1, 2]\nb: *x\n",
        "1:4: fout: ankers en aliassen (&naam, *naam) worden niet ondersteund; schrijf de waarde voluit",
    ),
    ("leeg", "# alleen commentaar\n", "1:1: fout: bestand is leeg; begin met 'soort: collegenota' (zie 'nota new')"),
    (
        "lijst",
        "- soort: collegenota\n",
        "1:1: fout: een voorstel moet bestaan uit sleutels met waarden (soort: ..., onderwerp: ...), "
        "niet uit een lijst of losse tekst",
    ),
    ("datum", "soort: collegenota\ndatum: 2021-02-30\n", "2:8: fout: 2021-02-30 is geen bestaande datum"),
    (
        "soort",
        "soort: colegenota\n",
        "1:8: fout: onbekende soort 'colegenota'; bekende soorten: beantwoording, collegenota, "
        "raadsvoorstel, voortgangsrapportage; bedoelde u 'collegenota'?",
    ),
    (
        "zonder-soort",
        "onderwerp: x\n",
        "1:1: fout: 'soort' ontbreekt; begin het bestand met bijvoorbeeld 'soort: collegenota' "
        "(bekende soorten: beantwoording, collegenota, raadsvoorstel, voortgangsrapportage)",
    ),
    ("syntaxis", "soort: collegenota\nonderwerp: [a\n", None),
]


@pytest.mark.parametrize("naam, tekst, expected", GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_yaml_gevaren(tmp_path, search_path, naam, tekst, expected):
    from generator.proposal.validate import load_voorstel

    path = write(tmp_path, f"{naam}.yaml", tekst)
    with pytest.raises(NotaFout) as e:
        load_voorstel(path, search_path)
    first = str(e.value.meldingen[0])
    assert first.startswith(f"{path}:")
    if expected:
        assert first == f"{path}:{expected}"


def test_miljard_lachen_wordt_snel_geweigerd(tmp_path, search_path):
    from generator.proposal.validate import load_voorstel

    regels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    regels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write(tmp_path, "lol.yaml", "\n".join(regels) + "\n")
    with pytest.raises(NotaFout, match="ankers en aliassen"):
        load_voorstel(path, search_path)


def test_geen_utf8(tmp_path, search_path):
    from generator.proposal.validate import load_voorstel

    path = tmp_path / "latin1.yaml"
    path.write_bytes("soort: collegenota\nonderwerp: Financiën\n".encode("latin-1"))
    with pytest.raises(NotaFout) as e:
        load_voorstel(path, search_path)
    assert str(e.value) == f"{path}:2:19: fout: bestand is geen geldige UTF-8 (byte 0xeb); sla het op als UTF-8"


def test_te_groot_bestand(tmp_path, search_path):
    from generator.proposal.validate import load_voorstel

    path = tmp_path / "groot.yaml"
    path.write_bytes(b"soort: collegenota\n" + b"# " + b"x" * (1024 * 1024) + b"\n")
    with pytest.raises(NotaFout) as e:
        load_voorstel(path, search_path)
    assert str(e.value) == f"{path}: fout: bestand is te groot (1024 KiB); een voorstel mag hoogstens 1024 KiB zijn"


def test_verkeerd_type(tmp_path, search_path):
    from generator.proposal.validate import load_voorstel

    path = write(
        tmp_path,
        "type.yaml",
        GELDIG.replace("beslispunten:\n  - Een besluit", "beslispunten: Een besluit").replace(
            "\n  - In te stemmen met een budget van € 436.358 voor de sociale teams in 2021, "
            "gedekt uit de bestaande begroting.",
            "",
        ),
    )
    with pytest.raises(NotaFout) as e:
        load_voorstel(path, search_path)
    assert str(e.value).endswith("26:15: fout: 'beslispunten': hier hoort een lijst (regels die met '- ' beginnen)")


def _met_sectie(tekst):
    return GELDIG.replace(
        "  openbare_ruimte: nvt", "  openbare_ruimte: |\n" + "".join(f"    {r}\n" for r in tekst.splitlines())
    )


def _pdf(cli, tmp_path, tekst):
    path = write(tmp_path, "v.yaml", tekst)
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    return r, next((tmp_path / "uit").glob("*.pdf"), None) if (tmp_path / "uit").exists() else None


def test_sjabloontaal_en_html_blijven_tekst_in_pdf(cli, tmp_path):
    r, pdf = _pdf(
        cli,
        tmp_path,
        _met_sectie(
            "Rekensom {{ 7*7 }} en {% if true %}ja{% endif %}.\n\n<script>alert(1)</script> <b>vet</b>\n\n"
            "[klik](javascript:alert(1)) en [goed](https://example.nl)"
        ),
    )
    assert r.exit_code == 0, r.output
    tekst = pdftotext(pdf)
    assert "Rekensom {{ 7*7 }} en {% if true %}ja{% endif %}." in tekst
    assert "<script>alert(1)</script> <b>vet</b>" in tekst
    assert "49" not in tekst.split("Rekensom")[1][:20]
    import pikepdf

    with pikepdf.open(pdf) as doc:
        uris = [str(a.A.URI) for p in doc.pages for a in p.get("/Annots", []) if "/A" in a and "/URI" in a.A]
    assert [u for u in uris if not u.startswith("mailto:")] == ["https://example.nl"]  # the header's e-mail is a link


@pytest.mark.parametrize("bron", ["../../../etc/passwd.png", "/etc/hosts.png", "https://example.nl/x.png"])
def test_afbeelding_buiten_de_map_wordt_geweigerd(cli, tmp_path, bron):
    r, pdf = _pdf(cli, tmp_path, _met_sectie(f"![plaatje]({bron})"))
    assert r.exit_code == 1
    assert "het document verwijst naar een bestand buiten de map van het voorstel" in r.stderr
    assert pdf is None


def test_onderbroken_schrijven_laat_niets_achter(tmp_path):
    from generator.render.output import atomic

    target = tmp_path / "uit" / "nota.pdf"
    with pytest.raises(RuntimeError):
        with atomic(target) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("onderbroken")
    assert list((tmp_path / "uit").iterdir()) == []


yaml_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(yaml_text)
def test_willekeurige_yaml_geeft_alleen_nette_fouten(tmp_path, search_path, tekst):
    _alleen_nette_fouten(tmp_path, search_path, tekst.encode("utf-8"))


@pytest.mark.slow  # hundreds of mutated inputs
@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(GELDIG) - 1), st.integers(0, 40), st.text(max_size=8))
def test_verminkt_voorbeeld_geeft_alleen_nette_fouten(tmp_path, search_path, begin, lengte, invoeging):
    tekst = GELDIG[:begin] + invoeging + GELDIG[begin + lengte :]
    _alleen_nette_fouten(tmp_path, search_path, tekst.encode("utf-8"))


def _alleen_nette_fouten(tmp_path, search_path, raw: bytes):
    from generator.checks import run_checks
    from generator.proposal.validate import load_voorstel

    path = tmp_path / "h.yaml"
    path.write_bytes(raw)
    try:
        voorstel = load_voorstel(path, search_path)
    except NotaFout as e:
        assert e.meldingen and all(m.message for m in e.meldingen)
        return
    for m in run_checks(voorstel):
        assert m.file == path and m.line is not None


def test_gevouwen_tekst_zonder_verborgen_tekens(tmp_path, search_path):
    from generator.proposal.validate import load_voorstel

    tekst = GELDIG.replace(
        "onderwerp: Continuering sociale teams 2021", "onderwerp: >-\n  Continuering sociale\n  teams 2021"
    )
    voorstel = load_voorstel(write(tmp_path, "v.yaml", tekst), search_path)
    assert voorstel.data.onderwerp == "Continuering sociale teams 2021"


def test_bedoelde_u_noemt_nooit_de_foute_sleutel_zelf(tmp_path, search_path):
    from generator.proposal.validate import load_voorstel

    tekst = GELDIG.replace("  naam: A. Jansen\n", "  naam: A. Jansen\n  telefon: x\n")
    with pytest.raises(NotaFout) as e:
        load_voorstel(write(tmp_path, "v.yaml", tekst), search_path)
    assert str(e.value).endswith("fout: onbekende sleutel 'telefon' (in steller); bedoelde u 'telefoon'?")
