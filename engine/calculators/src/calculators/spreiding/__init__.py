"""Spreiding: target places per municipality and a stepwise path towards them.

Beslispunten 5 and 6 (2019), uitgangspunt 5 (2020) and ambition 5 of the regiovisie: spread
beschermd wonen and maatschappelijke opvang places over all municipalities, by substitution,
stepwise, on a basis of inhabitants or clients.
"""

from __future__ import annotations

from .compute import compute, export
from .model import Scenario
from .render import render

__all__ = ["Scenario", "compute", "export", "is_result_column", "render"]


def is_result_column(header: str) -> bool:
    """Columns of our own CSV export that are results: skipped on re-import."""
    return header in {"doel", "verschil"} or header.startswith("jaar ")
