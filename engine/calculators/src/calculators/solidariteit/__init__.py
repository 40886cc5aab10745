"""Solidariteit: the pooled budget for beschermd wonen, its costs and the shared result.

Beslispunt 9 (2019) and uitgangspunt 8 (2020): all municipalities put their budget into one
pool; it pays the care costs and the operating costs (with an innovation budget); a surplus or
deficit is shared by a key (the shared presets). The inputs are the fields of
:class:`.model.Scenario`; :func:`.compute.compute` computes, :func:`.render.render_result` shows.
"""

from __future__ import annotations

from .compute import RESULT_HEADERS, compute
from .compute import export_table as export
from .model import Scenario
from .render import render_result as render

__all__ = ["Scenario", "compute", "export", "is_result_column", "render"]

_RESULT_HEADERS = {" ".join(h.casefold().split()) for h in RESULT_HEADERS}


def is_result_column(header: str) -> bool:
    """Columns of our own CSV export that are results: skipped on re-import."""
    return header in _RESULT_HEADERS
