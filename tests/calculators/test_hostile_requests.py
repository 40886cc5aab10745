"""Hostile request *text* against the JSON entry point: sizes, nesting, escapes, lone
surrogates, huge numbers and values that Python would print in its own notation.

Every request must be answered (quickly: the browser waits for it) with JSON that is valid
UTF-8, and every message must be Dutch without Python's ``None``, ``True``, ``nan`` or
``Decimal('…')``. ``test_hostile_inputs.py`` covers bad values inside valid scenarios.
"""

from __future__ import annotations

import copy
import json
import re
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import safejson
from calculators.core.calculator import actions, find
from calculators.core.entry import INTERNAL_ERROR_MESSAGE, calculator_names, handle
from calculators.core.problems import quote
from calculators.core.safejson import MAX_DEPTH, MAX_REQUEST_CHARS

PYTHON_WORDS = re.compile(r"\b(None|True|False|inf|nan|Decimal)\b")
# Quadratic or worse behaviour takes minutes on these sizes; linear takes well under a
# second. The bound is generous so that a slow machine (or Pyodide) does not fail it.
SECONDS = 5.0


def answer(request_text: str | bytes) -> dict:
    """``handle`` within the time bound; its answer must be valid UTF-8 JSON."""
    start = time.perf_counter()
    raw = handle(request_text)
    elapsed = time.perf_counter() - start
    assert elapsed < SECONDS, f"{elapsed:.1f} s"
    response = json.loads(raw.encode("utf-8").decode("utf-8"))
    assert isinstance(response, dict)
    return response


def problems(request_text: str | bytes) -> list[tuple[str, str]]:
    response = answer(request_text)
    assert response["ok"] is False, response
    found = [(e["field"], e["message"]) for e in response["errors"]]
    for _, message in found:
        assert not PYTHON_WORDS.search(message), message
    return found


def request(calculator: str = "verdeelsleutel", **fields) -> str:
    return json.dumps({"calculator": calculator, **fields}, ensure_ascii=False)


def default_scenario(calculator: str = "verdeelsleutel") -> dict:
    return json.loads(handle(request(calculator, action="default")))["scenario"]


# --------------------------------------------------------------------------- size and nesting


@pytest.mark.parametrize("count", [50_000, 2_500_000])  # 100 kB and 5 MB
def test_unterminated_string_of_escaped_quotes_is_answered_quickly(count):
    # The old bracket counter took 49 s on the 100 kB one (a regex retried at every quote).
    assert problems('"' + '\\"' * count) == [
        ("", "De invoer is geen geldige JSON (regel 1, teken 1).")
    ]


def test_escaped_quotes_and_brackets_inside_an_unterminated_string():
    # Inside the string the brackets do not count: the text is invalid, not too deep.
    found = problems('{"title": "' + '\\"[' * 1_000_000)
    assert found == [("", "De invoer is geen geldige JSON (regel 1, teken 11).")]


def test_ten_megabytes_of_opening_brackets_are_too_deep():
    assert problems("[" * MAX_REQUEST_CHARS) == [("", "De invoer is te diep genest om te lezen.")]


def test_one_character_more_is_too_large():
    found = problems("[" * (MAX_REQUEST_CHARS + 1))
    assert found == [("", "De invoer is te groot (meer dan 10 miljoen tekens).")]


@pytest.mark.parametrize(
    "text",
    [
        '"' + "\\" * (MAX_REQUEST_CHARS - 1),  # unterminated, ends in a lone backslash
        '"' + "\\" * (MAX_REQUEST_CHARS - 3) + '"',  # an odd number: the last " is escaped
        "\\" * MAX_REQUEST_CHARS,  # backslashes outside any string
        '{"calculator": "' + "x" * 5_000_000,  # an unterminated long string
        '{"calculator": "' + "[" * 5_000_000,  # ... full of brackets
        '"' * 5_000_001,  # quotes only: strings that never end
    ],
    ids=["backslashes", "escaped last quote", "bare backslashes", "long", "brackets", "quotes"],
)
def test_backslashes_and_unterminated_strings_are_invalid_json(text):
    [(field, message)] = problems(text)
    assert field == "" and message.startswith("De invoer is geen geldige JSON (regel 1, teken ")


def test_valid_string_of_escaped_backslashes_is_read():
    # Two million escaped backslashes are one valid (long) string: not too deep, not hanging.
    text = '{"calculator": "' + "\\\\" * 2_000_000 + '", "action": "default"}'
    [(field, message)] = problems(text)
    assert field == "calculator" and message.startswith("De rekenhulp ‘\\\\\\\\")


