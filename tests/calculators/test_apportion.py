"""Apportionment methods: hand examples, textbook examples and an independent reference."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core.apportion import (
    APPORTIONMENT_METHODS,
    dhondt,
    largest_remainder,
    sainte_lague,
)

FAST = settings(max_examples=100, deadline=None, database=None)


# --------------------------------------------------------------------------- largest remainder


def test_largest_remainder_hand_example():
    # 1000 cents over weights 5 : 3 : 2 → quotas 500, 300, 200 exactly.
    assert largest_remainder(1000, {"a": 5, "b": 3, "c": 2}) == {"a": 500, "b": 300, "c": 200}
    # 10 cents over 1 : 1 : 1 → quotas 3⅓ each; floors 3+3+3 = 9; one cent left. All
    # remainders (⅓) and quotas are equal, so the name decides: "a" first.
    assert largest_remainder(10, {"b": 1, "a": 1, "c": 1}) == {"b": 3, "a": 4, "c": 3}


def test_largest_remainder_negative_total_is_the_mirror_image():
    assert largest_remainder(-10, {"b": 1, "a": 1, "c": 1}) == {"b": -3, "a": -4, "c": -3}
    # 7 over 2 : 1 → quotas 4⅔ and 2⅓ → 4 + 2 = 6, the larger remainder (⅔) gets the 7th.
    assert largest_remainder(7, {"x": 2, "y": 1}) == {"x": 5, "y": 2}
    assert largest_remainder(-7, {"x": 2, "y": 1}) == {"x": -5, "y": -2}


def test_tie_break_larger_quota_before_name():
    # 2 over 1 : 3 → quotas 0,5 and 1,5; floors 0 and 1; one left. Remainders tie at ½, so the
    # larger quota (b: 1,5) gets it although "a" comes first by name.
    assert largest_remainder(2, {"a": 1, "b": 3}) == {"a": 0, "b": 2}
    assert largest_remainder(-2, {"a": 1, "b": 3}) == {"a": 0, "b": -2}


def test_tie_break_by_casefolded_name_then_name():
    # Plain string order would put "Z" (code 90) before "a" (97); casefold order puts a first.
    assert largest_remainder(1, {"Z": 1, "a": 1}) == {"Z": 0, "a": 1}
    # Same name after casefold: then the name itself decides ("A" < "a").
    assert largest_remainder(1, {"a": 1, "A": 1}) == {"a": 0, "A": 1}


def test_tie_break_does_not_depend_on_input_order():
    weights = {"Venlo": 1, "Beesel": 1, "Bergen": 1, "Gennep": 1}
    forward = largest_remainder(6, weights)
    backward = largest_remainder(6, dict(reversed(weights.items())))
    assert forward == backward == {"Venlo": 1, "Beesel": 2, "Bergen": 2, "Gennep": 1}
    assert list(backward) == ["Gennep", "Bergen", "Beesel", "Venlo"]  # input order kept


def test_largest_remainder_accepts_fractions_and_decimals_and_zero_weights():
    weights = {"a": Fraction(1, 3), "b": Decimal("0"), "c": Fraction(2, 3)}
    assert largest_remainder(100, weights) == {"a": 33, "b": 0, "c": 67}
    assert largest_remainder(0, {"a": 1, "b": 2}) == {"a": 0, "b": 0}


@pytest.mark.parametrize(
    "weights",
    [{}, {"a": 0}, {"a": -1, "b": 2}],
)
def test_invalid_weights(weights):
    with pytest.raises(ValueError):
        largest_remainder(10, weights)


def test_invalid_types():
    with pytest.raises(TypeError):
        largest_remainder(1.5, {"a": 1})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        largest_remainder(True, {"a": 1})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        largest_remainder(1, {"a": 0.5})  # type: ignore[dict-item]
    with pytest.raises(ValueError):
        dhondt(-1, {"a": 1})


# --------------------------------------------------------------------------- highest averages

# The classic textbook example: 7 seats, votes 100 000 / 80 000 / 30 000 / 20 000.
VOTES = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}


def test_dhondt_textbook_example():
    # Averages (votes / 1, 2, 3, ...): A 100000 50000 33333 25000; B 80000 40000 26667;
    # C 30000 15000; D 20000. The 7 highest: A, B, A, B, A, C, B → 3 / 3 / 1 / 0.
    assert dhondt(7, VOTES) == {"A": 3, "B": 3, "C": 1, "D": 0}


def test_sainte_lague_textbook_example():
    # Averages (votes / 1, 3, 5, ...): A 100000 33333 20000; B 80000 26667 16000; C 30000
    # 10000; D 20000. The 7 highest: A, B, A, C, B, A, D → 3 / 2 / 1 / 1.
    assert sainte_lague(7, VOTES) == {"A": 3, "B": 2, "C": 1, "D": 1}


def test_highest_averages_ties():
    # Equal averages: the larger weight first, then the name.
    assert dhondt(1, {"b": 1, "a": 1}) == {"b": 0, "a": 1}
    # Seat 2: a's next average 2/2 = 1 ties with b's 1/1 = 1; a has the larger weight.
    assert dhondt(2, {"b": 1, "a": 2}) == {"b": 0, "a": 2}
    assert sainte_lague(0, VOTES) == {"A": 0, "B": 0, "C": 0, "D": 0}


def test_methods_registry():
    assert set(APPORTIONMENT_METHODS) == {"grootste-overschot", "dhondt", "sainte-lague"}
    assert APPORTIONMENT_METHODS["dhondt"].function is dhondt
    for method in APPORTIONMENT_METHODS.values():
        described = method.to_dict()
        assert described["label"] and described["explanation"]


def test_large_totals_are_fast_and_exact():
    # Ten million places must not take ten million steps (jump start).
    weights = {f"g{i}": i + 1 for i in range(50)}
    for method in (dhondt, sainte_lague, largest_remainder):
        result = method(10_000_000, weights)
        assert sum(result.values()) == 10_000_000


# --------------------------------------------------------------------------- references


def _reference_largest_remainder(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Integer-only reference: quota_i = |total|·w_i / W, compared by cross-multiplication."""
    magnitude, big_w = abs(total), sum(weights.values())
    floors = {n: magnitude * w // big_w for n, w in weights.items()}
    remainders = {n: magnitude * w % big_w for n, w in weights.items()}  # over the same W
    left = magnitude - sum(floors.values())
    order = sorted(weights, key=lambda n: (-remainders[n], -weights[n], n.casefold(), n))
    for n in order[:left]:
        floors[n] += 1
    sign = -1 if total < 0 else 1
    return {n: sign * v for n, v in floors.items()}


def _reference_highest_averages(total: int, weights: dict[str, int], step: int) -> dict[str, int]:
    """Seat by seat from zero; average w / (step·s + 1), compared by cross-multiplication."""
    seats = dict.fromkeys(weights, 0)
    for _ in range(total):
        best = None
        for n, w in weights.items():
            if best is None:
                best = n
                continue
            bw, bd = weights[best], step * seats[best] + 1
            d = step * seats[n] + 1
            if w * bd > bw * d or (
                w * bd == bw * d and (-w, n.casefold(), n) < (-bw, best.casefold(), best)
            ):
                best = n
        seats[best] += 1
    return seats


names = st.sampled_from(["Beesel", "Bergen", "Gennep", "Horst", "Venlo", "venlo", "Venray", "a"])
weight_maps = st.dictionaries(names, st.integers(0, 1000), min_size=1, max_size=6).filter(
    lambda d: sum(d.values()) > 0
)


@FAST
@given(weight_maps, st.integers(-(10**12), 10**12))
def test_largest_remainder_sums_exactly_and_matches_reference(weights, total):
    result = largest_remainder(total, weights)
    assert sum(result.values()) == total
    assert list(result) == list(weights)
    big_w = sum(weights.values())
    for name, part in result.items():
        quota = Fraction(total * weights[name], big_w)
        assert abs(part - quota) < 1  # within one unit of the exact quota
    assert result == _reference_largest_remainder(total, weights)


@FAST
@given(weight_maps, st.integers(0, 60))
def test_dhondt_matches_seat_by_seat_reference(weights, total):
    assert dhondt(total, weights) == _reference_highest_averages(total, weights, step=1)


@FAST
@given(weight_maps, st.integers(0, 60))
def test_sainte_lague_matches_seat_by_seat_reference(weights, total):
    assert sainte_lague(total, weights) == _reference_highest_averages(total, weights, step=2)
