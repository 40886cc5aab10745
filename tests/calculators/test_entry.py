"""The JSON entry point: every action, and every way a request can be wrong."""

from __future__ import annotations

import json
import types
from decimal import Decimal

import pytest

from calculators.core import entry
from calculators.core.entry import INTERNAL_ERROR_MESSAGE, Action, handle, register
from calculators.core.problems import InputError
from calculators.core.safejson import parse_json

CALC = "verdeelsleutel"


def call(**request) -> dict:
    response = json.loads(handle(json.dumps({"calculator": CALC, **request})))
    assert isinstance(response, dict)
    return response


def default() -> dict:
    return call(action="default")["scenario"]


def errors(response: dict) -> list[tuple[str, str]]:
    assert response["ok"] is False, response
    return [(e["field"], e["message"]) for e in response["errors"]]


# --------------------------------------------------------------------------- actions


def test_default():
    response = call(action="default")
    assert response["ok"] is True and response["calculator"] == CALC
    assert response["scenario"]["calculator"] == CALC and response["scenario"]["version"] == 1
    assert "Voorbeeldcijfers, geen echte cijfers: ‘Inwoners 18+’" in response["notice"]


def test_describe():
    response = call(action="describe")
    assert response["ok"] is True
    # Only what the page reads: the title, the form and the regions.
    assert set(response) == {"ok", "calculator", "title", "form", "regions"}
    key = next(c for c in response["form"] if c["kind"] == "key")
    presets = {p["id"]: p for p in key["presets"]}
    assert list(presets) == ["kandidaat-2019", "criteria-2020", "inwoners-100"]
    assert presets["kandidaat-2019"]["weights"] == {"inwoners_18plus": "25", "gebruik": "75"}
    assert presets["kandidaat-2019"]["decision"] == "bp-2019-09"
    assert presets["kandidaat-2019"]["source"].startswith("Uitvoeringsplan doordecentralisatie")
    assert presets["criteria-2020"]["decision"] == "up-2020-08"
    assert presets["inwoners-100"]["decision"] is None
    assert all(p["label"] and p["explanation"] for p in presets.values())
    assert key["columns_path"] == "criteria"
    criteria = call(action="default")["scenario"]["criteria"]
    assert [c["id"] for c in criteria] == [
        "inwoners",
        "inwoners_18plus",
        "gebruik",
        "inleg",
        "zeggenschap",
    ]


def test_compute(hand_scenario):
    response = call(action="compute", scenario=hand_scenario)
    assert response["ok"] is True
    assert set(response) == {"ok", "calculator", "scenario", "result", "warnings"}
    assert response["result"]["key"]["rows"][0]["cents"] == -4_500_750
    assert response["result"]["compare"]["exceeding"] == ["Gemeente A"]
    assert response["scenario"]["amount"] == "-300000"


def test_compute_reads_json_numbers_exactly(hand_scenario):
    # JSON numbers (not strings) are read as exact decimals, never as binary floats.
    hand_scenario["amount"] = 0.1
    hand_scenario["municipalities"][0]["values"]["inwoners"] = 1000
    response = call(action="compute", scenario=hand_scenario)
    assert response["result"]["amount_cents"] == 10
    assert response["scenario"]["amount"] == "0,1"


def test_compute_with_problems(hand_scenario):
    hand_scenario["municipalities"][2]["values"]["inwoners"] = "abc"
    assert errors(call(action="compute", scenario=hand_scenario)) == [
        (
            "municipalities[2].values.inwoners",
            "Vul bij ‘Inwoners’ van Gemeente C een getal in; ‘abc’ is geen getal.",
        ),
    ]


def test_nan_and_infinity_literals_are_reported_for_their_field(hand_scenario):
    text = json.dumps({"calculator": CALC, "action": "compute", "scenario": hand_scenario})
    text = text.replace('"-300000"', "NaN").replace('"1667"', "-Infinity")
    found = errors(json.loads(handle(text)))
    assert [f for f, _ in found] == ["amount", "municipalities[0].values.gebruik"]
    assert all("gewoon getal" in m for _, m in found)


