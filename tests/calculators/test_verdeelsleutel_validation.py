"""Every kind of bad scenario gives a specific field and a Dutch message; all are collected."""

from __future__ import annotations

import pytest

from calculators.core import fields
from calculators.core.problems import InputError
from calculators.verdeelsleutel import Scenario


def problems_of(scenario) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as info:
        fields.parse(Scenario, scenario)
    return [(p.field, p.message) for p in info.value.problems]


def set_value(name, criterion, value):
    def change(s):
        row = next(m for m in s["municipalities"] if m["name"] == name)
        row["values"][criterion] = value

    return change


def setter(path, value):
    def change(s):
        target = s
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def deleter(path):
    def change(s):
        target = s
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


CASES = [
    # (id, change, expected field, phrase in the Dutch message)
    (
        "text where a number belongs",
        set_value("Venlo", "inwoners", "abc"),
        "municipalities[5].values.inwoners",
        "Vul bij ‘Inwoners’ van Venlo een getal in; ‘abc’ is geen getal.",
    ),
    (
        "negative inhabitants",
        set_value("Beesel", "inwoners", "-13500"),
        "municipalities[0].values.inwoners",
        "mag niet negatief zijn",
    ),
    (
        "zero inhabitants",
        set_value("Bergen", "inwoners", "0"),
        "municipalities[1].values.inwoners",
        "moet groter zijn dan 0",
    ),
    (
        "NaN",
        set_value("Gennep", "gebruik", "NaN"),
        "municipalities[2].values.gebruik",
        "gewoon getal",
    ),
    (
        "Infinity as JSON float",
        set_value("Gennep", "gebruik", float("inf")),
        "municipalities[2].values.gebruik",
        "gewoon getal",
    ),
    (
        "absurd count",
        set_value("Venlo", "inwoners", "200000000"),
        "municipalities[5].values.inwoners",
        "Het hoogste toegestane getal is 100.000.000",
    ),
    (
        "absurd value",
        set_value("Venlo", "inleg", "1e400"),
        "municipalities[5].values.inleg",
        "zonder e-notatie",
    ),
    (
        "missing value that is weighted",
        set_value("Venray", "gebruik", ""),
        "municipalities[6].values.gebruik",
        "het veld is nu leeg",
    ),
    (
        "value for an unknown criterion",
        set_value("Venray", "gebruk", "1"),
        "municipalities[6].values.gebruk",
        "Bedoelt u ‘gebruik’?",
    ),
    (
        "values missing",
        deleter(["municipalities", 3, "values"]),
        "municipalities[3].values",
        "ontbreken de cijfers",
    ),
    # Reported on the second one (Venlo in row 6), naming both rows.
    (
        "duplicate name",
        setter(["municipalities", 4, "name"], " venlo "),
        "municipalities[5].name",
        "‘Venlo’ staat twee keer in de tabel: in rij 5 (‘venlo’) en in rij 6",
    ),
    (
        "empty name",
        setter(["municipalities", 0, "name"], "  "),
        "municipalities[0].name",
        "Vul bij rij 1 de naam van de gemeente in.",
    ),
    (
        "long name",
        setter(["municipalities", 0, "name"], "x" * 81),
        "municipalities[0].name",
        "te lang (81 tekens)",
    ),
    (
        "formula name",
        setter(["municipalities", 0, "name"], "=1+1"),
        "municipalities[0].name",
        "mag niet beginnen met =, +, - of @",
    ),
    (
        "control character",
        setter(["municipalities", 0, "name"], "Bee\tsel"),
        "municipalities[0].name",
        "onzichtbaar teken",
    ),
    (
        "empty table",
        setter(["municipalities"], []),
        "municipalities",
        "De tabel met gemeenten is leeg",
    ),
    (
        "too many municipalities",
        setter(["municipalities"], [{"name": f"G{i}", "values": {}} for i in range(2001)]),
        "municipalities",
        "hoogstens 2.000",
    ),
    (
        "weights not 100",
        setter(["key", "weights", "gebruik"], "65"),
        "key.weights",
        "De gewichten van de sleutel ‘Kandidaat-sleutel 2019’ tellen op tot 90 %; dat moet "
        "precies 100 % zijn.",
    ),
    (
        "weight above 100",
        setter(["compare_key", "weights", "inwoners"], "120"),
        "compare_key.weights.inwoners",
        "Het hoogste toegestane getal is 100",
    ),
    (
        "negative weight",
        setter(["key", "weights", "gebruik"], "-75"),
        "key.weights.gebruik",
        "mag niet negatief zijn",
    ),
    (
        "weight for unknown criterion",
        setter(["key", "weights", "bijstand"], "0"),
        "key.weights.bijstand",
        "maar dat criterium bestaat niet",
    ),
    (
        "weight as text",
        setter(["key", "weights", "gebruik"], "veel"),
        "key.weights.gebruik",
        "‘veel’ is geen getal",
    ),
    (
        "no weights",
        setter(["key", "weights"], {}),
        "key.weights",
        "Vul bij de sleutel ‘Kandidaat-sleutel 2019’ de gewichten in",
    ),
    ("key missing", deleter(["key"]), "key", "Kies de sleutel"),
    (
        "unknown preset",
        setter(["key", "preset"], "kandidaat-2018"),
        "key.preset",
        "De voorinstelling ‘kandidaat-2018’ bij de sleutel bestaat niet",
    ),
    ("unknown key field", setter(["key", "weight"], {}), "key.weight", "Bedoelt u ‘weights’?"),
    (
        "unknown top-level field",
        setter(["amunt"], "5"),
        "amunt",
        "Het veld ‘amunt’ in het scenario kent de rekenhulp niet. Bedoelt u ‘amount’?",
    ),
    (
        "wrong calculator",
        setter(["calculator"], "spreiding"),
        "calculator",
        "voor de rekenhulp ‘spreiding’",
    ),
    (
        "wrong version",
        setter(["version"], 2),
        "version",
        "Versie ‘2’ van het scenario-formaat kent deze rekenhulp niet",
    ),
    (
        "amount missing",
        deleter(["amount"]),
        "amount",
        "Vul bij ‘Te verdelen bedrag in euro’ een getal in; het veld is nu leeg.",
    ),
    (
        "amount with fractions of cents",
        setter(["amount"], "1000,005"),
        "amount",
        "hooguit 2 cijfers achter de komma",
    ),
    (
        "absurd amount",
        setter(["amount"], "-200.000.000.000"),
        "amount",
        "Reken met hooguit 100.000.000.000 (plus of min)",
    ),
    (
        "negative threshold",
        setter(["threshold_per_inhabitant"], "-15"),
        "threshold_per_inhabitant",
        "‘Waarschuw bij een verschil groter dan (euro per inwoner)’ mag niet negatief zijn",
    ),
    (
        "unknown inhabitants criterion",
        setter(["inhabitants_criterion"], "bewoners"),
        "inhabitants_criterion",
        "Kies bij ‘Criterium voor inwoners’",
    ),
    (
        "bad criterion id",
        setter(["criteria", 0, "id"], "Inwoners"),
        "criteria[0].id",
        "mag alleen kleine letters, cijfers en _ bevatten",
    ),
    (
        "duplicate criterion id",
        setter(["criteria", 1, "id"], "inwoners"),
        "criteria[1].id",
        "staat twee keer bij de criteria",
    ),
    (
        "empty criterion label",
        setter(["criteria", 2, "label"], ""),
        "criteria[2].label",
        "Vul de naam (‘label’) van criterium 3 in.",
    ),
    (
        "duplicate criterion label",
        setter(["criteria", 2, "label"], "inwoners"),
        "criteria[2].label",
        "Geef elk criterium een eigen naam",
    ),
    ("no criteria", setter(["criteria"], []), "criteria", "ten minste één criterium"),
    (
        "too many criteria",
        setter(["criteria"], [{"id": f"c{i}", "label": f"C{i}"} for i in range(21)]),
        "criteria",
        "hoogstens 20",
    ),
]


