"""Dates as the sources give them: a year, a month or a day, shown in Dutch."""

from __future__ import annotations

import datetime as dt
import re

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def normalise_date(value: object) -> object:
    # YAML reads 2019 as int; editors mean the text.
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def valid_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def format_date(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
