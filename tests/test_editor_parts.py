"""The editor's parts without a browser: paste cleaning, refused input, merging two saves,
besluitnummers, who records, a new proposal from its onderwerp, wording for the page."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import PROPOSALS

VOORBEELD = "collegenota-sociale-teams-2021.yaml"


@pytest.fixture
def draft(tmp_path, search_path):
    from generator.web.workspace import Workspace

    shutil.copy(PROPOSALS / VOORBEELD, tmp_path / "nota.yaml")
    return Workspace(tmp_path, search_path).open("nota.yaml")


def test_plakken_uit_word_geeft_markdown_lijsten_en_geen_stuurtekens():
    from generator.web.paste import paste

    word = (
        "Inleiding:\v tweede regel\r\n•\tEen\r\n•\tTwee die\r\ndoorloopt\r\no\tDieper\r\n"
        "1)\tEerste\r\n2.\tTweede\r\n"
        "Slot met\u00a0spatie, zacht\u00adafbreekstreepje en \u201caanhalingstekens\u201d.\f"
    )
    assert paste(word) == (
        "Inleiding:\\\n tweede regel\n\n- Een\n- Twee die doorloopt\n  - Dieper\n\n"
        "1. Eerste\n2. Tweede\n\nSlot met spatie, zachtafbreekstreepje en "
        "\u201caanhalingstekens\u201d."
    )
    assert paste("Een\vtwee\r\ndrie", multiline=False) == "Een twee drie"


def test_regeleinde_uit_word_blijft_een_regeleinde_in_het_document():
    from generator.render.richtext import to_html
    from generator.web.paste import paste

    tekst = paste("Eerste regel\vtweede regel\v\r\nNieuwe alinea\v")
    assert tekst == "Eerste regel\\\ntweede regel\nNieuwe alinea"
    assert "Eerste regel<br />\ntweede regel" in to_html(tekst)


def test_wat_er_ook_binnenkomt_het_opgeslagen_bestand_laadt_weer(draft):
    from generator.proposal.load import load_file

    vreemd = "Tekst\v met\x0c stuur\x00tekens\u2028en\ufeff meer\x1b."
    draft.update_form({"onderwerp": vreemd, "samenvatting": vreemd + "\n\nTweede alinea."})
    draft.save()
    data = load_file(draft.path).data
    assert data["onderwerp"] == "Tekst\n met\n\n stuurtekens\nen meer.\n"
    draft.update_yaml(draft.tekst.replace("afdeling: Sociaal Domein", "afdeling: \x07Sociaal Domein"))
    assert "afdeling: Sociaal Domein" in draft.tekst  # the YAML tab's text is cleaned too
    voor = draft.path.read_bytes()
    draft.update_yaml("soort: collegenota\nonderwerp: [niet gesloten\n")
    from generator.errors import NotaFout

    with pytest.raises(NotaFout) as e:
        draft.save()
    assert str(e.value.meldingen[0].message).startswith(
        "zo kan het voorstel niet worden opgeslagen, want het zou niet meer te openen zijn: "
    )
    assert draft.path.read_bytes() == voor


def test_een_ongeldige_datum_laat_de_oude_staan_met_een_melding_bij_het_veld(draft):
    draft.update_form({"datum": {"$datum": "20211-01-26"}})
    assert "datum: 2021-01-26\n" in draft.tekst
    assert draft.problems()[0] == {
        "pad": ["datum"],
        "niveau": "fout",
        "tekst": (
            "'20211-01-26' is geen bestaande datum; vul dag, maand en jaar in, zoals 26-01-2021. "
            "De vorige datum blijft staan."
        ),
    }
    draft.update_form({"datum": {"$datum": None}})  # the browser's date field holds no whole date
    assert "datum: 2021-01-26\n" in draft.tekst
    assert draft.problems()[0]["tekst"].startswith("De ingevulde datum is geen bestaande datum")
    draft.update_form({"datum": {"$datum": "3-2-2021"}})
    assert "datum: 2021-02-03\n" in draft.tekst and not any(p["pad"] == ["datum"] for p in draft.problems())


def test_meldingen_voor_de_pagina_zonder_pad_regel_of_opdrachtregel():
    from generator.errors import Melding
    from generator.web.wording import for_user

    m = Melding(
        "bij de uitkomst 'gewijzigd' hoort een toelichting: wat is er gewijzigd? (--toelichting \"...\")",
        Path("/srv/map/nota.yaml"),
        3,
        4,
    )
    assert for_user(m) == "bij de uitkomst 'gewijzigd' hoort een toelichting: wat is er gewijzigd?"
    m = Melding("het voorstel bevat fouten; los die eerst op (nota check), dan kan het besluit worden vastgelegd")
    assert for_user(m) == "het voorstel bevat fouten; los die eerst op, dan kan het besluit worden vastgelegd"
    m = Melding(
        "het besluit (9 februari 2021) ligt vóór de datum van het voorstel (26 januari 2021, regel 8); "
        "controleer --datum"
    )
    assert for_user(m) == (
        "het besluit (9 februari 2021) ligt vóór de datum van het voorstel (26 januari 2021); controleer de datum"
    )


def test_een_opslag_van_elders_wordt_per_veld_samengevoegd_en_een_conflict_toont_beide(draft):
    from generator.web.workspace import Conflicts

    path = draft.path
    draft.update_form({"afdeling": "A"})
    path.write_text(path.read_text(encoding="utf-8").replace("Wethouder Zorg en Welzijn", "B"), encoding="utf-8")
    assert draft.save() is True  # merged with the save made elsewhere
    tekst = path.read_text(encoding="utf-8")
    assert "afdeling: A\n" in tekst and "portefeuillehouder: B\n" in tekst
    oud = (PROPOSALS / VOORBEELD).read_text(encoding="utf-8").splitlines()
    assert len([r for r in tekst.splitlines() if r not in oud]) == 2  # nothing else changed
    draft.update_form({"onderwerp": "Van hier"})
    path.write_text(
        tekst.replace("onderwerp: Continuering sociale teams 2021", "onderwerp: Van elders"), encoding="utf-8"
    )
    with pytest.raises(Conflicts) as e:
        draft.save()
    assert e.value.conflicten == [{"pad": ["onderwerp"], "mijn": "Van hier", "ander": "Van elders"}]
    assert "onderwerp: Van elders\n" in path.read_text(encoding="utf-8")
    draft.save("mijn")
    assert "onderwerp: Van hier\n" in path.read_text(encoding="utf-8")


def test_twee_tabbladen_op_een_concept_nemen_een_veld_niet_van_elkaar_over(draft):
    oud = {"onderwerp": "Continuering sociale teams 2021", "afdeling": "Sociaal Domein"}
    assert draft.update_form({"onderwerp": "Van A"}, oud) == []
    assert draft.update_form({"afdeling": "Van B"}, oud) == []  # another field: taken
    conflict = draft.update_form({"onderwerp": "Van B"}, oud)  # the same field, changed by A meanwhile
    assert conflict == [{"pad": ["onderwerp"], "mijn": "Van B", "ander": "Van A", "ander_waarde": "Van A"}]
    assert "onderwerp: Van A\n" in draft.tekst and "afdeling: Van B\n" in draft.tekst
    assert draft.update_form({"onderwerp": "Van B"}, {"onderwerp": "Van A"}) == []  # B keeps its text
    assert "onderwerp: Van B\n" in draft.tekst


def _met_besluiten(*besluiten):
    return SimpleNamespace(
        data=SimpleNamespace(
            besluiten=[
                SimpleNamespace(orgaan=o, datum=dt.date.fromisoformat(d), besluitnummer=n, uitkomst="conform")
                for o, d, n in besluiten
            ]
        )
    )


def test_besluitnummer_per_jaar_en_orgaan():
    from generator.decisions.numbering import next_number, parse_number

    voorstellen = [
        _met_besluiten(("college", "2021-02-09", "B&W 2021/007"), ("raad", "2021-03-01", "Raad 2021/002")),
        _met_besluiten(("college", "2020-12-01", "B&W 2020/099"), ("college", "2021-03-02", "eigen nr")),
    ]
    assert next_number(voorstellen, "college", dt.date(2021, 6, 1)) == "B&W 2021/008"
    assert next_number(voorstellen, "raad", dt.date(2021, 6, 1)) == "Raad 2021/003"
    assert next_number(voorstellen, "college", dt.date(2022, 1, 4)) == "B&W 2022/001"
    assert parse_number("RB 2021 / 12") == (2021, 12) and parse_number("RB20.0042") is None


def test_nota_decide_nummert_en_legt_een_naam_vast(cli, tmp_path):
    shutil.copy(PROPOSALS / VOORBEELD, tmp_path / "a.yaml")
    shutil.copy(PROPOSALS / VOORBEELD, tmp_path / "b.yaml")
    (tmp_path / "nota.toml").write_text('[secretariaat]\nnaam = "J. de Vries"\n', encoding="utf-8")
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for naam in ("a.yaml", "b.yaml"):
            assert (
                cli("decide", naam, "--orgaan", "college", "--datum", "2021-02-09", "--uitkomst", "conform").exit_code
                == 0
            )
    finally:
        os.chdir(here)
    assert "besluitnummer: B&W 2021/001\n    vastgelegd_door: J. de Vries\n" in (tmp_path / "a.yaml").read_text()
    assert "besluitnummer: B&W 2021/002\n" in (tmp_path / "b.yaml").read_text()


def test_wie_vastlegt_is_de_ingelogde_gebruiker_of_de_geconfigureerde_naam(tmp_path, monkeypatch):
    from generator.decisions import recorder as rec
    from generator.web.auth import USER_KEY
    from generator.web.recorder import recorder_name

    user = SimpleNamespace(naam="Piet Pieters")
    assert recorder_name(SimpleNamespace(scope={USER_KEY: user}), tmp_path) == "Piet Pieters"
    (tmp_path / "nota.toml").write_text('[secretariaat]\nnaam = "J. de Vries"\n', encoding="utf-8")
    assert recorder_name(SimpleNamespace(scope={}), tmp_path) == "J. de Vries"
    (tmp_path / "nota.toml").unlink()
    monkeypatch.setattr(rec, "system_name", lambda: None)
    assert recorder_name(SimpleNamespace(scope={}), tmp_path) == "secretariaat"  # never root


def test_nieuw_voorstel_uit_het_onderwerp_zonder_plaatshouders(tmp_path, search_path):
    from generator.proposal.kinds import find_soort
    from generator.proposal.load import load_bytes
    from generator.proposal.placeholders import FILL_IN, ITEM, MARKDOWN
    from generator.proposal.skeleton import dump, file_name, skeleton

    assert file_name("Subsidie sportverenigingen 2027!", tmp_path) == "subsidie-sportverenigingen-2027.yaml"
    (tmp_path / "financien-a-b.yaml").write_text("x")
    assert file_name("Financiën à/b", tmp_path) == "financien-a-b-2.yaml"
    tekst = dump(skeleton(find_soort("collegenota", search_path), "Subsidie 2027", blank=True))
    data = load_bytes(tekst.encode(), tmp_path / "n.yaml").data
    values = [*data.values(), *data["secties"].values()]
    assert not any(isinstance(v, str) and v.strip() in (FILL_IN, ITEM, MARKDOWN) for v in values)
    assert data["onderwerp"] == "Subsidie 2027" and data["beslispunten"] == [] and data["kenmerk"] is None


def test_nieuw_van_bestaand_wist_teksten_en_bedragen_maar_houdt_de_opbouw(tmp_path):
    from generator.proposal.next_year import cleared
    from ruamel.yaml import YAML

    tekst = (PROPOSALS / "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml").read_text(encoding="utf-8")
    leeg = YAML(typ="safe").load(cleared(tekst, texts=True, amounts=True))
    tabel = next(i for i in leeg["secties"]["financiele_consequenties"] if isinstance(i, dict))
    assert tabel["tabel"] == "Benodigd volgens het uitvoeringsplan" and tabel["kolommen"] == [2020, 2021, 2022]
    assert [r.get("post") for r in tabel["regels"]][0] == "Opleidingen en inrichting"
    assert all(r.get("bedrag") in (None, [None, None, None]) for r in tabel["regels"])
    assert tabel["totaal"] == [None, None, None]
    assert leeg["secties"]["communicatie"] is None and leeg["onderwerp"]
    assert YAML(typ="safe").load(cleared(tekst, amounts=True))["secties"]["communicatie"]


def test_elk_label_in_het_formulier_is_uniek(search_path):
    import re

    from generator.proposal.load import load_file
    from generator.proposal.validate import validate
    from generator.web.form import Form

    for path in sorted(PROPOSALS.glob("*.yaml")):
        voorstel = validate(load_file(path), search_path)
        html = str(Form(voorstel.soort, voorstel.bron.data).html()).split('<template class="nieuwe-tabel"')[0]
        html = re.sub(r"<template.*?</template>", "", html, flags=re.S)
        labels = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<label for=[^>]*>(.*?)</label>", html, re.S)]
        dubbel = {t for t in labels if labels.count(t) > 1}
        assert not dubbel, (path.name, dubbel)


def test_aangehouden_en_teruggetrokken_op_de_agenda():
    from generator.decisions.numbering import history, is_decided, on_agenda

    def voorstel(*besluiten, organen=("college", "raad")):
        return SimpleNamespace(
            soort=SimpleNamespace(besluitorganen=organen),
            data=SimpleNamespace(
                besluiten=[
                    SimpleNamespace(orgaan=o, uitkomst=u, datum=dt.date(2021, 2, 9), toelichting=None)
                    for o, u in besluiten
                ]
            ),
        )

    nieuw = voorstel()
    assert on_agenda(nieuw, "college") and not on_agenda(nieuw, "raad")  # the raad after the college
    aangehouden = voorstel(("college", "aangehouden"))
    assert on_agenda(aangehouden, "college") and not on_agenda(aangehouden, "raad")
    assert not is_decided(aangehouden) and history(aangehouden) == ["aangehouden op 9 februari 2021"]
    besloten = voorstel(("college", "aangehouden"), ("college", "conform"))
    assert not on_agenda(besloten, "college") and on_agenda(besloten, "raad") and is_decided(besloten)
    terug = voorstel(("college", "teruggetrokken"))
    assert not on_agenda(terug, "college") and not on_agenda(terug, "raad") and is_decided(terug)


def test_een_voorstel_dat_niet_laadt_staat_op_de_startpagina_met_zijn_onderwerp(tmp_path, search_path):
    from generator.web.workspace import Workspace

    tekst = (PROPOSALS / VOORBEELD).read_text(encoding="utf-8").replace("datum: 2021-01-26", "datum: 2021-02-30")
    (tmp_path / "kapot.yaml").write_text(tekst, encoding="utf-8")
    ws = Workspace(tmp_path, search_path)
    entry = ws._entry(tmp_path / "kapot.yaml")
    assert (entry.onderwerp, entry.problemen, entry.status) == ("Continuering sociale teams 2021", 1, "concept")


def test_een_pagina_krijgt_geen_conflict_met_zichzelf_ook_als_de_tekst_wordt_opgeschoond(draft):
    oud = {"samenvatting": "Kort."}
    assert draft.update_form({"samenvatting": "Een\vtwee\n\n\n"}, oud) == []
    assert draft.update_form({"samenvatting": "Een\vtwee en drie\n\n\n"}, {"samenvatting": "Een\vtwee\n\n\n"}) == []
    assert "Een\n  twee en drie\n" in draft.tekst
