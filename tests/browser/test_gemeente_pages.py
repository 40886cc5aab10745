"""The section Gemeenten in headless Chromium: the overview's search field filters the table
and says how many rows are left, without JavaScript the whole table is there, the overview
and a municipality page pass axe-core (WCAG 2.1 AA) on a desktop and a phone, nothing
leaves 127.0.0.1, and on paper the search field is gone."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_axe_violations, foreign_requests

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "telefoon": {"width": 390, "height": 844}}
ROWS = "table.gemeenten-overzicht tbody tr"
STATUS = ".gemeenten-zoek [role=status]"


@pytest.fixture(params=list(VIEWPORTS))
def sized_page(browser, request):
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    requests: list[str] = []
    context.on("request", lambda r: r.service_worker is None and requests.append(r.url))
    yield context.new_page(), requests
    context.close()


def visible_names(page) -> list[str]:
    return page.eval_on_selector_all(
        ROWS, "rows => rows.filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())"
    )


def test_search_filters_the_overview_and_announces_the_count(site_server, session):
    page, requests = session
    page.goto(site_server.url + "gemeenten/")
    field = page.get_by_label("Zoek een gemeente")
    field.fill("Venray")
    page.wait_for_function(
        f"() => document.querySelector('{STATUS}').textContent === '1 gemeente gevonden.'"
    )
    assert visible_names(page) == ["Venray"]
    assert page.get_attribute(STATUS, "aria-live") == "polite"
    field.fill("midden")
    page.wait_for_function(
        f"() => document.querySelector('{STATUS}').textContent === '7 gemeenten gevonden.'"
    )
    assert len(visible_names(page)) == 7
    field.fill("")
    page.wait_for_function(f"() => document.querySelector('{STATUS}').textContent === ''")
    assert len(visible_names(page)) == 14
    assert foreign_requests(requests, site_server.url) == []


def test_without_javascript_the_whole_table_shows(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "gemeenten/")
    assert page.locator(ROWS).count() == 14
    assert page.locator(".gemeenten-zoek").count() == 0
    context.close()


@pytest.mark.parametrize("url", ["gemeenten/", "gemeenten/venray/"])
def test_no_axe_violations(site_server, sized_page, url):
    page, requests = sized_page
    page.goto(site_server.url + url)
    page.wait_for_load_state("load")
    if url == "gemeenten/":
        page.wait_for_selector(".gemeenten-zoek input")
    assert_no_axe_violations(page)
    assert foreign_requests(requests, site_server.url) == []


def test_print_hides_the_search_field_and_shows_every_row(site_server, session):
    page, _ = session
    page.goto(site_server.url + "gemeenten/")
    page.get_by_label("Zoek een gemeente").fill("Venray")
    page.wait_for_function(
        f"() => document.querySelector('{STATUS}').textContent === '1 gemeente gevonden.'"
    )
    page.emulate_media(media="print")
    assert page.eval_on_selector(".gemeenten-zoek", "el => getComputedStyle(el).display") == "none"
    shown = page.eval_on_selector_all(
        ROWS, "rows => rows.filter(r => getComputedStyle(r).display !== 'none').length"
    )
    assert shown == 14
