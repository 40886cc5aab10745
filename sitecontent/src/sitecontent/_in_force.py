"""Which decisions are in force on a date.

Records often know their date only to the year or the month ("2020", "2020-06"). Such a
decision counts as in force from the LAST day of that period: before then the record itself
cannot show that it was already taken. A full replacement ends a decision on the day its
successor starts; a partial one leaves it in force, with the successor named beside it. The
page "Geldend op" states these rules where it uses them.
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

    def holds_on(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day < self.until)

    def partly_replaced_by(self, day: date) -> list[str]:
        return [successor for successor, start in self.partly if start <= day]


def _successor_starts(decision: Decision, register: Register) -> list[tuple[str, date]]:
    found = []
    for successor in decision.opvolgers:
        record = register.decisions.get(successor)
        if record is not None and record.status in TAKEN:
            found.append((successor, in_force_from(record.datum)))
    return found


def periods(register: Register) -> list[Period]:
    """Every taken decision with its period in force, in order of start, then id."""
    found = []
    for decision in register.decisions.values():
        if decision.status not in TAKEN:
            continue
        starts = _successor_starts(decision, register)
        whole = decision.meta.get("opvolging") != "gedeeltelijk"
        until = min((start for _, start in starts), default=None) if whole else None
        partly = () if whole else tuple(starts)
        found.append(Period(decision, in_force_from(decision.datum), until, partly))
    return sorted(found, key=lambda period: (period.since, period.decision.id))


def in_force_on(day: date, register: Register) -> list[Period]:
    """The decisions in force on ``day``, in order of start, then id."""
    return [period for period in periods(register) if period.holds_on(day)]


def year_starts(register: Register, today: date) -> list[date]:
    """1 January of every year from the first decision's year up to ``today``'s year."""
    first = min((in_force_from(d.datum).year for d in register.decisions.values()), default=None)
    return [date(year, 1, 1) for year in range(first, today.year + 1)] if first else []
