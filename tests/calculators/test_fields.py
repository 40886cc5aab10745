"""One declaration per input: a field added to a scenario dataclass appears in the parser, the
form, ``to_json``, the example and the format table without further edits; and every message
about an input quotes the label the form shows, for every input of every calculator."""

from __future__ import annotations

import json
import types
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

import pytest

from calculators.core import fields
from calculators.core.calculator import Calculator, actions, calculator_names, find
from calculators.core.entry import handle
from calculators.core.problems import InputError, Problems


@dataclass(frozen=True, slots=True)
class Scenario:
    """A fixture calculator's scenario: three inputs and a cross-field rule."""

    VERSION: ClassVar[int] = 3

    title: str = fields.title("Proef")
    mode: str = fields.choice("Soort", {"a": "eerste soort", "b": "tweede soort"}, default="a")
    size: int | None = fields.number(
        "Grootte", integer=True, maximum=10, group="Maat", when=("mode", "b"), example="4"
    )

    def check(self, p: Problems) -> None:
        if self.mode == "b" and self.size == 7:
            p.add("size", "Zeven kan niet bij de tweede soort.")


@dataclass(frozen=True, slots=True)
class Extended(Scenario):
    """The same scenario with one field added, and nothing else edited."""

    weight: Decimal = fields.number("Gewicht in kilo", decimals=1, maximum=500, example="2,5")


def errors(cls: type, data: dict) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as caught:
        fields.parse(cls, data)
    return [(p.field, p.message) for p in caught.value.problems]


def form_labels(controls: list) -> list[str]:
    found = []
    for control in controls:
        found += [control[k] for k in ("label", "legend", "caption") if k in control]
        found += form_labels(control.get("controls", []))
        found += [c["label"] for c in control.get("columns", [])]
        found += [o["label"] for o in control.get("options", [])]
    return found


def test_fixture_scenario_parses_with_its_rules():
    parsed = fields.parse(Scenario, {"mode": "b", "size": "4"})
    assert (parsed.title, parsed.mode, parsed.size) == ("", "b", 4)
    # Not needed while mode is "a": not read, and left empty when saved.
    assert fields.parse(Scenario, {"mode": "a", "size": "veel"}).size is None
    assert fields.to_json(fields.parse(Scenario, {"size": "veel"}))["size"] == ""
    assert errors(Scenario, {"mode": "b", "size": "7"}) == [
        ("size", "Zeven kan niet bij de tweede soort.")
    ]
    assert errors(Scenario, {"mode": "b", "size": "11"})[0][0] == "size"
    (unknown,) = errors(Scenario, {"sise": "4"})
    assert unknown[0] == "sise" and "Bedoelt u ‘size’?" in unknown[1]
    assert errors(Scenario, {"version": 1})[0][1].startswith("Versie ‘1’")


def test_an_added_field_is_found_everywhere_without_further_edits():
    before, after = fields.inputs(Scenario), fields.inputs(Extended)
    assert list(after) == [*before, "weight"]
    # Parser: read, typed, and checked with a message at the field quoting its label.
    parsed = fields.parse(Extended, {"weight": "2,5"})
    assert parsed.weight == Decimal("2.5")
    assert errors(Extended, {"weight": "zwaar"}) == [
        ("weight", "Vul bij ‘Gewicht in kilo’ een getal in; ‘zwaar’ is geen getal.")
    ]
    assert errors(Extended, {"weight": "2,55"})[0][0] == "weight"
    # Unknown-field check: the old scenario class refuses it, the new one knows it.
    assert errors(Scenario, {"weight": "2"})[0][0] == "weight"
    # to_json and the example scenario.
    assert fields.to_json(parsed)["weight"] == "2,5"
    assert fields.example(Extended)["weight"] == "2,5"
    assert "weight" not in fields.example(Scenario)
    # Form: an input with its label, after the others.
    form = fields.form(Extended)
    assert form[-1] == {"kind": "input", "path": "weight", "label": "Gewicht in kilo", "hint": ""}
    assert form[:-1] == fields.form(Scenario)
    # Format table: a row with the bounds.
    row = fields.format_rows(Extended)[-1]
    assert row[0] == "weight" and "500" in row[2] and "1 cijfers achter de komma" in row[2]


