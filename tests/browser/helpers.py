"""Helpers for the browser tests: axe-core, request bookkeeping and waiting for a calculator's
declared state."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from calculators.core.entry import handle

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def foreign_requests(urls: list[str], site_url: str) -> list[str]:
    """Requests to any host other than the site's own (data: and blob: stay local)."""
    own = urlsplit(site_url).netloc
    return [
        url
        for url in urls
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
    ]


def assert_no_axe_violations(page) -> None:
    # Evaluated through the DevTools protocol, so the page's CSP does not block it.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in results["violations"]
    ]
    assert violations == [], "\n".join(violations)


# ---------------------------------------------------------------- calculator pages

READY_TIMEOUT_MS = 90_000
# Generous: under CI load the worker may still be importing the other calculators or the
# service worker filling its cache when the input changes (a recompute once took 10 s).
RECOMPUTE_TIMEOUT_MS = 30_000

# The page declares which input it shows (Calculator.declare in the engine's
# assets/js/rekenhulp.js): the tests wait for that state, never for "the HTML changed" or for
# a fixed time.
DECLARED = "document.querySelector('[data-rekenhulp]').dataset"
RESULT_CURRENT = f"""after => {{ const d = {DECLARED};
    return Number(d.laatsteVolgnummer) > after && d.invoerVolgnummer === d.laatsteVolgnummer; }}"""
URL_CURRENT = f"""after => {{ const d = {DECLARED};
    return Number(d.laatsteVolgnummer) > after && d.urlVolgnummer === d.laatsteVolgnummer
        && location.hash.includes('scenario='); }}"""


def open_calculator(page, url: str, calculator: str) -> None:
    """Go to a calculator page and wait until its live result is there."""
    page.goto(url)
    page.wait_for_selector(
        f'[data-rekenhulp="{calculator}"][data-state="ok"][data-actueel="true"]',
        timeout=READY_TIMEOUT_MS,
    )


def output_html(page) -> str:
    return page.inner_html(".rekenhulp-uitkomst")


def latest_input(page) -> int:
    """The number of the newest input the page has counted (0 before it is live)."""
    return int(page.get_attribute("[data-rekenhulp]", "data-laatste-volgnummer") or 0)


def wait_until_current(page, after: int = 0) -> None:
    """Wait until the result (or error list) shown is that of the newest input, and that
    input is newer than input number ``after``."""
    page.wait_for_function(RESULT_CURRENT, arg=after, timeout=RECOMPUTE_TIMEOUT_MS)


def changed(page, action) -> None:
    """Run ``action`` (one or more edits, an import, a region load) and wait until the result
    shown is that of the newest input. An action that changes no input times out."""
    before = latest_input(page)
    action()
    wait_until_current(page, before)


def url_scenario(page, after: int = 0) -> dict:
    """The scenario in the URL once the URL holds the newest input (newer than ``after``)."""
    page.wait_for_function(URL_CURRENT, arg=after, timeout=RECOMPUTE_TIMEOUT_MS)
    return scenario_in_url(page.url)


def scenario_in_url(url: str) -> dict:
    encoded = parse_qs(urlsplit(url).fragment)["scenario"][0]
    return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


def cpython(calculator: str, action: str, **fields) -> dict:
    """What CPython answers to the request the page sends to its worker."""
    request = {"calculator": calculator, "action": action, **fields}
    return json.loads(handle(json.dumps(request)))


def scenario_now(page, calculator: str) -> dict:
    """The scenario in the URL, or the calculator's example when the URL has none yet."""
    if "#scenario=" in page.url:
        return scenario_in_url(page.url)
    return cpython(calculator, "default")["scenario"]
