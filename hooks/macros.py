"""mkdocs-macros entry module: data-driven content rendered at build time.

Each part of the site keeps its macros in its own ``hooks/macros_<part>.py`` with a
``define_env(env)`` function; this module loads them all, so parts can grow independently.
The content they show comes from the hook ``hooks/content.py`` through the macros
environment (``env.variables["inhoud"]``), loaded once per build.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HOOKS = Path(__file__).resolve().parent


def _load_parts():
    for path in sorted(HOOKS.glob("macros_*.py")):
        spec = importlib.util.spec_from_file_location(f"site_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def define_env(env) -> None:
    @env.macro
    def rekenhulp(calculator: str) -> str:
        """The calculator block: the default scenario's result, computed now by the same
        Python code, for readers without JavaScript and for print; the page glue makes it
        live from the calculator's declaration."""
        from calculators.render.page import calculator_block

        return calculator_block(calculator)

    @env.macro
    def alabama_voorbeeld() -> str:
        """The Alabama paradox, computed by the calculators' own apportionment code."""
        from calculators.render.page import alabama_example

        return alabama_example()

    @env.macro
    def scenario_velden(calculator: str) -> str:
        """The field table of a calculator's scenario, derived from its declaration."""
        from calculators.render.page import format_table

        return format_table(calculator)

    @env.macro
    def scenario_voorbeeld(calculator: str) -> str:
        """The default scenario of a calculator as a JSON block (two municipalities)."""
        from calculators.render.page import example_json

        return example_json(calculator)

    @env.macro
    def herkomst_cijfers(calculator: str, region: str = "") -> str:
        """Which columns of the default table are real figures (with their source) and which
        are examples: the same notice the calculator shows when a region is chosen."""
        from calculators.core.calculator import find

        calc = find(calculator)
        return calc.notice(region or calc.default_region)

    for part in _load_parts():
        part.define_env(env)
