"""Entry points for the web page: the build-time static result and the worker's calls."""

from __future__ import annotations

import json

from calculators.core.calculator import find
from calculators.core.entry import handle

from .html import text


def handle_page(request_json: str) -> str:
    """Like ``handle``, and adds the result's HTML to every successful computation."""
    response = json.loads(handle(request_json))
    calculator = response.get("calculator")
    declaration = find(calculator) if isinstance(calculator, str) else None
    if response.get("ok") and "result" in response and declaration is not None:
        response["html"] = _warnings_html(response.get("warnings") or []) + declaration.render(
            response["result"], response.get("scenario")
        )
    return json.dumps(response, ensure_ascii=False)


def _warnings_html(warnings: list[dict]) -> str:
    """Warnings do not stop the calculation, but the reader must see them above the result."""
    if not warnings:
        return ""
    items = "".join(f"<li>{text(w['message'])}</li>" for w in warnings)
    return (
        '<div class="admonition note rekenhulp-let-op"><p class="admonition-title">Let op</p>'
        f"<ul>{items}</ul></div>"
    )


def default_result(calculator: str) -> dict:
    default = json.loads(handle(json.dumps({"calculator": calculator, "action": "default"})))
    request = {"calculator": calculator, "action": "compute", "scenario": default["scenario"]}
    response = json.loads(handle_page(json.dumps(request)))
    if not response.get("ok"):
        raise ValueError(f"Default scenario of {calculator} is invalid: {response}")
    return response


def render_static(calculator: str) -> str:
    return default_result(calculator)["html"]
