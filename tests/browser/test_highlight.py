"""Highlighting a municipality in headless Chromium: a link with #gemeente= marks its rows and
chart, brings the row into view, survives in the link after an edit, the "Gemeente
uitlichten" choice changes it, names that match no row change nothing, and axe-core finds no
violations with a municipality marked."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.browser.helpers import (
    assert_no_axe_violations,
    changed,
    foreign_requests,
    open_calculator,
    url_scenario,
)

pytestmark = pytest.mark.browser

PAGE = "rekenhulpen/spreiding/"
CHOICE = "#rekenhulp-uitlichten"


def marked_rows(page) -> list[str]:
    """The row headers of the marked rows, as a screen reader reads them."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.rekenhulp-uitkomst tr.rekenhulp-uitgelicht')]
              .map(row => row.cells[0].textContent.trim())"""
    )


def marked_charts(page) -> list[str]:
    """The names on the marked bar group and the marked small-multiples panel."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
                '.rekenhulp-uitkomst .as-rij.as-uitgelicht .as-label, '
                + '.rekenhulp-uitkomst .as-vak.as-uitgelicht .as-naam')]
              .map(label => label.textContent)"""
    )


def first_marked_row_in_view(page) -> bool:
    return page.evaluate(
        """() => { const row = document.querySelector('tr.rekenhulp-uitgelicht');
              const box = row.getBoundingClientRect();
              return box.top >= 0 && box.bottom <= window.innerHeight; }"""
    )


def highlight_in_url(page) -> list[str]:
    return parse_qs(urlsplit(page.url).fragment).get("gemeente", [])


def test_link_marks_the_municipality_keeps_it_and_the_choice_changes_it(session, site_server):
    page, requests = session
    open_calculator(page, f"{site_server.url}{PAGE}#gemeente=Venray", "spreiding")
    rows = marked_rows(page)
    assert rows and set(rows) == {"Venray (uitgelicht)"}
    assert marked_charts(page) == ["Venray", "Venray"]  # its bars and its panel
    assert first_marked_row_in_view(page)
    assert page.input_value(CHOICE) == "Venray"
    assert "Venray is uitgelicht" in page.text_content(".rekenhulp-status")
    assert_no_axe_violations(page)

    # An edit keeps the highlight, in the result and in the link to share.
    changed(page, lambda: page.select_option("#veld-method", "dhondt"))
    assert url_scenario(page)["method"] == "dhondt"
    assert highlight_in_url(page) == ["Venray"]
    assert set(marked_rows(page)) == {"Venray (uitgelicht)"}

    # The choice on the page marks another municipality, and the link follows.
    before = int(page.get_attribute("[data-rekenhulp]", "data-laatste-volgnummer"))
    changed(page, lambda: page.select_option(CHOICE, "Horst aan de Maas"))
    url_scenario(page, before)
    assert set(marked_rows(page)) == {"Horst aan de Maas (uitgelicht)"}
    assert marked_charts(page) == ["Horst aan de Maas", "Horst aan de Maas"]
    assert highlight_in_url(page) == ["Horst aan de Maas"]
    assert "gemeente=Horst%20aan%20de%20Maas" in page.url

    # "Geen" marks nothing and leaves the link without it.
    before = int(page.get_attribute("[data-rekenhulp]", "data-laatste-volgnummer"))
    changed(page, lambda: page.select_option(CHOICE, ""))
    url_scenario(page, before)
    assert marked_rows(page) == [] and marked_charts(page) == []
    assert highlight_in_url(page) == []
    assert foreign_requests(requests, site_server.url) == []


def test_the_choice_lists_the_municipalities_of_the_table(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "spreiding")
    names = page.evaluate(
        """() => [...document.querySelector('.rekenhulp-uitkomst table').tBodies[0].rows]
              .map(row => row.cells[0].textContent.trim())"""
    )
    options = page.evaluate(
        f"() => [...document.querySelector('{CHOICE}').options].map(o => o.textContent)"
    )
    assert options == ["Geen", *names]
    assert page.input_value(CHOICE) == ""
    assert marked_rows(page) == []
    # The choice has a visible label.
    assert "Gemeente uitlichten" in page.text_content(f"label[for='{CHOICE[1:]}']")


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "Nergens", "x" * 5000])
def test_a_name_that_matches_no_row_marks_nothing(session, site_server, name):
    page, _ = session
    open_calculator(page, f"{site_server.url}{PAGE}#gemeente={quote(name)}", "spreiding")
    assert page.get_attribute("[data-rekenhulp]", "data-state") == "ok"
    assert marked_rows(page) == [] and marked_charts(page) == []
    assert page.input_value(CHOICE) == ""
    assert page.locator(".rekenhulp-uitkomst script").count() == 0
