"""The Leidse Regio's investment fund per municipality (Uitvoeringsagenda Maatschappelijke
Zorg Leidse Regio, bijlage 2 "Begroting", table of the budget Leidse Regio from the fund):
the data file and the page hold the amounts of the source, with their totals, and the page
names every row whose total differs from the sum of its years."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.content.pages import (
    article,
    caption_of,
    euro_amount,
    page,
    table_rows,
    text_after_table,
    visible_text,
)

ROOT = Path(__file__).resolve().parents[2]
FUND = ROOT / "docs" / "achtergrond" / "data" / "leidse-regio-investeringsfonds.csv"
MUNICIPALITIES = ["Leiden", "Leiderdorp", "Oegstgeest", "Voorschoten", "Zoeterwoude"]

# Typed by hand from bijlage 2: per municipality 2018, 2019, 2020 and the "totaal" column.
SOURCE = {
    "incidenteel": {
        "Leiden": (153_474, 1_035_953, 1_131_874, 2_321_301),
        "Leiderdorp": (12_748, 86_049, 94_016, 192_813),
        "Oegstgeest": (10_359, 69_926, 76_401, 156_687),
        "Voorschoten": (11_499, 77_617, 84_804, 173_920),
        "Zoeterwoude": (4_022, 27_150, 29_664, 60_837),
    },
    "structureel": {
        "Leiden": (177_809, 266_713, 266_713, 711_235),
        "Leiderdorp": (38_433, 57_650, 57_650, 153_732),
        "Oegstgeest": (32_862, 49_293, 49_293, 131_447),
        "Voorschoten": (36_476, 54_714, 54_714, 145_904),
        "Zoeterwoude": (12_028, 18_042, 18_042, 48_112),
    },
}
# The rows "totaal Leidse regio" / "totaal Leidse Regio" of the same tables.
SOURCE_TOTALS = {
    "incidenteel": (192_102, 1_296_695, 1_416_759, 2_905_558),
    "structureel": (297_608, 446_412, 446_412, 1_190_430),
}


def read_fund() -> dict[str, dict[str, tuple[int, ...]]]:
    data: dict[str, dict[str, tuple[int, ...]]] = {}
    with FUND.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            values = tuple(int(row[c]) for c in ("2018", "2019", "2020", "totaal"))
            data.setdefault(row["middelen"], {})[row["gemeente"]] = values
    return data


def test_source_totals_add_up_per_column():
    # The source's own total row equals the column sums of its municipalities, for the three
    # years and for the total column; computed here, independent of the site's code.
    for kind, rows in SOURCE.items():
        sums = tuple(sum(values[i] for values in rows.values()) for i in range(4))
        assert sums == SOURCE_TOTALS[kind], kind


def test_data_file_equals_the_source():
    data = read_fund()
    assert set(data) == {"incidenteel", "structureel"}
    for kind, rows in SOURCE.items():
        file_rows = dict(data[kind])
        totals = [name for name in file_rows if name.lower().startswith("totaal")]
        assert len(totals) == 1, kind
        assert file_rows.pop(totals[0]) == SOURCE_TOTALS[kind]
        assert file_rows == rows


def test_exactly_two_rows_per_kind_differ_by_one_euro():
    # What the page must report: the rows whose stated total is not the sum of their years.
    differing = {
        kind: {
            name: values[3] - sum(values[:3])
            for name, values in rows.items()
            if values[3] != sum(values[:3])
        }
        for kind, rows in SOURCE.items()
    }
    assert differing == {
        "incidenteel": {"Oegstgeest": 1, "Zoeterwoude": 1},
        "structureel": {"Leiderdorp": -1, "Oegstgeest": -1},
    }


@pytest.fixture(scope="module")
def leidse_page(built_site) -> str:
    return article(page(built_site, "achtergrond/leidse-regio"))


def tables_by_kind(html: str) -> dict[str, str]:
    """The two fund tables, by the kind named in their caption."""
    import re

    found = {}
    for match in re.finditer(r'<table class="[^"]*fonds-tabel[^"]*">.*?</table>', html, re.DOTALL):
        caption = caption_of(match.group(0), "fonds-tabel")
        kind = "incidenteel" if "incidenteel" in caption else "structureel"
        found[kind] = html[match.start() :]
    return found


@pytest.mark.build
def test_page_shows_both_tables_with_the_source_amounts_and_totals(leidse_page):
    tables = tables_by_kind(leidse_page)
    assert set(tables) == {"incidenteel", "structureel"}
    for kind, html in tables.items():
        caption = caption_of(html, "fonds-tabel")
        assert "Leidse Regio" in caption and kind in caption
        head = table_rows(html, "fonds-tabel", "thead")
        assert head == [["Gemeente", "2018", "2019", "2020", "Totaal (bron)"]]
        body = table_rows(html, "fonds-tabel")
        assert [row[0] for row in body] == MUNICIPALITIES
        for row in body:
            assert tuple(euro_amount(cell) for cell in row[1:]) == SOURCE[kind][row[0]]
        (footer,) = table_rows(html, "fonds-tabel", "tfoot")
        assert footer[0].startswith("Totaal")
        assert tuple(euro_amount(cell) for cell in footer[1:]) == SOURCE_TOTALS[kind]


@pytest.mark.build
def test_page_names_the_rows_that_differ_from_the_sum_of_their_years(leidse_page):
    tables = tables_by_kind(leidse_page)
    expected = {
        "incidenteel": [
            "Oegstgeest: het totaal € 156.687 is € 1 hoger dan de som van de jaren (€ 156.686)",
            "Zoeterwoude: het totaal € 60.837 is € 1 hoger dan de som van de jaren (€ 60.836)",
            "De drie jaartotalen samen zijn € 2.905.556. Dat is € 2 minder.",
        ],
        "structureel": [
            "Leiderdorp: het totaal € 153.732 is € 1 lager dan de som van de jaren (€ 153.733)",
            "Oegstgeest: het totaal € 131.447 is € 1 lager dan de som van de jaren (€ 131.448)",
            "De drie jaartotalen samen zijn € 1.190.432. Dat is € 2 meer.",
        ],
    }
    for kind, lines in expected.items():
        after = text_after_table(tables[kind], "fonds-tabel", 1200)
        assert after.startswith(
            "Bron bij deze tabel: Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio, bijlage 2"
        )
        for line in lines:
            assert line in after, (kind, line)
        # Municipalities whose total is right are not named.
        named = [m for m in MUNICIPALITIES if f"{m}: het totaal" in after]
        assert len(named) == 2, (kind, named)


@pytest.mark.build
def test_page_states_what_the_agenda_asks_from_the_fund(leidse_page):
    text = visible_text(leidse_page)
    for amount in ("€ 2.905.000", "€ 1.190.000", "€ 2.905.558", "€ 1.190.430", "€ 558", "€ 430"):
        assert amount in text, amount
