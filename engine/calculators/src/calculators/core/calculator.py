"""One declaration per calculator, and the actions every calculator gets from it.

A calculator is one package ``calculators/<name>/`` whose ``__init__`` offers its scenario
dataclass (which declares every input), its computation, renderer and CSV export; parser,
``to_json``, default scenario per region, editor form and the import columns are derived
from the dataclass (see :class:`Calculator` and :mod:`calculators.core.fields`). The JSON
entry point (worker, CLI), the static build and the page glue all find it there: the
package's folder name is the calculator's name, so adding a calculator touches no list
anywhere else.

Actions every calculator has (see :func:`actions`): ``default``, ``describe``, ``compute``,
``check``, ``region``, ``import_csv`` and ``export_csv``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ..catalogue import site
from ..catalogue.regions import KIND_OF, region_notice
from . import fields
from .csvio import write_csv
from .problems import InputError, Problems, quote
from .table import Column
from .tableimport import import_rows
from .validators import choice

#: Sub-packages of ``calculators`` that are shared code, not calculators.
_NOT_CALCULATORS = frozenset({"catalogue", "core", "render"})
EXPORT_CONVENTIONS = ("nl", "international")
_JSON_TYPES: dict[type, str] = {dict: "een object", list: "een lijst", str: "tekst"}


@dataclass(frozen=True, slots=True)
class Action:
    """One action of a calculator.

    ``run`` gets the whole request (a dict) and returns the response fields (without ``ok``
    and ``calculator``); it raises :class:`InputError` for bad input. ``fields`` are the
    request fields it reads, besides ``calculator`` and ``action``.
    """

    run: Callable[[Mapping[str, Any]], dict[str, Any]]
    fields: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Calculator:
    """Everything the platform needs to know about one calculator, found in its package:

    - ``Scenario``: the scenario dataclass, whose fields declare every input (see
      :mod:`calculators.core.fields`) and whose ``VERSION`` is the format's version;
    - ``compute``: typed scenario -> ``{"result": ..., "warnings": [...]}``;
    - ``render``: result JSON, scenario JSON -> HTML (escaped), at build time and in the worker;
    - ``export``: typed scenario -> CSV headers and rows;
    - optionally ``is_result_column`` (header -> skip it on re-import) and ``TITLE``.

    The name is the package's folder name.
    """

    name: str
    title: str
    scenario: type
    compute: Callable[[Any], dict[str, object]]
    render: Callable[[dict[str, Any], dict[str, Any]], str]
    export: Callable[[Any], tuple[list[str], list[list[object]]]]
    is_result_column: Callable[[str], bool] = lambda header: False

    @classmethod
    def from_package(cls, module: ModuleType) -> Calculator:
        name = module.__name__.rsplit(".", 1)[-1]
        return cls(
            name=name,
            title=getattr(module, "TITLE", name[:1].upper() + name[1:]),
            scenario=module.Scenario,
            compute=module.compute,
            render=module.render,
            export=module.export,
            is_result_column=getattr(module, "is_result_column", lambda header: False),
        )

    @property
    def version(self) -> int:
        return int(self.scenario.VERSION)  # type: ignore[attr-defined]

    @property
    def default_region(self) -> str:
        return site.default_region(self.name)

    def parse(self, data: object) -> Any:
        return fields.parse(self.scenario, data, self.name)

    def to_json(self, scenario: Any) -> dict[str, object]:
        return fields.to_json(scenario, self.name)

    def default_scenario(self, region: str) -> dict[str, object]:
        return fields.example(self.scenario, region, self.name)

    def form(self) -> list[dict[str, object]]:
        return fields.form(self.scenario)

    def notice(self, region: str) -> str:
        """Which columns of the region's default table are real figures and which examples."""
        default = self.default_scenario(region)
        rows: Any = default.get("municipalities") or []
        # Columns left empty (a minimum, say) hold no figures, so they are neither.
        filled = [c for c in self.columns(default) if any(r["values"].get(c.id) for r in rows)]
        return region_notice(site.regions()[region], [(c.id, c.label) for c in filled])

    def column_kinds(self, scenario: Mapping[str, Any]) -> dict[str, str]:
        """Header -> "CBS 1-1-2022" / "echt" / "voorbeeld", for each column whose every figure
        is still the default of a region with exactly these municipalities; a column the user
        filled in says nothing (it is theirs)."""
        rows = scenario.get("municipalities")
        if not isinstance(rows, list) or not all(isinstance(r, Mapping) for r in rows):
            return {}
        names = {r.get("name") for r in rows}
        found = site.regions().values()
        region = next((r for r in found if set(r.municipalities) == names), None)
        if region is None or len(names) != len(rows):
            return {}
        default: Any = self.default_scenario(region.id)
        figures = {r["name"]: r["values"] for r in default["municipalities"]}
        sources, kinds = region.sources(), {}
        for c in self.columns(default):
            values = [(r.get("values") or {}).get(c.id) for r in rows]
            if not any(values) or values != [figures[r["name"]].get(c.id) for r in rows]:
                continue
            kind = KIND_OF.get(c.id, "echt") if c.id in sources else "voorbeeld"
            for label in (c.label, c.label.rsplit(" (", 1)[0], *c.aliases):
                kinds[label] = kind
        return kinds

    def columns(self, scenario: Mapping[str, object]) -> Sequence[Column]:
        """The table's columns for CSV import; raises InputError when they are wrong."""
        for name, spec in fields.inputs(self.scenario).items():
            if spec.columns is not None:
                return spec.columns(scenario.get(name))
        return ()


