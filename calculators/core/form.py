"""Builders for a calculator's editor form: the controls the page glue renders.

A form is a list of plain dicts (it travels to the browser as JSON in the ``describe``
answer); ``docs/assets/js/rekenhulp-form.js`` draws each kind the same way for every calculator.
Every ``path`` uses the syntax of error fields (``key.weights.inwoners``), so an error lands
beside its input. Validation never happens in the browser: Python checks every value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .key import KeyPreset
from .table import Column

__all__ = ["choice", "field", "group", "key", "optional", "start", "table"]

Control = dict[str, object]


def start() -> list[Control]:
    """What every form opens with: a region to start from and the scenario's name (which
    stands above the result, so a printed example says "voorbeeldcijfers")."""
    return [
        {"kind": "region", "label": "Begin met de gemeenten van"},
        field("title", "Naam van dit scenario", "Staat boven de uitkomst, ook op papier."),
    ]


def field(path: str, label: str, hint: str = "") -> Control:
    """A text input; numbers are typed as text and read by Python (Dutch notation)."""
    return {"kind": "input", "path": path, "label": label, "hint": hint}


def choice(
    path: str,
    label: str,
    options: Mapping[str, str] | Iterable[tuple[str, str, str]],
    hint: str = "",
) -> Control:
    """A select. ``options``: id → label, or (id, label, explanation) triples; the chosen
    option's explanation is shown under it."""
    items = options.items() if isinstance(options, Mapping) else options
    listed = []
    for value, text, *rest in items:
        option = {"value": value, "label": text[:1].upper() + text[1:]}
        if rest:
            option["explanation"] = rest[0]
        listed.append(option)
    return {"kind": "select", "path": path, "label": label, "options": listed, "hint": hint}


def group(legend: str, *controls: Control, when: tuple[str, ...] = ()) -> Control:
    """A fieldset; with ``when=(path, value, …)`` it shows only while ``path`` has one of the
    values."""
    built: Control = {"kind": "group", "legend": legend, "controls": list(controls)}
    if when:
        built["when"] = {"path": when[0], "in": list(when[1:])}
    return built


def optional(path: str, label: str, value: object, *controls: Control) -> Control:
    """A checkbox: off sets ``path`` to null, on sets it to ``value`` and shows ``controls``."""
    return {
        "kind": "optional",
        "path": path,
        "label": label,
        "value": value,
        "controls": list(controls),
    }


def _columns(columns: Sequence[Column] | str) -> dict[str, object]:
    # A string names a list in the scenario (user-chosen criteria); else the columns are fixed.
    if isinstance(columns, str):
        return {"columns_path": columns}
    return {"columns": [c.to_dict() for c in columns]}


def key(
    path: str, legend: str, presets: Iterable[KeyPreset], columns: Sequence[Column] | str
) -> Control:
    """A key editor: a preset to choose, and a weight in percent per column."""
    return {
        "kind": "key",
        "path": path,
        "legend": legend,
        "presets": [p.to_dict() for p in presets],
        **_columns(columns),
    }


def table(caption: str, columns: Sequence[Column] | str, path: str = "municipalities") -> Control:
    """The table per municipality: a name and one input per column, rows to add or remove."""
    return {"kind": "table", "path": path, "caption": caption, **_columns(columns)}
