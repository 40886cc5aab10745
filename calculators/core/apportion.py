"""Apportionment: split a whole number (cents, places) into whole parts that add up exactly.

Three methods:

* :func:`largest_remainder` (default; "grootste overschot", Hamilton/Hare): every party gets
  the whole part of its exact quota; the units left over go, one each, to the largest
  fractional remainders.
* :func:`dhondt`: highest averages with divisors 1, 2, 3, …; slightly favours large parties.
* :func:`sainte_lague`: highest averages with divisors 1, 3, 5, …; the most even-handed
  between large and small parties.

Tie-break (all three methods; it never depends on the order of the input): the larger
remainder (or average) first, then the larger exact quota (= the larger weight), then the name
in ascending order of ``name.casefold()``, then of ``name`` itself. Results keep the input
order of the keys.

These functions are the typed API for programmers: they raise ``ValueError``/``TypeError`` for
arguments that are not allowed. Calculators validate user input first and report problems in
Dutch, so users never see these exceptions.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

__all__ = [
    "APPORTIONMENT_METHODS",
    "ApportionmentMethod",
    "dhondt",
    "largest_remainder",
    "sainte_lague",
]

Weight = Fraction | int | Decimal


def _name_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _checked_weights(weights: Mapping[str, Weight]) -> tuple[dict[str, Fraction], Fraction]:
    if not weights:
        raise ValueError("weights must not be empty")
    exact: dict[str, Fraction] = {}
    for name, weight in weights.items():
        if not isinstance(name, str):
            raise TypeError("keys must be strings")
        if isinstance(weight, bool) or not isinstance(weight, (int, Fraction, Decimal)):
            raise TypeError(f"weight of {name!r} must be int, Fraction or Decimal")
        value = Fraction(weight)
        if value < 0:
            raise ValueError(f"weight of {name!r} is negative")
        exact[name] = value
    total_weight = sum(exact.values(), Fraction(0))
    if total_weight <= 0:
        raise ValueError("weights must have a positive sum")
    return exact, total_weight


def _checked_total(total: int) -> int:
    if isinstance(total, bool) or not isinstance(total, int):
        raise TypeError("total must be an int")
    return total


def largest_remainder(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """Split ``total`` into whole parts proportional to ``weights``; the parts sum to ``total``.

    Each key first gets the whole part of its quota ``total · weight / Σ weights``; the units
    still missing go one each to the keys with the largest fractional remainder (tie-break: see
    the module docstring). Every part therefore differs less than 1 from its exact quota.

    A negative ``total`` (a deficit) is the mirror image of a surplus: the absolute value is
    apportioned and the parts are negated. Weights must be non-negative with a positive sum.
    """
    total = _checked_total(total)
    exact, total_weight = _checked_weights(weights)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    quotas = {name: magnitude * w / total_weight for name, w in exact.items()}
    parts = {name: q.numerator // q.denominator for name, q in quotas.items()}
    left = magnitude - sum(parts.values())
    if left:
        ranked = sorted(
            quotas,
            key=lambda n: (-(quotas[n] - parts[n]), -quotas[n], *_name_key(n)),
        )
        for name in ranked[:left]:
            parts[name] += 1
    return {name: sign * parts[name] for name in exact}


def _highest_averages(
    total: int,
    weights: Mapping[str, Weight],
    divisor: Callable[[int], Fraction],
    seats_above: Callable[[Fraction], int],
    slack: Fraction,
) -> dict[str, int]:
    total = _checked_total(total)
    if total < 0:
        raise ValueError("total must not be negative")
    exact, total_weight = _checked_weights(weights)
    seats = dict.fromkeys(exact, 0)
    if total == 0:
        return seats
    # Jump start (so 10**8 places do not take 10**8 steps): give every party all seats whose
    # average lies strictly above a threshold ``mu`` chosen so that at most ``total`` seats are
    # handed out and at most about one per party is left. Those seats belong to the final
    # result whatever the tie-break, because every seat not handed out has an average <= mu.
    house = total - slack * len(exact)
    if house > 0:
        mu = total_weight / house
        for name, w in exact.items():
            seats[name] = seats_above(w / mu)
        if sum(seats.values()) > total:  # cannot happen by the bounds; stay safe anyway
            seats = dict.fromkeys(exact, 0)
    heap = [(-(w / divisor(seats[n] + 1)), -w, *_name_key(n)) for n, w in exact.items()]
    heapq.heapify(heap)
    for _ in range(total - sum(seats.values())):
        _, neg_w, _, name = heapq.heappop(heap)
        seats[name] += 1
        heapq.heappush(heap, (-(-neg_w / divisor(seats[name] + 1)), neg_w, *_name_key(name)))
    return seats


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


def dhondt(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """D'Hondt: each next place goes to the party with the highest ``weight / (places + 1)``.

    Used for Dutch council seats; it slightly favours larger parties. ``total`` must be >= 0.
    Ties: larger weight first, then name (see the module docstring).
    """
    return _highest_averages(
        total,
        weights,
        divisor=lambda k: Fraction(k),
        # number of k >= 1 with w / k > mu, i.e. k < x where x = w / mu
        seats_above=lambda x: max(0, _ceil(x) - 1),
        slack=Fraction(0),
    )


def sainte_lague(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """Sainte-Laguë: each next place goes to the highest ``weight / (2 · places + 1)``.

    The divisors 1, 3, 5, … treat large and small parties most evenly (it rounds quotas to the
    nearest whole number). ``total`` must be >= 0. Ties: larger weight first, then name.
    """
    return _highest_averages(
        total,
        weights,
        # divisor k - 1/2 for the k-th place is the same ranking as 2k - 1
        divisor=lambda k: Fraction(2 * k - 1, 2),
        # number of k >= 1 with w / (k - 1/2) > mu, i.e. k < x + 1/2
        seats_above=lambda x: max(0, _ceil(x + Fraction(1, 2)) - 1),
        slack=Fraction(1, 2),
    )


@dataclass(frozen=True, slots=True)
class ApportionmentMethod:
    id: str
    label: str
    explanation: str
    function: Callable[[int, Mapping[str, Weight]], dict[str, int]]

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
    ),
    "dhondt": ApportionmentMethod(
        "dhondt",
        "D'Hondt",
        "Elke volgende plaats gaat naar de gemeente met het hoogste gemiddelde: haar gewicht "
        "gedeeld door (plaatsen die ze al heeft + 1). Dit is de methode voor zetels in de "
        "gemeenteraad; grote gemeenten krijgen er iets vaker een plaats bij.",
        dhondt,
    ),
    "sainte-lague": ApportionmentMethod(
        "sainte-lague",
        "Sainte-Laguë",
        "Elke volgende plaats gaat naar de gemeente met het hoogste gemiddelde: haar gewicht "
        "gedeeld door 1, 3, 5, … (twee keer de plaatsen die ze al heeft, plus 1). Dit is het "
        "meest evenwichtig tussen grote en kleine gemeenten.",
        sainte_lague,
    ),
}
