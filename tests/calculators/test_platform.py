"""The platform: every calculator package is found from its declaration alone and gets the
same actions; every calculator starts from every region; export reads back in."""

from __future__ import annotations

import json

import pytest

from calculators.catalogue.site import regions
from calculators.core.calculator import find
from calculators.core.entry import calculator_names, handle
from calculators.render.page import handle_page

#: The regions of the site's region file (regio.yml).
REGIONS = regions()

NAMES = ["ingroeipad", "solidariteit", "spreiding", "verdeelsleutel"]
# Inhabitants on 1 January 2022 per region, summed in the README of the CBS data the project
# copied (two CBS tables agree on every one of these municipalities).
CBS_2022_SUMS = {
    "noord-limburg": 277_168,
    "midden-limburg": 239_098,
    "maastricht-heuvelland": 206_069,
    "leidse-regio": 212_966,
}
CBS_2022_SUMS["noord-en-midden-limburg"] = 277_168 + 239_098


def call(**request) -> dict:
    return json.loads(handle(json.dumps(request)))


def test_calculators_are_found_by_their_package():
    assert calculator_names() == NAMES
    assert [find(name).name for name in NAMES] == NAMES
    assert find("core") is None and find("render") is None and find("bestaatniet") is None


def test_the_regions_as_the_sources_spell_them():
    assert {r.label: len(r.municipalities) for r in REGIONS.values()} == {
        "Noord- en Midden-Limburg": 14,
        "Noord-Limburg": 7,
        "Midden-Limburg": 7,
        "Maastricht-Heuvelland": 6,
        "Leidse Regio": 5,
    }
    both = set(REGIONS["noord-limburg"].municipalities) | set(
        REGIONS["midden-limburg"].municipalities
    )
    assert set(REGIONS["noord-en-midden-limburg"].municipalities) == both
    for region, expected in CBS_2022_SUMS.items():
        assert sum(REGIONS[region].inhabitants.values()) == expected


@pytest.mark.parametrize("name", NAMES)
def test_every_action_is_there(name):
    described = call(calculator=name, action="describe")
    assert described["ok"] and described["form"] and described["title"]
    kinds = {c["kind"] for c in described["form"]}
    assert {"region", "table"} <= kinds
    assert [r["id"] for r in described["regions"]] == list(REGIONS)


@pytest.mark.parametrize("region", list(REGIONS))
@pytest.mark.parametrize("name", NAMES)
def test_every_calculator_starts_from_every_region(name, region):
    default = call(calculator=name, action="default", region=region)
    assert default["ok"], default
    rows = default["scenario"]["municipalities"]
    # Real inhabitants (CBS, 1 January 2022): the region sums from the data's source README.
    assert sum(int(r["values"]["inwoners"]) for r in rows) == CBS_2022_SUMS[region]
    notice = default["notice"]
    label = REGIONS[region].label
    assert f"Echte cijfers voor {label}: ‘Inwoners’ (Bron: CBS, StatLine 70072ned, " in notice
    # Every other column that holds figures is named as an example, or with its source.
    filled = {k for r in rows for k, v in r["values"].items() if v and k != "inwoners"}
    labels = {c.id: c.label for c in find(name).columns(default["scenario"])}
    examples = notice.split("Voorbeeldcijfers, geen echte cijfers:")[1].split(";")[0]
    for column in filled:
        if (name, region, column) == ("ingroeipad", "leidse-regio", "objectief"):
            assert f"‘{labels[column]}’ (Bron: Uitvoeringsagenda" in notice
        else:
            assert f"‘{labels[column]}’" in examples, (column, notice)
    names = [m["name"] for m in rows]
    assert names == list(REGIONS[region].municipalities)
    request = {"calculator": name, "action": "compute", "scenario": default["scenario"]}
    response = json.loads(handle_page(json.dumps(request)))
    assert response["ok"], response
    assert all(n in response["html"] for n in names if "&" not in n)


@pytest.mark.parametrize("name", NAMES)
def test_export_reads_back_in(name):
    scenario = call(calculator=name, action="default")["scenario"]
    exported = call(calculator=name, action="export_csv", scenario=scenario)
    imported = call(calculator=name, action="import_csv", scenario=scenario, text=exported["text"])
    assert imported["ok"], imported
    assert imported["scenario"]["municipalities"] == scenario["municipalities"]


@pytest.mark.parametrize("name", NAMES)
def test_check_refuses_a_scenario_the_editor_cannot_show(name):
    assert call(calculator=name, action="check", scenario={"municipalities": [1, 2]})["ok"] is False
    assert call(calculator=name, action="check", scenario=[])["ok"] is False
    other = [n for n in NAMES if n != name][0]
    wrong = call(calculator=name, action="check", scenario={"calculator": other})
    assert wrong["errors"][0]["field"] == "calculator"
    default = call(calculator=name, action="default")["scenario"]
    assert call(calculator=name, action="check", scenario=default) == {
        "ok": True,
        "calculator": name,
    }


def test_unknown_region_is_answered_in_dutch():
    response = call(calculator="spreiding", action="default", region="Atlantis")
    assert response["errors"][0]["field"] == "region"
    assert "Kies uit" in response["errors"][0]["message"]
