"""Macros for the calculators: the live block on a calculator's page, and the parts of the
page on the scenario format, each derived from the calculator's declaration."""

from __future__ import annotations

from typing import Any

#: The macros' variable with the calculators the site offers (the plugin's ``rekenhulpen``).
AANGEBODEN = "aangeboden_rekenhulpen"


def define_env(env: Any) -> None:
    def offered(calculator: str) -> str:
        """The name, if the site offers that calculator; a page asking for another one stops
        the build (the browser's wheel does not hold it)."""
        names = env.variables.get(AANGEBODEN, ())
        if calculator not in names:
            raise ValueError(
                f"De pagina vraagt om rekenhulp '{calculator}', maar die biedt deze site niet "
                f"aan; de site biedt: {', '.join(names)} (mkdocs.yml, plugin 'regio', optie "
                "'rekenhulpen')."
            )
        return calculator

    @env.macro  # type: ignore[untyped-decorator]
    def rekenhulp(calculator: str) -> str:
        """The calculator block: the default scenario's result, computed now by the same
        Python code, for readers without JavaScript and for print; the page glue makes it
        live from the calculator's declaration."""
        from calculators.render.page import calculator_block

        return calculator_block(offered(calculator))

    @env.macro  # type: ignore[untyped-decorator]
    def alabama_voorbeeld() -> str:
        """The Alabama paradox, computed by the calculators' own apportionment code."""
        from calculators.render.page import alabama_example

        return alabama_example()

    @env.macro  # type: ignore[untyped-decorator]
    def scenario_velden(calculator: str) -> str:
        """The field table of a calculator's scenario, derived from its declaration."""
        from calculators.render.page import format_table

        return format_table(offered(calculator))

    @env.macro  # type: ignore[untyped-decorator]
    def scenario_voorbeeld(calculator: str) -> str:
        """The default scenario of a calculator as a JSON block (two municipalities)."""
        from calculators.render.page import example_json

        return example_json(offered(calculator))

    @env.macro  # type: ignore[untyped-decorator]
    def herkomst_cijfers(calculator: str, region: str = "") -> str:
        """Which columns of the default table are real figures (with their source) and which
        are examples: the same notice the calculator shows when a region is chosen."""
        from calculators.core.calculator import find

        calc = find(offered(calculator))
        if calc is None:
            raise ValueError(f"herkomst_cijfers: geen rekenhulp {calculator!r}")
        return calc.notice(region or calc.default_region)
