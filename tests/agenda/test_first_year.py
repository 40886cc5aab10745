"""The first agenda (2022) follows the goals matrix of the regiovisie, nothing invented."""

from __future__ import annotations

from pathlib import Path

from tools.agenda import TBD, load_agenda, load_goals

ROOT = Path(__file__).resolve().parents[2]


def test_every_goal_is_one_activity_with_the_matrix_scale():
    goals = load_goals(ROOT / "docs" / "regiovisie" / "doelen.yaml")
    agenda = load_agenda(ROOT / "docs" / "beleidsagenda" / "2022.yaml", goals)
    by_goal = {}
    for activity in agenda.activities:
        by_goal.setdefault(activity["doel"], []).append(activity)
    matrix = {goal_id: goal for _, goal_id, goal in goals.all_goals()}
    assert sorted(by_goal) == sorted(matrix)
    for goal_id, goal in matrix.items():
        (activity,) = by_goal[goal_id]
        assert sorted(activity["schaal"]) == sorted(goal["schaal"]), goal_id
        assert activity["budget"] == TBD, goal_id
        assert activity["status"] == "gepland", goal_id
        assert activity["planning"] == "2022", goal_id
        assert activity["financiering"] == "", goal_id
        assert activity["voortgang"] == "", goal_id


def test_all_agenda_files_are_valid():
    from tools.agenda import load_all

    agendas = load_all()
    assert 2022 in agendas
    for year in agendas:
        assert (ROOT / "docs" / "beleidsagenda" / f"{year}.md").exists()
