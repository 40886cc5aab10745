"""Which decisions are in force on a date.

Records often know their date only to the year or the month ("2020", "2020-06"). Such a
decision counts as in force from the LAST day of that period: before then the record itself
cannot show that it was already taken. A full replacement ends a decision on the day its
successor starts; a partial one leaves it in force, with the successor named beside it. When
the sources leave open whether the rest still holds (``opvolging_rest: onbekend``), the
decision is no longer counted as in force from that day, and every page says it is unclear.
The page "Geldend op" states these rules where it uses them.

What a page shows as a decision's status is ``Period.state``: words computed by these rules,
never the raw ``status`` field, so "vervangen" can never stand beside "geldt nog".
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from ._decisions import Decision, Register

# Statuses of a decision that was taken. "voorgesteld" was never adopted, and "ingetrokken"
# has no withdrawal date in the records, so neither can be placed on a date.
TAKEN = ("vastgesteld", "vervangen")


def in_force_from(datum: str) -> date:
    """The first day on which a decision dated ``datum`` (YYYY, YYYY-MM or YYYY-MM-DD)
    counts as in force: the last day of the period the record names."""
    parts = [int(part) for part in datum.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year = parts[0]
    month = parts[1] if len(parts) == 2 else 12
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    """When one taken decision is in force, and what replaces it."""

    decision: Decision
    since: date
    # First day it is no longer in force (a full replacement starts); None while it holds.
    until: date | None
    # Successors that replace it only in part, each with the day it starts.
    partly: tuple[tuple[str, date], ...]
    # Partly replaced, and the sources do not say whether the rest still holds: from the
    # first partial successor's day (``until``) its state is unclear, not "in force".
    rest_unknown: bool = False
    # Successors that are only proposed: they end nothing yet.
    pending: tuple[str, ...] = ()

    def holds_on(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day < self.until)

    def partly_replaced_by(self, day: date) -> list[str]:
        return [successor for successor, start in self.partly if start <= day]

    def unclear_on(self, day: date) -> bool:
        return self.rest_unknown and self.until is not None and day >= self.until

    def state(self, day: date) -> str:
        """The decision's state on ``day`` in words a council member reads one way."""
        if day < self.since:
            return "nog niet genomen"
        if self.unclear_on(day):
            return "deels vervangen; of de rest nog geldt, zeggen de bronnen niet"
        if not self.holds_on(day):
            return "vervangen"
        waiting = "; de opvolger is voorgesteld, nog niet vastgesteld" if self.pending else ""
        if self.partly_replaced_by(day):
            return "geldt voor het deel dat niet is overgenomen" + waiting
        return "geldt" + waiting


def _successor_starts(decision: Decision, register: Register) -> list[tuple[str, date]]:
    found = []
    for successor in decision.opvolgers:
        record = register.decisions.get(successor)
        if record is not None and record.status in TAKEN:
            found.append((successor, in_force_from(record.datum)))
    return found


def period_of(decision: Decision, register: Register) -> Period | None:
    """When a taken decision is in force; None for a proposal or a withdrawn decision."""
    if decision.status not in TAKEN:
        return None
    starts = _successor_starts(decision, register)
    first = min((start for _, start in starts), default=None)
    pending = tuple(s for s in decision.opvolgers if s not in dict(starts))
    since = in_force_from(decision.datum)
    if decision.meta.get("opvolging") != "gedeeltelijk":
        return Period(decision, since, first, (), pending=pending)
    rest_unknown = decision.meta.get("opvolging_rest") == "onbekend"
    until = first if rest_unknown else None
    return Period(decision, since, until, tuple(starts), rest_unknown, pending)


def periods(register: Register) -> list[Period]:
    """Every taken decision with its period in force, in order of start, then id."""
    found = [period_of(d, register) for d in register.decisions.values()]
    return sorted(
        (period for period in found if period is not None),
        key=lambda period: (period.since, period.decision.id),
    )


def unclear_on(day: date, register: Register) -> list[Period]:
    """Decisions of which the sources do not say whether they (the rest) still hold."""
    return [period for period in periods(register) if period.unclear_on(day)]


def state_text(decision: Decision, register: Register, day: date) -> str:
    """A decision's state on ``day`` in words, also for one that was never taken."""
    period = period_of(decision, register)
    if period is not None:
        return period.state(day)
    if decision.status == "ingetrokken":
        return "ingetrokken"
    return "voorgesteld, nog niet vastgesteld"


def in_force_on(day: date, register: Register) -> list[Period]:
    """The decisions in force on ``day``, in order of start, then id."""
    return [period for period in periods(register) if period.holds_on(day)]


def year_starts(register: Register, today: date) -> list[date]:
    """1 January of every year from the first decision's year up to ``today``'s year."""
    first = min((in_force_from(d.datum).year for d in register.decisions.values()), default=None)
    return [date(year, 1, 1) for year in range(first, today.year + 1)] if first else []
