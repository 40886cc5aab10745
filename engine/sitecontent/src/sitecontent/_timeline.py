"""The timeline of all decisions: one row per taken decision, a bar for the time it is in
force, and a line down to each successor at the day it starts. This module places things;
the template ``tijdlijn.md.j2`` draws them, with a table of the same facts beside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ._in_force import Period

# About the width of the page's text column, so the labels print at their font size.
WIDTH, LABEL_W, ROW, TOP, BAR = 720, 90, 24, 34, 14


@dataclass(frozen=True)
class Bar:
    period: Period
    x: float
    y: float
    width: float
    open_end: bool  # still in force at the end of the axis


@dataclass(frozen=True)
class Link:
    x: float
    y1: float
    y2: float
    partial: bool


@dataclass(frozen=True)
class Timeline:
    width: float
    height: float
    years: list[tuple[float, int]]  # (x, year) of each year line
    bars: list[Bar]
    links: list[Link]


def _x(day: date, first_year: int, year_w: float) -> float:
    start = date(day.year, 1, 1)
    fraction = (day - start).days / (date(day.year + 1, 1, 1) - start).days
    return LABEL_W + (day.year - first_year + fraction) * year_w


def timeline(spans: list[Period], last_day: date) -> Timeline | None:
    """Place every period on an axis from 1 January of the first year to the end of
    ``last_day``'s year (the build date, or the latest start if that is later)."""
    if not spans:
        return None
    first_year = min(period.since.year for period in spans)
    last_year = max(last_day.year, *(period.since.year for period in spans))
    year_w = (WIDTH - LABEL_W - 10) / (last_year - first_year + 1)
    end = WIDTH - 10
    row_of = {period.decision.id: index for index, period in enumerate(spans)}
    bars, links = [], []
    for index, period in enumerate(spans):
        y = TOP + index * ROW
        x = _x(period.since, first_year, year_w)
        stop = _x(period.until, first_year, year_w) if period.until else end
        bars.append(Bar(period, x, y, max(stop - x, 3), period.until is None))
        for successor in period.decision.opvolgers:
            if successor in row_of:
                start = _x(spans[row_of[successor]].since, first_year, year_w)
                bottom = TOP + row_of[successor] * ROW
                links.append(Link(start, y + BAR, bottom, partial=bool(period.partly)))
    years = [
        (LABEL_W + (year - first_year) * year_w, year) for year in range(first_year, last_year + 1)
    ]
    return Timeline(WIDTH, TOP + len(spans) * ROW + 6, years, bars, links)
