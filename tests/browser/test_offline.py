"""The service worker (sw.js from the engine's offline.py, registered by assets/js/offline.js):
after one visit every page reads offline, search included; after one calculator visit every
calculator computes offline; pages without a calculator fetch nothing from pyodide/; a new
build is offered with a Dutch notice, replaces the old caches whole, and never breaks a
calculator that is open.

The site is built for, and served under, a sub-path (/gh/repo/, as on GitHub Pages) by a
server of this module, which logs every path it serves (the service worker's requests too)
and can be stopped, so "offline" really is offline. Any request to another host fails the
test that made it.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from regio_engine.offline import (
    SERVICE_WORKER,
    TEMPLATE_FILE,
    build_manifest,
    write_service_worker,
)

from tests.browser.helpers import assert_no_axe_violations, foreign_requests
from tests.siteserver import MAIN, PROJECTS, Project, SiteRequestHandler, build_site, free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/gh/repo/"
READY_MS = 90_000
NOTICE = "Er is een nieuwe versie van deze site"

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
CACHE_NAMES = "() => caches.keys()"
CACHED_FILES = """async (part) => {
  const name = (await caches.keys()).find((n) => n.includes(part));
  if (!name) return [];
  return (await (await caches.open(name)).keys()).map((r) => r.url);
}"""
CACHED_TEXT = """async ([part, url]) => {
  const name = (await caches.keys()).find((n) => n.includes(part));
  return (await (await caches.open(name)).match(url)).text();
}"""


class SubPathServer:
    """Serves a folder (switchable, for a second build) under PREFIX, logging each path."""

    def __init__(self, folder: Path, port: int):
        self.folder = folder
        self.served: list[str] = []
        owner = self

        class Handler(SiteRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(owner.folder), **kwargs)

            def translate_path(self, path):
                owner.served.append(path)
                if not path.startswith(PREFIX):
                    return str(owner.folder / "__niet_hier__")
                return super().translate_path("/" + path[len(PREFIX) :])

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{port}{PREFIX}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def subpath_port() -> int:
    return free_port()


@pytest.fixture(scope="module", params=list(PROJECTS))
def project(request) -> Project:
    """Each site in turn: the same offline use for every region's site."""
    return PROJECTS[request.param]


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory, subpath_port, project) -> Path:
    """The site built for its sub-path URL (instant navigation reads sitemap.xml)."""
    site = tmp_path_factory.mktemp("subpath") / "site"
    completed = build_site(site, f"http://127.0.0.1:{subpath_port}{PREFIX}", project=project)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return site


@pytest.fixture
def served(subpath_site, subpath_port):
    server = SubPathServer(subpath_site, subpath_port)
    yield server
    server.stop()
    # The site only ever asks for its own sub-path.
    assert [path for path in server.served if not path.startswith(PREFIX)] == []


@pytest.fixture
def context(browser, served):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context
    context.close()
    assert foreign_requests(requests, served.url) == []


def pages_of(site: Path) -> list[str]:
    """Every page of the site, as the path below the site root ("" for the home page)."""
    pages = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    return sorted("" if page == "./" else page for page in pages)


def wait_until_offline_ready(page) -> float:
    started = time.monotonic()
    page.wait_for_function(CONTROLLED, timeout=60_000)
    return time.monotonic() - started


def wait_until_pyodide_is_cached(page, site: Path) -> None:
    # Every Pyodide file of the manifest; the snapshot download is kept by the calculator's
    # worker itself. Then no calculator needs the network any more.
    wanted = {path.split("/")[-1] for path in build_manifest(site, ["nl"])["pyodide"]}
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"} <= wanted
    deadline = time.monotonic() + 60
    while True:
        cached = {url.split("/")[-1] for url in page.evaluate(CACHED_FILES, " pyodide ")}
        if wanted <= cached:
            return
        assert time.monotonic() < deadline, f"not cached: {wanted - cached}"
        page.wait_for_timeout(250)


