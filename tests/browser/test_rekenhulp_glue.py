"""The calculators' page glue (the engine's assets/js/rekenhulp.js) in headless Chromium: it
leaves the next page alone after instant navigation, answers every failed action with a Dutch
message, loads a region, refuses a link of the wrong shape, and builds every control kind of
a form description (also those the Verdeelsleutel does not use) from `describe`."""

from __future__ import annotations

import base64
import json

import pytest

from calculators.core.entry import handle
from tests.browser.helpers import (
    READY_TIMEOUT_MS,
    assert_no_axe_violations,
    changed,
    open_calculator,
    url_scenario,
)
from tests.browser.test_verdeelsleutel_page import PAGE, cpython_rows, shown_key_rows

pytestmark = pytest.mark.browser

INDEX_LINK = ".md-tabs a[href$='rekenhulpen/']"
FAILURE = "De rekenhulp gaf geen antwoord"

# Holds every message from the worker for window.__rekenhulpDelay ms once a test sets it, so
# a reply can be made to arrive after the page has changed.
DELAY_WORKER_REPLIES = """(() => {
  const original = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
  Object.defineProperty(Worker.prototype, "onmessage", {
    configurable: true,
    get() { return original.get.call(this); },
    set(handler) {
      original.set.call(this, (event) => {
        const delay = window.__rekenhulpDelay || 0;
        if (!delay) return handler(event);
        window.__rekenhulpHeld = (window.__rekenhulpHeld || 0) + 1;
        setTimeout(() => {
          handler(event);
          window.__rekenhulpDelivered = (window.__rekenhulpDelivered || 0) + 1;
        }, delay);
      });
    },
  });
})();"""


def verdeelsleutel(action: str, **fields) -> dict:
    request = {"calculator": "verdeelsleutel", "action": action, **fields}
    return json.loads(handle(json.dumps(request)))


def encoded(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.fixture
def watched(session):
    """The page, and every uncaught error or console error it produces."""
    page, _ = session
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    return page, problems


def serve_fake_worker(page, body: str) -> None:
    page.context.route(
        "**/rekenhulp-worker.mjs",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=body),
    )


def fake_worker(canned: dict[str, dict], compute: str = "") -> str:
    """A worker module that answers the actions in `canned` with those responses, `compute`
    with the JavaScript expression `compute` (of `scenario` and `count`) if given, and every
    other request with an error, as a broken worker would. Like the real worker it echoes
    the input number (`sequence`) of each request."""
    return f"""
const canned = {json.dumps(canned)};
let count = 0;
postMessage({{ type: "progress", stage: "ready", message: "Klaar.", boot: "plain" }});
self.onmessage = (event) => {{
  const {{ id, sequence, request }} = event.data;
  const answer = (response) => postMessage({{ id, sequence, response }});
  if (request.action in canned) return answer(canned[request.action]);
  if (request.action === "compute" && {json.dumps(bool(compute))}) {{
    const scenario = request.scenario;
    count += 1;
    return answer({compute or "null"});
  }}
  postMessage({{ id, sequence, error: "Testfout: de worker is uitgevallen" }});
}};
"""


def leave_for_the_index(page) -> str:
    """Instant navigation to the Rekenhulpen index; returns its content once it is shown."""
    page.evaluate("() => { window.__zelfdeDocument = true; }")
    page.click(INDEX_LINK)
    page.wait_for_function(
        """() => location.pathname.endsWith('/rekenhulpen/')
            && !document.querySelector('[data-rekenhulp]')"""
    )
    # Still the same document: mkdocs-material swapped the content, nothing was reloaded.
    assert page.evaluate("() => window.__zelfdeDocument") is True
    return page.inner_html("article")


def assert_untouched(page, content: str) -> None:
    assert "scenario=" not in page.url
    assert page.inner_html("article") == content
    assert page.locator(".rekenhulp-uitkomst").count() == 0


def test_pending_recompute_does_not_touch_the_next_page(watched, site_server):
    page, problems = watched
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.fill("#veld-amount", "-250.000")  # starts the 200 ms wait before recomputing
    content = leave_for_the_index(page)
    page.wait_for_timeout(1500)
    assert_untouched(page, content)
    assert problems == []


def test_late_worker_reply_does_not_touch_the_next_page(watched, site_server):
    page, problems = watched
    page.add_init_script(DELAY_WORKER_REPLIES)
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.evaluate("() => { window.__rekenhulpDelay = 800; }")
    page.select_option("#veld-key-preset", "criteria-2020")  # recomputes at once
    page.wait_for_function("() => window.__rekenhulpHeld >= 1")  # the reply is on its way
    content = leave_for_the_index(page)
    page.wait_for_function("() => window.__rekenhulpDelivered >= 1", timeout=5_000)
    page.wait_for_timeout(700)
    assert_untouched(page, content)
    assert problems == []


