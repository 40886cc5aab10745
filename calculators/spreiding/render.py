"""HTML for Spreiding results: targets, the methods side by side, the yearly path."""

from __future__ import annotations

from ..core.apportion import APPORTIONMENT_METHODS
from ..render.html import Column, Series, bar_chart, line_chart, table, text


def _summary(r: dict) -> str:
    change = r["total"] - r["current_total"]
    total = f"{r['total']} plaatsen"
    if change:
        total += f" ({'+' if change > 0 else ''}{change} ten opzichte van nu)"
    years = r["years"]
    path = (
        f" Het pad duurt {len(years)} jaar en is in {years[-1]['year']} klaar."
        if years
        else " Er hoeft niets te verhuizen: elke gemeente zit al op haar doel."
    )
    reduced = r["removed"] - r["moved"]
    reduction = f"; af te bouwen: {reduced}" if reduced > 0 else ""
    friction = ""
    if r["friction"]:
        friction = (
            f" Frictiebudget: {r['moved']} × {r['friction']['cost_display']} = "
            f"<strong>{text(r['friction']['budget_display'])}</strong>."
        )
    return (
        f'<p class="rekenhulp-samenvatting">{text(r["facility"].capitalize())}: '
        f"<strong>{text(total)}</strong>, verdeeld met <strong>{text(r['method_label'])}"
        f"</strong>. Te verplaatsen: <strong>{r['moved']}</strong> plaatsen{text(reduction)}."
        f"{text(path)}{friction}</p>"
    )


def _targets(r: dict) -> str:
    columns = [
        Column("Gemeente", numeric=False),
        Column("Inwoners"),
        Column("Cliënten"),
        Column("Aandeel"),
        Column("Exact aandeel in plaatsen"),
        Column("Plaatsen nu"),
        Column("Doel"),
        Column("Verschil"),
    ]
    rows = [
        (
            x["name"],
            x["inhabitants"],
            x["clients"],
            x["share_display"],
            x["exact_display"],
            x["current"],
            x["target"],
            f"{x['gap']:+d}" if x["gap"] else "0",
        )
        for x in r["rows"]
    ]
    footer = ("Totaal", "", "", "100,00 %", r["total"], r["current_total"], r["total"], "")
    return table("Doel per gemeente", columns, rows, footer=footer)


def _methods(r: dict) -> str:
    if not r["disagree"]:
        return (
            '<p class="rekenhulp-methoden">De drie rekenmethoden geven hier hetzelfde doel '
            "voor elke gemeente.</p>"
        )
    ids = list(APPORTIONMENT_METHODS)
    columns = [Column("Gemeente", numeric=False)] + [
        Column(APPORTIONMENT_METHODS[m].label) for m in ids
    ]
    rows = [
        (x["name"], *(x["by_method"][m] for m in ids))
        for x in r["rows"]
        if x["name"] in r["disagree"]
    ]
    return (
        f'<p class="rekenhulp-methoden">De rekenmethoden verschillen bij '
        f"{text(', '.join(r['disagree']))}:</p>"
        + table("Doel per rekenmethode (alleen waar ze verschillen)", columns, rows)
    )


def _path(r: dict, start: str) -> str:
    years = r["years"]
    if not years:
        return ""
    columns = [Column("Gemeente", numeric=False), Column(f"Nu ({start})")] + [
        Column(str(y["year"])) for y in years
    ]
    rows = [(x["name"], x["current"], *(y["places"][x["name"]] for y in years)) for x in r["rows"]]
    footer = ("Totaal", r["current_total"], *(y["total"] for y in years))
    moved = ("Verplaatst dat jaar", "", *(y["moved"] for y in years))
    chart = line_chart(
        "spreiding-pad",
        "Plaatsen per gemeente per jaar",
        "Lijndiagram van het aantal plaatsen per gemeente per jaar. Dezelfde aantallen staan in "
        "de tabel 'Pad per jaar'.",
        [f"Nu ({start})", *(str(y["year"]) for y in years)],
        [(x["name"], [x["current"], *(y["places"][x["name"]] for y in years)]) for x in r["rows"]],
    )
    return table("Pad per jaar", columns, [*rows, moved], footer=footer) + chart


def render_result(result: dict, scenario: dict | None = None) -> str:
    start = (scenario or {}).get("start_year", "")
    names = [x["name"] for x in result["rows"]]
    chart = bar_chart(
        "spreiding-grafiek",
        "Plaatsen nu en doel per gemeente",
        "Staafdiagram van de plaatsen nu en het doel per gemeente. Dezelfde aantallen staan in "
        "de tabel 'Doel per gemeente'.",
        names,
        [
            Series(
                "Nu",
                "as-reeks-1",
                [x["current"] for x in result["rows"]],
                [str(x["current"]) for x in result["rows"]],
            ),
            Series(
                "Doel",
                "as-reeks-2",
                [x["target"] for x in result["rows"]],
                [str(x["target"]) for x in result["rows"]],
            ),
        ],
    )
    return "".join(
        (_summary(result), _targets(result), chart, _methods(result), _path(result, str(start)))
    )
