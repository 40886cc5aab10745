"""Targets, gaps and a yearly path for spreading places over the municipalities.

Target places: the final total split by the basis key's exact shares with the chosen
apportionment method, within each municipality's minimum and maximum. The path
(:mod:`calculators.core.path`) moves every municipality monotonically from today's places to
its target; every year adds up exactly to that year's total.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..core import fields
from ..core.apportion import APPORTIONMENT_METHODS, Infeasible, apportion_each
from ..core.format import format_ratio
from ..core.key import share_ratios
from ..core.money import euro, round_cents
from ..core.path import cumulative, moves, yearly_path, years_needed
from ..core.problems import InputError, quote
from .model import FACILITIES, Scenario

#: Longest path the "maximum per year" mode computes: one row per year, so a maximum of 1
#: place a year over a million places would otherwise mean a million-year table.
MAX_PATH_YEARS = 100

#: Why the minimums and maximums cannot hold together, per kind of :class:`Infeasible`.
_INFEASIBLE = {
    "bounds": "Bij {names} is het minimum groter dan het maximum.",
    "minimum": "De minimums van {names} zijn samen meer dan het totaal van {total} plaatsen. "
    "Verlaag een minimum of kies een hoger totaal.",
    "maximum": "Het totaal van {total} plaatsen past niet: {names} zitten allemaal aan hun "
    "maximum. Verhoog een maximum, kies een lager totaal of geef een gemeente zonder maximum "
    "gewicht in de grondslag.",
}


def _final_total(s: Scenario, current: int) -> int:
    """The total at the end of the path: as now, as chosen, or a yearly decline from now."""
    if s.total_mode == "current":
        return current
    if s.total_mode == "fixed":
        assert s.total_places is not None  # required in this mode
        return s.total_places
    assert s.decline_per_year is not None and s.years is not None  # required with a decline
    total = current - s.decline_per_year * s.years
    if total < 0:
        raise InputError.single(
            "decline_per_year",
            f"Met {s.decline_per_year} plaatsen minder per jaar zijn er na {s.years} jaar "
            f"geen plaatsen meer over (nu {current}). Kies een kleinere daling of minder jaren.",
        )
    return total


def _targets(s: Scenario, total: int, weights: dict[str, int]) -> dict[str, dict[str, int]]:
    """The targets by every method (method id -> places), to show where they differ."""
    try:
        return apportion_each(total, weights, s.bound("minimum"), s.bound("maximum"))
    except Infeasible as error:
        why = _INFEASIBLE[error.kind].format(names=", ".join(error.names), total=total)
        message = f"Deze grenzen kunnen niet samen: {why}"
        raise InputError.single("municipalities", message) from None


def _path_years(s: Scenario, current: dict[str, int], target: dict[str, int]) -> int:
    if s.path_mode == "years":
        assert s.years is not None  # required in this mode
        return s.years
    most = s.max_moves_per_year
    assert most is not None  # required in this mode
    years = years_needed(current, target, most)
    if years > MAX_PATH_YEARS:
        enough = -(-max(moves(current, target)) // MAX_PATH_YEARS)
        label = fields.inputs(Scenario)["max_moves_per_year"].label
        raise InputError.single(
            "max_moves_per_year",
            f"Met hoogstens {'1 plaats' if most == 1 else f'{most} plaatsen'} per jaar duurt het "
            f"verplaatsen {years} jaar; de rekenhulp maakt een tijdpad van hoogstens "
            f"{MAX_PATH_YEARS} jaar. Vul bij ‘{label}’ minstens {enough} in.",
        )
    return years


def _warnings(s: Scenario, current_total: int, total: int) -> list[dict[str, str]]:
    found = []
    if total > current_total:
        growth = (
            f"Het totaal ({total}) is hoger dan nu ({current_total}): dat is uitbreiding. De "
            "besluiten gaan uit van substitutie, niet van extra plaatsen."
        )
        found.append({"field": "total_places", "message": growth})
    for row in s.municipalities:
        low, high, now = row.values["minimum"], row.values["maximum"], row.value("plaatsen")
        if (low is not None and now < low) or (high is not None and now > high):
            message = (
                f"{quote(row.name)} heeft nu {now} plaatsen, buiten het minimum of maximum; het "
                "pad gaat daar in stappen naartoe."
            )
            found.append({"field": "municipalities", "message": message})
    return found


def compute(s: Scenario) -> dict[str, Any]:
    """The ``result`` and ``warnings`` of the compute response."""
    current = {r.name: int(r.value("plaatsen")) for r in s.municipalities}
    current_total = sum(current.values())
    total = _final_total(s, current_total)
    # Each share is weights[name] / denominator: whole numbers to apportion by and to print,
    # no Fraction per municipality.
    weights, denominator = share_ratios(s.municipalities, s.key)
    by_method = _targets(s, total, weights)
    target = by_method[s.method]
    # 0 years (an empty path) only where nothing moves, in the max_moves mode.
    path = yearly_path(current, target, _path_years(s, current, target))
    added, removed = moves(current, target)
    # A municipality only gains or only loses, and step by step (path.py), so the places
    # added in year y are that year's step of the total gain: no comparison of the years.
    done = [0, *cumulative(added, len(path))]
    rows = [
        {
            "name": r.name,
            "inhabitants": int(r.value("inwoners")),
            "clients": int(r.value("clienten")),
            "share_display": f"{format_ratio(weights[r.name] * 100, denominator)} %",
            "exact_display": format_ratio(weights[r.name] * total, denominator),
            "current": current[r.name],
            "target": target[r.name],
            "gap": target[r.name] - current[r.name],
            "by_method": {m: places[r.name] for m, places in by_method.items()},
        }
        for r in s.municipalities
    ]
    years = [
        {
            "year": s.start_year + i,
            "places": year,
            "total": sum(year.values()),
            "moved": done[i] - done[i - 1],
        }
        for i, year in enumerate(path, 1)
    ]
    friction = None
    if s.cost_per_move is not None:
        friction = {
            "cost_display": euro(round_cents(s.cost_per_move)),
            "budget_display": euro(round_cents(Fraction(s.cost_per_move) * added)),
        }
    result = {
        "facility": FACILITIES[s.facility],
        "method": s.method,
        "method_label": APPORTIONMENT_METHODS[s.method].label,
        "current_total": current_total,
        "total": total,
        "moved": added,
        "removed": removed,
        "rows": rows,
        "disagree": [n for n in current if len({p[n] for p in by_method.values()}) > 1],
        "years": years,
        "friction": friction,
    }
    return {"result": result, "warnings": _warnings(s, current_total, total)}


def export(s: Scenario) -> tuple[list[str], list[list[object]]]:
    """Headers and rows for the CSV export: inputs, target, gap and the path per year."""
    result = compute(s)["result"]
    years = result["years"]
    headers = ["Gemeente", "Inwoners", "Cliënten", "Plaatsen nu", "Doel", "Verschil"]
    headers += [f"Jaar {y['year']}" for y in years]
    numbers = ("inhabitants", "clients", "current", "target", "gap")
    rows: list[list[object]] = [
        [r["name"], *(r[f] for f in numbers), *(y["places"][r["name"]] for y in years)]
        for r in result["rows"]
    ]
    totals = (sum(r[f] for r in result["rows"]) for f in numbers)
    rows.append(["Totaal", *totals, *(y["total"] for y in years)])
    return headers, rows