def test_every_failed_action_gets_a_dutch_message(watched, site_server):
    page, problems = watched
    canned = {name: verdeelsleutel(name) for name in ("describe", "default")}
    canned["check"] = verdeelsleutel("check", scenario={})
    serve_fake_worker(page, fake_worker(canned))
    page.goto(site_server.url + PAGE)
    page.wait_for_selector('[data-rekenhulp][data-state="storing"]', timeout=READY_TIMEOUT_MS)
    assert FAILURE in page.text_content(".rekenhulp-status")

    page.evaluate("() => { document.querySelector('.rekenhulp-status').textContent = ''; }")
    page.fill("#veld-amount", "5")
    page.wait_for_function(
        f"() => document.querySelector('.rekenhulp-status').textContent.includes('{FAILURE}')"
    )

    page.click(".rekenhulp-import summary")
    page.fill("#rekenhulp-plakken", "Gemeente\tGebruik\nVenlo\t150\n")
    page.get_by_role("button", name="Geplakte gegevens importeren").click()
    page.wait_for_selector(f".rekenhulp-importmelding:has-text('{FAILURE}')")
    assert page.text_content(".rekenhulp-importmelding").startswith("Niet geïmporteerd.")

    page.get_by_role("button", name="CSV voor Excel (Nederlands)").click()
    page.wait_for_selector(f".rekenhulp-exportmelding:has-text('{FAILURE}')")

    page.get_by_role("button", name="Gemeenten laden").click()
    page.wait_for_selector(f".rekenhulp-regiomelding:has-text('{FAILURE}')")
    assert problems == []


def test_worker_that_cannot_start_gets_a_dutch_message(watched, site_server):
    page, problems = watched
    message = "De rekenhulpen konden niet worden geladen. Testfout."
    serve_fake_worker(page, f'postMessage({{ type: "failed", message: "{message}" }});')
    page.goto(site_server.url + PAGE)
    page.wait_for_function(
        "() => document.querySelector('.rekenhulp-status').textContent.includes('Testfout')"
    )
    page.wait_for_timeout(300)
    status = page.text_content(".rekenhulp-status")
    assert "U ziet de uitkomst van het voorbeeld." in status
    assert page.locator(".rekenhulp-invoer").is_hidden()
    default = verdeelsleutel("default")
    assert shown_key_rows(page) == cpython_rows(default["scenario"])  # the static example
    assert problems == []


def test_region_loads_its_municipalities_and_recomputes(watched, site_server):
    page, problems = watched
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.select_option("#rekenhulp-regio", label="Leidse Regio (5 gemeenten)")
    changed(page, page.get_by_role("button", name="Gemeenten laden").click)
    names = page.eval_on_selector_all(".rekenhulp-naam", "inputs => inputs.map(i => i.value)")
    assert names == ["Leiden", "Leiderdorp", "Oegstgeest", "Voorschoten", "Zoeterwoude"]
    assert "Leidse Regio" in page.text_content(".rekenhulp-regiomelding")
    assert page.evaluate("() => document.activeElement.id") == "rekenhulp-regio-laden"
    scenario = url_scenario(page)
    assert [m["name"] for m in scenario["municipalities"]] == names
    assert shown_key_rows(page) == cpython_rows(scenario)
    assert_no_axe_violations(page)
    assert problems == []


def test_link_of_the_wrong_shape_shows_the_example(watched, site_server, tmp_path):
    page, problems = watched
    open_calculator(
        page, f"{site_server.url}{PAGE}#scenario={encoded({'criteria': 'x'})}", "verdeelsleutel"
    )
    status = page.text_content(".rekenhulp-status")
    assert "De link bevat geen geldig scenario voor deze rekenhulp; u ziet het voorbeeld." in status
    default = verdeelsleutel("default")
    assert shown_key_rows(page) == cpython_rows(default["scenario"])

    wrong = tmp_path / "scenario.json"
    wrong.write_text(json.dumps({"criteria": "x"}), encoding="utf-8")
    page.click(".rekenhulp-import summary")
    page.set_input_files("#rekenhulp-bestand", str(wrong))
    page.wait_for_selector(".rekenhulp-importmelding:has-text('Niet geïmporteerd.')")
    feedback = page.text_content(".rekenhulp-importmelding")
    assert verdeelsleutel("check", scenario={"criteria": "x"})["errors"][0]["message"] in feedback
    assert shown_key_rows(page) == cpython_rows(default["scenario"])
    assert problems == []


