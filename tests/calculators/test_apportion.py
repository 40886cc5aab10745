"""Apportionment methods: hand examples, textbook examples and an independent reference."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core.apportion import (
    APPORTIONMENT_METHODS,
    Infeasible,
    apportion,
    dhondt,
    dhondt_series,
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


def _reference_highest_averages(
    total: int,
    weights: dict[str, int],
    step: int,
    minimum: dict[str, int] | None = None,
    maximum: dict[str, int] | None = None,
) -> dict[str, int]:
    """Seat by seat from the minimums; average w / (step·s + 1), compared by cross-multiplication.

    Only parties with a positive weight below their maximum take part.
    """
    minimum, maximum = minimum or {}, maximum or {}
    seats = {n: minimum.get(n, 0) for n in weights}
    for _ in range(total - sum(seats.values())):
        best = None
        for n, w in weights.items():
            if w == 0 or (n in maximum and seats[n] >= maximum[n]):
                continue
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
@given(
    st.dictionaries(names, st.integers(0, 6), min_size=1, max_size=6).filter(
        lambda d: any(d.values())
    )
    | weight_maps
    | st.dictionaries(names, st.integers(0, 2**48), min_size=1, max_size=4).filter(
        lambda d: any(d.values())
    ),
    st.lists(st.integers(0, 80), max_size=6),
)
def test_dhondt_series_equals_dhondt_per_house(weights, houses):
    # Small weights make tied averages common; 2**48 reaches the Fraction key.
    assert dhondt_series(weights, houses) == [dhondt(h, weights) for h in houses]
    assert dhondt_series(weights, houses) == [
        _reference_highest_averages(h, weights, step=1) for h in houses
    ]


@FAST
@given(weight_maps, st.integers(0, 60))
def test_sainte_lague_matches_seat_by_seat_reference(weights, total):
    assert sainte_lague(total, weights) == _reference_highest_averages(total, weights, step=2)


# --------------------------------------------------------------------------- published cases

# Wikipedia, "D'Hondt method", section "Example" (en.wikipedia.org/wiki/D%27Hondt_method):
# 230 000 votes, 8 seats, parties A 100 000, B 80 000, C 30 000, D 20 000.
WIKI_VOTES = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}


def test_wikipedia_dhondt_example_dhondt():
    # Averages votes / 1, 2, 3, 4, 5:  A 100000 50000 33333 25000 20000
    #                                  B  80000 40000 26667 20000
    #                                  C  30000 15000;  D 20000
    # The 8 highest: A 100000, B 80000, A 50000, B 40000, A 33333, C 30000, B 26667, A 25000;
    # the 9th would be 20000 → A 4, B 3, C 1, D 0 (as in the article).
    expected = {"A": 4, "B": 3, "C": 1, "D": 0}
    assert dhondt(8, WIKI_VOTES) == expected
    assert apportion(8, WIKI_VOTES, "dhondt") == expected


def test_wikipedia_dhondt_example_sainte_lague():
    # Averages votes / 1, 3, 5, 7:  A 100000 33333 20000 14286;  B 80000 26667 16000
    #                               C 30000 10000;  D 20000
    # The 8 highest: A 100000, B 80000, A 33333, C 30000, B 26667, A 20000, D 20000, B 16000;
    # the 9th would be A 14286 → A 3, B 3, C 1, D 1.
    expected = {"A": 3, "B": 3, "C": 1, "D": 1}
    assert sainte_lague(8, WIKI_VOTES) == expected
    assert apportion(8, WIKI_VOTES, "sainte-lague") == expected


def test_wikipedia_dhondt_example_largest_remainder():
    # Hare quota 230000 / 8 = 28750 votes per seat. Quotas: A 3.478, B 2.783, C 1.043, D 0.696.
    # Floors 3 + 2 + 1 + 0 = 6; 2 seats left for the largest remainders: B (.783), D (.696).
    expected = {"A": 3, "B": 3, "C": 1, "D": 1}
    assert largest_remainder(8, WIKI_VOTES) == expected
    assert apportion(8, WIKI_VOTES) == expected


# Wikipedia, "Apportionment paradox", section "Alabama paradox"
# (en.wikipedia.org/wiki/Apportionment_paradox): six states, population 5100 in all.
ALABAMA = {"A": 1500, "B": 1500, "C": 900, "D": 500, "E": 500, "F": 200}


def test_alabama_paradox_largest_remainder():
    # 25 seats: quota = 25·p / 5100 → A, B 7.353; C 4.412; D, E 2.451; F 0.980.
    # Floors 7 + 7 + 4 + 2 + 2 + 0 = 22; 3 left → F (.980), D (.451), E (.451).
    assert largest_remainder(25, ALABAMA) == {"A": 7, "B": 7, "C": 4, "D": 3, "E": 3, "F": 1}
    # 26 seats: quota = 26·p / 5100 → A, B 7.647; C 4.588; D, E 2.549; F 1.020.
    # Floors 7 + 7 + 4 + 2 + 2 + 1 = 23; 3 left → A (.647), B (.647), C (.588).
    # One more seat in the house, yet D and E each lose one: the Alabama paradox.
    assert largest_remainder(26, ALABAMA) == {"A": 8, "B": 8, "C": 5, "D": 2, "E": 2, "F": 1}


@FAST
@given(weight_maps, st.integers(0, 200), st.sampled_from(["dhondt", "sainte-lague"]))
def test_divisor_methods_are_house_monotone(weights, total, method):
    # Divisor methods hand out places one at a time, so no party ever loses one when the
    # house grows (unlike largest remainder, see the Alabama paradox above).
    smaller = apportion(total, weights, method)
    larger = apportion(total + 1, weights, method)
    assert all(larger[n] >= smaller[n] for n in weights)
    assert sum(larger.values()) - sum(smaller.values()) == 1


def test_alabama_weights_house_monotone_for_divisor_methods():
    for method in ("dhondt", "sainte-lague"):
        previous = apportion(0, ALABAMA, method)
        for total in range(1, 60):
            current = apportion(total, ALABAMA, method)
            assert all(current[n] >= previous[n] for n in ALABAMA)
            previous = current


def test_exact_ties_in_the_wikipedia_example_follow_the_tie_rule():
    # Exact ties, on purpose. D'Hondt, WIKI_VOTES: after 8 seats the next averages are
    # A 100000/5 = 20000, B 80000/4 = 20000 and D 20000/1 = 20000 — a three-way tie. The rule
    # (larger weight first, then name) gives seat 9 to A, seat 10 to B, seat 11 to D.
    assert dhondt(9, WIKI_VOTES) == {"A": 5, "B": 3, "C": 1, "D": 0}
    assert dhondt(10, WIKI_VOTES) == {"A": 5, "B": 4, "C": 1, "D": 0}
    assert dhondt(11, WIKI_VOTES) == {"A": 5, "B": 4, "C": 1, "D": 1}
    # Sainte-Laguë: seat 6 ties A 100000/5 = 20000 with D 20000/1 = 20000; A is larger.
    assert sainte_lague(6, WIKI_VOTES) == {"A": 3, "B": 2, "C": 1, "D": 0}
    # Largest remainder: 3 places over four equal weights → quotas ¾ each; all remainders
    # and quotas tie, so the names decide (casefold order): Beesel, Bergen, Gennep.
    equal = {"Venlo": 7, "Gennep": 7, "Bergen": 7, "Beesel": 7}
    assert apportion(3, equal) == {"Venlo": 0, "Gennep": 1, "Bergen": 1, "Beesel": 1}
    # The input order never matters.
    for method in APPORTIONMENT_METHODS:
        forward = apportion(11, WIKI_VOTES, method)
        backward = apportion(11, dict(reversed(WIKI_VOTES.items())), method)
        assert forward == backward


# --------------------------------------------------------------------------- bounded


def test_bounded_largest_remainder_hand_examples():
    # A capped at 4: the other 6 places go over B : C = 3 : 1 → λ = 6 / 4, quotas B 4.5 and
    # C 1.5; floors 4 + 4 + 1 = 9; the 10th: remainders tie at ½, the larger quota (B) wins.
    assert apportion(10, {"A": 6, "B": 3, "C": 1}, maximum={"A": 4}) == {"A": 4, "B": 5, "C": 1}
    # C held at its minimum 3: the other 7 go over A : B = 6 : 3 → quotas 4⅔ and 2⅓; floors
    # 4 + 2 + 3 = 9; the 10th goes to the larger remainder, A.
    assert apportion(10, {"A": 6, "B": 3, "C": 1}, minimum={"C": 3}) == {"A": 5, "B": 2, "C": 3}
    # Weight 0 gets exactly its minimum, even with room below its maximum.
    result = apportion(5, {"A": 1, "Z": 0}, minimum={"Z": 2}, maximum={"Z": 4})
    assert result == {"A": 3, "Z": 2}


def test_bounded_divisor_hand_examples():
    # D'Hondt, 8 seats, D at least 1: D starts with 1 (next average 20000 / 2 = 10000); the
    # other 7 go A 100000, B 80000, A 50000, B 40000, A 33333, C 30000, B 26667.
    result = apportion(8, WIKI_VOTES, "dhondt", minimum={"D": 1})
    assert result == {"A": 3, "B": 3, "C": 1, "D": 1}
    # D'Hondt, 8 seats, A at most 2: A 100000, B 80000, A 50000 (A full), B 40000, C 30000,
    # B 26667, then B 20000 ties D 20000 (exact tie: B has the larger weight), then D 20000.
    result = apportion(8, WIKI_VOTES, "dhondt", maximum={"A": 2})
    assert result == {"A": 2, "B": 4, "C": 1, "D": 1}


def test_all_places_at_the_minimum_and_all_weights_zero():
    assert apportion(3, {"a": 1, "b": 2}, minimum={"a": 1, "b": 2}) == {"a": 1, "b": 2}
    for method in APPORTIONMENT_METHODS:
        assert apportion(1, {"a": 0, "b": 0}, method, minimum={"a": 1}) == {"a": 1, "b": 0}
        assert apportion(0, {"a": 0, "b": 0}, method) == {"a": 0, "b": 0}


@pytest.mark.parametrize("method", list(APPORTIONMENT_METHODS))
@pytest.mark.parametrize(
    ("total", "weights", "minimum", "maximum", "kind", "names"),
    [
        (5, {"a": 1, "b": 1}, {"a": 3}, {"a": 2}, "bounds", ("a",)),
        (5, {"a": 1, "b": 1, "c": 1}, {"c": 9, "a": 3}, {"c": 1, "a": 2}, "bounds", ("a", "c")),
        (5, {"a": 1, "b": 1, "c": 1}, {"a": 3, "c": 3}, None, "minimum", ("a", "c")),
        # The minimums are checked before the maximums.
        (5, {"a": 1, "b": 0}, {"b": 6}, {"a": 0}, "minimum", ("b",)),
        (10, {"a": 1, "b": 1, "c": 0}, None, {"a": 3, "b": 3, "c": 9}, "maximum", ("a", "b")),
        # Weight 0 stays at its minimum, so c's room does not help.
        (5, {"a": 1, "c": 0}, {"c": 1}, {"a": 3}, "maximum", ("a",)),
        # No positive weight at all: everyone is held at the minimum.
        (2, {"a": 0, "b": 0}, {"a": 1}, None, "maximum", ("a", "b")),
    ],
)
def test_infeasible_bounds(method, total, weights, minimum, maximum, kind, names):
    with pytest.raises(Infeasible) as caught:
        apportion(total, weights, method, minimum=minimum, maximum=maximum)
    assert caught.value.kind == kind
    assert caught.value.names == names
    assert isinstance(caught.value, ValueError)


def test_one_unbounded_party_makes_any_total_reachable():
    result = apportion(10, {"a": 1, "b": 1}, "dhondt", maximum={"a": 3})
    assert result == {"a": 3, "b": 7}


def test_apportion_invalid_arguments():
    with pytest.raises(ValueError):
        apportion(-1, {"a": 1})
    with pytest.raises(ValueError):
        apportion(1, {"a": 1}, "hare")
    with pytest.raises(ValueError):
        apportion(1, {})
    with pytest.raises(ValueError):
        apportion(1, {"a": 1}, minimum={"b": 1})  # not a party
    with pytest.raises(ValueError):
        apportion(1, {"a": 1}, maximum={"a": -1})
    with pytest.raises(TypeError):
        apportion(1, {"a": 1}, minimum={"a": True})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        apportion(1, {"a": 1}, maximum={"a": 1.0})  # type: ignore[dict-item]


# ----------------------------------------------------------------- bounded: properties


def _reference_constrained_quotas(
    total: int, weights: dict[str, int], lower: dict[str, int], upper: dict[str, int | None]
) -> dict[str, Fraction]:
    """Brute force: try every kink λ of h(λ) = Σ clamp(w·λ, lo, hi), evaluate h there in full
    and interpolate linearly between the two kinks around ``total``."""

    def clamped(n: str, lam: Fraction) -> Fraction:
        x = max(Fraction(lower[n]), weights[n] * lam)
        return x if upper[n] is None else min(Fraction(upper[n]), x)

    def h(lam: Fraction) -> Fraction:
        return sum((clamped(n, lam) for n in weights), Fraction(0))

    kinks = sorted(
        {Fraction(0)}
        | {Fraction(b, w) for n, w in weights.items() if w for b in (lower[n], upper[n]) if b}
    )
    kinks.append(kinks[-1] + 1 + total)  # beyond the last kink h rises along free parties
    lam = kinks[0]
    for a, b in zip(kinks, kinks[1:], strict=False):
        if h(a) <= total <= h(b):
            lam = a if h(a) == h(b) else a + (total - h(a)) * (b - a) / (h(b) - h(a))
            break
    else:
        a, b = kinks[-2], kinks[-1]  # past every kink: h is linear with slope h(b) - h(a)
        lam = b + (total - h(b)) * (b - a) / (h(b) - h(a))
    quotas = {n: clamped(n, lam) for n in weights}
    assert sum(quotas.values()) == total
    return quotas


@st.composite
def bounded_cases(draw, max_total=60):
    weights = draw(st.dictionaries(names, st.integers(0, 1000), min_size=1, max_size=6))
    lower, upper = {}, {}
    for name in weights:
        lower[name] = draw(st.integers(0, 5) | st.just(0))
        upper[name] = draw(st.none() | st.integers(lower[name], lower[name] + 15))
    if draw(st.integers(0, 20)) == 0 and upper:  # now and then a crossed pair of bounds
        name = next(iter(upper))
        upper[name] = max(0, lower[name] - 1) if lower[name] else None
    total = draw(st.integers(0, max_total))
    return total, weights, lower, upper


def _expected_failure(total, weights, lower, upper) -> str | None:
    if any(upper[n] is not None and lower[n] > upper[n] for n in weights):
        return "bounds"
    if sum(lower.values()) > total:
        return "minimum"
    positive = [n for n in weights if weights[n] > 0]
    if any(upper[n] is None for n in positive):
        return None
    reachable = sum(upper[n] for n in positive) + sum(lower[n] for n in weights if not weights[n])
    return "maximum" if reachable < total else None


def _bounded(total, weights, lower, upper, method):
    maximum = {n: hi for n, hi in upper.items() if hi is not None}
    return apportion(total, weights, method, minimum=lower, maximum=maximum)


@FAST
@given(bounded_cases(), st.sampled_from(list(APPORTIONMENT_METHODS)))
def test_bounded_sum_bounds_or_infeasible(case, method):
    total, weights, lower, upper = case
    failure = _expected_failure(total, weights, lower, upper)
    if failure is not None:
        with pytest.raises(Infeasible) as caught:
            _bounded(total, weights, lower, upper, method)
        assert caught.value.kind == failure
        return
    result = _bounded(total, weights, lower, upper, method)
    assert list(result) == list(weights)
    assert sum(result.values()) == total
    for n, part in result.items():
        assert lower[n] <= part and (upper[n] is None or part <= upper[n])
        if weights[n] == 0:
            assert part == lower[n]


@FAST
@given(bounded_cases())
def test_bounded_largest_remainder_matches_constrained_quota_reference(case):
    total, weights, lower, upper = case
    if _expected_failure(total, weights, lower, upper) is not None:
        return
    result = _bounded(total, weights, lower, upper, "grootste-overschot")
    quotas = _reference_constrained_quotas(total, weights, lower, upper)
    floors = {n: q.numerator // q.denominator for n, q in quotas.items()}
    for n, part in result.items():
        assert floors[n] <= part <= -(-quotas[n] // 1)  # floor(q) <= part <= ceil(q)
    order = sorted(weights, key=lambda n: (floors[n] - quotas[n], -quotas[n], n.casefold(), n))
    for n in order[: total - sum(floors.values())]:
        floors[n] += 1
    assert result == floors


@FAST
@given(bounded_cases(), st.sampled_from([("dhondt", 1), ("sainte-lague", 2)]))
def test_bounded_divisor_methods_match_seat_by_seat_reference(case, method_step):
    total, weights, lower, upper = case
    if _expected_failure(total, weights, lower, upper) is not None:
        return
    method, step = method_step
    maximum = {n: hi for n, hi in upper.items() if hi is not None}
    expected = _reference_highest_averages(total, weights, step, lower, maximum)
    assert _bounded(total, weights, lower, upper, method) == expected


@FAST
@given(bounded_cases(), st.sampled_from(["dhondt", "sainte-lague"]))
def test_bounded_divisor_methods_are_house_monotone(case, method):
    total, weights, lower, upper = case
    if _expected_failure(total, weights, lower, upper) or _expected_failure(
        total + 1, weights, lower, upper
    ):
        return
    smaller = _bounded(total, weights, lower, upper, method)
    larger = _bounded(total + 1, weights, lower, upper, method)
    assert all(larger[n] >= smaller[n] for n in weights)


@FAST
@given(weight_maps, st.integers(0, 10**6), st.sampled_from(list(APPORTIONMENT_METHODS)))
def test_apportion_without_bounds_equals_the_plain_functions(weights, total, method):
    plain = APPORTIONMENT_METHODS[method].function(total, weights)
    assert apportion(total, weights, method) == plain
    assert apportion(total, weights, method, minimum={}, maximum={}) == plain
    # Bounds that cannot bind (every part lies between 0 and total) change nothing either.
    loose = dict.fromkeys(weights, total)
    assert apportion(total, weights, method, minimum={}, maximum=loose) == plain


@FAST
@given(weight_maps, st.integers(0, 10**9))
def test_apportion_largest_remainder_quota_property(weights, total):
    result = apportion(total, weights)
    big_w = sum(weights.values())
    for name, part in result.items():
        quota = Fraction(total * weights[name], big_w)
        assert quota.numerator // quota.denominator <= part <= -(-quota // 1)


def _assert_divisor_certificate(result, weights, lower, upper, step):
    """The result is the seat-by-seat one iff the weakest place given beats the strongest place
    not given (ranking: higher average, then higher weight, then name). Average of place k:
    w / (step·(k - 1) + 1); smaller tuple below = better place."""

    def rank(n: str, place: int) -> tuple:
        return (-Fraction(weights[n], step * (place - 1) + 1), -weights[n], n.casefold(), n)

    given_ = [rank(n, result[n]) for n in weights if result[n] > lower[n]]
    open_ = [
        rank(n, result[n] + 1)
        for n in weights
        if weights[n] and (upper.get(n) is None or result[n] < upper[n])
    ]
    if given_ and open_:
        assert max(given_) < min(open_)


@pytest.mark.parametrize(("method", "step"), [("dhondt", 1), ("sainte-lague", 2)])
def test_large_bounded_divisor_case_is_exact(method, step):
    # 100 000 places over 342 municipalities (the Dutch count) with bounds on some of them:
    # the jump start must land on exactly the seat-by-seat result (checked by certificate).
    weights = {f"Gemeente {i:03}": 1000 + (i * 7919) % 250_000 for i in range(342)}
    names_ = list(weights)
    lower = {n: (i % 7) * 10 for i, n in enumerate(names_)}
    upper = {n: 100 + i for i, n in enumerate(names_) if i % 3 == 0}
    result = apportion(100_000, weights, method, minimum=lower, maximum=upper)
    assert sum(result.values()) == 100_000
    assert all(lower[n] <= result[n] <= upper.get(n, result[n]) for n in names_)
    _assert_divisor_certificate(result, weights, lower, upper, step)


@FAST
@given(bounded_cases(max_total=5000), st.sampled_from([("dhondt", 1), ("sainte-lague", 2)]))
def test_bounded_divisor_certificate_for_larger_totals(case, method_step):
    total, weights, lower, upper = case
    if _expected_failure(total, weights, lower, upper) is not None:
        return
    method, step = method_step
    result = _bounded(total, weights, lower, upper, method)
    _assert_divisor_certificate(result, weights, lower, upper, step)


def test_extreme_weights_beyond_the_float_range():
    # Weights far outside the float range stay exact. c (10**400) takes its maximum 2 first;
    # the other 8 places go over a : b = 1 : 2 (a at most 3).
    tiny = Fraction(1, 10**400)
    weights = {"a": tiny, "b": 2 * tiny, "c": Fraction(10**400)}
    bounds = {"a": 3, "c": 2}
    # Largest remainder: quotas a 8/3, b 16/3 → floors 2 + 5 (+ c 2) = 9; a's ⅔ gets the 10th.
    assert apportion(10, weights, maximum=bounds) == {"a": 3, "b": 5, "c": 2}
    # D'Hondt (relative averages b 2, 1, ⅔, ½, ⅖, ⅓; a 1, ½, ⅓): b 2, b 1 (ties a 1; b is
    # larger), a 1, b ⅔, b ½, a ½, b ⅖, b ⅓ (ties a ⅓; b is larger) → a 2, b 6.
    assert apportion(10, weights, "dhondt", maximum=bounds) == {"a": 2, "b": 6, "c": 2}
    # Sainte-Laguë (b 2, ⅔, ⅖, 2/7, 2/9; a 1, ⅓, ⅕): b, a, b, b, a, b, b 2/9, a ⅕ → a 3, b 5.
    assert apportion(10, weights, "sainte-lague", maximum=bounds) == {"a": 3, "b": 5, "c": 2}