def test_import_csv_update():
    before = {m["name"]: m["values"] for m in default()["municipalities"]}
    default_gennep = int(before["Gennep"]["inwoners"])
    assert default_gennep == 17_237  # CBS StatLine 70072ned, Gennep (GM0907), 1-1-2022
    text = "Gemeente;Inwoners;Inwoners 18+\r\nBeesel;13.512;10.810\r\nVENLO;101.000;80.000\r\n"
    response = call(action="import_csv", scenario=default(), text=text, mode="update")
    assert response["ok"] is True
    assert response["convention"] == "nl"
    assert response["summary"].startswith(
        "2 gemeenten, 2 kolommen bijgewerkt (Inwoners, Inwoners 18+)"
    )
    rows = {m["name"]: m["values"] for m in response["scenario"]["municipalities"]}
    assert rows["Beesel"]["inwoners"] == "13512" and rows["Venlo"]["inwoners_18plus"] == "80000"
    # Not in the file: unchanged, the CBS figure for 1 January 2022 (StatLine 70072ned).
    assert rows["Gennep"]["inwoners"] == str(default_gennep)
    assert list(rows) == [
        "Beesel",
        "Bergen",
        "Gennep",
        "Horst aan de Maas",
        "Peel en Maas",
        "Venlo",
        "Venray",
    ]


def test_import_csv_refuses_fractions_of_people():
    # Inhabitants and clients are counts: 1600.5 people is a typing error, not a figure.
    text = "Naam,Inwoners,Inwoners 18+\nArcen,1000,800\nVelden,2000,1600.5\n"
    response = call(action="import_csv", scenario=default(), text=text, mode="replace")
    assert errors(response) == [
        (
            "csv",
            "Vul bij ‘Inwoners 18+’ van Velden (regel 3, kolom 3) een heel getal in; ‘1600.5’ "
            "heeft cijfers achter de komma.",
        )
    ]


def test_import_csv_replace_and_columns_by_id_label_or_alias():
    text = (
        "Naam,Totale bevolking,INWONERS_18PLUS,Gebruik beschermd wonen (clienten)\n"
        'Arcen,"1,000",800,2\nVelden,2000,1600,3\n'
    )
    response = call(action="import_csv", scenario=default(), text=text, mode="replace")
    assert response["convention"] == "international"
    municipalities = response["scenario"]["municipalities"]
    assert [m["name"] for m in municipalities] == ["Arcen", "Velden"]
    assert municipalities[0]["values"] == {
        "inwoners": "1000",
        "inwoners_18plus": "800",
        "gebruik": "2",
        "inleg": "",
        "zeggenschap": "",
    }
    assert municipalities[1]["values"]["inwoners_18plus"] == "1600"
    assert "2 gemeenten ingelezen, 3 kolommen" in response["summary"]
    assert (
        "niet in het bestand en dus leeg: Inleg (euro), Zeggenschap (stemgewicht)"
        in (response["summary"])
    )
    # The new table is valid for the keys in use, so the result is normalised and computes.
    assert call(action="compute", scenario=response["scenario"])["ok"] is True


def test_import_cbs_download_into_the_default_table():
    text = (
        '"Bevolking; kerncijfers"\n'
        '"Regio\'s";"Perioden";"Bevolking"\n'
        '"Nederland";"2023";"17811291"\n'
        '"Bergen (L.)";"2023";"13102"\n'
        '"Venlo";"2023";"101.603"\n'
        '"Bron: CBS"\n'
    )
    response = call(action="import_csv", scenario=default(), text=text)
    assert response["convention"] == "cbs"
    rows = {m["name"]: m["values"] for m in response["scenario"]["municipalities"]}
    assert rows["Bergen"]["inwoners"] == "13102"  # "Bergen (L.)" matched to "Bergen"
    assert rows["Venlo"]["inwoners"] == "101603"
    assert "overgeslagen regels: Nederland" in response["summary"]
    assert "overgeslagen kolommen: Perioden" in response["summary"]


