"""Shared fixtures: one strict build of the site per test run, a local static server and
headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM_FLAGS, chromium_path
from tests.siteserver import SiteServer, build_site, free_port

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
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
