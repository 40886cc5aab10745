"""Policy and code agree by construction: every calculator preset that names a decision
matches the machine-readable ``parameters`` of that decision record."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators.verdeelsleutel import presets
from hooks import decisions as hook
from tests.decisions.conftest import RECORDS


def test_decision_constants():
    assert presets.DECISION_KANDIDAAT_2019 == "bp-2019-09"
    assert presets.DECISION_CRITERIA_2020 == "up-2020-08"


@pytest.mark.parametrize(
    "preset", [p for p in presets.PRESETS.values() if p.decision], ids=lambda p: p.id
)
def test_preset_matches_its_decision(preset):
    register = hook.validate_folder(RECORDS)
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
    named = {p.decision for p in presets.PRESETS.values()}
    assert {presets.DECISION_KANDIDAAT_2019, presets.DECISION_CRITERIA_2020} <= named
