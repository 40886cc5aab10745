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
    "format_euro",
    "format_euro_cents",
    "format_percent",
    "plain_number",
    "round_half_up",
    "round_half_up_int",
    "to_fraction",
]

Number = int | Decimal | Fraction


def to_fraction(value: Number) -> Fraction:
    """Exact conversion to :class:`~fractions.Fraction`."""
    if isinstance(value, Fraction):
        return value
    return Fraction(value)


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
    scaled = value * 10**places
    return _decimal_from_scaled(scaled.numerator, places)


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
    if isinstance(value, bool):
        raise TypeError("bool is not a number here")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Fraction):
        value = _terminating_decimal(value)
    if not value.is_finite():
        raise ValueError("not a finite number")
    text = format(value, "f")  # exact, never scientific notation
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",")


def plain_number(value: Number, decimal_mark: str = ",") -> str:
    """Like :func:`canonical_number`, with a chosen decimal mark (``"."`` for CSV export)."""
    text = canonical_number(value)
    return text.replace(",", decimal_mark)


def round_half_up(value: Number, places: int = 0) -> Decimal:
    """Round exactly to ``places`` decimals, a half away from zero; returns a Decimal with
    exactly ``places`` digits after the point."""
    scaled = to_fraction(value) * 10**places
    magnitude = abs(scaled)
    rounded = (2 * magnitude.numerator + magnitude.denominator) // (2 * magnitude.denominator)
    if scaled < 0:
        rounded = -rounded
    return _decimal_from_scaled(rounded, places)


def round_half_up_int(value: Number) -> int:
    """Round exactly to a whole number, a half away from zero (``2.5`` → 3, ``-2.5`` → -3)."""
    return int(round_half_up(value, 0))


def _group(digits: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.append(digits[-3:])
        digits = digits[:-3]
    parts.append(digits)
    return ".".join(reversed(parts))


def format_decimal(value: Number, places: int = 2, *, grouping: bool = True) -> str:
    """Dutch display: ``format_decimal(Decimal("-1234.565"), 2)`` → ``"-1.234,57"``."""
    rounded = round_half_up(value, places)
    text = format(abs(rounded), "f")
    whole, _, fraction = text.partition(".")
    if grouping:
        whole = _group(whole)
    out = f"{whole},{fraction}" if places else whole
    return f"-{out}" if rounded < 0 else out


def format_euro_cents(cents: int) -> str:
    """``123456`` → ``"€ 1.234,56"``; ``-123456`` → ``"-€ 1.234,56"``."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("cents must be an int")
    text = format_decimal(Fraction(abs(cents), 100), 2)
    return f"-€ {text}" if cents < 0 else f"€ {text}"


def format_euro(value: Number) -> str:
    """An exact euro amount, rounded half up to cents, as ``"€ 1.234,56"``."""
    return format_euro_cents(round_half_up_int(to_fraction(value) * 100))


def format_percent(fraction: Number, places: int = 2) -> str:
    """A share (``0.1234``) as ``"12,34 %"``."""
    return f"{format_decimal(to_fraction(fraction) * 100, places)} %"
