"""Decisions over time in headless Chromium: the date field of "Geldend op" filters in place
and agrees with the build-time Python rule on several dates (two implementations; the rule
itself is checked against hand-worked dates in tests/decisions/test_in_force.py), the
register search, the timeline and the changes page, and zero axe-core violations on every
new page. Expectations come from the records in decisions/, so a new record keeps them
green."""

from __future__ import annotations

from datetime import date

import pytest

import sitecontent
from tests.browser.helpers import assert_no_axe_violations, foreign_requests

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def records() -> sitecontent.Register:
    return sitecontent.load_register(sitecontent.decisions_folder())


def in_force(records: sitecontent.Register, day: str) -> list[str]:
    return sorted(p.decision.id for p in sitecontent.in_force_on(date.fromisoformat(day), records))


@pytest.fixture
def page(session):
    page, requests = session
    page.requests = requests
    return page


def visible_ids(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.geldend-besluiten tbody tr')]
              .filter(row => !row.hidden)
              .map(row => row.cells[0].textContent.split(':')[0].trim())"""
    )


def visible_agenda_years(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.geldend-agenda')]
              .filter(part => !part.hidden).map(part => part.dataset.jaar)"""
    )


def choose(page, day: str) -> str:
    page.fill("#geldend-datum", day)
    page.dispatch_event("#geldend-datum", "change")
    return page.locator(".geldend-keuze [role=status]").text_content()


def test_the_date_field_filters_decisions_and_agenda_in_place(page, site_server, records):
    page.goto(site_server.url + "besluiten/geldend/")
    today = page.get_attribute(".geldend-keuze", "data-vandaag")
    assert sorted(visible_ids(page)) == in_force(records, today)
    # 1 July 2020: the 2019 beslispunten hold, the 2020 uitgangspunten do not yet.
    assert choose(page, "2020-07-01").startswith("Op 1 juli 2020 golden ")
    assert sorted(visible_ids(page)) == in_force(records, "2020-07-01")
    assert "bp-2019-04" in visible_ids(page) and "up-2020-04" not in visible_ids(page)
    assert choose(page, "2018-05-01").startswith("Op 1 mei 2018 gold nog geen besluit")
    assert visible_ids(page) == []
    choose(page, "2022-03-01")
    assert sorted(visible_ids(page)) == in_force(records, "2022-03-01")
    assert "bp-2019-04" not in visible_ids(page)
    assert visible_agenda_years(page) == ["2022"]
    assert page.url.endswith("#op=2022-03-01")
    assert_no_axe_violations(page)
    assert foreign_requests(page.requests, site_server.url) == []


def test_a_shared_address_opens_on_its_date_and_a_bad_date_is_named(page, site_server, records):
    page.goto(site_server.url + "besluiten/geldend/#op=2020-12-31")
    assert page.input_value("#geldend-datum") == "2020-12-31"
    assert sorted(visible_ids(page)) == in_force(records, "2020-12-31")
    page.fill("#geldend-datum", "")
    page.dispatch_event("#geldend-datum", "change")
    error = page.locator("#geldend-datum-fout")
    assert error.is_visible() and "geldige datum" in error.text_content()
    assert page.get_attribute("#geldend-datum", "aria-invalid") == "true"


def test_without_javascript_every_period_and_the_year_pages_show(browser, site_server, records):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "besluiten/geldend/")
    rows = page.locator(".geldend-besluiten tbody tr")
    assert rows.count() == len(sitecontent.periods(records))
    page.click(".geldend-keuze a:text-is('2021')")
    assert page.locator("h1").text_content().startswith("Stand op 1 januari 2021")
    ids = page.evaluate(
        """() => [...document.querySelector('article table').tBodies[0].rows]
              .map(row => row.cells[0].textContent.split(':')[0].trim())"""
    )
    assert sorted(ids) == in_force(records, "2021-01-01")
    context.close()


def row_text(d: sitecontent.Decision) -> str:
    fields = [d.meta["nummer"], d.id, d.meta["titel"], d.status]
    return " ".join(map(str, [*fields, sitecontent.format_date(d.datum), d.meta["regio"]]))


def test_register_search_finds_by_id_title_status_and_year(page, site_server, records):
    page.goto(site_server.url + "besluiten/")
    search = page.get_by_label("Zoek in de besluiten", exact=False)

    def shown(text: str) -> int:
        search.fill(text)
        return page.evaluate(
            """() => [...document.querySelector('.besluiten-caption').parentElement
                  .querySelector('table').tBodies[0].rows].filter(r => !r.hidden).length"""
        )

    def expected(text: str) -> int:
        return sum(text.lower() in row_text(d).lower() for d in records.decisions.values())

    assert shown("up-2020-04") == 1
    for text in ("relatiemanagement", "vervangen", "2020"):
        assert shown(text) == expected(text) > 0, text
    assert shown("") == len(records.decisions)
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path",
    ["besluiten/tijdlijn/", "besluiten/wijzigingen/", "over/open-data/", "besluiten/stand/2021/"],
)
def test_new_pages_have_no_axe_violations(page, site_server, path):
    page.goto(site_server.url + path)
    assert_no_axe_violations(page)
    assert foreign_requests(page.requests, site_server.url) == []


def test_timeline_has_a_bar_per_taken_decision_and_a_table_beside_it(page, site_server, records):
    page.goto(site_server.url + "besluiten/tijdlijn/")
    svg = page.locator("svg.besluiten-tijdlijn")
    assert svg.get_attribute("role") == "img"
    taken = len(sitecontent.periods(records))
    assert svg.locator("rect").count() == taken
    assert page.locator("article table tbody tr").count() == taken
