"""Scenario of the Verdeelsleutel (version 1): an amount, user-chosen criteria, the table, one
key and optionally a second key to compare with.

Built from the shared layer (table, key, validators); validation collects every problem
(field path + Dutch message) before raising :class:`~calculators.core.problems.InputError`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..core.format import canonical_number
from ..core.key import Key, check_key_columns, key_to_json, parse_key
from ..core.problems import InputError, Problems, quote
from ..core.table import Column, Row, columns_text, parse_columns, parse_table, table_to_json
from ..core.validators import INVALID, check_header, number, read, text
from .presets import DEFAULT_THRESHOLD_PER_INHABITANT, PRESETS

__all__ = ["CALCULATOR", "VERSION", "Scenario", "parse_scenario", "scenario_to_json"]

CALCULATOR = "verdeelsleutel"
VERSION = 1
SCENARIO_FIELDS = (
    "calculator",
    "version",
    "title",
    "amount",
    "criteria",
    "municipalities",
    "inhabitants_criterion",
    "key",
    "compare_key",
    "threshold_per_inhabitant",
)
MAX_AMOUNT = Decimal(100_000_000_000)
MAX_THRESHOLD = Decimal(1_000_000)
KEY_NAME = "de sleutel"
COMPARE_NAME = "de vergelijkingssleutel"


@dataclass(frozen=True, slots=True)
class Scenario:
    title: str
    amount: Decimal
    criteria: tuple[Column, ...]
    municipalities: tuple[Row, ...]
    inhabitants_criterion: str
    key: Key
    compare_key: Key | None
    threshold_per_inhabitant: Decimal

    @property
    def amount_cents(self) -> int:
        cents = Fraction(self.amount) * 100
        assert cents.denominator == 1  # validated: at most two decimals
        return cents.numerator

    def inhabitants(self, municipality: Row) -> Decimal:
        return municipality.value(self.inhabitants_criterion)


def _inhabitants_column(data: Mapping, columns: list[Column] | None, p: Problems) -> str | None:
    ids = [c.id for c in columns or []]
    chosen = data.get("inhabitants_criterion")
    if chosen is None and "inwoners" in ids:
        chosen = "inwoners"
    if columns is not None and (not isinstance(chosen, str) or chosen not in ids):
        shown = "Leeg" if chosen is None else quote(chosen)
        p.add(
            "inhabitants_criterion",
            "Kies bij ‘Criterium voor inwoners’ (‘inhabitants_criterion’) een van de criteria: "
            f"{columns_text(columns)}; daarmee rekent de rekenhulp het bedrag per inwoner uit. "
            f"{shown} kan niet.",
        )
        return None
    return chosen if isinstance(chosen, str) else None


def _keys(data: Mapping, columns, p: Problems) -> tuple[Key | None, Key | None]:
    key = parse_key(data.get("key"), "key", p, columns, PRESETS, name=KEY_NAME)
    compare = None
    if data.get("compare_key") is not None:
        compare = parse_key(
            data["compare_key"],
            "compare_key",
            p,
            columns,
            PRESETS,
            name=COMPARE_NAME,
            default_label="Vergelijking",
        )
    return key, compare


def parse_scenario(data: object) -> Scenario:
    """Validate scenario JSON (already parsed) and build a :class:`Scenario`.

    Numbers may be strings (Dutch notation), ints or Decimals. ``calculator`` and ``version``
    may be missing; when present they must be ``"verdeelsleutel"`` and ``1``.
    """
    if not isinstance(data, Mapping):
        raise InputError.single(
            "",
            "De invoer moet een scenario zijn: een JSON-object met velden zoals ‘amount’, "
            "‘criteria’ en ‘municipalities’.",
        )
    p = Problems()
    check_header(data, CALCULATOR, VERSION, SCENARIO_FIELDS, p)
    title = read(data, "title", text(), p, label="de titel (‘title’)")
    amount = read(
        data,
        "amount",
        number(allow_negative=True, maximum=MAX_AMOUNT, decimals=2),
        p,
        label="het ‘Bedrag’",
    )
    threshold = read(
        data,
        "threshold_per_inhabitant",
        number(maximum=MAX_THRESHOLD, decimals=2, required=False),
        p,
        label="de ‘Drempel per inwoner’",
    )
    columns = parse_columns(data.get("criteria"), p)
    inhabitants = _inhabitants_column(data, columns, p)
    key, compare = _keys(data, columns, p)
    if columns is not None and inhabitants is not None:
        why = "want het bedrag per inwoner wordt erdoor gedeeld"
        columns = [
            dataclasses.replace(c, integer=True, positive=why) if c.id == inhabitants else c
            for c in columns
        ]
    required = {inhabitants} | set().union(*(k.used for k in (key, compare) if k is not None))
    rows = parse_table(data.get("municipalities"), columns, required, p)
    for path, name, k in (("key", KEY_NAME, key), ("compare_key", COMPARE_NAME, compare)):
        if k is not None and columns is not None:
            check_key_columns(k, path, rows, columns, p, name)
    p.raise_if_any()
    assert columns is not None and key is not None and inhabitants is not None
    assert INVALID not in (title, amount, threshold)
    return Scenario(
        title=title,
        amount=amount,
        criteria=tuple(columns),
        municipalities=tuple(rows),
        inhabitants_criterion=inhabitants,
        key=key,
        compare_key=compare,
        threshold_per_inhabitant=DEFAULT_THRESHOLD_PER_INHABITANT
        if threshold is None
        else threshold,
    )


def scenario_to_json(scenario: Scenario) -> dict[str, object]:
    """Normalised scenario JSON: same shape as the input, numbers as canonical Dutch strings,
    every municipality with a value (or "") for every criterion."""
    return {
        "calculator": CALCULATOR,
        "version": VERSION,
        "title": scenario.title,
        "amount": canonical_number(scenario.amount),
        "criteria": [c.to_dict() for c in scenario.criteria],
        "municipalities": table_to_json(scenario.municipalities, scenario.criteria),
        "inhabitants_criterion": scenario.inhabitants_criterion,
        "key": key_to_json(scenario.key),
        "compare_key": key_to_json(scenario.compare_key),
        "threshold_per_inhabitant": canonical_number(scenario.threshold_per_inhabitant),
    }
