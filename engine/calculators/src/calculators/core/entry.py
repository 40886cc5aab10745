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
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import ModuleType
from typing import Any

from .calculator import Action, actions, find
from .calculator import calculator_names as declared_names
from .format import canonical_number
from .problems import InputError, Problem, quote
from .safejson import parse_json

__all__ = [
    "Action",
    "INTERNAL_ERROR_MESSAGE",
    "calculator_names",
    "handle",
    "handle_request",
    "register",
]

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


def _default(value: object) -> object:
    # Safety net for the response encoder: exact numbers go out as Dutch strings.
    if isinstance(value, Decimal) and value.is_finite():
        return canonical_number(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _known(name: str) -> bool:
    return _actions(name) is not None


def _failure(calculator: object, problems: tuple[Problem, ...] | list[Problem]) -> dict[str, Any]:
    return {
        "ok": False,
        # Only a known name is echoed: an unknown one may be megabytes of hostile text.
        "calculator": calculator if isinstance(calculator, str) and _known(calculator) else None,
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


def handle(
    request_json: str,
    present: Callable[[dict[str, Any]], None] | None = None,
    *,
    ascii_only: bool = False,
) -> str:
    """The JSON entry point: request text in, response text out; never raises.

    ``present`` may add to a successful response before it is encoded (the page adds the
    result's HTML), so a request costs one decode and one encode.

    ``ascii_only`` writes every other character as an escape (``"\\u20ac"`` for ``"€"``):
    the same JSON to any reader, in pure ASCII. For the browser worker: Pyodide hands a
    Python string with any non-ASCII character to JavaScript at some 50 ns a character, about
    85 ms for the 1,7 MB answer on 2.000 municipalities, and an ASCII string in 2 ms."""
    try:
        try:
            request = parse_json(request_json)
        except InputError as error:
            response = _failure(None, error.problems)
        else:
            response = handle_request(request)
            if present is not None and response.get("ok"):
                present(response)
        return json.dumps(response, ensure_ascii=ascii_only, allow_nan=False, default=_default)
    except Exception:  # e.g. a programming error in the response
        failure = _failure(None, [Problem("", INTERNAL_ERROR_MESSAGE)])
        return json.dumps(failure, ensure_ascii=ascii_only)
