"""The calculators know a region only from the site's region file: another file, another
region, with its own municipalities, presets and example figures; a wrong file is answered
with a Dutch message that names the place in the file."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from calculators.catalogue import KEYS, key_presets, population, site
from calculators.core import fields
from calculators.core.entry import handle_request
from calculators.ingroeipad import Scenario as Ingroeipad

#: The six municipalities of Maastricht-Heuvelland with their CBS codes (seed 003 names them;
#: the codes are the CBS list "Gemeenten alfabetisch").
HEUVELLAND = {
    "Maastricht": "GM0935",
    "Eijsden-Margraten": "GM1903",
    "Gulpen-Wittem": "GM1729",
    "Meerssen": "GM0938",
    "Vaals": "GM0981",
    "Valkenburg a/d Geul": "GM0994",
}
REGION_FILE = {
    "regios": [
        {
            "id": "maastricht-heuvelland",
            "naam": "Maastricht-Heuvelland",
            "centrumgemeente": "Maastricht",
            "bron": "Collegevoorstel Regioplan Beschermd Thuis 2020",
            "gemeenten": HEUVELLAND,
        }
    ],
    "sleutels": [
        {
            "id": "voorbeeld",
            "label": "Voorbeeld: half inwoners, half gebruik",
            "uitleg": "Een voorbeeld, geen besluit.",
            "gewichten": {"inwoners": 50, "gebruik": 50},
            "gewichten_vast": False,
        }
    ],
}


@pytest.fixture
def configured():
    """Configure a region file for one test, and give the site's back afterwards."""
    before = site.current()

    def use(data: object) -> site.Site:
        return site.configure(copy.deepcopy(data))

    yield use
    site._configured = before


def test_another_region_file_is_another_region(configured):
    configured(REGION_FILE)
    described = handle_request({"calculator": "verdeelsleutel", "action": "describe"})
    assert [r["id"] for r in described["regions"]] == ["maastricht-heuvelland"]
    scenario = handle_request({"calculator": "verdeelsleutel", "action": "default"})["scenario"]
    rows = scenario["municipalities"]
    assert [r["name"] for r in rows] == list(HEUVELLAND)
    assert [int(r["values"]["inwoners"]) for r in rows] == [
        population.inhabitants(code) for code in HEUVELLAND.values()
    ]
    # Its own preset first, then the reference no site can lose.
    assert list(key_presets(KEYS)) == ["voorbeeld", "inwoners-100"]
    assert scenario["key"]["preset"] == "voorbeeld"
    assert scenario["compare_key"]["preset"] == "inwoners-100"


def test_the_ingroeipad_of_another_region_starts_in_its_centrumgemeente(configured):
    configured(REGION_FILE)
    rows = fields.example(Ingroeipad)["municipalities"]
    inhabitants = {name: population.inhabitants(code) for name, code in HEUVELLAND.items()}
    # € 100 per inhabitant on the objective side; historically Maastricht holds it all.
    assert {r["name"]: int(r["values"]["objectief"]) for r in rows} == {
        name: 100 * n for name, n in inhabitants.items()
    }
    assert {r["name"]: int(r["values"]["historisch"]) for r in rows} == {
        **dict.fromkeys(HEUVELLAND, 0),
        "Maastricht": 100 * sum(inhabitants.values()),
    }


def test_real_figures_in_the_region_file_are_the_defaults_and_are_called_real(configured):
    real = {name: 1000 + i for i, name in enumerate(HEUVELLAND)}
    data = copy.deepcopy(REGION_FILE)
    data["regios"][0]["echte_cijfers"] = {"objectief": {"bron": "Bron: X", "waarden": real}}
    configured(data)
    response = handle_request({"calculator": "ingroeipad", "action": "default"})
    rows = response["scenario"]["municipalities"]
    assert {r["name"]: int(r["values"]["objectief"]) for r in rows} == real
    assert "‘Objectief (euro)’ (Bron: X)" in response["notice"]


