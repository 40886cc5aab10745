"""Apportionment: split a whole number (cents, places) into whole parts that add up exactly.

Three methods:

* :func:`largest_remainder` (default; "grootste overschot", Hamilton/Hare): every party gets
  the whole part of its exact quota; the units left over go, one each, to the largest
  fractional remainders.
* :func:`dhondt`: highest averages with divisors 1, 2, 3, …; slightly favours large parties.
  :func:`dhondt_series` gives it for several totals at once (the same sequence of places).
* :func:`sainte_lague`: highest averages with divisors 1, 3, 5, …; the most even-handed
  between large and small parties.

:func:`apportion` runs any of the three by its id in :data:`APPORTIONMENT_METHODS` (and
:func:`apportion_each` all of them at once, sharing the work) and also takes a minimum and a
maximum per party:

* largest remainder: the exact quota becomes the *constrained quota*
  ``q_i = clamp(weight_i · λ, minimum_i, maximum_i)`` with the one level ``λ`` for which the
  quotas add up to the total; then the same floors-plus-largest-remainders step as without
  bounds. A quota held at a bound is a whole number, so the floors and the extra units stay
  within the bounds by themselves.
* D'Hondt and Sainte-Laguë: every party starts at its minimum; each next place goes to the
  highest average among the parties still below their maximum.

Parties with weight 0 get exactly their minimum. When the bounds leave no valid result,
:class:`Infeasible` says why and which parties are involved.

Tie-break (all three methods, with or without bounds; it never depends on the order of the
input): the larger remainder (or average) first, then the larger exact quota (= the larger
weight), then the name in ascending order of ``name.casefold()``, then of ``name`` itself.
Results keep the input order of the keys.

These functions are the typed API for programmers: they raise ``ValueError``/``TypeError`` for
arguments that are not allowed. Calculators validate user input first and report problems in
Dutch, so users never see these exceptions.
"""

from __future__ import annotations

import heapq
import math
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Weight = Fraction | int | Decimal


