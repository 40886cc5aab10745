"""Spreiding: targets, gaps, the yearly path and the friction budget, worked by hand; every
bad input answered in Dutch at its field. Runs in CPython and inside Pyodide."""

from __future__ import annotations

import copy
import json

import pytest

from calculators.core.entry import handle

BASE = {
    "calculator": "spreiding",
    "version": 1,
    "title": "Handberekening",
    "facility": "beschermd-wonen",
    "municipalities": [
        {"name": "A", "values": {"inwoners": "1000", "clienten": "10", "plaatsen": "0"}},
        {"name": "B", "values": {"inwoners": "3000", "clienten": "10", "plaatsen": "0"}},
        {"name": "C", "values": {"inwoners": "6000", "clienten": "80", "plaatsen": "10"}},
    ],
    "key": {"label": "Inwoners", "weights": {"inwoners": "100", "clienten": "0"}},
    "method": "grootste-overschot",
    "total_mode": "current",
    "path_mode": "years",
    "years": "2",
    "start_year": "2022",
}
# The D'Hondt example of Wikipedia ("D'Hondt method": 100 000, 80 000, 30 000 and 20 000
# votes, 8 seats), scaled down to inhabitants; all 8 places sit in A today.
WIKIPEDIA = {
    **BASE,
    "municipalities": [
        {"name": n, "values": {"inwoners": str(v), "clienten": "1", "plaatsen": str(p)}}
        for n, v, p in (("A", 100000, 8), ("B", 80000, 0), ("C", 30000, 0), ("D", 20000, 0))
    ],
}


def compute(scenario: dict) -> dict:
    return json.loads(
        handle(json.dumps({"calculator": "spreiding", "action": "compute", "scenario": scenario}))
    )


def result(scenario: dict) -> dict:
    response = compute(scenario)
    assert response["ok"], response
    return response["result"]


def targets(r: dict) -> dict[str, int]:
    return {row["name"]: row["target"] for row in r["rows"]}


def errors(scenario: dict) -> list[tuple[str, str]]:
    response = compute(scenario)
    assert response["ok"] is False, response
    return [(e["field"], e["message"]) for e in response["errors"]]


def changed(base: dict = BASE, **fields) -> dict:
    return {**copy.deepcopy(base), **fields}


def test_targets_by_inhabitants_and_the_path_by_hand():
    r = result(BASE)
    # 10 places over 1000 : 3000 : 6000 → exactly 1, 3 and 6.
    assert targets(r) == {"A": 1, "B": 3, "C": 6}
    assert [row["gap"] for row in r["rows"]] == [1, 3, -4]
    assert (r["moved"], r["removed"], r["total"]) == (4, 4, 10)
    # Year 1: half of the 4 gains (D'Hondt on 1 : 3 gives both to B) and half of the 4 losses.
    assert [(y["year"], y["places"], y["moved"]) for y in r["years"]] == [
        (2023, {"A": 0, "B": 2, "C": 8}, 2),
        (2024, {"A": 1, "B": 3, "C": 6}, 2),
    ]


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        # 10 · 10/100 = 1, 1, 8.
        ({"inwoners": "0", "clienten": "100"}, {"A": 1, "B": 1, "C": 8}),
        # A: ½ · 0,1 + ½ · 0,1 = 0,1; B: ½ · 0,3 + ½ · 0,1 = 0,2; C: ½ · 0,6 + ½ · 0,8 = 0,7.
        ({"inwoners": "50", "clienten": "50"}, {"A": 1, "B": 2, "C": 7}),
    ],
)
def test_other_bases(weights, expected):
    scenario = changed(key={"label": "x", "weights": weights})
    assert targets(result(scenario)) == expected


