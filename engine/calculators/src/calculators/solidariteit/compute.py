"""The pooled budget: what goes in, what it pays, and how the result is shared.

All amounts are whole cents. Pool = Σ inleg. Innovation budget = pool × percentage / 100,
rounded half up to a whole cent. Result = pool − care costs − operating costs (incl. the
innovation budget): a surplus (> 0) or deficit (< 0), split by the key's exact shares with the
largest-remainder method, so the parts add up to the result exactly. Net cost of a municipality
= inleg − its part of the result; together that is exactly the pool's costs.

Without solidarity a municipality pays its own clients' care costs; the operating costs are
joint either way and are split by the same key. Solidarity effect = without − with: positive
means the pool brings the municipality money, negative that solidarity costs it money. When
every municipality's own costs are given, the effects add up to Σ own costs − care costs, which
is 0 when the two agree.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..core.apportion import largest_remainder
from ..core.format import canonical_number as canonical
from ..core.format import format_percent, round_half_up, round_half_up_int
from ..core.key import shares
from ..core.money import euro, to_cents
from .model import CARE_LINES, COLUMNS, OPERATING_LINES, Scenario

__all__ = ["RESULT_HEADERS", "compute", "export_table"]

RESULT_HEADERS = (
    "Aandeel in de sleutel (%)", "Deel van het resultaat (euro)", "Netto kosten (euro)",
    "Zonder solidariteit (euro)", "Verschil door solidariteit (euro)",
)  # fmt: skip
RESULT_FIELDS = ("result", "net", "alone", "effect")
COMPARED = ("own", "alone", "effect")


def money(cents: int) -> dict[str, Any]:
    return {"cents": cents, "display": euro(cents)}


def _pool(s: Scenario) -> dict[str, Any]:
    pool = sum(to_cents(r.value("inleg")) for r in s.municipalities)
    percent = s.innovation_percent or Decimal(0)
    innovation = round_half_up_int(Fraction(pool) * Fraction(percent) / 100)
    lines = [
        {"id": cid, "label": label, **money(to_cents(getattr(s.costs, cid) or 0))}
        for cid, label in (CARE_LINES | OPERATING_LINES).items()
    ]
    care = sum(line["cents"] for line in lines if line["id"] in CARE_LINES)
    operating = sum(line["cents"] for line in lines) - care + innovation
    result = pool - care - operating
    kind = "overschot" if result > 0 else "tekort" if result < 0 else "sluitend"
    return {
        "pool": money(pool),
        "lines": lines,
        "innovation": {"percent_display": canonical(percent) + " %", **money(innovation)},
        "care": money(care),
        "operating": money(operating),
        "costs": money(care + operating),
        "result": money(result),
        "kind": kind,
    }


def _rows(s: Scenario, pool: dict[str, Any]) -> list[dict[str, Any]]:
    weights = shares(s.municipalities, s.key)
    parts = largest_remainder(pool["result"]["cents"], weights)
    operating = largest_remainder(pool["operating"]["cents"], weights)
    rows = []
    for r in s.municipalities:
        inhabitants, inleg = int(r.value("inwoners")), to_cents(r.value("inleg"))
        net = inleg - parts[r.name]
        row = {
            "name": r.name,
            "inhabitants": inhabitants,
            "share_display": format_percent(weights[r.name]),
            "inleg": money(inleg),
            "result": money(parts[r.name]),
            "net": money(net),
            "net_per_inhabitant": money(round_half_up_int(Fraction(net, inhabitants))),
        } | dict.fromkeys(COMPARED)
        if (own := r.values["eigen_kosten"]) is not None:
            alone = to_cents(own) + operating[r.name]
            row |= zip(COMPARED, map(money, (to_cents(own), alone, alone - net)), strict=True)
        rows.append(row)
    return rows


def _total(rows: list[dict[str, Any]], field: str) -> dict[str, Any] | None:
    """The column's total, or ``None`` when some municipality has no value there."""
    if any(r[field] is None for r in rows):
        return None
    return money(sum(r[field]["cents"] for r in rows))


def _warnings(pool: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    found = []
    if pool["pool"]["cents"] == 0:
        found.append(("municipalities", "De pot is leeg: de inleg is bij elke gemeente € 0,00."))
    given = [r for r in rows if r["own"] is not None]
    if given and len(given) < len(rows):
        text = f"Alleen bij {len(given)} van de {len(rows)} gemeenten staan eigen cliëntkosten"
        found.append(("municipalities", text + "; alleen daar staat de vergelijking."))
    own = sum(r["own"]["cents"] for r in given)
    if given and len(given) == len(rows) and own != pool["care"]["cents"]:
        text = (
            f"De eigen cliëntkosten tellen op tot {euro(own)}, maar de zorgkosten "
            f"in de pot zijn {pool['care']['display']}. Maak ze gelijk, dan sluit de "
            "vergelijking met solidariteit."
        )
        found.append(("costs.zorgkosten", text))
    return [{"field": f, "message": m} for f, m in found]


def compute(s: Scenario) -> dict[str, Any]:
    """The ``result`` and ``warnings`` of the compute response."""
    pool = _pool(s)
    rows = _rows(s, pool)
    compared = any(r["own"] is not None for r in rows)
    totals: dict[str, Any] = {f: _total(rows, f) for f in ("inleg", "result", "net", *COMPARED)}
    inhabitants = sum(r["inhabitants"] for r in rows)
    per_inhabitant = round_half_up_int(Fraction(totals["net"]["cents"], inhabitants))
    totals |= {"inhabitants": inhabitants, "net_per_inhabitant": money(per_inhabitant)}
    result = {**pool, "key_label": s.key.label, "rows": rows, "compared": compared}
    return {"result": result | {"totals": totals}, "warnings": _warnings(pool, rows)}


def _euro(cell: dict[str, Any] | None) -> Decimal | None:
    return None if cell is None else Decimal(cell["cents"]).scaleb(-2)  # exact, two decimals


def _sum(values: list[Decimal | None]) -> Decimal | None:
    """The column's total, or ``None`` (an empty cell) when a value is missing."""
    given = [v for v in values if v is not None]
    return sum(given, Decimal(0)) if len(given) == len(values) else None


def export_table(s: Scenario) -> tuple[list[str], list[list[object]]]:
    """Headers and rows for the CSV export: the inputs (they read back in) and the results."""
    result = compute(s)["result"]
    weights = shares(s.municipalities, s.key)
    headers = ["Gemeente", *(c.label for c in COLUMNS), *RESULT_HEADERS]
    rows: list[list[object]] = []
    for m, r in zip(s.municipalities, result["rows"], strict=True):
        inputs = [m.values.get(c.id) for c in COLUMNS]
        share = round_half_up(weights[m.name] * 100, 4)
        rows.append([m.name, *inputs, share, *(_euro(r[f]) for f in RESULT_FIELDS)])
    totals = result["totals"]
    inputs = [_sum([m.values.get(c.id) for m in s.municipalities]) for c in COLUMNS]
    rows.append(["Totaal", *inputs, Decimal(100), *(_euro(totals[f]) for f in RESULT_FIELDS)])
    return headers, rows
