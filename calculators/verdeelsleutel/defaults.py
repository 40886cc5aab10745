"""Default scenario: the seven Noord-Limburg municipalities with EXAMPLE figures.

The 2019 plan names the seven municipalities and says about 280.000 people live in the
region, but its table of inhabitants, beds and clients per municipality is empty. The
figures below are therefore round examples (inhabitants add up to exactly 280.000; 18+ is
80 % of that; the other columns are invented) and are labelled as such wherever shown.
"""

from __future__ import annotations

from .presets import DEFAULT_THRESHOLD_PER_INHABITANT, PRESETS

__all__ = ["DEFAULT_CRITERIA", "EXAMPLE_NOTICE", "MUNICIPALITIES", "default_scenario"]

EXAMPLE_NOTICE = (
    "Let op: dit zijn voorbeeldcijfers, geen echte cijfers. Het uitvoeringsplan noemt alleen "
    "het totaal van ongeveer 280.000 inwoners in Noord-Limburg, niet de cijfers per gemeente. "
    "Vul zelf de echte cijfers in of plak ze uit Excel of een CBS-download."
)

#: The seven municipalities of the 2019 plan, in alphabetical order.
MUNICIPALITIES = (
    "Beesel",
    "Bergen",
    "Gennep",
    "Horst aan de Maas",
    "Peel en Maas",
    "Venlo",
    "Venray",
)

DEFAULT_CRITERIA = (
    {"id": "inwoners", "label": "Inwoners", "reference": "peildatum 1 januari t-1"},
    {"id": "inwoners_18plus", "label": "Inwoners 18+", "reference": "peildatum 1 januari t-1"},
    {"id": "gebruik", "label": "Gebruik beschermd wonen (cliënten)", "reference": "peiljaar t-2"},
    {"id": "inleg", "label": "Inleg (euro)", "reference": "begrotingsjaar"},
    {"id": "zeggenschap", "label": "Zeggenschap (stemgewicht)", "reference": ""},
)

# Example figures only (see EXAMPLE_NOTICE). Per municipality, in the order of
# DEFAULT_CRITERIA: inwoners, inwoners 18+, gebruik, inleg (euro), zeggenschap.
_EXAMPLE_VALUES = {
    "Beesel": (13500, 10800, 10, 1300000, 1),
    "Bergen": (13000, 10400, 8, 1200000, 1),
    "Gennep": (17000, 13600, 15, 1600000, 1),
    "Horst aan de Maas": (42000, 33600, 35, 3900000, 1),
    "Peel en Maas": (43500, 34800, 35, 4000000, 1),
    "Venlo": (107000, 85600, 180, 10000000, 1),
    "Venray": (44000, 35200, 60, 4000000, 1),
}


def default_scenario() -> dict[str, object]:
    """The default scenario as scenario JSON (version 1); a fresh copy on every call."""
    ids = [c["id"] for c in DEFAULT_CRITERIA]
    key = PRESETS["kandidaat-2019"]
    compare = PRESETS["inwoners-100"]
    return {
        "calculator": "verdeelsleutel",
        "version": 1,
        "title": "Voorbeeldcijfers (geen echte cijfers)",
        "amount": "-1000000",
        "criteria": [dict(c) for c in DEFAULT_CRITERIA],
        "municipalities": [
            {"name": name, "values": dict(zip(ids, map(str, _EXAMPLE_VALUES[name]), strict=True))}
            for name in MUNICIPALITIES
        ],
        "inhabitants_criterion": "inwoners",
        "key": {
            "label": "Kandidaat-sleutel 2019",
            "preset": key.id,
            "weights": {k: str(v) for k, v in key.weights.items()},
        },
        "compare_key": {
            "label": "100 % inwoners",
            "preset": compare.id,
            "weights": {k: str(v) for k, v in compare.weights.items()},
        },
        "threshold_per_inhabitant": str(DEFAULT_THRESHOLD_PER_INHABITANT),
    }
