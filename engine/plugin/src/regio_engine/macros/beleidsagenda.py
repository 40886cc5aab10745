"""Macros for the beleidsagenda pages: a page per year, the overview across years, and the
cross-link ``activiteiten_bij_ambitie`` used on the ambition pages of the regiovisie.

The pages come from ``sitecontent.AgendaPages`` (templates in sitecontent/templates), which
the plugin made (:mod:`regio_engine.content`) for this build. Everything is Markdown, so
MkDocs checks every link and anchor in the strict build; links are relative to the calling
page.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    def page_src() -> str:
        page = getattr(env, "page", None)
        return page.file.src_uri if page is not None and page.file else "index.md"

    def pages() -> Any:
        return env.variables["inhoud"].agenda

    def unavailable() -> str:
        return str(env.variables["inhoud"].unavailable)

    @env.macro  # type: ignore[untyped-decorator]
    def beleidsagenda_jaar(jaar: int) -> str:
        """The whole body of a year page (below its title)."""
        return pages().year_body(jaar, page_src()) if pages() else unavailable()

    @env.macro  # type: ignore[untyped-decorator]
    def beleidsagenda_overzicht() -> str:
        """Table across all years, with links to each year page and its CSV file."""
        return pages().overview(page_src()) if pages() else unavailable()

    @env.macro  # type: ignore[untyped-decorator]
    def activiteiten_bij_ambitie(nummer: int) -> str:
        """The activities of the latest agenda for one ambition, linked to their year page."""
        return pages().for_ambition(nummer, page_src()) if pages() else unavailable()

    @env.macro  # type: ignore[untyped-decorator]
    def beleidsagenda_label() -> str:
        """The label of the newest agenda year (from its page), for a short mention such as
        the card on the home page; empty if that year has none."""
        return pages().newest_label() if pages() else unavailable()
