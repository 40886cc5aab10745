"""Policy and the region file agree: every preset key of ``regio.yml`` that names a decision
matches the machine-readable ``parameters`` of that decision record."""

from __future__ import annotations

from decimal import Decimal

import pytest

import sitecontent as content
from calculators.catalogue import BASES, KEYS, key_presets
from tests.decisions.conftest import RECORDS

#: The 2019 plan's beslispunt 9 (the candidate key) and the 2020 uitgangspunt 8 (a key "nog
#: nader te bepalen"): financial solidarity, one pool, a key.
KANDIDAAT_2019, CRITERIA_2020 = "bp-2019-09", "up-2020-08"
#: Beslispunt 5 of 2019 and uitgangspunt 5 of 2020: spreading places.
SPREIDING_2019, SPREIDING_2020 = "bp-2019-05", "up-2020-05"


@pytest.mark.parametrize(
    "preset", [p for p in key_presets(KEYS).values() if p.decision], ids=lambda p: p.id
)
def test_preset_matches_its_decision(preset):
    register = content.load_register(RECORDS)
    assert preset.decision in register.decisions, f"besluit {preset.decision} bestaat niet"
    meta = register.decisions[preset.decision].meta
    assert "verdeelsleutel" in meta.get("rekenhulpen", [])
    key = meta["parameters"]["verdeelsleutel"]
    criteria = {c["naam"]: c for c in key["criteria"]}
    assert set(criteria) == set(preset.weights), "criteria verschillen"
    assert key["gewichten_vast"] is preset.weights_fixed
    if preset.weights_fixed:
        assert {n: Decimal(str(c["gewicht"])) for n, c in criteria.items()} == preset.weights
    recorded = {n: c["peildatum"] for n, c in criteria.items() if "peildatum" in c}
    assert recorded == preset.references


def test_both_named_decisions_have_presets():
    named = {p.decision for p in key_presets(KEYS).values()}
    assert {KANDIDAAT_2019, CRITERIA_2020} <= named


def test_spreiding_agrees_with_its_decisions():
    from calculators.spreiding import model as spreiding

    register = content.load_register(RECORDS)
    decisions = (SPREIDING_2019, SPREIDING_2020)
    params = {d: register.decisions[d].meta["parameters"]["spreiding"] for d in decisions}
    for decision in decisions:
        assert "spreiding" in register.decisions[decision].meta["rekenhulpen"]
        # Substitution, not expansion: the default total is today's total.
        assert params[decision]["substitutie"] is True
    assert spreiding.TOTAL_MODES and next(iter(spreiding.TOTAL_MODES)) == "current"
    # Every facility the calculator offers is named by a decision, and vice versa.
    named = {v for p in params.values() for v in p["voorzieningen"]}
    assert named == set(spreiding.FACILITIES)
    # The two bases of 2019 are presets that name that decision.
    for basis in params["bp-2019-05"]["grondslagen"]:
        preset = key_presets(BASES)[basis]
        assert preset.decision == "bp-2019-05"
        assert {k for k, w in preset.weights.items() if w} == {basis}


def test_solidariteit_agrees_with_its_decisions():
    from calculators.solidariteit import model as solidariteit

    register = content.load_register(RECORDS)
    for decision in (KANDIDAAT_2019, CRITERIA_2020):
        meta = register.decisions[decision].meta
        assert "solidariteit" in meta["rekenhulpen"]
        params = meta["parameters"]["solidariteit"]
        # The pool pays exactly the cost lines the decision names, in the same two groups.
        assert [c["naam"] for c in params["zorgkosten"]] == list(solidariteit.CARE_LINES)
        operating = {c["naam"]: c for c in params["bedrijfsvoeringskosten"]}
        assert list(operating) == list(solidariteit.OPERATING_LINES)
        for name, line in operating.items():
            label = solidariteit.OPERATING_LINES[name].casefold()
            assert line.get("omschrijving", name).casefold() in label
        # An innovation budget as a percentage the decision leaves open.
        assert params["innovatiebudget"]["soort"] == "percentage"
        assert params["innovatiebudget"]["percentage_vast"] is solidariteit.INNOVATION_PERCENT_FIXED
        # The key the decision names is a preset of the calculator, tied to this decision.
        preset = key_presets(KEYS)[params["sleutel"]]
        assert preset.decision == decision
