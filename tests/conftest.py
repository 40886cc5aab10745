"""Shared fixtures: one strict build of the site per test run, a local static server and
headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM_FLAGS, chromium_path
from tests.siteserver import EXAMPLE, PROJECTS, SiteServer, build_site, free_port

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site_port() -> int:
    return int(os.environ.get("SITE_PORT") or free_port())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The site built with ``mkdocs build --strict`` for the port the tests serve it on."""
    site_dir = tmp_path_factory.mktemp("site")
    completed = build_site(site_dir, f"http://127.0.0.1:{site_port}/")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_server(built_site, site_port):
    with SiteServer(built_site, site_port) as server:
        yield server


@pytest.fixture(scope="session")
def example_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory, example_port) -> Path:
    """The example site of a second region, built like this one."""
    site_dir = tmp_path_factory.mktemp("example-site")
    completed = build_site(site_dir, f"http://127.0.0.1:{example_port}/", project=EXAMPLE)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return site_dir


@pytest.fixture(scope="session")
def example_server(example_site, example_port):
    with SiteServer(example_site, example_port) as server:
        yield server


@pytest.fixture(params=list(PROJECTS))
def any_built(request) -> Path:
    """Each site's build in turn (this one, the example): the same checks for every site."""
    return request.getfixturevalue(
        "example_site" if request.param == EXAMPLE.name else "built_site"
    )


@pytest.fixture(params=list(PROJECTS))
def any_site(request):
    """Each site in turn (this one, the example): its project, build and server; for the
    browser and quality tests every site must pass."""
    if request.param == EXAMPLE.name:
        built, server = "example_site", "example_server"
    else:
        built, server = "built_site", "site_server"
    return (
        PROJECTS[request.param],
        request.getfixturevalue(built),
        request.getfixturevalue(server),
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
