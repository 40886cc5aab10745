"""Apply a distribution key to an amount, and compare two keys.

Share_i = Σ_c (weight_c / 100) · value_c,i / Σ_j value_c,j, as exact fractions, so the shares
add up to exactly 1. The amount in cents is split with the largest-remainder method, so the
parts add up to exactly the amount. Euro per inhabitant is exact internally and rounded half
up to cents only for display. A difference between two keys exceeds the threshold when
|difference per inhabitant| > threshold, compared exactly (strictly greater).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..core.apportion import largest_remainder
from ..core.format import (
    canonical_number,
    format_percent,
    round_half_up,
    round_half_up_int,
)
from ..core.key import Key, shares
from ..core.money import euro, round_cents
from .model import Scenario

__all__ = ["compute", "export_table"]


def _per_inhabitant(cents: int, inhabitants: Decimal) -> int:
    """Cents per inhabitant, rounded half up from the exact fraction."""
    return round_half_up_int(Fraction(cents) / Fraction(inhabitants))


def _money(prefix: str, cents: int) -> dict[str, Any]:
    return {f"{prefix}cents": cents, f"{prefix}display": euro(cents)}


def apply_key(s: Scenario, key: Key) -> dict[str, Any]:
    """The key's result JSON: share, cents and euro per inhabitant per municipality."""
    exact = shares(s.municipalities, key)
    cents = largest_remainder(s.amount_cents, exact)
    rows = [
        {
            "name": m.name,
            "inhabitants": canonical_number(s.inhabitants(m)),
            "share": f"{exact[m.name].numerator}/{exact[m.name].denominator}",
            "share_float": float(exact[m.name]),
            "share_display": format_percent(exact[m.name]),
            **_money("", cents[m.name]),
            **_money("per_inhabitant_", _per_inhabitant(cents[m.name], s.inhabitants(m))),
        }
        for m in s.municipalities
    ]
    total = _money("total_", sum(cents.values()))
    return {"label": key.label, "preset": key.preset, "rows": rows, **total}


def _difference(
    inhabitants: Decimal, base: dict[str, Any], other: dict[str, Any], limit: Fraction
) -> dict[str, Any]:
    cents = other["cents"] - base["cents"]
    exact = Fraction(cents) / Fraction(inhabitants)
    return {
        "name": base["name"],
        **_money("difference_", cents),
        **_money("per_inhabitant_", round_half_up_int(exact)),
        "exceeds_threshold": abs(exact) > limit,
    }


def compute(s: Scenario) -> dict[str, Any]:
    """The ``result`` of the compute response (see the scenario-format page), the warnings."""
    key, compare = apply_key(s, s.key), None
    warnings: dict[str, str] = {}  # field -> message
    if s.amount == 0:
        warnings["amount"] = "Het bedrag is € 0,00; er valt niets te verdelen."
    if s.compare_key is not None:
        compare = apply_key(s, s.compare_key)
        limit = Fraction(s.threshold_per_inhabitant) * 100  # in cents
        rows = zip(s.municipalities, key["rows"], compare["rows"], strict=True)
        differences = [_difference(s.inhabitants(m), a, b, limit) for m, a, b in rows]
        exceeding = [d["name"] for d in differences if d["exceeds_threshold"]]
        threshold = euro(round_cents(s.threshold_per_inhabitant))
        compare |= {"differences": differences, "threshold_display": threshold}
        compare["exceeding"] = exceeding
        a, b = s.key, s.compare_key
        if {c: a.weight(c) for c in a.used} == {c: b.weight(c) for c in b.used}:
            warnings["compare_key"] = (
                "De sleutel en de vergelijkingssleutel hebben dezelfde gewichten; alle "
                "verschillen zijn 0."
            )
        if exceeding:
            warnings["threshold_per_inhabitant"] = (
                f"Bij {len(exceeding)} {'gemeente' if len(exceeding) == 1 else 'gemeenten'} "
                f"is het verschil tussen de sleutels groter dan {threshold} per inwoner: "
                f"{', '.join(exceeding)}."
            )
    result = {**_money("amount_", s.amount_cents), "key": key, "compare": compare}
    return {
        "result": result,
        "warnings": [{"field": f, "message": m} for f, m in warnings.items()],
    }


def _euro(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)  # exact: "12.50", always with two decimals


def export_table(s: Scenario) -> tuple[list[str], list[list[object]]]:
    """Headers and rows (numbers as Decimal/int) for the CSV export, with a total row."""
    result = compute(s)["result"]
    compare = result["compare"]
    keys = [result["key"], *([compare] if compare else [])]
    used = {s.inhabitants_criterion}.union(*(k.used for k in (s.key, s.compare_key) if k))
    criteria = [c for c in s.criteria if c.id in used]
    headers = ["Gemeente", *(c.label for c in criteria)]
    for label in (k["label"] for k in keys):
        headers += [f"Aandeel {label} (%)", f"Bedrag {label} (euro)", f"Per inwoner {label} (euro)"]
    if compare:
        headers += ["Verschil (euro)", "Verschil per inwoner (euro)", "Boven drempel"]
    rows: list[list[object]] = []
    for i, m in enumerate(s.municipalities):
        cells: list[object] = [m.name, *(m.values.get(c.id) for c in criteria)]
        for r in (k["rows"][i] for k in keys):
            share = round_half_up(Fraction(r["share"]) * 100, 4)
            cells += [share, _euro(r["cents"]), _euro(r["per_inhabitant_cents"])]
        if compare:
            d = compare["differences"][i]
            flag = "ja" if d["exceeds_threshold"] else "nee"
            cells += [_euro(d["difference_cents"]), _euro(d["per_inhabitant_cents"]), flag]
        rows.append(cells)
    inhabitants = sum((s.inhabitants(m) for m in s.municipalities), Decimal(0))
    total: list[object] = ["Totaal"]
    for column in ([m.values.get(c.id) for m in s.municipalities] for c in criteria):
        given = [v for v in column if v is not None]  # a missing value leaves the total empty
        total.append(sum(given, Decimal(0)) if len(given) == len(column) else None)
    for cents in (k["total_cents"] for k in keys):
        total += [Decimal("100.0000"), _euro(cents), _euro(_per_inhabitant(cents, inhabitants))]
    if compare:
        cents = sum(d["difference_cents"] for d in compare["differences"])
        total += [_euro(cents), _euro(_per_inhabitant(cents, inhabitants)), ""]
    rows.append(total)
    return headers, rows