@pytest.mark.parametrize(
    ("text", "mode", "message"),
    [
        (
            "Gemeente;Inwoners\nXanten;5\n",
            "update",
            "Regel 2: de gemeente ‘Xanten’ staat niet in de tabel. Controleer de naam, of kies "
            "‘vervangen’ om de tabel te vervangen door het bestand.",
        ),
        (
            "Gemeente;Bijstand\nBeesel;5\n",
            "update",
            "De kolom ‘Bijstand’ (kolom 2) hoort bij geen enkel criterium. Bekende kolommen: "
            "inwoners (Inwoners), inwoners_18plus (Inwoners 18+), gebruik (Gebruik beschermd wonen "
            "(cliënten)), inleg (Inleg (euro)), zeggenschap (Zeggenschap (stemgewicht)). Pas de "
            "kolomnaam aan, of voeg eerst het criterium toe.",
        ),
        (
            "Gemeente;Inwoners;inwoners\nBeesel;5;5\n",
            "update",
            "De kolommen ‘Inwoners’ (kolom 2) en ‘inwoners’ (kolom 3) horen allebei bij "
            "‘Inwoners’. Laat er één staan.",
        ),
        (
            "Gemeente;Inwoners\nBeesel;5\nbeesel;6\n",
            "replace",
            "‘beesel’ staat twee keer in het bestand: op regel 2 en op regel 3. Laat er één staan.",
        ),
        (
            "Gemeente;Inwoners\nBeesel;vijf\n",
            "update",
            "Vul bij ‘Inwoners’ van Beesel (regel 2, kolom 2) een getal in; ‘vijf’ is geen getal.",
        ),
        (
            "Gemeente;Inwoners\nBeesel;-5\n",
            "update",
            "‘Inwoners’ van Beesel (regel 2, kolom 2) mag niet negatief zijn; ‘-5’ is kleiner "
            "dan 0.",
        ),
        (
            "Gemeente;Inwoners\n=2+2;5\n",
            "replace",
            "De naam ‘=2+2’ bij regel 2 van het bestand mag niet beginnen met =, +, - of @: zo’n "
            "naam ziet Excel als formule.",
        ),
        (
            "",
            "update",
            "Het bestand is leeg. Plak een tabel met een kopregel en een regel per gemeente.",
        ),
    ],
)
def test_import_csv_problems(text, mode, message):
    found = errors(call(action="import_csv", scenario=default(), text=text, mode=mode))
    assert ("csv", message) in found, found


def test_import_csv_request_problems():
    assert (
        errors(call(action="import_csv", scenario=default(), text="x", mode="merge"))[0][0]
        == "mode"
    )
    assert errors(call(action="import_csv", scenario=default()))[0][0] == "text"
    assert errors(call(action="import_csv", text="Gemeente;Inwoners\nA;1\n"))[0][0] == "scenario"


def test_export_csv_dutch(hand_scenario):
    response = call(action="export_csv", scenario=hand_scenario)
    assert response["ok"] is True and response["filename"] == "verdeelsleutel.csv"
    text = response["text"]
    assert text.startswith("\ufeff")
    lines = text[1:].split("\r\n")
    assert lines[0] == (
        "Gemeente;Inwoners;Inwoners 18+;Gebruik;Aandeel 25/75 (%);Bedrag 25/75 (euro);"
        "Per inwoner 25/75 (euro);Aandeel Inwoners (%);Bedrag Inwoners (euro);"
        "Per inwoner Inwoners (euro);Verschil (euro);Verschil per inwoner (euro);Boven drempel"
    )
    assert lines[1] == (
        "Gemeente A;1000;800;1667;15,0025;-45007,50;-45,01;10,0000;-30000,00;-30,00;"
        "15007,50;15,01;ja"
    )
    assert lines[3] == (
        "Gemeente C;7000;5600;5000;55,0000;-165000,00;-23,57;70,0000;-210000,00;-30,00;"
        "-45000,00;-6,43;nee"
    )
    # Total row: -300.000 over 10.000 inhabitants = -30,00 per inhabitant for both keys.
    assert lines[4] == (
        "Totaal;10000;8000;10000;100,0000;-300000,00;-30,00;100,0000;-300000,00;-30,00;0,00;0,00;"
    )
    assert lines[5] == ""


def test_export_csv_international_and_reimport(hand_scenario):
    response = call(action="export_csv", scenario=hand_scenario, convention="international")
    lines = response["text"][1:].split("\r\n")
    assert lines[1] == (
        "Gemeente A,1000,800,1667,15.0025,-45007.50,-45.01,10.0000,-30000.00,-30.00,"
        "15007.50,15.01,ja"
    )
    # The exported file reads back into the scenario: result columns and the total are skipped.
    back = call(action="import_csv", scenario=hand_scenario, text=response["text"])
    assert back["ok"] is True, back
    assert back["convention"] == "international"
    assert back["scenario"]["municipalities"] == hand_scenario["municipalities"]
    assert "overgeslagen regels: Totaal" in back["summary"]