def test_the_spreiding_of_another_region_starts_with_every_place_in_the_centre(configured):
    configured(REGION_FILE)
    scenario = handle_request({"calculator": "spreiding", "action": "default"})["scenario"]
    places = {r["name"]: int(r["values"]["plaatsen"]) for r in scenario["municipalities"]}
    # 1 client per 1.000 inhabitants, twice that in Maastricht, and 1,5 place per client
    # there: the region file names no total, so the example keeps today's.
    clients = population.inhabitants(HEUVELLAND["Maastricht"]) // 1000 * 2
    assert places == {**dict.fromkeys(HEUVELLAND, 0), "Maastricht": clients * 3 // 2}
    assert scenario["total_places"] == str(clients * 3 // 2)
    assert scenario["key"]["preset"] == "inwoners"


def test_a_site_preset_with_the_reference_id_replaces_it(configured):
    data = copy.deepcopy(REGION_FILE)
    data["sleutels"].append(
        {
            "id": "inwoners-100",
            "label": "Alles naar inwoners",
            "uitleg": "Zo besloten.",
            "gewichten": {"inwoners": 100},
            "besluit": "mh-2018-01",
        }
    )
    configured(data)
    presets = key_presets(KEYS)
    assert list(presets) == ["voorbeeld", "inwoners-100"]
    assert presets["inwoners-100"].decision == "mh-2018-01"
    assert presets["inwoners-100"].weights == {"inwoners": Decimal(100)}


def _changed(path: tuple[object, ...], value: object) -> dict[str, object]:
    data = copy.deepcopy(REGION_FILE)
    *parents, last = path
    target: object = data
    for step in parents:
        target = target[step]  # type: ignore[index]
    target[last] = value  # type: ignore[index]
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("regios", 0, "gemeenten", "Vaals"),
            "0981",
            "regio.yml: regios[0].gemeenten.Vaals: '0981' is geen CBS-gemeentecode",
        ),
        (
            ("regios", 0, "gemeenten", "Vaals"),
            "GM9999",
            "regio.yml: regios[0].gemeenten.Vaals: GM9999 staat niet in het CBS-datapakket "
            "(1 januari 2022)",
        ),
        (
            ("regios", 0, "centrumgemeente"),
            "Heerlen",
            "regio.yml: regios[0].centrumgemeente: Heerlen staat niet bij de gemeenten.",
        ),
        (("regios", 0, "naam"), "", "regio.yml: regios[0].naam: vul hier een tekst in."),
        (("regios",), [], "regio.yml: regios: noem ten minste de regio van de site."),
        (
            ("regios",),
            {"id": "x"},
            "regio.yml: regios: hier hoort een lijst (regels die met - beginnen).",
        ),
        (
            ("sleutels", 0, "gewichten"),
            {"inwoners": 50, "gebruik": 40},
            "regio.yml: sleutels[0].gewichten: de gewichten zijn samen 100 (procent).",
        ),
        (
            ("sleutels", 0, "gewichten_vast"),
            "nee",
            "regio.yml: sleutels[0].gewichten_vast: vul true of false in.",
        ),
        (("regio",), "leidse-regio", "regio.yml: regio: 'leidse-regio' is geen id uit regios."),
        (
            ("rekenhulpen",),
            {"spreiding": {"regio": "noord-limburg"}},
            "regio.yml: rekenhulpen.spreiding.regio: 'noord-limburg' is geen id uit regios.",
        ),
        (
            ("rekenhulpen",),
            {"spreiding": {"plaatsen": "veel"}},
            "regio.yml: rekenhulpen.spreiding.plaatsen: 'veel' is geen heel getal.",
        ),
        (
            ("rekenhulpen",),
            {"spreiding": {"voorbeeldcijfers": {"Vaals": {"clienten": -3}}}},
            "regio.yml: rekenhulpen.spreiding.voorbeeldcijfers.Vaals.clienten: -3 is geen getal "
            "van 0 of meer.",
        ),
        (
            ("rekenhulpen",),
            {"spreidng": {"plaatsen": 3}},
            "regio.yml: rekenhulpen.spreidng: geen rekenhulp; kies uit ingroeipad, solidariteit, "
            "spreiding, verdeelsleutel.",
        ),
        (
            ("rekenhulpen",),
            {"spreiding": {"titl": "Plekken"}},
            "regio.yml: rekenhulpen.spreiding.titl: onbekend veld; kies uit regio, sleutel, "
            "vergelijking, grondslag, titel, plaatsen, voorbeeldcijfers.",
        ),
        (
            ("regios", 0, "centrumgemeent"),
            "Maastricht",
            "regio.yml: regios[0].centrumgemeent: onbekend veld; kies uit id, naam, gemeenten, "
            "centrumgemeente, bron, toelichting, echte_cijfers.",
        ),
        (
            ("sleutels", 0, "gewicht"),
            {"inwoners": 100},
            "regio.yml: sleutels[0].gewicht: onbekend veld; kies uit id, label, kort, uitleg, "
            "gewichten, gewichten_vast, besluit, bron, bron_detail, peildata.",
        ),
        (
            ("sleutel",),
            [],
            "regio.yml: sleutel: onbekend veld; kies uit regio, regios, sleutels, grondslagen, "
            "rekenhulpen.",
        ),
        (
            ("regios", 0, "echte_cijfers"),
            {"objectief": {"bron": "X", "waarden": {"Maastricht": 1}}},
            "regio.yml: regios[0].echte_cijfers.objectief.waarden: geef precies één getal per "
            "gemeente van de regio.",
        ),
    ],
)
def test_a_wrong_region_file_is_answered_by_the_place_in_it(configured, path, value, message):
    with pytest.raises(site.RegionFileError) as raised:
        configured(_changed(path, value))
    assert str(raised.value).startswith(message)


def test_an_example_key_the_presets_lack_is_named(configured):
    with pytest.raises(site.RegionFileError) as raised:
        configured({**REGION_FILE, "rekenhulpen": {"verdeelsleutel": {"sleutel": "kandidaat"}}})
    assert str(raised.value) == (
        "regio.yml: rekenhulpen.verdeelsleutel.sleutel: 'kandidaat' is geen id uit sleutels "
        "(voorbeeld, inwoners-100)."
    )
