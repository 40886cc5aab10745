"""Exact parsing of the numbers people type, in Dutch and international notation.

:func:`parse_number` accepts a Python ``int``, a :class:`~decimal.Decimal` (the entry point
reads JSON with ``parse_float=Decimal`` so binary floats never appear), a finite ``float``
(typed Python API only; read via its shortest ``repr``) or a string, and returns an exact
``Decimal``. It never accepts ``bool``, NaN or infinity.

The string rule (also written out for users in ``docs/rekenhulpen/scenario-formaat.md``):

1. Spaces around the number are ignored.
2. An optional sign: ``-``, ``+`` or the Unicode minus ``−``.
3. An optional ``€`` (before or after the sign), not in percentage fields.
4. An optional trailing ``%``, only in percentage fields (the number stays in percent units:
   ``25 %`` is 25).
5. The decimal mark is ``,``. A ``.`` is a thousands separator when it splits the whole-number
   part into correct groups of three (``1.234``, ``1.234.567``, ``1.234,5``). If a string has
   a ``.`` but no ``,`` and the dots are *not* correct grouping, the ``.`` is the decimal mark
   (``12.5``, ``0.25``, ``1234.5``). When both appear, the last one is the decimal mark
   (``1,234.56`` is international notation for 1234,56). Spaces and non-breaking spaces may
   also separate groups of three (``13 500``).
6. Everything else is an error: letters, ``e``-notation (``1e400``), ``NaN``, ``Infinity``,
   a second decimal mark, wrong grouping such as ``1.23.4``.

With ``decimal_mark="."`` (international CSV) the roles swap: ``.`` is always the decimal mark
and ``,`` may only be a thousands separator. With ``decimal_mark=","`` the ``.`` may only be a
thousands separator.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .format import Number, format_decimal, to_fraction
from .problems import InputError, quote

#: Hard upper bound for any number when the caller gives none: far above any real amount,
#: low enough that exact arithmetic stays fast.
DEFAULT_MAXIMUM = Decimal(10) ** 15
#: Default limit on digits after the decimal mark.
MAX_DECIMALS = 10
# Longer text cannot be a sensible number; keeps regexes and Decimal work bounded.
_MAX_TEXT = 60
# Decimal exponents beyond this are refused before any exact conversion (1e-999999 would
# otherwise build a gigantic Fraction).
_MAX_EXPONENT = 60

_SPACE_CHARS = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_SPACE_RE = re.compile(f"[{_SPACE_CHARS}]")
_BODY_RE = re.compile(r"[0-9.,]+")
_EXPONENT_RE = re.compile(r"[0-9.,]*[0-9][eE][+-]?[0-9]+")
_NON_FINITE = {sign + word for sign in ("", "+", "-") for word in ("nan", "inf", "infinity", "∞")}
_NON_FINITE.add("snan")
_MINUS_SIGNS = "-\u2212"
# A whole number with a decimal comma and nothing else, optionally with a hyphen-minus.
_SIMPLE_DECIMAL_RE = re.compile(r"(-?)([0-9]+),([0-9]+)")


def capitalized(text: str) -> str:
    """``text`` with a capital first letter, e.g. a label at the start of a sentence."""
    return text[:1].upper() + text[1:]


def is_blank(value: object) -> bool:
    """True for ``None`` and for strings that are empty or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def _grouping_re(separators: str) -> re.Pattern[str]:
    # One kind of separator throughout, first group 1-3 digits not starting with 0.
    sep = "[" + re.escape(separators) + "]"
    return re.compile(rf"[1-9][0-9]{{0,2}}(?:({sep})[0-9]{{3}})(?:\1[0-9]{{3}})*")


_GROUPING = {
    ".": _grouping_re(". "),
    ",": _grouping_re(", "),
    " ": _grouping_re(" "),
}


class _NotANumber(Exception):
    """Internal: the text is not a number; ``hint`` may say why."""

    def __init__(self, hint: str = ""):
        self.hint = hint


