"""One catalogue: the calculators take their criteria from ``calculators.catalogue``, and the
shared core names none of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import calculators.core
from calculators.catalogue import CRITERIA
from calculators.core.calculator import calculator_names, find
from calculators.core.problems import Problems
from calculators.core.table import parse_columns
from calculators.core.tableimport import import_rows


def fixed_columns(name):
    calc = find(name)
    return calc.columns(calc.default_scenario(calc.default_region))


@pytest.mark.parametrize("name", calculator_names())
def test_every_criterion_of_a_calculator_comes_from_the_catalogue(name):
    for column in fixed_columns(name):
        known = CRITERIA.get(column.id)
        if known is not None:
            assert (column.label, column.reference) == (known.label, known.reference)
            assert column.aliases == known.aliases


def test_the_core_names_no_criterion():
    for path in Path(calculators.core.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
        assert not named & set(CRITERIA), path.name


def test_a_chosen_criterion_takes_whole_numbers_and_aliases_from_the_catalogue():
    raw = [
        {"id": "inwoners_18plus", "label": "Volwassenen", "reference": ""},
        {"id": "eigen", "label": "Eigen criterium", "reference": ""},
    ]
    adults, own = parse_columns(raw, Problems(), CRITERIA)
    assert adults.integer and adults.aliases == CRITERIA["inwoners_18plus"].aliases
    assert (adults.label, adults.reference) == ("Volwassenen", "")
    assert not own.integer and own.aliases == ()
    # Without a catalogue nothing is known about a code.
    (plain,) = parse_columns(raw[:1], Problems(), {})
    assert not plain.integer and plain.aliases == ()
    imported = import_rows(None, [adults, own], "Gemeente;18+\nVenlo;85600\n", "replace")
    assert imported.municipalities == [
        {"name": "Venlo", "values": {"inwoners_18plus": "85600", "eigen": ""}}
    ]
