"""Inputs declared once: the scenario dataclass is the only declaration of a calculator's input.

Every field of a scenario dataclass carries an :class:`Input` in its metadata (made by
:func:`text`, :func:`number`, :func:`choice` or :func:`custom`): its label as the form shows
it, its help text, bounds, default, example and the condition under which it is needed.
Everything else is derived from that one declaration:

- :func:`parse`: scenario JSON -> the dataclass, every problem collected, messages quoting
  the form's label; unknown fields are reported; cross-field rules are the scenario's
  ``check`` method;
- :func:`to_json`: the dataclass -> normalised scenario JSON, in declaration order;
- :func:`example`: the example scenario for a region;
- :func:`form`: the editor's controls: plain dicts that travel to the browser as JSON in the
  ``describe`` answer, where the engine's ``assets/js/rekenhulp-form.js`` draws each kind the
  same way for every calculator. Every ``path`` uses the syntax of error fields
  (``key.weights.inwoners``), so an error lands beside its input; Python checks every value;
- :func:`format_rows`: the rows of the field table on the Scenario-formaat page;
- :func:`json_shape`: which top-level fields hold an object or a list.

Standard library only: it runs in Pyodide.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..catalogue.site import default_region
from . import validators
from .format import Number, canonical_number, format_decimal
from .key import Key, KeyPreset, check_key_columns, key_to_json, parse_key
from .problems import InputError, Problems, field_path, quote
from .table import Column, Row, parse_columns, parse_table, table_to_json
from .validators import check_header, check_unknown

Control = dict[str, object]
#: What a reader returns for an input with a problem (``None`` is a valid value).
INVALID: Any = object()
#: A control with the fieldset it belongs in: (legend, when, control); legend "" = none.
Placed = tuple[str, tuple[str, ...], Control]
#: (raw JSON value, field path, label as messages quote it, values read so far, problems)
#: -> the typed value, or INVALID after adding the problem to ``problems``.
Reader = Callable[[object, str, str, Mapping[str, Any], Problems], Any]


def _plain(value: object, scenario: object) -> object:
    return value


def _number_text(value: object, scenario: object) -> object:
    return "" if value is None else canonical_number(value)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Input:
    """The declaration of one input (the metadata of one dataclass field)."""

    #: as the form shows it; every message about this input quotes it
    label: str
    read: Reader
    #: (typed value, whole scenario) -> JSON
    dump: Callable[[Any, Any], object] = _plain
    #: (path, this input, controls of the inputs drawn inside it) -> placed controls
    controls: Callable[[str, Input, list[Control]], list[Placed]] | None = None
    #: what it is, for the Scenario-formaat page (default: the label)
    about: str = ""
    #: the rules derived from the bounds, for the Scenario-formaat page (a function: where
    #: they name what the site's region file offers)
    rules: str | Callable[[], str] = ""
    #: shown under the input
    hint: str = ""
    #: legend of the fieldset the input stands in ("" = none)
    group: str = ""
    #: (field, value, …): the input is read and shown only while ``field`` has one of the
    #: values; otherwise it is ``None`` and may be anything (it is left empty when saved)
    when: tuple[str, ...] = ()
    #: the name of an optional input this one is drawn inside
    inside: str = ""
    #: fields read before this one (their values reach ``read``)
    needs: tuple[str, ...] = ()
    #: JSON value in the example scenario, or a function region id -> JSON value
    example: object = None
    #: the JSON type of the field, checked before the editor shows a scenario
    json_type: type | None = None
    #: how messages call it ("de sleutel"), where that is not the label
    noun: str = ""
    #: a table with fixed columns, or the criteria: this input's JSON -> the table's columns
    #: (for CSV import); raises InputError
    columns: Callable[[object], Sequence[Column]] | None = None
    #: objects only: the dataclass that declares the inputs inside (see :func:`nested`)
    inner: type | None = None


def _declare(label: str, read: Reader, extra: dict[str, Any], **defaults: Any) -> Any:
    """A dataclass field carrying its Input; what the caller passes overrides the defaults."""
    return dataclasses.field(metadata={"input": Input(label, read, **(defaults | extra))})


def inputs(cls: type) -> dict[str, Input]:
    """Field name -> its :class:`Input`, in declaration order."""
    return {f.name: f.metadata["input"] for f in dataclasses.fields(cls) if "input" in f.metadata}


def _validated(validator: validators.Validator) -> Reader:
    def read(raw: object, path: str, label: str, values: Mapping[str, Any], p: Problems) -> Any:
        try:
            return validator(raw, path, label)
        except InputError as error:
            p.collect(error)
            return INVALID

    return read


def input_control(path: str, spec: Input, inside: list[Control]) -> list[Placed]:
    """A text box (numbers are typed as text too), in the input's fieldset."""
    box: Control = {"kind": "input", "path": path, "label": spec.label, "hint": spec.hint}
    return [(spec.group, spec.when, box)]


