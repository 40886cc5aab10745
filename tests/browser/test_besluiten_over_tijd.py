"""Decisions over time in headless Chromium: the date field of "Geldend op" filters in place
(expected sets worked out by hand from the records' dates), the register search, the timeline
and the changes page, and zero axe-core violations on every new page."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_axe_violations, foreign_requests

pytestmark = pytest.mark.browser

BP_2019 = [f"bp-2019-{n:02d}" for n in range(1, 11)]
UP_2020 = [f"up-2020-{n:02d}" for n in range(1, 10)]


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


def test_the_date_field_filters_decisions_and_agenda_in_place(page, site_server):
    page.goto(site_server.url + "besluiten/geldend/")
    # Today: the nine uitgangspunten and beslispunt 6, which was replaced only in part.
    assert sorted(visible_ids(page)) == ["bp-2019-06", *UP_2020]
    assert choose(page, "2020-07-01") == (
        "Op 1 juli 2020 golden 10 besluiten. Voor 2020 staat er geen beleidsagenda op deze site."
    )
    assert visible_ids(page) == BP_2019
    assert choose(page, "2018-05-01").startswith("Op 1 mei 2018 gold nog geen besluit")
    assert visible_ids(page) == []
    choose(page, "2022-03-01")
    assert sorted(visible_ids(page)) == ["bp-2019-06", *UP_2020]
    assert visible_agenda_years(page) == ["2022"]
    assert page.url.endswith("#op=2022-03-01")
    assert_no_axe_violations(page)
    assert foreign_requests(page.requests, site_server.url) == []


def test_a_shared_address_opens_on_its_date_and_a_bad_date_is_named(page, site_server):
    page.goto(site_server.url + "besluiten/geldend/#op=2020-12-31")
    assert page.input_value("#geldend-datum") == "2020-12-31"
    assert sorted(visible_ids(page)) == ["bp-2019-06", *UP_2020]
    page.fill("#geldend-datum", "")
    page.dispatch_event("#geldend-datum", "change")
    error = page.locator("#geldend-datum-fout")
    assert error.is_visible() and "geldige datum" in error.text_content()
    assert page.get_attribute("#geldend-datum", "aria-invalid") == "true"


def test_without_javascript_every_period_and_the_year_pages_show(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "besluiten/geldend/")
    rows = page.locator(".geldend-besluiten tbody tr")
    assert rows.count() == 19
    page.click(".geldend-keuze a:text-is('2021')")
    assert page.locator("h1").text_content().startswith("Stand op 1 januari 2021")
    ids = page.evaluate(
        """() => [...document.querySelector('article table').tBodies[0].rows]
              .map(row => row.cells[0].textContent.split(':')[0].trim())"""
    )
    assert sorted(ids) == ["bp-2019-06", *UP_2020]
    context.close()


def test_register_search_finds_by_id_title_status_and_year(page, site_server):
    page.goto(site_server.url + "besluiten/")
    search = page.get_by_label("Zoek in de besluiten", exact=False)

    def shown(text: str) -> int:
        search.fill(text)
        return page.evaluate(
            """() => [...document.querySelector('.besluiten-caption').parentElement
                  .querySelector('table').tBodies[0].rows].filter(r => !r.hidden).length"""
        )

    assert shown("up-2020-04") == 1
    assert shown("relatiemanagement") == 2
    assert shown("vervangen") == 10
    assert shown("2020") == 9
    assert shown("") == 19
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path",
    ["besluiten/tijdlijn/", "besluiten/wijzigingen/", "over/open-data/", "besluiten/stand/2021/"],
)
def test_new_pages_have_no_axe_violations(page, site_server, path):
    page.goto(site_server.url + path)
    assert_no_axe_violations(page)
    assert foreign_requests(page.requests, site_server.url) == []


def test_timeline_has_a_bar_per_taken_decision_and_a_table_beside_it(page, site_server):
    page.goto(site_server.url + "besluiten/tijdlijn/")
    svg = page.locator("svg.besluiten-tijdlijn")
    assert svg.get_attribute("role") == "img"
    assert svg.locator("rect").count() == 19
    # One line per succession (ten of them) plus the year lines.
    rows = page.locator("article table tbody tr")
    assert rows.count() == 19
