"""Macros for the Besluiten section: the register, its lineage, the decisions over time
(in force on a date, timeline, changes) and the cross-links that other sections call
(``besluiten_bij_ambitie``, ``besluiten_bij_rekenhulp``).

The pages come from ``sitecontent.DecisionPages``, which the plugin made for this build
(:mod:`regio_engine.content`), so a page can only link to records that exist in it.
"""

from __future__ import annotations

from typing import Any

from sitecontent import md_text


def define_env(env: Any) -> None:
    def page_src() -> str:
        page = env.page
        return page.file.src_uri if page is not None else "index.md"

    def pages() -> Any:
        return env.variables["inhoud"].decisions

    def unavailable() -> str:
        return str(env.variables["inhoud"].unavailable)

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_register() -> str:
        return pages().register_section(page_src()) if pages() else unavailable()

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_stamboom() -> str:
        return pages().lineage_section(page_src()) if pages() else unavailable()

    def history() -> Any:
        return env.variables["inhoud"].history

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_geldend() -> str:
        return history().in_force_section(page_src()) if history() else unavailable()

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_tijdlijn() -> str:
        return history().timeline_section(page_src()) if history() else unavailable()

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_wijzigingen() -> str:
        return history().changes_section(page_src()) if history() else unavailable()

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_aantal(status: str | None = None) -> int | str:
        return pages().register.count(status) if pages() else "?"

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_bij_ambitie(nummer: int) -> str:
        if not pages():
            return unavailable()
        found = pages().links_for(page_src(), lambda d: int(nummer) in d.ambities)
        if not found:
            return "*Er zijn nog geen besluiten aan deze ambitie gekoppeld.*"
        note = pages().ambition_note
        return f"*{md_text(note)}*\n{{: .redactie-koppeling }}\n\n{found}" if note else found

    @env.macro  # type: ignore[untyped-decorator]
    def besluiten_bij_rekenhulp(naam: str) -> str:
        if not pages():
            return unavailable()
        found = pages().links_for(page_src(), lambda d: naam in d.rekenhulpen)
        return found or "*Er zijn nog geen besluiten aan deze rekenhulp gekoppeld.*"