def _checkbox(path: str, spec: Input, value: object, inside: list[Control]) -> list[Placed]:
    """Off sets ``path`` to null, on sets it to ``value`` and shows ``inside``."""
    checkbox: Control = {
        "kind": "optional",
        "path": path,
        "label": spec.label,
        "value": value,
        "controls": inside,
    }
    return [(spec.group, spec.when, checkbox)]


def _columns_control(columns: Sequence[Column] | str) -> Control:
    # A string names a list in the scenario (user-chosen criteria); else the columns are fixed.
    if isinstance(columns, str):
        return {"columns_path": columns}
    return {"columns": [c.to_dict() for c in columns]}


# ---- declarations ---------------------------------------------------------------------------


def text(label: str, *, maximum: int = 200, example: object = "", **extra: Any) -> Any:
    """A single-line text that may be empty."""
    return _declare(
        label,
        _validated(validators.text(maximum=maximum)),
        extra,
        controls=input_control,
        rules=f"Tekst, hoogstens {maximum} tekens. Mag leeg zijn.",
        example=example,
    )


def _bound(value: Number) -> str:
    # Dutch groups thousands in large numbers, never in a year such as 2200.
    return format_decimal(value, 0, grouping=not -10_000 < value < 10_000)


def _range_text(
    minimum: Number | None, maximum: Number | None, integer: bool, *, positive: bool = False
) -> str:
    kind = "Een heel getal" if integer else "Een getal"
    top = "" if maximum is None else _bound(maximum)
    if positive:
        return f"{kind} groter dan 0" + (f", hoogstens {top}" if top else "")
    if minimum is None or (top and minimum == -maximum):  # type: ignore[operator]
        return f"{kind}, hoogstens {top} (plus of min)" if top else kind
    if not top:
        return f"{kind}, {_bound(minimum)} of meer"
    return f"{kind} van {_bound(minimum)} tot en met {top}"


def number(
    label: str,
    *,
    integer: bool = False,
    decimals: int = 6,
    minimum: Number | None = None,
    maximum: Number | None = None,
    allow_negative: bool = False,
    percent: bool = False,
    required: bool = True,
    positive: str = "",
    default: Number | None = None,
    example: object = "",
    **extra: Any,
) -> Any:
    """An exact number, typed as text in Dutch notation (see :mod:`calculators.core.parse`).

    Integers become ``int``, other numbers ``Decimal``. Empty is ``default`` (or ``None``)
    when not ``required``. ``minimum`` (default 0, or none with ``allow_negative``) is checked
    after parsing."""
    if minimum is None and not allow_negative:
        minimum = 0
    parse_number = validators.number(
        integer=integer,
        decimals=decimals,
        maximum=maximum,
        allow_negative=allow_negative,
        percent=percent,
        required=required and default is None,
        positive=positive,
    )

    def validate(raw: object, path: str, label: str) -> Any:
        value = parse_number(raw, path, label)
        if value is None:
            return default
        if minimum is not None and value < minimum:
            at_least = "groter dan 0" if minimum == 1 and integer else f"van ten minste {minimum}"
            raise InputError.single(path, f"Vul bij {label} een getal {at_least} in.")
        return int(value) if integer else value

    rules = [_range_text(minimum, maximum, integer, positive=bool(positive)) + "."]
    if not integer and decimals <= 4:
        rules.append(f"Hoogstens {decimals} cijfers achter de komma.")
    if default is not None:
        rules.append(f"Leeg is {canonical_number(default)}.")
    elif not required:
        rules.append("Mag leeg zijn.")
    return _declare(
        label,
        _validated(validate),
        extra,
        dump=_number_text,
        controls=input_control,
        rules=" ".join(rules),
        example=example,
    )


