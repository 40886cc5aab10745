"""The first agenda (2022) follows the goals matrix of the regiovisie, nothing invented."""

from __future__ import annotations

from pathlib import Path

from sitecontent import Paths, load_agenda, load_agendas, load_goals, load_register

ROOT = Path(__file__).resolve().parents[2]


def test_every_goal_is_one_activity_with_the_matrix_scale():
    goals = load_goals(ROOT / "docs" / "regiovisie" / "doelen.yaml")
    agenda = load_agenda(ROOT / "docs" / "beleidsagenda" / "2022.yaml", goals)
    by_goal = {}
    for activity in agenda.activities:
        by_goal.setdefault(activity.doel, []).append(activity)
    matrix = goals.goals
    assert sorted(by_goal) == sorted(matrix)
    for goal_id, goal in matrix.items():
        (activity,) = by_goal[goal_id]
        assert sorted(activity.schaal) == sorted(goal.schaal), goal_id
        assert activity.budget_cent is None and not activity.budget_known, goal_id
        assert activity.status == "gepland", goal_id
        assert activity.planning == "2022", goal_id
        assert activity.financiering == "", goal_id
        assert activity.voortgang == "", goal_id


def test_all_agenda_files_are_valid():
    paths = Paths.of(ROOT)
    goals = load_goals(paths.goals)
    agendas = load_agendas(paths.agenda, goals, set(load_register(paths.decisions).decisions))
    assert 2022 in agendas
    for year in agendas:
        assert (ROOT / "docs" / "beleidsagenda" / f"{year}.md").exists()
