"""The faster path, apportionment, shares and displays give exactly what the former code gave.

"Speed, second round" rewrote :func:`calculators.core.path.yearly_path` (lists, only the
municipalities that move, D'Hondt started near its house), ``dhondt_series`` (one ranking for
the tie-break, a heap that adds or takes back places), :func:`apportion` (every method at once
with :func:`apportion_each`) and Spreiding's use of them (one ``moves``, whole-number shares).
The former functions are kept below, as they were, as the oracle: over many generated inputs
the new ones must agree exactly, including the tie-breaks (names that differ only in case,
equal weights). Helpers of ``calculators.core.apportion`` that the rewrite left unchanged are
imported rather than copied.
"""

from __future__ import annotations

import heapq
import json
import operator
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import apportion as ap
from calculators.core.apportion import (
    APPORTIONMENT_METHODS,
    Infeasible,
    apportion,
    apportion_each,
    dhondt_series,
)
from calculators.core.calculator import find
from calculators.core.entry import handle
from calculators.core.format import format_decimal, format_percent, format_ratio
from calculators.core.key import shares
from calculators.core.path import cumulative, moves, yearly_path

FAST = settings(max_examples=200, deadline=None, database=None)
NAMES = ["Beesel", "Bergen", "Gennep", "Horst", "Venlo", "venlo", "Venray", "b", "B", "a"]


# ------------------------------------------------------------- the former code (the oracle)


