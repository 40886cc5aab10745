"""Verdeelsleutel: apply a distribution key to a surplus or deficit, per municipality.

Typed API: :func:`~.model.parse_scenario` → :func:`~.compute.compute` →
:func:`~.compute.result_to_json`. The platform's JSON actions come from ``CALCULATOR``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core import form
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
    compare_hint = (
        "Standaard € 15: het maximale herverdeeleffect per inwoner uit het advies van het "
        "expertiseteam, hier geleend als waarschuwingsgrens."
    )
    return [
        *form.start(),
        form.group(
            "Bedrag",
            form.field(
                "amount",
                "Te verdelen bedrag in euro",
                "Positief is een overschot dat wordt uitgekeerd; negatief (met een min) is een "
                "tekort dat de gemeenten bijpassen.",
            ),
        ),
        form.key("key", "Verdeelsleutel en gewichten", PRESETS.values(), "criteria"),
        form.optional(
            "compare_key",
            "Vergelijk met een tweede sleutel",
            PRESETS["inwoners-100"].key_json(),
            form.key(
                "compare_key", "Tweede sleutel om mee te vergelijken", PRESETS.values(), "criteria"
            ),
            form.field(
                "threshold_per_inhabitant",
                "Waarschuw bij een verschil groter dan (euro per inwoner)",
                compare_hint,
            ),
        ),
        form.table("Cijfers per gemeente (pas ze aan of importeer ze)", "criteria"),
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