def go_offline(served, context) -> None:
    served.stop()
    context.set_offline(True)


def test_every_page_reads_offline_after_one_visit(served, context, subpath_site, project):
    page = context.new_page()
    page.goto(served.url)
    print(f"\noffline klaar na {wait_until_offline_ready(page):.1f} s")
    page.goto(served.url + project.reading_page)
    page.wait_for_load_state("networkidle")
    # The whole site is precached, Pyodide is not: nothing came from pyodide/.
    assert [path for path in served.served if "/pyodide/" in path] == []
    assert page.evaluate(CACHED_FILES, " pyodide ") == []

    go_offline(served, context)
    pages = pages_of(subpath_site)
    assert len(pages) > 10 and "rekenhulpen/verdeelsleutel/" in pages
    for path in pages:
        response = page.goto(served.url + path)
        assert response.status == 200 and response.from_service_worker, path
        assert page.locator("h1").count() >= 1, path
    # Instant navigation reads from the cache too.
    page.goto(served.url + "besluiten/tijdlijn/")
    page.locator(f".md-tabs a[href$='{project.reading_page}']").first.click()
    page.wait_for_url(f"**/{project.reading_page}")
    # The URL changes before the content is swapped in.
    page.locator("h1", has_text=project.reading_title).first.wait_for(timeout=10_000)
    assert page.locator("h1", has_text="Tijdlijn").count() == 0
    search_offline(page)


def search_offline(page) -> None:
    # The index and the search worker come from the cache. The worker builds its index after
    # the page loads and may drop an earlier query: type again until results come (≤ 30 s).
    page.wait_for_load_state("load")
    search = page.locator(".md-search__input")
    search.click()
    for _attempt in range(15):
        search.fill("")
        search.type("beschermd wonen")
        page.wait_for_timeout(2_000)
        if page.locator(".md-search-result__item").count():
            break
    assert "overeenkomende" in page.text_content(".md-search-result__meta")
    assert page.locator(".md-search-result__item").count() >= 3


def test_every_calculator_computes_offline_after_one_calculator_visit(
    served, context, subpath_site, project
):
    # A first visit straight to a calculator: its worker starts before the service worker
    # controls the page, so the Pyodide files are taken over afterwards.
    page = context.new_page()
    page.goto(served.url + "rekenhulpen/verdeelsleutel/")
    page.wait_for_selector('[data-rekenhulp][data-state="ok"]', timeout=READY_MS)
    wait_until_offline_ready(page)
    wait_until_pyodide_is_cached(page, subpath_site)
    page.wait_for_function("() => document.documentElement.dataset.rekenhulpSnapshot")
    go_offline(served, context)

    for name in project.calculators:
        page.goto(served.url + f"rekenhulpen/{name}/")
        page.wait_for_selector(f'[data-rekenhulp="{name}"][data-state="ok"]', timeout=READY_MS)
        assert page.get_attribute("[data-rekenhulp]", "data-boot") == "warm", name
    # Without the kept snapshot the worker boots Python and loads the wheel: from the cache.
    page.evaluate("() => caches.delete('rekenhulpen-snapshot')")
    page.goto(served.url + "rekenhulpen/verdeelsleutel/")
    page.wait_for_selector('[data-rekenhulp][data-state="ok"]', timeout=READY_MS)
    assert page.get_attribute("[data-rekenhulp]", "data-boot") == "plain"
    before = page.inner_html(".rekenhulp-uitkomst")
    page.fill("#veld-amount", "123456")
    page.wait_for_function(
        "previous => document.querySelector('.rekenhulp-uitkomst').innerHTML !== previous",
        arg=before,
        timeout=10_000,
    )
    assert "123.456" in page.inner_text(".rekenhulp-uitkomst")


