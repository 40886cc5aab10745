"""The page knows when its result is current (the engine's assets/js/rekenhulp.js and
rekenhulp-client.js): every input gets a number, a reply for an older input is never shown
after a newer one, the result is aria-busy and says "rekent…" while the newest input is
pending, and a request that runs too long is stopped and the worker restarted."""

from __future__ import annotations

import base64
import json
import time

import pytest

from calculators.render.page import handle_page
from tests.browser.helpers import (
    RESULT_CURRENT,
    assert_no_axe_violations,
    changed,
    cpython,
    latest_input,
    open_calculator,
    url_scenario,
    wait_until_current,
)
from tests.browser.test_verdeelsleutel_page import PAGE, cpython_rows, shown_key_rows

pytestmark = pytest.mark.browser

ROOT = "[data-rekenhulp]"
FRESHNESS = ".rekenhulp-actualiteit"
TOO_SLOW = "De berekening duurde te lang en is gestopt"

# Records every value of aria-busy on the result and every text of the line beside it.
RECORD_BUSY = """() => {
  const output = document.querySelector('.rekenhulp-uitkomst');
  const line = document.querySelector('.rekenhulp-actualiteit');
  window.__busy = [];
  window.__lines = [];
  new MutationObserver(() => window.__busy.push(output.getAttribute('aria-busy')))
    .observe(output, { attributes: true, attributeFilter: ['aria-busy'] });
  new MutationObserver(() => window.__lines.push(line.textContent))
    .observe(line, { childList: true, characterData: true, subtree: true });
}"""

# Stands in at the page's handler of worker messages. Counts the "started" messages (how many
# requests the worker has begun); while window.__hold is set, holds every message about a
# request ("started" and the reply), and window.__release() then hands them over newest
# request first, so older replies arrive after newer ones.
WATCH_WORKER = """(() => {
  const original = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
  const held = [];
  window.__replies = 0;
  window.__started = 0;
  window.__release = () => {
    window.__hold = false;
    const ids = [...new Set(held.map((h) => h.event.data.id))].sort((a, b) => b - a);
    for (const id of ids) {
      for (const h of held.filter((h) => h.event.data.id === id)) h.handler(h.event);
    }
    held.length = 0;
  };
  Object.defineProperty(Worker.prototype, "onmessage", {
    configurable: true,
    get() { return original.get.call(this); },
    set(handler) {
      original.set.call(this, (event) => {
        if (event.data.type === "started") window.__started += 1;
        if (!window.__hold || event.data.id === undefined) return handler(event);
        held.push({ handler, event });
        if (event.data.type !== "started") window.__replies += 1;
      });
    },
  });
})();"""

# Makes the real worker hang, like a runaway Python computation, right after it reports that
# it began the next request: a synchronous loop that only terminate() ends.
HANG_NEXT_REQUEST = """() => {
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    post(message, ...rest);
    if (message && message.type === "started" && self.__hangNext) {
      self.__hangNext = false;
      for (;;) {}
    }
  };
  self.__hangNext = true;
}"""


# A stand-in for rekenhulp-worker.mjs that speaks its protocol: ready at once, then for each
# request "started" and the answer, taken from `canned` (what to answer per action).
STAND_IN_WORKER = """
const canned = /* canned */;
postMessage({ type: "progress", stage: "ready", message: "Klaar.", boot: "plain" });
self.onmessage = (event) => {
  const { id, sequence, request } = event.data;
  postMessage({ type: "started", id });
  /* answer */
};
"""


def stand_in_worker(page, canned: dict, answer: str) -> list[str]:
    """Serves the page's context STAND_IN_WORKER with ``answer`` (JavaScript, with ``id``,
    ``sequence``, ``request`` and ``canned``) instead of the real worker; the list returned
    gets the URL of every worker served."""
    body = STAND_IN_WORKER.replace("/* answer */", answer)
    body = body.replace("/* canned */", json.dumps(canned))
    served: list[str] = []

    def serve(route) -> None:
        served.append(route.request.url)
        route.fulfill(status=200, content_type="text/javascript", body=body)

    page.context.route("**/rekenhulp-worker.mjs", serve)
    return served