def old_dhondt_series(
    weights: Mapping[str, ap.Weight], houses: Sequence[int]
) -> list[dict[str, int]]:
    scaled = ap._scaled_weights(weights)
    total_weight = ap._positive_sum(scaled)
    houses = [ap._checked_total(house, allow_negative=True) for house in houses]
    if any(house < 0 for house in houses):
        raise ValueError("houses must not be negative")
    use_float = max(scaled.values()) * (max(houses, default=0) + 1) < 2**50
    key: Callable[[int, int], object]
    key = operator.truediv if use_float else ap._exact_key
    parties = [(n, w, -w, n.casefold()) for n, w in scaled.items() if w]
    series = []
    for house in houses:
        seats = {n: house * w // total_weight for n, w in scaled.items()}
        left = house - sum(seats.values())
        if left:
            heap = [(key(seats[n] + 1, w), neg_w, f, n) for n, w, neg_w, f in parties]
            heapq.heapify(heap)
            for _ in range(left):
                _, neg_w, folded, name = heap[0]
                seats[name] += 1
                heapq.heapreplace(heap, (key(seats[name] + 1, -neg_w), neg_w, folded, name))
        series.append(seats)
    return series


def old_yearly_path(
    current: Mapping[str, int], target: Mapping[str, int], years: int
) -> list[dict[str, int]]:
    def counts(weights: dict[str, int], houses: list[int]) -> list[dict[str, int]]:
        if not any(weights.values()):
            return [dict.fromkeys(weights, 0) for _ in houses]
        return old_dhondt_series(weights, houses)

    gains = {name: max(0, target[name] - places) for name, places in current.items()}
    losses = {name: max(0, places - target[name]) for name, places in current.items()}
    total_gain, total_loss = sum(gains.values()), sum(losses.values())
    steps = range(1, years + 1)
    gained = counts(gains, [y * total_gain // years for y in steps])
    lost = counts(losses, [y * total_loss // years for y in steps])
    return [
        {name: c + gain[name] - loss[name] for name, c in current.items()}
        for gain, loss in zip(gained, lost, strict=True)
    ]


def old_highest_averages(
    total: int,
    exact: Mapping[str, int],
    lower: Mapping[str, int],
    upper: Mapping[str, int | None],
    offset2: int,
) -> dict[str, int]:
    a, b = ap._solve_level(total, exact, lower, upper, offset2)
    seats = dict(lower)
    for name, w in exact.items():
        if w:
            counted = -(-(2 * w * a + offset2 * b) // (2 * b)) - 1
            seats[name] = ap._clamp(counted, lower[name], upper[name], 1)

    def key(w: int, places: int) -> tuple[float, object]:
        return ap._exact_key(-2 * w, 2 * places + 2 - offset2)

    heap = [
        (*key(w, seats[n]), -w, *ap._name_key(n))
        for n, w in exact.items()
        if w and ((hi := upper[n]) is None or seats[n] < hi)
    ]
    heapq.heapify(heap)
    for _ in range(total - sum(seats.values())):
        _, _, neg_w, _, name = heapq.heappop(heap)
        seats[name] += 1
        if (hi := upper[name]) is None or seats[name] < hi:
            heapq.heappush(heap, (*key(-neg_w, seats[name]), neg_w, *ap._name_key(name)))
    return seats


def old_apportion(
    total: int,
    weights: Mapping[str, ap.Weight],
    method: str,
    minimum: Mapping[str, int] | None = None,
    maximum: Mapping[str, int] | None = None,
) -> dict[str, int]:
    total = ap._checked_total(total)
    scaled = ap._scaled_weights(weights)
    lower, upper = ap._checked_bounds(scaled, minimum, maximum)
    ap._check_feasible(total, scaled, lower, upper)
    if total == sum(lower.values()):
        return lower
    offset2 = APPORTIONMENT_METHODS[method].divisor_offset2
    if offset2 is None:
        a, b = ap._solve_level(total, scaled, lower, upper, 0)
        numerators = {n: ap._clamp(w * a, lower[n], upper[n], b) for n, w in scaled.items()}
        return ap.round_scaled(total, numerators, b)
    return old_highest_averages(total, scaled, lower, upper, offset2)


# ------------------------------------------------------------------------------- generators


@st.composite
def allocations(draw: st.DrawFn, max_places: int = 80) -> tuple[dict[str, int], dict[str, int]]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=len(NAMES), unique=True))
    current = {n: draw(st.integers(0, max_places)) for n in names}
    target = {n: draw(st.integers(0, max_places)) for n in names}
    return current, target


weight_maps = st.dictionaries(
    st.sampled_from(NAMES),
    st.integers(0, 50)  # small weights: many exact ties
    | st.integers(0, 10**18)  # beyond the float keys: exact ratios
    | st.fractions(min_value=0, max_value=100),
    min_size=1,
    max_size=len(NAMES),
).filter(lambda w: sum(w.values()) > 0)


@st.composite
def bounded(draw: st.DrawFn) -> tuple[int, dict[str, ap.Weight], dict[str, int], dict[str, int]]:
    weights = draw(weight_maps)
    lower = {n: draw(st.integers(0, 6)) for n in weights if draw(st.booleans())}
    upper = {n: draw(st.integers(0, 30)) for n in weights if draw(st.integers(0, 3)) == 0}
    return draw(st.integers(0, 120)), weights, lower, upper


# ------------------------------------------------------------------------------- the tests


@FAST
@given(allocations(), st.integers(1, 15))
def test_yearly_path_equals_the_former_one(pair, years):
    current, target = pair
    assert yearly_path(current, target, years) == old_yearly_path(current, target, years)


@FAST
@given(allocations(max_places=10**6), st.integers(1, 40))
def test_yearly_path_equals_the_former_one_for_many_places(pair, years):
    current, target = pair
    assert yearly_path(current, target, years) == old_yearly_path(current, target, years)


@FAST
@given(weight_maps, st.lists(st.integers(0, 400), max_size=12))
def test_dhondt_series_equals_the_former_one(weights, houses):
    assert dhondt_series(weights, houses) == old_dhondt_series(weights, houses)


@FAST
@given(weight_maps, st.lists(st.integers(0, 10**15), max_size=4))
def test_dhondt_series_equals_the_former_one_beyond_float_keys(weights, houses):
    assert dhondt_series(weights, houses) == old_dhondt_series(weights, houses)


def _outcome(call: Callable[[], object]) -> object:
    try:
        return call()
    except Infeasible as error:
        return ("Infeasible", error.kind, error.names, str(error))


@FAST
@given(bounded())
def test_apportion_each_equals_the_former_apportion_per_method(case):
    total, weights, lower, upper = case
    each = _outcome(lambda: apportion_each(total, weights, lower, upper))
    for method in APPORTIONMENT_METHODS:
        former = _outcome(lambda m=method: old_apportion(total, weights, m, lower, upper))
        now = _outcome(lambda m=method: apportion(total, weights, m, lower, upper))
        assert now == former
        assert (each if isinstance(each, tuple) else each[method]) == former  # type: ignore[index]


@FAST
@given(allocations())
def test_moved_per_year_is_the_step_of_the_total_gain(pair):
    # Spreiding no longer compares every year with the one before: the places added in year
    # y are ⌊y·G/Y⌋ - ⌊(y-1)·G/Y⌋ (a municipality only gains or only loses, step by step).
    current, target = pair
    added = moves(current, target)[0]
    for years in (1, 2, 3, 7):
        path = yearly_path(current, target, years)
        done = [0, *cumulative(added, years)]
        before = [current, *path]
        for year in range(1, years + 1):
            assert done[year] - done[year - 1] == moves(before[year - 1], path[year - 1])[0]


@FAST
@given(
    st.integers(-(10**30), 10**30),
    st.integers(1, 10**20),
    st.integers(0, 4),
)
def test_format_ratio_and_the_count_fast_path_write_as_before(numerator, denominator, places):
    exact = Fraction(numerator, denominator)
    assert format_ratio(numerator, denominator, places) == format_decimal(exact, places)
    assert f"{format_ratio(numerator * 100, denominator, places)} %" == format_percent(
        exact, places
    )
    # A whole number: the same text as through a Fraction (the former path for ints).
    for grouping in (True, False):
        assert format_decimal(numerator, 0, grouping=grouping) == format_decimal(
            Fraction(numerator), 0, grouping=grouping
        )
        assert format_decimal(numerator, places, grouping=grouping) == format_decimal(
            Decimal(numerator), places, grouping=grouping
        )


def _spreading_request(draw: st.DrawFn) -> dict[str, object]:
    rows = []
    for index in range(draw(st.integers(1, 12))):
        places = draw(st.integers(0, 300))
        values = {
            "inwoners": str(draw(st.integers(1, 900_000))),
            "clienten": str(draw(st.integers(1, 900))),
            "plaatsen": str(places),
            "minimum": draw(st.sampled_from(["", str(places // 3)])),
            "maximum": draw(st.sampled_from(["", str(places + 15)])),
        }
        rows.append({"name": draw(st.sampled_from(NAMES)) + str(index), "values": values})
    default = json.loads(handle(json.dumps({"calculator": "spreiding", "action": "default"})))
    scenario = default["scenario"]
    scenario["municipalities"] = rows
    scenario["method"] = draw(st.sampled_from(list(APPORTIONMENT_METHODS)))
    scenario["years"] = str(draw(st.integers(1, 12)))
    scenario["total_mode"] = draw(st.sampled_from(["current", "fixed"]))
    scenario["total_places"] = str(draw(st.integers(0, 3000)))
    weight = draw(st.integers(0, 100))
    scenario["key"] = {
        "label": "Mix",
        "weights": {"inwoners": str(weight), "clienten": str(100 - weight)},
    }
    return {"calculator": "spreiding", "action": "compute", "scenario": scenario}


@settings(max_examples=60, deadline=None, database=None)
@given(st.data())
def test_spreiding_result_equals_the_former_computation(data):
    # Targets by each method with the former apportion on Fraction shares, the displays of
    # the shares through Fractions, the path by the former function and the places moved per
    # year by comparing the years.
    request = _spreading_request(data.draw)
    response = json.loads(handle(json.dumps(request)))
    declaration = find("spreiding")
    assert declaration is not None
    s = declaration.parse(request["scenario"])
    weights = shares(s.municipalities, s.key)
    current = {r.name: int(r.value("plaatsen")) for r in s.municipalities}
    total = sum(current.values()) if s.total_mode == "current" else s.total_places
    bounds = s.bound("minimum"), s.bound("maximum")
    if not response["ok"]:  # bounds that cannot hold together, by every method alike
        for method in APPORTIONMENT_METHODS:
            assert isinstance(
                _outcome(lambda m=method: old_apportion(total, weights, m, *bounds)), tuple
            )
        return
    result = response["result"]
    for method in APPORTIONMENT_METHODS:
        expected = old_apportion(total, weights, method, *bounds)
        assert {r["name"]: r["by_method"][method] for r in result["rows"]} == expected
    for row in result["rows"]:
        assert row["share_display"] == format_percent(weights[row["name"]])
        assert row["exact_display"] == format_decimal(weights[row["name"]] * total, 2)
    target = {r["name"]: r["target"] for r in result["rows"]}
    path = old_yearly_path(current, target, len(result["years"]))
    assert [y["places"] for y in result["years"]] == path
    before = [current, *path]
    assert [y["moved"] for y in result["years"]] == [
        moves(before[i], year)[0] for i, year in enumerate(path)
    ]