def test_methods_disagree_as_in_the_textbook():
    r = result(WIKIPEDIA)
    by_method = {row["name"]: row["by_method"] for row in r["rows"]}
    assert {m: [by_method[n][m] for n in "ABCD"] for m in by_method["A"]} == {
        "grootste-overschot": [3, 3, 1, 1],
        "dhondt": [4, 3, 1, 0],
        "sainte-lague": [3, 3, 1, 1],
    }
    assert r["disagree"] == ["A", "D"]
    assert targets(result(changed(WIKIPEDIA, method="dhondt"))) == {"A": 4, "B": 3, "C": 1, "D": 0}


def test_minimum_is_kept_and_the_total_stays_exact():
    scenario = changed(WIKIPEDIA)
    scenario["municipalities"][0]["values"]["minimum"] = "5"
    # A is held at 5; 3 places over 80 : 30 : 20 → 1,85 0,69 0,46 → 1 0 0, then the two
    # largest remainders (B, C) → 2 1 0.
    assert targets(result(scenario)) == {"A": 5, "B": 2, "C": 1, "D": 0}


def test_infeasible_bounds_name_the_municipalities():
    scenario = changed(WIKIPEDIA)
    scenario["municipalities"][0]["values"]["minimum"] = "5"
    scenario["municipalities"][1]["values"]["minimum"] = "4"
    [(field, message)] = errors(scenario)
    assert field == "municipalities"
    assert "minimums van A, B zijn samen meer dan het totaal van 8 plaatsen" in message


def test_decline_per_year():
    scenario = changed(WIKIPEDIA, total_mode="decline", decline_per_year="1")
    r = result(scenario)
    # 6 places over 100 : 80 : 30 : 20 → 2,61 2,09 0,78 0,52 → 2 2 0 0, then C and A.
    assert targets(r) == {"A": 3, "B": 2, "C": 1, "D": 0}
    assert [y["total"] for y in r["years"]] == [7, 6]


def test_max_moves_per_year_sets_the_number_of_years():
    scenario = changed(WIKIPEDIA, path_mode="max_moves", max_moves_per_year="2")
    r = result(scenario)
    # Gains B 3, C 1, D 1 = 5 places; at most 2 a year → 3 years.
    assert [y["year"] for y in r["years"]] == [2023, 2024, 2025]
    assert all(y["moved"] <= 2 for y in r["years"])
    assert r["years"][-1]["places"] == targets(r)


def test_friction_budget():
    r = result(changed(WIKIPEDIA, cost_per_move="12500,50"))
    assert r["friction"] == {"cost_display": "€ 12.500,50", "budget_display": "€ 62.502,50"}


def test_expansion_is_warned_about():
    response = compute(changed(BASE, total_mode="fixed", total_places="12"))
    assert response["ok"]
    assert any("uitbreiding" in w["message"] for w in response["warnings"])


def test_default_scenario_is_the_258_places_over_14_municipalities():
    response = json.loads(handle(json.dumps({"calculator": "spreiding", "action": "default"})))
    scenario = response["scenario"]
    assert len(scenario["municipalities"]) == 14
    assert sum(int(m["values"]["plaatsen"]) for m in scenario["municipalities"]) == 258
    assert "Voorbeeldcijfers, geen echte cijfers: ‘Cliënten" in response["notice"]
    r = result(scenario)
    assert sum(targets(r).values()) == r["total"] == 258


@pytest.mark.parametrize(
    ("change", "field", "phrase"),
    [
        ({"facility": "gevangenis"}, "facility", "Kies uit"),
        ({"path_mode": "max_moves", "total_mode": "decline", "decline_per_year": "1",
          "max_moves_per_year": "5"},
         "decline_per_year", "vast aantal jaren"),
        ({"years": "0"}, "years", "groter dan 0"),
        ({"years": "2,5"}, "years", "heel getal"),
        ({"total_mode": "fixed"}, "total_places", "het veld is nu leeg"),
        ({"method": "loting"}, "method", "Kies uit"),
        ({"version": "1"}, "version", "zonder aanhalingstekens"),
    ],
)  # fmt: skip
def test_bad_settings_get_a_dutch_message_at_their_field(change, field, phrase):
    found = errors(changed(BASE, **change))
    assert any(f == field and phrase in m for f, m in found), found


