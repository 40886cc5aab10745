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

from .format import Number, ratio, round_ratio

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
    numerator, denominator = ratio(amount)
    cents, rest = divmod(numerator * 100, denominator)
    if rest:
        raise ValueError(f"{amount} is not a whole number of cents")
    return cents


def round_cents(amount: Number | Fraction) -> int:
    """An exact amount in euro, rounded to cents, a half away from zero."""
    numerator, denominator = ratio(amount)
    return round_ratio(numerator * 100, denominator, 0)


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
    amount without cents is written without them: ``"€ 12.500"``. An exact amount that is
    not whole cents is written as ``euro(round_cents(amount))``."""
    if type(cents) is not int:  # bool is an int subclass, and no amount
        raise TypeError("cents must be an int")
    # Called for every amount of a result (tens of thousands on 2.000 rows): one format and
    # one replace, no Fraction and no Decimal.
    sign, size = ("-", -cents) if cents < 0 else ("", cents)
    units, part = divmod(size, 100)
    text = f"{sign}€ {units:_}".replace("_", ".")
    return text if whole and part == 0 else f"{text},{part:02d}"


def euro_value(cents: int) -> int | Decimal:
    """The exact amount for JSON or CSV: whole euros as an ``int``, else a two-decimal
    ``Decimal``."""
    return cents // 100 if cents % 100 == 0 else Decimal(cents).scaleb(-2)
