"""Booting on intent (the engine's assets/js/rekenhulp-loader.js): a pointer resting on, or
focus reaching, a link to a calculator page starts Pyodide before the click; without such
intent a page fetches nothing of Pyodide."""

from __future__ import annotations

import pytest

from tests.browser.helpers import READY_TIMEOUT_MS, foreign_requests

pytestmark = pytest.mark.browser

INDEX = "rekenhulpen/"
CALCULATOR_LINK = "article a[href$='verdeelsleutel/']"
OTHER_LINK = "article a[href$='scenario-formaat/']"


def pyodide_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if "/pyodide/" in url]


def expect_pyodide(page):
    """Waits, after the block, until the page's worker has asked for Pyodide (the boot has
    begun) rather than for a fixed time, which a busy machine may need more of."""
    return page.context.expect_event(
        "request",
        predicate=lambda request: (
            request.url.endswith("/pyodide/pyodide.mjs") and request.service_worker is None
        ),
        timeout=READY_TIMEOUT_MS,
    )


def test_every_page_lists_the_calculator_pages(session, site_server):
    page, _ = session
    page.goto(site_server.url)
    listed = page.get_attribute('meta[name="rekenhulp-paginas"]', "content")
    assert listed.split() == [
        "rekenhulpen/ingroeipad/",
        "rekenhulpen/solidariteit/",
        "rekenhulpen/spreiding/",
        "rekenhulpen/verdeelsleutel/",
    ]


def test_resting_pointer_boots_and_the_click_reuses_it(session, site_server):
    page, requests = session
    page.goto(site_server.url + INDEX)
    page.wait_for_load_state("networkidle")
    # A pointer resting on other links fetches nothing.
    page.hover(OTHER_LINK)
    page.wait_for_timeout(500)
    page.hover(".md-tabs a[href$='regiovisie/']")
    page.wait_for_timeout(500)
    assert pyodide_requests(requests) == []

    with expect_pyodide(page):
        page.hover(CALCULATOR_LINK)
    page.click(CALCULATOR_LINK)
    page.wait_for_selector('[data-rekenhulp="verdeelsleutel"][data-state="ok"]', timeout=90_000)
    # One boot: the worker started on intent is the one the calculator uses.
    assert sum(url.endswith("/pyodide.asm.wasm") for url in requests) == 1
    assert foreign_requests(requests, site_server.url) == []


def test_focus_on_a_calculator_link_boots(session, site_server):
    page, requests = session
    page.goto(site_server.url + INDEX)
    page.focus(OTHER_LINK)
    page.wait_for_timeout(500)
    assert pyodide_requests(requests) == []
    with expect_pyodide(page):
        page.focus(CALCULATOR_LINK)
    page.keyboard.press("Enter")
    page.wait_for_selector(
        '[data-rekenhulp="verdeelsleutel"][data-state="ok"]', timeout=READY_TIMEOUT_MS
    )
