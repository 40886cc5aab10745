"""All content of one build, loaded once: goals, decision records and the agenda."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from ._agenda import Agenda, load_all, stale_decision_links
from ._decision_pages import DecisionPages
from ._decisions import Register, load_register, record_files
from ._errors import ContentError
from ._gitdates import add_git_dates
from ._goals import Goals, load_goals
from ._paths import Paths, shown

if TYPE_CHECKING:
    from ._agenda_pages import AgendaPages

DECISIONS_TITLE = "De besluiten in decisions/ bevatten fouten"
AGENDA_TITLE = "De beleidsagenda bevat fouten"


@dataclass
class SiteContent:
    paths: Paths
    goals: Goals
    register: Register
    agendas: dict[int, Agenda]

    def ambition_names(self) -> dict[int, str]:
        return {n: a.naam for n, a in self.goals.ambitions.items()}

    def decision_pages(self, existing: Collection[str], today: date | None = None) -> DecisionPages:
        return DecisionPages(
            self.register,
            existing,
            self.ambition_names(),
            today or date.today(),
            ambition_note=self.goals.decision_link_note,
        )

    def agenda_pages(self, existing: Collection[str]) -> AgendaPages:
        from ._agenda_pages import AgendaPages  # pandas: only when pages are made

        return AgendaPages(self.goals, self.agendas, existing, self.register)

    def agenda_warnings(self) -> list[str]:
        """Links from the newest agenda to replaced decisions. Only the newest year is still
        being worked on; an older year is a record of its time, and its page says which
        decision replaced the one it links."""
        if not self.agendas:
            return []
        newest = self.agendas[max(self.agendas)]
        return stale_decision_links(newest, self.register.superseded())


def _year_pages_missing(paths: Paths, agendas: dict[int, Agenda]) -> list[str]:
    return [
        f"bij {shown(agenda.path)} hoort een pagina {shown(paths.agenda / f'{year}.md')}; maak "
        "die met python tools/new_agenda_year.py of kopieer een bestaand jaar."
        for year, agenda in agendas.items()
        if not (paths.agenda / f"{year}.md").exists()
    ]


def load_site(paths: Paths, goals: Goals | None = None, git_dates: bool = True) -> SiteContent:
    """Load and check everything; raises ContentError with the problems of every part at
    once, each part under its own heading. ``goals``: already loaded goals, so a caller that
    needs them first reads them once."""
    goals = goals or load_goals(paths.goals)
    errors: list[ContentError] = []
    try:
        register = load_register(paths.decisions, goals=goals)
        decision_ids = set(register.decisions)
    except ContentError as exc:
        errors.append(ContentError(exc.messages, DECISIONS_TITLE))
        register = None
        # The agenda's links are still checked against the records that are there.
        decision_ids = {path.stem for path in record_files(paths.decisions)}
    try:
        agendas = load_all(paths.agenda, goals, decision_ids)
        missing = _year_pages_missing(paths, agendas)
        if missing:
            errors.append(ContentError(missing, AGENDA_TITLE))
    except ContentError as exc:
        errors.append(ContentError(exc.messages, AGENDA_TITLE))
    if errors:
        raise ContentError.combined(errors)
    # No errors, so the register loaded: it is None only after a ContentError.
    register = cast(Register, register)
    if git_dates:
        add_git_dates(register)
    return SiteContent(paths=paths, goals=goals, register=register, agendas=agendas)
