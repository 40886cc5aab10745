"""The yearly path from the historical to the objective distribution, in whole cents.

Year t's target for municipality i is ``x_i = B·((1−α_t)·h_i/Σh + α_t·o_i/Σo)`` (B the
budget in cents, h the historical and o the objective amounts), exact as an integer numerator
over one common denominator. Without a cap, year t is ``x`` split into cents by largest
remainder, so each year adds up to exactly B.

With a cap c per inhabitant, municipality i (n_i inhabitants, last year p_i cents) may move
at most ``c·n_i`` cents: it must stay within ``lo_i = max(0, p_i − c·n_i)`` and
``hi_i = p_i + c·n_i``. What the cap holds back goes to the municipalities it does not limit,
the same amount per inhabitant for each: ``y_i = clamp(x_i + μ·n_i, lo_i, hi_i)`` with the one
μ that makes Σy = B. This y is the unique minimiser of Σ (y_i − x_i)²/n_i under Σy = B and the
bounds (strictly convex), and it exists: p itself satisfies the bounds and sums to B.
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


def capped(
    nums: list[int], den: int, lo: list[int], hi: list[int], n: list[int]
) -> tuple[list[int], int, dict[int, int]]:
    """``y_i = clamp(x_i + μ·n_i, lo_i, hi_i)`` with Σy = Σx (``x_i = nums_i/den``), by
    variable fixing (Bitran and Hax 1981; Kiwiel 2008). Returns the numerators of y over one
    new denominator, that denominator, and the municipalities held at a bound (bound in cents).

    Each pass spreads what is left over the free municipalities, the same μ per inhabitant,
    and looks at the ones that then cross a bound: ``over`` (above hi, total excess E⁺) and
    ``under`` (below lo, total shortfall E⁻). If E⁺ ≥ E⁻ the ``over`` ones are fixed at hi,
    else the ``under`` ones at lo. Why that is right: let y* be the solution and R what the
    free ones share, so Σ_free y* = R = Σ_free v (v the pass's values). If y* has a larger μ
    than the pass, every ``over`` one is above hi in y* too. If a smaller μ, y*_i ≤ clamp(v_i)
    for all free i, and Σ_free clamp(v) = R − E⁺ + E⁻ ≤ R forces equality everywhere, so
    again y*_i = hi_i. (The ``under`` case is the mirror image.) A pass without crossings
    gives y* on the free ones by the same squeeze. Termination: a pass with a crossing fixes
    at least one more municipality for good (E⁺ ≥ E⁻ with E⁺ = 0 means no crossing at all),
    so there are at most len(nums) + 1 passes.
    """
    held: dict[int, int] = {}  # municipality -> the bound it is held at, in cents
    v: dict[int, int] = {}  # the free ones' values of a pass, as y_i · s · den
    total, fixed, free, s = sum(nums), 0, list(range(len(nums))), 1
    while free:
        s = sum(n[i] for i in free)
        r = total - den * fixed - sum(nums[i] for i in free)
        sd = s * den
        v = {i: s * nums[i] + r * n[i] for i in free}
        over = [i for i in free if v[i] > sd * hi[i]]
        under = [i for i in free if v[i] < sd * lo[i]]
        if not over and not under:
            break
        excess = sum(v[i] for i in over) - sd * sum(hi[i] for i in over)
        shortfall = sd * sum(lo[i] for i in under) - sum(v[i] for i in under)
        chosen, bound = (over, hi) if excess >= shortfall else (under, lo)
        held.update((i, bound[i]) for i in chosen)
        fixed += sum(bound[i] for i in chosen)
        free = [i for i in free if i not in held]
    scale = s * den
    return [held[i] * scale if i in held else v[i] for i in range(len(nums))], scale, held


def apportion_cents(keys: list[str], nums: list[int], den: int, total: int) -> list[int]:
    """Whole cents for the amounts ``nums_i / den`` (summing to ``total``), in table order."""
    return list(round_scaled(total, dict(zip(keys, nums, strict=True)), den).values())


def yearly_path(s: Scenario, n: list[int]) -> tuple[list[list[int]], list[int], list[int], int]:
    """Amounts per year (year 0 is the historical distribution), how many years the cap held
    each municipality, the last year's uncapped amounts and the earliest year the path can
    reach them (each municipality moves at most its cap a year; 0: never)."""
    keys, budget = [r.name for r in s.municipalities], s.budget_cents
    hist, obj = _scaled(s.column("historisch")), _scaled(s.column("objectief"))
    sh, so = sum(hist), sum(obj)
    limits = [0 if s.cap is None else int(s.cap.per_inhabitant * 100) * k for k in n]
    years, held = [apportion_cents(keys, [budget * h for h in hist], sh, budget)], [0] * len(n)
    for alpha in s.alphas:
        a, d, prev = alpha.numerator, alpha.denominator, years[-1]
        # The numerators of x over the common denominator d·Σh·Σo.
        nums = [budget * ((d - a) * h * so + a * o * sh) for h, o in zip(hist, obj, strict=True)]
        exact = nums, d * sh * so
        if s.cap is None:
            years.append(apportion_cents(keys, *exact, budget))
            continue
        lo = [max(0, p - c) for p, c in zip(prev, limits, strict=True)]
        hi = [p + c for p, c in zip(prev, limits, strict=True)]
        nums, scale, bound = capped(*exact, lo, hi, n)
        # lo and hi are whole cents, and rounding moves an amount only to a neighbouring whole
        # cent, so the rounded amounts stay within the cap too.
        years.append(apportion_cents(keys, nums, scale, budget))
        for i, cents in bound.items():
            held[i] += abs(cents - prev[i]) == limits[i]
    target = apportion_cents(keys, *exact, budget)
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
