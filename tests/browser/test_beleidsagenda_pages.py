"""The beleidsagenda pages in headless Chromium: axe-core finds no violations, nothing
leaves 127.0.0.1, the CSV download is Dutch Excel CSV and activity anchors exist."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_axe_violations, foreign_requests

pytestmark = pytest.mark.browser


def agenda_pages(built_site) -> list[str]:
    """Every page under beleidsagenda/ in the built site (overview and each year)."""
    pages = sorted(
        path.relative_to(built_site).parent.as_posix() + "/"
        for path in (built_site / "beleidsagenda").rglob("index.html")
    )
    assert "beleidsagenda/" in pages and "beleidsagenda/2022/" in pages, pages
    return pages


def test_agenda_pages_have_no_axe_violations(session, site_server, built_site):
    page, requests = session
    for path in agenda_pages(built_site):
        page.goto(site_server.url + path)
        assert page.title(), path
        assert_no_axe_violations(page)
    assert foreign_requests(requests, site_server.url) == []


def test_year_page_links_a_dutch_excel_csv(session, site_server):
    page, _ = session
    page.goto(site_server.url + "beleidsagenda/2022/")
    link = page.locator("article a[href$='2022.csv']")
    assert link.count() == 1
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok
    body = response.body()
    assert body.startswith("\ufeff".encode())
    header = body.decode("utf-8-sig").splitlines()[0]
    assert header.split(";")[:3] == ["id", "titel", "pijler"]
    assert body.decode("utf-8-sig").count("\n") == 22  # header + 21 activities


def test_every_activity_has_its_anchor(session, site_server):
    page, _ = session
    page.goto(site_server.url + "beleidsagenda/2022/")
    ids = page.eval_on_selector_all("[id^='activiteit-']", "elements => elements.map(e => e.id)")
    assert len(ids) == 21
    assert "activiteit-5-1" in ids
