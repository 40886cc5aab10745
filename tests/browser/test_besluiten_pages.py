"""The Besluiten register and record pages in headless Chromium: every record of decisions/
with its status (read from the records themselves, so an editor's new record keeps this
green), the lineage 2019 -> 2020 as table and SVG, working filters without JavaScript,
links between records and calculator, and zero axe-core violations."""

from __future__ import annotations

from datetime import date

import pytest

import sitecontent
from tests.browser.helpers import assert_no_axe_violations, foreign_requests

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, site_server):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.requests = requests
    yield page
    context.close()


def table_rows(page, index: int) -> list[list[str]]:
    return page.evaluate(
        """index => [...document.querySelectorAll('article table')[index].tBodies[0].rows]
              .map(row => [...row.cells].map(cell => cell.textContent.trim()))""",
        index,
    )


@pytest.fixture(scope="module")
def records() -> sitecontent.Register:
    return sitecontent.load_register(sitecontent.decisions_folder())


def state_today(decision: sitecontent.Decision, records: sitecontent.Register) -> str:
    # The site is built today (no SOURCE_DATE_EPOCH), so "Stand nu" is the state today.
    return sitecontent.state_text(decision, records, date.today())


def test_register_lists_every_record_with_status(page, site_server, records):
    page.goto(site_server.url + "besluiten/")
    rows = table_rows(page, 0)
    shown = {row[1].split(":")[0]: (row[2], row[4]) for row in rows}
    assert len(rows) == len(records.decisions)
    assert shown == {
        d.id: (state_today(d, records), d.meta["regio"]) for d in records.decisions.values()
    }
    # The published 2019 records were all replaced, one of them in part.
    assert all("vervangen" in shown[f"bp-2019-{n:02d}"][0] for n in range(1, 11))
    assert {shown[f"up-2020-{n:02d}"][1] for n in range(1, 10)} == {"Noord- en Midden-Limburg"}
    assert_no_axe_violations(page)
    assert foreign_requests(page.requests, site_server.url) == []


def test_register_shows_lineage_as_table_and_svg(page, site_server, records):
    page.goto(site_server.url + "besluiten/")
    # One table per step in time once records of a third year replace others.
    lineage = page.evaluate(
        """() => [...document.querySelectorAll('article table')]
              .filter(t => t.tHead.rows[0].cells[1].textContent.trim() === 'Vervangen door')
              .flatMap(t => [...t.tBodies[0].rows])
              .map(row => [...row.cells].map(cell => cell.textContent.trim()))"""
    )
    pairs = [(row[0].split(":")[0], row[1].split(":")[0]) for row in lineage]
    assert ("bp-2019-05", "up-2020-05") in pairs and ("bp-2019-06", "up-2020-05") in pairs
    expected = [(d.id, new) for d in records.sorted() for new in d.opvolgers]
    assert ("bp-2019-09", "up-2020-08") in pairs and sorted(pairs) == sorted(expected)
    how = {row[0].split(":")[0]: row[2] for row in lineage}
    assert how["bp-2019-06"].startswith("gedeeltelijk")
    svg = page.locator("svg.besluiten-stamboom")
    assert svg.get_attribute("role") == "img"
    assert page.locator("#stamboom-titel").text_content() == "Stamboom van de besluiten"
    partial = [d for d in records.decisions.values() if d.meta.get("opvolging") == "gedeeltelijk"]
    assert svg.locator("line").count() == len(expected)
    assert svg.locator("line[stroke-dasharray]").count() == sum(len(d.opvolgers) for d in partial)


def test_filter_by_status_without_javascript(browser, site_server, records):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "besluiten/")
    adopted = records.count("vastgesteld")
    page.get_by_role("link", name=f"vastgesteld ({adopted})").first.click()
    page.wait_for_url("**/besluiten/filter/status-vastgesteld/")
    rows = table_rows(page, 0)
    assert len(rows) == adopted
    for row in rows:
        decision = records.decisions[row[1].split(":")[0]]
        assert decision.status == "vastgesteld"
        assert row[2] == state_today(decision, records)
    page.get_by_role("link", name="5. Doorzetten transformatie", exact=False).first.click()
    page.wait_for_url("**/besluiten/filter/ambitie-5/")
    assert {row[1].split(":")[0] for row in table_rows(page, 0)} >= {"bp-2019-05", "up-2020-05"}
    context.close()


def test_record_page_links_and_accessibility(page, site_server):
    page.goto(site_server.url + "besluiten/bp-2019-09/")
    text = page.inner_text("article")
    assert "Financiële solidariteit" in text
    assert "25 %" in text and "peildatum 1 januari t-1" in text and "peiljaar t-2" in text
    assert page.locator('article a[href$="up-2020-08/"]').count() >= 1
    assert page.locator('article a[href$="rekenhulpen/verdeelsleutel/"]').count() == 1
    assert "Laatst gewijzigd" in text
    assert_no_axe_violations(page)
    page.locator('article a[href$="up-2020-08/"]').first.click()
    page.wait_for_url("**/besluiten/up-2020-08/")
    # Instant navigation swaps the content after the URL changes.
    page.wait_for_selector("article h1:has-text('de verdeelsleutel volgt nog')")
    assert "nog nader wordt" in page.inner_text("article")
    assert page.locator('article a[href$="bp-2019-09/"]').count() >= 1


def test_calculator_links_back_to_its_decisions(page, site_server):
    page.goto(site_server.url + "rekenhulpen/verdeelsleutel/")
    links = page.locator('article a[href*="besluiten/"]')
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert any(h.endswith("bp-2019-09/") for h in hrefs)
    assert any(h.endswith("up-2020-08/") for h in hrefs)
