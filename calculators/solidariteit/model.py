"""Scenario of Solidariteit (version 1): the cost lines the pool pays, the innovation
percentage, the key and the table per municipality (inleg, the key's criteria, optional
own-client costs).

Every input is declared once, as a field of :class:`Scenario` or :class:`Costs` (see
:mod:`calculators.core.fields`). The key reuses the shared presets, so the Verdeelsleutel and
Solidariteit offer the same decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ..catalogue import PRESETS
from ..core import fields
from ..core.key import Key
from ..core.regions import REGIONS
from ..core.table import Column, Row

__all__ = ["CARE_LINES", "COLUMNS", "KEY_COLUMNS", "OPERATING_LINES", "Costs", "Scenario"]

#: Beslispunt 9 (2019) and uitgangspunt 8 (2020): one pool, costs paid from it, a key.
DECISIONS = ("bp-2019-09", "up-2020-08")
#: Both sources leave the innovation percentage open ("nader te bepalen").
INNOVATION_PERCENT_FIXED = False
MAX_AMOUNT = Decimal(100_000_000_000)
CARE = "Zorgkosten uit de pot"
OPERATING = "Bedrijfsvoeringskosten uit de pot"

_PER_INHABITANT = "want de uitkomst per inwoner wordt erdoor gedeeld"
COLUMNS = (
    Column("inwoners", "Inwoners", integer=True, positive=_PER_INHABITANT),
    Column("inwoners_18plus", "Inwoners 18+", "peildatum 1 januari t-1", integer=True),
    Column("gebruik", "Gebruik beschermd wonen (cliënten)", "peiljaar t-2", integer=True),
    Column("inleg", "Inleg (euro)", decimals=2),
    Column("zeggenschap", "Zeggenschap (stemgewicht)"),
    Column("eigen_kosten", "Eigen cliëntkosten (euro)", decimals=2),
)
#: The criteria a key may weigh: those of the shared presets.
KEY_COLUMNS = COLUMNS[:5]

# EXAMPLE figures only; the sources give no amounts. Per inhabitant: the inleg, and each
# operating cost line (in cents); per client: the care costs of a 24-hour place.
EXAMPLE_INLEG_PER_INHABITANT = 75
EXAMPLE_CARE_PER_CLIENT = 60_000


def _clients(region: str) -> dict[str, int]:
    """Invented: 1 client per 1.000 inhabitants, twice that in the centre."""
    chosen = REGIONS[region]
    return {
        name: inhabitants // 1000 * (2 if name == chosen.centre else 1)
        for name, inhabitants in chosen.example_inhabitants.items()
    }


def example_rows(region: str) -> list[dict[str, object]]:
    clients = _clients(region)
    rows = []
    for name, inhabitants in REGIONS[region].example_inhabitants.items():
        values = {
            "inwoners": inhabitants,
            "inwoners_18plus": inhabitants * 4 // 5,  # invented: 80 % adults
            "gebruik": clients[name],
            "inleg": inhabitants * EXAMPLE_INLEG_PER_INHABITANT,
            "zeggenschap": 1,
            "eigen_kosten": clients[name] * EXAMPLE_CARE_PER_CLIENT,
        }
        rows.append({"name": name, "values": {k: str(v) for k, v in values.items()}})
    return rows


def _per_head(cents: int) -> Callable[[str], str]:
    return lambda region: str(sum(REGIONS[region].example_inhabitants.values()) * cents // 100)


def _amount(label: str, example: Callable[[str], str], group: str = OPERATING) -> Any:
    return fields.number(
        label, decimals=2, maximum=MAX_AMOUNT, required=False,
        hint="In euro; leeg telt als € 0.", group=group, example=example,
    )  # fmt: skip


Euro = Decimal | None


@dataclass(frozen=True, slots=True)
class Costs:
    """What the pool pays, in euro (``None``: left empty, counts as 0)."""

    zorgkosten: Euro = _amount(
        "Zorgkosten: indicaties beschermd wonen in een instelling (24-uursvoorziening)",
        lambda region: str(sum(_clients(region).values()) * EXAMPLE_CARE_PER_CLIENT),
        CARE,
    )
    relatiemanagement: Euro = _amount("Relatiemanagement", _per_head(120))
    inkoop: Euro = _amount("Inkoop", _per_head(80))
    monitoring: Euro = _amount("Monitoring", _per_head(50))
    kwaliteitsbewaking: Euro = _amount("Kwaliteitsbewaking", _per_head(60))
    transferpunt: Euro = _amount("Gemeentelijk deel transferpunt/matchingspunt", _per_head(30))


def _lines(group: str) -> dict[str, str]:
    return {name: spec.label for name, spec in fields.inputs(Costs).items() if spec.group == group}


#: Care costs (what the sources call zorgkosten): id -> label.
CARE_LINES = _lines(CARE)
#: Operating costs (bedrijfsvoeringskosten), without the innovation budget: id -> label.
OPERATING_LINES = _lines(OPERATING)


@dataclass(frozen=True, slots=True)
class Scenario:
    VERSION: ClassVar[int] = 1

    title: str = fields.title("Gezamenlijke pot, voorbeeldcijfers (geen echte cijfers)")
    costs: Costs = fields.nested(
        Costs,
        "De kosten die de pot betaalt",
        where="bij de kosten",
        wrong="Vul de kosten in (‘costs’): een object met per kostenpost een bedrag.",
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
        PRESETS,
        KEY_COLUMNS,
        noun="de verdeelsleutel",
        example=PRESETS["criteria-2020"].key_json(),
        about="De sleutel voor het overschot of tekort, over de criteria van de tabel (zonder "
        "`eigen_kosten`).",
        rules="Zoals `key` bij de Verdeelsleutel. Voorinstellingen: "
        + ", ".join(f"`{p}`" for p in PRESETS)
        + ".",
    )
    municipalities: tuple[Row, ...] = fields.table(
        "Cijfers per gemeente (eigen cliëntkosten mogen leeg)",
        COLUMNS,
        required={"inwoners", "inleg"},
        keys={"key": "de verdeelsleutel"},
        example=example_rows,
        about="De tabel, met vaste kolommen: `inwoners`, `inwoners_18plus`, `gebruik`, `inleg` "
        "(euro), `zeggenschap` (stemgewicht) en `eigen_kosten` (euro, eigen cliëntkosten).",
        rules="Getallen, 0 of meer; `inwoners` groter dan 0; inwoners en gebruik hele getallen; "
        "euro's hoogstens 2 cijfers achter de komma; `eigen_kosten` mag leeg.",
    )
