"""The Ingroeipad page in headless Chromium: the cap is off by default and, switched on,
labelled as the calculator's own choice; the live path equals CPython's after the cap, the α
schedule and the region change, a bad schedule is answered at its field, nothing leaves
127.0.0.1, and axe-core finds no accessibility violations."""

from __future__ import annotations

import json

import pytest

from calculators.core.entry import handle
from tests.browser.helpers import (
    assert_no_axe_violations,
    changed,
    cpython,
    foreign_requests,
    open_calculator,
    url_scenario,
)

pytestmark = pytest.mark.browser

PAGE = "rekenhulpen/ingroeipad/"


def shown_path(page) -> list[list[str]]:
    """The table 'Bedrag per gemeente per jaar' as the page shows it (α row first)."""
    return page.evaluate(
        """() => [...document.querySelector('.rekenhulp-uitkomst table').tBodies[0].rows]
              .map(row => [...row.cells].map(cell => cell.textContent.trim()))"""
    )


def cpython_path(scenario: dict) -> list[list[str]]:
    response = cpython("ingroeipad", "compute", scenario=scenario)
    assert response["ok"], response
    r = response["result"]
    return [["Aandeel objectief (α)", "0,0 %", *r["alphas"]]] + [
        [x["name"], *x["displays"]] for x in r["rows"]
    ]


def test_cap_is_off_by_default_and_labelled_as_own_choice_when_on(session, site_server):
    page, requests = session
    open_calculator(page, site_server.url + PAGE, "ingroeipad")
    assert url_scenario(page)["cap"] is None
    assert "geen grens" in page.text_content(".rekenhulp-samenvatting")
    assert page.locator(".rekenhulp-eigen-keuze").count() == 0
    assert shown_path(page) == cpython_path(url_scenario(page))
    changed(page, lambda: page.check("#veld-cap"))
    assert url_scenario(page)["cap"] == {"per_inhabitant": "15"}
    assert "Eigen keuze van de rekenhulp" in page.text_content(".rekenhulp-eigen-keuze")
    changed(page, lambda: page.fill("#veld-cap-per_inhabitant", "40"))
    scenario = url_scenario(page)
    assert scenario["cap"] == {"per_inhabitant": "40"}
    assert shown_path(page) == cpython_path(scenario)
    assert "€ 40,00 per inwoner per jaar" in page.text_content(".rekenhulp-eigen-keuze")
    changed(page, lambda: page.uncheck("#veld-cap"))
    assert url_scenario(page)["cap"] is None
    assert page.locator(".rekenhulp-eigen-keuze").count() == 0
    assert shown_path(page) == cpython_path(url_scenario(page))
    assert foreign_requests(requests, site_server.url) == []


def test_own_schedule_and_a_falling_one(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "ingroeipad")
    assert page.locator("#veld-alpha_schedule").count() == 0  # its group is hidden
    changed(page, lambda: page.select_option("#veld-alpha_mode", "schedule"))
    changed(page, lambda: page.fill("#veld-alpha_schedule", "5; 10; 20; 30; 45; 60; 75; 100"))
    scenario = url_scenario(page)
    assert scenario["alpha_mode"] == "schedule"
    assert shown_path(page) == cpython_path(scenario)
    assert shown_path(page)[0][-1] == "100,0 %" and len(shown_path(page)[0]) == 10
    field = "#veld-alpha_schedule"
    page.fill(field, "10; 5")
    page.wait_for_selector(f'{field}[aria-invalid="true"]', timeout=10_000)
    message = page.text_content("#" + page.get_attribute(field, "aria-describedby").split()[-1])
    assert "dalen" in message
    assert_no_axe_violations(page)


def test_leidse_regio_brings_the_bijlage_2_amounts(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "ingroeipad")
    page.select_option("#rekenhulp-regio", "leidse-regio")
    changed(page, lambda: page.click("#rekenhulp-regio-laden"))
    rows = {row[0]: row for row in shown_path(page)}
    assert rows["Leiden"][1] == "€ 446.412,00" and rows["Leiden"][-1] == "€ 266.713,00"
    assert rows["Zoeterwoude"][-1] == "€ 18.042,00"
    assert shown_path(page) == cpython_path(url_scenario(page))


def test_page_has_no_accessibility_violations(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "ingroeipad")
    assert_no_axe_violations(page)
    page.fill("#veld-municipalities-0-values-inwoners", "0")
    page.wait_for_selector('[aria-invalid="true"]', timeout=10_000)
    assert_no_axe_violations(page)


def test_page_without_javascript_shows_the_example_result(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + PAGE)
    default = json.loads(handle(json.dumps({"calculator": "ingroeipad", "action": "default"})))
    assert shown_path(page) == cpython_path(default["scenario"])
    context.close()