def test_nesting_up_to_the_limit_is_read_and_one_more_is_refused():
    inner = '{"calculator": "verdeelsleutel", "action": "default", "x": 0}'
    deepest = "[" * (MAX_DEPTH - 1) + inner + "]" * (MAX_DEPTH - 1)
    assert problems(deepest)[0][1].startswith("De invoer moet een JSON-object zijn")
    assert problems("[" + deepest + "]") == [("", "De invoer is te diep genest om te lezen.")]
    # Brackets inside strings, also after escaped quotes and backslashes, do not count.
    text = '{"a": "\\\\\\"' + "[" * 1000 + '", "b": "\\\\", "calculator": "x' + "{" * 99 + '"}'
    assert problems(text)[0][0] == "calculator"


def reference_depth(text: str) -> int:
    """The bracket count as a plain state machine: in a string or not, escape, depth."""
    depth = deepest = 0
    in_string = False
    i = 0
    while i < len(text):
        if text[i] == "\\" and text[i + 1 : i + 2] in ("\\", '"'):
            i += 2
            continue
        if text[i] == '"':
            in_string = not in_string
        elif not in_string and text[i] in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif not in_string and text[i] in "]}":
            depth -= 1
        i += 1
    return deepest


def depth_of(text: str) -> int:
    return safejson._nesting_depth(safejson._blank_escapes(text))


BRACKET_TEXT = st.lists(
    st.sampled_from(["[", "]", "{", "}", '"', "\\", "a", "[]", "[[]]", "[[[]]]"])
    | st.builds(lambda n: "[" * n, st.integers(0, 150))
    | st.builds(lambda n: "]" * n, st.integers(0, 150))
    | st.builds(lambda n, m: ("[" * n + "]" * n) * m, st.integers(1, 12), st.integers(1, 40)),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, database=None)
@given(text=BRACKET_TEXT)
def test_nesting_depth_equals_the_state_machine(text):
    assert depth_of(text) == reference_depth(text)


JSON_TREES = st.recursive(
    st.none() | st.text(alphabet='[]{}"\\ab', max_size=8) | st.integers(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(alphabet='[]{}"\\ab', max_size=4), children, max_size=4)
    ),
    max_leaves=40,
)


@settings(max_examples=200, deadline=None, database=None)
@given(tree=JSON_TREES, cut=st.integers(min_value=0))
def test_nesting_depth_of_json_and_of_json_cut_short(tree, cut):
    text = json.dumps(tree)
    assert depth_of(text) == reference_depth(text)
    cut_short = text[: cut % (len(text) + 1)]  # as when a file is truncated
    assert depth_of(cut_short) == reference_depth(cut_short)


# --------------------------------------------------------------------------- lone surrogates

INVALID_CHARACTER = (
    "",
    "De invoer bevat een ongeldig teken, bijvoorbeeld de helft van een emoji. Haal dat teken "
    "weg of typ de tekst opnieuw.",
)


@pytest.mark.parametrize(
    "title",
    [
        "G\\ud800",  # high half, escaped
        "G\\udc00",  # low half, escaped
        "\\ud83d\\ud83d\\ude00",  # a whole emoji after a lone high half
        "\\ud83d\\\\\\ude00",  # the escaped backslash keeps the halves apart
        "G\ud800",  # written out (a Python str, as Pyodide may pass it)
    ],
)
def test_lone_surrogate_is_an_invalid_character(title):
    scenario = json.dumps(default_scenario())
    text = request(action="compute", scenario="@").replace('"@"', scenario)
    text = text.replace('"title": "', '"title": "' + title, 1)
    assert problems(text) == [INVALID_CHARACTER]


def test_lone_surrogate_in_a_name_key_or_csv_text():
    scenario = default_scenario()
    text = json.dumps(request(action="compute", scenario=scenario))
    name = scenario["municipalities"][0]["name"]
    assert problems(json.loads(text).replace(name, name + "\\udfff", 1)) == [INVALID_CHARACTER]
    assert problems('{"\\ud800": 1}') == [INVALID_CHARACTER]
    csv = request(action="import_csv", scenario=scenario, text="Gemeente;Inwoners\nX\\udc00;5\n")
    assert problems(csv.replace("\\\\udc00", "\\udc00")) == [INVALID_CHARACTER]


def test_whole_emoji_and_look_alikes_are_fine():
    scenario = default_scenario()
    scenario["title"] = "@"
    text = request(action="compute", scenario=scenario)
    # An escaped emoji (as json.dumps writes it), a written one, and a backslash + "ud800".
    title = "\\ud83d\\ude00 😀 \\\\ud800"
    response = answer(text.replace('"@"', f'"{title}"'))
    assert response["ok"] is True, response
    assert response["scenario"]["title"] == "😀 😀 \\ud800"


