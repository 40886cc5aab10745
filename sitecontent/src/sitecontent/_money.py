"""Amounts: read unambiguously, written the one Dutch way of the site."""

from __future__ import annotations

import re

# Whole euros (25000) or euros and cents with a decimal comma ("3000,55"), as text; no
# leading zero, which YAML 1.1 would read as octal and a reader as a typo.
BUDGET_TEXT = re.compile(r"^(0|[1-9]\d*)(?:,(\d{2}))?$")
# A budget of a regional agenda is far below a trillion euros; a longer number is a typo,
# and beyond 15 digits a float (pandas, the CSV) could no longer hold every cent.
MAX_BUDGET_EUROS = 999_999_999_999
# The typographic minus on pages; the CSV keeps ASCII so Excel reads a number.
MINUS = "−"


def budget_cents(value: object) -> int | None:
    """A budget in whole cents, or None when it is not an unambiguous amount.

    A YAML float is refused: ``25.000`` (Dutch for twenty-five thousand) reads as 25.0, and
    a float cannot tell the two apart.
    """
    if isinstance(value, bool) or isinstance(value, float):
        return None
    if isinstance(value, int):
        return value * 100 if 0 <= value <= MAX_BUDGET_EUROS else None
    if isinstance(value, str):
        found = BUDGET_TEXT.match(value.strip())
        if found and len(found.group(1)) <= len(str(MAX_BUDGET_EUROS)):
            return int(found.group(1)) * 100 + int(found.group(2) or 0)
    return None


def euro_text(amount: float | int, symbol: bool = True) -> str:
    """€ 12.500 or € 12.500,50 on pages, 12500 or 12500,50 in the CSV; both round to the
    cent the same way."""
    cents = round(float(amount) * 100)
    whole, rest = divmod(abs(cents), 100)
    text = f"{whole:,}".replace(",", ".") if symbol else str(whole)
    if rest:
        text += f",{rest:02d}"
    if symbol:
        return (f"{MINUS} " if cents < 0 else "") + f"€ {text}"
    return ("-" if cents < 0 else "") + text
