"""JSON in, JSON out: the one function the browser worker (and the CLI) calls.

``handle(request_json)`` takes a request such as
``{"calculator": "verdeelsleutel", "action": "compute", "scenario": {...}}`` and returns a
JSON string: ``{"ok": true, "calculator": ..., ...}`` or
``{"ok": false, "calculator": ..., "errors": [{"field": ..., "message": ...}]}``.
It never raises and never lets a traceback through: an unexpected internal error becomes
one problem with field ``""`` and a Dutch message.

Calculators are found by their package (see :mod:`calculators.core.calculator`) and imported
on first use, so a page that needs one calculator does not pay for the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from types import ModuleType
from typing import Any

from .calculator import Action, actions, find
from .calculator import calculator_names as declared_names
from .numbers import canonical_number
from .problems import InputError, Problem, quote

__all__ = [
    "Action",
    "INTERNAL_ERROR_MESSAGE",
    "MAX_REQUEST_CHARS",
    "calculator_names",
    "handle",
    "handle_request",
    "parse_json",
    "register",
]

MAX_REQUEST_CHARS = 10_000_000
#: A scenario is at most 4 levels deep; anything much deeper is not a scenario.
MAX_DEPTH = 64

INTERNAL_ERROR_MESSAGE = (
    "Er ging iets mis in de rekenhulp zelf; dat ligt niet aan uw invoer. Probeer het opnieuw "
    "of meld het aan de beheerders van deze website, met het scenario dat u gebruikte."
)

_REGISTRY: dict[str, Mapping[str, Action]] = {}


def register(name: str, module: ModuleType | Any) -> None:
    """Make extra actions available under ``name`` (tests, plug-ins); ``module.ACTIONS`` maps
    action names to :class:`Action` objects. Calculator packages need no registration."""
    found = getattr(module, "ACTIONS", None)
    if not isinstance(found, Mapping) or not all(isinstance(a, Action) for a in found.values()):
        raise TypeError(f"calculator {name!r} must define ACTIONS: Mapping[str, Action]")
    _REGISTRY[name] = found


def calculator_names() -> list[str]:
    return sorted(set(_REGISTRY) | set(declared_names()))


def _actions(name: str) -> Mapping[str, Action] | None:
    if name not in _REGISTRY:
        declaration = find(name)
        if declaration is None:
            return None
        _REGISTRY[name] = actions(declaration)
    return _REGISTRY[name]


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InputError.single(
                key, f"Het veld {quote(key)} staat twee keer in de invoer; laat er één staan."
            )
        result[key] = value
    return result


_STRING_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET_RE = re.compile(r"[\[\]{}]")


def _nesting_depth(text: str) -> int:
    """Deepest nesting of [ and {, ignoring strings. Checked before parsing, because deep
    nesting may exhaust the (small) stack of the browser's WebAssembly runtime."""
    depth = deepest = 0
    for match in _BRACKET_RE.finditer(_STRING_RE.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


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
    if _nesting_depth(text) > MAX_DEPTH:
        raise InputError.single("", "De invoer is te diep genest om te lezen.")
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_int=int,
            parse_constant=float,
            object_pairs_hook=_no_duplicate_keys,
        )
    except RecursionError:
        raise InputError.single("", "De invoer is te diep genest om te lezen.") from None
    except ValueError as error:  # JSONDecodeError, or an integer with thousands of digits
        where = ""
        if isinstance(error, json.JSONDecodeError):
            where = f" (regel {error.lineno}, teken {error.colno})"
        raise InputError.single("", f"De invoer is geen geldige JSON{where}.") from None


def _default(value: object) -> object:
    # Safety net for the response encoder: exact numbers go out as Dutch strings.
    if isinstance(value, Decimal) and value.is_finite():
        return canonical_number(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _failure(calculator: object, problems: tuple[Problem, ...] | list[Problem]) -> dict[str, Any]:
    return {
        "ok": False,
        "calculator": calculator if isinstance(calculator, str) else None,
        "errors": [p.to_dict() for p in problems],
    }


def handle_request(request: object) -> dict[str, Any]:
    """Like :func:`handle`, for an already parsed request; returns the response dict."""
    calculator: object = None
    try:
        if not isinstance(request, Mapping):
            raise InputError.single(
                "", "De invoer moet een JSON-object zijn met ten minste ‘calculator’ en ‘action’."
            )
        calculator = request.get("calculator")
        names = ", ".join(calculator_names())
        if not isinstance(calculator, str) or not calculator:
            raise InputError.single("calculator", f"Kies een rekenhulp (‘calculator’): {names}.")
        actions = _actions(calculator)
        if actions is None:
            raise InputError.single(
                "calculator", f"De rekenhulp {quote(calculator)} bestaat niet. Kies uit: {names}."
            )
        action_name = request.get("action")
        if not isinstance(action_name, str) or action_name not in actions:
            shown = quote(action_name) if action_name is not None else "Een lege actie"
            raise InputError.single(
                "action",
                f"{shown} kan de rekenhulp niet uitvoeren. Kies uit: {', '.join(actions)}.",
            )
        action = actions[action_name]
        unknown = [k for k in request if k not in {"calculator", "action"} | action.fields]
        if unknown:
            raise InputError(
                [
                    Problem(
                        str(k),
                        f"Het veld {quote(k)} hoort niet bij de actie "
                        f"{quote(action_name)}. Mogelijke velden: "
                        f"{', '.join(sorted(action.fields)) or 'geen'}.",
                    )
                    for k in unknown
                ]
            )
        payload = action.run(request)
        return {"ok": True, "calculator": calculator, **payload}
    except InputError as error:
        return _failure(calculator, error.problems)
    except Exception:  # nothing may escape to the page
        return _failure(calculator, [Problem("", INTERNAL_ERROR_MESSAGE)])


def handle(request_json: str) -> str:
    """The JSON entry point: request text in, response text out; never raises."""
    try:
        try:
            request = parse_json(request_json)
        except InputError as error:
            response = _failure(None, error.problems)
        else:
            response = handle_request(request)
        return json.dumps(response, ensure_ascii=False, allow_nan=False, default=_default)
    except Exception:  # e.g. a programming error in the response
        return json.dumps(_failure(None, [Problem("", INTERNAL_ERROR_MESSAGE)]), ensure_ascii=False)
