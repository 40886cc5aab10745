"""Ingroeipad: the 10-year phase-in (2022-2031) of the expertiseteam MO-BW-BG's advice, from
the historical distribution (the centrumgemeente receives everything) to the objective one.
"""

from __future__ import annotations

from .compute import compute, export
from .model import Scenario
from .render import render

__all__ = ["Scenario", "compute", "export", "is_result_column", "render"]


def is_result_column(header: str) -> bool:
    """Columns of our own CSV export that are results: skipped on re-import."""
    return header.startswith(("jaar ", "verschil")) or header == "voordeel of nadeel"
