"""Spreiding: target places per municipality and a stepwise path towards them.

Beslispunten 5 and 6 (2019), uitgangspunt 5 (2020) and ambition 5 of the regiovisie: spread
beschermd wonen and maatschappelijke opvang places over all municipalities, by substitution,
stepwise, on a basis of inhabitants or clients. Typed API: :func:`.model.parse_scenario` →
:func:`.compute.compute`; the platform's JSON actions come from ``CALCULATOR``.
"""

from __future__ import annotations

from ..core import form
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


def _form() -> list[dict[str, object]]:
    methods = [(m.id, m.label, m.explanation) for m in APPORTIONMENT_METHODS.values()]
    return [
        *form.start(),
        form.group(
            "Wat wordt gespreid",
            form.choice("facility", "Soort voorziening", FACILITIES),
            form.choice(
                "total_mode",
                "Totaal aantal plaatsen",
                TOTAL_MODES,
                "Substitutie: plaatsen verhuizen, er komen er geen bij.",
            ),
        ),
        form.group(
            "Gekozen totaal",
            form.field("total_places", "Totaal aantal plaatsen aan het eind"),
            when=("total_mode", "fixed"),
        ),
        form.group(
            "Daling",
            form.field("decline_per_year", "Minder plaatsen per jaar"),
            when=("total_mode", "decline"),
        ),
        form.key("key", "Grondslag: naar inwoners, cliënten of een mix", PRESETS.values(), BASIS),
        form.group("Afronden op hele plaatsen", form.choice("method", "Rekenmethode", methods)),
        form.group(
            "Tijdpad",
            form.choice("path_mode", "Tijdpad", PATH_MODES),
            form.field("start_year", "Beginjaar (de plaatsen van nu)"),
        ),
        form.group(
            "Aantal jaren", form.field("years", "Aantal jaren"), when=("path_mode", "years")
        ),
        form.group(
            "Maximum per jaar",
            form.field("max_moves_per_year", "Hoogstens te verplaatsen plaatsen per jaar"),
            when=("path_mode", "max_moves"),
        ),
        form.group(
            "Frictiebudget (mag leeg)",
            form.field(
                "cost_per_move",
                "Kosten per verplaatste plaats in euro",
                "Frictiebudget = verplaatste plaatsen × deze kosten. Leeg: geen budget.",
            ),
        ),
        form.table("Cijfers per gemeente (minimum en maximum mogen leeg)", COLUMNS),
    ]


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
