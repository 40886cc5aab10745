"""Reading untrusted request JSON safely and exactly.

Before :func:`json.loads` runs, the text is checked for size, lone surrogates and nesting
depth, each in linear time; while it runs, decimals become exact Decimals (never binary
floats) and a key given twice is refused. Every failure is an :class:`InputError` with a
Dutch message.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Callable
from decimal import Decimal
from itertools import accumulate
from typing import Any

from .problems import InputError, quote

__all__ = [
    "INVALID_CHARACTER_MESSAGE",
    "MAX_DEPTH",
    "MAX_REQUEST_CHARS",
    "TOO_DEEP_MESSAGE",
    "parse_json",
]

MAX_REQUEST_CHARS = 10_000_000
#: A scenario is at most 4 levels deep; anything much deeper is not a scenario.
MAX_DEPTH = 64


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InputError.single(
                key, f"Het veld {quote(key)} staat twee keer in de invoer; laat er één staan."
            )
        result[key] = value
    return result


INVALID_CHARACTER_MESSAGE = (
    "De invoer bevat een ongeldig teken, bijvoorbeeld de helft van een emoji. Haal dat teken "
    "weg of typ de tekst opnieuw."
)
TOO_DEEP_MESSAGE = "De invoer is te diep genest om te lezen."

# A \uD800-\uDBFF escape not followed by a \uDC00-\uDFFF escape, or such a low escape
# without a high one just before it: JSON would read either as a lone surrogate, text that
# cannot be written as UTF-8. (The pattern starts with a literal, so it is searched fast.)
_LONE_SURROGATE_ESCAPE_RE = re.compile(
    rb"\\u(?:[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2}\\u)[dD][c-fC-F][0-9a-fA-F]{2})"
)
# A surrogate written out directly: UTF-8 with surrogatepass gives ED A0..BF.
_RAW_SURROGATE_RE = re.compile(rb"\xed[\xa0-\xbf]")
# Everything but brackets and quotes is deleted; { } count as [ ].
_SKELETON = bytes.maketrans(b"{}", b"[]")
_NOT_SKELETON = bytes(sorted(set(range(256)) - set(b'[]{}"')))
_STEPS = bytes.maketrans(b"[]", b"\x01\xff")


def _run_codes(*lengths: int) -> list[tuple[bytes, bytes]]:
    # A run of n brackets becomes one signed byte, +n or -n: within a run the depth only
    # climbs or only falls, so only its ends can be the deepest point.
    return [
        (bracket * n, bytes([n if bracket == b"[" else 256 - n]))
        for n in lengths
        for bracket in (b"[", b"]")
    ]


_RUN_CODES = _run_codes(64, 32, 16, 8, 4, 2)


def _code_runs(brackets: bytes) -> bytes:
    for old, new in _RUN_CODES:
        brackets = brackets.replace(old, new)
    return brackets


def _sibling_rules(*heights: int) -> list[tuple[bytes, bytes]]:
    # k closing brackets, then [[..]] of height k: the block can go, because the point just
    # before those closing brackets was as deep as the block gets. The same for the block
    # followed by k opening brackets. Written in run codes, like the text they apply to.
    rules = []
    for k in heights:
        up, down = _code_runs(b"[" * k), _code_runs(b"]" * k)
        rules += [(down + up + down, down), (up + down + up, up)]
    return rules


#: Before run coding: [] next to a sibling (run coding would hide the [] in [[]).
_LEAF_RULES = [(b"][]", b"]"), (b"[][", b"[")]
_SIBLING_RULES = _sibling_rules(1, 2, 3, 4, 6, 8)


def _prune(brackets: bytes, rules: list[tuple[bytes, bytes]]) -> bytes:
    while brackets:  # each round halves runs of siblings; stop when little changes
        before = len(brackets)
        for old, new in rules:
            brackets = brackets.replace(old, new)
        if 4 * len(brackets) > 3 * before:
            break
    return brackets


def _blank_escapes(text: str) -> bytes:
    r"""The text as UTF-8 with the escapes \\ and \" each replaced by ``_``.

    Left to right, \\ pairs up before \" does, as a JSON reader reads a string. After that
    every " that is left opens or closes a string (in valid JSON), and every \ that is left
    starts an escape such as \n or \u00e9. The ``_`` keeps apart what the escapes kept apart
    (``\ud800\\\udc00`` is not a surrogate pair).
    """
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate is reported, not raised
    return data.replace(b"\\\\", b"_").replace(b'\\"', b"_")


def _has_lone_surrogate(plain: bytes) -> bool:
    """True if the text (from :func:`_blank_escapes`) has half of a surrogate pair."""
    # The membership tests are fast scans in C; the regexes only run when they may match.
    return (b"\xed" in plain and _RAW_SURROGATE_RE.search(plain) is not None) or (
        (b"\\ud" in plain or b"\\uD" in plain)
        and _LONE_SURROGATE_ESCAPE_RE.search(plain) is not None
    )


def _nesting_depth(plain: bytes) -> int:
    """Deepest nesting of [ and { outside strings, in :func:`_blank_escapes` output.

    Checked before parsing, because deep nesting may exhaust the (small) stack of the
    browser's WebAssembly runtime. The answer is the one a small state machine (in a string
    or not, escape, bracket count) would give, but every step is a C-speed bytes operation
    over the whole input: a Python loop over 10 million characters takes seconds in the
    browser, and the old regex took minutes on an unterminated string full of \\".
    A stray closing bracket lowers the count, as it did before (JSON stops reading there).
    """
    skeleton = plain.translate(_SKELETON, _NOT_SKELETON)
    # Drop string contents: "" pairs first (cheap), then every other piece is in a string.
    brackets = b"".join(skeleton.replace(b'""', b"").split(b'"')[::2])
    brackets = _prune(_code_runs(_prune(brackets, _LEAF_RULES)), _SIBLING_RULES)
    if not brackets:
        return 0
    return max(0, max(accumulate(array("b", brackets.translate(_STEPS)))))


def parse_json(text: object) -> Any:
    """Parse request JSON exactly: decimals as Decimal, never binary floats; NaN/Infinity
    become float NaN/inf so that validation reports them for the right field."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError.single("", "De invoer is geen geldige tekst (UTF-8).") from None
    if not isinstance(text, str):
        raise InputError.single("", "De invoer moet tekst in JSON-vorm zijn.")
    if len(text) > MAX_REQUEST_CHARS:
        raise InputError.single("", "De invoer is te groot (meer dan 10 miljoen tekens).")
    plain = _blank_escapes(text)
    if _has_lone_surrogate(plain):
        raise InputError.single("", INVALID_CHARACTER_MESSAGE)
    if _nesting_depth(plain) > MAX_DEPTH:
        raise InputError.single("", TOO_DEEP_MESSAGE)
    try:
        return _loads(text, int)
    except RecursionError:
        raise InputError.single("", TOO_DEEP_MESSAGE) from None
    except ValueError as error:  # JSONDecodeError; nothing else is expected
        where = ""
        if isinstance(error, json.JSONDecodeError):
            where = f" (regel {error.lineno}, teken {error.colno})"
        raise InputError.single("", f"De invoer is geen geldige JSON{where}.") from None


def _loads(text: str, parse_int: Callable[[str], object]) -> Any:
    try:
        return json.loads(
            text,
            parse_float=_json_decimal,
            parse_int=parse_int,
            parse_constant=float,
            object_pairs_hook=_no_duplicate_keys,
        )
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError) or parse_int is not int:
            raise
        # int() refuses thousands of digits (sys.get_int_max_str_digits). Read again, more
        # slowly, with such integers as exact Decimals: validation then says "te groot" at
        # the field instead of calling valid JSON invalid.
        return _loads(text, _long_int)


def _long_int(digits: str) -> int | Decimal:
    try:
        return int(digits)
    except ValueError:
        return Decimal(digits)


#: Stand-in exponent for numbers such as 1e99999999999999999999, which Decimal cannot hold:
#: far outside every range a calculator accepts, well inside Decimal's limits (also on 32-bit
#: WebAssembly).
_FAR_EXPONENT = 10**8


def _json_decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except ArithmeticError:  # decimal.InvalidOperation: the exponent is out of range
        mantissa, _, exponent = text.lower().partition("e")
        sign, digits, _ = Decimal(mantissa).as_tuple()
        if not any(digits):
            return Decimal(0)
        far = -_FAR_EXPONENT if exponent.startswith("-") else _FAR_EXPONENT
        return Decimal((sign, digits, far))