def _split_number_text(body: str, decimal_mark: str | None) -> tuple[str, str]:
    """Split ``body`` (digits, ``.``, ``,`` and plain spaces) into whole and fraction digits."""
    has_comma = "," in body
    has_dot = "." in body
    if decimal_mark is None:
        if has_comma and has_dot:
            mark = "," if body.rfind(",") > body.rfind(".") else "."
        elif has_comma:
            mark = ","
        elif has_dot:
            mark = "" if _GROUPING["."].fullmatch(body) else "."
        else:
            mark = ""
    else:
        mark = decimal_mark
    if mark and mark in body:
        if body.count(mark) != 1:
            raise _NotANumber("twice")
        whole, fraction = body.split(mark)
        if not fraction or not fraction.isascii() or not fraction.isdigit():
            raise _NotANumber()
    else:
        whole, fraction = body, ""
    if whole == "":
        if not fraction:
            raise _NotANumber()
        return "0", fraction
    if whole.isascii() and whole.isdigit():
        return whole, fraction
    # Remaining separators must be thousands grouping.
    thousands = {",": ".", ".": ","}.get(mark, "." if has_dot else ",")
    if not _GROUPING[thousands].fullmatch(whole):
        raise _NotANumber("grouping")
    return re.sub(r"[., ]", "", whole), fraction


def _not_a_number(label: str, shown: str, hint: str = "", decimal_mark: str | None = None) -> str:
    """The message when the value at ``label`` is no number: ``shown`` is that value quoted, or
    what it is ("een lijst"); ``hint`` says why, when known."""
    if hint == "nonfinite":
        return (
            f"Vul bij {label} een gewoon getal in; {shown} is geen getal "
            "waarmee de rekenhulp kan rekenen."
        )
    if hint == "exponent":
        return (
            f"Schrijf het getal bij {label} voluit, zonder e-notatie "
            f"(bijvoorbeeld 1500000 in plaats van 1,5e6); {shown} kan de rekenhulp "
            "niet lezen."
        )
    if hint in ("twice", "grouping"):
        if decimal_mark == ".":
            example = "gebruik een punt voor decimalen, bijvoorbeeld 1234.5"
        else:
            example = "gebruik een komma voor decimalen, bijvoorbeeld 1234,5"
        return f"Vul bij {label} een getal in; {shown} is geen getal ({example})."
    if hint == "percent":
        return f"Bij {label} hoort geen procentteken (%); vul alleen het getal in."
    if hint == "euro":
        return f"Bij {label} hoort geen euroteken (€); vul alleen het percentage in."
    if hint == "long":
        return (
            f"Vul bij {label} een gewoon getal in; de ingevulde tekst is te lang "
            "om een getal te zijn."
        )
    return f"Vul bij {label} een getal in; {shown} is geen getal."


def _parse_text(
    text: str, *, percent: bool, decimal_mark: str | None, label: str, field: str
) -> Decimal:
    original = text.strip()
    if len(original) <= _MAX_TEXT and original.isascii():
        if original.isdigit():
            return Decimal(original)  # a plain whole number, such as " 42 ": skip the rules
        if decimal_mark != "." and (simple := _SIMPLE_DECIMAL_RE.fullmatch(original)):
            # "1234,56" and "-12,5": what the rules below make of them, in one step.
            return Decimal(simple.expand(r"\1\2.\3"))

    def fail(hint: str = "") -> InputError:
        return InputError.single(field, _not_a_number(label, quote(original), hint, decimal_mark))

    if len(original) > _MAX_TEXT:
        raise fail("long")
    s = original
    if s.replace(" ", "").casefold() in _NON_FINITE:
        raise fail("nonfinite")
    if s.endswith("%"):
        if not percent:
            raise fail("percent")
        s = s[:-1].rstrip()
    negative = False
    seen_sign = False
    seen_euro = False
    # Sign and euro sign may come in either order: "-€ 5" (our own output) and "€ -5".
    for _ in range(2):
        if s[:1] and s[:1] in _MINUS_SIGNS + "+" and not seen_sign:
            negative = s[:1] != "+"
            seen_sign = True
            s = s[1:].lstrip()
        elif s[:1] == "€" and not seen_euro:
            if percent:
                raise fail("euro")
            seen_euro = True
            s = s[1:].lstrip()
    body = _SPACE_RE.sub(" ", s)
    if _EXPONENT_RE.fullmatch(body.replace(" ", "")):
        raise fail("exponent")
    if not body or not _BODY_RE.fullmatch(body.replace(" ", "")):
        raise fail()
    if not any(ch.isdigit() for ch in body):
        raise fail()
    # Spaces (all plain spaces by now) may only sit between digit groups, one at a time.
    if "  " in body or body.startswith(" ") or body.endswith(" "):
        raise fail()
    if re.search(r"[.,] | [.,]", body):
        raise fail()
    try:
        whole, fraction = _split_number_text(body, decimal_mark)
    except _NotANumber as exc:
        raise fail(exc.hint) from None
    digits = f"{whole}.{fraction}" if fraction else whole
    return Decimal(("-" if negative else "") + digits)


