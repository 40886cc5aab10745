"""Ingroeipad: the 10-year phase-in (2022-2031) of the expertiseteam MO-BW-BG's advice, from
the historical distribution (the centrumgemeente receives everything) to the objective one.

Typed API: :func:`.model.parse_scenario` → :func:`.compute.compute`; the platform's JSON
actions come from ``CALCULATOR``.
"""

from __future__ import annotations

from ..core import form
from ..core.calculator import Calculator
from ..core.regions import REGIONS
from .compute import compute, export_table
from .model import ALPHA_MODES, COLUMNS, parse_scenario, scenario_to_json
from .render import render_result

__all__ = ["BIJLAGE_2_STRUCTUREEL", "CALCULATOR", "compute", "parse_scenario"]

#: Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio, Bijlage 2: the Leidse Regio's
#: "Lokaal Structureel Investeringsfonds" per municipality, in euro, as printed: 2018, 2019,
#: 2020 and the row total. Real figures; the 2020 column is the Leidse Regio's objective side.
BIJLAGE_2_STRUCTUREEL = {
    "Leiden": (177_809, 266_713, 266_713, 711_235),
    "Leiderdorp": (38_433, 57_650, 57_650, 153_732),
    "Oegstgeest": (32_862, 49_293, 49_293, 131_447),
    "Voorschoten": (36_476, 54_714, 54_714, 145_904),
    "Zoeterwoude": (12_028, 18_042, 18_042, 48_112),
}
#: EXAMPLE, not from the sources: a budget of € 100 per inhabitant, split by inhabitants.
EXAMPLE_PER_INHABITANT = 100


def _rows(region: str) -> list[dict[str, object]]:
    chosen = REGIONS[region]
    people = chosen.example_inhabitants
    # Midden-Limburg has no centrumgemeente of its own (until 2022 it was Venlo's region):
    # the largest municipality stands in, as an example.
    centre = chosen.centre or max(people, key=people.get)
    if region == "leidse-regio":
        objective = {name: years[2] for name, years in BIJLAGE_2_STRUCTUREEL.items()}
    else:
        objective = {name: n * EXAMPLE_PER_INHABITANT for name, n in people.items()}
    budget = sum(objective.values())
    return [
        {
            "name": name,
            "values": {
                "inwoners": str(n),
                "historisch": str(budget if name == centre else 0),
                "objectief": str(objective[name]),
            },
        }
        for name, n in people.items()
    ]


def default_scenario(region: str = "noord-en-midden-limburg") -> dict[str, object]:
    return {
        "calculator": "ingroeipad",
        "version": 1,
        "title": "Ingroeipad 2022-2031 (voorbeeldcijfers)",
        "municipalities": _rows(region),
        "budget": "",
        "first_year": "2022",
        "alpha_mode": "linear",
        "years": "10",
        "alpha_schedule": "10; 20; 30; 40; 50; 60; 70; 80; 90; 100",
        "cap": {"per_inhabitant": "15"},
    }


def _form() -> list[dict[str, object]]:
    return [
        *form.start(),
        form.group(
            "Budget en jaren",
            form.field(
                "budget",
                "Budget per jaar in euro",
                "Leeg: de som van de objectieve bedragen in de tabel.",
            ),
            form.field("first_year", "Eerste jaar van het ingroeipad", "Het advies: 2022."),
            form.choice("alpha_mode", "Stappen", ALPHA_MODES),
        ),
        form.group(
            "Lineair",
            form.field("years", "Aantal jaren", "Het advies: 10 jaar (2022-2031)."),
            when=("alpha_mode", "linear"),
        ),
        form.group(
            "Eigen schema",
            form.field(
                "alpha_schedule",
                "Aandeel objectief per jaar in procenten",
                "Gescheiden door puntkomma’s, nooit dalend, van 0 tot 100.",
            ),
            when=("alpha_mode", "schedule"),
        ),
        form.optional(
            "cap",
            "Begrens de verandering per inwoner per jaar",
            {"per_inhabitant": "15"},
            form.field(
                "cap.per_inhabitant",
                "Grens in euro per inwoner per jaar",
                "Standaard € 15: de grens op het herverdeeleffect van het gemeentefonds "
                "uit het advies van het expertiseteam, hier geleend.",
            ),
        ),
        form.table("Cijfers per gemeente (historisch: de centrumgemeente krijgt alles)", COLUMNS),
    ]


CALCULATOR = Calculator(
    name="ingroeipad",
    title="Ingroeipad",
    version=1,
    parse=parse_scenario,
    to_json=scenario_to_json,
    compute=compute,
    render=render_result,
    default_scenario=default_scenario,
    form=_form,
    export=export_table,
    columns=lambda scenario: COLUMNS,
    shape={"municipalities": list, "cap": dict},
    is_result_column=lambda h: h.startswith(("jaar ", "verschil")) or h == "voordeel of nadeel",
)
