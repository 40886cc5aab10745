"""A first calculator visit starts the way its link allows (the engine's
assets/js/rekenhulp-start.mjs): on an emulated slow link plainly, on a fast one from the
memory snapshot. Only which way is checked, never how long it took; the choice over its
inputs is tests/test_first_start.py.

The link is throttled until the worker has measured it, then opened up, so the slow case does
not spend a minute downloading the runtime at 2 Mbit/s."""

from __future__ import annotations

import time

import pytest

from tests.browser.helpers import READY_TIMEOUT_MS

PAGE = "rekenhulpen/verdeelsleutel/"
READY = '[data-rekenhulp="verdeelsleutel"][data-state="ok"][data-actueel="true"]'
UNTHROTTLED = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


def throttle(session, mbit: float) -> None:
    speed = mbit * 1e6 / 8
    conditions = {"offline": False, "latency": 40, "downloadThroughput": speed}
    session.send("Network.emulateNetworkConditions", {**conditions, "uploadThroughput": speed})


def boot_record(worker) -> dict:
    return worker.evaluate("() => self.rekenhulpBoot")


def wait_for_measurement(page) -> dict:
    """The worker's record once its probe has measured the link (rekenhulp-boot.mjs)."""
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while True:
        calculators = [
            w for w in page.workers if w.url.split("?")[0].endswith("/rekenhulp-worker.mjs")
        ]
        if calculators:
            record = boot_record(calculators[0])
            if record and record["mbit"] is not None:
                return record
        assert time.monotonic() < deadline, "the worker never measured the link"
        # Lets Playwright deliver its events (the sync API does so only inside its calls).
        page.wait_for_timeout(50)


@pytest.mark.parametrize(("mbit", "way"), [(2, "plain"), (100, "snapshot")])
def test_the_measured_link_chooses_the_first_start(browser, site_server, mbit, way):
    context = browser.new_context()
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    throttle(session, mbit)
    page.goto(site_server.url + PAGE, wait_until="commit")
    record = wait_for_measurement(page)
    session.send("Network.emulateNetworkConditions", UNTHROTTLED)
    page.wait_for_selector(READY, timeout=READY_TIMEOUT_MS)
    assert page.get_attribute(READY, "data-boot") == way
    assert (record["mbit"] >= 15) == (way == "snapshot"), record
    context.close()
