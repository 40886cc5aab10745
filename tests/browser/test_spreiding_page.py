"""The Spreiding page in headless Chromium: live targets and path equal CPython's after the
basis and the method change, the second calculator comes live without a second Pyodide boot,
constraints and errors appear at their fields, nothing leaves 127.0.0.1, axe finds nothing."""

from __future__ import annotations

import pytest

from tests.browser.helpers import (
    assert_no_axe_violations,
    changed,
    cpython,
    foreign_requests,
    open_calculator,
    url_scenario,
)

pytestmark = pytest.mark.browser

PAGE = "rekenhulpen/spreiding/"
READY = '[data-rekenhulp="spreiding"][data-state="ok"]'


def shown_targets(page) -> list[list[str]]:
    """Gemeente, plaatsen nu, doel, verschil as the page shows them."""
    return page.evaluate(
        """() => [...document.querySelector('.rekenhulp-uitkomst table').tBodies[0].rows]
              .map(row => [0, 5, 6, 7].map(i => row.cells[i].textContent.trim()))"""
    )


def cpython_targets(scenario: dict) -> list[list[str]]:
    response = cpython("spreiding", "compute", scenario=scenario)
    assert response["ok"], response
    return [
        [r["name"], str(r["current"]), str(r["target"]), f"{r['gap']:+d}" if r["gap"] else "0"]
        for r in response["result"]["rows"]
    ]


def test_basis_and_method_change_like_cpython(session, site_server):
    page, requests = session
    open_calculator(page, site_server.url + PAGE, "spreiding")
    assert shown_targets(page) == cpython_targets(url_scenario(page))
    changed(page, lambda: page.select_option("#veld-key-preset", "clienten"))
    changed(page, lambda: page.select_option("#veld-method", "dhondt"))
    scenario = url_scenario(page)
    assert scenario["key"]["weights"] == {"inwoners": "0", "clienten": "100"}
    assert scenario["method"] == "dhondt"
    assert shown_targets(page) == cpython_targets(scenario)
    # The explanation of the chosen method is shown under it.
    assert "D'Hondt" in page.text_content(".rekenhulp-invoer") or "gemiddelde" in (
        page.text_content(".rekenhulp-invoer")
    )
    # A mixed basis typed by hand.
    changed(page, lambda: page.fill("#veld-key-weights-inwoners", "30"))
    changed(page, lambda: page.fill("#veld-key-weights-clienten", "70"))
    assert shown_targets(page) == cpython_targets(url_scenario(page))
    assert foreign_requests(requests, site_server.url) == []


def test_path_mode_and_minimum(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "spreiding")
    assert page.locator("#veld-max_moves_per_year").count() == 0  # its group is hidden
    # Hidden groups leave nothing behind (they once left the text "null" in the form).
    assert "null" not in page.text_content(".rekenhulp-invoer")
    changed(page, lambda: page.select_option("#veld-path_mode", "max_moves"))
    changed(page, lambda: page.fill("#veld-max_moves_per_year", "20"))
    # Venlo is row 12 of the 14; a building that cannot move keeps 80 places there.
    changed(page, lambda: page.fill("#veld-municipalities-11-values-minimum", "80"))
    scenario = url_scenario(page)
    assert shown_targets(page) == cpython_targets(scenario)
    venlo = next(row for row in shown_targets(page) if row[0] == "Venlo")
    assert venlo[2] == "80"
    path_table = page.locator(".rekenhulp-uitkomst table", has_text="Pad per jaar")
    assert path_table.count() == 1


def test_infeasible_bounds_are_named_and_bad_input_marked(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "spreiding")
    page.fill("#veld-municipalities-11-values-minimum", "300")
    page.wait_for_selector(".rekenhulp-foutenlijst:not([hidden])", timeout=10_000)
    assert "Venlo" in page.text_content(".rekenhulp-foutenlijst")
    page.fill("#veld-municipalities-11-values-minimum", "")
    field = "#veld-municipalities-0-values-plaatsen"
    page.fill(field, "2,5")
    page.wait_for_selector(f'{field}[aria-invalid="true"]', timeout=10_000)
    message = page.text_content("#" + page.get_attribute(field, "aria-describedby").split()[-1])
    assert "heel getal" in message


def test_second_calculator_needs_no_second_boot(session, site_server):
    page, requests = session
    page.goto(site_server.url + "rekenhulpen/verdeelsleutel/")
    page.wait_for_selector('[data-rekenhulp="verdeelsleutel"][data-state="ok"]', timeout=90_000)
    wasm_before = [u for u in requests if u.endswith(".wasm")]
    page.locator('.md-content a[href$="spreiding/"]').first.click()
    page.wait_for_selector(READY, timeout=30_000)
    assert [u for u in requests if u.endswith(".wasm")] == wasm_before
    assert shown_targets(page) == cpython_targets(url_scenario(page))
    assert_no_axe_violations(page)
