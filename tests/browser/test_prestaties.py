"""The page "Prestaties": figures from bench/results.json (written by `make bench`), in
plain Dutch, reachable under "Over deze site", and accessible."""

from __future__ import annotations

import json

import pytest

from hooks.prestaties import RESULTS, dutch_date, number, seconds
from tests.browser.helpers import assert_no_axe_violations

pytestmark = pytest.mark.browser

PAGE = "over/prestaties/"


def test_performance_page_shows_the_latest_bench_figures(session, site_server):
    page, requests = session
    page.goto(site_server.url + PAGE)
    text = page.inner_text("article")
    assert "<!-- prestaties -->" not in page.content()
    if not RESULTS.exists():
        assert "Er zijn nog geen meetresultaten" in text
        return
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    figures = results["figures"]
    assert dutch_date(results["date"]) in text
    assert results["browser"] in text
    assert seconds(figures["cold_ms"]) in text
    assert seconds(figures["warm_ms"]) in text
    assert f"{number(figures['live_host_mb'])} MB" in text
    assert f"{number(figures['offline_calculators'], 0)} van 4" in text


def test_performance_page_is_in_the_navigation_and_accessible(session, site_server):
    page, _ = session
    page.goto(site_server.url + "over/privacy/")
    link = page.locator(".md-nav a[href$='prestaties/']").first
    assert link.inner_text().strip() == "Prestaties"
    page.goto(site_server.url + PAGE)
    assert page.locator("h1").first.inner_text().startswith("Prestaties")
    assert_no_axe_violations(page)
