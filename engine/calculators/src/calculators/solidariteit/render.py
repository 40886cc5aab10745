"""HTML for Solidariteit results: the pool's account, the result per municipality and what
solidarity costs or brings compared with paying only for one's own clients."""

from __future__ import annotations

from typing import Any

from ..core.format import format_decimal
from ..core.money import euro
from ..render.html import Column, Series, bar_chart, municipality_columns, table, text

_KIND = {
    "overschot": "een <strong>overschot</strong> van",
    "tekort": "een <strong>tekort</strong> van",
    "sluitend": "precies sluitend:",
}


def _summary(r: dict[str, Any]) -> str:
    amount = euro(abs(r["result"]["cents"]))
    share = ""
    if r["kind"] != "sluitend":
        share = f" De gemeenten delen het met de sleutel <strong>{text(r['key_label'])}</strong>."
    return (
        f'<p class="rekenhulp-samenvatting">In de pot: <strong>{text(r["pool"]["display"])}'
        f"</strong> inleg van {len(r['rows'])} gemeenten. Eruit betaald: zorgkosten "
        f"{text(r['care']['display'])} en bedrijfsvoeringskosten "
        f"{text(r['operating']['display'])} (met het innovatiebudget van "
        f"{text(r['innovation']['display'])}). Het resultaat is {_KIND[r['kind']]} "
        f"<strong>{text(amount)}</strong>.{share}</p>"
    )


def _account(r: dict[str, Any]) -> str:
    columns = [Column("Post", numeric=False), Column("Bedrag")]
    rows = [("Inleg van alle gemeenten", r["pool"]["display"])]
    rows += [(line["label"], euro(-line["cents"])) for line in r["lines"]]
    innovation = r["innovation"]
    shown = f"Innovatiebudget ({innovation['percent_display']} van de pot)"
    rows.append((shown, euro(-innovation["cents"])))
    label = {"overschot": "Overschot", "tekort": "Tekort"}.get(r["kind"], "Resultaat")
    return table("De pot", columns, rows, footer=(label, r["result"]["display"]))


_RESULT = ("Inwoners", "Inleg", "Aandeel in de sleutel", "Deel van het resultaat", "Netto kosten")
_SOLIDARITY = ("Eigen cliëntkosten", "Zonder solidariteit", "Met solidariteit (netto kosten)")


def _cells(x: dict[str, Any], share: str) -> tuple[str, ...]:
    amounts = (x[f]["display"] for f in ("result", "net", "net_per_inhabitant"))
    return (format_decimal(x["inhabitants"], 0), x["inleg"]["display"], share, *amounts)


def _per_municipality(r: dict[str, Any]) -> str:
    columns = municipality_columns(*_RESULT, "Netto kosten per inwoner")
    rows = [(x["name"], *_cells(x, x["share_display"])) for x in r["rows"]]
    footer = ("Totaal", *_cells(r["totals"], "100,00 %"))
    return table("Uitkomst per gemeente", columns, rows, footer=footer)


def _shown(cell: dict[str, Any] | None) -> str:
    return "" if cell is None else cell["display"]


def _solidarity(r: dict[str, Any]) -> str:
    columns = municipality_columns(*_SOLIDARITY, "Verschil door solidariteit")
    given = [x for x in r["rows"] if x["own"] is not None]
    fields = ("own", "alone", "net", "effect")
    rows = [(x["name"], *(x[f]["display"] for f in fields)) for x in given]
    footer = ("Totaal", *(_shown(r["totals"][f]) for f in fields))
    chart = bar_chart(
        "solidariteit-verschil",
        "Verschil door solidariteit per gemeente",
        "Staafdiagram van wat solidariteit elke gemeente oplevert (positief) of kost "
        "(negatief). Dezelfde bedragen staan in de tabel 'Solidariteit vergeleken met alleen "
        "de eigen cliënten betalen'.",
        [x["name"] for x in given],
        [
            Series(
                "Verschil door solidariteit",
                "as-reeks-1",
                [x["effect"]["cents"] / 100 for x in given],
                [x["effect"]["display"] for x in given],
            )
        ],
    )
    return (
        table(
            "Solidariteit vergeleken met alleen de eigen cliënten betalen",
            columns,
            rows,
            footer=footer if len(given) == len(r["rows"]) else None,
        )
        + '<p class="rekenhulp-uitleg">Positief: de gemeente betaalt in de pot minder dan '
        "alleen voor haar eigen cliënten (solidariteit levert haar geld op). Negatief: "
        "solidariteit kost de gemeente geld. De bedrijfsvoeringskosten zijn in beide "
        "gevallen gezamenlijk en met dezelfde sleutel verdeeld.</p>" + chart
    )


def render_result(result: dict[str, Any], scenario: dict[str, Any] | None = None) -> str:
    parts = [_summary(result), _account(result), _per_municipality(result)]
    if result["compared"]:
        parts.append(_solidarity(result))
    return "".join(parts)
