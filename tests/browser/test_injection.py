"""The payload site (tests/hostile/injection_site.py) in Chromium: no payload runs.

Every page that shows a payload is opened; none may open a dialog, ask any host but the
site's own, leave the page (a meta refresh), add a frame or set the flag the script payloads
try to set. The page's own ready state is awaited: the load event and the theme's
declaration that its script ran (``<html class="js">``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.hostile.injection_site import AGENDA_YEAR, AMBITION_PAYLOADS, PAYLOADS, payload_site
from tests.siteserver import SiteServer

pytestmark = pytest.mark.browser

THEME_READY = "() => document.documentElement.classList.contains('js')"
# An upper bound, not a wait: a page that is ready goes on at once.
READY_TIMEOUT_MS = 15_000
# What the page itself says after it ran: flags, elements and metas a payload would add.
STATE = """() => ({
  pwned: typeof window.__pwned !== "undefined",
  equivs: [...document.querySelectorAll("meta[http-equiv]")].map(m => m.httpEquiv),
  bases: document.querySelectorAll("base").length,
  frames: document.querySelectorAll("iframe, frame, object, embed").length,
})"""


def payload_pages() -> list[str]:
    pages = [f"besluiten/{p.record}/" for p in PAYLOADS]
    pages += [f"beleidsagenda/{AGENDA_YEAR}/", "besluiten/", "besluiten/geldend/"]
    pages += [f"regiovisie/ambitie-{n}/" for n in sorted(AMBITION_PAYLOADS)]
    pages += ["regiovisie/pijler-1/", "regiovisie/pijler-2/"]
    return pages


@pytest.fixture(scope="module")
def served():
    site = payload_site()
    assert site.result.returncode == 0, site.result.stdout + site.result.stderr
    with SiteServer(site.site, site.port) as server:
        yield site, server


def filter_pages(site) -> list[str]:
    folder = site.site / "besluiten" / "filter"
    return sorted(f"besluiten/filter/{p.name}/" for p in folder.glob("regio-*"))


def test_no_payload_runs_in_the_browser(browser, served):
    site, server = served
    own = urlsplit(server.url).netloc
    # Service workers are left out: their precache requests would follow the pages.
    context = browser.new_context(service_workers="block")
    requested: list[str] = []
    dialogs: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if urlsplit(route.request.url).netloc == own else route.abort()
        ),
    )
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    problems = []
    try:
        for path in payload_pages() + filter_pages(site):
            url = server.url + path
            page.goto(url, wait_until="load")
            try:
                page.wait_for_function(THEME_READY, timeout=READY_TIMEOUT_MS)
                state = page.evaluate(STATE)
            except PlaywrightError as exc:
                # A <base> sends the theme's own scripts elsewhere, a refresh leaves the page.
                problems.append(f"{path}: the page never got ready ({exc.message[:80]})")
                continue
            # The page may add a fragment of its own (the date on "Geldend op").
            if page.url.split("#")[0] != url or len(page.frames) != 1:
                problems.append(f"{path}: now at {page.url}, {len(page.frames)} frames")
            if state["pwned"] or state["bases"] or state["frames"]:
                problems.append(f"{path}: {state}")
            if state["equivs"] != ["Content-Security-Policy"]:
                problems.append(f"{path}: meta http-equiv {state['equivs']}")
    finally:
        context.close()
    foreign = [url for url in requested if urlsplit(url).netloc not in (own, "")]
    assert problems == [], "\n".join(problems)
    assert dialogs == []
    assert foreign == []
