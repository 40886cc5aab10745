"""A recompute updates the result in place (the engine's assets/js/rekenhulp.js,
ResultSections): the worker sends the result's HTML in keyed sections
(calculators.render.page.split_sections); a section whose HTML did not change keeps its
elements untouched, a changed one keeps its element and ends up equal to its new HTML, and
focus, scroll position, the announcement and the declared state are as before. Every wait is
for the state the page declares."""

from __future__ import annotations

import copy
import json

import pytest

from calculators.render.page import handle_page
from tests.browser.helpers import changed, cpython, open_calculator
from tests.browser.test_verdeelsleutel_page import PAGE, cpython_rows, shown_key_rows

pytestmark = pytest.mark.browser

OUTPUT = ".rekenhulp-uitkomst"

# Keeps the result's top-level elements and their HTML, the details of every update, and
# every element a mutation touched from now on.
WATCH = """() => {
  const output = document.querySelector('.rekenhulp-uitkomst');
  window.__before = [...output.children];
  window.__beforeHtml = window.__before.map((node) => node.outerHTML);
  window.__changes = [];
  window.__timings = [];
  document.querySelector('[data-rekenhulp]').addEventListener('rekenhulp:bijgewerkt', (e) => {
    window.__changes.push(e.detail.changes);
    window.__timings.push(e.detail.timings);
  });
  window.__touched = [];
  new MutationObserver((records) => {
    for (const record of records) window.__touched.push(record.target);
  }).observe(output, { subtree: true, childList: true, attributes: true, characterData: true });
}"""

# For each top-level element of the result now: the same node as before the edit, untouched
# by any mutation, and equal to a fresh parse of Python's HTML for that section (attributes
# that scroll-tabellen.js adds left out).
COMPARE = """(sections) => {
  const output = document.querySelector('.rekenhulp-uitkomst');
  const nodes = [...output.children];
  const strip = (node) => {
    const copy = node.cloneNode(true);
    for (const region of [copy, ...copy.querySelectorAll('[data-scroll-region]')]) {
      if (!region.hasAttribute('data-scroll-region')) continue;
      for (const name of ['tabindex', 'role', 'aria-label', 'data-scroll-region'])
        region.removeAttribute(name);
    }
    return copy;
  };
  return {
    count: nodes.length,
    same: nodes.map((node, i) => node === window.__before[i]),
    untouched: nodes.map((node) => !window.__touched.some((target) => node.contains(target))),
    unchangedHtml: nodes.map((node, i) => node.outerHTML === window.__beforeHtml[i]),
    equal: sections.map(([, html], i) => {
      const template = document.createElement('template');
      template.innerHTML = html;
      return nodes[i] !== undefined && strip(nodes[i]).isEqualNode(template.content.firstChild);
    }),
  };
}"""


def sections(scenario: dict, highlight: str | None = None) -> list[list[str]]:
    request = {"calculator": "verdeelsleutel", "action": "compute", "scenario": scenario}
    response = json.loads(handle_page(json.dumps(request), highlight, True))
    assert response["ok"], response
    return response["sections"]


def default_scenario() -> dict:
    return cpython("verdeelsleutel", "default")["scenario"]


def same_html(before: list[list[str]], after: list[list[str]]) -> list[bool]:
    assert [key for key, _ in before] == [key for key, _ in after]
    return [a[1] == b[1] for a, b in zip(before, after, strict=True)]


def assert_updated_in_place(page, before: list[list[str]], after: list[list[str]]) -> None:
    kept = same_html(before, after)
    assert any(kept) and not all(kept), "the edit should change some sections, not all"
    found = page.evaluate(COMPARE, after)
    assert found["count"] == len(after)
    # Every section keeps its element: unchanged ones untouched, changed ones updated in place.
    assert found["same"] == [True] * len(after)
    assert found["untouched"] == kept
    assert found["unchangedHtml"] == kept
    assert found["equal"] == [True] * len(after)
    changes = page.evaluate("() => window.__changes.at(-1)")
    assert changes == {
        "kept": sum(kept),
        "updated": len(kept) - sum(kept),
        "added": 0,
        "removed": 0,
    }


