"""Yearly path from current to target places: hand examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators.core.path import moves, yearly_path, years_needed

FAST = settings(max_examples=150, deadline=None, database=None)


# --------------------------------------------------------------------------- hand examples


def test_hand_example_gains_and_losses():
    # Gains: B 4, D 3 → G = 7; losses: A 6 → L = 6. T0 = 20, target total 21. Three years:
    # G_y = ⌊7y/3⌋ = 2, 4, 7 and L_y = ⌊6y/3⌋ = 2, 4, 6.
    # D'Hondt over B 4 : D 3 — averages B 4, 2, 1⅓, 1; D 3, 1½, 1:
    #   house 2 → B 4, D 3 → B 1, D 1;  house 4 → + B 2, D 1½ → B 2, D 2;  house 7 → B 4, D 3.
    # Only A loses: 2, 4, 6.
    current = {"A": 10, "B": 2, "C": 5, "D": 3}
    target = {"A": 4, "B": 6, "C": 5, "D": 6}
    assert yearly_path(current, target, 3) == [
        {"A": 8, "B": 3, "C": 5, "D": 4},  # 20 = 20 + 2 - 2
        {"A": 6, "B": 4, "C": 5, "D": 5},  # 20 = 20 + 4 - 4
        {"A": 4, "B": 6, "C": 5, "D": 6},  # 21 = 20 + 7 - 6
    ]
    # K = 3: ⌈7/3⌉ = 3 and ⌈6/3⌉ = 2 → 3 years; places added per year 2, 2, 3 <= 3.
    assert years_needed(current, target, 3) == 3
    assert years_needed(current, target, 7) == 1
    assert years_needed(current, target, 1) == 7


def test_hand_example_constant_decline():
    # Losses A 6, B 3 → L = 9 over 3 years: d = 3, L_y = 3, 6, 9; totals 15 → 12, 9, 6.
    # D'Hondt over A 6 : B 3 — averages A 6, 3, 2, 1½, 1.2, 1; B 3, 1½, 1. House 3: A 6, then
    # A 3 and B 3 tie exactly (A has the larger weight, so A first), then B 3 → A 2, B 1.
    # House 6: + A 2, A 1½ (ties B 1½; A larger), B 1½ → A 4, B 2. House 9: A 6, B 3.
    path = yearly_path({"A": 10, "B": 5}, {"A": 4, "B": 2}, 3)
    assert path == [{"A": 8, "B": 4}, {"A": 6, "B": 3}, {"A": 4, "B": 2}]


def test_moves_hand_example():
    assert moves({"A": 10, "B": 2, "C": 5}, {"A": 8, "B": 3, "C": 6}) == (2, 2)
    assert moves({"A": 1}, {"A": 1}) == (0, 0)


def test_nothing_moves():
    same = {"A": 3, "B": 0}
    assert years_needed(same, same, 5) == 0
    assert yearly_path(same, same, 0) == []
    assert yearly_path(same, same, 2) == [same, same]


def test_keeps_the_order_of_current():
    path = yearly_path({"b": 4, "a": 0}, {"a": 4, "b": 0}, 2)
    assert [list(year) for year in path] == [["b", "a"], ["b", "a"]]
    assert path == [{"b": 2, "a": 2}, {"b": 0, "a": 4}]


def test_invalid_arguments():
    with pytest.raises(ValueError):
        yearly_path({"A": 1}, {"B": 1}, 1)  # different municipalities
    with pytest.raises(ValueError):
        yearly_path({"A": 1}, {"A": 2}, 0)  # something moves, but no years
    with pytest.raises(ValueError):
        yearly_path({"A": -1}, {"A": 2}, 1)
    with pytest.raises(TypeError):
        yearly_path({"A": 1}, {"A": 2}, 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        years_needed({"A": 1}, {"A": True}, 1)  # type: ignore[dict-item]
    with pytest.raises(ValueError):
        years_needed({"A": 1}, {"A": 2}, 0)
    with pytest.raises(ValueError):
        moves({"A": 1}, {"A": 1, "B": 0})


# --------------------------------------------------------------------------- properties

NAMES = ["Beesel", "Bergen", "Gennep", "Horst", "Venlo", "venlo", "Venray"]


@st.composite
def allocations(draw, max_places=60):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=7, unique=True))
    current = {n: draw(st.integers(0, max_places)) for n in names}
    target = {n: draw(st.integers(0, max_places)) for n in names}
    return current, target


def _totals(current, target):
    gain = sum(max(0, target[n] - c) for n, c in current.items())
    loss = sum(max(0, c - target[n]) for n, c in current.items())
    return sum(current.values()), gain, loss


def _assert_path_properties(current, target, path, years):
    t0, gain, loss = _totals(current, target)
    assert len(path) == years
    assert path[-1] == target
    previous = current
    for year, allocation in enumerate(path, start=1):
        assert list(allocation) == list(current)
        assert sum(allocation.values()) == t0 + year * gain // years - year * loss // years
        for n, c in current.items():
            low, high = min(c, target[n]), max(c, target[n])
            assert low <= allocation[n] <= high  # never past the target
            if target[n] >= c:  # monotone towards the target
                assert allocation[n] >= previous[n]
            else:
                assert allocation[n] <= previous[n]
        previous = allocation


@FAST
@given(allocations(), st.integers(1, 12))
def test_path_properties(pair, years):
    current, target = pair
    _assert_path_properties(current, target, yearly_path(current, target, years), years)


@FAST
@given(allocations(), st.integers(1, 25))
def test_years_needed_keeps_every_year_within_k(pair, k):
    current, target = pair
    t0, gain, loss = _totals(current, target)
    years = years_needed(current, target, k)
    assert years == max(-(-gain // k), -(-loss // k))
    path = yearly_path(current, target, years)
    if years:
        _assert_path_properties(current, target, path, years)
    previous = current
    for year, allocation in enumerate(path, start=1):
        added, removed = moves(previous, allocation)
        # Gainers only gain and losers only lose, so the moves are exactly the rounded steps.
        assert added == year * gain // years - (year - 1) * gain // years <= k
        assert removed == year * loss // years - (year - 1) * loss // years <= k
        previous = allocation
    if years > 1:  # one year fewer would need more than K moves in some year
        assert gain > (years - 1) * k or loss > (years - 1) * k


@FAST
@given(allocations(), st.data())
def test_constant_decline_gives_exact_totals(pair, data):
    current, _ = pair
    # A target at or below current everywhere; the number of years divides the total loss.
    target = {n: data.draw(st.integers(0, c)) for n, c in current.items()}
    loss = sum(current.values()) - sum(target.values())
    assume(loss > 0)
    years = data.draw(st.sampled_from([y for y in range(1, 31) if loss % y == 0]))
    decline = loss // years
    path = yearly_path(current, target, years)
    t0 = sum(current.values())
    assert [sum(a.values()) for a in path] == [t0 - y * decline for y in range(1, years + 1)]


@FAST
@given(allocations(), st.integers(1, 12))
def test_substitution_keeps_the_total_every_year(pair, years):
    current, target = pair
    # Move the target's surplus or shortfall onto one municipality so that G = L.
    first = next(iter(target))
    target = dict(target)
    target[first] += sum(current.values()) - sum(target.values())
    assume(target[first] >= 0)
    path = yearly_path(current, target, years)
    assert all(sum(a.values()) == sum(current.values()) for a in path)
    assert path[-1] == target


@FAST
@given(allocations())
def test_moves_is_symmetric(pair):
    current, target = pair
    added, removed = moves(current, target)
    assert moves(target, current) == (removed, added)
    assert added - removed == sum(target.values()) - sum(current.values())


@FAST
@given(
    st.dictionaries(st.sampled_from("ABCDEFGH"), st.integers(0, 40), min_size=1),
    st.integers(1, 12),
)
def test_one_sorted_order_equals_dhondt_for_every_year(gains, years):
    # The path sorts D'Hondt's order once; each year must equal a fresh D'Hondt apportionment
    # of that year's cumulative gain over the gains (the definition in path.py's docstring).
    from calculators.core.apportion import dhondt

    current = dict.fromkeys(gains, 0)
    path = yearly_path(current, gains, years)
    total = sum(gains.values())
    for year, places in enumerate(path, start=1):
        house = year * total // years
        expected = dhondt(house, gains) if total else dict.fromkeys(gains, 0)
        assert places == expected


# --------------------------------------------------------------------------- closed form


def reference_path(current, target, years):
    """The former place-by-place construction: sort every unit ``k/w`` of D'Hondt once."""
    from fractions import Fraction

    def counts(weights, houses):
        units = sorted(
            (Fraction(k, w), -w, name.casefold(), name)
            for name, w in weights.items()
            for k in range(1, w + 1)
        )
        return [{n: sum(1 for u in units[:h] if u[3] == n) for n in current} for h in houses]

    gains = {n: max(0, target[n] - c) for n, c in current.items()}
    losses = {n: max(0, c - target[n]) for n, c in current.items()}
    g, lo = sum(gains.values()), sum(losses.values())
    gained = counts(gains, [y * g // years for y in range(1, years + 1)])
    lost = counts(losses, [y * lo // years for y in range(1, years + 1)])
    return [
        {n: c + a[n] - b[n] for n, c in current.items()} for a, b in zip(gained, lost, strict=True)
    ]


@FAST
@given(
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=7),
    st.integers(1, 9),
)
def test_closed_form_equals_place_by_place(pairs, years):
    # Names differing only in case exercise the name tie-break; equal gains the weight one.
    names = ["b", "B", "a", "c", "A", "d", "C"]
    current = {names[i]: c for i, (c, _) in enumerate(pairs)}
    target = {names[i]: t for i, (_, t) in enumerate(pairs)}
    assert yearly_path(current, target, years) == reference_path(current, target, years)


def test_ten_million_places_do_not_cost_ten_million_steps():
    # Handed out place by place this took 7 s in CPython (28 s in the browser); with weights
    # of 2**26 and more (exact Fractions) it would not finish at all.
    big = 2**26 + 5
    current = {"A": big, "B": 0, "C": 0}
    target = {"A": 0, "B": big // 2, "C": big - big // 2}
    path = yearly_path(current, target, 3)
    assert [sum(year.values()) for year in path] == [big] * 3
    assert path[0] == {"A": big - big // 3, "B": big // 6, "C": big // 3 - big // 6}
    assert path[-1] == target
    assert yearly_path({"A": 10**7, "B": 0}, {"A": 0, "B": 10**7}, 50)[0] == {
        "A": 9_800_000,
        "B": 200_000,
    }
