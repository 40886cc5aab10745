"""Solidariteit: the pooled budget for beschermd wonen, its costs and the shared result.

Beslispunt 9 (2019) and uitgangspunt 8 (2020): all municipalities put their budget into one
pool; it pays the care costs and the operating costs (with an innovation budget); a surplus or
deficit is shared by a key (the Verdeelsleutel's presets). Typed API:
:func:`.model.parse_scenario` → :func:`.compute.compute`; the platform's JSON actions come
from ``CALCULATOR``.
"""

from __future__ import annotations

from ..core import form
from ..core.calculator import Calculator
from ..core.regions import REGIONS
from ..verdeelsleutel.presets import PRESETS
from .compute import RESULT_HEADERS, compute, export_table
from .model import COLUMNS, COST_LINES, KEY_COLUMNS, OPERATING_LINES, parse_scenario
from .model import scenario_to_json as scenario_to_json
from .render import render_result

__all__ = ["CALCULATOR", "compute", "default_scenario", "parse_scenario", "scenario_to_json"]

# EXAMPLE figures only; the sources give no amounts. Per inhabitant: the inleg, and each
# operating cost line; per client: the care costs of a 24-hour place.
EXAMPLE_INLEG_PER_INHABITANT = 75
EXAMPLE_CARE_PER_CLIENT = 60_000
EXAMPLE_OPERATING_PER_INHABITANT = {  # in cents
    "relatiemanagement": 120, "inkoop": 80, "monitoring": 50, "kwaliteitsbewaking": 60,
    "transferpunt": 30,
}  # fmt: skip
EXAMPLE_INNOVATION_PERCENT = "1"


def _rows(region: str) -> tuple[list[dict[str, object]], int]:
    chosen = REGIONS[region]
    rows, clients_total = [], 0
    for name, inhabitants in chosen.example_inhabitants.items():
        # Invented: 80 % adults, 1 client per 1.000 inhabitants, twice that in the centre.
        clients = inhabitants // 1000 * (2 if name == chosen.centre else 1)
        clients_total += clients
        values = {
            "inwoners": inhabitants,
            "inwoners_18plus": inhabitants * 4 // 5,
            "gebruik": clients,
            "inleg": inhabitants * EXAMPLE_INLEG_PER_INHABITANT,
            "zeggenschap": 1,
            "eigen_kosten": clients * EXAMPLE_CARE_PER_CLIENT,
        }
        rows.append({"name": name, "values": {k: str(v) for k, v in values.items()}})
    return rows, clients_total


def default_scenario(region: str = "noord-en-midden-limburg") -> dict[str, object]:
    rows, clients = _rows(region)
    inhabitants = sum(REGIONS[region].example_inhabitants.values())
    costs = {"zorgkosten": str(clients * EXAMPLE_CARE_PER_CLIENT)}
    for cid, cents in EXAMPLE_OPERATING_PER_INHABITANT.items():
        costs[cid] = str(inhabitants * cents // 100)
    return {
        "calculator": "solidariteit",
        "version": 1,
        "title": "Gezamenlijke pot, voorbeeldcijfers (geen echte cijfers)",
        "municipalities": rows,
        "costs": costs,
        "innovation_percent": EXAMPLE_INNOVATION_PERCENT,
        "key": PRESETS["criteria-2020"].key_json(),
    }


def _form() -> list[dict[str, object]]:
    empty = "In euro; leeg telt als € 0."
    operating = [form.field(f"costs.{cid}", label, empty) for cid, label in OPERATING_LINES.items()]
    innovation = form.field(
        "innovation_percent",
        "Innovatiebudget, in procenten van de pot",
        "Het percentage is nog niet bepaald; 1 % is een voorbeeld.",
    )
    return [
        *form.start(),
        form.group(
            "Zorgkosten uit de pot", form.field("costs.zorgkosten", COST_LINES["zorgkosten"], empty)
        ),
        form.group("Bedrijfsvoeringskosten uit de pot", *operating, innovation),
        form.key(
            "key", "Verdeelsleutel voor het overschot of tekort", PRESETS.values(), KEY_COLUMNS
        ),
        form.table("Cijfers per gemeente (eigen cliëntkosten mogen leeg)", COLUMNS),
    ]


_RESULT_HEADERS = {" ".join(h.casefold().split()) for h in RESULT_HEADERS}

CALCULATOR = Calculator(
    name="solidariteit",
    title="Solidariteit",
    version=1,
    parse=parse_scenario,
    to_json=scenario_to_json,
    compute=compute,
    render=render_result,
    default_scenario=default_scenario,
    form=_form,
    export=export_table,
    columns=lambda scenario: COLUMNS,
    shape={"municipalities": list, "costs": dict, "key": dict},
    is_result_column=lambda header: header in _RESULT_HEADERS,
    describe=lambda: {
        "presets": [p.to_dict() for p in PRESETS.values()],
        "cost_lines": [{"id": k, "label": v} for k, v in COST_LINES.items()],
    },
)
