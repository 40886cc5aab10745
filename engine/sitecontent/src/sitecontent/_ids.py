"""The one form of a decision id, used by the records and by every place that links one."""

from __future__ import annotations

import re

# Any two-letter series (bp, up, or a new one CONTRIBUTING allows), the year, a number.
DECISION_ID = re.compile(r"^(?P<reeks>[a-z]{2})-(?P<jaar>\d{4})-(?P<nummer>\d{2,3})$")


def is_decision_id(value: object) -> bool:
    return isinstance(value, str) and bool(DECISION_ID.fullmatch(value))
