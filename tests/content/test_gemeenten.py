"""The 14 municipalities of Noord- en Midden-Limburg are named, split into Noord-Limburg and
Midden-Limburg as the 2019 plan ("Uitvoeringsplan doordecentralisatie beschermd wonen en
maatschappelijke opvang regio Noord-Limburg", chapter 1) gives them, and their history is
told as the sources tell it, with the difference between the sources about Gennep."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.content.pages import article, caption_of, page, table_rows, visible_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "docs" / "regiovisie" / "data" / "gemeenten.yaml"

# Chapter 1 of the 2019 plan: "De centrumgemeente Venlo voert op dit moment bovenstaande
# taken uit voor 13 gemeenten: ..." and "... bestaat daarmee uit de volgende zeven gemeenten".
VENLO_13 = [
    "Beesel", "Bergen", "Echt-Susteren", "Horst aan de Maas", "Leudal", "Maasgouw",
    "Nederweert", "Peel en Maas", "Roerdalen", "Roermond", "Venlo", "Venray", "Weert",
]  # fmt: skip
NOORD_LIMBURG = [
    "Beesel", "Bergen", "Horst aan de Maas", "Gennep", "Peel en Maas", "Venlo", "Venray",
]  # fmt: skip
MIDDEN_LIMBURG = sorted(set(VENLO_13) - set(NOORD_LIMBURG))


def test_the_lists_of_the_source_give_fourteen_municipalities():
    everyone = set(VENLO_13) | {"Gennep"}
    assert len(everyone) == 14
    assert len(MIDDEN_LIMBURG) == 7  # "zeven Midden-Limburgse gemeenten" (chapter 4)
    assert set(NOORD_LIMBURG) | set(MIDDEN_LIMBURG) == everyone


def test_data_file_names_the_fourteen_with_their_part():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    parts = {m["naam"]: m["deelregio"] for m in data["gemeenten"]}
    assert len(data["gemeenten"]) == 14
    assert sorted(n for n, p in parts.items() if p == "Noord-Limburg") == sorted(NOORD_LIMBURG)
    assert sorted(n for n, p in parts.items() if p == "Midden-Limburg") == MIDDEN_LIMBURG
    venlo = {m["naam"] for m in data["gemeenten"] if m["centrumgemeente_venlo_2019"]}
    assert venlo == set(VENLO_13)
    assert "Uitvoeringsplan doordecentralisatie" in data["bron"]


@pytest.fixture(scope="module")
def aanleiding(built_site) -> str:
    return article(page(built_site, "regiovisie/aanleiding"))


@pytest.mark.build
def test_page_shows_the_table_of_fourteen(aanleiding):
    caption = caption_of(aanleiding, "gemeenten-tabel")
    assert caption == "De 14 gemeenten van Noord- en Midden-Limburg"
    rows = table_rows(aanleiding, "gemeenten-tabel")
    shown = {row[0]: row[1] for row in rows}
    assert len(rows) == 14
    assert sorted(n for n, p in shown.items() if p == "Noord-Limburg") == sorted(NOORD_LIMBURG)
    assert sorted(n for n, p in shown.items() if p == "Midden-Limburg") == MIDDEN_LIMBURG
    gennep = next(row for row in rows if row[0] == "Gennep")
    assert gennep[2].startswith("nee") and "Nijmegen" in gennep[2]


@pytest.mark.build
def test_page_tells_the_history_and_where_the_sources_differ(aanleiding):
    text = visible_text(aanleiding)
    # 2019 plan: Midden-Limburg wants its own region from 1 January 2022, Gennep wants to join
    # Noord-Limburg from 1 January 2021.
    assert "Midden-Limburg vanaf 1 januari 2022 een eigen regio" in text
    assert "Gennep wil vanaf 1 januari 2021 bij de regio Noord-Limburg" in text
    # Regiovisie 2022-2026: the 14 together, Gennep joins for beschermd wonen from 2022.
    assert "14 gemeenten" in text
    assert "Gennep met ingang van 2022" in text
    # The difference is stated, not resolved.
    note = aanleiding[aanleiding.index("De bronnen verschillen") :]
    note_text = visible_text(note[: note.index("</div>")])
    assert "1 januari 2021" in note_text and "2022" in note_text
    # Nothing on the page says Midden-Limburg did form its own region.
    assert "vormt een eigen regio" not in text and "werd een eigen regio" not in text


@pytest.mark.build
def test_the_fourteen_are_linked_from_the_places_readers_start(built_site):
    for url in ("", "regiovisie", "besluiten", "achtergrond"):
        html = article(page(built_site, url))
        assert "aanleiding/#veertien-gemeenten" in html, url or "home"