def test_export_csv_problems(hand_scenario):
    assert (
        errors(call(action="export_csv", scenario=hand_scenario, convention="tab"))[0][0]
        == "convention"
    )
    hand_scenario["amount"] = "x"
    assert errors(call(action="export_csv", scenario=hand_scenario))[0][0] == "amount"


# --------------------------------------------------------------------------- bad requests


@pytest.mark.parametrize(
    ("request_text", "field", "phrase"),
    [
        ("{not json", "", "De invoer is geen geldige JSON (regel 1, teken 2)."),
        ("", "", "geen geldige JSON"),
        ("[1, 2]", "", "moet een JSON-object zijn"),
        ('"compute"', "", "moet een JSON-object zijn"),
        ('{"action": "compute"}', "calculator", "Kies een rekenhulp"),
        (
            '{"calculator": "rekenmachine", "action": "compute"}',
            "calculator",
            "De rekenhulp ‘rekenmachine’ bestaat niet",
        ),
        ('{"calculator": "verdeelsleutel"}', "action", "Een lege actie"),
        (
            '{"calculator": "verdeelsleutel", "action": "bereken"}',
            "action",
            "‘bereken’ kan de rekenhulp niet uitvoeren",
        ),
        (
            '{"calculator": "verdeelsleutel", "action": "default", "scenario": {}}',
            "scenario",
            "hoort niet bij de actie ‘default’",
        ),
        (
            '{"calculator": "verdeelsleutel", "action": "compute"}',
            "scenario",
            "Stuur een scenario mee",
        ),
        (
            '{"calculator": "verdeelsleutel", "action": "compute", "action": "default"}',
            "action",
            "staat twee keer in de invoer",
        ),
        ("[" * 1000, "", "te diep genest"),
        ('{"a": "' + "[" * 1000 + '"}', "calculator", "Kies een rekenhulp"),  # text is fine
        (
            '{"calculator": "verdeelsleutel", "action": "compute", "scenario": {"amount": 1'
            + "0" * 5000
            + "}}",
            "amount",
            "te groot: een getal met heel veel cijfers",
        ),
    ],
)
def test_bad_requests(request_text, field, phrase):
    found = errors(json.loads(handle(request_text)))
    assert any(f == field and phrase in m for f, m in found), found


def test_parse_json_reads_integers_of_any_length_exactly():
    # int() refuses more than a few thousand digits; such a number is still valid JSON.
    digits = "1" + "0" * 5000
    parsed = parse_json('{"a": 7, "b": ' + digits + ', "c": 0.5}')
    assert parsed == {"a": 7, "b": Decimal(digits), "c": Decimal("0.5")}
    assert type(parsed["a"]) is int
    # An exponent beyond Decimal's range keeps its sign and direction, far out of range.
    far = parse_json("[1e99999999999999999999, -2E-99999999999999999999, 0e99999999999999999999]")
    assert far[0] > 10**100 and -(10**-100) < far[1] < 0 and far[2] == 0


def test_non_text_requests():
    assert "moet tekst in JSON-vorm zijn" in json.loads(handle(None))["errors"][0]["message"]
    ok = json.loads(handle(b'{"calculator": "verdeelsleutel", "action": "default"}'))
    assert ok["ok"] is True


def test_unexpected_internal_error_becomes_one_dutch_problem(monkeypatch):
    def broken(request):
        raise ZeroDivisionError("bug")

    monkeypatch.setitem(entry._REGISTRY, "kapot", {"compute": Action(broken)})
    response = json.loads(handle('{"calculator": "kapot", "action": "compute"}'))
    assert response == {
        "ok": False,
        "calculator": "kapot",
        "errors": [{"field": "", "message": INTERNAL_ERROR_MESSAGE}],
    }
    assert INTERNAL_ERROR_MESSAGE.startswith("Er ging iets mis in de rekenhulp")
    assert "Traceback" not in json.dumps(response)


