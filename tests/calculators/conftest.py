"""Fixtures for the calculator tests.

These tests run twice: in CPython and inside Pyodide (Node.js, offline). So they import only
pytest, hypothesis, the standard library and ``calculators``; no subprocess, no network and
no files outside ``tmp_path``.
"""

from __future__ import annotations

import copy

import pytest

# A hand-worked Verdeelsleutel example (see test_verdeelsleutel_compute.py for the working).
HAND_SCENARIO = {
    "calculator": "verdeelsleutel",
    "version": 1,
    "title": "Handberekening",
    "amount": "-300000",
    "criteria": [
        {"id": "inwoners", "label": "Inwoners", "reference": "peildatum 1 januari t-1"},
        {"id": "inwoners_18plus", "label": "Inwoners 18+", "reference": "peildatum 1 januari t-1"},
        {"id": "gebruik", "label": "Gebruik", "reference": "peiljaar t-2"},
    ],
    "municipalities": [
        {
            "name": "Gemeente A",
            "values": {"inwoners": "1000", "inwoners_18plus": "800", "gebruik": "1667"},
        },
        {
            "name": "Gemeente B",
            "values": {"inwoners": "2000", "inwoners_18plus": "1600", "gebruik": "3333"},
        },
        {
            "name": "Gemeente C",
            "values": {"inwoners": "7000", "inwoners_18plus": "5600", "gebruik": "5000"},
        },
    ],
    "inhabitants_criterion": "inwoners",
    "key": {
        "label": "25/75",
        "preset": "kandidaat-2019",
        "weights": {"inwoners_18plus": "25", "gebruik": "75"},
    },
    "compare_key": {"label": "Inwoners", "preset": "inwoners-100", "weights": {"inwoners": "100"}},
    "threshold_per_inhabitant": "15",
}


@pytest.fixture
def hand_scenario() -> dict:
    """A fresh copy of the hand-worked scenario, safe to modify in a test."""
    return copy.deepcopy(HAND_SCENARIO)
