"""Scenario of the Verdeelsleutel (version 1): an amount, user-chosen criteria, the table, one
key and optionally a second key to compare with. Every input is declared once, as a field of
:class:`Scenario` (see :mod:`calculators.core.fields`); criteria, presets and the example
figures come from :mod:`calculators.catalogue`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, ClassVar

from ..catalogue import (
    CRITERIA,
    DEFAULT_THRESHOLD_PER_INHABITANT,
    KEYS,
    PRESET_CRITERIA,
    example_key,
    key_presets,
)
from ..catalogue.figures import example_title, verdeelsleutel_rows
from ..core import fields
from ..core.key import Key, KeyPreset
from ..core.problems import Problems, quote
from ..core.table import Column, Row, columns_text

__all__ = ["Scenario"]

MAX_AMOUNT = Decimal(100_000_000_000)
DIVIDES = "want het bedrag per inwoner wordt erdoor gedeeld"
#: The key that switching on the comparison starts with: everything by inhabitants.
REFERENCE = "inwoners-100"


def _inhabitants(
    raw: object, path: str, label: str, values: Mapping[str, Any], p: Problems
) -> str | Any:
    columns: Sequence[Column] = values["criteria"]
    if columns is fields.INVALID:
        return fields.INVALID
    ids = [c.id for c in columns]
    chosen = "inwoners" if raw is None and "inwoners" in ids else raw
    if isinstance(chosen, str) and chosen in ids:
        return chosen
    p.add(
        path,
        f"Kies bij {label} (‘{path}’) een van de criteria: {columns_text(columns)}; daarmee "
        "rekent de rekenhulp het bedrag per inwoner uit. "
        f"{'Leeg' if chosen is None else quote(chosen)} kan niet.",
    )
    return fields.INVALID


def _counted(columns: Sequence[Column], values: Mapping[str, Any]) -> list[Column]:
    """The inhabitants are a count that divides: whole and above 0."""
    chosen = values["inhabitants_criterion"]
    return [replace(c, integer=True, positive=DIVIDES) if c.id == chosen else c for c in columns]


def _keys() -> dict[str, KeyPreset]:
    return key_presets(KEYS)


def _example_key(setting: str, default: str | None = None) -> Callable[[str], dict[str, object]]:
    """The example's key, as the region file chooses it, with its short label."""

    def key(region: str) -> dict[str, object]:
        chosen = example_key("verdeelsleutel", KEYS, setting, default)
        return {**chosen.key_json(), "label": chosen.short_label or chosen.label}

    return key


def _reference() -> dict[str, object]:
    return key_presets(KEYS)[REFERENCE].key_json()


@dataclass(frozen=True, slots=True)
class Scenario:
    VERSION: ClassVar[int] = 1

    title: str = fields.title(
        example_title("verdeelsleutel", "Inwoners CBS 2022, andere cijfers voorbeelden")
    )
    amount: Decimal = fields.number(
        "Te verdelen bedrag in euro",
        decimals=2,
        minimum=-MAX_AMOUNT,
        maximum=MAX_AMOUNT,
        allow_negative=True,
        hint="Positief is een overschot dat wordt uitgekeerd; negatief (met een min) is een "
        "tekort dat de gemeenten bijpassen.",
        group="Bedrag",
        example="-1000000",
        about="Het bedrag dat verdeeld wordt, in euro; negatief is een tekort.",
    )
    criteria: tuple[Column, ...] = fields.criteria(
        "Criteria",
        catalogue=CRITERIA,
        example=lambda region: [c.to_dict() for c in PRESET_CRITERIA],
        about="De criteria waarnaar verdeeld kan worden.",
        rules="1 tot 20 criteria, elk met een code `id`, een `label` en een `reference`.",
    )
    inhabitants_criterion: str = fields.custom(
        "Criterium voor inwoners",
        _inhabitants,
        needs=("criteria",),
        example="inwoners",
        about="Het criterium met het aantal inwoners.",
        rules="De `id` van een criterium (leeg: `inwoners`); per gemeente een heel getal boven 0.",
    )
    key: Key = fields.key(
        "Verdeelsleutel en gewichten",
        _keys,
        "criteria",
        noun="de sleutel",
        example=_example_key("sleutel"),
    )
    compare_key: Key | None = fields.key(
        "Tweede sleutel om mee te vergelijken",
        _keys,
        "criteria",
        noun="de vergelijkingssleutel",
        default_label="Vergelijking",
        switched_on=_reference,
        label="Vergelijk met een tweede sleutel",
        example=_example_key("vergelijking", REFERENCE),
    )
    threshold_per_inhabitant: Decimal = fields.number(
        "Waarschuw bij een verschil groter dan (euro per inwoner)",
        decimals=2,
        maximum=Decimal(1_000_000),
        default=DEFAULT_THRESHOLD_PER_INHABITANT,
        hint="Standaard € 15: het maximale herverdeeleffect per inwoner uit het advies van het "
        "expertiseteam, hier geleend als waarschuwingsgrens.",
        inside="compare_key",
        example=str(DEFAULT_THRESHOLD_PER_INHABITANT),
        about="De grens voor het verschil per inwoner, in euro.",
    )
    municipalities: tuple[Row, ...] = fields.table(
        "Cijfers per gemeente (pas ze aan of importeer ze)",
        "criteria",
        required=lambda values: {values["inhabitants_criterion"]},
        keys={"key": "de sleutel", "compare_key": "de vergelijkingssleutel"},
        adjust=_counted,
        needs=("inhabitants_criterion",),
        example=verdeelsleutel_rows,
        about="De tabel: per gemeente een naam en per criterium een getal.",
        rules="Getallen 0 of meer; leeg alleen bij een criterium dat in geen sleutel meetelt.",
    )

    @property
    def amount_cents(self) -> int:
        return int(self.amount * 100)  # exact: validated to at most two decimals

    def inhabitants(self, municipality: Row) -> Decimal:
        return municipality.value(self.inhabitants_criterion)
