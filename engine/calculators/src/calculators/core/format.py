"""Writing exact numbers and euro amounts the Dutch way.

Display rounding is ROUND_HALF_UP: a 5 in the first dropped place rounds away from zero
(``2,345`` → ``2,35``; ``-2,345`` → ``-2,35``). Negative numbers use the ASCII hyphen-minus
``-`` (so a copied number pastes into Excel as a number), also before the euro sign:
``-€ 1.234,56``. :func:`canonical_number` writes a plain Dutch number without thousands
separators that :func:`~calculators.core.parse.parse_number` reads back to exactly the same
value.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

__all__ = [
    "Number",
    "canonical_number",
    "format_decimal",
    "format_percent",
    "format_ratio",
    "plain_number",
    "ratio",
    "round_half_up",
    "round_half_up_int",
    "round_ratio",
    "to_fraction",
]

Number = int | Decimal | Fraction


def to_fraction(value: Number) -> Fraction:
    """Exact conversion to :class:`~fractions.Fraction`."""
    if isinstance(value, Fraction):
        return value
    return Fraction(value)


def ratio(value: Number) -> tuple[int, int]:
    """``value`` as a numerator and a positive denominator, not necessarily in lowest terms.

    The arithmetic below works on these two integers: building and normalising a Fraction
    for every amount on a page of 2.000 municipalities cost more than the computation."""
    if isinstance(value, (int, Fraction, Decimal)):
        return value.as_integer_ratio()  # raises for NaN and infinity, as Fraction() does
    exact = to_fraction(value)
    return exact.numerator, exact.denominator


def round_ratio(numerator: int, denominator: int, places: int) -> int:
    """``numerator / denominator · 10**places`` rounded to a whole number, a half away from
    zero (``denominator > 0``)."""
    scaled: int = abs(numerator) * 10**places
    rounded = (2 * scaled + denominator) // (2 * denominator)
    return -rounded if numerator < 0 else rounded


def _terminating_decimal(value: Fraction) -> Decimal:
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        raise ValueError(f"{value} has no finite decimal expansion")
    places = max(twos, fives)
    unit: int = 10**places
    return _decimal_from_scaled(value.numerator * (unit // value.denominator), places)


def _decimal_from_scaled(scaled: int, places: int) -> Decimal:
    """``scaled / 10**places`` as an exact Decimal (no context rounding)."""
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled))
    if places:
        digits = digits.rjust(places + 1, "0")
        digits = f"{digits[:-places]}.{digits[-places:]}"
    return Decimal(sign + digits)


def canonical_number(value: Number) -> str:
    """Plain Dutch notation without thousands separators: ``"1234,5"``, ``"-250000"``.

    Trailing zeros after the comma are dropped. :func:`parse_number` reads the result back to
    exactly the same value. A Fraction must have a finite decimal expansion.
    """
    if type(value) is Decimal:  # the common case (every table cell): no other checks first
        if not value.is_finite():
            raise ValueError("not a finite number")
        text = format(value, "f")  # exact, never scientific notation
    else:
        if isinstance(value, bool):
            raise TypeError("bool is not a number here")
        if isinstance(value, int):
            return str(value)
        if isinstance(value, Fraction):
            value = _terminating_decimal(value)
        if not value.is_finite():
            raise ValueError("not a finite number")
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".").replace(".", ",")
    return "0" if text in ("-0", "") else text


def plain_number(value: Number, decimal_mark: str = ",") -> str:
    """Like :func:`canonical_number`, with a chosen decimal mark (``"."`` for CSV export)."""
    text = canonical_number(value)
    return text.replace(",", decimal_mark)


def round_half_up(value: Number, places: int = 0) -> Decimal:
    """Round exactly to ``places`` decimals, a half away from zero; returns a Decimal with
    exactly ``places`` digits after the point."""
    return _decimal_from_scaled(round_ratio(*ratio(value), places), places)


def round_half_up_int(value: Number) -> int:
    """Round exactly to a whole number, a half away from zero (``2.5`` → 3, ``-2.5`` → -3)."""
    return round_ratio(*ratio(value), 0)


def _group(whole: int) -> str:
    """``1234567`` → ``"1.234.567"``."""
    return f"{whole:_}".replace("_", ".")


def _format_ratio(numerator: int, denominator: int, places: int, grouping: bool = True) -> str:
    rounded = round_ratio(numerator, denominator, places)
    unit: int = 10**places
    whole, fraction = divmod(abs(rounded), unit)
    text = _group(whole) if grouping else str(whole)
    if places:
        text = f"{text},{fraction:0{places}d}"
    return f"-{text}" if rounded < 0 else text


def format_decimal(value: Number, places: int = 2, *, grouping: bool = True) -> str:
    """Dutch display: ``format_decimal(Decimal("-1234.565"), 2)`` → ``"-1.234,57"``."""
    if type(value) is int and places == 0:  # a count, the most common case on a page
        return f"{value:_}".replace("_", ".") if grouping else str(value)
    return _format_ratio(*ratio(value), places, grouping)


def format_ratio(numerator: int, denominator: int, places: int = 2) -> str:
    """``numerator / denominator`` (``denominator > 0``) as :func:`format_decimal` writes it,
    without a Fraction: for many values on one denominator."""
    return _format_ratio(numerator, denominator, places)


def format_percent(fraction: Number, places: int = 2) -> str:
    """A share (``0.1234``) as ``"12,34 %"``."""
    numerator, denominator = ratio(fraction)
    return f"{_format_ratio(numerator * 100, denominator, places)} %"
