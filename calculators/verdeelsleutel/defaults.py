"""Default scenario: a region's municipalities with EXAMPLE figures.

The 2019 plan names the seven Noord-Limburg municipalities and says about 280.000 people live
in the region, but its table of inhabitants, beds and clients per municipality is empty. The
figures are therefore round examples (for Noord-Limburg the inhabitants add up to exactly
280.000; 18+ is 80 % of that; the other columns are invented) and are labelled as such
wherever shown. Other regions get examples derived from their example inhabitants.
"""

from __future__ import annotations

from ..core.regions import REGIONS, region_notice
from .presets import DEFAULT_THRESHOLD_PER_INHABITANT, PRESETS

__all__ = ["DEFAULT_CRITERIA", "DEFAULT_REGION", "EXAMPLE_NOTICE", "default_scenario"]

DEFAULT_REGION = "noord-limburg"
EXAMPLE_NOTICE = region_notice(REGIONS[DEFAULT_REGION])

DEFAULT_CRITERIA = (
    # Only the 2019 key names reference dates (for inwoners 18+ and gebruik); the others are
    # left empty rather than invented.
    {"id": "inwoners", "label": "Inwoners", "reference": ""},
    {"id": "inwoners_18plus", "label": "Inwoners 18+", "reference": "peildatum 1 januari t-1"},
    {"id": "gebruik", "label": "Gebruik beschermd wonen (cliënten)", "reference": "peiljaar t-2"},
    {"id": "inleg", "label": "Inleg (euro)", "reference": ""},
    {"id": "zeggenschap", "label": "Zeggenschap (stemgewicht)", "reference": ""},
)

# Example figures only. Per municipality, in the order of DEFAULT_CRITERIA after inwoners:
# inwoners 18+, gebruik, inleg (euro), zeggenschap.
_NOORD_LIMBURG = {
    "Beesel": (10800, 10, 1300000, 1),
    "Bergen": (10400, 8, 1200000, 1),
    "Gennep": (13600, 15, 1600000, 1),
    "Horst aan de Maas": (33600, 35, 3900000, 1),
    "Peel en Maas": (34800, 35, 4000000, 1),
    "Venlo": (85600, 180, 10000000, 1),
    "Venray": (35200, 60, 4000000, 1),
}


def _example_values(name: str, inhabitants: int, centre: str | None) -> tuple[int, ...]:
    if name in _NOORD_LIMBURG:
        return (inhabitants, *_NOORD_LIMBURG[name])
    # Invented: 80 % adults, about 1 client per 1.000 inhabitants (twice that in the centre,
    # where the facilities are), € 90 inleg per inhabitant.
    clients = inhabitants // 1000 * (2 if name == centre else 1)
    return (inhabitants, inhabitants * 4 // 5, clients, inhabitants * 90, 1)


def default_scenario(region: str = DEFAULT_REGION) -> dict[str, object]:
    """The default scenario as scenario JSON (version 1); a fresh copy on every call."""
    chosen = REGIONS[region]
    ids = [c["id"] for c in DEFAULT_CRITERIA]
    return {
        "calculator": "verdeelsleutel",
        "version": 1,
        "title": "Voorbeeldcijfers (geen echte cijfers)",
        "amount": "-1000000",
        "criteria": [dict(c) for c in DEFAULT_CRITERIA],
        "municipalities": [
            {
                "name": name,
                "values": dict(
                    zip(ids, map(str, _example_values(name, n, chosen.centre)), strict=True)
                ),
            }
            for name, n in chosen.example_inhabitants.items()
        ],
        "inhabitants_criterion": "inwoners",
        "key": {**PRESETS["kandidaat-2019"].key_json(), "label": "Kandidaat-sleutel 2019"},
        "compare_key": {**PRESETS["inwoners-100"].key_json(), "label": "100 % inwoners"},
        "threshold_per_inhabitant": str(DEFAULT_THRESHOLD_PER_INHABITANT),
    }