def example_with(amount: str) -> dict:
    """The Verdeelsleutel's example with another amount, built here in Python: what the page
    should hold after that edit in the form."""
    return {**cpython("verdeelsleutel", "default")["scenario"], "amount": amount}


def calculator_workers(page) -> list:
    """The Pyodide workers of the page (the theme's search has a worker of its own)."""
    return [w for w in page.workers if w.url.endswith("/rekenhulp-worker.mjs")]


def declared(page) -> dict:
    return page.evaluate(
        """root => { const d = document.querySelector(root).dataset;
            const output = document.querySelector('.rekenhulp-uitkomst');
            return { laatste: Number(d.laatsteVolgnummer), invoer: Number(d.invoerVolgnummer),
                     url: Number(d.urlVolgnummer), actueel: d.actueel,
                     busy: output.getAttribute('aria-busy') }; }""",
        ROOT,
    )


def test_quick_edits_end_with_the_result_of_the_last_one(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    assert declared(page) == {"laatste": 1, "invoer": 1, "url": 1, "actueel": "true", "busy": None}
    page.evaluate(RECORD_BUSY)

    def three_edits() -> None:
        page.fill("#veld-amount", "-250.000")
        page.fill("#veld-key-weights-inwoners_18plus", "50")
        page.fill("#veld-key-weights-gebruik", "50")

    changed(page, three_edits)
    expected = example_with("-250.000")
    expected["key"] = {
        "label": "Eigen sleutel",
        "preset": None,
        "weights": {"inwoners_18plus": "50", "gebruik": "50"},
    }
    assert url_scenario(page) == expected
    assert shown_key_rows(page) == cpython_rows(expected)
    state = declared(page)
    assert state["laatste"] == 4 and state["invoer"] == state["url"] == 4
    assert state["actueel"] == "true" and state["busy"] is None
    # Busy while the edits were pending, and no longer once the last one is shown.
    assert "true" in page.evaluate("() => window.__busy")
    assert page.evaluate("() => window.__busy.at(-1)") is None
    assert "De rekenhulp rekent…" in page.evaluate("() => window.__lines")
    assert page.text_content(FRESHNESS) == ""
    assert_no_axe_violations(page)


def test_older_reply_arriving_last_is_never_shown(session, site_server):
    page, _ = session
    page.add_init_script(WATCH_WORKER)
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    start = latest_input(page)
    page.evaluate("() => { window.__hold = true; }")
    for count, amount in enumerate(("100", "200", "300"), start=1):
        page.fill("#veld-amount", amount)
        page.wait_for_function("n => window.__replies >= n", arg=count)  # answered, held
        state = declared(page)
        assert state["laatste"] == start + count and state["invoer"] == start
        assert state["actueel"] == "false" and state["busy"] == "true"
        assert page.text_content(FRESHNESS) == "De rekenhulp rekent…"
        assert page.locator(FRESHNESS).is_visible()
        assert page.get_attribute(FRESHNESS, "role") == "status"
    assert_no_axe_violations(page)  # also while busy

    page.evaluate("() => window.__release()")  # "300" first, then "200", then "100"
    wait_until_current(page, start)
    assert url_scenario(page) == example_with("300")
    assert shown_key_rows(page) == cpython_rows(example_with("300"))
    last = start + 3
    current = {"laatste": last, "invoer": last, "url": last, "actueel": "true", "busy": None}
    assert declared(page) == current


def test_request_that_runs_too_long_is_stopped_and_the_worker_restarts(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    [hung] = calculator_workers(page)
    hung.evaluate(HANG_NEXT_REQUEST)

    before = latest_input(page)
    started = time.monotonic()
    with hung.expect_event("close", timeout=30_000):  # terminated, not left running
        page.fill("#veld-amount", "-300.000")
        page.wait_for_selector(f'{ROOT}[data-state="storing"]', timeout=30_000)
    assert time.monotonic() - started >= 7.5  # the limit, not some other failure
    assert TOO_SLOW in page.text_content(".rekenhulp-status")
    assert page.text_content(FRESHNESS) == "De uitkomst hieronder hoort nog bij eerdere invoer."
    state = declared(page)
    assert state["laatste"] == before + 1 and state["invoer"] == before
    assert state["actueel"] == "false" and state["busy"] is None
    assert_no_axe_violations(page)

    # The next input goes to a fresh worker and is answered like CPython does.
    changed(page, lambda: page.fill("#veld-amount", "-400.000"))
    assert page.get_attribute(ROOT, "data-state") == "ok"
    assert url_scenario(page) == example_with("-400.000")
    assert shown_key_rows(page) == cpython_rows(example_with("-400.000"))
    assert page.text_content(FRESHNESS) == ""
    [fresh] = calculator_workers(page)
    assert fresh is not hung


def test_input_waiting_behind_a_stopped_request_goes_to_the_fresh_worker(session, site_server):
    page, _ = session
    page.add_init_script(WATCH_WORKER)
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    [hung] = calculator_workers(page)
    hung.evaluate(HANG_NEXT_REQUEST)
    begun = page.evaluate("() => window.__started")
    before = latest_input(page)
    with hung.expect_event("close", timeout=30_000):
        page.fill("#veld-amount", "-300.000")
        page.wait_for_function("n => window.__started > n", arg=begun)  # now the worker hangs
        page.fill("#veld-amount", "-400.000")  # queued behind the hanging request
        wait_until_current(page, before)
    # The stopped request belonged to an older input: nothing to report, the newest is shown.
    assert TOO_SLOW not in page.text_content(".rekenhulp-status")
    assert page.get_attribute(ROOT, "data-state") == "ok"
    assert url_scenario(page) == example_with("-400.000")
    assert shown_key_rows(page) == cpython_rows(example_with("-400.000"))
    [fresh] = calculator_workers(page)
    assert fresh is not hung


def test_link_that_keeps_python_busy_still_gives_a_live_calculator(session, site_server):
    """A check that never ends (a hostile link) is stopped; the page falls back to the example
    in a fresh worker. Served by a stand-in worker, as no real scenario hangs Python."""
    page, _ = session
    default = cpython("verdeelsleutel", "default")
    request = {"calculator": "verdeelsleutel", "action": "compute", "scenario": default["scenario"]}
    canned = {
        "describe": cpython("verdeelsleutel", "describe"),
        "default": default,
        "compute": json.loads(handle_page(json.dumps(request))),
    }
    answer = """if (request.action === "check") for (;;) {}
  postMessage({ id, sequence, response: canned[request.action] });"""
    served = stand_in_worker(page, canned, answer)
    link = base64.urlsafe_b64encode(json.dumps(default["scenario"]).encode()).decode()
    page.goto(f"{site_server.url}{PAGE}#scenario={link.rstrip('=')}")
    page.wait_for_function(RESULT_CURRENT, arg=0, timeout=60_000)
    status = page.text_content(".rekenhulp-status")
    assert "kon niet op tijd worden gecontroleerd; u ziet het voorbeeld." in status
    assert "De rekenhulp is klaar." in status
    assert page.get_attribute(ROOT, "data-state") == "ok"
    assert len(served) == 2  # the stopped worker and its successor
    assert shown_key_rows(page) == cpython_rows(default["scenario"])


def test_an_unreadable_answer_is_a_failure_with_a_dutch_message(session, site_server):
    """The worker hands Python's JSON text over as it came (rekenhulp-worker.mjs) and the page
    parses it once: text that is no JSON fails like any broken answer, in Dutch, and the
    example stays. Served by a stand-in worker that speaks the real protocol."""
    page, _ = session
    canned = {
        "describe": json.dumps(cpython("verdeelsleutel", "describe")),
        "default": json.dumps(cpython("verdeelsleutel", "default")),
        "compute": '{"ok": true, "sections": [["p:0", "<p>',
    }
    stand_in_worker(page, canned, "postMessage({ id, sequence, json: canned[request.action] });")
    page.goto(site_server.url + PAGE)
    page.wait_for_selector(f'{ROOT}[data-state="storing"]', timeout=60_000)
    status = page.text_content(".rekenhulp-status")
    assert "De rekenhulp gaf geen antwoord (het antwoord was onleesbaar)." in status
    assert page.text_content(FRESHNESS) == "Hieronder staat de uitkomst van het voorbeeld."
    assert shown_key_rows(page) == cpython_rows(cpython("verdeelsleutel", "default")["scenario"])