class Infeasible(ValueError):
    """The minimums and maximums leave no apportionment of ``total``.

    ``kind`` is ``"bounds"`` (a minimum above its own maximum), ``"minimum"`` (the minimums
    together exceed the total) or ``"maximum"`` (the total cannot be reached: every party with
    a positive weight is held at its maximum). ``names`` lists the parties involved, in input
    order, so a calculator can name them in its own (Dutch) message.
    """

    def __init__(self, kind: str, names: Iterable[str], message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.names: tuple[str, ...] = tuple(names)


def _name_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _scaled_weights(weights: Mapping[str, Weight]) -> dict[str, int]:
    """The weights as whole numbers in the same proportions: each weight times the common
    denominator, which changes no quota, no order of averages and no order of weights.

    Everything below computes on these whole numbers: a Fraction per weight, quota and average
    (normalised by a gcd at every step) was most of the time of a table of 2.000 rows."""
    if not weights:
        raise ValueError("weights must not be empty")
    ratios: dict[str, tuple[int, int]] = {}
    for name, weight in weights.items():
        if type(name) is not str and not isinstance(name, str):
            raise TypeError("keys must be strings")
        kind = type(weight)  # the exact types first: isinstance on 2.000 weights adds up
        if kind is not int and kind is not Fraction and kind is not Decimal:
            if isinstance(weight, bool) or not isinstance(weight, (int, Fraction, Decimal)):
                raise TypeError(f"weight of {name!r} must be int, Fraction or Decimal")
        numerator, denominator = weight.as_integer_ratio()  # raises for NaN, as Fraction()
        if numerator < 0:
            raise ValueError(f"weight of {name!r} is negative")
        ratios[name] = numerator, denominator
    common = math.lcm(*(d for _, d in ratios.values()))
    return {name: n * (common // d) for name, (n, d) in ratios.items()}


def _positive_sum(scaled: Mapping[str, int]) -> int:
    total_weight = sum(scaled.values())
    if total_weight <= 0:
        raise ValueError("weights must have a positive sum")
    return total_weight


def _checked_total(total: int, *, allow_negative: bool = False) -> int:
    if isinstance(total, bool) or not isinstance(total, int):
        raise TypeError("total must be an int")
    if total < 0 and not allow_negative:
        raise ValueError("total must not be negative")
    return total


class _Ratio:
    """An exact ratio ``numerator / denominator`` (``denominator > 0``) that only compares:
    the tie-breaker behind a float in a sort or heap key. Cheaper to make than a Fraction (no
    gcd), and compared only when the floats are equal."""

    __slots__ = ("denominator", "numerator")

    def __init__(self, numerator: int, denominator: int) -> None:
        self.numerator = numerator
        self.denominator = denominator

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Ratio):
            return NotImplemented
        return self.numerator * other.denominator == other.numerator * self.denominator

    def __lt__(self, other: _Ratio) -> bool:
        return self.numerator * other.denominator < other.numerator * self.denominator


def _float(numerator: int, denominator: int) -> float:
    """``numerator / denominator`` correctly rounded (int true division), hence monotone in
    the exact value; beyond the float range infinite, still monotone."""
    try:
        return numerator / denominator
    except OverflowError:
        return math.inf if numerator > 0 else -math.inf


def _exact_key(numerator: int, denominator: int) -> tuple[float, _Ratio]:
    """Sort key for the ratio: the float decides almost every comparison (it never contradicts
    the exact order) and the exact ratio only breaks the rare float ties. About twice as fast
    as comparing Fractions; much faster than making them."""
    return (_float(numerator, denominator), _Ratio(numerator, denominator))


def round_scaled(total: int, numerators: Mapping[str, int], denominator: int) -> dict[str, int]:
    """Largest remainder on quotas ``numerator / denominator`` that sum to ``total``, in whole
    numbers only: floors first, then one unit each to the largest remainders; ties by the
    larger quota, then the name. The one rounding step behind every largest-remainder result
    here (integer arithmetic: comparing Fractions cost 25 ms a year on 342 municipalities)."""
    parts = {name: num // denominator for name, num in numerators.items()}
    left = total - sum(parts.values())
    # One unit more for the names in ranking[:left]. Quotas that do not sum to total (not a
    # valid call) keep that meaning: every name when left > n, all but the last -left if < 0.
    count = min(left, len(numerators)) if left >= 0 else max(0, len(numerators) + left)
    if count:
        # The `count` largest remainders: all above the count-th largest, and of those equal to
        # it the first by quota and name. Sorting the plain remainders and ranking the ties
        # only is a third faster than ranking every name by the full key.
        remainders = {name: num % denominator for name, num in numerators.items()}
        cut = sorted(remainders.values(), reverse=True)[count - 1]
        above = [n for n, r in remainders.items() if r > cut]
        tied = [n for n, r in remainders.items() if r == cut]
        if len(tied) > count - len(above):
            tied.sort(key=lambda n: (-numerators[n], *_name_key(n)))
        for name in above + tied[: count - len(above)]:
            parts[name] += 1
    return parts


def largest_remainder(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """Split ``total`` into whole parts proportional to ``weights``; the parts sum to ``total``.

    Each key first gets the whole part of its quota ``total · weight / Σ weights``; the units
    still missing go one each to the keys with the largest fractional remainder (tie-break: see
    the module docstring). Every part therefore differs less than 1 from its exact quota.

    A negative ``total`` (a deficit) is the mirror image of a surplus: the absolute value is
    apportioned and the parts are negated. Weights must be non-negative with a positive sum.
    """
    total = _checked_total(total, allow_negative=True)
    scaled = _scaled_weights(weights)
    total_weight = _positive_sum(scaled)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    # Quota magnitude · w / Σ w: on the denominator Σ w (of the weights scaled to whole
    # numbers) every quota is a whole numerator, and round_scaled needs nothing else.
    parts = round_scaled(magnitude, {n: magnitude * w for n, w in scaled.items()}, total_weight)
    return {name: sign * part for name, part in parts.items()}


def dhondt(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """D'Hondt: each next place goes to the party with the highest ``weight / (places + 1)``.

    Used for Dutch council seats; it slightly favours larger parties. ``total`` must be >= 0.
    Ties: larger weight first, then name (see the module docstring).
    """
    total = _checked_total(total)
    return dhondt_series(weights, [total])[0]


def dhondt_series(weights: Mapping[str, Weight], houses: Sequence[int]) -> list[dict[str, int]]:
    """D'Hondt for each total in ``houses`` at once: item ``i`` is ``dhondt(houses[i], weights)``.

    Place ``k`` of a party has average ``w/k``; places go highest average first, ties by the
    larger weight and then the name (see the module docstring). Closed form instead of handing
    out places one by one (10 million places took 28 s in the browser): with ``W = Σ w``, every
    place with ``k/w <= x/W`` comes before every other, and there are ``⌊x·w/W⌋`` of them per
    party; with ``x`` a little above ``h`` (:func:`dhondt_rows`) they add up to about ``h``, and
    a heap adds the next places or takes the last ones back, in order. The work per total
    depends on the number of parties, not on the places.

    The weights are first scaled to whole numbers on their common denominator, which changes
    neither the order of the averages nor that of the weights. The heap key ``k/w`` is then a
    float while ``w·k < 2**50`` for every key (``|k| <= h + n + 2``): two different fractions
    ``k/w < k'/w'`` differ by at least ``1/(w·w') > 2**-50·k'/w'``, more than the width of the
    values that round to one float, and equal fractions round to the same float, so the order
    is exact; larger keys fall back to exact ratios (:class:`_Ratio`).
    """
    scaled = _scaled_weights(weights)
    total_weight = _positive_sum(scaled)
    houses = [_checked_total(house, allow_negative=True) for house in houses]
    if any(house < 0 for house in houses):
        raise ValueError("houses must not be negative")
    names = list(scaled)
    seats = dhondt_rows(names, list(scaled.values()), total_weight, houses)
    return [dict(zip(names, row, strict=True)) for row in seats]


def dhondt_rows(
    names: Sequence[str], weights: Sequence[int], total_weight: int, houses: Sequence[int]
) -> list[list[int]]:
    """:func:`dhondt_series` on checked whole weights (``total_weight`` their positive sum)
    and houses (each >= 0), as lists in the order of ``names``: no dict per house, for a
    caller that builds its own (:func:`calculators.core.path.yearly_path`).

    D'Hondt at house ``h`` takes the first ``h`` of all places ``k/w`` in order (then by the
    tie-break). Every place with ``k/w <= (h + m/2)/W`` (``m`` parties with a weight) is such a
    first run, ``⌊w·(h + m/2)/W⌋`` per party, about ``h`` in all (each floor drops half a
    place on average); a heap then adds the next places in order, or takes the last ones
    back, usually a handful instead of the ``m/2`` that the floors of ``h`` leave."""
    ranked = sorted(
        (i for i, w in enumerate(weights) if w),
        key=lambda i: (-weights[i], *_name_key(names[i])),
    )
    parties = len(ranked)
    # See dhondt_series: the keys k/w (|k| <= h + m + 2, with the start below) are exact as
    # floats while w·k < 2**50.
    use_float = max(weights) * (max(houses, default=0) + parties + 2) < 2**50
    key: Callable[[int, int], float | tuple[float, _Ratio]]
    key = operator.truediv if use_float else _exact_key
    series = []
    for house in houses:
        scale = 2 * house + parties
        seats = [scale * w // (2 * total_weight) for w in weights]
        left = house - sum(seats)
        if left > 0:
            _add(seats, weights, ranked, key, left)
        elif left < 0:
            _take_back(seats, weights, ranked, key, -left)
        series.append(seats)
    return series


def _add(
    seats: list[int],
    weights: Sequence[int],
    ranked: list[int],
    key: Callable[[int, int], float | tuple[float, _Ratio]],
    count: int,
) -> None:
    """The next ``count`` D'Hondt places: the smallest ``(seats + 1)/w``, then the rank (the
    parties in ``ranked`` by tie-break; a heap entry is just (key, rank))."""
    heap = [(key(seats[i] + 1, weights[i]), rank) for rank, i in enumerate(ranked)]
    heapq.heapify(heap)
    for _ in range(count):
        rank = heap[0][1]
        i = ranked[rank]
        seats[i] += 1
        heapq.heapreplace(heap, (key(seats[i] + 1, weights[i]), rank))


def _take_back(
    seats: list[int],
    weights: Sequence[int],
    ranked: list[int],
    key: Callable[[int, int], float | tuple[float, _Ratio]],
    count: int,
) -> None:
    """Take back the last ``count`` D'Hondt places: the largest ``seats/w``, then the largest
    rank, first (keys negated for the min-heap)."""
    heap = [(key(-seats[i], weights[i]), -rank) for rank, i in enumerate(ranked) if seats[i]]
    heapq.heapify(heap)
    for _ in range(count):
        rank = -heap[0][1]
        i = ranked[rank]
        seats[i] -= 1
        if seats[i]:
            heapq.heapreplace(heap, (key(-seats[i], weights[i]), -rank))
        else:
            heapq.heappop(heap)


def sainte_lague(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """Sainte-Laguë: each next place goes to the highest ``weight / (2 · places + 1)``.

    The divisors 1, 3, 5, … treat large and small parties most evenly (it rounds quotas to the
    nearest whole number). ``total`` must be >= 0. Ties: larger weight first, then name.
    """
    total = _checked_total(total)
    scaled = _scaled_weights(weights)
    _positive_sum(scaled)
    lower = dict.fromkeys(scaled, 0)
    if total == 0:
        return lower
    return _highest_averages(total, scaled, lower, dict.fromkeys(scaled), offset2=1)


def apportion(
    total: int,
    weights: Mapping[str, Weight],
    method: str = "grootste-overschot",
    minimum: Mapping[str, int] | None = None,
    maximum: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Split ``total`` (>= 0) by ``method`` (an id in :data:`APPORTIONMENT_METHODS`) so that
    ``minimum[name] <= part <= maximum[name]``; the parts sum to ``total`` exactly.

    A name missing from ``minimum`` has minimum 0; missing from ``maximum``: no maximum.
    Without bounds the result equals :func:`largest_remainder`, :func:`dhondt` or
    :func:`sainte_lague`. Parties with weight 0 get their minimum; all weights may be 0 if the
    minimums add up to ``total``. Raises :class:`Infeasible` when no valid result exists.
    """
    total = _checked_total(total)
    if method not in APPORTIONMENT_METHODS:
        raise ValueError(f"unknown apportionment method {method!r}")
    return apportion_each(total, weights, minimum, maximum, methods=(method,))[method]


def apportion_each(
    total: int,
    weights: Mapping[str, Weight],
    minimum: Mapping[str, int] | None = None,
    maximum: Mapping[str, int] | None = None,
    methods: Iterable[str] | None = None,
) -> dict[str, dict[str, int]]:
    """:func:`apportion` by each of ``methods`` (None: every method of
    :data:`APPORTIONMENT_METHODS`): method id -> parts, the same as one call per method.

    The weights are scaled, the bounds checked and each level ``λ`` solved once for all of
    them: largest remainder and D'Hondt share theirs (offset 0), so the three methods cost
    about two. Raises :class:`Infeasible` as :func:`apportion` does (it does not depend on
    the method)."""
    total = _checked_total(total)
    chosen = list(APPORTIONMENT_METHODS if methods is None else methods)
    unknown = [m for m in chosen if m not in APPORTIONMENT_METHODS]
    if unknown:
        raise ValueError(f"unknown apportionment method {unknown[0]!r}")
    scaled = _scaled_weights(weights)
    lower, upper = _checked_bounds(scaled, minimum, maximum)
    _check_feasible(total, scaled, lower, upper)
    if total == sum(lower.values()):
        # Every part at its minimum is the only possibility.
        return {method: dict(lower) for method in chosen}
    levels: dict[int, tuple[int, int]] = {}
    parts = {}
    for method in chosen:
        offset2 = APPORTIONMENT_METHODS[method].divisor_offset2
        offset = offset2 or 0
        if offset not in levels:
            levels[offset] = _solve_level(total, scaled, lower, upper, offset)
        a, b = levels[offset]
        if offset2 is None:
            # λ = a/b: on the denominator b every constrained quota clamp(w·λ, lo, hi) is a
            # whole numerator clamp(w·a, lo·b, hi·b).
            numerators = {n: _clamp(w * a, lower[n], upper[n], b) for n, w in scaled.items()}
            parts[method] = round_scaled(total, numerators, b)
        else:
            parts[method] = _highest_averages(total, scaled, lower, upper, offset2, (a, b))
    return parts


def _checked_bounds(
    exact: Mapping[str, int],
    minimum: Mapping[str, int] | None,
    maximum: Mapping[str, int] | None,
) -> tuple[dict[str, int], dict[str, int | None]]:
    lower: dict[str, int] = dict.fromkeys(exact, 0)
    upper: dict[str, int | None] = dict.fromkeys(exact)  # None: no maximum
    for label, given, into in (("minimum", minimum, lower), ("maximum", maximum, upper)):
        for name, value in (given or {}).items():
            if name not in exact:
                raise ValueError(f"{label} for {name!r}, which has no weight")
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{label} of {name!r} must be an int")
            if value < 0:
                raise ValueError(f"{label} of {name!r} is negative")
            into[name] = value
    return lower, upper


def _check_feasible(
    total: int,
    exact: Mapping[str, int],
    lower: Mapping[str, int],
    upper: Mapping[str, int | None],
) -> None:
    crossed = [n for n in exact if (hi := upper[n]) is not None and lower[n] > hi]
    if crossed:
        raise Infeasible("bounds", crossed, f"minimum above maximum for {crossed}")
    if sum(lower.values()) > total:
        names = [n for n in exact if lower[n] > 0]
        raise Infeasible("minimum", names, f"the minimums of {names} exceed {total}")
    positive = [n for n in exact if exact[n] > 0]
    if all(upper[n] is not None for n in positive):
        # Weight-0 parties stay at their minimum, so this is the most that can be handed out.
        held = sum(lower[n] for n in exact if not exact[n])
        reachable = held + sum(upper[n] or 0 for n in positive)  # all are ints here
        if reachable < total:
            # With no positive weight at all, every party is held at its minimum.
            names = positive or list(exact)
            raise Infeasible("maximum", names, f"the maximums of {names} stay below {total}")


def _clamp(x: int, lo: int, hi: int | None, scale: int) -> int:
    """``x`` held between ``lo · scale`` and ``hi · scale`` (``hi`` None: no maximum)."""
    if x < lo * scale:
        return lo * scale
    if hi is not None and x > hi * scale:
        return hi * scale
    return x


def _solve_level(
    total: int,
    exact: Mapping[str, int],
    lower: Mapping[str, int],
    upper: Mapping[str, int | None],
    offset2: int,
) -> tuple[int, int]:
    """The exact ``λ = a/b`` (returned as ``(a, b)``, ``b > 0``) with ``h(λ) = total``, where
    ``h(λ) = Σ clamp(w_i·λ + offset, lo_i, hi_i)`` over the positive weights plus ``Σ lo_i`` over
    the zero weights, and ``offset = offset2 / 2``.

    ``h`` is continuous, non-decreasing and piecewise linear in ``λ`` (any real), with a kink
    where a party leaves its minimum or reaches its maximum. Walk the kinks in order, keeping
    ``h(λ) = const + slope·λ`` on the current piece, until ``h`` reaches ``total``; then solve
    the linear piece. Requires ``Σ lo < total <= h(∞)`` (checked by :func:`_check_feasible`).
    Whole numbers only: ``const2 = 2·const``, and the kink ``(lo - offset)/w`` is
    ``(2·lo - offset2) / (2·w)``.
    """
    # (at as numerator and denominator, slope change, const2 change)
    events: list[tuple[int, int, int, int]] = []
    for name, w in exact.items():
        if w:
            lo2 = 2 * lower[name]
            events.append((lo2 - offset2, 2 * w, w, offset2 - lo2))
            if (hi := upper[name]) is not None:
                events.append((2 * hi - offset2, 2 * w, -w, 2 * hi - offset2))
    _sort_exactly(events)
    const2, slope = 2 * sum(lower.values()), 0
    total2 = 2 * total
    for at_n, at_d, d_slope, d_const2 in events:
        # Every kink keeps h continuous, so const + slope·at is h(at) whichever of the kinks at
        # this same point were applied already. h < total before the first kink, so the piece
        # we stop on rises (slope > 0) from below total to at least total.
        # const2/2 + slope·at_n/at_d >= total, times 2·at_d > 0:
        if const2 * at_d + 2 * slope * at_n >= total2 * at_d:
            break
        slope += d_slope
        const2 += d_const2
    return total2 - const2, 2 * slope


def _sort_exactly(events: list[tuple[int, int, int, int]]) -> None:
    """Sort by the exact ratio ``event[0] / event[1]`` (stable): by its float first, which is
    correctly rounded and so never contradicts the exact order, then exactly within each run
    of equal floats whose ratios differ. No Fraction per event."""
    events.sort(key=lambda e: _float(e[0], e[1]))
    start = 0
    while start < len(events):
        end = start + 1
        first = _float(events[start][0], events[start][1])
        while end < len(events) and _float(events[end][0], events[end][1]) == first:
            end += 1
        if end - start > 1:
            n0, d0 = events[start][0], events[start][1]
            if any(n * d0 != n0 * d for n, d, _, _ in events[start + 1 : end]):
                events[start:end] = sorted(events[start:end], key=lambda e: _Ratio(e[0], e[1]))
        start = end


def _highest_averages(
    total: int,
    exact: Mapping[str, int],
    lower: Mapping[str, int],
    upper: Mapping[str, int | None],
    offset2: int,
    level: tuple[int, int] | None = None,
) -> dict[str, int]:
    """Seat by seat from the minimums: each next place to the highest ``w / (seats + 1 - offset)``
    among the parties with a positive weight below their maximum; ties by weight, then name
    (``offset = offset2 / 2``).

    Jump start (100 000 places must not take 100 000 heap steps): take the level ``λ`` of
    :func:`_solve_level` for ``h(λ) = Σ clamp(w·λ + offset, lo, hi) = total`` and give each party
    ``s_i = clamp(c_i, lo_i, hi_i)``, where ``c_i`` counts its places with an average above
    ``μ = 1/λ``: ``w/(k - offset) > μ`` iff ``k < w·λ + offset``, so ``c_i = ⌈w·λ + offset⌉ - 1``.
    As ``c_i < w·λ + offset``, ``Σ s_i <= h(λ) = total``; as ``c_i >= w·λ + offset - 1``, at most
    one place per party is left. These places belong to the seat-by-seat result: if a party
    ended below ``s_i``, its next average (> μ) was open all along, so every place handed out
    had an average > μ and every party would end at most at its ``s_j``, in total less than
    ``Σ s_j <= total`` — a contradiction. A heap then hands out the rest seat by seat, exactly.

    The average ``w / (seats + 1 - offset)`` is ``2w / (2·seats + 2 - offset2)``; the heap
    orders on its float and only on float ties on the exact ratio. ``level``: that ``λ`` as
    :func:`_solve_level` gives it, if the caller has it already.
    """
    a, b = level or _solve_level(total, exact, lower, upper, offset2)
    seats = dict(lower)
    for name, w in exact.items():
        if w:
            # ⌈w·a/b + offset2/2⌉ - 1, in whole numbers (at most 0 when λ <= 0)
            counted = -(-(2 * w * a + offset2 * b) // (2 * b)) - 1
            seats[name] = _clamp(counted, lower[name], upper[name], 1)

    def key(w: int, places: int) -> tuple[float, _Ratio]:
        # Largest average first: the negated average, as float and exact ratio.
        return _exact_key(-2 * w, 2 * places + 2 - offset2)

    heap = [
        (*key(w, seats[n]), -w, *_name_key(n))
        for n, w in exact.items()
        if w and ((hi := upper[n]) is None or seats[n] < hi)
    ]
    heapq.heapify(heap)
    for _ in range(total - sum(seats.values())):
        _, _, neg_w, _, name = heapq.heappop(heap)
        seats[name] += 1
        if (hi := upper[name]) is None or seats[name] < hi:
            heapq.heappush(heap, (*key(-neg_w, seats[name]), neg_w, *_name_key(name)))
    return seats


@dataclass(frozen=True, slots=True)
class ApportionmentMethod:
    id: str
    label: str
    explanation: str
    function: Callable[[int, Mapping[str, Weight]], dict[str, int]]
    # The k-th place of a party has divisor ``k - offset``: 1, 2, 3, … for D'Hondt and ½, 1½,
    # 2½, … for Sainte-Laguë (the same ranking as 1, 3, 5, …). Stored as twice the offset (0
    # or 1), so that all arithmetic stays in whole numbers. ``None``: not a divisor method.
    divisor_offset2: int | None

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "label": self.label, "explanation": self.explanation}


APPORTIONMENT_METHODS: dict[str, ApportionmentMethod] = {
    "grootste-overschot": ApportionmentMethod(
        "grootste-overschot",
        "Grootste overschot",
        "Elke gemeente krijgt eerst het hele deel van haar exacte aandeel. Wat dan nog over is, "
        "gaat één voor één naar de gemeenten met het grootste restje achter de komma. "
        "Zo wijkt niemand meer dan 1 af van het exacte aandeel.",
        largest_remainder,
        divisor_offset2=None,
    ),
    "dhondt": ApportionmentMethod(
        "dhondt",
        "D'Hondt",
        "Elke volgende plaats gaat naar de gemeente met het hoogste gemiddelde: haar gewicht "
        "gedeeld door (plaatsen die ze al heeft + 1). Dit is de methode voor zetels in de "
        "gemeenteraad; grote gemeenten krijgen er iets vaker een plaats bij.",
        dhondt,
        divisor_offset2=0,
    ),
    "sainte-lague": ApportionmentMethod(
        "sainte-lague",
        "Sainte-Laguë",
        "Elke volgende plaats gaat naar de gemeente met het hoogste gemiddelde: haar gewicht "
        "gedeeld door 1, 3, 5, … (twee keer de plaatsen die ze al heeft, plus 1). Dit is het "
        "meest evenwichtig tussen grote en kleine gemeenten.",
        sainte_lague,
        divisor_offset2=1,
    ),
}
