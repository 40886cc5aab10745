"""Scenario of Solidariteit (version 1): the cost lines the pool pays, the innovation
percentage, the key and the table per municipality (inleg, the key's criteria, optional
own-client costs).

Every input is declared once, as a field of :class:`Scenario` or :class:`Costs` (see
:mod:`calculators.core.fields`). The key reuses the shared presets, so the Verdeelsleutel and
Solidariteit offer the same decisions; criteria and example figures come from
:mod:`calculators.catalogue` too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, ClassVar

from ..catalogue import CRITERIA, KEYS, example_key, key_presets
from ..catalogue.figures import example_title, solidariteit_costs, solidariteit_rows
from ..core import fields
from ..core.key import Key
from ..core.table import Column, Row

__all__ = ["CARE_LINES", "COLUMNS", "KEY_COLUMNS", "OPERATING_LINES", "Costs", "Scenario"]

#: Both sources leave the innovation percentage open ("nader te bepalen").
INNOVATION_PERCENT_FIXED = False
MAX_AMOUNT = Decimal(100_000_000_000)
CARE = "Zorgkosten uit de pot"
OPERATING = "Bedrijfsvoeringskosten uit de pot"

COLUMNS = (
    replace(CRITERIA["inwoners"], positive="want de uitkomst per inwoner wordt erdoor gedeeld"),
    CRITERIA["inwoners_18plus"],
    replace(CRITERIA["gebruik"], integer=True),
    replace(CRITERIA["inleg"], decimals=2),
    CRITERIA["zeggenschap"],
    Column("eigen_kosten", "Eigen cliëntkosten (euro)", decimals=2),
)
#: The criteria a key may weigh: those of the shared presets.
KEY_COLUMNS = COLUMNS[:5]


def _amount(label: str, group: str = OPERATING) -> Any:
    return fields.number(
        label, decimals=2, maximum=MAX_AMOUNT, required=False,
        hint="In euro; leeg telt als € 0.", group=group,
    )  # fmt: skip


Euro = Decimal | None


@dataclass(frozen=True, slots=True)
class Costs:
    """What the pool pays, in euro (``None``: left empty, counts as 0)."""

    zorgkosten: Euro = _amount(
        "Zorgkosten: indicaties beschermd wonen in een instelling (24-uursvoorziening)", CARE
    )
    relatiemanagement: Euro = _amount("Relatiemanagement")
    inkoop: Euro = _amount("Inkoop")
    monitoring: Euro = _amount("Monitoring")
    kwaliteitsbewaking: Euro = _amount("Kwaliteitsbewaking")
    transferpunt: Euro = _amount("Gemeentelijk deel transferpunt/matchingspunt")


def _lines(group: str) -> dict[str, str]:
    return {name: spec.label for name, spec in fields.inputs(Costs).items() if spec.group == group}


#: Care costs (what the sources call zorgkosten): id -> label.
CARE_LINES = _lines(CARE)
#: Operating costs (bedrijfsvoeringskosten), without the innovation budget: id -> label.
OPERATING_LINES = _lines(OPERATING)


@dataclass(frozen=True, slots=True)
class Scenario:
    VERSION: ClassVar[int] = 1

    title: str = fields.title(
        example_title(
            "solidariteit", "Gezamenlijke pot: inwoners CBS 2022, andere cijfers voorbeelden"
        )
    )
    costs: Costs = fields.nested(
        Costs,
        "De kosten die de pot betaalt",
        where="bij de kosten",
        wrong="Vul de kosten in (‘costs’): een object met per kostenpost een bedrag.",
        example=solidariteit_costs,
        about="De kosten die de pot betaalt: per kostenpost (`zorgkosten`, `relatiemanagement`, "
        "`inkoop`, `monitoring`, `kwaliteitsbewaking`, `transferpunt`) een bedrag.",
        rules="Bedragen in euro, 0 of meer, hoogstens 2 cijfers achter de komma. Leeg telt als 0.",
    )
    innovation_percent: Decimal | None = fields.number(
        "Innovatiebudget, in procenten van de pot",
        percent=True,
        maximum=100,
        decimals=4,
        required=False,
        hint="Het percentage is nog niet bepaald; 1 % is een voorbeeld.",
        group=OPERATING,
        example="1",
    )
    key: Key = fields.key(
        "Verdeelsleutel voor het overschot of tekort",
        lambda: key_presets(KEYS),
        KEY_COLUMNS,
        noun="de verdeelsleutel",
        example=lambda region: example_key("solidariteit", KEYS).key_json(),
        about="De sleutel voor het overschot of tekort, over de criteria van de tabel (zonder "
        "`eigen_kosten`).",
    )
    municipalities: tuple[Row, ...] = fields.table(
        "Cijfers per gemeente (eigen cliëntkosten mogen leeg)",
        COLUMNS,
        required={"inwoners", "inleg"},
        keys={"key": "de verdeelsleutel"},
        example=solidariteit_rows,
    )
