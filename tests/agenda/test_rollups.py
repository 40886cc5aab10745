"""Totals, status counts, changes and CSV on a fixture agenda with budgets.

The expected figures are worked out by hand from tests/agenda/fixtures/met_budget/, not
with the code under test:

    id  ambitie pijler schaal               budget    status
    a1  1       1      regionaal            10000     lopend
    a2  1       1      regionaal            "2500,50" afgerond
    a3  2       1      lokaal               (tbd)     gepland
    a4  5       2      regionaal en lokaal  40000     lopend
    a5  6       2      subregionaal         3000      vervallen
    a6  7       2      regionaal            7250      gepland

a5 is cancelled: it counts as an activity, but its 3000 is never part of a known budget.
Budgets are whole cents (``Int64``), so every figure below is compared exactly.
"""

from __future__ import annotations

import csv
import io

from sitecontent import (
    changes,
    csv_text,
    frame,
    grand_total,
    load_agenda,
    status_budgets,
    status_counts,
    totals,
)
from tests.agenda.conftest import FIXTURES


def fixture_frame(goals, year=2030):
    return frame(load_agenda(FIXTURES / "met_budget" / f"{year}.yaml", goals, None), goals)


def as_dict(table, key):
    return {
        row[key]: (row["activiteiten"], row["met_budget"], row["budget_cent"], row["zonder_budget"])
        for row in table.to_dict("records")
    }


def assert_rows(actual, expected):
    assert actual == expected
    for key, (_count, _known, cents, _unknown) in actual.items():
        assert type(cents) is int, key


def test_totals_by_pillar(goals):
    assert_rows(
        as_dict(totals(fixture_frame(goals), "pijler"), "pijler"),
        {1: (3, 2, 1_250_050, 1), 2: (3, 2, 4_725_000, 0)},
    )


def test_totals_by_ambition(goals):
    assert_rows(
        as_dict(totals(fixture_frame(goals), "ambitie"), "ambitie"),
        {
            1: (2, 2, 1_250_050, 0),
            2: (1, 0, 0, 1),
            5: (1, 1, 4_000_000, 0),
            6: (1, 0, 0, 0),
            7: (1, 1, 725_000, 0),
        },
    )


def test_totals_by_scale(goals):
    assert_rows(
        as_dict(totals(fixture_frame(goals), "schaal"), "schaal"),
        {
            "regionaal": (3, 3, 1_975_050, 0),
            "lokaal": (1, 0, 0, 1),
            "regionaal en lokaal": (1, 1, 4_000_000, 0),
            "subregionaal": (1, 0, 0, 0),
        },
    )


def test_grand_total_and_status_counts(goals):
    df = fixture_frame(goals)
    total = grand_total(df)
    assert (total["activiteiten"], total["met_budget"], total["zonder_budget"]) == (6, 4, 1)
    assert total["vervallen"] == 1
    # 10000 + 2500,50 + 40000 + 7250; the cancelled a5 (3000) is left out.
    assert total["budget_cent"] == 5_975_050 and type(total["budget_cent"]) is int
    assert status_counts(df) == {"gepland": 2, "lopend": 2, "afgerond": 1, "vervallen": 1}


def test_budget_per_status_keeps_cancelled_apart(goals):
    budgets = status_budgets(fixture_frame(goals))
    assert budgets == {
        "gepland": (1, 725_000),
        "lopend": (2, 5_000_000),
        "afgerond": (1, 250_050),
        "vervallen": (1, 300_000),
    }
    assert all(type(cents) is int for _n, cents in budgets.values())


def test_changes_between_years(goals):
    change = changes(fixture_frame(goals, 2030), fixture_frame(goals, 2031))
    assert list(change["nieuw"]["id"]) == ["a7"]
    assert list(change["niet_meer"]["id"]) == ["a2", "a5"]
    assert list(change["doorgeschoven"]["id"]) == ["a1", "a3", "a4", "a6"]
    assert list(change["status_gewijzigd"]["id"]) == ["a1", "a3"]


def test_csv_is_dutch_excel(goals):
    text = csv_text(fixture_frame(goals))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    assert [row["id"] for row in rows] == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert [row["budget_euro"] for row in rows] == [
        "10000",
        "2500,50",
        "nog te bepalen",
        "40000",
        "3000",
        "7250",
    ]
    assert rows[3]["schaal"] == "regionaal en lokaal"
    assert rows[0]["besluiten"] == "bp-2019-05"