def test_a_package_with_a_scenario_is_a_calculator():
    module = types.ModuleType("calculators.proef")
    module.Scenario = Extended
    module.compute = lambda s: {"result": {"double": str(s.weight * 2)}, "warnings": []}
    module.render = lambda result, scenario: f"<p>{result['double']}</p>"
    module.export = lambda s: (["gewicht"], [[s.weight]])
    calc = Calculator.from_package(module)
    assert (calc.name, calc.title, calc.version) == ("proef", "Proef", 3)
    run = actions(calc)
    default = run["default"].run({})["scenario"]
    assert default == {
        "calculator": "proef", "version": 3, "title": "Proef", "mode": "a", "size": "4",
        "weight": "2,5",
    }  # fmt: skip
    computed = run["compute"].run({"scenario": {"weight": "1,5", "mode": "b", "size": "2"}})
    assert computed["result"] == {"double": "3.0"}
    assert computed["scenario"]["size"] == "2"
    described = run["describe"].run({})
    assert set(described) == {"title", "form", "regions"}
    assert "Gewicht in kilo" in form_labels(described["form"])


def test_inputs_that_wait_for_each_other_are_a_programming_error():
    @dataclass(frozen=True)
    class Circular:
        VERSION: ClassVar[int] = 1
        a: int = fields.number("A", needs=("b",))
        b: int = fields.number("B", needs=("a",))

    with pytest.raises(TypeError, match="wait for each other"):
        fields.parse(Circular, {})


# ---- every input of every calculator --------------------------------------------------------


def scalar_inputs(cls: type, prefix: tuple[str, ...] = ()):
    """(path parts, Input) of every input drawn as a text box or a select, nested too."""
    for name, spec in fields.inputs(cls).items():
        if spec.controls is None or spec.json_type is not None:
            continue
        yield (*prefix, name), spec


def nested_classes(cls: type):
    """Dataclasses declared through ``fields.nested``, with the field that holds them."""
    for name, spec in fields.inputs(cls).items():
        if spec.inner is not None:
            yield name, spec.inner


def every_scalar_input(cls: type):
    yield from scalar_inputs(cls)
    for name, inner in nested_classes(cls):
        yield from scalar_inputs(inner, (name,))


def bad_value(spec: fields.Input) -> object:
    control = spec.controls("x", spec, [])[0][2]
    return "onbekende-keuze" if control["kind"] == "select" else ["geen", "tekst"]


CASES = [
    pytest.param(name, path, id=f"{name}:{'.'.join(path)}")
    for name in calculator_names()
    for path, _ in every_scalar_input(find(name).scenario)
]


def test_every_calculator_has_scalar_inputs_to_check():
    assert {c.values[0] for c in CASES} == set(calculator_names())
    assert len(CASES) >= 20


@pytest.mark.parametrize(("name", "path"), CASES)
def test_a_problem_names_the_input_as_the_form_shows_it(name, path):
    calc = find(name)
    scenario = calc.default_scenario(calc.default_region)
    specs = dict(every_scalar_input(calc.scenario))
    spec = specs[path]
    holder = scenario
    for part in path[:-1]:
        if holder.get(part) is None:  # an optional object that is off: switch it on
            holder[part] = fields.example(dict(nested_classes(calc.scenario))[part])
        holder = holder[part]
    if spec.when:
        holder[spec.when[0]] = spec.when[1]
    holder[path[-1]] = bad_value(spec)
    request = {"calculator": name, "action": "compute", "scenario": scenario}
    response = json.loads(handle(json.dumps(request)))
    field = ".".join(path)
    messages = [e["message"] for e in response.get("errors", []) if e["field"] == field]
    assert messages, response
    assert f"‘{spec.label}’" in messages[0]
    assert spec.label in form_labels(calc.form())


#: Quoted texts in messages that are not form labels on purpose.
NOT_LABELS = {
    "csv utf-8",  # Excel's name for a save format
    "10; 25; 50; 75; 100",  # an example of what to type
    "let op",  # the title of the warnings box
    "gegevens importeren",  # the page's import section (rekenhulp-scenario.js), not an input
}


def test_every_label_written_in_a_message_is_one_the_form_shows():
    # Messages built in compute or check name inputs by hand; a renamed label must not leave
    # an old one behind there (the "more than 100 years" message once did).
    import re
    from pathlib import Path

    import calculators

    shown = {label.casefold() for n in calculator_names() for label in form_labels(find(n).form())}
    written = {
        (path.name, quoted)
        for path in Path(calculators.__file__).parent.rglob("*.py")
        for quoted in re.findall(r"‘([^’{}]+)’", path.read_text(encoding="utf-8"))
        # Field names and codes (‘municipalities’, ‘inwoners_18plus’) are not labels.
        if not re.fullmatch(r"[a-z0-9_.\-]+", quoted)
    }
    strange = {(f, q) for f, q in written if q.casefold() not in shown | NOT_LABELS}
    assert not strange, strange
