"""The worker's form of the page's answer (calculators.render.page.handle_page with
sections=True): the result's HTML in keyed sections, one top-level element each, that join
to the usual HTML; where the time went; nothing the page does not read."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from calculators.core.entry import handle
from calculators.render.page import calculator_block, handle_page, split_sections

CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


def default_scenario(calculator: str) -> dict:
    request = {"calculator": calculator, "action": "default"}
    scenario: dict = json.loads(handle(json.dumps(request)))["scenario"]
    return scenario


def answer(calculator: str, scenario: dict, highlight=None, sections: object = True) -> dict:
    request = {"calculator": calculator, "action": "compute", "scenario": scenario}
    response: dict = json.loads(handle_page(json.dumps(request), highlight, sections))
    return response


class TopLevel(HTMLParser):
    """Counts the top-level elements and any text beside them, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.elements = 0
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.elements += 1
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            self.elements += 1

    def handle_endtag(self, tag):
        self.depth -= 1

    def handle_data(self, data):
        if self.depth == 0:
            self.text += data


def top_level(html: str) -> TopLevel:
    parser = TopLevel()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_sections_join_to_the_html_one_element_each(calculator):
    scenario = default_scenario(calculator)
    whole = answer(calculator, scenario, sections=False)
    split = answer(calculator, scenario)
    assert "html" not in split and "result" not in split
    assert "".join(html for _, html in split["sections"]) == whole["html"]
    keys = [key for key, _ in split["sections"]]
    assert len(keys) == len(set(keys)) >= 3
    for _, html in split["sections"]:
        found = top_level(html)
        assert (found.elements, found.text, found.depth) == (1, "", 0), html[:80]
    assert split["scenario"] == whole["scenario"]
    assert split["warnings"] == whole["warnings"]


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_the_example_on_the_page_carries_the_digest_of_the_first_answer(calculator):
    """The page keeps the example it shows when the worker's answer has the digest the build
    stamped on it (rekenhulp.js, adoptStatic): equal for the example, different otherwise."""
    block = calculator_block(calculator)
    stamped = re.search(
        r'<section class="rekenhulp-uitkomst"[^>]* data-uitkomst="([0-9a-f]{32})">', block
    )
    assert stamped
    scenario = default_scenario(calculator)
    first = answer(calculator, scenario)
    joined = "".join(html for _, html in first["sections"])
    assert block.endswith(joined + "</section></div>")
    assert first["digest"] == stamped[1] == hashlib.sha256(joined.encode()).hexdigest()[:32]
    name = scenario["municipalities"][0]["name"]
    assert answer(calculator, scenario, highlight=name)["digest"] != stamped[1]
    edited = copy.deepcopy(scenario)
    edited["title"] = "Een andere titel"
    assert answer(calculator, edited)["digest"] != stamped[1]


@pytest.mark.parametrize("calculator", CALCULATORS)
def test_the_answer_says_where_the_time_went(calculator):
    timings = answer(calculator, default_scenario(calculator))["timings"]
    assert set(timings) == {"compute", "render"}
    assert all(isinstance(v, float) and v >= 0 for v in timings.values())


def test_without_sections_the_answer_is_as_before():
    response = answer("verdeelsleutel", default_scenario("verdeelsleutel"), sections=False)
    assert {"html", "result", "scenario"} <= set(response)
    assert "sections" not in response and "timings" not in response
    # Only True asks for sections: a truthy value from elsewhere does not.
    assert "html" in answer("verdeelsleutel", default_scenario("verdeelsleutel"), sections=1)


def test_input_errors_come_as_before():
    scenario = {**default_scenario("verdeelsleutel"), "amount": "veel"}
    response = answer("verdeelsleutel", scenario)
    assert response["ok"] is False and response["errors"][0]["field"] == "amount"
    assert not {"html", "sections", "result"} & set(response)


def test_an_edit_leaves_the_sections_it_does_not_touch_as_they_were():
    scenario = default_scenario("verdeelsleutel")
    edited = copy.deepcopy(scenario)
    edited["amount"] = "-250.000"
    before = dict(answer("verdeelsleutel", scenario)["sections"])
    after = dict(answer("verdeelsleutel", edited)["sections"])
    assert list(before) == list(after)
    same = [key for key in before if before[key] == after[key]]
    assert "p.rekenhulp-titel:0" in same
    assert 0 < len(same) < len(before)


def test_keys_name_the_element_and_survive_one_coming_before():
    html = (
        '<p class="a b">1</p><div id="kaart"><div><p>x</p></div></div>'
        '<div class="wrap"><table><tr><td>1</td></tr></table></div><div class="wrap">2</div>'
    )
    assert split_sections(html) == [
        ["p.a:0", '<p class="a b">1</p>'],
        ["kaart", '<div id="kaart"><div><p>x</p></div></div>'],
        ["div.wrap:0", '<div class="wrap"><table><tr><td>1</td></tr></table></div>'],
        ["div.wrap:1", '<div class="wrap">2</div>'],
    ]
    warned = '<div class="admonition note">Let op</div>' + html
    keys = [key for key, _ in split_sections(warned) or []]
    assert keys == ["div.admonition:0", "p.a:0", "kaart", "div.wrap:0", "div.wrap:1"]


def test_void_self_closed_and_nested_elements():
    html = (
        '<hr><p>a<br>b</p><svg viewBox="0 0 1 1"><path d="M0 0"/><g><g/></g></svg>'
        "<svg><svg/><svg></svg></svg><svg/>"
    )
    assert [piece for _, piece in split_sections(html) or []] == [
        "<hr>",
        "<p>a<br>b</p>",
        '<svg viewBox="0 0 1 1"><path d="M0 0"/><g><g/></g></svg>',
        "<svg><svg/><svg></svg></svg>",
        "<svg/>",
    ]
    # <p> is not counted inside <path>, <pattern> or <polygon>.
    html = "<p>x</p><svg><pattern></pattern><polygon/></svg>"
    assert len(split_sections(html) or []) == 2


@pytest.mark.parametrize(
    "html",
    [
        "text",
        "<p>a</p> ",
        "<p>a</p>text",
        "<p>a",
        "<div><div>a</div>",
        "<!-- c --><p>a</p>",
        "<p>a</P>",
        "<p/><p>a</p>",
    ],
)
def test_what_is_not_a_row_of_elements_is_not_split(html):
    assert split_sections(html) is None


def test_empty_html_has_no_sections():
    assert split_sections("") == []
