"""The first answers a calculator page gets, kept in the Pyodide snapshot
(calculators.render.page.remember_first_answers): the same answers as computed, found only by
the exact text the page's JavaScript sends, and never for a request that differs."""

from __future__ import annotations

import json

import pytest

from calculators.core.entry import handle
from calculators.render import page

CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")
# That the texts are the page's own: tests/test_first_answers_javascript.py (needs Node.js).


@pytest.fixture
def remembered(monkeypatch):
    """The memory filled as the snapshot step fills it, emptied again after the test."""
    monkeypatch.setattr(page, "_FIRST_ANSWERS", {})
    monkeypatch.setattr(page, "_EXAMPLE_REQUESTS", {})
    page.remember_first_answers()
    return page._FIRST_ANSWERS


def without_timings(text: str) -> dict:
    answer: dict = json.loads(text)
    answer.pop("timings", None)
    return answer


def test_every_remembered_answer_is_the_computed_one(remembered):
    assert len(remembered) == 3 * len(CALCULATORS)
    for request in remembered:
        fresh = page._answer(request, None, True, 0.0)
        assert without_timings(page.handle_page(request, None, True)) == without_timings(fresh)
        # And the same as the plain entry point computes, apart from the page's form.
        plain = json.loads(handle(request))
        answer = without_timings(fresh)
        assert {k: v for k, v in plain.items() if k not in ("result", "html")} == {
            k: v for k, v in answer.items() if k not in ("sections", "digest")
        }


def test_a_remembered_answer_says_it_cost_next_to_nothing(remembered):
    compute = page.first_requests("spreiding")[-1]
    timings = json.loads(page.handle_page(compute, None, True))["timings"]
    assert timings["render"] == 0.0
    assert 0.0 <= timings["compute"] < 50.0
    # The stored answer keeps the build's own timings out of every later answer.
    assert "timings" in remembered[compute]


def test_only_the_exact_text_without_a_highlight_is_answered_from_memory(remembered):
    compute = page.first_requests("verdeelsleutel")[-1]
    remembered[compute] = {"ok": True, "from": "memory"}
    assert json.loads(page.handle_page(compute, None, True)) == {"ok": True, "from": "memory"}
    assert json.loads(page.handle_page(compute, "", True)) == {"ok": True, "from": "memory"}
    # A highlight, another spelling of the same request, or the build's own form: computed.
    scenario = json.loads(compute)["scenario"]
    name = scenario["municipalities"][0]["name"]
    others = [
        page.handle_page(compute, name, True),
        page.handle_page(compute.replace(",", ", ", 1), None, True),
        page.handle_page(json.dumps(json.loads(compute)), None, True),
        page.handle_page(compute, None, False),
    ]
    for text in others:
        answer = json.loads(text)
        assert answer["ok"] is True and "from" not in answer


def test_warm_up_computes_without_touching_the_memory(remembered):
    before = json.dumps(remembered, sort_keys=True)
    for name in CALCULATORS:
        page.warm_up(name)
    page.warm_up("bestaat-niet")  # a name from the page: ignored
    assert json.dumps(remembered, sort_keys=True) == before
    assert page._EXAMPLE_REQUESTS == {name: page.first_requests(name)[-1] for name in CALCULATORS}


def test_warm_up_also_works_without_the_memory(monkeypatch):
    # A plain start has no memory: the example's request is made on first use.
    monkeypatch.setattr(page, "_FIRST_ANSWERS", {})
    monkeypatch.setattr(page, "_EXAMPLE_REQUESTS", {})
    page.warm_up("ingroeipad")
    assert page._EXAMPLE_REQUESTS == {"ingroeipad": page.first_requests("ingroeipad")[-1]}
    assert page._FIRST_ANSWERS == {}
