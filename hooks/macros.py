"""mkdocs-macros module: data-driven content rendered at build time."""

from __future__ import annotations


def define_env(env) -> None:
    @env.macro
    def rekenhulp_statisch(calculator: str) -> str:
        """Static result of the calculator's default scenario (visible without JavaScript)."""
        from calculators.render.page import render_static

        return render_static(calculator)
