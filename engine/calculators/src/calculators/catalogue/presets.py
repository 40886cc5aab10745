"""Preset keys: the site's own, each tied to the decision record that it implements (from
the region file, :mod:`.site`), then the references of :mod:`.references`, tied to none.

Two groups: ``sleutels`` over the criteria (offered by the Verdeelsleutel and Solidariteit)
and ``grondslagen``, the bases for spreading places.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.key import KeyPreset
from . import site
from .references import GROUPS

__all__ = [
    "BASES",
    "DEFAULT_THRESHOLD_PER_INHABITANT",
    "KEYS",
    "THRESHOLD_SOURCE",
    "example_key",
    "key_presets",
]

KEYS, BASES = GROUPS

#: National cap on redistribution effects: at most 15 euro per inhabitant.
DEFAULT_THRESHOLD_PER_INHABITANT = Decimal(15)
THRESHOLD_SOURCE = (
    "Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio, bijlage Advies expertiseteam "
    "MO-BW-BG (15 juni 2019): principe-afspraak over het maximale herverdeeleffect, "
    "maximaal 15 euro per inwoner"
)


def key_presets(group: str) -> dict[str, KeyPreset]:
    """The presets of ``group``: the site's, then the references it did not replace."""
    return site.current().presets[group]


def example_key(
    calculator: str, group: str, setting: str = "sleutel", default: str | None = None
) -> KeyPreset:
    """The preset ``calculator``'s example starts with: its setting in the region file, else
    ``default``, else the first of the group."""
    offered = key_presets(group)
    chosen = site.current().setting(calculator, setting, default)
    # The region file's choice was checked when it was read (site.parse).
    return offered[chosen] if chosen is not None else next(iter(offered.values()))