def choice(
    label: str,
    options: Mapping[str, str] | Sequence[tuple[str, str, str]],
    *,
    default: str | None = None,
    example: object = None,
    **extra: Any,
) -> Any:
    """One of ``options``: id -> Dutch label, or (id, label, explanation) triples."""
    items = options.items() if isinstance(options, Mapping) else options
    labels = {value: text for value, text, *_ in items}

    def placed(path: str, spec: Input, inside: list[Control]) -> list[Placed]:
        # The chosen option's explanation is shown under the select.
        shown = []
        for value, text, *explanation in items:
            option = {"value": value, "label": text[:1].upper() + text[1:]}
            if explanation:
                option["explanation"] = explanation[0]
            shown.append(option)
        select: Control = {
            "kind": "select",
            "path": path,
            "label": spec.label,
            "options": shown,
            "hint": spec.hint,
        }
        return [(spec.group, spec.when, select)]

    listed = "; ".join(f"`{k}`: {v}" for k, v in labels.items())
    rules = f"Een van: {listed}." + (f" Leeg is `{default}`." if default else "")
    return _declare(
        label,
        _validated(validators.choice(labels, default=default)),
        extra,
        controls=placed,
        rules=rules,
        example=default if example is None else example,
    )


def custom(label: str, read: Reader, **extra: Any) -> Any:
    """An input with its own reader: pass ``dump``, ``controls``, ``rules`` and ``example`` as
    it needs them."""
    return _declare(label, read, extra)


def schedule(label: str, *, steps: int, rising: str, **extra: Any) -> Any:
    """Percentages typed as ``10; 20; 30`` (a tuple of Decimal): each from 0 to 100 with at
    most 6 decimals, never lower than the one before, at most ``steps`` of them. ``rising``
    ends the message about a step that is lower (why it may not fall)."""
    percent = validators.number(percent=True, maximum=100)

    def validate(raw: object, path: str, label: str) -> tuple[Decimal, ...]:
        items = raw.split(";") if isinstance(raw, str) and raw.strip() else []
        if not items:
            raise InputError.single(
                path,
                f"Vul bij {label} per jaar een percentage in, gescheiden door puntkomma’s, "
                "bijvoorbeeld ‘10; 25; 50; 75; 100’.",
            )
        if len(items) > steps:
            raise InputError.single(
                path,
                f"{label} heeft {len(items)} stappen; dat zijn er te veel. Gebruik er "
                f"hoogstens {steps}.",
            )
        found: list[Decimal] = []
        for k, item in enumerate(items, start=1):
            step = f"stap {k} van {label} (scheid de stappen met een puntkomma)"
            found.append(percent(item, path, step))
            if k > 1 and found[-1] < found[-2]:
                raise InputError.single(
                    path,
                    f"{label} mag niet dalen: stap {k} ({quote(item.strip())}) is lager "
                    f"dan stap {k - 1}. {rising}",
                )
        return tuple(found)

    return _declare(
        label,
        _validated(validate),
        extra,
        controls=input_control,
        hint="Gescheiden door puntkomma’s, nooit dalend, van 0 tot 100.",
        rules="Percentages gescheiden door puntkomma’s, elk van 0 tot en met 100 en nooit "
        f"dalend; hoogstens {steps} stappen.",
    )


def nested(
    cls: type,
    label: str,
    *,
    optional: bool = False,
    where: str = "",
    wrong: str = "",
    switched_on: dict[str, object] | None = None,
    **extra: Any,
) -> Any:
    """An object of inputs declared by the dataclass ``cls`` (``"cap": {"per_inhabitant": …}``).

    ``optional``: ``null`` means off (``None``), and the form shows a checkbox that switches it
    on with the example; otherwise a missing object counts as ``{}``. ``where`` names the
    object in a message about an unknown field ("bij de grens"); ``wrong`` is the message when
    it is no object; ``switched_on`` what the checkbox fills in (default: the example)."""

    def read(raw: object, path: str, label: str, values: Mapping[str, Any], p: Problems) -> Any:
        if raw is None:
            if optional:
                return None
            raw = {}
        if not isinstance(raw, Mapping):
            p.add(path, wrong or f"Bij {quote(path)} hoort een object.")
            return INVALID
        check_unknown(raw, list(inputs(cls)), path, where or f"bij {label}", p)
        found = read_fields(cls, raw, p, path)
        return INVALID if found is INVALID else cls(**found)

    def placed(path: str, spec: Input, inside: list[Control]) -> list[Placed]:
        parts = form_parts(cls, f"{path}.")
        if not optional:
            return parts
        on = example(cls) if switched_on is None else switched_on
        return _checkbox(path, spec, on, [c for _, _, c in parts])

    return _declare(
        label,
        read,
        extra,
        dump=lambda value, scenario: None if value is None else to_json(value),
        controls=placed,
        json_type=dict,
        inner=cls,
        example=None if optional else (lambda region: example(cls, region)),
    )


