"""Entry points for the web page: the build-time static result and the worker's calls."""

from __future__ import annotations

import hashlib
import json
import re
import time
from typing import Any

from calculators.core import fields
from calculators.core.calculator import calculator_names, find
from calculators.core.entry import handle

from .html import column_kinds, highlighting, text


def handle_page(request_json: str, highlight: object = None, sections: object = False) -> str:
    """Like ``handle``, and adds the result's HTML to every successful computation.

    ``highlight`` is a view option, not part of the scenario (so not in the request, its
    checks or its JSON): the municipality the page marks in the result (``#gemeente=`` in the
    link, or the page's choice). It comes from a URL: anything but the exact name of one of
    the scenario's municipalities is ignored, never an error.

    ``sections=True`` is the browser worker's answer: the HTML as ``sections``, a list of
    ``[key, html]`` with one top-level element each (see :func:`split_sections`), so the page
    replaces only those that changed, and their ``digest`` (:func:`result_digest`);
    ``timings`` in ms, ``compute`` (reading the request, the checks, the calculation) and
    ``render`` (the HTML); and no ``result``, which the page does not read.
    Should the HTML not split, ``html`` comes as usual.

    The worker's first requests on a calculator page may be answered from memory (see
    ``_FIRST_ANSWERS``)."""
    started = time.perf_counter()
    worker = sections is True
    remembered = _FIRST_ANSWERS.get(request_json) if worker and not highlight else None
    if remembered is not None:
        return _encode_remembered(remembered, started)
    return _answer(request_json, highlight, worker, started)


def _answer(request_json: str, highlight: object, worker: bool, started: float) -> str:
    def present(response: dict[str, Any]) -> None:
        computed = time.perf_counter()
        _add_html(response, highlight)
        if not worker:
            return
        response.pop("result", None)
        if "html" in response:
            split = split_sections(response["html"])
            if split:
                response["sections"] = split
                response["digest"] = result_digest(response.pop("html"))
        response["timings"] = {
            "compute": round((computed - started) * 1000, 3),
            "render": round((time.perf_counter() - computed) * 1000, 3),
        }

    return handle(request_json, present=present, ascii_only=True)


#: An opening tag: its name and its attributes (the renderer escapes every ">" in a value).
_OPENING_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[\s/][^>]*)?)>")
_ATTRIBUTE = re.compile(r'(?:^|\s)(id|class)="([^"]*)"')
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_FOREIGN = frozenset({"svg", "math"})


def result_digest(html: str) -> str:
    """A short fingerprint of a result's HTML. The page as built carries the example's
    (``calculator_block``); when the worker's first answer has the same, the page keeps the
    example it shows instead of parsing and comparing it again."""
    return hashlib.sha256(html.encode()).hexdigest()[:32]


def split_sections(html: str) -> list[list[str]] | None:
    """The result's HTML as ``[key, html]`` pairs, one per top-level element, in order; the
    pieces join to ``html`` again. The key names the element: its ``id``, else its tag and
    first class with how many such came before it (``div.rekenhulp-tabel-wrap:1``), so a
    section keeps its key when one before it comes or goes (a warning).

    None when ``html`` is not a row of elements (text between them, a tag left open): the
    page then takes the HTML whole. The renderer's HTML escapes ``<`` and ``>`` in text and
    values, so tags are found by their ``<``."""
    out: list[list[str]] = []
    seen: dict[str, int] = {}
    position, end = 0, len(html)
    while position < end:
        tag = _OPENING_TAG.match(html, position)
        if tag is None:
            return None
        name = tag.group(1)
        after = _element_end(html, tag.end(), name, tag.group(2))
        if after < 0:
            return None
        attributes = {m[1]: m[2] for m in _ATTRIBUTE.finditer(tag.group(2))}
        key = attributes.get("id", "")
        if not key:
            kind = ".".join([name, *attributes.get("class", "").split()[:1]])
            seen[kind] = count = seen.get(kind, -1) + 1
            key = f"{kind}:{count}"
        out.append([key, html[position:after]])
        position = after
    return out


def _element_end(html: str, start: int, name: str, attributes: str) -> int:
    """Where the element whose opening tag ends at ``start`` ends, or -1 if it does not.
    ``/>`` closes only where a browser honours it: a foreign element (SVG, MathML) at the top,
    and any element inside the one sought (of its name, only SVG's can be self-closed)."""
    if name.lower() in _VOID or (name in _FOREIGN and attributes.endswith("/")):
        return start
    closing = f"</{name}>"
    opening = re.compile(f"<{re.escape(name)}(?=[\\s/>])[^>]*>")
    depth, position = 1, start
    while depth:
        close = html.find(closing, position)
        if close < 0:
            return -1
        nested = opening.findall(html, position, close)
        depth += sum(not tag.endswith("/>") for tag in nested) - 1
        position = close + len(closing)
    return position


