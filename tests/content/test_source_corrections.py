"""Statements a check against the source documents found wrong or misattributed (issue 14)
stay corrected. Each case names the source passage it follows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.content.pages import article, page, visible_text

ROOT = Path(__file__).resolve().parents[2]
DECISIONS = ROOT / "decisions"
DOCS = ROOT / "docs"


def body(decision_id: str) -> str:
    return " ".join((DECISIONS / f"{decision_id}.md").read_text(encoding="utf-8").split())


def meta(decision_id: str) -> dict:
    text = (DECISIONS / f"{decision_id}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


def test_bp_2019_04_does_not_borrow_the_2020_reason():
    # "eenduidige sturing op de afspraken met de aanbieders" is uitgangspunt 4 of 2020.
    text = body("bp-2019-04")
    assert "Afspraken met aanbieders worden op één manier bewaakt" not in text
    assert "pas in uitgangspunt 4 van 2020" in text
    # Issue 23: up-2020-04 keeps the source's own idea, "eenduidige sturing op de afspraken".
    assert "eenduidig sturen op de afspraken" in body("up-2020-04")


def test_bp_2019_07_does_not_borrow_the_2020_weighing_per_task():
    # "Dit wordt per taak afgewogen" is only in the 2020 document.
    assert "Per taak wordt bepaald" not in body("bp-2019-07")
    assert "per taak" not in body("bp-2019-07").lower()
    assert "Per taak wordt afgewogen" in body("up-2020-06")


def test_up_2020_02_does_not_present_access_to_opvang_as_new():
    # The 2019 plan already builds expertise "op beschermd wonen en maatschappelijke opvang".
    text = body("up-2020-02")
    assert "nu ook uitdrukkelijk" not in text
    assert "ook het plan van 2019" in text


@pytest.mark.parametrize("decision_id", ["bp-2019-08", "up-2020-07"])
def test_the_agreement_has_a_juridische_grondslag(decision_id):
    # Both sources: "een contractuele overeenkomst met een juridische grondslag".
    text = body(decision_id)
    assert "wettelijke basis" not in text
    assert "contractuele overeenkomst met een juridische grondslag" in text


def test_up_2020_01_title_is_plain_dutch():
    title = meta("up-2020-01")["titel"]
    assert "tegen opvang" not in title
    assert "instroom in de maatschappelijke opvang te voorkomen" in title


def test_goal_6_2_improves_the_beleidsinformatie():
    goals = yaml.safe_load((DOCS / "regiovisie" / "doelen.yaml").read_text(encoding="utf-8"))
    goal = goals["ambities"][5]["doelen"][1]
    assert goal["naam"] == "Door ontwikkelen van het transfer- en matchingspunt"
    assert "beleidsinformatie" in goal["omschrijving"]
    assert "cijfers" not in goal["omschrijving"]


@pytest.mark.build
def test_glossary_wording_follows_the_sources(built_site):
    text = visible_text(article(page(built_site, "begrippen")))
    oggz = text[text.index("OGGZ Openbare") : text.index("PGB")]
    assert "zelf niet om hulp vragen" not in oggz
    assert "álle inwoners" in oggz  # the preventiepakket "voor alle inwoners beschikbaar"
    wlz = text[text.index("Wlz Wet langdurige zorg") : text.index("Wmo Wet")]
    assert "permanent toezicht" in wlz and "24 uur per dag zorg in de nabijheid" in wlz
    assert "in de buurt" not in wlz


@pytest.mark.build
def test_solidarity_in_noord_en_midden_limburg_is_attributed_to_the_decisions(built_site):
    html = article(page(built_site, "achtergrond/maastricht-heuvelland"))
    row = html[html.index("Solidariteit tussen gemeenten") :]
    row = row[: row.index("</tr>")]
    assert "besluiten/bp-2019-09/" in row and "besluiten/up-2020-08/" in row
    assert "regiovisie" not in visible_text(row).lower()


@pytest.mark.build
def test_maastricht_heuvelland_items_are_on_the_page(built_site):
    text = visible_text(article(page(built_site, "achtergrond/maastricht-heuvelland")))
    assert "12 januari 2018" in text
    assert "historisch" in text and "objectief verdeelmodel" in text
    assert "voordeelgemeenten" in text and "nadeelgemeenten" in text
    assert "Westelijke Mijnstreek" in text[text.index("De rol van de centrumgemeente") :]


@pytest.mark.parametrize(
    ("decision_id", "phrases"),
    [
        ("bp-2019-07", ["VGZ", "Samenwerkingstafel", "RIBW-bedden", "cliëntenplatform OGGZ"]),
        (
            "bp-2019-05",
            [
                "vijf woningcorporaties",
                "bij voorkeur binnen 3 maanden",
                "tiny houses in Horst aan de Maas",
                "voormalig verzorgingshuis in Venray",
                "'Kamers met Kansen' in Venlo",
            ],
        ),
    ],
)
def test_partner_relations_of_the_2019_plan_are_with_their_decision(decision_id, phrases):
    text = body(decision_id)
    for phrase in phrases:
        assert phrase in text, phrase
