"""The Verdeelsleutel page in headless Chromium: live results equal CPython's, scenarios
survive the URL and CSV, errors appear at their field, nothing leaves 127.0.0.1, and axe-core
finds no accessibility violations."""

from __future__ import annotations

import base64
import json

import pytest

from calculators.core.entry import handle
from tests.browser.helpers import (
    assert_no_axe_violations,
    changed,
    foreign_requests,
    open_calculator,
    output_html,
    scenario_in_url,
    url_scenario,
)

pytestmark = pytest.mark.browser

PAGE = "rekenhulpen/verdeelsleutel/"
READY_TIMEOUT_MS = 90_000


def shown_key_rows(page) -> list[list[str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.rekenhulp-uitkomst table')[0].tBodies[0].rows]
              .map(row => [...row.cells].map(cell => cell.textContent.trim()))"""
    )


def cpython_rows(scenario: dict) -> list[list[str]]:
    response = json.loads(
        handle(
            json.dumps({"calculator": "verdeelsleutel", "action": "compute", "scenario": scenario})
        )
    )
    assert response["ok"], response
    return [
        [r["name"], r["share_display"], r["display"], r["per_inhabitant_display"]]
        for r in response["result"]["key"]["rows"]
    ]


def test_edit_recomputes_like_cpython_and_stays_local(session, site_server):
    page, requests = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    changed(page, lambda: page.fill("#veld-amount", "-250.000"))
    scenario = url_scenario(page)
    assert scenario["amount"] in ("-250000", "-250.000")
    shown = shown_key_rows(page)
    assert shown == cpython_rows(scenario)
    assert "€ 250.000,00" in output_html(page)
    assert foreign_requests(requests, site_server.url) == []


def test_link_reproduces_the_scenario(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")

    def edit() -> None:
        page.fill("#veld-municipalities-5-values-gebruik", "90")
        page.fill("#veld-key-weights-inwoners_18plus", "50")
        page.fill("#veld-key-weights-gebruik", "50")

    changed(page, edit)
    assert page.locator(".rekenhulp-fout").count() == 0
    url_scenario(page)
    shared_url = page.url
    edited_rows = shown_key_rows(page)

    second = page.context.new_page()
    open_calculator(second, shared_url, "verdeelsleutel")
    assert second.input_value("#veld-municipalities-5-values-gebruik") == "90"
    assert second.input_value("#veld-key-weights-inwoners_18plus") == "50"
    assert shown_key_rows(second) == edited_rows
    assert edited_rows == cpython_rows(scenario_in_url(shared_url))


def test_csv_export_and_import_round_trip(session, site_server, tmp_path):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")

    def edit() -> None:
        page.fill("#veld-municipalities-0-values-inwoners", "14.250")
        page.fill("#veld-municipalities-0-values-gebruik", "12")

    changed(page, edit)
    edited_rows = shown_key_rows(page)
    assert edited_rows == cpython_rows(url_scenario(page))

    with page.expect_download() as download_info:
        page.get_by_role("button", name="CSV voor Excel (Nederlands)").click()
    csv_file = tmp_path / "export.csv"
    download_info.value.save_as(csv_file)
    text = csv_file.read_text(encoding="utf-8-sig")
    assert ";" in text and "Beesel" in text

    changed(page, lambda: page.get_by_role("button", name="Terug naar het voorbeeld").click())
    assert shown_key_rows(page) != edited_rows

    page.click(".rekenhulp-import summary")
    changed(page, lambda: page.set_input_files("#rekenhulp-bestand", str(csv_file)))
    assert page.input_value("#veld-municipalities-0-values-inwoners") in ("14250", "14.250")
    assert shown_key_rows(page) == edited_rows


def test_pasted_excel_cells_update_the_table(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.click(".rekenhulp-import summary")
    page.fill("#rekenhulp-plakken", "Gemeente\tGebruik\nVenlo\t150\nVenray\t75\n")
    changed(page, page.get_by_role("button", name="Geplakte gegevens importeren").click)
    assert page.input_value("#veld-municipalities-5-values-gebruik") == "150"
    assert page.input_value("#veld-municipalities-6-values-gebruik") == "75"
    assert shown_key_rows(page) == cpython_rows(url_scenario(page))


def test_an_excel_unicode_text_file_is_read(session, site_server, tmp_path):
    # Excel's "Unicode-tekst": UTF-16 (little endian, with a byte order mark), tabs.
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    unicode_text = tmp_path / "gebruik.txt"
    unicode_text.write_bytes("Gemeente\tGebruik\r\nVenlo\t151\r\nVenray\t76\r\n".encode("utf-16"))
    page.click(".rekenhulp-import summary")
    changed(page, lambda: page.set_input_files("#rekenhulp-bestand", str(unicode_text)))
    assert page.input_value("#veld-municipalities-5-values-gebruik") == "151"
    assert page.input_value("#veld-municipalities-6-values-gebruik") == "76"
    assert shown_key_rows(page) == cpython_rows(url_scenario(page))


def test_bad_input_gets_a_dutch_message_at_its_field(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    field = "#veld-municipalities-5-values-inwoners"
    page.fill(field, "veel")
    page.wait_for_selector(f'{field}[aria-invalid="true"]', timeout=10_000)
    message_id = page.get_attribute(field, "aria-describedby")
    message = page.text_content(f"#{message_id}")
    assert "getal" in message and "veel" in message
    assert page.locator(".rekenhulp-geen-uitkomst").is_visible()
    page.fill(field, "107000")
    page.wait_for_selector(f"{field}:not([aria-invalid])", timeout=10_000)


def test_calculator_page_has_no_accessibility_violations(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    assert_no_axe_violations(page)
    page.fill("#veld-municipalities-5-values-inwoners", "-5")
    page.wait_for_selector('[aria-invalid="true"]', timeout=10_000)
    assert_no_axe_violations(page)


def test_page_without_javascript_shows_the_example_result(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + PAGE)
    default = json.loads(handle(json.dumps({"calculator": "verdeelsleutel", "action": "default"})))
    assert shown_key_rows(page) == cpython_rows(default["scenario"])
    context.close()


def test_worker_survives_instant_navigation(session, site_server):
    page, requests = session
    page.goto(site_server.url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pyodide/" in url]  # pages without a calculator
    page.click(".md-tabs a[href$='rekenhulpen/']")
    page.click("article a[href$='verdeelsleutel/']")
    page.wait_for_selector('[data-state="ok"]', timeout=READY_TIMEOUT_MS)
    page.click(".md-tabs a[href$='rekenhulpen/']")
    page.wait_for_url("**/rekenhulpen/")
    page.click("article a[href$='verdeelsleutel/']")
    page.wait_for_selector('[data-state="ok"]', timeout=READY_TIMEOUT_MS)
    # One Pyodide boot for the whole visit: the worker outlived the page change.
    assert sum(url.endswith("/pyodide.asm.wasm") for url in requests) == 1
    assert page.evaluate("() => document.querySelectorAll('[data-rekenhulp]').length") == 1


def test_keyboard_user_gets_errors_announced_and_can_jump_to_the_field(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.focus("#veld-amount")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "veld-key-preset"
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] >= 2  # focus is visible
    page.focus("#veld-key-weights-gebruik")
    page.keyboard.press("Control+A")
    # "7" and then "70": the errors read must be those of the last keystroke.
    changed(page, lambda: page.keyboard.type("70"))
    assert page.locator(".rekenhulp-foutenlijst").is_visible()
    status = page.text_content(".rekenhulp-status")
    assert "1 fout" in status and "95 %" in status  # 25 + 70: said in the live region
    assert page.get_attribute(".rekenhulp-status", "role") == "status"
    page.focus(".rekenhulp-foutenlijst button")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "veld-key-weights"
    assert "scenario=" in page.url


def test_names_from_a_link_are_shown_as_text_never_as_markup(session, site_server):
    page, _ = session
    default = json.loads(handle(json.dumps({"calculator": "verdeelsleutel", "action": "default"})))
    scenario = default["scenario"]
    payload = '<img src=x onerror="window.__xss = 1">Beesel'
    scenario["municipalities"][0]["name"] = payload
    encoded = base64.urlsafe_b64encode(json.dumps(scenario).encode()).decode().rstrip("=")
    open_calculator(page, f"{site_server.url}{PAGE}#scenario={encoded}", "verdeelsleutel")
    assert shown_key_rows(page)[0][0] == payload
    assert page.evaluate("() => window.__xss") is None
    assert page.locator(".rekenhulp img").count() == 0


def test_json_export_and_import_restore_the_whole_scenario(session, site_server, tmp_path):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")

    def edit() -> None:
        page.fill("#veld-amount", "750.000,50")
        page.select_option("#veld-key-preset", "criteria-2020")

    changed(page, edit)
    assert page.get_attribute("[data-rekenhulp]", "data-state") == "ok"
    edited_rows = shown_key_rows(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Scenario als JSON").click()
    saved = tmp_path / "scenario.json"
    download_info.value.save_as(saved)
    assert json.loads(saved.read_text())["key"]["preset"] == "criteria-2020"

    changed(page, page.get_by_role("button", name="Terug naar het voorbeeld").click)
    page.click(".rekenhulp-import summary")
    changed(page, lambda: page.set_input_files("#rekenhulp-bestand", str(saved)))
    assert page.input_value("#veld-amount") == "750.000,50"
    assert shown_key_rows(page) == edited_rows == cpython_rows(url_scenario(page))


def test_second_visit_starts_warm_with_the_results_of_a_cold_start(browser, site_server):
    """A later visit restores the kept, decompressed snapshot ("warm") and shows and computes
    exactly what the plain (cold) start showed and CPython computes. Its first answer comes
    from the memory the snapshot holds (calculators.render.page.remember_first_answers), so
    nothing is rendered for it; the worker then warms up, and edits are computed."""
    context = browser.new_context()
    # The first visit boots plainly (a fast local link would otherwise take the snapshot).
    context.add_init_script("window.rekenhulpStart = 'plain';")
    context.add_init_script(FIRST_TIMINGS)
    page = context.new_page()
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    assert page.get_attribute("[data-rekenhulp]", "data-boot") == "plain"
    assert page.evaluate("window.firstTimings.render") > 0
    cold = output_html(page)
    page.wait_for_selector("html[data-rekenhulp-snapshot='opgeslagen']", timeout=30_000)
    page.reload()
    page.wait_for_selector(
        '[data-rekenhulp][data-state="ok"][data-actueel="true"]', timeout=READY_TIMEOUT_MS
    )
    assert page.get_attribute("[data-rekenhulp]", "data-boot") == "warm"
    assert page.evaluate("window.firstTimings.render") == 0
    assert output_html(page) == cold
    page.wait_for_selector(
        'html[data-rekenhulp-opgewarmd~="verdeelsleutel"]', state="attached", timeout=60_000
    )
    changed(page, lambda: page.fill("#veld-municipalities-2-values-gebruik", "21"))
    assert shown_key_rows(page) == cpython_rows(url_scenario(page))
    context.close()


# The timings of the first result a page shows (rekenhulp:bijgewerkt; rekenhulp.js).
FIRST_TIMINGS = """document.addEventListener('rekenhulp:bijgewerkt', (event) => {
  window.firstTimings ??= event.detail.timings;
}, { capture: true });"""


XSS_NAMES = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    '"><svg onload="window.__xss = 3">',
    "<iframe src=javascript:window.__xss=4>",
    "<a href='javascript:window.__xss=5'>klik</a>",
    "</caption><script>window.__xss = 6</script>",
    "<details open ontoggle='window.__xss = 7'>",
    "<style>*{display:none}</style>",
    "&lt;b&gt;dubbel&lt;/b&gt;",
    "<math><mi xlink:href=javascript:window.__xss=10>x</mi></math>",
]


def assert_inert(page) -> None:
    assert page.evaluate("() => window.__xss") is None
    injected = ":is(script, img, iframe, details, style, math, a[href^=javascript])"
    for area in (".rekenhulp-uitkomst", ".rekenhulp-invoertabel", ".rekenhulp-status"):
        assert page.locator(f"{area} {injected}").count() == 0, area


def test_ten_payloads_in_the_link_and_in_imported_csv_stay_text(session, site_server, tmp_path):
    page, _ = session
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    default = json.loads(handle(json.dumps({"calculator": "verdeelsleutel", "action": "default"})))
    scenario = default["scenario"]
    rows = scenario["municipalities"]
    scenario["municipalities"] = [
        {"name": f"Gemeente {i} {payload}", "values": dict(rows[i % len(rows)]["values"])}
        for i, payload in enumerate(XSS_NAMES)
    ]
    encoded = base64.urlsafe_b64encode(json.dumps(scenario).encode()).decode().rstrip("=")
    open_calculator(page, f"{site_server.url}{PAGE}#scenario={encoded}", "verdeelsleutel")
    shown_names = [row[0] for row in shown_key_rows(page)]
    assert shown_names == [m["name"] for m in scenario["municipalities"]]
    assert_inert(page)

    csv_file = tmp_path / "namen.csv"
    lines = ["Gemeente;inwoners;inwoners_18plus;gebruik;inleg;zeggenschap"]
    lines += [
        f'"Import {i} {p.replace(chr(34), chr(34) * 2)}";1000;800;5;100;1'
        for i, p in enumerate(XSS_NAMES)
    ]
    csv_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.click(".rekenhulp-import summary")
    page.check("input[name=rekenhulp-importmodus][value=replace]")
    changed(page, lambda: page.set_input_files("#rekenhulp-bestand", str(csv_file)))
    assert [row[0] for row in shown_key_rows(page)] == [
        f"Import {i} {p}" for i, p in enumerate(XSS_NAMES)
    ]
    assert_inert(page)
    assert dialogs == []
