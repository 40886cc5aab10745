"""Ingroeipad: the 10-year phase-in (2022-2031) of the expertiseteam MO-BW-BG's advice, from
the historical distribution (the centrumgemeente receives everything) to the objective one.

The inputs are the fields of :class:`.model.Scenario`; :func:`.compute.compute` computes,
:func:`.render.render` shows.
"""

from __future__ import annotations

from ..catalogue import BIJLAGE_2_STRUCTUREEL
from .compute import compute
from .compute import export_table as export
from .model import Scenario
from .render import render_result as render

__all__ = ["BIJLAGE_2_STRUCTUREEL", "Scenario", "compute", "export", "is_result_column", "render"]


def is_result_column(header: str) -> bool:
    """Columns of our own CSV export that are results: skipped on re-import."""
    return header.startswith(("jaar ", "verschil")) or header == "voordeel of nadeel"
