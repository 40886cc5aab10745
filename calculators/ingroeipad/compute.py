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
from fractions import Fraction

from ..core.apportion import round_scaled
from ..core.format import format_euro, format_percent
from .model import Scenario

__all__ = ["capped", "compute", "export_table", "yearly_path"]


def _scaled(values: list[Decimal]) -> list[int]:
    """Whole numbers in the same ratio (the table allows at most 6 decimals), divided by
    their greatest common divisor: smaller numbers make every later step faster."""
    whole = [int(v.scaleb(6)) for v in values]
    divisor = math.gcd(*whole) or 1
    return [w // divisor for w in whole]


def targets(alpha: Fraction, hist: list[int], obj: list[int], budget: int) -> tuple[list, int]:
    """Numerators of ``x_i`` over the common denominator; they add up to ``budget·den``."""
    a, d, sh, so = alpha.numerator, alpha.denominator, sum(hist), sum(obj)
    nums = [budget * ((d - a) * h * so + a * o * sh) for h, o in zip(hist, obj, strict=True)]
    return nums, d * sh * so


def capped(nums: list[int], den: int, lo: list[int], hi: list[int], n: list[int]):
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
    total, held, fixed = sum(nums), {}, 0
    free, s, v = list(range(len(nums))), 1, {}
    while free:
        s = sum(n[i] for i in free)
        r = total - den * fixed - sum(nums[i] for i in free)
        sd = s * den
        v = {i: s * nums[i] + r * n[i] for i in free}  # y_i · s · den
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


def round_cents(keys: list[str], nums: list[int], den: int, total: int) -> list[int]:
    """Whole cents for the amounts ``nums_i / den`` (summing to ``total``), in table order."""
    return list(round_scaled(total, dict(zip(keys, nums, strict=True)), den).values())


def _step(data: dict, alpha: Fraction, prev: list[int]) -> tuple[list, tuple, set]:
    """(amounts, exact uncapped amounts, municipalities the cap held) of one year."""
    budget, keys = data["budget"], data["keys"]
    exact = targets(alpha, data["hist"], data["obj"], budget)
    if data["limits"] is None:
        return round_cents(keys, *exact, budget), exact, set()
    lo = [max(0, p - c) for p, c in zip(prev, data["limits"], strict=True)]
    hi = [p + c for p, c in zip(prev, data["limits"], strict=True)]
    nums, scale, held = capped(*exact, lo, hi, data["n"])
    # lo and hi are whole cents, and rounding moves an amount only to a neighbouring whole
    # cent, so the rounded amounts stay within the cap too.
    by_cap = {i for i, cents in held.items() if abs(cents - prev[i]) == data["limits"][i]}
    return round_cents(keys, nums, scale, budget), exact, by_cap


def yearly_path(s: Scenario) -> dict[str, object]:
    """Amounts per year (year 0 is the historical distribution), the municipalities the cap
    held each year, the last year's uncapped amounts and the earliest year the path can
    reach them when it does not in time (each municipality moves at most its cap a year)."""
    n = [int(v) for v in s.column("inwoners")]
    data = {
        "keys": [r.name for r in s.municipalities],
        "hist": _scaled(s.column("historisch")),
        "obj": _scaled(s.column("objectief")),
        "budget": s.budget_cents,
        "n": n,
        "limits": None if s.cap is None else [int(s.cap * 100) * k for k in n],
    }
    budget, hist = data["budget"], data["hist"]
    years, held = [round_cents(data["keys"], [budget * h for h in hist], sum(hist), budget)], []
    for alpha in s.alphas:
        amounts, exact, limited = _step(data, alpha, years[-1])
        years.append(amounts)
        held.append(limited)
    target = round_cents(data["keys"], *exact, budget)
    gaps = [abs(t - a) for t, a in zip(target, years[-1], strict=True)]
    limits = data["limits"] or [0] * len(n)
    if any(g and not c for g, c in zip(gaps, limits, strict=True)):
        earliest = None
    else:
        earliest = len(s.alphas) + max(
            -(-g // c) if g else 0 for g, c in zip(gaps, limits, strict=True)
        )
    return {"years": years, "held": held, "target": target, "earliest": earliest}


def euro(cents: int) -> str:
    """:func:`~calculators.core.format.format_euro_cents` in whole numbers only (5 times
    faster; the path shows thousands of amounts)."""
    whole, part = divmod(abs(cents), 100)
    shown = f"{whole:,}".replace(",", ".") + f",{part:02d}"
    return f"-€ {shown}" if cents < 0 else f"€ {shown}"


def _per_inhabitant(cents: int, inhabitants: int) -> str:
    """Cents per inhabitant, rounded half away from zero to whole cents (as format_euro)."""
    rounded = (2 * abs(cents) + inhabitants) // (2 * inhabitants)
    return euro(rounded if cents >= 0 else -rounded)


def _row(i: int, row, path: dict, inhabitants: int) -> dict[str, object]:
    amounts = [year[i] for year in path["years"]]
    change = amounts[-1] - amounts[0]
    step = max(abs(b - a) for a, b in zip(amounts, amounts[1:], strict=False))
    return {
        "name": row.name,
        "inhabitants": inhabitants,
        "amounts": amounts,
        "displays": [euro(c) for c in amounts],
        "target_display": euro(path["target"][i]),
        "change_display": euro(change),
        "final_per_inhabitant": _per_inhabitant(amounts[-1], inhabitants),
        "change_per_inhabitant": _per_inhabitant(change, inhabitants),
        "largest_step_per_inhabitant": _per_inhabitant(step, inhabitants),
        "held_years": sum(i in held for held in path["held"]),
        "kind": "voordeel" if change > 0 else "nadeel" if change < 0 else "gelijk",
    }


def _cap_warning(s: Scenario, result: dict, last: int) -> str:
    end = "de objectieve verdeling" if s.alphas[-1] == 1 else "het eind van het schema"
    more = result["reached_year"]
    if more:
        after = f"Met dezelfde grens is {end} op zijn vroegst in {more} bereikt."
    else:
        after = "Met een grens van € 0 komt het pad er nooit."
    return (
        f"Door de grens van {format_euro(s.cap)} per inwoner per jaar haalt het pad {end} in "
        f"{last} niet. Bij {result['off_count']} gemeenten wijkt het bedrag dan nog af; samen "
        f"moet er nog {result['off_display']} verschuiven. {after}"
    )


def _warnings(s: Scenario, result: dict) -> list[dict[str, str]]:
    found = []
    last = result["years"][-1]
    if len(s.schedule) > 1 and max(s.schedule) <= 1:
        found.append(("alpha_schedule", "Het schema staat in procenten: 1 is 1 %, niet 100 %."))
    if s.alphas[-1] < 1:
        found.append(
            (
                "alpha_schedule",
                f"Het schema eindigt bij {result['alphas'][-1]}: ook in {last} is de verdeling "
                "nog niet helemaal objectief.",
            )
        )

    if not result["reached"]:
        found.append(("cap.per_inhabitant", _cap_warning(s, result, last)))
    hist_total = sum(s.column("historisch"))
    if hist_total * 100 != s.budget_cents:
        found.append(
            (
                "budget",
                f"De historische bedragen tellen op tot {format_euro(hist_total)}, het budget is "
                f"{euro(s.budget_cents)}. De rekenhulp gebruikt de historische en "
                "de objectieve bedragen als verhouding.",
            )
        )
    return [{"field": f, "message": m} for f, m in found]


def compute(s: Scenario) -> dict[str, object]:
    """The ``result`` and ``warnings`` of the compute response."""
    path = yearly_path(s)
    inhabitants = [int(v) for v in s.column("inwoners")]
    rows = [_row(i, r, path, inhabitants[i]) for i, r in enumerate(s.municipalities)]
    final, target = path["years"][-1], path["target"]
    off = sum(abs(a - b) for a, b in zip(final, target, strict=True)) // 2
    result = {
        "first_year": s.first_year,
        "years": [s.first_year - 1 + t for t in range(len(path["years"]))],
        "alphas": [format_percent(a, 1) for a in s.alphas],
        "budget_display": euro(s.budget_cents),
        "totals": [euro(sum(year)) for year in path["years"]],
        "cap_display": None if s.cap is None else format_euro(s.cap),
        "reached": final == target,
        "reached_year": None if path["earliest"] is None else s.first_year - 1 + path["earliest"],
        "off_count": sum(a != b for a, b in zip(final, target, strict=True)),
        "off_display": euro(off),
        "rows": rows,
    }
    return {"result": result, "warnings": _warnings(s, result)}


def export_table(s: Scenario) -> tuple[list[str], list[list[object]]]:
    """Inputs, the amount per year and the change, per municipality, with a total row."""
    result = compute(s)["result"]
    headers = ["Gemeente", "Inwoners", "Historisch (euro)", "Objectief (euro)"]
    headers += [f"Jaar {y} (euro)" for y in result["years"][1:]]
    headers += ["Verschil (euro)", "Voordeel of nadeel"]
    rows: list[list[object]] = []
    for m, r in zip(s.municipalities, result["rows"], strict=True):
        euros = [Decimal(c).scaleb(-2) for c in r["amounts"]]
        inputs = [m.values[c] for c in ("inwoners", "historisch", "objectief")]
        rows.append([m.name, *inputs, *euros[1:], euros[-1] - euros[0], r["kind"]])
    totals = [sum(row[k] for row in rows) for k in range(1, len(headers) - 1)]
    rows.append(["Totaal", *totals, ""])
    return headers, rows
