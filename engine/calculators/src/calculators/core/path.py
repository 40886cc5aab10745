"""A yearly path from an allocation of whole units (places) to a target allocation, per
municipality: each moves step by step towards its target, never past it (Spreiding uses it).

Gains ``g_i = max(0, t_i - c_i)`` and losses ``l_i = max(0, c_i - t_i)`` add up to ``G`` and
``L``. After year ``y`` of ``Y`` the cumulative gain is ``G_y = ⌊y·G/Y⌋`` and the cumulative loss
``L_y = ⌊y·L/Y⌋``. Rounding both down the same way means a constant yearly decline ``d``
(``L = Y·d``, ``G = 0``) gives totals of exactly ``T0 - y·d``, and a pure substitution
(``G = L``) keeps the total the same every year.

``G_y`` is spread over the gainers by D'Hondt with weights ``g_i`` (and ``L_y`` over the losers
likewise; :func:`calculators.core.apportion.dhondt_rows`, on the municipalities that move).
D'Hondt hands out places one at a time, so a municipality's share never shrinks as ``G_y``
grows (house monotonicity), and at house ``G`` it gives exactly ``g_i`` (each ``g_i/k`` with
``k <= g_i`` is >= 1, every other average is < 1, and there are exactly ``G`` of the former).
So every municipality moves step by step towards its target and never past it.

Pure functions on plain mappings; results keep the order of ``current``.
"""

from __future__ import annotations

from collections.abc import Mapping

from .apportion import dhondt_rows

__all__ = ["cumulative", "moves", "yearly_path", "years_needed"]


def _whole(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int")


def _check(before: Mapping[str, int], after: Mapping[str, int]) -> None:
    """Both must give whole places, 0 or more, to the same municipalities."""
    for places in (before, after):
        for name, value in places.items():
            # type() first: the exact types are the common case, isinstance() adds up.
            if type(name) is str and type(value) is int:
                if value < 0:
                    raise ValueError(f"the places of {name!r} are negative")
                continue
            if not isinstance(name, str) or isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"places must map names to ints, not {name!r} to {value!r}")
            if value < 0:
                raise ValueError(f"the places of {name!r} are negative")
    if before.keys() != after.keys():
        raise ValueError("before and after must name the same municipalities")


def cumulative(total: int, years: int) -> list[int]:
    """``⌊y·total/years⌋`` for ``y = 1 … years``: how much of ``total`` is done after each
    year. The step of year ``y`` is item ``y`` minus item ``y - 1`` (0 before year 1)."""
    return [y * total // years for y in range(1, years + 1)]


def _shares(changes: list[tuple[int, int]], houses: list[int], names: list[str]) -> list[list[int]]:
    """D'Hondt for each house over ``changes`` (index, gain or loss > 0): per house the
    places of each change, in the same order."""
    if not changes:  # D'Hondt wants a positive weight sum; with nothing to move, nothing moves
        return [[] for _ in houses]
    weights = [amount for _, amount in changes]
    return dhondt_rows([names[i] for i, _ in changes], weights, sum(weights), houses)


def yearly_path(
    current: Mapping[str, int], target: Mapping[str, int], years: int
) -> list[dict[str, int]]:
    """The allocation after each year ``1 … years``; the last one equals ``target``.

    Year ``y`` is ``current + gains_y - losses_y`` (see the module docstring) and sums to
    ``Σ current + ⌊y·G/years⌋ - ⌊y·L/years⌋``. ``years`` may be 0 only when nothing moves
    (then the path is empty). The work is a D'Hondt over the municipalities that move per
    year, whatever the number of places (:func:`calculators.core.apportion.dhondt_rows`).
    """
    _check(current, target)
    _whole("years", years)
    names = list(current)
    now = list(current.values())
    change = [target[name] - places for name, places in current.items()]
    gains = [(i, d) for i, d in enumerate(change) if d > 0]
    losses = [(i, -d) for i, d in enumerate(change) if d < 0]
    total_gain, total_loss = sum(d for _, d in gains), sum(d for _, d in losses)
    if years < 0 or (years == 0 and (total_gain or total_loss)):
        raise ValueError("years must be positive (0 only when nothing moves)")
    gained = _shares(gains, cumulative(total_gain, years), names)
    lost = _shares(losses, cumulative(total_loss, years), names)
    path = []
    for gain, loss in zip(gained, lost, strict=True):
        places = now.copy()
        for (i, _), amount in zip(gains, gain, strict=True):
            places[i] += amount
        for (i, _), amount in zip(losses, loss, strict=True):
            places[i] -= amount
        path.append(dict(zip(names, places, strict=True)))
    return path


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
    added, removed = moves(current, target)
    _whole("max_moves_per_year", max_moves_per_year)
    if max_moves_per_year < 1:
        raise ValueError("max_moves_per_year must be at least 1")
    return max(-(-added // max_moves_per_year), -(-removed // max_moves_per_year))


def moves(before: Mapping[str, int], after: Mapping[str, int]) -> tuple[int, int]:
    """(places added, places removed) from ``before`` to ``after``, summed over municipalities."""
    _check(before, after)
    added = sum(max(0, after[name] - places) for name, places in before.items())
    removed = sum(max(0, places - after[name]) for name, places in before.items())
    return added, removed