def _scenario(request: Mapping[str, Any]) -> Any:
    if request.get("scenario") is None:
        raise InputError.single("scenario", "Stuur een scenario mee (‘scenario’).")
    return request["scenario"]


def _region(request: Mapping[str, Any], default: str) -> str:
    options = {r.id: r.label for r in site.regions().values()}
    return str(choice(options, default=default)(request.get("region"), "region", "de regio"))


def check_shape(calc: Calculator, data: object) -> None:
    """Enough structure for the editor to show the scenario; values are checked by compute."""
    if not isinstance(data, Mapping):
        raise InputError.single("", f"Dit is geen scenario voor de rekenhulp {calc.title}.")
    p = Problems()
    if data.get("calculator", calc.name) != calc.name:
        given = data["calculator"]
        if isinstance(given, str):
            p.add("calculator", f"Dit scenario is voor de rekenhulp {quote(given)}.")
        else:
            p.add("calculator", f"Vul bij ‘calculator’ {quote(calc.name)} in, of laat het weg.")
    for name, kind in fields.json_shape(calc.scenario).items():
        value = data.get(name)
        if value is not None and not isinstance(value, kind):
            p.add(name, f"Bij {quote(name)} hoort {_JSON_TYPES.get(kind, 'iets anders')}.")
    rows = data.get("municipalities")
    if isinstance(rows, list) and not all(
        isinstance(r, dict) and isinstance(r.get("values", {}), dict) for r in rows
    ):
        p.add("municipalities", "Elke rij van de tabel hoort een object met naam en cijfers.")
    p.raise_if_any()


def _import(calc: Calculator, request: Mapping[str, Any]) -> dict[str, Any]:
    scenario = _scenario(request)
    if not isinstance(scenario, Mapping):
        check_shape(calc, scenario)
    if "text" not in request:
        raise InputError.single("text", "Plak een tabel of kies een CSV-bestand (‘text’).")
    imported = import_rows(
        scenario.get("municipalities"),
        calc.columns(scenario),
        request["text"],
        request.get("mode", "update"),
        calc.is_result_column,
    )
    new = {**scenario, "municipalities": imported.municipalities}
    try:
        new = calc.to_json(calc.parse(new))
    except InputError:
        pass  # other parts are still being edited; compute will report them
    return {"scenario": new, "summary": imported.summary, "convention": imported.convention}


def _export(calc: Calculator, request: Mapping[str, Any]) -> dict[str, Any]:
    convention = request.get("convention", "nl")
    if convention not in EXPORT_CONVENTIONS:
        raise InputError.single(
            "convention",
            "Kies bij het downloaden ‘nl’ (puntkomma’s, decimale komma) of ‘international’ "
            f"(komma’s, decimale punt); {quote(convention)} kan niet.",
        )
    headers, rows = calc.export(calc.parse(_scenario(request)))
    return {
        "filename": f"{calc.name}.csv",
        "text": write_csv(headers, rows, convention),
        "convention": convention,
    }


def _with_region(calc: Calculator, request: Mapping[str, Any]) -> dict[str, Any]:
    region = _region(request, calc.default_region)
    scenario = _scenario(request)
    check_shape(calc, scenario)
    table = calc.default_scenario(region)["municipalities"]
    return {
        "scenario": {**scenario, "municipalities": table},
        "notice": calc.notice(region),
    }


def actions(calc: Calculator) -> dict[str, Action]:
    """The JSON actions of a calculator, all derived from its declaration."""

    def default(request: Mapping[str, Any]) -> dict[str, Any]:
        region = _region(request, calc.default_region)
        return {"scenario": calc.default_scenario(region), "notice": calc.notice(region)}

    def describe(request: Mapping[str, Any]) -> dict[str, Any]:
        # Only what the page reads: its title, the form and the regions to start from.
        regions = [r.to_dict() for r in site.regions().values()]
        return {"title": calc.title, "form": calc.form(), "regions": regions}

    def compute(request: Mapping[str, Any]) -> dict[str, Any]:
        scenario = calc.parse(_scenario(request))
        return {"scenario": calc.to_json(scenario), **calc.compute(scenario)}

    def check(request: Mapping[str, Any]) -> dict[str, Any]:
        check_shape(calc, _scenario(request))
        return {}

    return {
        "default": Action(default, frozenset({"region"})),
        "describe": Action(describe),
        "compute": Action(compute, frozenset({"scenario"})),
        "check": Action(check, frozenset({"scenario"})),
        "region": Action(lambda r: _with_region(calc, r), frozenset({"scenario", "region"})),
        "import_csv": Action(lambda r: _import(calc, r), frozenset({"scenario", "text", "mode"})),
        "export_csv": Action(lambda r: _export(calc, r), frozenset({"scenario", "convention"})),
    }


@functools.cache
def _package_names() -> tuple[str, ...]:
    # Cached: a Pyodide memory snapshot keeps imported modules but not the package's files,
    # so after a warm start the folder can no longer be listed (the snapshot build lists it).
    import calculators

    return tuple(
        sorted(
            m.name
            for m in pkgutil.iter_modules(calculators.__path__)
            if m.ispkg and m.name not in _NOT_CALCULATORS and not m.name.startswith("_")
        )
    )


def calculator_names() -> list[str]:
    """Every calculator package, without importing any of them."""
    return list(_package_names())


def find(name: str) -> Calculator | None:
    """The declaration of calculator ``name`` (imported on first use), or ``None``."""
    if name not in calculator_names():
        return None
    return _declaration(name)


@functools.cache
def _declaration(name: str) -> Calculator | None:
    module = importlib.import_module(f"calculators.{name}")
    return Calculator.from_package(module) if hasattr(module, "Scenario") else None