# "102,000": a decimal comma by the Dutch rule, but just as likely English thousands grouping.
_AMBIGUOUS_COMMA_RE = re.compile(r"([-+\u2212]?)\s*(€?)\s*([1-9][0-9]{0,2}),([0-9]{3})")


def _ambiguous_count(text: str, label: str, field: str, allow_negative: bool) -> None:
    """Refuse ``102,000`` in a whole-number field: 102 (decimal comma) or 102000 (grouping)?

    Only for the Dutch-first rule: where the convention fixes the decimal mark (an
    international CSV), the reading is not in doubt.
    """
    match = _AMBIGUOUS_COMMA_RE.fullmatch(text.strip())
    if match is None:
        return
    sign = "-" if match.group(1) and match.group(1) in _MINUS_SIGNS else ""
    if sign and not allow_negative:
        return  # "mag niet negatief zijn" is the more useful message then
    whole, part = match.group(3), match.group(4)
    grouped = f"{sign}{whole}{part}"
    shown = quote(text.strip())
    if part == "000":
        readings = f"bedoelt u {grouped} of {sign}{whole}?"
    else:
        readings = f"bedoelt u {grouped}?"
    raise InputError.single(
        field,
        f"Bij {label} staat {shown}: {readings} Hier hoort een heel getal; de rekenhulp leest "
        f"een komma als decimaalteken. Vul het getal zonder komma in, bijvoorbeeld {grouped}.",
    )


def plain_whole_number(value: object, maximum: Number | None = DEFAULT_MAXIMUM) -> Decimal | None:
    """The common case of :func:`parse_number` in one step, or ``None`` for anything else:
    text of ASCII digits only, such as ``"13500"``, up to ``maximum``. Such text has nothing
    to normalise (no sign, spaces, decimals or exponent), so every rule gives the same result;
    a table of 2.000 rows is mostly such cells."""
    if type(value) is str and value.isdigit() and value.isascii() and len(value) <= _MAX_TEXT:
        number = Decimal(value)
        if number <= (DEFAULT_MAXIMUM if maximum is None else maximum):
            return number
    return None


