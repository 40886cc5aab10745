"""Targets, gaps and a yearly path for spreading places over the municipalities.

Target places: the final total split by the basis key's exact shares with the chosen
apportionment method, within each municipality's minimum and maximum. The path (see
:mod:`.path`) moves every municipality monotonically from today's places to its target; every
year adds up exactly to that year's total.
"""

from __future__ import annotations

from fractions import Fraction

from ..core.apportion import APPORTIONMENT_METHODS, Infeasible, apportion
from ..core.format import format_decimal, format_euro, format_percent
from ..core.key import shares
from ..core.problems import InputError, quote
from .model import FACILITIES, Scenario
from .path import moves, yearly_path, years_needed

__all__ = ["compute", "export_table", "final_total"]


def final_total(s: Scenario) -> int:
    current = sum(s.places("plaatsen").values())
    if s.total_mode == "fixed":
        return s.total_places
    if s.total_mode == "decline":
        total = current - s.decline_per_year * s.years
        if total < 0:
            raise InputError.single(
                "decline_per_year",
                f"Met {s.decline_per_year} plaatsen minder per jaar zijn er na {s.years} jaar "
                f"geen plaatsen meer over (nu {current}). Kies een kleinere daling of minder "
                "jaren.",
            )
        return total
    return current


def _infeasible_message(error: Infeasible, total: int) -> InputError:
    names = ", ".join(error.names)
    if error.kind == "bounds":
        text = f"Bij {names} is het minimum groter dan het maximum."
    elif error.kind == "minimum":
        text = (
            f"De minimums van {names} zijn samen meer dan het totaal van {total} plaatsen. "
            "Verlaag een minimum of kies een hoger totaal."
        )
    else:
        text = (
            f"Het totaal van {total} plaatsen past niet: {names} zitten allemaal aan hun maximum. "
            "Verhoog een maximum, kies een lager totaal of geef een gemeente zonder maximum "
            "gewicht in de grondslag."
        )
    return InputError.single("municipalities", f"Deze grenzen kunnen niet samen: {text}")


def targets(s: Scenario, method: str, total: int, weights: dict[str, Fraction]) -> dict[str, int]:
    try:
        return apportion(total, weights, method, s.bound("minimum"), s.bound("maximum"))
    except Infeasible as error:
        raise _infeasible_message(error, total) from None


#: Longest path the "maximum per year" mode computes: one row per year, so a maximum of 1
#: place a year over a million places would otherwise mean a million-year table.
MAX_PATH_YEARS = 100


def _places(count: int) -> str:
    return "1 plaats" if count == 1 else f"{count} plaatsen"


def _path_years(s: Scenario, current: dict, target: dict) -> int:
    if s.path_mode == "years":
        return s.years
    years = years_needed(current, target, s.max_moves_per_year)
    if years > MAX_PATH_YEARS:
        added, removed = moves(current, target)
        enough = -(-max(added, removed) // MAX_PATH_YEARS)
        raise InputError.single(
            "max_moves_per_year",
            f"Met hoogstens {_places(s.max_moves_per_year)} per jaar duurt het verplaatsen "
            f"{years} jaar; de rekenhulp maakt een tijdpad van hoogstens {MAX_PATH_YEARS} jaar. "
            f"Vul bij ‘Hoogstens te verplaatsen per jaar’ minstens {enough} in.",
        )
    return years


def _warnings(s: Scenario, current_total: int, total: int) -> list[dict[str, str]]:
    found = []
    if total > current_total:
        found.append(
            (
                "total_places",
                f"Het totaal ({total}) is hoger dan nu ({current_total}): dat is uitbreiding. "
                "De besluiten gaan uit van substitutie, niet van extra plaatsen.",
            )
        )
    for row in s.municipalities:
        low, high, now = row.values["minimum"], row.values["maximum"], row.value("plaatsen")
        if (low is not None and now < low) or (high is not None and now > high):
            found.append(
                (
                    "municipalities",
                    f"{quote(row.name)} heeft nu {now} plaatsen, buiten het minimum of maximum; "
                    "het pad gaat daar in stappen naartoe.",
                )
            )
    return [{"field": f, "message": m} for f, m in found]


def _row(row, current, target, share, by_method, total) -> dict[str, object]:
    name = row.name
    return {
        "name": name,
        "inhabitants": int(row.value("inwoners")),
        "clients": int(row.value("clienten")),
        "share_display": format_percent(share),
        "exact_display": format_decimal(share * total, 2),
        "current": current[name],
        "target": target[name],
        "gap": target[name] - current[name],
        "by_method": {m: places[name] for m, places in by_method.items()},
    }


def compute(s: Scenario) -> dict[str, object]:
    """The ``result`` and ``warnings`` of the compute response."""
    current = s.places("plaatsen")
    current_total = sum(current.values())
    total = final_total(s)
    weights = shares(s.municipalities, s.key)
    by_method = {m: targets(s, m, total, weights) for m in APPORTIONMENT_METHODS}
    target = by_method[s.method]
    years = _path_years(s, current, target)
    path = yearly_path(current, target, years) if years else []
    added, removed = moves(current, target)
    result = {
        "facility": FACILITIES[s.facility],
        "method": s.method,
        "method_label": APPORTIONMENT_METHODS[s.method].label,
        "current_total": current_total,
        "total": total,
        "moved": added,
        "removed": removed,
        "rows": [
            _row(r, current, target, weights[r.name], by_method, total) for r in s.municipalities
        ],
        "disagree": [n for n in current if len({p[n] for p in by_method.values()}) > 1],
        "years": [
            {
                "year": s.start_year + i + 1,
                "places": year,
                "total": sum(year.values()),
                "moved": moves(before, year)[0],
            }
            for i, (before, year) in enumerate(zip([current, *path], path, strict=False))
        ],
        "friction": None,
    }
    if s.cost_per_move is not None:
        budget = Fraction(s.cost_per_move) * added
        result["friction"] = {
            "cost_display": format_euro(s.cost_per_move),
            "budget_display": format_euro(budget),
        }
    return {"result": result, "warnings": _warnings(s, current_total, total)}


def export_table(s: Scenario) -> tuple[list[str], list[list[object]]]:
    """Headers and rows for the CSV export: inputs, target, gap and the path per year."""
    result = compute(s)["result"]
    years = result["years"]
    headers = ["Gemeente", "Inwoners", "Cliënten", "Plaatsen nu", "Doel", "Verschil"]
    headers += [f"Jaar {y['year']}" for y in years]
    rows = [
        [r["name"], r["inhabitants"], r["clients"], r["current"], r["target"], r["gap"]]
        + [y["places"][r["name"]] for y in years]
        for r in result["rows"]
    ]
    totals = ["Totaal", *(sum(r[i] for r in rows) for i in range(1, 6))]
    rows.append(totals + [y["total"] for y in years])
    return headers, rows