def test_bad_table_values():
    scenario = changed(BASE)
    scenario["municipalities"][0]["values"]["plaatsen"] = "2,5"
    scenario["municipalities"][1]["values"]["inwoners"] = "-3"
    found = dict(errors(scenario))
    assert "heel getal" in found["municipalities[0].values.plaatsen"]
    assert "negatief" in found["municipalities[1].values.inwoners"]


def test_a_basis_that_is_zero_everywhere():
    scenario = changed(BASE, key={"label": "x", "weights": {"clienten": "100"}})
    for row in scenario["municipalities"]:
        row["values"]["clienten"] = "0"
    [(field, message)] = errors(scenario)
    assert field == "key.weights.clienten" and "bij alle gemeenten 0" in message


def test_decline_below_zero():
    found = errors(changed(BASE, total_mode="decline", decline_per_year="6"))
    assert found[0][0] == "decline_per_year" and "geen plaatsen meer over" in found[0][1]


def test_csv_round_trip_and_export():
    request = {"calculator": "spreiding", "action": "export_csv", "scenario": BASE}
    exported = json.loads(handle(json.dumps(request)))
    lines = exported["text"].lstrip("\ufeff").splitlines()
    assert lines[0] == "Gemeente;Inwoners;Cliënten;Plaatsen nu;Doel;Verschil;Jaar 2023;Jaar 2024"
    assert lines[1:] == ["A;1000;10;0;1;1;0;1", "B;3000;10;0;3;3;2;3", "C;6000;80;10;6;-4;8;6",
                         "Totaal;10000;100;10;10;0;10;10"]  # fmt: skip
    request = {"calculator": "spreiding", "action": "import_csv", "scenario": BASE,
               "text": exported["text"], "mode": "replace"}  # fmt: skip
    imported = json.loads(handle(json.dumps(request)))
    assert imported["ok"], imported
    assert "overgeslagen kolommen: Doel, Verschil, Jaar 2023, Jaar 2024" in imported["summary"]
    assert [m["values"]["plaatsen"] for m in imported["scenario"]["municipalities"]] == [
        "0",
        "0",
        "10",
    ]


def test_any_region_can_be_the_start():
    for region, names in (
        ("leidse-regio", ["Leiden", "Leiderdorp", "Oegstgeest", "Voorschoten", "Zoeterwoude"]),
        ("maastricht-heuvelland", ["Maastricht", "Eijsden-Margraten", "Gulpen-Wittem",
                                   "Meerssen", "Vaals", "Valkenburg a/d Geul"]),
    ):  # fmt: skip
        request = {"calculator": "spreiding", "action": "region", "scenario": BASE,
                   "region": region}  # fmt: skip
        response = json.loads(handle(json.dumps(request)))
        assert [m["name"] for m in response["scenario"]["municipalities"]] == names
        assert response["scenario"]["years"] == BASE["years"]  # other settings kept
        assert result(response["scenario"])["total"] > 0


def test_a_path_of_more_than_100_years_is_refused_at_the_maximum_per_year():
    # 100 000 places with at most 1 a year would be a table of 100 000 years.
    scenario = changed(
        WIKIPEDIA,
        municipalities=[
            {"name": "A", "values": {"inwoners": "1", "clienten": "1", "plaatsen": "100000"}},
            {"name": "B", "values": {"inwoners": "1", "clienten": "1", "plaatsen": "0"}},
        ],
        path_mode="max_moves",
        max_moves_per_year="1",
    )
    assert errors(scenario) == [
        (
            "max_moves_per_year",
            "Met hoogstens 1 plaats per jaar duurt het verplaatsen 50000 jaar; de rekenhulp "
            "maakt een tijdpad van hoogstens 100 jaar. Vul bij ‘Hoogstens te verplaatsen "
            "plaatsen per jaar’ minstens 500 in.",
        )
    ]
    scenario["max_moves_per_year"] = "500"
    assert len(result(scenario)["years"]) == 100
