"""Properties of the Verdeelsleutel that must hold for every valid scenario (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators.core import fields
from calculators.core.key import shares
from calculators.verdeelsleutel import Scenario, compute

FAST = settings(max_examples=50, deadline=None, database=None)

NAMES = ["Beesel", "Bergen", "Gennep", "Horst aan de Maas", "Peel en Maas", "Venlo", "Venray"]
CRITERIA = ["inwoners", "a", "b"]


def euro_text(cents: int) -> str:
    # Written out independently of the library: sign, whole euros, comma, two digits.
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


@st.composite
def scenarios(draw):
    n = draw(st.integers(1, 6))
    rows = [
        {
            "name": NAMES[i],
            "values": {
                "inwoners": str(draw(st.integers(1, 1_000_000))),
                "a": str(draw(st.integers(0, 1000))),
                "b": str(draw(st.integers(0, 100_000))),
            },
        }
        for i in range(n)
    ]
    w_inwoners = draw(st.integers(0, 100))
    w_a = draw(st.integers(0, 100 - w_inwoners))
    weights = {"inwoners": w_inwoners, "a": w_a, "b": 100 - w_inwoners - w_a}
    for criterion, weight in weights.items():
        if weight:
            assume(any(int(r["values"][criterion]) for r in rows))
    cents = draw(st.integers(-(10**12), 10**12))
    return {
        "amount": euro_text(cents),
        "criteria": [{"id": c, "label": c.upper()} for c in CRITERIA],
        "municipalities": rows,
        "key": {"weights": {c: str(w) for c, w in weights.items()}},
        "compare_key": {"weights": {"inwoners": "100"}},
    }


def result_of(scenario: dict) -> dict:
    return compute(fields.parse(Scenario, scenario))["result"]


def cents_by_name(scenario: dict) -> dict[str, int]:
    return {r["name"]: r["cents"] for r in result_of(scenario)["key"]["rows"]}


@FAST
@given(scenarios())
def test_cents_add_up_exactly_to_the_amount(scenario):
    result = result_of(scenario)
    whole, part = scenario["amount"].lstrip("-").split(",")
    expected = (int(whole) * 100 + int(part)) * (-1 if scenario["amount"].startswith("-") else 1)
    assert sum(r["cents"] for r in result["key"]["rows"]) == expected
    assert sum(r["cents"] for r in result["compare"]["rows"]) == expected
    assert sum(d["difference_cents"] for d in result["compare"]["differences"]) == 0
    # Each part is within one cent of its exact share of the amount.
    for row in result["key"]["rows"]:
        assert abs(row["cents"] - Fraction(row["share"]) * expected) < 1


@FAST
@given(scenarios())
def test_shares_sum_to_exactly_one(scenario):
    parsed = fields.parse(Scenario, scenario)
    exact = shares(parsed.municipalities, parsed.key)
    assert sum(exact.values(), Fraction(0)) == 1
    assert all(s >= 0 for s in exact.values())


@FAST
@given(scenarios(), st.data())
def test_order_of_municipalities_does_not_matter(scenario, data):
    before = cents_by_name(scenario)
    order = data.draw(st.permutations(range(len(scenario["municipalities"]))))
    scenario["municipalities"] = [scenario["municipalities"][i] for i in order]
    assert cents_by_name(scenario) == before


@FAST
@given(scenarios(), st.sampled_from(CRITERIA), st.integers(2, 1000))
def test_scaling_a_criterion_does_not_change_shares(scenario, criterion, factor):
    parsed = fields.parse(Scenario, scenario)
    before = shares(parsed.municipalities, parsed.key)
    for row in scenario["municipalities"]:
        row["values"][criterion] = str(int(row["values"][criterion]) * factor)
    assume(all(int(r["values"]["inwoners"]) <= 100_000_000 for r in scenario["municipalities"]))
    parsed = fields.parse(Scenario, scenario)
    assert shares(parsed.municipalities, parsed.key) == before
    # Also with a non-integer factor (÷ 4 = × 0,25), written in Dutch notation; inhabitants
    # are a count and take whole numbers only.
    if criterion == "inwoners":
        return
    for row in scenario["municipalities"]:
        row["values"][criterion] = str(Decimal(row["values"][criterion]) / 4).replace(".", ",")
    parsed = fields.parse(Scenario, scenario)
    assert shares(parsed.municipalities, parsed.key) == before
