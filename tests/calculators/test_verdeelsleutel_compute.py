"""Verdeelsleutel results checked against values worked out by hand and by a second method."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from calculators.catalogue import DEFAULT_THRESHOLD_PER_INHABITANT, KEYS, key_presets
from calculators.catalogue.regions import region_notice
from calculators.catalogue.site import default_region, regions
from calculators.core import fields
from calculators.core.key import shares
from calculators.verdeelsleutel import Scenario, compute

# The hand-worked example (scenario in conftest.py), on paper:
#
#               inwoners  18+    gebruik
#   Gemeente A    1000     800    1667
#   Gemeente B    2000    1600    3333
#   Gemeente C    7000    5600    5000
#   total        10000    8000   10000
#
# Key 25 % 18+ / 75 % gebruik:
#   A: 0,25 · 800/8000  + 0,75 · 1667/10000 = 0,025 + 0,125025 = 0,150025 = 6001/40000
#   B: 0,25 · 1600/8000 + 0,75 · 3333/10000 = 0,05  + 0,249975 = 0,299975 = 11999/40000
#   C: 0,25 · 5600/8000 + 0,75 · 5000/10000 = 0,175 + 0,375    = 0,55     = 11/20
# Amount -€ 300.000 = -30.000.000 cents; the shares give whole cents, no remainders:
#   A -4.500.750   B -8.999.250   C -16.500.000          (sum -30.000.000)
# Per inhabitant (cents, then half up, away from zero):
#   A -4500,75 → -4501   B -4499,625 → -4500   C -2357,142… → -2357
# Compare key 100 % inwoners: 0,1 / 0,2 / 0,7 → -3.000.000 / -6.000.000 / -21.000.000.
# Difference = compare - key:
#   A +1.500.750 → per inhabitant 1500,75 cents = € 15,0075  > € 15 → exceeds
#   B +2.999.250 → per inhabitant 1499,625 cents = € 14,99625 ≤ € 15 → does not exceed,
#     although it is shown rounded as € 15,00 (the check is exact, not on the rounded value)
#   C -4.500.000 → per inhabitant -642,857… → -643 cents


def test_hand_example_key(hand_scenario):
    result = compute(fields.parse(Scenario, hand_scenario))["result"]
    assert result["amount_cents"] == -30_000_000
    assert result["amount_display"] == "-€ 300.000,00"
    key = result["key"]
    assert key["label"] == "25/75" and key["preset"] == "kandidaat-2019"
    rows = {r["name"]: r for r in key["rows"]}
    assert [r["share"] for r in key["rows"]] == ["6001/40000", "11999/40000", "11/20"]
    assert [r["cents"] for r in key["rows"]] == [-4_500_750, -8_999_250, -16_500_000]
    assert [r["display"] for r in key["rows"]] == [
        "-€ 45.007,50",
        "-€ 89.992,50",
        "-€ 165.000,00",
    ]
    assert [r["per_inhabitant_cents"] for r in key["rows"]] == [-4501, -4500, -2357]
    assert [r["per_inhabitant_display"] for r in key["rows"]] == [
        "-€ 45,01",
        "-€ 45,00",
        "-€ 23,57",
    ]
    assert [r["share_display"] for r in key["rows"]] == ["15,00 %", "30,00 %", "55,00 %"]
    assert rows["Gemeente A"]["share_float"] == 0.150025
    assert rows["Gemeente C"]["inhabitants"] == "7000"
    assert key["total_cents"] == -30_000_000
    assert key["total_display"] == "-€ 300.000,00"


def test_hand_example_comparison_and_threshold(hand_scenario):
    compare = compute(fields.parse(Scenario, hand_scenario))["result"]["compare"]
    assert compare["label"] == "Inwoners"
    assert [r["cents"] for r in compare["rows"]] == [-3_000_000, -6_000_000, -21_000_000]
    assert [r["per_inhabitant_display"] for r in compare["rows"]] == ["-€ 30,00"] * 3
    differences = compare["differences"]
    assert [d["difference_cents"] for d in differences] == [1_500_750, 2_999_250, -4_500_000]
    assert [d["difference_display"] for d in differences] == [
        "€ 15.007,50",
        "€ 29.992,50",
        "-€ 45.000,00",
    ]
    assert [d["per_inhabitant_cents"] for d in differences] == [1501, 1500, -643]
    assert [d["per_inhabitant_display"] for d in differences] == ["€ 15,01", "€ 15,00", "-€ 6,43"]
    # Just over (A: € 15,0075) and just under (B: € 14,99625) the € 15 threshold.
    assert [d["exceeds_threshold"] for d in differences] == [True, False, False]
    assert compare["exceeding"] == ["Gemeente A"]
    assert compare["threshold_display"] == "€ 15,00"


def test_threshold_is_strictly_greater(hand_scenario):
    # A lower threshold of € 14,99 also puts B (€ 14,99625) over it; C (€ 6,43) stays under.
    hand_scenario["threshold_per_inhabitant"] = "14,99"
    compare = compute(fields.parse(Scenario, hand_scenario))["result"]["compare"]
    assert compare["exceeding"] == ["Gemeente A", "Gemeente B"]
    # A difference exactly equal to the threshold does not exceed it. Key 100 % on X gives P
    # everything: € 1.500 = 150.000 cents, Q nothing. Compare 100 % inwoners: 75.000 cents
    # each. Differences -75.000 and +75.000 cents over 100 inhabitants = ∓ € 7,50 each.
    equal = {
        "amount": "1500",
        "criteria": [{"id": "inwoners", "label": "Inwoners"}, {"id": "x", "label": "X"}],
        "municipalities": [
            {"name": "P", "values": {"inwoners": "100", "x": "1"}},
            {"name": "Q", "values": {"inwoners": "100", "x": "0"}},
        ],
        "key": {"weights": {"x": "100"}},
        "compare_key": {"weights": {"inwoners": "100"}},
        "threshold_per_inhabitant": "7,5",
    }
    compare = compute(fields.parse(Scenario, equal))["result"]["compare"]
    assert [d["difference_cents"] for d in compare["differences"]] == [-75_000, 75_000]
    assert compare["exceeding"] == []
    equal["threshold_per_inhabitant"] = "7,49"
    compare = compute(fields.parse(Scenario, equal))["result"]["compare"]
    assert compare["exceeding"] == ["P", "Q"]


def test_remaining_cents_follow_the_documented_tie_break():
    scenario = {
        "amount": "0,10",
        "criteria": [{"id": "inwoners", "label": "Inwoners"}],
        "municipalities": [
            {"name": "Castenray", "values": {"inwoners": "5"}},
            {"name": "Arcen", "values": {"inwoners": "5"}},
            {"name": "Baarlo", "values": {"inwoners": "5"}},
        ],
        "key": {"weights": {"inwoners": "100"}},
    }
    # 10 cents over three equal shares: 3 each and one left, which goes to the first name.
    rows = compute(fields.parse(Scenario, scenario))["result"]["key"]["rows"]
    assert [(r["name"], r["cents"]) for r in rows] == [
        ("Castenray", 3),
        ("Arcen", 4),
        ("Baarlo", 3),
    ]
    scenario["amount"] = "-0,10"  # a deficit is the mirror image
    rows = compute(fields.parse(Scenario, scenario))["result"]["key"]["rows"]
    assert [r["cents"] for r in rows] == [-3, -4, -3]


def _shares_by_cross_multiplication(scenario: dict) -> dict[str, tuple[int, int]]:
    """Second method: share_i = Σ_c w_c · v_ci / V_c over one common integer denominator
    100 · Π V_c, using only integers (values here are whole numbers)."""
    weights = {c: int(w) for c, w in scenario["key"]["weights"].items() if int(w)}
    totals = {c: sum(int(m["values"][c]) for m in scenario["municipalities"]) for c in weights}
    denominator = 100
    for c in weights:
        denominator *= totals[c]
    out = {}
    for m in scenario["municipalities"]:
        numerator = 0
        for c, w in weights.items():
            others = 1
            for d in weights:
                if d != c:
                    others *= totals[d]
            numerator += w * int(m["values"][c]) * others
        out[m["name"]] = (numerator, denominator)
    return out


def test_default_scenario_against_a_second_method():
    scenario = fields.example(Scenario)
    parsed = fields.parse(Scenario, scenario)
    expected = _shares_by_cross_multiplication(scenario)
    exact = shares(parsed.municipalities, parsed.key)
    for name, (numerator, denominator) in expected.items():
        assert exact[name] == Fraction(numerator, denominator)
    assert sum(n for n, _ in expected.values()) == next(iter(expected.values()))[1]
    result = compute(parsed)["result"]
    with localcontext() as ctx:
        ctx.prec = 50
        for row in result["key"]["rows"]:
            numerator, denominator = expected[row["name"]]
            share = Decimal(numerator) / Decimal(denominator)
            exact_cents = share * Decimal(-100_000_000)
            assert abs(Decimal(row["cents"]) - exact_cents) < 1
            assert abs(Decimal(row["share_float"]) - share) < Decimal("1e-15")
    assert sum(r["cents"] for r in result["key"]["rows"]) == -100_000_000
    # Venlo by hand: 0,25 · 85600/224000 + 0,75 · 180/343 = 0,0955357142… + 0,3935860058…
    # = 0,4891217201…; times -100.000.000 cents = -48.912.172,01…; the remainder 0,01 is far
    # too small for an extra cent, so -48.912.172 cents.
    venlo = next(r for r in result["key"]["rows"] if r["name"] == "Venlo")
    assert venlo["cents"] == -48_912_172
    assert venlo["display"] == "-€ 489.121,72"


def test_default_scenario_facts():
    scenario = fields.example(Scenario)
    names = [m["name"] for m in scenario["municipalities"]]
    assert (
        names
        == list(regions()["noord-limburg"].municipalities)
        == [
            "Beesel",
            "Bergen",
            "Gennep",
            "Horst aan de Maas",
            "Peel en Maas",
            "Venlo",
            "Venray",
        ]
    )
    # Real inhabitants: CBS on 1 January 2022 (the plan says "about 280.000").
    assert sum(int(m["values"]["inwoners"]) for m in scenario["municipalities"]) == 277_168
    assert scenario["title"] == "Inwoners CBS 2022, andere cijfers voorbeelden"
    assert scenario["amount"] == "-1000000"
    assert scenario["key"]["preset"] == "kandidaat-2019"
    assert scenario["compare_key"]["preset"] == "inwoners-100"
    assert scenario["threshold_per_inhabitant"] == "15"
    columns = [("inwoners", "Inwoners"), ("gebruik", "Gebruik")]
    notice = region_notice(regions()[default_region("verdeelsleutel")], columns)
    assert notice == (
        "Echte cijfers voor Noord-Limburg: ‘Inwoners’ (Bron: CBS, StatLine 70072ned, 1 januari "
        "2022). "
        "Voorbeeldcijfers, geen echte cijfers: ‘Gebruik’; de bronstukken geven ze niet per "
        "gemeente. Vul zelf de echte cijfers in of plak ze uit Excel. Het uitvoeringsplan (eind "
        "2019) noemt ongeveer 280.000 inwoners in Noord-Limburg, zonder cijfers per gemeente."
    )
    # A fresh copy every time.
    scenario["municipalities"].clear()
    assert len(fields.example(Scenario)["municipalities"]) == 7


def test_presets_match_the_decisions():
    presets = key_presets(KEYS)
    k2019 = presets["kandidaat-2019"]
    assert k2019.weights == {"inwoners_18plus": 25, "gebruik": 75}
    assert k2019.references == {
        "inwoners_18plus": "peildatum 1 januari t-1",
        "gebruik": "peiljaar t-2",
    }
    assert k2019.decision == "bp-2019-09"
    assert k2019.source == (
        "Uitvoeringsplan doordecentralisatie beschermd wonen en maatschappelijke opvang regio "
        "Noord-Limburg"
    )
    c2020 = presets["criteria-2020"]
    assert c2020.weights == {"inleg": 40, "gebruik": 40, "zeggenschap": 20}
    assert not c2020.weights_fixed and "voorbeeld" in c2020.explanation
    assert c2020.decision == "up-2020-08"
    assert str(c2020.source).startswith("Regionale uitgangspunten maatschappelijke opvang")
    reference = presets["inwoners-100"]
    assert reference.weights == {"inwoners": 100} and reference.decision is None
    assert DEFAULT_THRESHOLD_PER_INHABITANT == 15
    for preset in presets.values():
        assert sum(preset.weights.values()) == 100


def test_every_preset_computes_on_the_default_scenario():
    for preset in key_presets(KEYS).values():
        scenario = fields.example(Scenario)
        scenario["key"] = {
            "label": preset.label,
            "preset": preset.id,
            "weights": {k: str(v) for k, v in preset.weights.items()},
        }
        rows = compute(fields.parse(Scenario, scenario))["result"]["key"]["rows"]
        assert sum(r["cents"] for r in rows) == -100_000_000


def test_warnings():
    scenario = fields.example(Scenario)
    scenario["amount"] = "0"
    scenario["compare_key"] = dict(scenario["key"])
    response = compute(fields.parse(Scenario, scenario))
    assert [w["field"] for w in response["warnings"]] == ["amount", "compare_key"]
    assert all(r["cents"] == 0 for r in response["result"]["key"]["rows"])


def test_exceeding_gives_a_warning(hand_scenario):
    response = compute(fields.parse(Scenario, hand_scenario))
    assert response["warnings"] == [
        {
            "field": "threshold_per_inhabitant",
            "message": "Bij 1 gemeente is het verschil tussen de sleutels groter dan € 15,00 per "
            "inwoner: Gemeente A.",
        }
    ]
