"""Fixtures shared by the browser tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def session(browser, site_server):
    """A fresh browser context (empty cache) and the list of every URL its pages and their
    workers requested. The service worker's own fetches (precache, keeping Pyodide) are left
    out: they follow the pages by seconds; tests/browser/test_offline.py covers them."""
    context = browser.new_context(accept_downloads=True)
    requests: list[str] = []
    context.on(
        "request",
        lambda request: request.service_worker is None and requests.append(request.url),
    )
    page = context.new_page()
    yield page, requests
    context.close()