def _columns_in(
    columns: Sequence[Column] | str, values: Mapping[str, Any]
) -> Sequence[Column] | None:
    """Fixed columns, or the value of the criteria field named by ``columns``."""
    if not isinstance(columns, str):
        return columns
    found = values.get(columns)
    return None if found is INVALID or found is None else found


def _codes(ids: Sequence[str]) -> str:
    """``a``, ``b`` en ``c``, as the Scenario-formaat page writes codes."""
    shown = [f"`{i}`" for i in ids]
    return f"{', '.join(shown[:-1])} en {shown[-1]}" if len(shown) > 1 else "".join(shown)


def _table_texts(columns: Sequence[Column], required: Set[str], keyed: bool) -> dict[str, str]:
    """What the format page says of a table with fixed columns, from the columns themselves."""
    about = "De tabel per gemeente, met de kolommen " + ", ".join(
        f"`{c.id}` ({c.label})" for c in columns
    )
    rules = ["Getallen, 0 of meer."]
    groups = (
        ("Hele getallen", [c.id for c in columns if c.integer]),
        ("Groter dan 0", [c.id for c in columns if c.positive]),
        ("Hoogstens 2 cijfers achter de komma", [c.id for c in columns if c.decimals <= 2]),
    )
    rules += [f"{what}: {_codes(ids)}." for what, ids in groups if ids]
    filled = [c.id for c in columns if c.id in required]
    weighed = "de kolommen die de sleutel meeweegt"
    if filled or keyed:
        listed = [_codes(filled)] if filled else []
        rules.append(f"Altijd ingevuld: {', en '.join([*listed, *([weighed] if keyed else [])])}.")
    return {"about": about + ".", "rules": " ".join(rules)}


def key(
    legend: str,
    presets: Callable[[], Mapping[str, KeyPreset]],
    columns: Sequence[Column] | str,
    *,
    noun: str = "de sleutel",
    default_label: str = "Sleutel",
    switched_on: Callable[[], dict[str, object]] | None = None,
    label: str = "",
    **extra: Any,
) -> Any:
    """A key: a weight in percent per column. ``columns``: fixed, or the name of the criteria
    field. ``presets`` gives the preset keys (the site's region file names them, so they are
    asked for when used). With ``switched_on`` the key is optional (``null`` = off): a
    checkbox ``label`` fills it in and shows the key editor (with ``legend``) and the inputs
    drawn inside it."""
    optional = switched_on is not None

    def read(raw: object, path: str, label: str, values: Mapping[str, Any], p: Problems) -> Any:
        if optional and raw is None:
            return None
        found = parse_key(
            raw, path, p, _columns_in(columns, values), presets(), name=noun,
            default_label=default_label,
        )  # fmt: skip
        return INVALID if found is None else found

    def placed(path: str, spec: Input, inside: list[Control]) -> list[Placed]:
        editor: Control = {
            "kind": "key",
            "path": path,
            "legend": legend,
            "presets": [p.to_dict() for p in presets().values()],
            **_columns_control(columns),
        }
        if switched_on is not None:
            return _checkbox(path, spec, switched_on(), [editor, *inside])
        return [(spec.group, spec.when, editor)]

    over = (
        "per criterium"
        if isinstance(columns, str)
        else f"per kolom ({_codes([c.id for c in columns])})"
    )

    def rules() -> str:
        return (
            f"`label`, `preset` en `weights`: {over} een percentage, samen 100. "
            f"Voorinstellingen: {_codes(list(presets()))}."
            + (" Of `null`: niet vergelijken." if optional else "")
        )

    return _declare(
        label or legend,
        read,
        extra,
        rules=rules,
        dump=lambda value, scenario: key_to_json(value),
        controls=placed,
        json_type=dict,
        noun=noun,
        needs=(columns,) if isinstance(columns, str) else (),
    )


