"""The Solidariteit page in headless Chromium: the example result is there without JavaScript,
the live result after an edit equals CPython's, a link reproduces the scenario, errors appear at
their field, nothing leaves 127.0.0.1, and axe-core finds no accessibility violations."""

from __future__ import annotations

import pytest

from tests.browser.helpers import (
    assert_no_axe_violations,
    changed,
    cpython,
    foreign_requests,
    open_calculator,
    scenario_in_url,
    url_scenario,
)

pytestmark = pytest.mark.browser

PAGE = "rekenhulpen/solidariteit/"


def shown_rows(page) -> list[list[str]]:
    """The table 'Uitkomst per gemeente' (the second table of the result), cell by cell."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.rekenhulp-uitkomst table')[1].tBodies[0].rows]
              .map(row => [...row.cells].map(cell => cell.textContent.trim()))"""
    )


def cpython_rows(scenario: dict) -> list[list[str]]:
    response = cpython("solidariteit", "compute", scenario=scenario)
    assert response["ok"], response
    return [
        [
            r["name"],
            f"{r['inhabitants']:,}".replace(",", "."),
            r["inleg"]["display"],
            r["share_display"],
            r["result"]["display"],
            r["net"]["display"],
            r["net_per_inhabitant"]["display"],
        ]
        for r in response["result"]["rows"]
    ]


def test_page_without_javascript_shows_the_example_result(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + PAGE)
    assert shown_rows(page) == cpython_rows(cpython("solidariteit", "default")["scenario"])
    assert "andere cijfers voorbeelden" in page.text_content(".rekenhulp-titel")
    context.close()


def test_edit_recomputes_like_cpython_and_stays_local(session, site_server):
    page, requests = session
    open_calculator(page, site_server.url + PAGE, "solidariteit")
    changed(page, lambda: page.fill("#veld-costs-zorgkosten", "30.000.000"))
    scenario = url_scenario(page)
    assert scenario["costs"]["zorgkosten"] in ("30000000", "30.000.000")
    assert shown_rows(page) == cpython_rows(scenario)
    assert "overschot" in page.text_content(".rekenhulp-samenvatting")
    assert foreign_requests(requests, site_server.url) == []


def test_link_reproduces_the_scenario(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "solidariteit")
    changed(page, lambda: page.select_option("#veld-key-preset", "kandidaat-2019"))
    changed(page, lambda: page.fill("#veld-municipalities-11-values-gebruik", "150"))
    assert page.locator(".rekenhulp-fout").count() == 0
    url_scenario(page)
    shared_url = page.url
    edited = shown_rows(page)

    second = page.context.new_page()
    open_calculator(second, shared_url, "solidariteit")
    assert second.input_value("#veld-municipalities-11-values-gebruik") == "150"
    assert shown_rows(second) == edited == cpython_rows(scenario_in_url(shared_url))


def test_bad_input_gets_a_dutch_message_at_its_field(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "solidariteit")
    field = "#veld-municipalities-2-values-inleg"
    page.fill(field, "12,345")
    page.wait_for_selector(f'{field}[aria-invalid="true"]', timeout=10_000)
    message = page.text_content("#" + page.get_attribute(field, "aria-describedby"))
    assert "2 cijfers achter de komma" in message
    page.fill(field, "2362500")
    page.wait_for_selector(f"{field}:not([aria-invalid])", timeout=10_000)


def test_calculator_page_has_no_accessibility_violations(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "solidariteit")
    assert_no_axe_violations(page)
    page.fill("#veld-costs-inkoop", "-5")
    page.wait_for_selector('[aria-invalid="true"]', timeout=10_000)
    assert_no_axe_violations(page)