# --------------------------------------------------------------------------- huge numbers

FIVE_THOUSAND_DIGITS = "9" * 5000


@pytest.mark.parametrize(
    ("path", "literal"),
    [
        ("amount", FIVE_THOUSAND_DIGITS),
        ("amount", "-" + FIVE_THOUSAND_DIGITS),
        ("municipalities[0].values.inwoners", FIVE_THOUSAND_DIGITS),
        ("amount", "1e99999999999999999999"),  # beyond what Decimal can hold
        ("amount", "1E+999999999999999999"),
    ],
    ids=["digits", "negative digits", "inhabitants", "exponent", "largest exponent"],
)
def test_huge_json_number_is_too_large_at_its_field(path, literal):
    scenario = default_scenario()
    target = scenario
    keys = [int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", path)]
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = "@"
    text = request(action="compute", scenario=scenario).replace('"@"', literal)
    found = dict(problems(text))
    assert path in found, found
    assert "te groot: een getal met heel veel cijfers" in found[path]


def test_huge_numbers_elsewhere_are_answered_in_dutch():
    for literal in (FIVE_THOUSAND_DIGITS, "1e99999999999999999999", "-1e-99999999999999999999"):
        for field in ("version", "title", "municipalities"):
            scenario = default_scenario()
            scenario[field] = "@"
            text = request(action="compute", scenario=scenario).replace('"@"', literal)
            assert problems(text), (field, literal)


# --------------------------------------------------------------------------- Python notation

JUNK = {
    "null": None,
    "true": True,
    "false": False,
    "NaN": float("nan"),
    "Infinity": float("inf"),
    "-Infinity": float("-inf"),
    "1e400": Decimal("1e400"),
    "1.5e-300": Decimal("1.5e-300"),
    FIVE_THOUSAND_DIGITS: int,
    "[1, null]": [1, None],
    '{"a": true}': {"a": True},
}


def paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value[:2]):
            yield from paths(child, (*path, i))


def with_placeholder(scenario: dict, path: tuple) -> dict:
    target = scenario
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "@"
    return scenario


def assert_no_python_words(response: dict) -> int:
    for error in response.get("errors", []):
        assert not PYTHON_WORDS.search(error["message"]), error
        assert error["message"] != INTERNAL_ERROR_MESSAGE, error
    return len(response.get("errors", []))


@pytest.mark.parametrize("calculator", calculator_names())
def test_no_message_shows_python_notation_for_any_scenario_value(calculator):
    base = default_scenario(calculator)
    seen = 0
    for path in paths(base):
        if path:
            scenario = with_placeholder(copy.deepcopy(base), path)
            text = request(calculator, action="compute", scenario=scenario)
            for literal in JUNK:
                seen += assert_no_python_words(answer(text.replace('"@"', literal)))
    assert seen > 100


@pytest.mark.parametrize("calculator", [*calculator_names(), "onbekend"])
def test_no_message_shows_python_notation_for_any_request_field(calculator):
    declaration = find(calculator)
    names = actions(declaration) if declaration is not None else {"compute": None}
    fields = {"calculator", "action", "scenario", "text", "mode", "convention", "region"}
    for action in [*names, "bogus"]:
        for field in sorted(fields):
            fields_of_request = {"calculator": calculator, "action": action, field: "@"}
            text = json.dumps(fields_of_request)
            for literal in JUNK:
                assert_no_python_words(answer(text.replace('"@"', literal)))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "leeg"),
        (True, "‘true’"),
        (False, "‘false’"),
        (float("nan"), "‘NaN’"),
        (float("inf"), "‘Infinity’"),
        (float("-inf"), "‘-Infinity’"),
        (Decimal("NaN"), "‘NaN’"),
        (Decimal("-Infinity"), "‘-Infinity’"),
        (Decimal("1234.50"), "‘1234,5’"),
        (Decimal("-2.5E+3"), "‘-2500’"),
        (Decimal("0E-999999"), "‘0’"),
        (Decimal("1E+99999999"), "een getal met heel veel cijfers"),
        (Decimal("1E-99999999"), "een getal met heel veel cijfers"),
        (0.1, "‘0,1’"),
        (42, "‘42’"),
        pytest.param(10**5000, "een getal met heel veel cijfers", id="5000 digits"),
        ([1, 2], "een lijst"),
        ((1, 2), "een lijst"),
        ({"a": 1}, "een object"),
        ("Venlo", "‘Venlo’"),
        ("a\nb", "‘a b’"),
        ("x" * 50, "‘" + "x" * 39 + "…’"),
    ],
)
def test_quote_shows_values_as_typed_in_json(value, shown):
    assert quote(value) == shown