# A made-up calculator with the kinds the Verdeelsleutel does not use: a select that shows a
# group only for one value, and a key and a table with fixed columns.
COLUMNS = [
    {"id": "x", "label": "Plaatsen", "reference": "2024"},
    {"id": "y", "label": "Wachtlijst"},
]
FORM = [
    {
        "kind": "select",
        "path": "route",
        "label": "Soort pad",
        "options": [
            {"value": "gelijk", "label": "Gelijke stappen", "explanation": "Uitleg gelijk."},
            {"value": "eigen", "label": "Eigen jaren", "explanation": "Uitleg eigen."},
        ],
    },
    {
        "kind": "group",
        "legend": "Jaren",
        "when": {"path": "route", "in": ["eigen"]},
        "controls": [
            {"kind": "input", "path": "settings.years", "label": "Aantal jaren", "hint": "1 tot 10"}
        ],
    },
    {
        "kind": "key",
        "path": "key",
        "legend": "Sleutel",
        "presets": [
            {
                "id": "p1",
                "label": "Half om half",
                "explanation": "Uitleg p1.",
                "weights": {"x": "50", "y": "50"},
            }
        ],
        "columns": COLUMNS,
    },
    {"kind": "table", "path": "rows", "caption": "Plaatsen per gemeente", "columns": COLUMNS},
]
SCENARIO = {
    "route": "gelijk",
    "key": {"label": "Half om half", "preset": "p1", "weights": {"x": "50", "y": "50"}},
    "rows": [{"name": "Venlo", "values": {"x": "10", "y": "2"}}],
}
# Errors for `settings.years` when it says "fout", otherwise a result that counts the calls.
FAKE_COMPUTE = """scenario.settings && scenario.settings.years === "fout"
    ? { ok: false, errors: [{ field: "settings.years", message: "Vul een getal in." }] }
    : { ok: true, html: "<p class='nep-uitkomst'>berekening " + count + "</p>" }"""


def test_select_group_and_fixed_columns_from_a_form_description(watched, site_server):
    page, problems = watched
    canned = {
        "describe": {"ok": True, "title": "Proef", "form": FORM, "regions": []},
        "default": {"ok": True, "scenario": SCENARIO},
        "check": {"ok": True},
    }
    serve_fake_worker(page, fake_worker(canned, FAKE_COMPUTE))
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    assert page.text_content("#veld-route-uitleg") == "Uitleg gelijk."
    assert page.locator("#veld-settings-years").count() == 0  # its group is for "eigen" only
    assert page.input_value("#veld-key-weights-y") == "50"
    assert "2024" in page.text_content("#veld-key-weights-x-hint")
    assert page.input_value("#veld-rows-0-values-y") == "2"

    page.focus("#veld-route")
    changed(page, lambda: page.select_option("#veld-route", "eigen"))
    assert page.text_content("#veld-route-uitleg") == "Uitleg eigen."
    assert page.evaluate("() => document.activeElement.id") == "veld-route"

    # Three edits in a row: the URL is read once it holds the last of them (it was once read
    # after the second, when the test waited only for "the HTML changed").
    def edit() -> None:
        page.fill("#veld-settings-years", "4")
        page.fill("#veld-key-weights-x", "60")
        page.fill("#veld-rows-0-values-y", "7")

    changed(page, edit)
    assert "berekening" in page.text_content(".rekenhulp-uitkomst")
    scenario = url_scenario(page)
    assert scenario["route"] == "eigen" and scenario["settings"] == {"years": "4"}
    assert scenario["key"]["weights"] == {"x": "60", "y": "50"}
    assert scenario["key"]["preset"] is None
    assert page.input_value("#veld-key-preset") == ""  # now "Eigen sleutel"
    assert scenario["rows"] == [{"name": "Venlo", "values": {"x": "10", "y": "7"}}]

    page.fill("#veld-settings-years", "fout")
    page.wait_for_selector('#veld-settings-years[aria-invalid="true"]', timeout=10_000)
    described = page.get_attribute("#veld-settings-years", "aria-describedby").split()
    assert described[0] == "veld-settings-years-hint"
    assert page.text_content(f"#{described[1]}") == "Vul een getal in."
    page.fill("#veld-settings-years", "5")
    page.wait_for_selector("#veld-settings-years:not([aria-invalid])", timeout=10_000)
    hint_only = page.get_attribute("#veld-settings-years", "aria-describedby")
    assert hint_only == "veld-settings-years-hint"
    assert_no_axe_violations(page)
    assert problems == []
