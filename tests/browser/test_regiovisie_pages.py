"""Regiovisie, background and glossary pages in headless Chromium: axe-core finds no
violations on any of them (enumerated from the built site) nor on the home page, nothing
leaves 127.0.0.1, abbreviations show a tooltip, and printing hides the site's chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.helpers import assert_no_axe_violations, foreign_requests

pytestmark = pytest.mark.browser

SECTIONS = ("regiovisie", "achtergrond", "begrippen")


def section_urls(built_site: Path) -> list[str]:
    urls = [""]  # home page
    for section in SECTIONS:
        for path in sorted((built_site / section).rglob("index.html")):
            urls.append(path.parent.relative_to(built_site).as_posix() + "/")
    return urls


def test_section_pages_are_enumerated(built_site):
    urls = section_urls(built_site)
    assert "regiovisie/ambitie-7/" in urls
    assert "regiovisie/afdrukken/" in urls
    assert "achtergrond/landelijk-kader/" in urls
    assert "begrippen/" in urls
    assert len(urls) >= 20


def test_no_axe_violations_on_any_page(built_site, site_server, session):
    page, requests = session
    failures = []
    for url in section_urls(built_site):
        page.goto(site_server.url + url)
        page.wait_for_load_state("load")
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            failures.append(f"/{url}:\n{error}")
    assert failures == [], "\n\n".join(failures)
    assert foreign_requests(requests, site_server.url) == []


def test_abbreviation_shows_a_tooltip(site_server, session):
    page, _ = session
    page.goto(site_server.url + "regiovisie/terugblik/")
    abbr = page.locator("article abbr", has_text="BW").first
    assert abbr.get_attribute("title") == "beschermd wonen" or abbr.get_attribute("data-md-tooltip")
    abbr.hover()
    # mkdocs-material (content.tooltips) turns the title into an on-page tooltip.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')]"
        ".some(t => t.textContent.includes('beschermd wonen'))",
        timeout=5_000,
    )


def test_print_shows_content_only_with_link_addresses(site_server, session):
    page, _ = session
    page.goto(site_server.url + "regiovisie/bijlagen/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert page.eval_on_selector(selector, "el => getComputedStyle(el).display") == "none", (
            selector
        )
    after = page.eval_on_selector(
        "article a.extern", "el => getComputedStyle(el, '::after').content"
    )
    assert "https://" in after
    internal = page.eval_on_selector(
        "article a[href*='sturing-en-uitvoering']", "el => getComputedStyle(el, '::after').content"
    )
    assert "http" not in internal


def test_print_page_starts_each_chapter_on_a_new_sheet(site_server, session):
    page, _ = session
    page.goto(site_server.url + "regiovisie/afdrukken/")
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        ".afdruk-breuk", "els => els.map(el => getComputedStyle(el).breakBefore)"
    )
    assert len(breaks) == 14  # every chapter but the first
    assert set(breaks) == {"page"}
    assert page.locator("table.transformatie-tabel").count() == 1
    assert (
        page.eval_on_selector("table.transformatie-tabel", "el => getComputedStyle(el).breakInside")
        == "avoid"
    )
