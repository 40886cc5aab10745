"""Hostile input against the JSON entry point, as the browser worker and the CLI call it.

A catalogue of bad inputs (types, signs, sizes, empty, duplicates, unknown names, malformed
and oddly encoded CSV, NaN/Infinity, huge data): each must come back as a Dutch message at
the right field, with no traceback and no result. Markup in names must come out inert in the
rendered HTML. A fuzz test feeds arbitrary JSON to every calculator action.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.core.entry import calculator_names, handle
from calculators.verdeelsleutel.render import render_result

CALC = "verdeelsleutel"
DUTCH_WORDS = re.compile(
    r"\b(de|het|een|is|niet|moet|mag|van|bij|geen|vul|voeg|staat|kan|getal|veld|bijvoorbeeld)\b",
    re.I,
)
LEAKS = re.compile(r"Traceback|Error\b|Exception|File \"|line \d+|NoneType|KeyError", re.I)


def request(**fields) -> dict:
    return json.loads(handle(json.dumps({"calculator": CALC, **fields})))


def default_scenario() -> dict:
    return request(action="default")["scenario"]


def with_change(path: str, value) -> dict:
    """The default scenario with the value at a dotted/indexed path replaced (or removed)."""
    scenario = default_scenario()
    keys = [int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", path)]
    target = scenario
    for key in keys[:-1]:
        target = target[key]
    if value is REMOVE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return scenario


REMOVE = object()
ROW = "municipalities[5]"  # Venlo in the default scenario

# (description, scenario path, new value, field the message must be attached to)
SCENARIO_CASES = [
    ("text for a number", f"{ROW}.values.inwoners", "veel", f"{ROW}.values.inwoners"),
    ("negative inhabitants", f"{ROW}.values.inwoners", "-5", f"{ROW}.values.inwoners"),
    ("zero inhabitants", f"{ROW}.values.inwoners", "0", f"{ROW}.values.inwoners"),
    ("negative usage", f"{ROW}.values.gebruik", -1, f"{ROW}.values.gebruik"),
    ("boolean as number", f"{ROW}.values.gebruik", True, f"{ROW}.values.gebruik"),
    ("list as number", f"{ROW}.values.gebruik", [1], f"{ROW}.values.gebruik"),
    ("object as number", f"{ROW}.values.gebruik", {"a": 1}, f"{ROW}.values.gebruik"),
    ("NaN text", f"{ROW}.values.gebruik", "NaN", f"{ROW}.values.gebruik"),
    ("Infinity text", f"{ROW}.values.gebruik", "Infinity", f"{ROW}.values.gebruik"),
    ("-inf text", f"{ROW}.values.inleg", "-inf", f"{ROW}.values.inleg"),
    ("exponent notation", f"{ROW}.values.inleg", "1e400", f"{ROW}.values.inleg"),
    ("absurd inhabitants", f"{ROW}.values.inwoners", "999999999999", f"{ROW}.values.inwoners"),
    ("two decimal marks", f"{ROW}.values.gebruik", "1,2,3", f"{ROW}.values.gebruik"),
    ("bad thousands grouping", f"{ROW}.values.inwoners", "1.23.4,5", f"{ROW}.values.inwoners"),
    ("empty weighted value", f"{ROW}.values.gebruik", "", f"{ROW}.values.gebruik"),
    ("replacement character", f"{ROW}.values.gebruik", "1\ufffd0", f"{ROW}.values.gebruik"),
    ("empty name", f"{ROW}.name", "  ", f"{ROW}.name"),
    ("name not text", f"{ROW}.name", 42, f"{ROW}.name"),
    ("overlong name", f"{ROW}.name", "x" * 500, f"{ROW}.name"),
    ("formula as name", f"{ROW}.name", "=HYPERLINK(1)", f"{ROW}.name"),
    ("duplicate name", f"{ROW}.name", "beesel", f"{ROW}.name"),
    ("unknown criterion value", f"{ROW}.values.gebruk", "1", f"{ROW}.values.gebruk"),
    ("empty municipality list", "municipalities", [], "municipalities"),
    ("municipalities not a list", "municipalities", "Venlo", "municipalities"),
    ("amount text", "amount", "een miljoen", "amount"),
    ("amount with fractions of cents", "amount", "10,001", "amount"),
    ("absurd amount", "amount", "1" + "0" * 20, "amount"),
    ("amount NaN", "amount", "nan", "amount"),
    ("weights not 100", "key.weights.gebruik", "70", "key.weights"),
    ("negative weight", "key.weights.gebruik", "-75", "key.weights.gebruik"),
    ("weight above 100", "key.weights.gebruik", "175", "key.weights.gebruik"),
    ("weight for unknown criterion", "key.weights.onbekend", "0", "key.weights.onbekend"),
    ("unknown preset", "key.preset", "geheim", "key.preset"),
    ("negative threshold", "threshold_per_inhabitant", "-15", "threshold_per_inhabitant"),
    ("unknown top-level field", "extra", 1, "extra"),
    ("wrong version", "version", 2, "version"),
    ("wrong calculator", "calculator", "spreiding", "calculator"),
    ("missing criteria", "criteria", REMOVE, "criteria"),
    ("duplicate criterion id", "criteria[1].id", "inwoners", "criteria[1].id"),
    ("bad criterion id", "criteria[1].id", "Inwoners 18+", "criteria[1].id"),
    ("unknown inhabitants criterion", "inhabitants_criterion", "mensen", "inhabitants_criterion"),
]

# CSV pasted or uploaded for import: (description, text, phrase expected in the message)
CSV_CASES = [
    ("empty text", "", None),
    ("header only", "Gemeente;Inwoners\n", None),
    ("unknown column", "Gemeente;Honden\nVenlo;5\n", None),
    ("unknown municipality in update mode", "Gemeente;Inwoners\nAtlantis;5\n", "Atlantis"),
    ("ragged row", "Gemeente;Inwoners;Gebruik\nVenlo;5\n", None),
    ("text in a number column", "Gemeente;Inwoners\nVenlo;veel\n", "veel"),
    ("negative count", "Gemeente;Inwoners\nVenlo;-5\n", None),
    ("NaN in CSV", "Gemeente;Inwoners\nVenlo;NaN\n", None),
    ("duplicate rows", "Gemeente;Inwoners\nVenlo;5\nVenlo;6\n", "Venlo"),
    ("mojibake from a wrong encoding", "Gemeente;Inwoners\nVenlo;1\u00c3\u00a900\n", None),
    ("binary junk", "\x00\x01\x02\x03", None),
    ("huge file", "Gemeente;Inwoners\n" + "Venlo;1\n" * 400_000, None),
]

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "<iframe src=javascript:alert(1)>",
    "<a href='javascript:alert(1)'>klik</a>",
    "</caption><script>alert(1)</script>",
    "<style>*{display:none}</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "<details open ontoggle=alert(1)>",
    "</text><script>alert(1)</script><text>",
]


def assert_dutch_problem(response: dict, field: str | None = None) -> None:
    assert response["ok"] is False, response
    assert "result" not in response and "html" not in response
    assert response["errors"], response
    for error in response["errors"]:
        assert isinstance(error["field"], str) and isinstance(error["message"], str)
        assert DUTCH_WORDS.search(error["message"]), error
        assert not LEAKS.search(error["message"]), error
    if field is not None:
        assert field in [e["field"] for e in response["errors"]], response["errors"]


def test_the_catalogue_is_big_enough():
    assert len(SCENARIO_CASES) + len(CSV_CASES) >= 40
    assert len(XSS_PAYLOADS) >= 10


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [case[1:] for case in SCENARIO_CASES],
    ids=[case[0] for case in SCENARIO_CASES],
)
def test_bad_scenario_value_gets_a_dutch_message_at_its_field(path, value, field):
    response = request(action="compute", scenario=with_change(path, value))
    assert_dutch_problem(response, field)


@pytest.mark.parametrize(
    ("text", "phrase"), [case[1:] for case in CSV_CASES], ids=[case[0] for case in CSV_CASES]
)
def test_bad_csv_gets_a_dutch_message(text, phrase):
    response = request(action="import_csv", scenario=default_scenario(), text=text, mode="update")
    assert_dutch_problem(response, "csv")
    if phrase:
        assert any(phrase in e["message"] for e in response["errors"]), response["errors"]


@pytest.mark.parametrize("raw", ["", "{", "[]", "null", '"tekst"', "42", '{"action": 5}'])
def test_malformed_requests_are_answered_in_dutch(raw):
    response = json.loads(handle(raw))
    assert_dutch_problem(response)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markup_in_names_and_labels_is_rendered_inert(payload):
    scenario = default_scenario()
    scenario["municipalities"][0]["name"] = "Beesel " + payload
    scenario["criteria"][2]["label"] = "Gebruik " + payload
    scenario["key"]["label"] = "Sleutel " + payload
    scenario["compare_key"]["label"] = "Vergelijking " + payload
    response = request(action="compute", scenario=scenario)
    assert response["ok"], response
    html = render_result(response["result"])
    # The payload's own markup never survives: every "<" from the input is escaped.
    assert payload not in html
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert not re.search(r"<[^>]*\son\w+\s*=", html)
    assert "&lt;" in html or "&amp;lt;" in html


JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
ACTIONS = ["default", "describe", "compute", "import_csv", "export_csv", "bogus"]


def assert_well_formed(raw_response: str) -> None:
    response = json.loads(raw_response)
    assert isinstance(response, dict) and isinstance(response["ok"], bool)
    if not response["ok"]:
        assert response["errors"]
        for error in response["errors"]:
            assert isinstance(error["message"], str) and error["message"]
            assert not LEAKS.search(error["message"]), error


@settings(max_examples=100, deadline=None, database=None)
@given(
    calculator=st.sampled_from([*calculator_names(), "onbekend"]),
    action=st.sampled_from(ACTIONS),
    payload=JSON_VALUES,
    text=st.text(max_size=200),
)
def test_fuzz_entry_point_never_raises(calculator, action, payload, text):
    request_json = json.dumps(
        {"calculator": calculator, "action": action, "scenario": payload, "text": text}
    )
    assert_well_formed(handle(request_json))


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data(), junk=JSON_VALUES)
def test_fuzz_one_field_of_a_valid_scenario(data, junk):
    scenario = default_scenario()
    # Walk to a random place in the valid scenario and replace it with junk.
    target, key = scenario, None
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        node = target if key is None else target[key]
        if isinstance(node, dict) and node:
            target, key = node, data.draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            target, key = node, data.draw(st.integers(min_value=0, max_value=len(node) - 1))
        else:
            break
    if key is not None:
        target[key] = copy.deepcopy(junk)
    for action in ("compute", "export_csv"):
        assert_well_formed(
            handle(json.dumps({"calculator": CALC, "action": action, "scenario": scenario}))
        )