def table(
    caption: str,
    columns: Sequence[Column] | str,
    *,
    required: Callable[[Mapping[str, Any]], Set[str]] | Set[str] = frozenset(),
    keys: Mapping[str, str] | None = None,
    adjust: Callable[[Sequence[Column], Mapping[str, Any]], Sequence[Column]] | None = None,
    needs: tuple[str, ...] = (),
    **extra: Any,
) -> Any:
    """The table per municipality (``municipalities``). ``columns``: fixed, or the name of the
    criteria field (see :func:`criteria`, which then gives the columns for CSV import).
    ``keys``: key field -> how messages call it; every column such a key weighs is required
    too, and may not be 0 for every municipality. ``adjust`` may tighten columns from other
    inputs."""
    keys = keys or {}
    fixed = None if isinstance(columns, str) else columns
    waits = (*needs, *keys, *((columns,) if isinstance(columns, str) else ()))

    def read(raw: object, path: str, label: str, values: Mapping[str, Any], p: Problems) -> Any:
        found = _columns_in(columns, values)
        if found is not None and adjust is not None:
            found = adjust(found, values)
        wanted = set(required(values) if callable(required) else required)
        chosen = [(k, values[k]) for k in keys if isinstance(values.get(k), Key)]
        for _, k in chosen:
            wanted |= k.used
        before = len(p)
        rows = parse_table(raw, found, wanted, p)
        # A row with a problem is left out, so "0 for every municipality" could mislead.
        if found is not None and len(p) == before:
            for name, k in chosen:
                check_key_columns(k, name, rows, found, p, keys[name])
        return INVALID if len(p) > before or found is None else tuple(rows)

    def dump(rows: Sequence[Row], scenario: Any) -> object:
        shown = getattr(scenario, columns) if isinstance(columns, str) else columns
        return table_to_json(rows, shown)

    def placed(path: str, spec: Input, inside: list[Control]) -> list[Placed]:
        grid: Control = {"kind": "table", "path": path, "caption": caption}
        return [(spec.group, spec.when, grid | _columns_control(columns))]

    texts = {} if fixed is None or callable(required) else _table_texts(fixed, required, bool(keys))
    return _declare(
        caption,
        read,
        extra,
        **texts,
        dump=dump,
        controls=placed,
        json_type=list,
        needs=waits,
        columns=None if fixed is None else (lambda raw: fixed),
    )


def criteria(label: str, catalogue: Mapping[str, Column], **extra: Any) -> Any:
    """User-chosen columns of the table: a list of {id, label, reference}. A criterion whose
    id is in ``catalogue`` (id -> column) takes its whole-number rule and CSV aliases from
    there."""

    def read(raw: object, path: str, label: str, values: Mapping[str, Any], p: Problems) -> Any:
        found = parse_columns(raw, p, catalogue)
        return INVALID if found is None else tuple(found)

    def import_columns(raw: object) -> Sequence[Column]:
        p = Problems()
        found = parse_columns(raw, p, catalogue)
        p.raise_if_any()
        assert found is not None
        return found

    return _declare(
        label,
        read,
        extra,
        dump=lambda value, scenario: [c.to_dict() for c in value],
        json_type=list,
        columns=import_columns,
    )


# ---- derived --------------------------------------------------------------------------------


def read_fields(
    cls: type, data: Mapping[str, object], p: Problems, prefix: str = ""
) -> dict[str, Any] | Any:
    """Every input of ``cls`` read from ``data``: field name -> value, or INVALID when any
    input had a problem (all problems are in ``p``). An input waits for those it ``needs``
    and for the field of its ``when``."""
    specs = inputs(cls)
    values: dict[str, Any] = {}
    # Problems per input, reported in declaration order whatever order they are read in.
    found: dict[str, Problems] = {name: Problems() for name in specs}
    pending = list(specs)
    while pending:
        ready = [
            name
            for name in pending
            if all(n in values for n in (*specs[name].needs, *specs[name].when[:1]))
        ]
        if not ready:
            raise TypeError(f"{cls.__name__}: inputs wait for each other: {pending}")
        for name in ready:
            pending.remove(name)
            spec = specs[name]
            if spec.when and values.get(spec.when[0]) not in spec.when[1:]:
                values[name] = None
                continue
            path = field_path(prefix, name)
            values[name] = spec.read(data.get(name), path, f"‘{spec.label}’", values, found[name])
    for name in specs:
        p.extend(found[name])
    if any(v is INVALID for v in values.values()):
        return INVALID
    return {name: values[name] for name in specs}


def calculator_name(cls: type) -> str:
    """The package a scenario class lives in: ``calculators.spreiding.model`` -> spreiding."""
    parts = cls.__module__.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "calculators" else parts[-1]