def second_build(site: Path, target: Path) -> Path:
    """A copy of the site with one changed page and a service worker for that build."""
    # Hard links keep the copy cheap; changed files are unlinked before they are written.
    shutil.copytree(site, target, copy_function=os.link)
    for page in ("rekenhulpen/verdeelsleutel/index.html", "regiovisie/index.html"):
        path = target / page
        html = path.read_text(encoding="utf-8")
        path.unlink()
        path.write_text(html.replace("</body>", '<p id="bouw-b">B</p></body>'), "utf-8")
    (target / SERVICE_WORKER).unlink()
    template = TEMPLATE_FILE.read_text(encoding="utf-8")
    write_service_worker(target, template, ["nl"])
    return target


def recomputes(page, value: str) -> None:
    before = page.inner_html(".rekenhulp-uitkomst")
    page.fill("#veld-amount", value)
    page.wait_for_function(
        "previous => document.querySelector('.rekenhulp-uitkomst').innerHTML !== previous",
        arg=before,
        timeout=10_000,
    )


# The service worker's updates are the engine's, the same for every site: one is enough.
@pytest.mark.parametrize("project", [MAIN.name], indirect=True)
def test_new_build_is_offered_and_replaces_the_caches_whole(
    served, context, subpath_site, tmp_path
):
    calculator = context.new_page()
    calculator.goto(served.url + "rekenhulpen/verdeelsleutel/")
    calculator.wait_for_selector('[data-rekenhulp][data-state="ok"]', timeout=READY_MS)
    wait_until_offline_ready(calculator)
    wait_until_pyodide_is_cached(calculator, subpath_site)
    old_caches = calculator.evaluate(CACHE_NAMES)
    assert len([name for name in old_caches if " site " in name]) == 1

    # A second tab on a plain page; build B appears on the server.
    reader = context.new_page()
    reader.goto(served.url + "begrippen/")
    served.folder = second_build(subpath_site, tmp_path / "b")
    manifest_b = build_manifest(served.folder, ["nl"])
    reader.evaluate("async () => (await navigator.serviceWorker.ready).update()")
    notice = reader.locator(".offline-melding")
    notice.get_by_text(NOTICE).wait_for(timeout=60_000)
    assert notice.get_attribute("role") == "status"
    assert_no_axe_violations(reader)

    # Until the visitor chooses, both tabs run build A: the calculator keeps computing.
    recomputes(calculator, "123456")
    assert calculator.locator("#bouw-b").count() == 0

    button = notice.get_by_role("button", name="Nieuwe versie laden")
    button.focus()
    with reader.expect_navigation():
        reader.keyboard.press("Enter")
    reader.wait_for_load_state("load")
    names = reader.evaluate(CACHE_NAMES)
    site_caches = [name for name in names if " site " in name]
    assert site_caches == [f"offline {PREFIX} site {manifest_b['version']}"]
    # The new cache holds exactly build B; nothing of A is left beside it.
    cached = reader.evaluate(CACHED_FILES, " site ")
    assert sorted(cached) == sorted(served.url + key for key in manifest_b["precache"])
    assert 'id="bouw-b"' in reader.evaluate(
        CACHED_TEXT, [" site ", served.url + "rekenhulpen/verdeelsleutel/"]
    )
    # Pyodide did not change, so its cache (and its name) stays.
    assert [n for n in names if " pyodide " in n] == [n for n in old_caches if " pyodide " in n]

    # The open calculator (still build A's page) is told, and still computes.
    calculator.locator(".offline-melding").get_by_text(NOTICE).wait_for(timeout=10_000)
    recomputes(calculator, "654321")
    # Its links now load whole pages of build B instead of mixing B into A's page.
    calculator.evaluate("() => { window.pageOfBuildA = true; }")
    calculator.locator(".md-tabs a[href$='regiovisie/']").first.click()
    calculator.wait_for_selector("#bouw-b")
    assert calculator.evaluate("() => window.pageOfBuildA") is None

    # And the new build works offline as well.
    go_offline(served, context)
    reader.goto(served.url + "rekenhulpen/verdeelsleutel/")
    reader.wait_for_selector("#bouw-b")
    reader.wait_for_selector('[data-rekenhulp][data-state="ok"]', timeout=READY_MS)
