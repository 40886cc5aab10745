"""A yearly path from the current places to the target places, per municipality.

Gains ``g_i = max(0, t_i - c_i)`` and losses ``l_i = max(0, c_i - t_i)`` add up to ``G`` and
``L``. After year ``y`` of ``Y`` the cumulative gain is ``G_y = ⌊y·G/Y⌋`` and the cumulative loss
``L_y = ⌊y·L/Y⌋``. Rounding both down the same way means a constant yearly decline ``d``
(``L = Y·d``, ``G = 0``) gives totals of exactly ``T0 - y·d``, and a pure substitution
(``G = L``) keeps the total the same every year.

``G_y`` is spread over the gainers by D'Hondt with weights ``g_i`` (and ``L_y`` over the losers
likewise; :func:`calculators.core.apportion.dhondt_series`). D'Hondt hands out places one at a
time, so a municipality's share never shrinks as ``G_y`` grows (house monotonicity), and at
house ``G`` it gives exactly ``g_i`` (each ``g_i/k`` with ``k <= g_i`` is >= 1, every other
average is < 1, and there are exactly ``G`` of the former).
So every municipality moves step by step towards its target and never past it.

Pure functions on plain mappings; results keep the order of ``current``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.apportion import dhondt_series

__all__ = ["moves", "yearly_path", "years_needed"]


def _checked_places(label: str, places: Mapping[str, int]) -> None:
    for name, value in places.items():
        if not isinstance(name, str):
            raise TypeError(f"{label}: keys must be strings")
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{label}: places of {name!r} must be an int")
        if value < 0:
            raise ValueError(f"{label}: places of {name!r} are negative")


def _checked_pair(
    before: Mapping[str, int], after: Mapping[str, int], labels: tuple[str, str]
) -> None:
    _checked_places(labels[0], before)
    _checked_places(labels[1], after)
    if set(before) != set(after):
        raise ValueError(f"{labels[0]} and {labels[1]} must name the same municipalities")


def _gains_and_losses(
    current: Mapping[str, int], target: Mapping[str, int]
) -> tuple[dict[str, int], dict[str, int]]:
    _checked_pair(current, target, ("current", "target"))
    gains = {name: max(0, target[name] - places) for name, places in current.items()}
    losses = {name: max(0, places - target[name]) for name, places in current.items()}
    return gains, losses


def _dhondt_counts(weights: Mapping[str, int], houses: list[int]) -> list[dict[str, int]]:
    # D'Hondt wants a positive weight sum; with nothing to move every house is 0.
    if not any(weights.values()):
        return [dict.fromkeys(weights, 0) for _ in houses]
    return dhondt_series(weights, houses)


def yearly_path(
    current: Mapping[str, int], target: Mapping[str, int], years: int
) -> list[dict[str, int]]:
    """The allocation after each year ``1 … years``; the last one equals ``target``.

    Year ``y`` is ``current + gains_y - losses_y`` (see the module docstring) and sums to
    ``Σ current + ⌊y·G/years⌋ - ⌊y·L/years⌋``. ``years`` may be 0 only when nothing moves
    (then the path is empty).
    """
    gains, losses = _gains_and_losses(current, target)
    if isinstance(years, bool) or not isinstance(years, int):
        raise TypeError("years must be an int")
    if years < 0 or (years == 0 and (any(gains.values()) or any(losses.values()))):
        raise ValueError("years must be positive (0 only when nothing moves)")
    total_gain, total_loss = sum(gains.values()), sum(losses.values())
    steps = range(1, years + 1)
    gained = _dhondt_counts(gains, [y * total_gain // years for y in steps])
    lost = _dhondt_counts(losses, [y * total_loss // years for y in steps])
    return [
        {name: c + gain[name] - loss[name] for name, c in current.items()}
        for gain, loss in zip(gained, lost, strict=True)
    ]


def years_needed(
    current: Mapping[str, int], target: Mapping[str, int], max_moves_per_year: int
) -> int:
    """The fewest years in which :func:`yearly_path` adds at most ``max_moves_per_year`` (K)
    places and removes at most K places each year: ``max(⌈G/K⌉, ⌈L/K⌉)``; 0 when nothing moves.

    Why ``Y = max(⌈G/K⌉, ⌈L/K⌉)`` years suffice: a gainer's share of ``G_y`` never shrinks as
    ``y`` grows (D'Hondt is house monotone) and a gainer never loses, so the places added in
    year ``y`` are exactly ``G_y - G_{y-1} = ⌊a + b⌋ - ⌊a⌋`` with ``a = (y-1)·G/Y`` and
    ``b = G/Y``. Now ``⌊a + b⌋ <= a + b < ⌊a⌋ + 1 + b``, so the whole number
    ``⌊a + b⌋ - ⌊a⌋`` is below ``1 + b`` and hence at most ``⌈b⌉``. As ``Y >= G/K`` we have
    ``b <= K``, and K is whole, so ``⌈b⌉ <= K``. The same holds for the losses with ``L``.
    Fewer years would not do: ``G`` places must be added in ``Y`` years, so some year adds at
    least ``G/Y``, which exceeds K when ``Y < G/K``.
    """
    gains, losses = _gains_and_losses(current, target)
    if isinstance(max_moves_per_year, bool) or not isinstance(max_moves_per_year, int):
        raise TypeError("max_moves_per_year must be an int")
    if max_moves_per_year < 1:
        raise ValueError("max_moves_per_year must be at least 1")
    k = max_moves_per_year
    return max(-(-sum(gains.values()) // k), -(-sum(losses.values()) // k))


def moves(before: Mapping[str, int], after: Mapping[str, int]) -> tuple[int, int]:
    """(places added, places removed) from ``before`` to ``after``, summed over municipalities."""
    _checked_pair(before, after, ("before", "after"))
    added = sum(max(0, after[name] - places) for name, places in before.items())
    removed = sum(max(0, places - after[name]) for name, places in before.items())
    return added, removed
