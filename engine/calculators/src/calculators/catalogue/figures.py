"""Figures per municipality: the figures each calculator starts from, per region.

The inhabitants are real (CBS, see :mod:`calculators.catalogue.population`), and so is a column
the region file gives ``echte_cijfers`` for. The sources give no other figures per
municipality, so the rest are invented EXAMPLES built on the inhabitants, or taken from a
calculator's ``voorbeeldcijfers`` in the region file; the region notice names those columns
wherever they are shown, and a user pastes the real ones. Each ``*_rows(region)`` is a
calculator's example table as scenario JSON (``municipalities``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from . import site
from .criteria import PRESET_CRITERIA
from .regions import Region

__all__ = [
    "example_clients",
    "example_title",
    "ingroeipad_rows",
    "solidariteit_costs",
    "solidariteit_rows",
    "spreiding_rows",
    "spreiding_total",
    "verdeelsleutel_rows",
]

Rows = list[dict[str, object]]

#: Verdeelsleutel elsewhere: inleg in euro per inhabitant.
INLEG_PER_INHABITANT = 90
#: Solidariteit: the inleg per inhabitant, and the care costs of a 24-hour place per client.
POOL_INLEG_PER_INHABITANT = 75
CARE_PER_CLIENT = 60_000
#: Solidariteit: each operating cost line per inhabitant, in cents.
_OPERATING_CENTS = {
    "relatiemanagement": 120, "inkoop": 80, "monitoring": 50, "kwaliteitsbewaking": 60,
    "transferpunt": 30,
}  # fmt: skip
#: Ingroeipad elsewhere: a budget of € 100 per inhabitant, split by inhabitants.
BUDGET_PER_INHABITANT = 100


def _region(region: str) -> Region:
    return site.regions()[region]


def _given(calculator: str, name: str) -> Mapping[str, object]:
    """The example figures the region file gives ``calculator`` for municipality ``name``."""
    figures = site.current().setting(calculator, "voorbeeldcijfers") or {}
    found = figures.get(name, {}) if isinstance(figures, Mapping) else {}
    return found if isinstance(found, Mapping) else {}


def example_clients(region: str) -> dict[str, int]:
    """Invented: 1 client per 1.000 inhabitants, twice that in the centre (where the
    facilities are)."""
    chosen = _region(region)
    return {
        name: inhabitants // 1000 * (2 if name == chosen.centre else 1)
        for name, inhabitants in chosen.inhabitants.items()
    }


def _rows(region: str, values: Callable[[str, int], Mapping[str, object]]) -> Rows:
    """Per municipality of ``region``: ``values(name, inhabitants)``, as text."""
    return [
        {"name": name, "values": {k: str(v) for k, v in values(name, n).items()}}
        for name, n in _region(region).inhabitants.items()
    ]


def verdeelsleutel_rows(region: str) -> Rows:
    """The preset criteria: 80 % adults and € 90 inleg per inhabitant, where the region file
    gives no example figures."""
    clients = example_clients(region)

    def values(name: str, n: int) -> dict[str, object]:
        made = (n, n * 4 // 5, clients[name], n * INLEG_PER_INHABITANT, 1)
        invented = dict(zip([c.id for c in PRESET_CRITERIA], made, strict=True))
        return invented | dict(_given("verdeelsleutel", name))

    return _rows(region, values)


def spreiding_rows(region: str) -> Rows:
    """Inhabitants, clients and places now; elsewhere everything sits in the centre today,
    the situation spreading undoes. Minimum and maximum are left empty."""
    centre, clients = _region(region).centre, example_clients(region)

    def values(name: str, n: int) -> dict[str, object]:
        places = clients[name] * 3 // 2 if name == centre else 0
        invented = {"inwoners": n, "clienten": clients[name], "plaatsen": places}
        return invented | dict(_given("spreiding", name)) | {"minimum": "", "maximum": ""}

    return _rows(region, values)


def solidariteit_rows(region: str) -> Rows:
    """The preset criteria (80 % adults) and the own-client costs of the example clients."""
    clients = example_clients(region)
    return _rows(
        region,
        lambda name, n: {
            "inwoners": n,
            "inwoners_18plus": n * 4 // 5,
            "gebruik": clients[name],
            "inleg": n * POOL_INLEG_PER_INHABITANT,
            "zeggenschap": 1,
            "eigen_kosten": clients[name] * CARE_PER_CLIENT,
        },
    )


def solidariteit_costs(region: str) -> dict[str, str]:
    """What the pool pays: the care costs of the example clients, and the operating cost
    lines per inhabitant."""
    inhabitants = sum(_region(region).inhabitants.values())
    care = sum(example_clients(region).values()) * CARE_PER_CLIENT
    return {"zorgkosten": str(care)} | {
        line: str(inhabitants * cents // 100) for line, cents in _OPERATING_CENTS.items()
    }


def ingroeipad_rows(region: str) -> Rows:
    """Historically the centrumgemeente gets everything; the objective side is the region's
    real figures where the region file has them, else € 100 per inhabitant."""
    chosen = _region(region)
    people = chosen.inhabitants
    # A region without a centrumgemeente of its own: the largest municipality stands in, as
    # an example.
    centre = chosen.centre or max(people, key=people.__getitem__)
    real = chosen.real.get("objectief")
    objective = (
        dict(real.values)
        if real
        else {name: n * BUDGET_PER_INHABITANT for name, n in people.items()}
    )
    historical = dict.fromkeys(people, 0) | {centre: sum(objective.values())}
    return _rows(
        region,
        lambda name, n: {
            "inwoners": n,
            "historisch": historical[name],
            "objectief": objective[name],
        },
    )


def example_title(calculator: str, default: str) -> Callable[[str], str]:
    """The example scenario's name: the region file's ``titel`` for ``calculator``, else
    ``default`` (in which ``{plaatsen}`` is the Spreiding's total)."""

    def title(region: str) -> str:
        chosen = site.current().setting(calculator, "titel") or default
        if "{plaatsen}" in chosen:
            return str(chosen).replace("{plaatsen}", str(spreiding_total(region)))
        return str(chosen)

    return title


def spreiding_total(region: str) -> int:
    """The total number of places the Spreiding's example ends with: the region file's
    ``plaatsen``, else the places of the example table."""
    given = site.current().setting("spreiding", "plaatsen")
    if given is not None:
        return int(given)
    places = [r["values"] for r in spreiding_rows(region)]
    return sum(int(str(v["plaatsen"])) for v in places if isinstance(v, Mapping))
