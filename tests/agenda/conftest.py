"""Shared helpers for the beleidsagenda tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecontent import load_goals

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def goals():
    return load_goals(FIXTURES / "doelen.yaml")
