"""Verdeelsleutel: apply a distribution key to a surplus or deficit, per municipality.

The inputs are the fields of :class:`.model.Scenario`; :func:`.compute.compute` computes,
:func:`.render.render_result` shows.
"""

from __future__ import annotations

from .compute import compute
from .compute import export_table as export
from .model import Scenario
from .render import render_result as render

__all__ = ["Scenario", "compute", "export", "is_result_column", "render"]


def is_result_column(header: str) -> bool:
    """Columns of our own CSV export that are results: skipped on re-import."""
    return header == "boven drempel" or (
        header.startswith(("aandeel ", "bedrag ", "per inwoner ", "verschil"))
        and header.endswith(("(%)", "(euro)"))
    )
