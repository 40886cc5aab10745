"""Budgets are whole cents from the file to every output: the agenda table (an ``Int64``
column), the CSV, the open data JSON and the page. No float on the way, so a sum of cents is
exact: three times 0,10 is 0,30 (in floats, 0.1 + 0.1 + 0.1 is 0.30000000000000004)."""

from __future__ import annotations

import csv
import io
import json

import sitecontent
from tests.agenda.test_pages import table_rows

BRON = "Testbegroting 2030, hoofdstuk 2 (verzonnen, alleen voor de tests)"


def activity(ident: str, budget: str, status: str) -> str:
    return f"""  - id: {ident}
    titel: Activiteit {ident}
    ambitie: 1
    doel: "1.1"
    schaal: regionaal
    trekker: gemeente A
    planning: "2030"
    budget: {budget}
    status: {status}
"""


def agenda_with(tmp_path, goals, budgets):
    """budgets: (id, budget as written in the file, status)."""
    text = f"jaar: 2030\nbron: {BRON}\nactiviteiten:\n" + "".join(
        activity(*item) for item in budgets
    )
    path = tmp_path / "2030.yaml"
    path.write_text(text, encoding="utf-8")
    return sitecontent.load_agenda(path, goals, None)


def test_3000_55_is_300055_cents_everywhere(tmp_path, goals):
    budgets = [
        ("x1", '"3000,55"', "lopend"),
        ("x2", '"0,10"', "gepland"),
        ("x3", '"0,10"', "gepland"),
        ("x4", '"0,10"', "gepland"),
    ]
    agenda = agenda_with(tmp_path, goals, budgets)
    assert [a.budget_cent for a in agenda.activities] == [300_055, 10, 10, 10]

    df = sitecontent.frame(agenda, goals)
    assert str(df["budget_cent"].dtype) == "Int64"
    assert df["budget_cent"].tolist() == [300_055, 10, 10, 10]
    assert sitecontent.status_budgets(df)["gepland"] == (3, 30)
    total = sitecontent.grand_total(df)
    assert total["budget_cent"] == 300_085 and type(total["budget_cent"]) is int

    rows = list(csv.DictReader(io.StringIO(sitecontent.csv_text(df)[1:]), delimiter=";"))
    assert [row["budget_euro"] for row in rows] == ["3000,55", "0,10", "0,10", "0,10"]

    data = json.loads(sitecontent.agenda_json(agenda))
    assert [item["budget_cent"] for item in data["activiteiten"]] == [300_055, 10, 10, 10]

    pages = sitecontent.AgendaPages(goals, {2030: agenda}, set())
    text = pages.year_body(2030, "beleidsagenda/2030.md")
    assert "Budget: € 3.000,55" in text
    assert text.count("Budget: € 0,10") == 3
    assert table_rows(text, "per status")[1:] == [
        ["gepland", "3", "€ 0,30"],
        ["lopend", "1", "€ 3.000,55"],
        ["afgerond", "0", "geen bedrag bekend"],
        ["vervallen", "0", "geen bedrag bekend"],
        ["Totaal (zonder vervallen budget)", "4", "€ 3.000,85"],
    ]
    assert "samen € 3.000,85" in text
    assert ["Totaal", "4", "4", "€ 3.000,85", "0"] in table_rows(text, "per pijler")
    overview = pages.overview("beleidsagenda/index.md")
    assert "€ 3.000,85 (4 van 4 bekend)" in overview


def test_many_small_and_large_budgets_add_up_exactly(tmp_path, goals):
    # As integer cents every sum is exact, also next to the largest amount a file may hold.
    budgets = [(f"c{n}", '"0,10"', "gepland") for n in range(10)]
    budgets += [("big", '"999999999999,99"', "lopend"), ("cent", '"0,01"', "lopend")]
    agenda = agenda_with(tmp_path, goals, budgets)
    df = sitecontent.frame(agenda, goals)
    assert sitecontent.status_budgets(df)["gepland"] == (10, 100)
    assert sitecontent.status_budgets(df)["lopend"] == (2, 100_000_000_000_000)
    assert sitecontent.grand_total(df)["budget_cent"] == 100_000_000_000_100
    by_pillar = sitecontent.totals(df, "pijler").to_dict("records")
    assert [row["budget_cent"] for row in by_pillar] == [100_000_000_000_100]
    text = sitecontent.AgendaPages(goals, {2030: agenda}, set()).year_body(
        2030, "beleidsagenda/2030.md"
    )
    assert ["gepland", "10", "€ 1"] in table_rows(text, "per status")
    assert ["lopend", "2", "€ 1.000.000.000.000"] in table_rows(text, "per status")
    assert "Budget: € 999.999.999.999,99" in text
