"""Fixtures shared by the browser tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def session(browser, site_server):
    """A fresh browser context (empty cache) and the list of every URL it requested."""
    context = browser.new_context(accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    yield page, requests
    context.close()