def _add_html(response: dict[str, Any], highlight: object = None) -> None:
    calculator = response.get("calculator")
    declaration = find(calculator) if isinstance(calculator, str) else None
    if "result" in response and declaration is not None:
        scenario = response.get("scenario") or {}
        kinds = declaration.column_kinds(scenario)
        with highlighting(_known_municipality(scenario, highlight)), column_kinds(kinds):
            html = declaration.render(response["result"], scenario)
        response["html"] = (
            _title_html(scenario.get("title"))
            + _warnings_html(response.get("warnings") or [])
            + html
        )


def _known_municipality(scenario: dict[str, Any], name: object) -> str:
    """``name`` if it is one of the scenario's municipalities, else "" (mark nothing); so a
    name can never mark a row that is not a municipality, such as a total."""
    if not isinstance(name, str) or not name:
        return ""
    rows = scenario.get("municipalities")
    names = {r.get("name") for r in rows if isinstance(r, dict)} if isinstance(rows, list) else ()
    return name if name in names else ""


#: The worker's answers (``sections=True``, no highlight) to the requests every calculator page
#: starts with, by the request's exact text: its form, its example and the example's result.
#: Filled once by :func:`remember_first_answers` in the build's snapshot step, so a start from
#: the snapshot answers them without computing. The same function computed them from the
#: same wheel, and a request of any other text (a link's scenario, an edit) is computed.
_FIRST_ANSWERS: dict[str, dict[str, Any]] = {}


def first_requests(calculator: str) -> list[str]:
    """The texts of the first requests a calculator page sends, as its JavaScript writes
    them (``JSON.stringify``; rekenhulp.js): describe, default, and compute of the default.
    For any scenario of strings, integers and lists (the examples), Python's compact JSON
    without ASCII escapes is the same text."""
    scenario = _default_scenario(calculator)
    texts = [
        {"calculator": calculator, "action": "describe"},
        {"calculator": calculator, "action": "default"},
        {"calculator": calculator, "action": "compute", "scenario": scenario},
    ]
    return [json.dumps(t, separators=(",", ":"), ensure_ascii=False) for t in texts]


#: Per calculator, the text of the request that computes its example (as remembered).
_EXAMPLE_REQUESTS: dict[str, str] = {}


def remember_first_answers() -> None:
    """Compute and keep the first answers of every calculator (see ``_FIRST_ANSWERS``)."""
    for name in calculator_names():
        for request in first_requests(name):
            _FIRST_ANSWERS[request] = json.loads(handle_page(request, None, True))
        _EXAMPLE_REQUESTS[name] = request


def warm_up(calculator: str) -> None:
    """Compute the calculator's example once more, past the memory. A start from the snapshot
    runs compiled code that the browser has not yet seen run: the first real edits took two
    to four times as long as later ones (bench/bench_recompute.py). The worker calls this a
    few times while the reader looks at the example."""
    if calculator not in _EXAMPLE_REQUESTS:
        if calculator not in calculator_names():
            return
        _EXAMPLE_REQUESTS[calculator] = first_requests(calculator)[-1]
    _answer(_EXAMPLE_REQUESTS[calculator], None, True, time.perf_counter())


def _encode_remembered(response: dict[str, Any], started: float) -> str:
    """A remembered answer as ``handle_page`` writes it, timed as what it cost now."""
    if "timings" in response:
        spent = round((time.perf_counter() - started) * 1000, 3)
        response = {**response, "timings": {"compute": spent, "render": 0.0}}
    return json.dumps(response, ensure_ascii=True, allow_nan=False)


def preload_all() -> None:
    """Import every calculator now (the worker calls this when idle), so switching pages later
    does not wait for an import."""
    for name in calculator_names():
        find(name)


def _title_html(title: object) -> str:
    """The scenario's name above every result, so a printout or screenshot of the example
    says "voorbeeldcijfers" and cannot pass for real figures."""
    if not title:
        return ""
    return f'<p class="rekenhulp-titel">Scenario: <strong>{text(title)}</strong></p>'


def _warnings_html(warnings: list[dict[str, str]]) -> str:
    """Warnings do not stop the calculation, but the reader must see them above the result."""
    if not warnings:
        return ""
    items = "".join(f"<li>{text(w['message'])}</li>" for w in warnings)
    return (
        '<div class="admonition note rekenhulp-let-op"><p class="admonition-title">Let op</p>'
        f"<ul>{items}</ul></div>"
    )


