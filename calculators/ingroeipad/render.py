"""HTML for Ingroeipad results: the amounts per year, a line chart, and voordeel and nadeel."""

from __future__ import annotations

from ..render.html import Column, line_chart, table, text

KINDS = {"voordeel": "voordeelgemeente", "nadeel": "nadeelgemeente", "gelijk": "gelijk"}


def _summary(r: dict) -> str:
    years = r["years"]
    cap = (
        f" De verandering is begrensd op {r['cap_display']} per inwoner per jaar."
        if r["cap_display"]
        else " Er is geen grens op de verandering per jaar."
    )
    end = (
        f" In {years[-1]} is het eind van het pad bereikt."
        if r["reached"]
        else f" In {years[-1]} is het eind van het pad nog niet bereikt (zie ‘Let op’)."
    )
    return (
        f'<p class="rekenhulp-samenvatting">Budget per jaar: <strong>'
        f"{text(r['budget_display'])}</strong>. Het pad loopt van {years[1]} tot en met "
        f"{years[-1]} in {len(years) - 1} stappen, van de historische naar de objectieve "
        f"verdeling.{text(cap)}{text(end)}</p>"
    )


def _years(r: dict) -> list[str]:
    return [f"Nu ({r['years'][0]})", *(str(y) for y in r["years"][1:])]


def _amounts(r: dict) -> str:
    columns = [Column("Gemeente", numeric=False), *(Column(y) for y in _years(r))]
    rows = [(x["name"], *x["displays"]) for x in r["rows"]]
    alpha = ("Aandeel objectief (α)", "0,0 %", *r["alphas"])
    return table("Bedrag per gemeente per jaar", columns, [alpha, *rows], footer=("Totaal",
                 *r["totals"]))  # fmt: skip


def _chart(r: dict) -> str:
    # The axis shows whole numbers in a narrow margin: thousands, or millions from € 100 mln.
    top = max(c for x in r["rows"] for c in x["amounts"])
    unit, cents = ("miljoenen", 10**8) if top >= 10**10 else ("duizenden", 10**5)
    return line_chart(
        "ingroeipad-pad",
        f"Bedrag per gemeente per jaar (in {unit} euro)",
        "Lijndiagram van het bedrag per gemeente per jaar. Dezelfde bedragen staan in de tabel "
        "'Bedrag per gemeente per jaar'.",
        _years(r),
        # Highest end first: line_chart only moves a clashing label down, so the labels then
        # keep the order of the lines.
        [
            (x["name"], [c / cents for c in x["amounts"]])
            for x in sorted(r["rows"], key=lambda x: -x["amounts"][-1])
        ],
    )


def _effects(r: dict) -> str:
    last = r["years"][-1]
    labels = ("Gemeente", "Inwoners", f"Nu ({r['years'][0]})", str(last), f"Doel {last}",
              "Verschil", f"Per inwoner {last}", "Verschil per inwoner",
              "Grootste stap per inwoner", "Jaren begrensd", "Voordeel of nadeel")  # fmt: skip
    columns = [Column(label, numeric=i not in (0, 10)) for i, label in enumerate(labels)]
    rows = [
        (x["name"], f"{x['inhabitants']:,}".replace(",", "."), x["displays"][0],
         x["displays"][-1], x["target_display"], x["change_display"], x["final_per_inhabitant"],
         x["change_per_inhabitant"], x["largest_step_per_inhabitant"], x["held_years"],
         KINDS[x["kind"]])
        for x in r["rows"]
    ]  # fmt: skip
    lists = ""
    for kind, label in (
        ("voordeel", "Voordeelgemeenten (krijgen er geld bij)"),
        ("nadeel", "Nadeelgemeenten (gaan er geld op achteruit)"),
    ):
        names = ", ".join(x["name"] for x in r["rows"] if x["kind"] == kind)
        lists += f"<p>{label}: {text(names or 'geen')}.</p>"
    return table(f"Voordeel en nadeel per gemeente, {last} tegenover nu", columns, rows) + lists


def render_result(result: dict, scenario: dict | None = None) -> str:
    return _summary(result) + _amounts(result) + _chart(result) + _effects(result)
