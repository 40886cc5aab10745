"""HTML for Spreiding results: targets, the methods side by side, the yearly path."""

from __future__ import annotations

from typing import Any

from ..core.apportion import APPORTIONMENT_METHODS
from ..render.html import (
    Series,
    bar_chart,
    municipality_columns,
    number,
    signed,
    small_multiples,
    table,
    text,
)
from ..render.maps import result_map


def _summary(r: dict[str, Any]) -> str:
    change = r["total"] - r["current_total"]
    total = f"{number(r['total'])} plaatsen" + (
        f" ({signed(change)} ten opzichte van nu)" if change else ""
    )
    years = r["years"]
    path = (
        f" Het pad duurt {len(years)} jaar en is in {years[-1]['year']} klaar."
        if years
        else " Er hoeft niets te verhuizen: elke gemeente zit al op haar doel."
    )
    # "moved" counts the places added to municipalities, "removed" those taken away. Places
    # that move from one municipality to another are the smaller of the two; the rest is a
    # reduction (fewer places) or an expansion (new places).
    relocated = min(r["moved"], r["removed"])
    reduced = r["removed"] - r["moved"]
    reduction = f"; af te bouwen: {number(reduced)}" if reduced > 0 else ""
    if reduced < 0:
        reduction = f"; nieuw erbij: {number(-reduced)}"
    friction = ""
    if r["friction"]:
        added = r["moved"]
        places = "plaats" if added == 1 else "plaatsen"
        friction = (
            f" Frictiebudget: {number(added)} {places} erbij in een gemeente × "
            f"{text(r['friction']['cost_display'])} = "
            f"<strong>{text(r['friction']['budget_display'])}</strong>."
        )
    return (
        f'<p class="rekenhulp-samenvatting">{text(r["facility"].capitalize())}: '
        f"<strong>{text(total)}</strong>, verdeeld met <strong>{text(r['method_label'])}"
        f"</strong>. Te verplaatsen: <strong>{number(relocated)}</strong> plaatsen"
        f"{text(reduction)}."
        f"{text(path)}{friction}</p>"
    )


def _targets(r: dict[str, Any]) -> str:
    labels = ("Inwoners", "Cliënten", "Aandeel", "Exact aandeel in plaatsen", "Plaatsen nu")
    columns = municipality_columns(*labels, "Doel", "Verschil")
    fields = ("inhabitants", "clients", "share_display", "exact_display", "current", "target")
    rows = [(x["name"], *(number(x[f]) for f in fields), signed(x["gap"])) for x in r["rows"]]
    totals = (number(r["total"]), number(r["current_total"]), number(r["total"]))
    footer = ("Totaal", "", "", "100,00 %", *totals, "")
    return table("Doel per gemeente", columns, rows, footer=footer)


def _methods(r: dict[str, Any]) -> str:
    if not r["disagree"]:
        return (
            '<p class="rekenhulp-methoden">De drie rekenmethoden geven hier hetzelfde doel '
            "voor elke gemeente.</p>"
        )
    columns = municipality_columns(*(m.label for m in APPORTIONMENT_METHODS.values()))
    disagree = set(r["disagree"])  # a list would make this quadratic in the table's size
    rows = [
        (x["name"], *(number(x["by_method"][m]) for m in APPORTIONMENT_METHODS))
        for x in r["rows"]
        if x["name"] in disagree
    ]
    return (
        f'<p class="rekenhulp-methoden">De rekenmethoden verschillen bij '
        f"{text(', '.join(r['disagree']))}:</p>"
        + table("Doel per rekenmethode (alleen waar ze verschillen)", columns, rows)
    )


def _path(r: dict[str, Any], start: str) -> str:
    years = r["years"]
    if not years:
        return ""
    labels = [f"Nu ({start})", *(str(y["year"]) for y in years)]
    lines = [
        (x["name"], [x["current"], *(y["places"][x["name"]] for y in years)]) for x in r["rows"]
    ]
    moved = ("Verplaatst dat jaar", "", *(number(y["moved"]) for y in years))
    rows = [*((name, *map(number, places)) for name, places in lines), moved]
    footer = ("Totaal", number(r["current_total"]), *(number(y["total"]) for y in years))
    chart = small_multiples(
        "spreiding-pad",
        "Plaatsen per gemeente per jaar",
        "Per gemeente een kleine lijngrafiek van het aantal plaatsen per jaar, van nu tot het "
        "doel. Dezelfde aantallen staan in de tabel 'Pad per jaar'.",
        labels,
        lines,
        unit=" plaatsen",
    )
    columns = municipality_columns(*labels)
    return table("Pad per jaar", columns, rows, footer=footer) + chart


def render(result: dict[str, Any], scenario: dict[str, Any]) -> str:
    rows = result["rows"]
    chart = bar_chart(
        "spreiding-grafiek",
        "Plaatsen nu en doel per gemeente",
        "Staafdiagram van de plaatsen nu en het doel per gemeente. Dezelfde aantallen staan in "
        "de tabel 'Doel per gemeente'.",
        [x["name"] for x in rows],
        [
            Series(label, f"as-reeks-{i}", [x[f] for x in rows], [number(x[f]) for x in rows])
            for i, (label, f) in enumerate((("Nu", "current"), ("Doel", "target")), 1)
        ],
    )
    gaps = {x["name"]: (float(x["gap"]), signed(x["gap"])) for x in rows}
    where = result_map(
        "spreiding-kaart",
        "Verschil tussen doel en plaatsen nu, op de kaart",
        "Kaart van de gemeenten: waar plaatsen af gaan (licht), gelijk blijven en erbij komen "
        "(donker). Dezelfde verschillen staan in de tabel 'Doel per gemeente'.",
        "Verschil tussen doel en nu",
        gaps,
        breaks=(0, 1),
        step_labels=("plaatsen eraf", "gelijk", "plaatsen erbij"),
    )
    start = str(scenario.get("start_year", ""))
    parts = (_summary(result), _targets(result), chart, where, _methods(result))
    return "".join(parts) + _path(result, start)