def parse(cls: type, data: object, name: str = "") -> Any:
    """Scenario JSON -> an instance of ``cls``; raises InputError with every problem.
    ``name``: the calculator's (default: the package ``cls`` lives in)."""
    name = name or calculator_name(cls)
    if not isinstance(data, Mapping):
        # The fields with structure (table, key, objects) say best what a scenario looks like.
        shaped = [n for n, s in inputs(cls).items() if s.json_type is not None] or list(inputs(cls))
        first, *rest = [f"‘{n}’" for n in shaped[:3]]
        listed = f"{', '.join([first, *rest[:-1]])} en {rest[-1]}" if rest else first
        raise InputError.single(
            "", f"De invoer moet een scenario zijn: een JSON-object met velden zoals {listed}."
        )
    p = Problems()
    check_header(data, name, cls.VERSION, ("calculator", "version", *inputs(cls)), p)  # type: ignore[attr-defined]
    found = read_fields(cls, data, p)
    p.raise_if_any()
    scenario = cls(**found)
    check = getattr(scenario, "check", None)
    if check is not None:
        check(p)
        p.raise_if_any()
    return scenario


def _with_header(cls: type, body: dict[str, object], name: str) -> dict[str, object]:
    # A scenario class starts its JSON with calculator and version; a nested one does not.
    if hasattr(cls, "VERSION"):
        return {"calculator": name or calculator_name(cls), "version": cls.VERSION, **body}
    return body


def to_json(scenario: Any, name: str = "") -> dict[str, object]:
    """Normalised scenario JSON in declaration order; top level with calculator and version."""
    cls = type(scenario)
    body = {
        name: spec.dump(getattr(scenario, name), scenario) for name, spec in inputs(cls).items()
    }
    return _with_header(cls, body, name)


def example(cls: type, region: str | None = None, name: str = "") -> dict[str, object]:
    """The example scenario for ``region`` (default: the one the region file names for the
    calculator, else the site's region)."""
    region = region or default_region(name or calculator_name(cls))
    body = {
        # A copy: the caller may change the scenario it gets.
        name: spec.example(region) if callable(spec.example) else copy.deepcopy(spec.example)
        for name, spec in inputs(cls).items()
    }
    return _with_header(cls, body, name)


def form_parts(cls: type, prefix: str = "") -> list[Placed]:
    """The controls of every input with the fieldset each stands in, in declaration order."""
    specs = inputs(cls)
    placed: list[Placed] = []
    for name, spec in specs.items():
        if spec.inside or spec.controls is None:
            continue
        inner = [
            c
            for other, s in specs.items()
            if s.inside == name and s.controls is not None
            for _, _, c in s.controls(prefix + other, s, [])
        ]
        placed += spec.controls(prefix + name, spec, inner)
    return placed


def form(cls: type) -> list[Control]:
    """The editor's controls: the region to start from, then every input; neighbours with the
    same legend and condition share a fieldset."""
    built: list[Control] = [{"kind": "region", "label": "Begin met de gemeenten van"}]
    for (legend, when), parts in itertools.groupby(form_parts(cls), lambda part: part[:2]):
        members = [control for _, _, control in parts]
        if not legend:
            built += members
            continue
        # A fieldset; with ``when`` it shows only while that field has one of the values.
        group: Control = {"kind": "group", "legend": legend, "controls": members}
        if when:
            group["when"] = {"path": when[0], "in": list(when[1:])}
        built.append(group)
    return built


def format_rows(cls: type, prefix: str = "") -> list[tuple[str, str, str]]:
    """(field, what it is, rules) for the field table on the Scenario-formaat page."""
    rows = []
    for name, spec in inputs(cls).items():
        rules = spec.rules() if callable(spec.rules) else spec.rules
        if spec.when:
            shown = " of ".join(f"`{v}`" for v in spec.when[1:])
            rules = f"{rules} Telt alleen bij `{spec.when[0]}` {shown}.".strip()
        rows.append((f"{prefix}{name}", spec.about or f"{spec.label}.", rules))
        if spec.inner is not None:
            rows += format_rows(spec.inner, f"{prefix}{name}.")
    return rows


def json_shape(cls: type) -> dict[str, type]:
    """Top-level fields that hold an object or a list (checked before the editor shows a
    scenario from a link or a file)."""
    return {n: s.json_type for n, s in inputs(cls).items() if s.json_type is not None}


def title(example: str | Callable[[str], str]) -> Any:
    """The scenario's name, shown above the result, so a printed example says
    "voorbeeldcijfers" and cannot pass for real figures (``example``: the name, or a function
    of the region)."""
    return text(
        "Naam van dit scenario",
        hint="Staat boven de uitkomst, ook op papier.",
        about="Een naam voor het scenario; die staat boven de uitkomst.",
        example=example,
    )
