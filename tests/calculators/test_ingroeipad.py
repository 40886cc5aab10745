"""Ingroeipad: cases worked by hand (the issue's two reproducers of the cap among them),
properties (yearly totals exact; with the cap every step within it and only towards the
objective, never past it; α monotone in [0, 1] or refused), bad input answered in Dutch at
its field, and the Leidse Regio's Bijlage 2 figures checked against the source text. Runs in
CPython and in Pyodide.
"""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators.catalogue import site
from calculators.core import fields
from calculators.core.apportion import largest_remainder
from calculators.core.entry import handle
from calculators.ingroeipad import Scenario
from calculators.ingroeipad.compute import apportion_cents, capped_step
from calculators.render.page import handle_page

FAST = settings(max_examples=60, deadline=None, database=None)
SCHEDULE_LABEL = fields.inputs(Scenario)["alpha_schedule"].label

# A is the centrumgemeente: it has the whole budget of € 1.000 today.
HAND = {
    "calculator": "ingroeipad",
    "version": 1,
    "title": "Handberekening",
    "municipalities": [
        {"name": "A", "values": {"inwoners": "1000", "historisch": "1000", "objectief": "200"}},
        {"name": "B", "values": {"inwoners": "2000", "historisch": "0", "objectief": "500"}},
        {"name": "C", "values": {"inwoners": "1000", "historisch": "0", "objectief": "300"}},
    ],
    "budget": "",
    "first_year": "2022",
    "alpha_mode": "linear",
    "years": "2",
    "cap": None,
}


REQUEST = {"calculator": "ingroeipad", "action": "compute"}


def compute(scenario: dict) -> dict:
    return json.loads(handle(json.dumps({**REQUEST, "scenario": scenario})))


def result(scenario: dict) -> dict:
    response = compute(scenario)
    assert response["ok"], response
    return response["result"]


