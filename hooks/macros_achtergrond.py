"""Macros for the Achtergrond section: the per-municipality amounts of the Leidse Regio's
investment fund (its Uitvoeringsagenda, bijlage 2), from a data file with a source per row.

The build stops when the file's own total row does not equal the sum of its municipalities,
so a typing error cannot reach the page. Where the source's row total differs from the sum
of its years, the page says so, computed from the data rather than typed into the page.
"""

from __future__ import annotations

import csv
from pathlib import Path

from calculators.core import money
from calculators.render.html import Column, table
from sitecontent import md_text

DOCS = Path(__file__).resolve().parent.parent / "docs"
FUND_FILE = DOCS / "achtergrond" / "data" / "leidse-regio-investeringsfonds.csv"
YEARS = ("2018", "2019", "2020")
KINDS = {"incidenteel": "lokaal incidenteel", "structureel": "lokaal structureel"}


def euro(euros: int) -> str:
    """The source's amounts are whole euros: "€ 1.035.953"."""
    return money.euro(money.to_cents(euros), whole=True)


def load_fund(path: Path = FUND_FILE) -> dict[str, dict]:
    """Per kind of money: the municipality rows, the source's total row and the sources."""
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    result: dict[str, dict] = {}
    for record in records:
        kind = record["middelen"]
        if kind not in KINDS:
            raise ValueError(f"{path.name}: onbekende soort middelen {kind!r}")
        row = {
            "gemeente": record["gemeente"],
            "jaren": [int(record[year]) for year in YEARS],
            "totaal": int(record["totaal"]),
            "bron": record["bron"].strip(),
        }
        if not row["bron"]:
            raise ValueError(f"{path.name}: rij {record['gemeente']!r} heeft geen bron")
        part = result.setdefault(kind, {"rijen": [], "totaal": None, "bronnen": []})
        if row["gemeente"].lower().startswith("totaal"):
            part["totaal"] = row
        else:
            part["rijen"].append(row)
        if row["bron"] not in part["bronnen"]:
            part["bronnen"].append(row["bron"])
    for kind, part in result.items():
        total = part["totaal"]
        if total is None:
            raise ValueError(f"{path.name}: {kind} heeft geen totaalrij")
        for index, year in enumerate(YEARS):
            column = sum(row["jaren"][index] for row in part["rijen"])
            if column != total["jaren"][index]:
                raise ValueError(f"{path.name}: {kind} {year}: som {column} is niet het totaal")
        if sum(row["totaal"] for row in part["rijen"]) != total["totaal"]:
            raise ValueError(f"{path.name}: {kind}: totalen per gemeente tellen niet op")
    return result


def differences(part: dict) -> list[tuple[dict, int]]:
    """Rows (the total row included) whose stated total differs from the sum of its years."""
    rows = [*part["rijen"], part["totaal"]]
    return [
        (row, row["totaal"] - sum(row["jaren"]))
        for row in rows
        if row["totaal"] != sum(row["jaren"])
    ]


def difference_text(part: dict) -> str:
    found = differences(part)
    municipalities = [(row, diff) for row, diff in found if row is not part["totaal"]]
    if not found:
        return "Bij elke gemeente is het totaal precies de som van de drie jaren."
    lines = []
    if municipalities:
        count = len(municipalities)
        words = {1: "één gemeente", 2: "twee gemeenten", 3: "drie gemeenten", 4: "vier gemeenten"}
        lines.append(
            f"Bij {words.get(count, f'{count} gemeenten')} is het totaal in de bron niet "
            "precies de som van de drie jaren:"
        )
        lines.append("")
        for row, diff in municipalities:
            word = "hoger" if diff > 0 else "lager"
            lines.append(
                f"- {md_text(row['gemeente'])}: het totaal {euro(row['totaal'])} is "
                f"{euro(abs(diff))} {word} dan de som van de jaren ({euro(sum(row['jaren']))});"
            )
        lines[-1] = lines[-1].rstrip(";") + "."
        lines.append("")
    total = part["totaal"]
    if total["totaal"] != sum(total["jaren"]):
        diff = total["totaal"] - sum(total["jaren"])
        lines.append(
            f"Het totaal van de regio ({euro(total['totaal'])}) is de som van de totalen per "
            f"gemeente. De drie jaartotalen samen zijn {euro(sum(total['jaren']))}. Dat is "
            f"{euro(abs(diff))} {'minder' if diff > 0 else 'meer'}."
        )
    return "\n".join(lines)


def define_env(env) -> None:
    @env.macro
    def investeringsfonds_tabel(middelen: str) -> str:
        """One kind of money (incidenteel or structureel) as a table with its totals, the
        differences between row totals and the sum of the years, and the source."""
        part = load_fund()[middelen]
        caption = (
            f"Budget van de Leidse Regio uit het investeringsfonds, {KINDS[middelen]}, "
            "per gemeente en per jaar"
        )
        columns = [Column("Gemeente", numeric=False), *(Column(y) for y in YEARS)]
        columns.append(Column("Totaal (bron)"))
        rows = [
            [row["gemeente"], *(euro(v) for v in row["jaren"]), euro(row["totaal"])]
            for row in part["rijen"]
        ]
        total = part["totaal"]
        footer = ["Totaal Leidse Regio", *(euro(v) for v in total["jaren"]), euro(total["totaal"])]
        markup = table(caption, columns, rows, footer, css_class="rekenhulp-tabel fonds-tabel")
        source = md_text("; ".join(part["bronnen"]))
        return f"\n{markup}\n\n*Bron bij deze tabel: {source}.*\n\n{difference_text(part)}\n"
