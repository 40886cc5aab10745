"""Verdeelsleutel: apply a distribution key to a surplus or deficit, per municipality.

Typed API: :func:`~.model.parse_scenario` → :func:`~.compute.compute` →
:func:`~.compute.result_to_json`. The platform's JSON actions come from ``CALCULATOR``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.calculator import Calculator
from ..core.problems import Problems
from ..core.table import parse_columns
from .compute import compute, compute_response, export_table, result_to_json
from .defaults import DEFAULT_CRITERIA, DEFAULT_REGION, EXAMPLE_NOTICE, default_scenario
from .model import Scenario, parse_scenario, scenario_to_json
from .presets import PRESETS, THRESHOLD_SOURCE
from .render import render_result

__all__ = [
    "CALCULATOR",
    "EXAMPLE_NOTICE",
    "PRESETS",
    "Scenario",
    "compute",
    "default_scenario",
    "parse_scenario",
    "result_to_json",
    "scenario_to_json",
]

# Columns of our own CSV export that are results, not inputs: skipped on re-import.
_EXPORT_PREFIXES = ("aandeel ", "bedrag ", "per inwoner ", "verschil")
_EXPORT_SUFFIXES = ("(%)", "(euro)")


def _is_result_column(header: str) -> bool:
    return header == "boven drempel" or (
        header.startswith(_EXPORT_PREFIXES) and header.endswith(_EXPORT_SUFFIXES)
    )


def _columns(scenario: Mapping[str, object]):
    p = Problems()
    columns = parse_columns(scenario.get("criteria"), p)
    p.raise_if_any()
    return columns


def _form() -> list[dict[str, object]]:
    presets = [p.to_dict() for p in PRESETS.values()]
    key = {"kind": "key", "columns_path": "criteria", "presets": presets}
    return [
        {"kind": "region", "label": "Begin met de gemeenten van"},
        {
            "kind": "input",
            "path": "title",
            "label": "Naam van dit scenario",
            "hint": "Staat boven de uitkomst, ook op papier.",
        },
        {
            "kind": "group",
            "legend": "Bedrag",
            "controls": [
                {
                    "kind": "input",
                    "path": "amount",
                    "label": "Te verdelen bedrag in euro",
                    "hint": "Positief is een overschot dat wordt uitgekeerd; negatief (met een "
                    "min) is een tekort dat de gemeenten bijpassen.",
                }
            ],
        },
        {**key, "path": "key", "legend": "Verdeelsleutel en gewichten"},
        {
            "kind": "optional",
            "path": "compare_key",
            "label": "Vergelijk met een tweede sleutel",
            "value": PRESETS["inwoners-100"].key_json(),
            "controls": [
                {**key, "path": "compare_key", "legend": "Tweede sleutel om mee te vergelijken"},
                {
                    "kind": "input",
                    "path": "threshold_per_inhabitant",
                    "label": "Waarschuw bij een verschil groter dan (euro per inwoner)",
                    "hint": "Standaard € 15: het maximale herverdeeleffect per inwoner uit het "
                    "advies van het expertiseteam, hier geleend als waarschuwingsgrens.",
                },
            ],
        },
        {
            "kind": "table",
            "path": "municipalities",
            "caption": "Cijfers per gemeente (pas ze aan of importeer ze)",
            "columns_path": "criteria",
        },
    ]


def _describe() -> dict[str, object]:
    return {
        "presets": [p.to_dict() for p in PRESETS.values()],
        "criteria": [dict(c) for c in DEFAULT_CRITERIA],
        "threshold_source": THRESHOLD_SOURCE,
        "example_notice": EXAMPLE_NOTICE,
    }


def _compute(scenario: Scenario) -> dict[str, object]:
    response = compute_response(compute(scenario))
    return {"result": response["result"], "warnings": response["warnings"]}


CALCULATOR = Calculator(
    name="verdeelsleutel",
    title="Verdeelsleutel",
    version=1,
    parse=parse_scenario,
    to_json=scenario_to_json,
    compute=_compute,
    render=render_result,
    default_scenario=default_scenario,
    form=_form,
    export=lambda scenario: export_table(compute(scenario)),
    columns=_columns,
    shape={"criteria": list, "municipalities": list, "key": dict, "compare_key": dict},
    is_result_column=_is_result_column,
    describe=_describe,
    default_region=DEFAULT_REGION,
)
