"""Scenario of Solidariteit (version 1): the table per municipality (inleg, the key's criteria,
optional own-client costs), the cost lines the pool pays, the innovation percentage and the key.

The key reuses the Verdeelsleutel's presets, so both calculators offer the same decisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..core.format import canonical_number
from ..core.key import Key, check_key_columns, key_to_json, parse_key
from ..core.problems import InputError, Problems, field_path
from ..core.table import MAX_VALUE, Column, Row, parse_table, table_to_json
from ..core.validators import INVALID, check_header, check_unknown, number, read, text
from ..core.validators import municipality_name as name_of
from ..verdeelsleutel.presets import PRESETS

__all__ = ["COLUMNS", "COST_LINES", "KEY_COLUMNS", "Scenario", "parse_scenario"]

CALCULATOR = "solidariteit"
VERSION = 1
#: Beslispunt 9 (2019) and uitgangspunt 8 (2020): one pool, costs paid from it, a key.
DECISIONS = ("bp-2019-09", "up-2020-08")
MAX_AMOUNT = Decimal(100_000_000_000)
KEY_NAME = "de verdeelsleutel"

#: Care costs: what the sources call zorgkosten.
CARE_LINES = {
    "zorgkosten": "Zorgkosten: indicaties beschermd wonen in een instelling (24-uursvoorziening)",
}
#: Operating costs (bedrijfsvoeringskosten), without the innovation budget.
OPERATING_LINES = {
    "relatiemanagement": "Relatiemanagement",
    "inkoop": "Inkoop",
    "monitoring": "Monitoring",
    "kwaliteitsbewaking": "Kwaliteitsbewaking",
    "transferpunt": "Gemeentelijk deel transferpunt/matchingspunt",
}
COST_LINES = {**CARE_LINES, **OPERATING_LINES}
#: Both sources leave the innovation percentage open ("nader te bepalen").
INNOVATION_PERCENT_FIXED = False

_PER_INHABITANT = "want de uitkomst per inwoner wordt erdoor gedeeld"
COLUMNS = (
    Column("inwoners", "Inwoners", integer=True, positive=_PER_INHABITANT),
    Column("inwoners_18plus", "Inwoners 18+", "peildatum 1 januari t-1", integer=True),
    Column("gebruik", "Gebruik beschermd wonen (cliënten)", "peiljaar t-2", integer=True),
    Column("inleg", "Inleg (euro)"),
    Column("zeggenschap", "Zeggenschap (stemgewicht)"),
    Column("eigen_kosten", "Eigen cliëntkosten (euro)"),
)
#: The criteria a key may weigh: those of the Verdeelsleutel's presets.
KEY_COLUMNS = COLUMNS[:5]
#: Euro columns: whole cents only.
EURO_COLUMNS = ("inleg", "eigen_kosten")
SCENARIO_FIELDS = ("calculator", "version", "title", "municipalities", "costs")
SCENARIO_FIELDS += ("innovation_percent", "key")


@dataclass(frozen=True, slots=True)
class Scenario:
    title: str
    municipalities: tuple[Row, ...]
    #: cost line id -> euro (``None``: left empty, counts as 0)
    costs: Mapping[str, Decimal | None]
    innovation_percent: Decimal | None
    key: Key


def _costs(raw: object, p: Problems) -> dict[str, Decimal | None] | None:
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        p.add("costs", "Vul de kosten in (‘costs’): een object met per kostenpost een bedrag.")
        return None
    check_unknown(raw, list(COST_LINES), "costs", "bij de kosten", p)
    money = number(maximum=MAX_AMOUNT, decimals=2, required=False)
    found = {
        cid: read(raw, cid, money, p, path="costs", label=f"‘{label}’")
        for cid, label in COST_LINES.items()
    }
    return None if INVALID in found.values() else found


def _check_cents(raw: object, p: Problems) -> None:
    """Euro columns take at most two decimals; other problems are parse_table's to report."""
    if not isinstance(raw, list):
        return
    loose = number(maximum=MAX_VALUE, required=False)
    strict = number(maximum=MAX_VALUE, decimals=2, required=False)
    labels = {c.id: c.label for c in COLUMNS}
    for i, item in enumerate(raw):
        values = item.get("values") if isinstance(item, dict) else None
        if not isinstance(values, dict):
            continue
        try:
            shown = name_of(item.get("name"), "", "")
        except InputError:
            shown = f"rij {i + 1}"
        for cid in EURO_COLUMNS:
            path = field_path("municipalities", i, "values", cid)
            label = f"‘{labels[cid]}’ van {shown}"
            try:
                loose(values.get(cid), path, label)
            except InputError:
                continue
            try:
                strict(values.get(cid), path, label)
            except InputError as error:
                p.collect(error)


def parse_scenario(data: object) -> Scenario:
    """Validate scenario JSON and build a :class:`Scenario`; every problem is collected."""
    if not isinstance(data, Mapping):
        raise InputError.single(
            "",
            "De invoer moet een scenario zijn: een JSON-object met velden zoals "
            "‘municipalities’, ‘costs’ en ‘key’.",
        )
    p = Problems()
    check_header(data, CALCULATOR, VERSION, SCENARIO_FIELDS, p)
    title = read(data, "title", text(), p, label="de titel (‘title’)")
    costs = _costs(data.get("costs"), p)
    innovation = read(
        data,
        "innovation_percent",
        number(percent=True, maximum=100, decimals=4, required=False),
        p,
        label="het ‘Innovatiebudget’ (procent van de pot)",
    )
    key = parse_key(data.get("key"), "key", p, KEY_COLUMNS, PRESETS, name=KEY_NAME)
    required = {"inwoners", "inleg"} | (key.used if key else set())
    rows = parse_table(data.get("municipalities"), COLUMNS, required, p)
    _check_cents(data.get("municipalities"), p)
    if key is not None:
        check_key_columns(key, "key", rows, KEY_COLUMNS, p, KEY_NAME)
    p.raise_if_any()
    assert key is not None and costs is not None and INVALID not in (title, innovation)
    return Scenario(title, tuple(rows), costs, innovation, key)


def _blank(value: Decimal | None) -> str:
    return "" if value is None else canonical_number(value)


def scenario_to_json(s: Scenario) -> dict[str, object]:
    """Normalised scenario JSON; numbers as canonical Dutch strings, empty ones as ""."""
    return {
        "calculator": CALCULATOR,
        "version": VERSION,
        "title": s.title,
        "municipalities": table_to_json(s.municipalities, COLUMNS),
        "costs": {cid: _blank(s.costs[cid]) for cid in COST_LINES},
        "innovation_percent": _blank(s.innovation_percent),
        "key": key_to_json(s.key),
    }
