"""The shared catalogue: what the calculators share as data, each item declared once.

- :mod:`.criteria`: the criteria a municipality is measured by (code, label, reference date,
  whole numbers or not, other names in CSV headers); the calculators take their columns here;
- :mod:`.site`: the site's region file: its regions, its preset keys tied to its decisions,
  and per calculator the region and key it starts from;
- :mod:`.presets`: the preset keys, the site's and the engine's references;
- :mod:`.figures`: the EXAMPLE figures per municipality each calculator starts from.

No calculator imports another: what two of them share is here.
"""

from __future__ import annotations

from .criteria import CRITERIA, PRESET_CRITERIA, columns
from .presets import (
    BASES,
    DEFAULT_THRESHOLD_PER_INHABITANT,
    KEYS,
    THRESHOLD_SOURCE,
    example_key,
    key_presets,
)

__all__ = [
    "BASES",
    "CRITERIA",
    "DEFAULT_THRESHOLD_PER_INHABITANT",
    "KEYS",
    "PRESET_CRITERIA",
    "THRESHOLD_SOURCE",
    "columns",
    "example_key",
    "key_presets",
]