def _default_scenario(calculator: str) -> dict[str, Any]:
    response = json.loads(handle(json.dumps({"calculator": calculator, "action": "default"})))
    if not response.get("ok"):  # e.g. an unknown name, or an error in the declaration
        raise ValueError(f"No default scenario for calculator {calculator!r}: {response}")
    scenario: dict[str, Any] = response["scenario"]
    return scenario


def default_result(calculator: str) -> dict[str, Any]:
    """The default scenario computed as the page computes it, with its HTML (the Pyodide
    snapshot build runs this for every calculator, so all their modules are loaded)."""
    scenario = _default_scenario(calculator)
    request = {"calculator": calculator, "action": "compute", "scenario": scenario}
    response: dict[str, Any] = json.loads(handle_page(json.dumps(request)))
    if not response.get("ok"):
        raise ValueError(f"Default scenario of {calculator} is invalid: {response}")
    return response


def render_static(calculator: str) -> str:
    """The default scenario's result, for the page as built (print, no JavaScript)."""
    return str(default_result(calculator)["html"])


def calculator_block(calculator: str) -> str:
    """The markup a calculator page embeds: status line, editor slot, static result."""
    example = render_static(calculator)
    return (
        f'<div class="rekenhulp" data-rekenhulp="{text(calculator)}">'
        '<p class="rekenhulp-status" role="status">Hieronder staat de uitkomst van het '
        "voorbeeld. Met JavaScript aan kunt u de invoer zelf aanpassen.</p>"
        '<div class="rekenhulp-invoer" hidden></div>'
        '<section class="rekenhulp-uitkomst" aria-label="Uitkomst" '
        f'data-uitkomst="{result_digest(example)}">{example}</section></div>'
    )


#: Six municipalities with 1.500, 1.500, 900, 500, 500 and 200 clients: the classic example of
#: the Alabama paradox (Wikipedia, "Apportionment paradox").
ALABAMA_WEIGHTS = {"A": 1500, "B": 1500, "C": 900, "D": 500, "E": 500, "F": 200}


def alabama_example() -> str:
    """A table of 25 and 26 places by each method: with largest remainder, D and E lose a
    place when the total grows."""
    from calculators.core.apportion import APPORTIONMENT_METHODS, apportion

    from .html import municipality_columns, table

    cases = [(m, h) for m in APPORTIONMENT_METHODS.values() for h in (25, 26)]
    results = [apportion(h, ALABAMA_WEIGHTS, m.id) for m, h in cases]
    columns = municipality_columns("Cliënten", *(f"{m.label}, {h} plaatsen" for m, h in cases))
    rows = [
        (f"Gemeente {name}", weight, *(places[name] for places in results))
        for name, weight in ALABAMA_WEIGHTS.items()
    ]
    return table("Alabama-paradox: 25 en 26 plaatsen over zes gemeenten", columns, rows)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def format_table(calculator: str) -> str:
    """The field table of the Scenario-formaat page (Markdown), derived from the scenario
    dataclass that also builds the parser and the form, so the page cannot drift."""
    declaration = find(calculator)
    if declaration is None:
        raise ValueError(f"no calculator {calculator!r}")
    rows = [
        ("calculator", "Voor welke rekenhulp het scenario is.", f'Altijd `"{calculator}"`.'),
        (
            "version",
            "Versie van dit formaat.",
            f"Altijd `{declaration.version}`. Mag ontbreken; een andere versie geeft een fout.",
        ),
    ]
    rows += fields.format_rows(declaration.scenario)
    lines = ["| Veld | Wat het is | Regels |", "| --- | --- | --- |"]
    lines += [f"| `{name}` | {_cell(about)} | {_cell(rules)} |" for name, about, rules in rows]
    return "\n".join(lines)


def example_json(calculator: str, rows: int = 2) -> str:
    """The default scenario as a JSON block for the Scenario-formaat page: the first ``rows``
    municipalities, one short value per line."""
    scenario = _default_scenario(calculator)
    scenario["municipalities"] = scenario["municipalities"][:rows]
    lines = []
    for key, value in scenario.items():
        shown = json.dumps(value, ensure_ascii=False)
        if isinstance(value, list) and len(f'  "{key}": {shown}') > 96:
            items = ",\n".join(f"    {json.dumps(v, ensure_ascii=False)}" for v in value)
            shown = f"[\n{items}\n  ]"
        lines.append(f'  "{key}": {shown}')
    return "```json\n{\n" + ",\n".join(lines) + "\n}\n```"
