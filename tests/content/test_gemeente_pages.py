"""The section Gemeenten: an overview of the 14 and a page per municipality, built from data.

The checks read the data themselves, independently of the code that made the pages: the
inhabitants straight from the CBS data package's CSV file with the csv module, the region
totals as typed from the package's README (``calculators/catalogue/cbs/README.md``), the
municipalities from gemeenten.yaml.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from hooks.gemeenten.data import reading_number, served_link, slug
from hooks.gemeenten.pages import credit, names_in
from tests.content.pages import article, page, table_rows, visible_text

ROOT = Path(__file__).resolve().parents[2]
CBS_CSV = (
    ROOT / "engine" / "calculators" / "src" / "calculators" / "catalogue" / "cbs" / "inwoners.csv"
)
MUNICIPALITIES = yaml.safe_load(
    (ROOT / "docs" / "regiovisie" / "data" / "gemeenten.yaml").read_text(encoding="utf-8")
)["gemeenten"]
CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")
# calculators/catalogue/cbs/README.md, "Regiototalen", column 2022.
REGION_TOTALS_2022 = {"Noord-Limburg": "277.168", "Midden-Limburg": "239.098"}
CBS_KIND = "CBS 1-1-2022"
AGENDA_LABEL = "Geen vastgestelde agenda"


def cbs_figures() -> dict[tuple[str, int], int]:
    with CBS_CSV.open(encoding="utf-8", newline="") as handle:
        return {
            (r["gemeentecode"], int(r["jaar"])): int(r["inwoners"]) for r in csv.DictReader(handle)
        }


def dutch(count: int) -> str:
    return f"{count:,}".replace(",", ".")


# ------------------------------------------------------------------ without a build


def test_the_data_file_has_the_cbs_code_of_each_municipality():
    codes = {m["naam"]: m["cbs"] for m in MUNICIPALITIES}
    assert codes["Bergen"] == "GM0893"  # CBS: "Bergen (L.)"
    assert codes["Venray"] == "GM0984" and codes["Weert"] == "GM0988"
    figures = cbs_figures()
    assert all((code, 2022) in figures for code in codes.values())
    assert len(set(codes.values())) == 14


def test_the_typed_region_totals_are_the_sum_of_the_csv():
    figures = cbs_figures()
    for part, expected in REGION_TOTALS_2022.items():
        codes = [m["cbs"] for m in MUNICIPALITIES if m["deelregio"] == part]
        assert dutch(sum(figures[(c, 2022)] for c in codes)) == expected


def test_numbers_are_written_for_reading():
    assert reading_number("-1000000,00") == "-1.000.000,00"
    assert reading_number("13500") == "13.500"
    assert reading_number("17,0481") == "17,0481"
    assert reading_number("nee") == "nee"
    assert reading_number("") == ""


def test_a_name_is_found_as_a_whole_word():
    assert names_in("tiny houses in Horst aan de\nMaas;", "Horst aan de Maas")
    assert not names_in("de Venlose aanpak", "Venlo")
    assert not names_in("wij bergen dit op", "Bergen")
    assert names_in("in Venlo en Venray.", "Venray")


def test_links_follow_the_served_addresses():
    assert served_link("gemeenten/index.md", "gemeenten/venray.md") == "venray/"
    assert served_link("gemeenten/venray.md", "rekenhulpen/spreiding.md") == (
        "../../rekenhulpen/spreiding/"
    )
    assert slug("Horst aan de Maas") == "horst-aan-de-maas"


def test_the_credit_joins_the_years():
    assert credit([2020, 2021, 2022]) == (
        "Bron: CBS, StatLine 70072ned, 1 januari 2020, 1 januari 2021 en 1 januari 2022"
    )
    assert credit([2022]) == "Bron: CBS, StatLine 70072ned, 1 januari 2022"


# ------------------------------------------------------------------ the built site


@pytest.fixture(scope="module")
def overview(built_site) -> str:
    return article(page(built_site, "gemeenten"))


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, str]:
    return {
        m["naam"]: article(page(built_site, f"gemeenten/{slug(m['naam'])}")) for m in MUNICIPALITIES
    }


@pytest.mark.build
def test_overview_lists_the_fourteen_with_part_and_inhabitants(overview):
    figures = cbs_figures()
    rows = {row[0]: row[1:] for row in table_rows(overview, "gemeenten-overzicht")}
    assert len(rows) == 14
    for m in MUNICIPALITIES:
        assert rows[m["naam"]] == [m["deelregio"], dutch(figures[(m["cbs"], 2022)])]
        assert f'href="{slug(m["naam"])}/"' in overview
    totals = {row[0]: row[2] for row in table_rows(overview, "gemeenten-delen")}
    assert totals == REGION_TOTALS_2022
    assert "Bron: CBS" in visible_text(overview)


@pytest.mark.build
def test_each_page_shows_the_inhabitants_of_the_data_package(pages):
    figures = cbs_figures()
    for m in MUNICIPALITIES:
        html = pages[m["naam"]]
        rows = dict(table_rows(html, "gemeente-inwoners"))
        expected = {
            f"1 januari {year}": dutch(figures[(m["cbs"], year)])
            for year in (2020, 2021, 2022)
            if (m["cbs"], year) in figures
        }
        assert rows == expected, m["naam"]
        text = visible_text(html)
        assert "Bron: CBS, StatLine 70072ned" in text, m["naam"]
        # No growth claim: the page shows counts, it does not compare them.
        assert not re.search(r"\bgroeide\b|\bkromp\b|\bstijging\b|\bdaling\b", text)


@pytest.mark.build
def test_each_page_tells_its_part_and_history(pages):
    for m in MUNICIPALITIES:
        text = visible_text(pages[m["naam"]])
        assert f"hoort bij {m['deelregio']}" in text
        if m["deelregio"] == "Midden-Limburg":
            assert "afgeleid" in text and "geen bron noemt de zeven" in text
        assert "centrumgemeente" in text
    gennep = visible_text(pages["Gennep"])
    assert "De bronnen verschillen" in gennep and "regio Nijmegen" in gennep
    assert "1 januari 2021" in gennep and "2022" in gennep


@pytest.mark.build
def test_decisions_in_force_apply_to_all_and_named_ones_are_linked(pages):
    for name, html in pages.items():
        assert "gelden dus voor alle 14 gemeenten" in visible_text(html), name
        assert "besluiten/up-2020-01/" in html, name
    named = pages["Venray"][pages["Venray"].index("Besluiten die Venray noemen") :]
    assert "besluiten/bp-2019-05/" in named
    venlo = pages["Venlo"][pages["Venlo"].index("Besluiten die Venlo noemen") :]
    for decision in ("bp-2019-02", "bp-2019-03", "bp-2019-05", "bp-2019-10", "up-2020-02"):
        assert f"besluiten/{decision}/" in venlo
    assert "Geen besluit noemt Weert bij naam." in visible_text(pages["Weert"])


@pytest.mark.build
def test_agenda_is_labelled_and_every_municipality_activities_listed(pages):
    agenda = yaml.safe_load((ROOT / "docs" / "beleidsagenda" / "2022.yaml").read_text("utf-8"))
    everyone = [a for a in agenda["activiteiten"] if "elke gemeente" in a["trekker"]]
    for name, html in pages.items():
        text = visible_text(html)
        assert AGENDA_LABEL in text, name
        assert f"Geen activiteit op de beleidsagenda 2022 noemt {name} bij naam." in text
        assert f"liggen bij elke gemeente, dus ook bij {name}" in text
        for activity in everyone:
            assert f"2022/#activiteit-{activity['id']}" in html, (name, activity["id"])


@pytest.mark.build
def test_each_page_links_every_calculator_with_the_municipality(pages, built_site):
    for name, html in pages.items():
        for calculator in CALCULATORS:
            link = f'href="../../rekenhulpen/{calculator}/#gemeente={quote(name, safe="")}"'
            assert link in html, (name, calculator)
    # And back: each calculator page leads to the municipality pages.
    for calculator in CALCULATORS:
        assert 'href="../../gemeenten/"' in article(page(built_site, f"rekenhulpen/{calculator}"))


@pytest.mark.build
def test_calculator_rows_mark_cbs_example_and_computed(pages):
    figures = cbs_figures()
    codes = {m["naam"]: m["cbs"] for m in MUNICIPALITIES}
    for name, html in pages.items():
        tables = re.findall(r'<table class="[^"]*gemeente-rekenhulp.*?</table>', html, re.S)
        assert tables, name
        for markup in tables:
            rows = table_rows(markup, "gemeente-rekenhulp")
            kinds = {row[2] for row in rows}
            assert kinds <= {CBS_KIND, "voorbeeld", "berekend"}
            assert "berekend" in kinds
            inhabitants = next(row for row in rows if row[0] == "Inwoners")
            real = inhabitants[1] == dutch(figures[(codes[name], 2022)])
            assert inhabitants[2] == (CBS_KIND if real else "voorbeeld"), name
            # Inputs come first, results after: no input column after a computed one.
            seen_computed = False
            for row in rows:
                seen_computed |= row[2] == "berekend"
                assert not (seen_computed and row[2] != "berekend"), (name, row)
        text = visible_text(html)
        assert "gaan uit van de voorbeeldcijfers" in text
    # The Verdeelsleutel's example covers Noord-Limburg: Weert is said to be missing.
    assert "Weert staat niet in het voorbeeld van deze rekenhulp" in visible_text(pages["Weert"])


@pytest.mark.build
def test_overview_is_reachable_from_home_and_menu(built_site):
    home = page(built_site, "")
    assert 'href="gemeenten/"' in article(home)
    menu = home[home.index('<nav class="md-tabs"') :]
    assert 'href="gemeenten/"' in menu[: menu.index("</nav>")]
    for m in MUNICIPALITIES:
        html = page(built_site, f"gemeenten/{slug(m['naam'])}")
        assert 'href="../"' in article(html)  # back to the overview