def test_register_another_calculator(monkeypatch):
    def echo(request):
        if request.get("scenario") == "fout":
            raise InputError.single("scenario", "Dit is fout.")
        return {"echo": request.get("scenario")}

    module = types.SimpleNamespace(ACTIONS={"compute": Action(echo, frozenset({"scenario"}))})
    monkeypatch.setattr(entry, "_REGISTRY", dict(entry._REGISTRY))
    register("proef", module)
    assert "proef" in entry.calculator_names()
    ok = json.loads(handle('{"calculator": "proef", "action": "compute", "scenario": 1.5}'))
    assert ok == {"ok": True, "calculator": "proef", "echo": "1,5"}  # Decimal out as Dutch text
    bad = json.loads(handle('{"calculator": "proef", "action": "compute", "scenario": "fout"}'))
    assert bad["errors"] == [{"field": "scenario", "message": "Dit is fout."}]
    with pytest.raises(TypeError):
        register("leeg", types.SimpleNamespace())


def test_count_with_thousands_comma_is_refused_at_its_field():
    scenario = default()
    scenario["municipalities"][0]["values"]["inwoners"] = "102,000"
    name = scenario["municipalities"][0]["name"]
    response = call(action="compute", scenario=scenario)
    [(field, message)] = [e for e in errors(response) if "102,000" in e[1]]
    assert field == "municipalities[0].values.inwoners"
    assert f"‘Inwoners’ van {name} staat ‘102,000’: bedoelt u 102000 of 102?" in message


def test_csv_import_with_thousands_comma_in_a_count_is_refused_in_dutch_convention():
    text = "Gemeente;Inwoners\r\nBeesel;102,000\r\n"
    response = call(action="import_csv", scenario=default(), text=text, mode="update")
    [(field, message)] = errors(response)
    assert field == "csv"
    assert "(regel 2, kolom 2) staat ‘102,000’: bedoelt u 102000 of 102?" in message


@pytest.mark.parametrize(
    "hidden",
    ["\u200b", "\u200e", "\u200f", "\u200d", "\u200c", "\u00ad", "\ufeff", "\u2060"],
)
def test_invisible_format_characters_in_a_name_are_refused(hidden):
    scenario = default()
    scenario["municipalities"][1]["name"] = "Ven" + hidden + "lo"
    response = call(action="compute", scenario=scenario)
    assert errors(response) == [
        (
            "municipalities[1].name",
            "De naam bij rij 2 bevat een onzichtbaar opmaakteken (zoals een zachte spatie, zacht "
            "afbreekstreepje of tekstrichtingsteken), vaak meegekopieerd uit een ander "
            "programma. Haal dat weg en typ de naam opnieuw.",
        )
    ]


def test_fullwidth_name_is_a_duplicate():
    scenario = default()
    first = scenario["municipalities"][0]["name"]
    wide = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in first)
    assert wide != first
    scenario["municipalities"][1]["name"] = wide
    response = call(action="compute", scenario=scenario)
    assert errors(response) == [
        (
            "municipalities[1].name",
            f"‘{wide}’ staat twee keer in de tabel: in rij 1 (‘{first}’) en in rij 2. Elke "
            "gemeente mag maar één keer voorkomen.",
        )
    ]


def test_name_key_ignores_format_characters_and_compatibility_forms():
    from calculators.core.csvio import match_names
    from calculators.core.validators import name_key

    assert name_key("Ven\u200blo") == name_key("\ufeffVENLO\u00ad") == name_key("Ｖｅｎｌｏ")
    assert name_key("Venlo") == "venlo"
    assert match_names(["Ｖｅｎｌｏ", "Ven\u200elo"], ["Beesel", "Venlo"]) == [1, 1]


def test_import_csv_of_excel_unicode_text_decoded_by_the_page_as_windows_1252():
    data = b"\xff\xfe" + "Gemeente\tInwoners\r\nBeesel\t13.512\r\n".encode("utf-16-le")
    text = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)
    response = call(action="import_csv", scenario=default(), text=text, mode="update")
    assert response["ok"] is True, response
    assert response["convention"] == "tab"
    rows = {m["name"]: m["values"] for m in response["scenario"]["municipalities"]}
    assert rows["Beesel"]["inwoners"] == "13512"


@pytest.mark.parametrize("name", ["x" * 4_000_000, "onbekend", ""])
def test_an_unknown_calculator_name_is_not_echoed(name):
    raw = handle(json.dumps({"calculator": name, "action": "compute"}))
    assert len(raw) < 400  # a hostile name of 4 MB once came back whole
    response = json.loads(raw)
    assert response["ok"] is False and response["calculator"] is None
    assert response["errors"][0]["field"] == "calculator"


def test_a_known_calculator_name_is_echoed_on_failure():
    response = call(action="onbekend")
    assert response["ok"] is False and response["calculator"] == CALC
