"""The HTML the page shows (static at build time and live from the worker)."""

from __future__ import annotations

import json
import re
from html import escape

import pytest

from calculators.core.entry import handle
from calculators.render.html import VALUE_GAP
from calculators.render.page import handle_page, render_static

CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")


def default_scenario(calculator: str = "verdeelsleutel") -> dict:
    return json.loads(handle(json.dumps({"calculator": calculator, "action": "default"})))[
        "scenario"
    ]


def page_response(scenario: dict, calculator: str = "verdeelsleutel", highlight=None) -> dict:
    request = {"calculator": calculator, "action": "compute", "scenario": scenario}
    return json.loads(handle_page(json.dumps(request), highlight))


def page_html(calculator: str, highlight=None, scenario: dict | None = None) -> str:
    response = page_response(scenario or default_scenario(calculator), calculator, highlight)
    assert response["ok"], response
    return response["html"]


def dutch(plain: str) -> str:
    """A plain whole number written with a point every three digits, done by hand here."""
    digits = plain.lstrip("-")
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if plain.startswith("-") else "") + ".".join(groups)


def test_warnings_are_shown_above_the_result():
    scenario = default_scenario()
    scenario["amount"] = "0"
    html = page_response(scenario)["html"]
    # The scenario's name first (it says "Voorbeeldcijfers"), then the warning, then results.
    title = f'<p class="rekenhulp-titel">Scenario: <strong>{escape(scenario["title"])}</strong>'
    assert html.startswith(title)
    warning = html.index('<div class="admonition note rekenhulp-let-op">')
    assert html.index("er valt niets te verdelen") > warning
    assert html.index("<table") > warning


def test_the_title_is_escaped():
    scenario = default_scenario()
    scenario["title"] = "<b>Echt</b>"
    assert "Scenario: <strong>&lt;b&gt;Echt&lt;/b&gt;</strong>" in page_response(scenario)["html"]


def test_no_warning_block_without_warnings():
    assert "rekenhulp-let-op" not in page_response(default_scenario())["html"]


def test_static_result_lists_every_municipality_with_its_amount():
    html = render_static("verdeelsleutel")
    row_headers = re.findall(r'<th scope="row">([^<]+)</th>', html)
    names = [m["name"] for m in default_scenario()["municipalities"]]
    assert row_headers[: len(names) + 1] == [*names, "Totaal"]
    # The example divides a deficit of EUR 1,000,000: the total row says so.
    assert "-€ 1.000.000,00" in html


def test_comparison_is_explained_and_failed_requests_get_no_html():
    assert (
        "Verschil = bedrag met de tweede sleutel min" in page_response(default_scenario())["html"]
    )
    scenario = default_scenario()
    scenario["amount"] = "veel"
    response = page_response(scenario)
    assert response["ok"] is False and "html" not in response


def test_static_result_names_the_weights_and_shows_the_figures_used():
    html = render_static("verdeelsleutel")
    assert "(25 % Inwoners 18+, 75 % Gebruik beschermd wonen (cliënten))" in html
    assert "<caption>Gebruikte cijfers per gemeente</caption>" in html
    venlo = next(m for m in default_scenario()["municipalities"] if m["name"] == "Venlo")
    figures = html.split("Gebruikte cijfers per gemeente")[1].split("Venlo")[1].split("</tr>")[0]
    # As a Dutch reader writes them (13.500), while the scenario keeps its plain "13500".
    assert re.findall(r">([^<]+)</td>", figures) == [
        dutch(venlo["values"]["inwoners"]),
        dutch(venlo["values"]["inwoners_18plus"]),
        dutch(venlo["values"]["gebruik"]),
    ]


# ---------------------------------------------------------------- highlighting a municipality

MARKED_ROW = re.compile(r'<tr class="rekenhulp-uitgelicht"><th scope="row">(.*?)</th>')


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_highlight_marks_exactly_the_named_rows_bars_and_line(calculator):
    name = default_scenario(calculator)["municipalities"][1]["name"]
    plain, marked = page_html(calculator), page_html(calculator, name)
    note = '<span class="visueel-verborgen"> (uitgelicht)</span>'
    # Every row that names it in a table body, and no other row.
    rows_with_name = plain.count(f'<tr><th scope="row">{escape(name)}</th>')
    assert rows_with_name >= 1
    assert MARKED_ROW.findall(marked) == [escape(name) + note] * rows_with_name
    # Unmarked, the two pages are the same apart from the marks themselves.
    assert "uitgelicht" not in plain
    bars = re.findall(
        r'<g class="as-rij as-uitgelicht">.*?<text class="as-label"[^>]*>(.*?)<', marked
    )
    panels = re.findall(
        r'<svg class="rekenhulp-grafiek as-vak as-uitgelicht".*?class="as-naam"'
        r"[^>]*>(.*?)<",
        marked,
    )
    charts = plain.count('<g class="as-rij">') > 0, plain.count("as-vak") > 0
    assert bars == ([escape(name)] if charts[0] else [])
    assert panels == ([escape(name)] if charts[1] else [])
    if "as-context" in plain:  # panels on one scale: its line is the coloured one in all others
        assert marked.count("as-context-uitgelicht") == plain.count("as-vak") - 1


