"""Spreiding: target places per municipality and a stepwise path towards them.

Beslispunten 5 and 6 (2019), uitgangspunt 5 (2020) and ambition 5 of the regiovisie: spread
beschermd wonen and maatschappelijke opvang places over all municipalities, by substitution,
stepwise, on a basis of inhabitants or clients. Typed API: :func:`.model.parse_scenario` →
:func:`.compute.compute`; the platform's JSON actions come from ``CALCULATOR``.
"""

from __future__ import annotations

from ..core.apportion import APPORTIONMENT_METHODS
from ..core.calculator import Calculator
from ..core.regions import REGIONS
from .compute import compute, export_table
from .model import (
    BASIS,
    COLUMNS,
    FACILITIES,
    PATH_MODES,
    PRESETS,
    TOTAL_MODES,
    parse_scenario,
    scenario_to_json,
)
from .render import render_result

__all__ = ["CALCULATOR", "compute", "parse_scenario", "scenario_to_json"]

#: The regiovisie: for 2022, 258 BW places were bought jointly (a fact). How they are spread
#: over the municipalities today is not in the sources: these are EXAMPLE figures.
PLACES_2022 = 258
_EXAMPLE = {  # municipality: (clients by origin, places now), examples only
    "Beesel": (10, 2), "Bergen": (9, 1), "Echt-Susteren": (20, 6), "Gennep": (12, 3),
    "Horst aan de Maas": (28, 8), "Leudal": (19, 5), "Maasgouw": (13, 4), "Nederweert": (9, 3),
    "Peel en Maas": (27, 8), "Roerdalen": (11, 3), "Roermond": (50, 50), "Venlo": (85, 95),
    "Venray": (33, 40), "Weert": (32, 30),
}  # fmt: skip


def _rows(region: str) -> list[dict[str, object]]:
    chosen = REGIONS[region]
    rows = []
    for name, inhabitants in chosen.example_inhabitants.items():
        clients = inhabitants // 1000 * (2 if name == chosen.centre else 1)
        # Elsewhere: everything sits in the centre today, the situation spreading undoes.
        places = clients * 3 // 2 if name == chosen.centre else 0
        clients, places = _EXAMPLE.get(name, (clients, places))
        values = {"inwoners": inhabitants, "clienten": clients, "plaatsen": places}
        rows.append(
            {
                "name": name,
                "values": {k: str(v) for k, v in values.items()} | {"minimum": "", "maximum": ""},
            }
        )
    return rows


def default_scenario(region: str = "noord-en-midden-limburg") -> dict[str, object]:
    return {
        "calculator": "spreiding",
        "version": 1,
        "title": "258 BW-plekken (2022), voorbeeldcijfers per gemeente",
        "facility": "beschermd-wonen",
        "municipalities": _rows(region),
        "key": PRESETS["inwoners"].key_json(),
        "method": "grootste-overschot",
        "total_mode": "current",
        "total_places": str(PLACES_2022),
        "decline_per_year": "",
        "path_mode": "years",
        "years": "5",
        "max_moves_per_year": "10",
        "start_year": "2022",
        "cost_per_move": "",
    }


def _select(path: str, label: str, options: dict[str, str], hint: str = "") -> dict:
    listed = [{"value": k, "label": v[:1].upper() + v[1:]} for k, v in options.items()]
    return {"kind": "select", "path": path, "label": label, "options": listed, "hint": hint}


def _input(path: str, label: str, hint: str = "") -> dict:
    return {"kind": "input", "path": path, "label": label, "hint": hint}


def _form() -> list[dict[str, object]]:
    methods = [
        {"value": m.id, "label": m.label, "explanation": m.explanation}
        for m in APPORTIONMENT_METHODS.values()
    ]
    when = lambda path, *values: {"path": path, "in": list(values)}  # noqa: E731
    return [
        {"kind": "region", "label": "Begin met de gemeenten van"},
        {
            "kind": "input",
            "path": "title",
            "label": "Naam van dit scenario",
            "hint": "Staat boven de uitkomst, ook op papier.",
        },
        {"kind": "group", "legend": "Wat wordt gespreid", "controls": [
            _select("facility", "Soort voorziening", FACILITIES),
            _select("total_mode", "Totaal aantal plaatsen", TOTAL_MODES,
                    "Substitutie: plaatsen verhuizen, er komen er geen bij."),
        ]},
        {"kind": "group", "legend": "Gekozen totaal", "when": when("total_mode", "fixed"),
         "controls": [_input("total_places", "Totaal aantal plaatsen aan het eind")]},
        {"kind": "group", "legend": "Daling", "when": when("total_mode", "decline"),
         "controls": [_input("decline_per_year", "Minder plaatsen per jaar")]},
        {"kind": "key", "path": "key", "legend": "Grondslag: naar inwoners, cliënten of een mix",
         "presets": [p.to_dict() for p in PRESETS.values()],
         "columns": [c.to_dict() for c in BASIS]},
        {"kind": "group", "legend": "Afronden op hele plaatsen", "controls": [
            {"kind": "select", "path": "method", "label": "Rekenmethode", "options": methods},
        ]},
        {"kind": "group", "legend": "Tijdpad", "controls": [
            _select("path_mode", "Tijdpad", PATH_MODES),
            _input("start_year", "Beginjaar (de plaatsen van nu)"),
        ]},
        {"kind": "group", "legend": "Aantal jaren", "when": when("path_mode", "years"),
         "controls": [_input("years", "Aantal jaren")]},
        {"kind": "group", "legend": "Maximum per jaar", "when": when("path_mode", "max_moves"),
         "controls": [_input("max_moves_per_year", "Hoogstens te verplaatsen plaatsen per jaar")]},
        {"kind": "group", "legend": "Frictiebudget (mag leeg)", "controls": [
            _input("cost_per_move", "Kosten per verplaatste plaats in euro",
                   "Frictiebudget = verplaatste plaatsen × deze kosten. Leeg: geen budget."),
        ]},
        {"kind": "table", "path": "municipalities", "columns": [c.to_dict() for c in COLUMNS],
         "caption": "Cijfers per gemeente (minimum en maximum mogen leeg)"},
    ]  # fmt: skip


CALCULATOR = Calculator(
    name="spreiding",
    title="Spreiding",
    version=1,
    parse=parse_scenario,
    to_json=scenario_to_json,
    compute=compute,
    render=render_result,
    default_scenario=default_scenario,
    form=_form,
    export=export_table,
    columns=lambda scenario: COLUMNS,
    shape={"municipalities": list, "key": dict},
    is_result_column=lambda header: header in {"doel", "verschil"} or header.startswith("jaar "),
    describe=lambda: {"presets": [p.to_dict() for p in PRESETS.values()]},
)