def test_an_edit_keeps_unchanged_sections_and_updates_the_others_in_place(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.evaluate(WATCH)
    field = "#veld-amount"
    page.locator(field).scroll_into_view_if_needed()
    page.focus(field)
    scroll = page.evaluate("() => window.scrollY")

    changed(page, lambda: page.fill(field, "-250.000"))

    scenario = {**default_scenario(), "amount": "-250.000"}
    assert_updated_in_place(page, sections(default_scenario()), sections(scenario))
    assert shown_key_rows(page) == cpython_rows(scenario)
    # Focus and scroll position stay where the reader left them; the status line announces.
    assert page.evaluate("() => document.activeElement.id") == field.removeprefix("#")
    assert page.evaluate("() => window.scrollY") == scroll
    assert page.text_content(".rekenhulp-status") == "De uitkomst is bijgewerkt."
    root = page.locator("[data-rekenhulp]")
    assert root.get_attribute("data-state") == "ok"
    assert root.get_attribute("data-actueel") == "true"


# The static example's elements as the page loads, and every mutation from then on.
WATCH_STATIC = """document.addEventListener('DOMContentLoaded', () => {
  const output = document.querySelector('.rekenhulp-uitkomst');
  if (!output) return;
  window.__before = [...output.children];
  window.__beforeHtml = window.__before.map((node) => node.outerHTML);
  window.__touched = [];
  new MutationObserver((records) => {
    for (const record of records) window.__touched.push(record.target);
  }).observe(output, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__changes = [];
  output.parentElement.addEventListener('rekenhulp:bijgewerkt',
    (e) => window.__changes.push(e.detail.changes));
});"""


def test_the_first_result_takes_over_the_static_example_in_place(session, site_server):
    """The example's result as built equals the first live one: no element is replaced and
    nothing changes, so a reader who is in it while Python starts keeps their place."""
    page, _ = session
    page.add_init_script(WATCH_STATIC)
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    expected = sections(default_scenario())
    found = page.evaluate(COMPARE, expected)
    assert found["count"] == len(expected)
    assert found["same"] == [True] * len(expected)
    assert found["untouched"] == [True] * len(expected)
    assert found["equal"] == [True] * len(expected)
    # Known by the digest the build stamped on it: nothing was parsed or compared.
    assert page.evaluate("() => window.__changes") == [
        {"kept": len(expected), "updated": 0, "added": 0, "removed": 0}
    ]


def test_a_first_result_unlike_the_example_is_morphed_into_place(session, site_server):
    """A link that marks a municipality: the first answer differs from the example as built
    (another digest), so the sections it changes are updated in place, and equal Python's."""
    page, _ = session
    page.add_init_script(WATCH_STATIC)
    open_calculator(page, site_server.url + PAGE + "#gemeente=Venlo", "verdeelsleutel")
    expected = sections(default_scenario(), "Venlo")
    found = page.evaluate(COMPARE, expected)
    assert found["count"] == len(expected)
    assert found["same"] == [True] * len(expected)
    assert found["equal"] == [True] * len(expected)
    changes = page.evaluate("() => window.__changes")
    assert len(changes) == 1 and changes[0]["added"] == changes[0]["removed"] == 0
    changed_sections = len(expected) - sum(same_html(sections(default_scenario()), expected))
    assert changes[0]["updated"] == len(expected) and changed_sections >= 1
    assert found["untouched"].count(False) == changed_sections


def test_the_highlight_choice_updates_only_what_it_marks(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.evaluate(WATCH)
    changed(page, lambda: page.select_option("#rekenhulp-uitlichten", "Venlo"))
    assert_updated_in_place(
        page, sections(default_scenario()), sections(default_scenario(), "Venlo")
    )
    marked = page.evaluate(
        f"""() => [...document.querySelectorAll('{OUTPUT} tr.rekenhulp-uitgelicht')]
              .map(row => row.cells[0].textContent.trim())"""
    )
    assert marked and set(marked) == {"Venlo (uitgelicht)"}


def test_after_an_error_the_result_comes_back_whole(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    changed(page, lambda: page.fill("#veld-amount", "veel"))
    assert page.get_attribute("[data-rekenhulp]", "data-state") == "fout"
    assert page.locator(f"{OUTPUT} .rekenhulp-geen-uitkomst").count() == 1

    page.evaluate(WATCH)
    changed(page, lambda: page.fill("#veld-amount", "-300.000"))
    scenario = {**default_scenario(), "amount": "-300.000"}
    expected = sections(scenario)
    found = page.evaluate(COMPARE, expected)
    assert found["count"] == len(expected)
    assert found["equal"] == [True] * len(expected)
    changes = page.evaluate("() => window.__changes.at(-1)")
    assert changes == {"kept": 0, "updated": 0, "added": len(expected), "removed": 1}
    assert page.get_attribute("[data-rekenhulp]", "data-state") == "ok"
    assert shown_key_rows(page) == cpython_rows(scenario)


def test_every_result_reports_where_its_time_went(session, site_server):
    page, _ = session
    open_calculator(page, site_server.url + PAGE, "verdeelsleutel")
    page.evaluate(WATCH)
    edited = copy.deepcopy(default_scenario())
    edited["municipalities"][5]["values"]["gebruik"] = "150"
    changed(page, lambda: page.fill("#veld-municipalities-5-values-gebruik", "150"))
    assert shown_key_rows(page) == cpython_rows(edited)
    timings = page.evaluate("() => window.__timings.at(-1)")
    parts = ("request", "stringify", "compute", "render", "encode", "transfer", "parse", "page")
    assert set(parts) <= set(timings)
    assert all(isinstance(timings[p], int | float) and timings[p] >= 0 for p in parts)
    assert timings["compute"] > 0 and timings["render"] > 0
