"""The shared catalogue: what the calculators share as data, each item declared once.

- :mod:`.criteria`: the criteria a municipality is measured by (code, label, reference date,
  whole numbers or not, other names in CSV headers); the calculators take their columns here;
- :mod:`.presets`: preset keys, each tied to the decision record and document it implements;
- :mod:`.figures`: the EXAMPLE figures per municipality each calculator starts from, per
  region, and the real figures the sources print.

No calculator imports another: what two of them share is here.
"""

from __future__ import annotations

from .criteria import CRITERIA, PRESET_CRITERIA, columns
from .figures import BIJLAGE_2_STRUCTUREEL, PLACES_2022
from .presets import (
    DECISION_CRITERIA_2020,
    DECISION_KANDIDAAT_2019,
    DECISION_SPREIDING_2019,
    DECISION_SPREIDING_2020,
    DEFAULT_THRESHOLD_PER_INHABITANT,
    PRESETS,
    SOURCE_2019,
    SOURCE_2020,
    SPREIDING_PRESETS,
    THRESHOLD_SOURCE,
)

__all__ = [
    "BIJLAGE_2_STRUCTUREEL",
    "CRITERIA",
    "DECISION_CRITERIA_2020",
    "DECISION_KANDIDAAT_2019",
    "DECISION_SPREIDING_2019",
    "DECISION_SPREIDING_2020",
    "DEFAULT_THRESHOLD_PER_INHABITANT",
    "PLACES_2022",
    "PRESETS",
    "PRESET_CRITERIA",
    "SOURCE_2019",
    "SOURCE_2020",
    "SPREIDING_PRESETS",
    "THRESHOLD_SOURCE",
    "columns",
]