@pytest.mark.parametrize(
    ("change", "field", "phrase"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_problem_kinds(change, field, phrase):
    scenario = fields.example(Scenario)
    change(scenario)
    found = problems_of(scenario)
    assert any(f == field and phrase in m for f, m in found), found


def test_criterion_zero_everywhere():
    scenario = fields.example(Scenario)
    for m in scenario["municipalities"]:
        m["values"]["gebruik"] = "0"
    assert problems_of(scenario) == [
        (
            "key.weights.gebruik",
            "‘Gebruik beschermd wonen (cliënten)’ is bij alle gemeenten 0; zo kan er niet naar "
            "verdeeld worden. Geef ‘Gebruik beschermd wonen (cliënten)’ bij de sleutel "
            "‘Kandidaat-sleutel 2019’ het gewicht 0, of vul de cijfers in.",
        )
    ]


def test_all_problems_are_collected_at_once():
    scenario = fields.example(Scenario)
    scenario["amount"] = "veel"
    scenario["municipalities"][0]["values"]["inwoners"] = "-1"
    scenario["municipalities"][6]["values"]["gebruik"] = "x"
    scenario["key"]["weights"]["gebruik"] = "70"
    found = [f for f, _ in problems_of(scenario)]
    assert found == [
        "amount",
        "key.weights",
        "municipalities[0].values.inwoners",
        "municipalities[6].values.gebruik",
    ]


def test_not_a_scenario():
    assert problems_of([]) == [
        (
            "",
            "De invoer moet een scenario zijn: een JSON-object met velden zoals ‘criteria’, "
            "‘key’ en ‘compare_key’.",
        )
    ]
    found = {f for f, _ in problems_of({})}
    assert found == {"amount", "criteria", "municipalities", "key"}


def test_unweighted_criteria_may_be_empty_and_header_fields_are_optional():
    scenario = fields.example(Scenario)
    del scenario["calculator"], scenario["version"], scenario["title"]
    del scenario["threshold_per_inhabitant"]
    for m in scenario["municipalities"]:
        m["values"]["inleg"] = ""  # weight 0 in both keys
        del m["values"]["zeggenschap"]
    parsed = fields.parse(Scenario, scenario)
    assert parsed.threshold_per_inhabitant == 15
    normal = fields.to_json(parsed)
    assert normal["municipalities"][0]["values"]["inleg"] == ""
    assert normal["municipalities"][0]["values"]["zeggenschap"] == ""
    assert normal["calculator"] == "verdeelsleutel" and normal["version"] == 1


def test_normalised_numbers_are_canonical_dutch_strings():
    scenario = fields.example(Scenario)
    scenario["amount"] = "-1.000.000,50"
    scenario["municipalities"][0]["values"]["inwoners"] = 13500
    scenario["municipalities"][1]["values"]["gebruik"] = "8.5"
    scenario["key"]["weights"] = {"inwoners_18plus": "25 %", "gebruik": "75,0"}
    normal = fields.to_json(fields.parse(Scenario, scenario))
    assert normal["amount"] == "-1000000,5"
    assert normal["municipalities"][0]["values"]["inwoners"] == "13500"
    assert normal["municipalities"][1]["values"]["gebruik"] == "8,5"
    assert normal["key"]["weights"] == {"inwoners_18plus": "25", "gebruik": "75"}
    # Normalising is idempotent.
    assert fields.to_json(fields.parse(Scenario, normal)) == normal
