"""Money, in one place: amounts are whole cents (``int``) on every path, never a float.

- :func:`to_cents`: an exact amount in euro (``Decimal``, ``Fraction``, ``int``) with at most
  two decimals -> cents; :func:`round_cents` rounds an exact amount half away from zero.
- :func:`read_budget`: the strict notation of budgets in content files (``25000`` or
  ``"3000,55"``); the calculators read what people type with
  :func:`~calculators.core.parse.parse_number` and then :func:`to_cents`.
- :func:`euro`: the one way the site writes an amount (``€ 1.234,56``, ``-€ 1.234,56``;
  ``€ 12.500`` with ``whole=True`` when there are no cents); :func:`euro_value`: the exact
  amount for JSON and CSV (``1234.56`` as a ``Decimal``, ``12500`` as an ``int``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from .format import Number, format_decimal, round_half_up_int, to_fraction

__all__ = [
    "MAX_BUDGET_EUROS",
    "euro",
    "euro_value",
    "read_budget",
    "round_cents",
    "to_cents",
]

#: Whole euros (25000) or euros and cents with a decimal comma ("3000,55"), as text; no
#: leading zero, which YAML 1.1 would read as octal and a reader as a typo.
_BUDGET_TEXT = re.compile(r"^(0|[1-9]\d*)(?:,(\d{2}))?$")
#: A budget of a regional agenda is far below a trillion euros; a longer number is a typo.
MAX_BUDGET_EUROS = 999_999_999_999


def to_cents(amount: Number) -> int:
    """An exact amount in euro with at most two decimals, in cents; finer raises ValueError
    (validation allows two decimals, so this is a programming error)."""
    cents = to_fraction(amount) * 100
    if cents.denominator != 1:
        raise ValueError(f"{amount} is not a whole number of cents")
    return cents.numerator


def round_cents(amount: Number | Fraction) -> int:
    """An exact amount in euro, rounded to cents, a half away from zero."""
    return round_half_up_int(to_fraction(amount) * 100)


def read_budget(value: object) -> int | None:
    """A budget from a content file in cents, or ``None`` when it is not an unambiguous
    amount: whole euros (an int, or text) or ``"3000,55"``, from 0 to
    :data:`MAX_BUDGET_EUROS`. A YAML float is refused: ``25.000`` (Dutch for twenty-five
    thousand) reads as 25.0, and a float cannot tell the two apart."""
    if isinstance(value, bool) or isinstance(value, float):
        return None
    if isinstance(value, int):
        return value * 100 if 0 <= value <= MAX_BUDGET_EUROS else None
    if isinstance(value, str):
        found = _BUDGET_TEXT.match(value.strip())
        if found and len(found.group(1)) <= len(str(MAX_BUDGET_EUROS)):
            return int(found.group(1)) * 100 + int(found.group(2) or 0)
    return None


def euro(cents: int, *, whole: bool = False) -> str:
    """``123456`` -> ``"€ 1.234,56"``; ``-123456`` -> ``"-€ 1.234,56"``. With ``whole``, an
    amount without cents is written without them: ``"€ 12.500"``."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("cents must be an int")
    places = 0 if whole and cents % 100 == 0 else 2
    text = format_decimal(Fraction(abs(cents), 100), places)
    return f"-€ {text}" if cents < 0 else f"€ {text}"


def euro_value(cents: int) -> int | Decimal:
    """The exact amount for JSON or CSV: whole euros as an ``int``, else a two-decimal
    ``Decimal``."""
    return cents // 100 if cents % 100 == 0 else Decimal(cents).scaleb(-2)
