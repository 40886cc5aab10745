"""HTML for Ingroeipad results: the amounts per year, a line chart, and voordeel and nadeel."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from ..render.html import Column, municipality_columns, number, small_multiples, table, text

KINDS = {"voordeel": "voordeelgemeente", "nadeel": "nadeelgemeente", "gelijk": "gelijk"}
#: The cells of the voordeel-en-nadeel table after the first and last year's amount.
_EFFECTS = itemgetter(
    "target_display", "change_display", "final_per_inhabitant",
    "change_per_inhabitant", "largest_step_per_inhabitant", "held_years",
)  # fmt: skip
LISTS = {
    "voordeel": "Voordeelgemeenten (krijgen er geld bij)",
    "nadeel": "Nadeelgemeenten (gaan er geld op achteruit)",
}


def _summary(r: dict[str, Any]) -> str:
    years, cap = r["years"], r["cap_display"]
    limit = f"is begrensd op {cap} per inwoner" if cap else "heeft geen grens"
    end = "bereikt." if r["reached"] else "nog niet bereikt (zie ‘Let op’)."
    return (
        f'<p class="rekenhulp-samenvatting">Budget per jaar: <strong>'
        f"{text(r['budget_display'])}</strong>. Het pad loopt van {years[1]} tot en met "
        f"{years[-1]} in {len(years) - 1} stappen, van de historische naar de objectieve "
        f"verdeling. De verandering per jaar {text(limit)}. In {years[-1]} is het eind van "
        f"het pad {text(end)}</p>"
    )


def _own_choice(r: dict[str, Any]) -> str:
    """The advice's € 15 is a principle on the whole gemeentefonds: a yearly cap is ours."""
    if not r["cap_display"]:
        return ""
    return (
        '<div class="admonition info rekenhulp-eigen-keuze"><p class="admonition-title">Eigen '
        "keuze van de rekenhulp</p><p>Het advies van het expertiseteam noemt een afspraak van "
        "gemeenten en Rijk: nieuwe verdeelmodellen verschuiven hoogstens € 15 per inwoner. Die "
        "afspraak gaat over het hele gemeentefonds. Het advies zegt niet dat de grens per jaar "
        "geldt, per gemeente, of alleen voor het geld voor beschermd wonen.</p><p>De grens van "
        f"{text(r['cap_display'])} per inwoner per jaar is dus een keuze van deze rekenhulp. "
        "Zij is geen afspraak uit het advies.</p></div>"
    )


def _amounts(r: dict[str, Any], years: list[str]) -> str:
    alpha = ("Aandeel objectief (α)", "0,0 %", *r["alphas"])
    rows = [alpha, *((x["name"], *x["displays"]) for x in r["rows"])]
    footer = ("Totaal", *r["totals"])
    return table("Bedrag per gemeente per jaar", municipality_columns(*years), rows, footer=footer)


def _chart(r: dict[str, Any], years: list[str]) -> str:
    # The axis shows whole numbers in a narrow margin: thousands, or millions from € 100 mln.
    top = max(c for x in r["rows"] for c in x["amounts"])
    unit, cents = ("miljoenen", 10**8) if top >= 10**10 else ("duizenden", 10**5)
    return small_multiples(
        "ingroeipad-pad",
        f"Bedrag per gemeente per jaar (in {unit} euro)",
        "Per gemeente een kleine lijngrafiek van het bedrag per jaar. Dezelfde bedragen staan in "
        "de tabel 'Bedrag per gemeente per jaar'.",
        years,
        # In the table's order, so a panel is found where its row is.
        [(x["name"], [c / cents for c in x["amounts"]]) for x in r["rows"]],
        unit=f" {unit} euro",
        # The centrumgemeente starts with the whole budget: on its scale the others are flat.
        shared_scale=False,
    )


def _effects(r: dict[str, Any]) -> str:
    now, last = r["years"][0], r["years"][-1]
    labels = ["Inwoners", f"Nu ({now})", str(last), f"Doel {last}", "Verschil"]
    labels += [f"Per inwoner {last}", "Verschil per inwoner", "Grootste stap per inwoner"]
    columns = municipality_columns(*labels, "Jaren begrensd")
    columns.append(Column("Voordeel of nadeel", numeric=False))
    rows = [
        (x["name"], number(x["inhabitants"]), x["displays"][0], x["displays"][-1])
        + tuple(map(number, _EFFECTS(x)))
        + (KINDS[x["kind"]],)
        for x in r["rows"]
    ]
    lists = ""
    for kind, label in LISTS.items():
        names = ", ".join(x["name"] for x in r["rows"] if x["kind"] == kind)
        lists += f"<p>{label}: {text(names or 'geen')}.</p>"
    return table(f"Voordeel en nadeel per gemeente, {last} tegenover nu", columns, rows) + lists


def render(result: dict[str, Any], scenario: dict[str, Any]) -> str:
    years = [f"Nu ({result['years'][0]})", *(str(y) for y in result["years"][1:])]
    return (
        _summary(result)
        + _own_choice(result)
        + _amounts(result, years)
        + _chart(result, years)
        + _effects(result)
    )
