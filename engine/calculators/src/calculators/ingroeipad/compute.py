"""The yearly path from the historical to the objective distribution, in whole cents.

Year t's exact amount for municipality i is ``x_i = B·((1−α_t)·h_i/Σh + α_t·o_i/Σo)`` (B the
budget in cents, h the historical and o the objective amounts), an integer numerator over one
common denominator. Its target in cents, ``T_i``, is ``x`` split by largest remainder, so each
year adds up to exactly B. Without a cap, year t is T; with one, :func:`capped_step`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from ..core.apportion import round_scaled
from ..core.format import format_percent, round_ratio
from ..core.money import euro, round_cents
from .model import COLUMNS, Scenario


def _scaled(values: list[Decimal]) -> list[int]:
    """Whole numbers in the same ratio (the table allows at most 6 decimals), divided by
    their greatest common divisor: smaller numbers make every later step faster."""
    whole = [int(v.scaleb(6)) for v in values]
    divisor = math.gcd(*whole) or 1
    return [w // divisor for w in whole]


def capped_step(
    keys: list[str], prev: list[int], target: list[int], goal: list[int], limits: list[int]
) -> list[int]:
    """One capped year in whole cents: from ``prev`` towards ``target`` (each summing to B),
    never past ``goal`` (the objective), each moving at most ``limits_i``.

    1. Room: ``z_i`` is the target put between ``prev_i`` and ``goal_i`` (rounding can leave a
       target a cent behind last year or past the objective); ``r_i = z_i − prev_i``, cut to
       ``±limits_i``. Gainers have r > 0 (room G in all), losers r < 0 (room L in all).
    2. ``M = min(G, L)`` moves: the side with less room moves all of it, the other side
       shares M in proportion to its room, by largest remainder on ``M·|r_i|/total``.

    Proof. (a) Each share lies in [0, |r_i|]: its quota does (M ≤ total), and largest
    remainder gives the floor, or the ceiling for a nonzero remainder only (the units left
    over, the sum of the fractional parts, are fewer than the nonzero remainders); |r_i| is
    whole. So ``new_i`` lies between ``prev_i`` and ``z_i``, hence between ``prev_i`` and
    ``goal_i``, and ``|new_i − prev_i| ≤ limits_i`` holds exactly, with no rounding cent. By
    induction from year 0, every amount moves monotonically towards the objective in cents,
    never past it, and stays ≥ 0. (b) Both sides' shares add up to exactly M: the year sums
    to B. (c) No rule within these bounds moves more: gains equal losses, each within its
    room. (d) When no limit binds and no target is clamped, G = L and the year is T.
    """
    room = []
    for p, t, g, c in zip(prev, target, goal, limits, strict=True):
        z = min(max(t, min(p, g)), max(p, g))
        room.append(max(-c, min(c, z - p)))
    sides = [[i for i, r in enumerate(room) if r * sign > 0] for sign in (1, -1)]
    totals = [sum(abs(room[i]) for i in side) for side in sides]
    moved, new = min(totals), list(prev)
    for sign, side, total in zip((1, -1), sides, totals, strict=True):
        quotas = [moved * abs(room[i]) for i in side]  # a side with total 0 is empty
        shares = apportion_cents([keys[i] for i in side], quotas, total, moved)
        for i, share in zip(side, shares, strict=True):
            new[i] += sign * share
    return new


def apportion_cents(keys: list[str], nums: list[int], den: int, total: int) -> list[int]:
    """Whole cents for the amounts ``nums_i / den`` (summing to ``total``), in table order."""
    return list(round_scaled(total, dict(zip(keys, nums, strict=True)), den).values())


def yearly_path(s: Scenario, n: list[int]) -> tuple[list[list[int]], list[int], list[int], int]:
    """Amounts per year (year 0 is the historical distribution), in how many years the cap
    kept each municipality from its target, the last year's target and the earliest year the
    path can reach it (each municipality moves at most its cap a year; 0: never)."""
    keys, budget = [r.name for r in s.municipalities], s.budget_cents
    hist, obj = _scaled(s.column("historisch")), _scaled(s.column("objectief"))
    sh, so = sum(hist), sum(obj)
    limits = [0 if s.cap is None else int(s.cap.per_inhabitant * 100) * k for k in n]
    years, held = [apportion_cents(keys, [budget * h for h in hist], sh, budget)], [0] * len(n)
    target = goal = apportion_cents(keys, [budget * o for o in obj], so, budget)
    for alpha in s.alphas:
        a, d = alpha.numerator, alpha.denominator
        # The numerators of x over the common denominator d·Σh·Σo.
        nums = [budget * ((d - a) * h * so + a * o * sh) for h, o in zip(hist, obj, strict=True)]
        target = apportion_cents(keys, nums, d * sh * so, budget)
        step = target if s.cap is None else capped_step(keys, years[-1], target, goal, limits)
        years.append(step)
        held = [k + (y != t) for k, y, t in zip(held, years[-1], target, strict=True)]
    gaps = [abs(t - a) for t, a in zip(target, years[-1], strict=True)]
    if any(g and not c for g, c in zip(gaps, limits, strict=True)):
        return years, held, target, 0
    more = max(-(-g // c) if g else 0 for g, c in zip(gaps, limits, strict=True))
    return years, held, target, len(s.alphas) + more


def _per_inhabitant(cents: int, inhabitants: int) -> str:
    """Cents per inhabitant, rounded half away from zero to whole cents (as round_cents)."""
    return euro(round_ratio(cents, inhabitants, 0))


def _row(name: str, amounts: list[int], target: int, held: int, n: int) -> dict[str, Any]:
    change = amounts[-1] - amounts[0]
    step = max(abs(b - a) for a, b in zip(amounts, amounts[1:], strict=False))
    return {
        "name": name,
        "inhabitants": n,
        "amounts": amounts,
        "displays": [euro(c) for c in amounts],
        "target_display": euro(target),
        "change_display": euro(change),
        "final_per_inhabitant": _per_inhabitant(amounts[-1], n),
        "change_per_inhabitant": _per_inhabitant(change, n),
        "largest_step_per_inhabitant": _per_inhabitant(step, n),
        "held_years": held,
        "kind": "voordeel" if change > 0 else "nadeel" if change < 0 else "gelijk",
    }


def _warnings(s: Scenario, result: dict[str, Any]) -> list[dict[str, str]]:
    found, last, schedule = [], result["years"][-1], s.alpha_schedule or ()
    if len(schedule) > 1 and max(schedule) <= 1:
        found.append(("alpha_schedule", "Het schema staat in procenten: 1 is 1 %, niet 100 %."))
    if s.alphas[-1] < 1:
        ends = f"Het schema eindigt bij {result['alphas'][-1]}: ook in {last} is de verdeling"
        found.append(("alpha_schedule", f"{ends} nog niet helemaal objectief."))
    if not result["reached"]:
        end = "de objectieve verdeling" if s.alphas[-1] == 1 else "het eind van het schema"
        after = (
            f"Met dezelfde grens is {end} op zijn vroegst in {result['reached_year']} bereikt."
            if result["reached_year"]
            else "Met een grens van € 0 komt het pad er nooit."
        )
        held = (
            f"Door de grens van {result['cap_display']} per inwoner per jaar haalt het pad "
            f"{end} in {last} niet. Bij {result['off_count']} gemeenten wijkt het bedrag dan "
            f"nog af; samen moet er nog {result['off_display']} verschuiven. {after}"
        )
        found.append(("cap.per_inhabitant", held))
    hist_total = sum(s.column("historisch"))
    if hist_total * 100 != s.budget_cents:
        ratio = (
            f"De historische bedragen tellen op tot {euro(round_cents(hist_total))}, het "
            f"budget is {euro(s.budget_cents)}. De rekenhulp gebruikt de historische en de "
            "objectieve bedragen als verhouding."
        )
        found.append(("budget", ratio))
    return [{"field": f, "message": m} for f, m in found]


def compute(s: Scenario) -> dict[str, Any]:
    """The ``result`` and ``warnings`` of the compute response."""
    n = [int(v) for v in s.column("inwoners")]
    years, held, target, earliest = yearly_path(s, n)
    final = years[-1]
    rows = [
        _row(r.name, [year[i] for year in years], target[i], held[i], n[i])
        for i, r in enumerate(s.municipalities)
    ]
    result = {
        "first_year": s.first_year,
        "years": [s.first_year - 1 + t for t in range(len(years))],
        "alphas": [format_percent(a, 1) for a in s.alphas],
        "budget_display": euro(s.budget_cents),
        "totals": [euro(sum(year)) for year in years],
        "cap_display": None if s.cap is None else euro(round_cents(s.cap.per_inhabitant)),
        "reached": final == target,
        "reached_year": s.first_year - 1 + earliest if earliest else None,
        "off_count": sum(a != b for a, b in zip(final, target, strict=True)),
        "off_display": euro(sum(abs(a - b) for a, b in zip(final, target, strict=True)) // 2),
        "rows": rows,
    }
    return {"result": result, "warnings": _warnings(s, result)}


def export(s: Scenario) -> tuple[list[str], list[list[object]]]:
    """Inputs, the amount per year and the change, per municipality, with a total row."""
    result = compute(s)["result"]
    years = [f"Jaar {y} (euro)" for y in result["years"][1:]]
    headers = ["Gemeente", *(c.label for c in COLUMNS), *years, "Verschil (euro)"]
    headers.append("Voordeel of nadeel")
    numbers: list[list[Decimal]] = []  # the columns with a total
    rows: list[list[object]] = []
    for m, r in zip(s.municipalities, result["rows"], strict=True):
        euros = [Decimal(c).scaleb(-2) for c in r["amounts"]]
        numbers.append([*(m.value(c.id) for c in COLUMNS), *euros[1:], euros[-1] - euros[0]])
        rows.append([m.name, *numbers[-1], r["kind"]])
    rows.append(["Totaal", *(sum(column) for column in zip(*numbers, strict=True)), ""])
    return headers, rows