@pytest.mark.parametrize(
    "highlight",
    [
        "<script>alert(1)</script>",
        "Venray" * 20_000,
        "venray",
        " Venray",
        "Totaal",
        "Verplaatst dat jaar",
        "",
        None,
        42,
        ["Venray"],
    ],
)
def test_unknown_or_hostile_highlight_changes_nothing(highlight):
    assert page_html("spreiding", highlight) == page_html("spreiding")


def test_a_highlighted_hostile_name_is_escaped():
    scenario = default_scenario("spreiding")
    hostile = '<script>alert("x")</script>'
    scenario["municipalities"][0]["name"] = hostile
    html = page_html("spreiding", hostile, scenario)
    assert "<script>" not in html
    assert MARKED_ROW.findall(html)[0].startswith(escape(hostile))
    assert f">{escape(hostile)}</text>" in html  # its bar label


def test_highlight_is_no_part_of_the_scenario_or_its_checks():
    scenario = default_scenario("spreiding")
    name = scenario["municipalities"][0]["name"]
    with_mark = page_response(scenario, "spreiding", name)
    without = page_response(scenario, "spreiding")
    assert with_mark["scenario"] == without["scenario"]
    assert with_mark["result"] == without["result"]


# ---------------------------------------------------------------- numbers the Dutch way


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_table_cells_and_chart_labels_have_thousands_separators(calculator):
    html = page_html(calculator, default_scenario(calculator)["municipalities"][0]["name"])
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", html)
    assert cells
    runs = [run for v in cells + labels for run in re.findall(r"(?<![\d.,])\d{4,}", v)]
    # Only years may have four digits in a row ("Nu (2022)", "Kandidaat-sleutel 2019").
    assert all(re.fullmatch(r"(19|20)\d\d", run) for run in runs), runs


def test_inhabitants_show_grouped_while_the_csv_keeps_its_format():
    scenario = default_scenario("spreiding")
    first = scenario["municipalities"][0]
    inhabitants = first["values"]["inwoners"]
    assert len(inhabitants) >= 4 and inhabitants.isdigit()
    html = page_html("spreiding", scenario=scenario)
    row = html.split(f'<th scope="row">{escape(first["name"])}</th>')[1].split("</tr>")[0]
    assert re.findall(r">([^<]+)</td>", row)[0] == dutch(inhabitants)
    request = {"calculator": "spreiding", "action": "export_csv", "scenario": scenario}
    for convention in ("nl", "international"):
        csv = json.loads(handle(json.dumps({**request, "convention": convention})))["text"]
        line = next(x for x in csv.splitlines() if x.startswith(first["name"]))
        assert inhabitants in re.split("[;,]", line)
        assert dutch(inhabitants) not in line


# ---------------------------------------------------------------- bars carry their value


def bars_and_values(svg: str) -> list[tuple[dict, dict]]:
    """Each bar's attributes and those of the value text right after it."""
    pairs = re.findall(r'<rect class="as-reeks-\d" ([^>]*)/><text class="as-waarde" ([^>]*)>', svg)

    def attrs(text: str) -> dict:
        return dict(re.findall(r'([\w-]+)="([^"]*)"', text))

    return [(attrs(bar), attrs(value)) for bar, value in pairs]


@pytest.mark.parametrize(
    ("calculator", "chart"),
    [
        ("spreiding", "spreiding-grafiek"),
        ("verdeelsleutel", "verdeelsleutel-grafiek"),
        ("solidariteit", "solidariteit-verschil"),
    ],
)
def test_each_bar_has_its_value_at_its_end(calculator, chart):
    html = page_html(calculator)
    svg = re.search(rf'<svg [^>]*id="{chart}".*?</svg>', html).group(0)
    zero = float(re.search(r'<line class="as-nul" x1="([\d.]+)"', svg).group(1))
    pairs = bars_and_values(svg)
    assert pairs
    for bar, value in pairs:
        left, width = float(bar["x"]), float(bar["width"])
        negative = left < zero - 0.05
        if negative:  # the value sits left of the bar's left end, aligned to it
            assert value.get("text-anchor") == "end"
            expected = left - VALUE_GAP
        else:
            assert "text-anchor" not in value
            expected = left + width + VALUE_GAP
        # Bar ends are written to 0.1, so allow one rounding step of each.
        assert abs(float(value["x"]) - expected) <= 0.15, (bar, value)
        # On the bar's line, not in a column of its own.
        assert float(bar["y"]) < float(value["y"]) < float(bar["y"]) + float(bar["height"]) + 2


def _kinds(html: str) -> dict[str, str]:
    found = re.findall(r'<th[^>]*>([^<]*)<span class="kolom-soort">([^<]*)</span>', html)
    return dict(found)


def test_headers_say_which_columns_hold_cbs_figures_and_which_examples():
    scenario = default_scenario("spreiding")
    html = page_html("spreiding", scenario=scenario)
    assert _kinds(html) == {
        "Inwoners": "CBS 1-1-2022",
        "Cliënten": "voorbeeld",
        "Plaatsen nu": "voorbeeld",
    }
    # One own figure makes the column the user's: it no longer says "voorbeeld".
    scenario["municipalities"][0]["values"]["clienten"] = "11"
    html = page_html("spreiding", scenario=scenario)
    assert _kinds(html) == {"Inwoners": "CBS 1-1-2022", "Plaatsen nu": "voorbeeld"}
    # A table that is no region's (a municipality left out) says nothing about its columns.
    scenario["municipalities"].pop()
    assert _kinds(page_html("spreiding", scenario=scenario)) == {}