def parse_number(
    value: object,
    field: str,
    *,
    label: str | None = None,
    allow_negative: bool = False,
    integer: bool = False,
    maximum: Number | None = DEFAULT_MAXIMUM,
    max_decimals: int = MAX_DECIMALS,
    percent: bool = False,
    decimal_mark: str | None = None,
    required: bool = True,
) -> Decimal | None:
    """Parse one user-supplied number exactly; raise :class:`InputError` with a Dutch message.

    ``field`` is the path reported back (``municipalities[2].values.inwoners``); ``label`` is
    how the message names it in Dutch, e.g. ``"‘Inwoners’ van Leiden"`` (default: the field
    path in quotes). With ``required=False`` a missing value (``None`` or blank text) gives
    ``None``; otherwise it is an error. ``maximum`` bounds the absolute value;
    ``max_decimals`` the digits after the decimal mark (``integer=True`` means none).
    ``percent=True`` allows a trailing ``%`` and forbids ``€``. ``decimal_mark`` is ``None``
    (the Dutch-first rule in the module docstring), ``","`` or ``"."``.
    """
    plain = plain_whole_number(value, maximum)
    if plain is not None:
        return plain
    label = label or quote(field)
    if is_blank(value):
        if not required:
            return None
        raise InputError.single(field, f"Vul bij {label} een getal in; het veld is nu leeg.")
    if maximum is None:
        maximum = DEFAULT_MAXIMUM
    if isinstance(value, bool):
        raise InputError.single(field, _not_a_number(label, quote(value)))
    if isinstance(value, int):
        # Compare before converting: a 5 000-digit integer must not reach Decimal/str.
        if abs(value) > maximum:
            raise InputError.single(field, _too_large(label, quote(value), maximum, allow_negative))
        number = Decimal(value)
    elif isinstance(value, (float, Decimal)):
        # A float comes from the typed Python API (read via its shortest repr) or is JSON's
        # NaN/Infinity; quote shows those as typed, never as Python's nan/inf.
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if not number.is_finite():
            raise InputError.single(field, _not_a_number(label, quote(value), "nonfinite"))
    elif isinstance(value, str):
        if integer and decimal_mark is None:
            _ambiguous_count(value, label, field, allow_negative)
        number = _parse_text(
            value, percent=percent, decimal_mark=decimal_mark, label=label, field=field
        )
    else:
        kinds: dict[type, str] = {list: "een lijst", dict: "een object", tuple: "een lijst"}
        kind = kinds.get(type(value), "dit")
        raise InputError.single(field, _not_a_number(label, kind))
    return _check(
        number,
        value,
        field=field,
        label=label,
        allow_negative=allow_negative,
        maximum=maximum,
        places=0 if integer else max_decimals,
    )


def _shown(original: object, number: Decimal) -> str:
    # Text as typed; a JSON number in Dutch notation (quote never shows Decimal('…')).
    return quote(original.strip() if isinstance(original, str) else number)


def _too_large(label: str, shown: str, maximum: Number, allow_negative: bool) -> str:
    limit = format_decimal(maximum, 0)
    if allow_negative:
        return (
            f"De waarde bij {label} is te groot: {shown}. Reken met hooguit {limit} (plus of min)."
        )
    return f"De waarde bij {label} is te groot: {shown}. Het hoogste toegestane getal is {limit}."


def _check(
    number: Decimal,
    original: object,
    *,
    field: str,
    label: str,
    allow_negative: bool,
    maximum: Number,
    places: int,
) -> Decimal:
    if number == 0:
        number = Decimal(0)  # drop a negative zero, and the exponent of 0e-999999
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by now
    # Exponent first, and copy_abs (exact) rather than abs(): abs() rounds in the decimal
    # context and overflows on 1e999999999999999999.
    if exponent > _MAX_EXPONENT or number.copy_abs() > maximum:
        raise InputError.single(
            field, _too_large(label, _shown(original, number), maximum, allow_negative)
        )
    if number < 0 and not allow_negative:
        raise InputError.single(
            field,
            f"{capitalized(label)} mag niet negatief zijn; {_shown(original, number)} is kleiner "
            "dan 0.",
        )
    if exponent < -places:
        # Trailing zeros do not count: "1,50" has two meaningful decimals at most.
        if exponent < -_MAX_EXPONENT or (to_fraction(number) * 10**places).denominator != 1:
            if places == 0:
                msg = (
                    f"Vul bij {label} een heel getal in; {_shown(original, number)} heeft "
                    "cijfers achter de komma."
                )
            else:
                msg = (
                    f"Vul bij {label} hooguit {places} cijfers achter de komma in; "
                    f"{_shown(original, number)} heeft er meer."
                )
            raise InputError.single(field, msg)
    return number
