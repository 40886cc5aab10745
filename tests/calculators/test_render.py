"""The HTML the page shows (static at build time and live from the worker)."""

from __future__ import annotations

import json
import re

from calculators.core.entry import handle
from calculators.render.page import handle_page, render_static


def default_scenario() -> dict:
    return json.loads(handle(json.dumps({"calculator": "verdeelsleutel", "action": "default"})))[
        "scenario"
    ]


def page_response(scenario: dict) -> dict:
    request = {"calculator": "verdeelsleutel", "action": "compute", "scenario": scenario}
    return json.loads(handle_page(json.dumps(request)))


def test_warnings_are_shown_above_the_result():
    scenario = default_scenario()
    scenario["amount"] = "0"
    html = page_response(scenario)["html"]
    # The scenario's name first (it says "Voorbeeldcijfers"), then the warning, then results.
    title = '<p class="rekenhulp-titel">Scenario: <strong>Voorbeeldcijfers (geen echte cijfers)'
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
    assert re.findall(r">([^<]+)</td>", figures) == [
        venlo["values"]["inwoners"],
        venlo["values"]["inwoners_18plus"],
        venlo["values"]["gebruik"],
    ]
