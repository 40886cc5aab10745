"""Verdeelsleutel: apply a distribution key to a surplus or deficit, per municipality.

Typed API: :func:`~.model.parse_scenario` → :func:`~.compute.compute` →
:func:`~.compute.result_to_json`. JSON API: ``ACTIONS`` for :func:`calculators.core.entry.handle`
(actions ``default``, ``describe``, ``compute``, ``import_csv``, ``export_csv``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.apportion import APPORTIONMENT_METHODS
from ..core.csvio import CONVENTIONS, write_csv
from ..core.entry import Action
from ..core.problems import InputError, quote
from .compute import compute, compute_response, export_table, result_to_json
from .defaults import DEFAULT_CRITERIA, EXAMPLE_NOTICE, default_scenario
from .model import Scenario, import_table, parse_scenario, scenario_to_json
from .presets import PRESETS, THRESHOLD_SOURCE

__all__ = [
    "ACTIONS",
    "EXAMPLE_NOTICE",
    "PRESETS",
    "Scenario",
    "compute",
    "default_scenario",
    "export_csv",
    "import_table",
    "parse_scenario",
    "result_to_json",
    "scenario_to_json",
]

EXPORT_FILENAME = "verdeelsleutel.csv"
EXPORT_CONVENTIONS = ("nl", "international")


def _scenario(request: Mapping[str, Any]) -> Any:
    if "scenario" not in request or request["scenario"] is None:
        raise InputError.single("scenario", "Stuur een scenario mee (‘scenario’).")
    return request["scenario"]


def export_csv(scenario: Scenario, convention: str = "nl") -> str:
    """The result table as CSV text (see :func:`calculators.core.csvio.write_csv`)."""
    headers, rows = export_table(compute(scenario))
    return write_csv(headers, rows, convention)


def _default(request: Mapping[str, Any]) -> dict[str, Any]:
    return {"scenario": default_scenario(), "notice": EXAMPLE_NOTICE}


def _describe(request: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "presets": [p.to_dict() for p in PRESETS.values()],
        "criteria": [dict(c) for c in DEFAULT_CRITERIA],
        "apportionment_methods": [m.to_dict() for m in APPORTIONMENT_METHODS.values()],
        "csv_conventions": [{"id": k, "label": v} for k, v in CONVENTIONS.items()],
        "threshold_source": THRESHOLD_SOURCE,
        "example_notice": EXAMPLE_NOTICE,
    }


def _compute(request: Mapping[str, Any]) -> dict[str, Any]:
    return compute_response(compute(parse_scenario(_scenario(request))))


def _import_csv(request: Mapping[str, Any]) -> dict[str, Any]:
    if "text" not in request:
        raise InputError.single("text", "Plak een tabel of kies een CSV-bestand (‘text’).")
    result = import_table(_scenario(request), request["text"], request.get("mode", "update"))
    return {"scenario": result.scenario, "summary": result.summary, "convention": result.convention}


def _export_csv(request: Mapping[str, Any]) -> dict[str, Any]:
    convention = request.get("convention", "nl")
    if convention not in EXPORT_CONVENTIONS:
        raise InputError.single(
            "convention",
            f"Kies bij het downloaden ‘nl’ (puntkomma’s, "
            f"decimale komma) of ‘international’ (komma’s, "
            f"decimale punt); {quote(convention)} kan niet.",
        )
    scenario = parse_scenario(_scenario(request))
    return {
        "filename": EXPORT_FILENAME,
        "text": export_csv(scenario, convention),
        "convention": convention,
    }


ACTIONS: dict[str, Action] = {
    "default": Action(_default, description="Het standaardscenario met voorbeeldcijfers."),
    "describe": Action(_describe, description="Voorinstellingen, criteria en methoden."),
    "compute": Action(_compute, frozenset({"scenario"}), "Reken een scenario door."),
    "import_csv": Action(
        _import_csv, frozenset({"scenario", "text", "mode"}), "Lees een tabel (CSV) in."
    ),
    "export_csv": Action(
        _export_csv, frozenset({"scenario", "convention"}), "Download de uitkomst als CSV."
    ),
}