def euros(r: dict) -> dict[str, list[int]]:
    """Whole euros per municipality per year (year 0 first); only for amounts in whole euros."""
    assert all(c % 100 == 0 for x in r["rows"] for c in x["amounts"])
    return {x["name"]: [c // 100 for c in x["amounts"]] for x in r["rows"]}


def errors(scenario: dict) -> list[tuple[str, str]]:
    response = compute(scenario)
    assert response["ok"] is False, response
    return [(e["field"], e["message"]) for e in response["errors"]]


# ------------------------------------------------------------------------- worked by hand


def test_linear_path_without_cap_by_hand():
    # Budget = Σ objectief = 200 + 500 + 300 = € 1.000. Shares: historical A 1, B 0, C 0;
    # objective A 0,2, B 0,5, C 0,3. Two years, α = 1/2 and 2/2.
    # 2022 (α = ½): A = 1000·(½·1 + ½·0,2) = 600; B = 1000·½·0,5 = 250; C = 1000·½·0,3 = 150.
    # 2023 (α = 1): the objective distribution 200, 500, 300.
    r = result(HAND)
    assert r["years"] == [2021, 2022, 2023]
    assert r["alphas"] == ["50,0 %", "100,0 %"]
    assert euros(r) == {"A": [1000, 600, 200], "B": [0, 250, 500], "C": [0, 150, 300]}
    assert r["totals"] == ["€ 1.000,00"] * 3
    assert r["reached"] is True
    a, b, c = r["rows"]
    # A: 200 / 1000 inhabitants = € 0,20; change 200 - 1000 = -800, per inhabitant -0,80.
    assert (a["final_per_inhabitant"], a["change_per_inhabitant"]) == ("€ 0,20", "-€ 0,80")
    assert (a["kind"], b["kind"], c["kind"]) == ("nadeel", "voordeel", "voordeel")
    # B: 500 / 2000 = € 0,25; largest step 250 / 2000 = € 0,125, rounded half up € 0,13.
    assert (b["final_per_inhabitant"], b["largest_step_per_inhabitant"]) == ("€ 0,25", "€ 0,13")


def test_cap_holds_back_and_the_other_side_moves_as_much_by_hand():
    # Cap € 0,25 per inhabitant per year: A may move 25000 cents, B 50000, C 25000.
    # 2022: targets A 60000, B 25000, C 15000 (cents). Room: A -40000, cut to -25000; B +25000;
    #   C +15000. Gainers could take 40000, A can give 25000: 25000 moves. A gives all of it
    #   (75000); B and C share 25000 as 25000 : 15000, so B 15625 and C 9375.
    # 2023: targets = the objective 20000, 50000, 30000. Room: A -55000, cut to -25000;
    #   B +34375; C +20625. Again 25000 moves: A 50000; B and C share it as 34375 : 20625,
    #   B +15625 = 31250, C +9375 = 18750. Not reached: A € 300 too much, B € 187,50 and
    #   C € 112,50 too little. A needs ⌈30000/25000⌉ = 2 more years: 2025 at the earliest.
    scenario = {**HAND, "cap": {"per_inhabitant": "0,25"}}
    response = compute(scenario)
    r = response["result"]
    assert [x["amounts"] for x in r["rows"]] == [
        [100000, 75000, 50000],
        [0, 15625, 31250],
        [0, 9375, 18750],
    ]
    assert r["totals"] == ["€ 1.000,00"] * 3
    assert (r["reached"], r["reached_year"], r["off_count"]) == (False, 2025, 3)
    assert r["off_display"] == "€ 300,00"
    # Each year every amount stayed short of its target: A by its own cap, B and C by A's.
    assert [x["held_years"] for x in r["rows"]] == [2, 2, 2]
    assert r["rows"][0]["largest_step_per_inhabitant"] == "€ 0,25"
    [warning] = response["warnings"]
    assert warning["field"] == "cap.per_inhabitant"
    assert "2023 niet." in warning["message"] and "op zijn vroegst in 2025" in warning["message"]
    # Two more years of the same rule reach it, as the bound says. 2024: room A -30000 cut to
    # -25000, B +18750, C +11250: 25000 moves, A 25000, B +15625 = 46875, C +9375 = 28125.
    # 2025: room A -5000, B +3125, C +1875: everyone reaches the objective.
    longer = result({**scenario, "years": "4", "alpha_mode": "schedule",
                     "alpha_schedule": "50; 100; 100; 100"})  # fmt: skip
    assert [x["amounts"][3:] for x in longer["rows"]] == [
        [25000, 20000],
        [46875, 50000],
        [28125, 30000],
    ]


def reproducer(inhabitants, hist, obj) -> dict:
    rows = [
        {"name": n, "values": {"inwoners": str(k), "historisch": str(h), "objectief": str(o)}}
        for n, k, h, o in zip("ABC", inhabitants, hist, obj, strict=True)
    ]
    scenario = {**HAND, "municipalities": rows, "years": "1", "cap": {"per_inhabitant": "10"}}
    return {x["name"]: (x["amounts"], x["kind"]) for x in result(scenario)["rows"]}


def test_what_the_cap_holds_back_never_pushes_anyone_away_from_their_objective():
    # The first reproducer. Budget = Σ objectief = € 50.000 = 5.000.000 cents.
    # Now: 20000 : 100000 : 20000 = 1 : 5 : 1 gives 714285,71, 3571428,57 and 714285,71; the
    #   two cents left go to the largest remainders A and C: 714286, 3571428, 714286.
    # Objective: A 0, B 0, C 5.000.000. Caps € 10 per inhabitant: A 1.000.000, B 2.000.000,
    #   C 1.000.000 cents. Room: A -714286 (its whole way to 0), B -2.000.000 (cut),
    #   C +1.000.000 (cut). C can take 1.000.000, A and B can give 2.714.286: 1.000.000 moves.
    # C gets all of it: 1.714.286. A and B give it as 714286 : 2.000.000; the quotas are
    #   263157,97 and 736842,03, the cent left goes to A's larger remainder: A gives 263158
    #   (451128 left), B 736842 (2834586 left). A goes down towards its € 0: nadeel. (The old
    #   rule gave A 1.095.238 cents and called it voordeel.)
    assert reproducer((1000, 2000, 1000), (20000, 100000, 20000), (0, 0, 50000)) == {
        "A": ([714286, 451128], "nadeel"),
        "B": ([3571428, 2834586], "nadeel"),
        "C": ([714286, 1714286], "voordeel"),
    }


def test_one_at_its_lower_cap_and_one_at_its_upper_cap_in_the_same_year():
    # The second reproducer. Budget = Σ objectief = € 30.000 = 3.000.000 cents.
    # Now: 50000 : 0 : 20000 gives 2142857,14, 0 and 857142,86; the cent left goes to C:
    #   2142857, 0, 857143. Objective: 0, 1.000.000, 2.000.000. Caps: 1.000.000 cents each.
    # Room: A -1.000.000 (cut from -2142857), B +1.000.000 (exactly its way), C +1.000.000
    #   (cut from +1142857). A can give 1.000.000, B and C could take 2.000.000: 1.000.000
    #   moves. A gives all of it (1142857); B and C share it 1 : 1, 500.000 each.
    assert reproducer((1000, 1000, 1000), (50000, 0, 20000), (0, 10000, 20000)) == {
        "A": ([2142857, 1142857], "nadeel"),
        "B": ([0, 500000], "voordeel"),
        "C": ([857143, 1357143], "voordeel"),
    }


def test_cents_follow_largest_remainder_and_its_tie_rule():
    # € 100 over three equal objective amounts: 3333⅓ cents each. Remainders, then quotas are
    # equal, so the name decides: A gets the cent that is left.
    rows = [
        {"name": n, "values": {"inwoners": "10", "historisch": h, "objectief": "1"}}
        for n, h in (("C", "0"), ("A", "5"), ("B", "0"))
    ]
    r = result({**HAND, "municipalities": rows, "budget": "100", "years": "1"})
    assert [x["amounts"][-1] for x in r["rows"]] == [3333, 3334, 3333]
    assert largest_remainder(10000, {"C": 1, "A": 1, "B": 1}) == {"C": 3333, "A": 3334, "B": 3333}


def test_default_is_linear_over_ten_years_from_2022_without_a_cap():
    # α_t = t/10: the first step is in 2022 and 2031 is fully objective. The advice's € 15 is
    # no yearly cap, so the default has none and reaches the objective distribution in 2031.
    response = compute(fields.example(Scenario))
    r = response["result"]
    assert r["years"] == list(range(2021, 2032))
    assert r["alphas"] == [f"{t}0,0 %" for t in range(1, 10)] + ["100,0 %"]
    assert (r["cap_display"], r["reached"], response["warnings"]) == (None, True, [])
    assert all(x["held_years"] == 0 for x in r["rows"])
    html = json.loads(handle_page(json.dumps({**REQUEST, "scenario": fields.example(Scenario)})))
    assert "heeft geen grens" in html["html"] and "op zijn vroegst" not in html["html"]
    assert "rekenhulp-eigen-keuze" not in html["html"]


def test_the_15_euro_cap_switched_on_is_labelled_as_the_calculators_own_choice():
    scenario = {**fields.example(Scenario), "cap": {"per_inhabitant": "15"}}
    r = result(scenario)
    venlo = next(x for x in r["rows"] if x["name"] == "Venlo")
    # Venlo (102.136 inhabitants, CBS 1-1-2022) may move 15 · 102.136 = € 1.532.040 a year.
    assert venlo["amounts"][0] - venlo["amounts"][1] == 153_204_000
    assert venlo["held_years"] == 10 and venlo["kind"] == "nadeel"
    html = json.loads(handle_page(json.dumps({**REQUEST, "scenario": scenario})))["html"]
    box = html[html.index('class="admonition info rekenhulp-eigen-keuze"') :]
    assert "Eigen keuze van de rekenhulp" in box and "hele gemeentefonds" in box
    assert "€ 15,00 per inwoner per jaar is dus een keuze van deze rekenhulp" in box


def test_own_schedule_and_its_warnings():
    r = result({**HAND, "alpha_mode": "schedule", "alpha_schedule": "25; 25 %; 80"})
    assert r["alphas"] == ["25,0 %", "25,0 %", "80,0 %"]
    # 2024 at 80 %: A = 1000·(0,2 + 0,8·0,2) = 360.
    assert euros(r)["A"] == [1000, 800, 800, 360]
    response = compute({**HAND, "alpha_mode": "schedule", "alpha_schedule": "25; 25; 80"})
    assert [w["field"] for w in response["warnings"]] == ["alpha_schedule"]
    assert "80,0 %" in response["warnings"][0]["message"]
    fractions = compute({**HAND, "alpha_mode": "schedule", "alpha_schedule": "0,5; 1"})
    assert any("1 is 1 %" in w["message"] for w in fractions["warnings"])


def test_historical_amounts_that_do_not_match_the_budget_are_used_as_a_ratio():
    scenario = copy.deepcopy(HAND)
    scenario["budget"] = "2000"
    response = compute(scenario)
    assert euros(response["result"])["A"] == [2000, 1200, 400]
    assert [w["field"] for w in response["warnings"]] == ["budget"]


# ------------------------------------------------------------------------------ properties


@st.composite
def scenarios(draw):
    n = draw(st.integers(1, 7))
    hist = draw(st.lists(st.integers(0, 10**9), min_size=n, max_size=n))
    obj = draw(st.lists(st.integers(0, 10**9), min_size=n, max_size=n))
    assume(sum(hist) > 0 and sum(obj) > 0)
    rows = [
        {
            "name": f"Gemeente {i}",
            "values": {
                "inwoners": str(draw(st.integers(1, 10**6))),
                "historisch": f"{hist[i] // 100},{hist[i] % 100:02d}",
                "objectief": f"{obj[i] // 100},{obj[i] % 100:02d}",
            },
        }
        for i in range(n)
    ]
    cap = draw(st.none() | st.integers(0, 20) | st.integers(0, 5000))  # small caps bind often
    scenario = {
        **HAND,
        "municipalities": rows,
        "years": str(draw(st.integers(1, 12))),
        "budget": draw(st.sampled_from(["", "1234567,89", "0,07"])),
        "cap": None if cap is None else {"per_inhabitant": f"{cap // 100},{cap % 100:02d}"},
    }
    return scenario, cap


def between(value: int, a: int, b: int) -> bool:
    return min(a, b) <= value <= max(a, b)


@FAST
@given(scenarios())
def test_every_year_adds_up_exactly_and_moves_only_towards_the_objective(drawn):
    # What holds, exactly in cents (no rounding cent anywhere):
    # - every year sums to the budget and no amount is negative;
    # - without a cap, year t is the exact amount rounded (largest remainder) and the last
    #   year (α = 1) is the objective distribution;
    # - with a cap, every step is at most cap · inhabitants, goes from last year's amount
    #   towards that year's amount without a cap and never past it, and never goes back or
    #   past the objective: each amount moves monotonically from historisch to objectief.
    scenario, cap = drawn
    r = result(scenario)
    free = r if cap is None else result({**scenario, "cap": None})
    budget = sum(x["amounts"][0] for x in r["rows"])
    for year in range(len(r["years"])):
        amounts = [x["amounts"][year] for x in r["rows"]]
        assert sum(amounts) == budget and min(amounts) >= 0
    if cap is None:
        assert r["reached"]
        return
    for x, uncapped in zip(r["rows"], free["rows"], strict=True):
        path, goal = x["amounts"], uncapped["amounts"][-1]  # linear: the last α is 100 %
        assert path[0] == uncapped["amounts"][0]
        for before, after, target in zip(path, path[1:], uncapped["amounts"][1:], strict=False):
            assert abs(after - before) <= cap * x["inhabitants"]
            assert between(after, before, goal) and between(after, before, target)


@FAST
@given(scenarios())
def test_a_cap_that_never_binds_changes_nothing(drawn):
    scenario, _ = drawn
    free = result({**scenario, "cap": None})
    capped = result({**scenario, "cap": {"per_inhabitant": "100000"}})
    for x in free["rows"]:
        path, goal = x["amounts"], x["amounts"][-1]
        steps_fit = all(abs(b - a) <= 10**7 * x["inhabitants"] for a, b in pairwise(path))
        if not steps_fit or not all(between(b, a, goal) for a, b in pairwise(path)):
            return  # the cap binds, or a rounding cent would step back: then they may differ
    assert [x["amounts"] for x in capped["rows"]] == [x["amounts"] for x in free["rows"]]


@FAST
@given(st.data())
def test_capped_step_moves_as_much_as_the_bounds_allow(data):
    k = data.draw(st.integers(1, 8))
    whole = st.lists(st.integers(0, 10**6), min_size=k, max_size=k)
    prev, raw_target, goal = data.draw(whole), data.draw(whole), data.draw(whole)
    assume(sum(raw_target) > 0)
    # A target with prev's total: raw_target split by largest remainder.
    keys = [f"G{i}" for i in range(k)]
    target = apportion_cents(keys, [sum(prev) * t for t in raw_target], sum(raw_target), sum(prev))
    limits = [data.draw(st.integers(0, 10**6)) for _ in range(k)]
    new = capped_step(keys, prev, target, goal, limits)
    assert sum(new) == sum(prev)
    for y, p, t, g, c in zip(new, prev, target, goal, limits, strict=True):
        assert abs(y - p) <= c and between(y, p, t) and between(y, p, g)
    # Room: towards the target, put between prev and goal, cut to the limit; the most that
    # can move is the smaller of what gainers can take and losers can give.
    room = [
        max(-c, min(c, min(max(t, min(p, g)), max(p, g)) - p))
        for p, t, g, c in zip(prev, target, goal, limits, strict=True)
    ]
    can = min(sum(r for r in room if r > 0), -sum(r for r in room if r < 0))
    assert sum(abs(y - p) for y, p in zip(new, prev, strict=True)) == 2 * can


@FAST
@given(st.lists(st.integers(0, 10**12), min_size=1, max_size=9), st.integers(1, 10**6))
def test_integer_rounding_equals_the_shared_largest_remainder(weights, total):
    assume(sum(weights) > 0)
    names = [f"G{i}" for i in range(len(weights))]
    nums = [total * w for w in weights]
    ours = apportion_cents(names, nums, sum(weights), total)
    assert ours == list(largest_remainder(total, dict(zip(names, weights, strict=True))).values())


@FAST
@given(st.lists(st.integers(-50, 150), min_size=1, max_size=12))
def test_schedule_is_monotone_within_0_and_100_or_refused(steps):
    scenario = {**HAND, "alpha_mode": "schedule", "alpha_schedule": "; ".join(map(str, steps))}
    response = compute(scenario)
    valid = steps == sorted(steps) and 0 <= steps[0] and steps[-1] <= 100
    assert response["ok"] is valid, response
    if valid:
        assert response["result"]["alphas"] == [f"{s},0 %" for s in steps]
    else:
        [(field, message)] = [(e["field"], e["message"]) for e in response["errors"]]
        assert field == "alpha_schedule" and f"‘{SCHEDULE_LABEL}’" in message


# -------------------------------------------------------------- bad input, Dutch at its field


def row_value(name: str, column: str, value: object) -> dict:
    scenario = copy.deepcopy(HAND)
    for row in scenario["municipalities"]:
        if row["name"] == name:
            row["values"][column] = value
    return scenario


BAD = [
    (row_value("A", "inwoners", "0"), "municipalities[0].values.inwoners", "groter zijn dan 0"),
    (row_value("B", "inwoners", "12,5"), "municipalities[1].values.inwoners", "heel getal"),
    (row_value("C", "objectief", "-3"), "municipalities[2].values.objectief", "negatief"),
    (row_value("A", "historisch", "0"), "municipalities", "historische bedragen"),
    (row_value("A", "historisch", "NaN"), "municipalities[0].values.historisch", "geen getal"),
    ({**HAND, "years": "0"}, "years", "groter dan 0"),
    ({**HAND, "years": "51"}, "years", "te groot"),
    ({**HAND, "years": "twee"}, "years", "geen getal"),
    ({**HAND, "first_year": None}, "first_year", "leeg"),
    ({**HAND, "first_year": "22"}, "first_year", "ten minste 1900"),
    ({**HAND, "budget": "0"}, "budget", "groter zijn dan 0"),
    ({**HAND, "budget": "1,234"}, "budget", "2 cijfers"),
    ({**HAND, "municipalities": [
        {"name": "A", "values": {"inwoners": "1", "historisch": "1", "objectief": "0,004"}}]},
     "budget", "‘Budget per jaar in euro’ een bedrag in: de objectieve bedragen"),
    ({**HAND, "alpha_mode": "snel"}, "alpha_mode", "Kies uit"),
    ({**HAND, "alpha_mode": "schedule", "alpha_schedule": ""}, "alpha_schedule", "puntkomma"),
    ({**HAND, "alpha_mode": "schedule", "alpha_schedule": "10, 20"}, "alpha_schedule",
     "puntkomma"),
    ({**HAND, "alpha_mode": "schedule", "alpha_schedule": "10; 5"}, "alpha_schedule", "dalen"),
    ({**HAND, "alpha_mode": "schedule", "alpha_schedule": "10; 120"}, "alpha_schedule", "100"),
    ({**HAND, "alpha_mode": "schedule", "alpha_schedule": "-5; 10"}, "alpha_schedule",
     "negatief"),
    ({**HAND, "alpha_mode": "schedule", "alpha_schedule": ";".join(["100"] * 51)},
     "alpha_schedule", "te veel"),
    ({**HAND, "cap": "ja"}, "cap", "per_inhabitant"),
    ({**HAND, "cap": {"per_inhabitant": "-1"}}, "cap.per_inhabitant", "negatief"),
    ({**HAND, "cap": {"per_inhabitant": "0,001"}}, "cap.per_inhabitant", "2 cijfers"),
    ({**HAND, "cap": {"per_inhabitant": "15", "max": 1}}, "cap.max", "kent de rekenhulp niet"),
    ({**HAND, "alpha": "10"}, "alpha", "kent de rekenhulp niet"),
    ({**HAND, "calculator": "spreiding"}, "calculator", "spreiding"),
    ({**HAND, "municipalities": []}, "municipalities", "leeg"),
]  # fmt: skip


@pytest.mark.parametrize(("scenario", "field", "words"), BAD)
def test_bad_input_is_answered_in_dutch_at_its_field(scenario, field, words):
    found = errors(scenario)
    assert any(f == field and words in m for f, m in found), found
    assert not any(re.search(r"\b(None|True|False|Decimal|Traceback)\b", m) for _, m in found)


def test_every_problem_is_reported_at_once():
    scenario = {**row_value("A", "inwoners", "-1"), "years": "x", "cap": {"per_inhabitant": ""}}
    fields = {f for f, _ in errors(scenario)}
    assert fields == {"municipalities[0].values.inwoners", "years", "cap.per_inhabitant"}


# --------------------------------------------------- the Leidse Regio: Bijlage 2 of its agenda

# Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio, Bijlage 2, typed from the source text
# as printed (2018, 2019, 2020, totaal).
SOURCE = {
    "incidenteel": """
Leiden 153.474€ 1.035.953€ 1.131.874€ 2.321.301€
Leiderdorp 12.748€ 86.049€ 94.016€ 192.813€
Oegstgeest 10.359€ 69.926€ 76.401€ 156.687€
Voorschoten 11.499€ 77.617€ 84.804€ 173.920€
Zoeterwoude 4.022€ 27.150€ 29.664€ 60.837€
""",
    "structureel": """
Leiden 177.809€ 266.713€ 266.713€ 711.235€
Leiderdorp 38.433€ 57.650€ 57.650€ 153.732€
Oegstgeest 32.862€ 49.293€ 49.293€ 131.447€
Voorschoten 36.476€ 54.714€ 54.714€ 145.904€
Zoeterwoude 12.028€ 18.042€ 18.042€ 48.112€
""",
}


def source_rows(kind: str) -> dict[str, tuple[int, ...]]:
    rows = {}
    for line in SOURCE[kind].strip().splitlines():
        name, *amounts = line.split()
        rows[name] = tuple(int(a.rstrip("€").replace(".", "")) for a in amounts)
    return rows


def bijlage_2_in_the_region_file() -> dict[str, Decimal]:
    return site.regions()["leidse-regio"].real["objectief"].values


def test_bijlage_2_in_the_region_file_is_the_2020_column_of_the_source_text():
    structural = {name: Decimal(years[2]) for name, years in source_rows("structureel").items()}
    assert bijlage_2_in_the_region_file() == structural


def test_two_row_totals_per_fund_differ_by_one_euro_from_their_years():
    def off(kind: str) -> dict[str, int]:
        return {n: r[3] - sum(r[:3]) for n, r in source_rows(kind).items() if r[3] != sum(r[:3])}

    # The page says so: incidenteel Oegstgeest and Zoeterwoude € 1 above the sum of their
    # years, structureel Leiderdorp and Oegstgeest € 1 below it.
    assert off("incidenteel") == {"Oegstgeest": 1, "Zoeterwoude": 1}
    assert off("structureel") == {"Leiderdorp": -1, "Oegstgeest": -1}


def test_leidse_regio_starts_from_leiden_and_ends_in_the_2020_fund_amounts():
    r = result(fields.example(Scenario, "leidse-regio"))
    assert r["budget_display"] == "€ 446.412,00"  # the 2020 total of the structural fund
    start = {x["name"]: x["amounts"][0] for x in r["rows"]}
    assert start == {"Leiden": 44_641_200, **dict.fromkeys(list(start)[1:], 0)}
    assert {x["name"]: x["amounts"][-1] for x in r["rows"]} == {
        name: int(euros) * 100 for name, euros in bijlage_2_in_the_region_file().items()
    }
    assert r["reached"] is True  # Leiden loses € 17.969,90 a year, far below € 15 per inhabitant


def test_page_html_names_voordeel_and_nadeel_and_draws_the_path():
    request = {"calculator": "ingroeipad", "action": "compute", "scenario": HAND}
    html = json.loads(handle_page(json.dumps(request)))["html"]
    assert "Voordeelgemeenten (krijgen er geld bij): B, C." in html
    assert "Nadeelgemeenten (gaan er geld op achteruit): A." in html
    assert 'id="ingroeipad-pad"' in html and "Aandeel objectief (α)" in html
