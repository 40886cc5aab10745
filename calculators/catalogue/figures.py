"""Figures per municipality: the figures each calculator starts from, per region, and the real
figures a source prints.

The inhabitants are real (CBS, see :mod:`calculators.catalogue.regions`). The sources give no
other figures per municipality, so the rest are invented EXAMPLES built on the inhabitants, and
the region notice names those columns wherever they are shown; a user pastes the real ones.
Each ``*_rows(region)`` is a calculator's example table as scenario JSON (``municipalities``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .criteria import PRESET_CRITERIA
from .regions import REGIONS

__all__ = [
    "BIJLAGE_2_STRUCTUREEL",
    "PLACES_2022",
    "example_clients",
    "ingroeipad_rows",
    "solidariteit_costs",
    "solidariteit_rows",
    "spreiding_rows",
    "verdeelsleutel_rows",
]

Rows = list[dict[str, object]]

#: The regiovisie: for 2022, 258 BW places were bought jointly (a fact). How they are spread
#: over the municipalities today is not in the sources: see :func:`spreiding_rows`.
PLACES_2022 = 258

#: Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio, Bijlage 2: the Leidse Regio's
#: "Lokaal Structureel Investeringsfonds" per municipality, in euro, as printed: 2018, 2019,
#: 2020 and the row total. Real figures; the 2020 column is the Leidse Regio's objective side.
BIJLAGE_2_STRUCTUREEL = {
    "Leiden": (177_809, 266_713, 266_713, 711_235),
    "Leiderdorp": (38_433, 57_650, 57_650, 153_732),
    "Oegstgeest": (32_862, 49_293, 49_293, 131_447),
    "Voorschoten": (36_476, 54_714, 54_714, 145_904),
    "Zoeterwoude": (12_028, 18_042, 18_042, 48_112),
}

# The 2019 plan names the seven Noord-Limburg municipalities and about 280.000 inhabitants,
# but its table per municipality is empty: inwoners 18+, gebruik, inleg (euro), zeggenschap.
_NOORD_LIMBURG = {
    "Beesel": (10800, 10, 1300000, 1), "Bergen": (10400, 8, 1200000, 1),
    "Gennep": (13600, 15, 1600000, 1), "Horst aan de Maas": (33600, 35, 3900000, 1),
    "Peel en Maas": (34800, 35, 4000000, 1), "Venlo": (85600, 180, 10000000, 1),
    "Venray": (35200, 60, 4000000, 1),
}  # fmt: skip
# Spreiding in Noord- en Midden-Limburg: (clients by origin, places now).
_PLACES = {
    "Beesel": (10, 2), "Bergen": (9, 1), "Echt-Susteren": (20, 6), "Gennep": (12, 3),
    "Horst aan de Maas": (28, 8), "Leudal": (19, 5), "Maasgouw": (13, 4), "Nederweert": (9, 3),
    "Peel en Maas": (27, 8), "Roerdalen": (11, 3), "Roermond": (50, 50), "Venlo": (85, 95),
    "Venray": (33, 40), "Weert": (32, 30),
}  # fmt: skip
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


def example_clients(region: str) -> dict[str, int]:
    """Invented: 1 client per 1.000 inhabitants, twice that in the centre (where the
    facilities are)."""
    chosen = REGIONS[region]
    return {
        name: inhabitants // 1000 * (2 if name == chosen.centre else 1)
        for name, inhabitants in chosen.inhabitants.items()
    }


def _rows(region: str, values: Callable[[str, int], Mapping[str, object]]) -> Rows:
    """Per municipality of ``region``: ``values(name, inhabitants)``, as text."""
    return [
        {"name": name, "values": {k: str(v) for k, v in values(name, n).items()}}
        for name, n in REGIONS[region].inhabitants.items()
    ]


def verdeelsleutel_rows(region: str) -> Rows:
    """The preset criteria; elsewhere than Noord-Limburg 80 % adults and € 90 inleg per
    inhabitant."""
    clients = example_clients(region)
    ids = [c.id for c in PRESET_CRITERIA]

    def values(name: str, n: int) -> dict[str, int]:
        found = _NOORD_LIMBURG.get(name, (n * 4 // 5, clients[name], n * INLEG_PER_INHABITANT, 1))
        return dict(zip(ids, (n, *found), strict=True))

    return _rows(region, values)


def spreiding_rows(region: str) -> Rows:
    """Inhabitants, clients and places now; elsewhere everything sits in the centre today,
    the situation spreading undoes. Minimum and maximum are left empty."""
    centre, clients = REGIONS[region].centre, example_clients(region)

    def values(name: str, n: int) -> dict[str, object]:
        places = clients[name] * 3 // 2 if name == centre else 0
        found, places = _PLACES.get(name, (clients[name], places))
        return {"inwoners": n, "clienten": found, "plaatsen": places, "minimum": "", "maximum": ""}

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
    inhabitants = sum(REGIONS[region].inhabitants.values())
    care = sum(example_clients(region).values()) * CARE_PER_CLIENT
    return {"zorgkosten": str(care)} | {
        line: str(inhabitants * cents // 100) for line, cents in _OPERATING_CENTS.items()
    }


def ingroeipad_rows(region: str) -> Rows:
    """Historically the centrumgemeente gets everything; the objective side is Bijlage 2 in
    the Leidse Regio and € 100 per inhabitant elsewhere."""
    people = REGIONS[region].inhabitants
    # Midden-Limburg has no centrumgemeente of its own (until 2022 it was Venlo's region):
    # the largest municipality stands in, as an example.
    centre = REGIONS[region].centre or max(people, key=people.__getitem__)
    if region == "leidse-regio":
        objective = {name: years[2] for name, years in BIJLAGE_2_STRUCTUREEL.items()}
    else:
        objective = {name: n * BUDGET_PER_INHABITANT for name, n in people.items()}
    historical = dict.fromkeys(people, 0) | {centre: sum(objective.values())}
    return _rows(
        region,
        lambda name, n: {
            "inwoners": n,
            "historisch": historical[name],
            "objectief": objective[name],
        },
    )
