"""Every built page, opened in Chromium: no request to another host, no CSP violation,
no accessibility violation (axe-core, WCAG 2.1 AA). Pages are enumerated from the build."""

from __future__ import annotations

import pytest

from tests.browser.helpers import assert_no_axe_violations, foreign_requests

pytestmark = pytest.mark.browser

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def page_paths(site) -> list[str]:
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative == "404.html" or relative.startswith(("pyodide/", "assets/")):
            continue
        paths.append(relative.removesuffix("index.html"))
    return paths


VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "telefoon": {"width": 390, "height": 844}}


@pytest.fixture(params=list(VIEWPORTS))
def fresh_page(browser, request):
    # On a phone, wide tables scroll sideways: that brings other axe rules into play.
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context.new_page(), requests
    context.close()


def test_site_has_the_sections(any_site):
    project, built, _server = any_site
    paths = page_paths(built)
    for section in project.sections:
        assert section in paths
    assert {f"rekenhulpen/{name}/" for name in project.calculators} <= set(paths)


def test_every_page_is_local_csp_clean_and_accessible(any_site, fresh_page):
    _project, built, site_server = any_site
    page, requests = fresh_page
    problems = []
    for path in page_paths(built):
        requests.clear()
        page.goto(site_server.url + path)
        page.wait_for_load_state("load")
        if page.query_selector("[data-rekenhulp]"):
            page.wait_for_selector("[data-rekenhulp][data-state]", timeout=90_000)
        foreign = foreign_requests(requests, site_server.url)
        if foreign:
            problems.append(f"{path}: requests to other hosts {foreign}")
        violations = page.evaluate("() => window.__cspViolations")
        if violations:
            problems.append(f"{path}: CSP violations {violations}")
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            problems.append(f"{path}: {error}")
    assert problems == [], "\n".join(problems)


def test_csp_blocks_an_injected_inline_script(any_site, fresh_page):
    _project, _built, site_server = any_site
    page, _ = fresh_page
    page.goto(site_server.url)
    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.__injected = true';
            document.body.append(script);
        }"""
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.__injected") is None
    assert any(v.startswith("script-src") for v in page.evaluate("() => window.__cspViolations"))
