"""Solidariteit: the pool, the shared result, the net costs and the solidarity effect, worked
by hand; properties (everything reconciles to the cent); every bad input answered in Dutch at
its field. Runs in CPython and inside Pyodide."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import fields
from calculators.core.entry import handle
from calculators.core.key import shares
from calculators.solidariteit import Scenario
from calculators.solidariteit import compute as typed_compute

# Three municipalities. Worked by hand, independently of the code:
#   pool        = 1.000.000 + 2.000.000 + 7.000.000                      = 10.000.000
#   care        = 8.500.000
#   operating   = 300.000 + 200.000 + 100.000 + 150.000 + 50.000         =    800.000
#   innovation  = 2 % of 10.000.000                                      =    200.000
#   result      = 10.000.000 - 8.500.000 - 800.000 - 200.000             =   +500.000
# Key 2019 (25 % inwoners 18+, 75 % gebruik):
#   18+ shares      8.000 : 16.000 : 56.000 = 0,1 : 0,2 : 0,7
#   gebruik shares  10 : 10 : 80            = 0,1 : 0,1 : 0,8
#   A = 0,25·0,1 + 0,75·0,1 = 0,1
#   B = 0,25·0,2 + 0,75·0,1 = 0,125
#   C = 0,25·0,7 + 0,75·0,8 = 0,775
# Part of the result: A 50.000, B 62.500, C 387.500 (sum 500.000).
# Net cost = inleg - part: A 950.000, B 1.937.500, C 6.612.500 (sum 9.500.000 = all costs).
# Without solidarity: own clients + the key's part of operating (1.000.000):
#   A 500.000 + 100.000 = 600.000; B 700.000 + 125.000 = 825.000; C 7.300.000 + 775.000 = 8.075.000
# Effect = without - with: A -350.000, B -1.112.500, C +1.462.500 (sum 0).
BASE = {
    "calculator": "solidariteit",
    "version": 1,
    "title": "Handberekening",
    "municipalities": [
        {
            "name": name,
            "values": {
                "inwoners": str(inhabitants),
                "inwoners_18plus": str(adults),
                "gebruik": str(clients),
                "inleg": str(inleg),
                "zeggenschap": "1",
                "eigen_kosten": str(own),
            },
        }
        for name, inhabitants, adults, clients, inleg, own in (
            ("A", 10000, 8000, 10, 1_000_000, 500_000),
            ("B", 20000, 16000, 10, 2_000_000, 700_000),
            ("C", 70000, 56000, 80, 7_000_000, 7_300_000),
        )
    ],
    "costs": {
        "zorgkosten": "8500000",
        "relatiemanagement": "300000",
        "inkoop": "200000",
        "monitoring": "100000",
        "kwaliteitsbewaking": "150000",
        "transferpunt": "50000",
    },
    "innovation_percent": "2",
    "key": {
        "label": "Kandidaat 2019",
        "preset": "kandidaat-2019",
        "weights": {"inwoners_18plus": "25", "gebruik": "75"},
    },
}


def compute(scenario: dict) -> dict:
    request = {"calculator": "solidariteit", "action": "compute", "scenario": scenario}
    return json.loads(handle(json.dumps(request)))


def result(scenario: dict) -> dict:
    response = compute(scenario)
    assert response["ok"], response
    return response["result"]


def errors(scenario: dict) -> list[tuple[str, str]]:
    response = compute(scenario)
    assert response["ok"] is False, response
    return [(e["field"], e["message"]) for e in response["errors"]]


def changed(**fields) -> dict:
    return {**copy.deepcopy(BASE), **fields}


def column(r: dict, field: str) -> dict[str, int]:
    return {row["name"]: row[field]["cents"] for row in r["rows"]}


def euro(amount: float | int) -> int:
    return round(amount * 100)


def test_the_pool_and_its_result_by_hand():
    r = result(BASE)
    assert r["pool"]["cents"] == euro(10_000_000)
    assert r["care"]["cents"] == euro(8_500_000)
    assert r["innovation"]["cents"] == euro(200_000)
    assert r["operating"]["cents"] == euro(1_000_000)
    assert (r["result"]["cents"], r["kind"]) == (euro(500_000), "overschot")
    assert r["result"]["display"] == "€ 500.000,00"
    assert column(r, "result") == {"A": euro(50_000), "B": euro(62_500), "C": euro(387_500)}
    assert column(r, "net") == {"A": euro(950_000), "B": euro(1_937_500), "C": euro(6_612_500)}
    # Net per inhabitant: 950.000 / 10.000 = 95; 1.937.500 / 20.000 = 96,875 → 96,88.
    assert [row["net_per_inhabitant"]["display"] for row in r["rows"]][:2] == ["€ 95,00", "€ 96,88"]
    assert [row["share_display"] for row in r["rows"]] == ["10,00 %", "12,50 %", "77,50 %"]


def test_what_solidarity_costs_or_brings_by_hand():
    r = result(BASE)
    assert r["compared"] is True
    assert column(r, "alone") == {"A": euro(600_000), "B": euro(825_000), "C": euro(8_075_000)}
    assert column(r, "effect") == {"A": euro(-350_000), "B": euro(-1_112_500), "C": euro(1_462_500)}
    assert r["totals"]["effect"]["cents"] == 0


def test_a_deficit_of_one_euro_over_three_equal_shares_and_a_half_cent():
    # Inleg 400 + 300 + 300 = 1.000,00 euro = 100.000 cents.
    # Innovation 0,0015 % of 100.000 cents = 1,5 cents → half up → 2 cents.
    # Result = 100.000 - 90.000 (care) - 10.098 (inkoop) - 2 = -100 cents.
    # Equal criteria → each share 1/3 → -33,33… cents each: floors -33, one cent left over;
    # equal remainders and quotas → the name decides: A gets it. Parts -34, -33, -33.
    scenario = changed(
        costs={"zorgkosten": "900", "inkoop": "100,98"},
        innovation_percent="0,0015",
    )
    for row, inleg in zip(scenario["municipalities"], ("400", "300", "300"), strict=True):
        row["values"] |= {"inleg": inleg, "inwoners_18plus": "800", "gebruik": "5"}
        row["values"]["eigen_kosten"] = ""
    r = result(scenario)
    assert r["innovation"]["cents"] == 2
    assert (r["result"]["cents"], r["kind"]) == (-100, "tekort")
    assert column(r, "result") == {"A": -34, "B": -33, "C": -33}
    assert column(r, "net") == {"A": 40034, "B": 30033, "C": 30033}
    assert r["compared"] is False and r["totals"]["own"] is None


def test_a_pool_that_exactly_covers_its_costs():
    scenario = changed(innovation_percent="")
    scenario["costs"]["zorgkosten"] = "9200000"  # 10.000.000 - 800.000
    r = result(scenario)
    assert (r["result"]["cents"], r["kind"]) == (0, "sluitend")
    assert column(r, "result") == {"A": 0, "B": 0, "C": 0}


def test_own_costs_that_do_not_add_up_to_the_care_costs_are_flagged():
    scenario = changed()
    scenario["costs"]["zorgkosten"] = "8400000"
    response = compute(scenario)
    assert response["ok"]
    fields = {w["field"]: w["message"] for w in response["warnings"]}
    assert "€ 8.500.000,00" in fields["costs.zorgkosten"]
    # The effects then add up to Σ own - care = 8.500.000 - 8.400.000.
    assert response["result"]["totals"]["effect"]["cents"] == euro(100_000)


def test_own_costs_for_some_municipalities_only():
    scenario = changed()
    scenario["municipalities"][1]["values"]["eigen_kosten"] = ""
    response = compute(scenario)
    assert response["ok"]
    assert [row["effect"] is None for row in response["result"]["rows"]] == [False, True, False]
    assert any("2 van de 3" in w["message"] for w in response["warnings"])


def test_same_result_through_the_typed_api():
    typed = typed_compute(fields.parse(Scenario, BASE))["result"]
    assert typed == result(BASE)


def test_export_has_inputs_results_and_a_total_row():
    response = json.loads(
        handle(json.dumps({"calculator": "solidariteit", "action": "export_csv", "scenario": BASE}))
    )
    lines = response["text"].lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Gemeente;Inwoners;")
    assert lines[1].split(";")[-5:] == [
        "10,0000",
        "50000,00",
        "950000,00",
        "600000,00",
        "-350000,00",
    ]
    assert lines[-1].startswith("Totaal;100000;") and lines[-1].endswith(";0,00")


# ------------------------------------------------------------------ properties

AMOUNT = st.integers(min_value=0, max_value=10**11)  # cents


def cents_text(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


@st.composite
def scenarios(draw) -> dict:
    n = draw(st.integers(min_value=1, max_value=8))
    rows = []
    for i in range(n):
        own = draw(st.none() | AMOUNT)
        rows.append(
            {
                "name": f"Gemeente {i}",
                "values": {
                    "inwoners": str(draw(st.integers(1, 10**6))),
                    "inwoners_18plus": str(draw(st.integers(1, 10**6))),
                    "gebruik": str(draw(st.integers(1, 10**4))),
                    "inleg": cents_text(draw(AMOUNT)),
                    "zeggenschap": str(draw(st.integers(1, 5))),
                    "eigen_kosten": "" if own is None else cents_text(own),
                },
            }
        )
    weights = draw(st.lists(st.integers(0, 100), min_size=4, max_size=4))
    criteria = ("inwoners", "inwoners_18plus", "gebruik", "zeggenschap")
    key = dict(zip(criteria, weights, strict=True))
    key["inleg"] = 0
    key[draw(st.sampled_from(criteria))] += 100 * len(key) - sum(key.values())
    return {
        "municipalities": rows,
        "costs": {cid: cents_text(draw(AMOUNT)) for cid in BASE["costs"]},
        "innovation_percent": str(draw(st.decimals(0, 100, places=4))).replace(".", ","),
        "key": {
            "weights": {k: str(Decimal(v) / len(key)).replace(".", ",") for k, v in key.items()}
        },
    }


@settings(max_examples=60, deadline=None, database=None)
@given(scenarios())
def test_everything_reconciles_to_the_cent(scenario):
    r = result(scenario)
    rows = r["rows"]
    pool = sum(row["inleg"]["cents"] for row in rows)
    lines = sum(line["cents"] for line in r["lines"])
    assert r["pool"]["cents"] == pool
    assert r["result"]["cents"] == pool - lines - r["innovation"]["cents"]
    assert sum(row["result"]["cents"] for row in rows) == r["result"]["cents"]
    assert sum(row["net"]["cents"] for row in rows) == r["costs"]["cents"]
    assert r["totals"]["net"]["cents"] == r["costs"]["cents"]
    own = [row["own"] for row in rows]
    if None not in own:
        expected = sum(o["cents"] for o in own) - r["care"]["cents"]
        assert r["totals"]["effect"]["cents"] == expected


@settings(max_examples=60, deadline=None, database=None)
@given(scenarios())
def test_parts_stay_within_a_cent_of_the_exact_share(scenario):
    parsed = fields.parse(Scenario, scenario)
    r = typed_compute(parsed)["result"]
    exact = shares(parsed.municipalities, parsed.key)
    assert sum(exact.values()) == 1
    for row in r["rows"]:
        assert abs(row["result"]["cents"] - exact[row["name"]] * r["result"]["cents"]) < 1
        assert isinstance(row["result"]["cents"], int)
    exact_innovation = Fraction(r["pool"]["cents"]) * Fraction(parsed.innovation_percent) / 100
    assert abs(r["innovation"]["cents"] - exact_innovation) <= Fraction(1, 2)


# ------------------------------------------------------------------ bad input


def with_value(row: int, column_id: str, value: object) -> dict:
    scenario = changed()
    scenario["municipalities"][row]["values"][column_id] = value
    return scenario


@pytest.mark.parametrize(
    ("scenario", "field", "words"),
    [
        (with_value(1, "inleg", "veel"), "municipalities[1].values.inleg", ("getal", "‘Inleg")),
        (with_value(0, "inleg", "12,345"), "municipalities[0].values.inleg", ("2 cijfers",)),
        (
            with_value(2, "eigen_kosten", "1,001"),
            "municipalities[2].values.eigen_kosten",
            ("2 cijfers", "van C"),
        ),
        (with_value(0, "inleg", "-5"), "municipalities[0].values.inleg", ("negatief",)),
        (
            with_value(0, "inwoners", "0"),
            "municipalities[0].values.inwoners",
            ("groter zijn dan 0",),
        ),
        (with_value(1, "gebruik", "2,5"), "municipalities[1].values.gebruik", ("heel getal",)),
        (with_value(1, "inleg", ""), "municipalities[1].values.inleg", ("leeg",)),
        (changed(costs={"inkoop": "-1"}), "costs.inkoop", ("negatief", "Inkoop")),
        (changed(costs={"huur": "10"}), "costs.huur", ("kent de rekenhulp niet",)),
        (changed(costs=[1, 2]), "costs", ("object",)),
        (changed(costs={"zorgkosten": "1,234"}), "costs.zorgkosten", ("2 cijfers",)),
        (changed(innovation_percent="150"), "innovation_percent", ("te groot",)),
        (changed(innovation_percent="veel"), "innovation_percent", ("getal",)),
        (
            changed(key={"weights": {"inwoners_18plus": "25", "gebruik": "65"}}),
            "key.weights",
            ("90 %", "100 %"),
        ),
        (
            changed(key={"weights": {"eigen_kosten": "100"}}),
            "key.weights.eigen_kosten",
            ("bestaat", "niet"),
        ),
        (
            changed(key={"preset": "geheim", "weights": {"inwoners": "100"}}),
            "key.preset",
            ("bestaat",),
        ),
        (changed(municipalities=[]), "municipalities", ("leeg",)),
        (changed(extra=1), "extra", ("kent de rekenhulp niet",)),
        (changed(calculator="spreiding"), "calculator", ("spreiding",)),
    ],
)
def test_bad_input_is_answered_in_dutch_at_its_field(scenario, field, words):
    found = dict(errors(scenario))
    assert field in found, found
    for word in words:
        assert word in found[field], found[field]


def test_a_criterion_that_is_zero_everywhere_cannot_share_anything():
    scenario = changed()
    for row in scenario["municipalities"]:
        row["values"]["gebruik"] = "0"
    found = dict(errors(scenario))
    assert "bij alle gemeenten 0" in found["key.weights.gebruik"]


def test_duplicate_municipalities_and_every_problem_at_once():
    scenario = changed(innovation_percent="-1")
    scenario["municipalities"][2]["name"] = " a "
    scenario["municipalities"][0]["values"]["inleg"] = "1,001"
    fields = [f for f, _ in errors(scenario)]
    assert "innovation_percent" in fields
    assert "municipalities[2].name" in fields
    assert "municipalities[0].values.inleg" in fields


def test_an_empty_pool_is_a_warning_not_an_error():
    scenario = changed(key={"weights": {"inwoners": "100"}}, costs={}, innovation_percent="")
    for row in scenario["municipalities"]:
        row["values"]["inleg"] = "0"
    response = compute(scenario)
    assert response["ok"] and response["result"]["kind"] == "sluitend"
    assert any("pot is leeg" in w["message"] for w in response["warnings"])


def test_messages_quote_the_label_the_form_shows():
    shown = {}
    for control in fields.form(Scenario):
        for c in control.get("controls", [control]):
            shown[c.get("path")] = c.get("label")
    scenario = changed(title=5, innovation_percent="veel", costs={"inkoop": "veel"})
    found = dict(errors(scenario))
    for path in ("title", "innovation_percent", "costs.inkoop"):
        assert f"‘{shown[path]}’" in found[path], found[path]
    assert "‘Innovatiebudget, in procenten van de pot’" in found["innovation_percent"]
