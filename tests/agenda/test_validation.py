"""Each kind of invalid agenda data gives one Dutch line naming file, activity and field."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from tests.agenda.conftest import FIXTURES
from tools.agenda import AgendaError, load_agenda, validate_agenda

ROOT = Path(__file__).resolve().parents[2]

VALID = {
    "id": "x1",
    "titel": "Een activiteit",
    "ambitie": 5,
    "doel": "5.1",
    "schaal": "regionaal",
    "trekker": "nog te bepalen",
    "planning": "2030",
    "budget": "nog te bepalen",
    "status": "gepland",
}


def write(tmp_path: Path, *activities: dict, year: int = 2030, **top) -> Path:
    path = tmp_path / f"{year}.yaml"
    data = {"jaar": year, **top, "activiteiten": list(activities)}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def only_error(path: Path, goals, decisions_dir=None) -> str:
    errors = validate_agenda(path, goals, decisions_dir)
    assert len(errors) == 1, errors
    return errors[0]


def changed(**fields) -> dict:
    activity = {**VALID, **fields}
    return {k: v for k, v in activity.items() if v is not ...}


def assert_names(message: str, path: Path, activity: str, field: str) -> None:
    assert path.name in message
    assert f"activiteit '{activity}'" in message
    assert f"veld '{field}'" in message
    assert "\n" not in message


def test_valid_file_has_no_errors(tmp_path, goals):
    assert validate_agenda(write(tmp_path, VALID), goals, None) == []


def test_fixture_agendas_are_valid(goals):
    for name in ("2030.yaml", "2031.yaml"):
        assert validate_agenda(FIXTURES / "met_budget" / name, goals, None) == []


def test_unknown_ambition(tmp_path, goals):
    path = write(tmp_path, changed(ambitie=9, doel="9.1"))
    errors = validate_agenda(path, goals, None)
    # The goal 9.1 is unknown too; both lines name their own field.
    assert any("veld 'ambitie'" in e and "ambitie 9 bestaat niet" in e for e in errors)
    message = next(e for e in errors if "veld 'ambitie'" in e)
    assert_names(message, path, "x1", "ambitie")


def test_unknown_goal(tmp_path, goals):
    path = write(tmp_path, changed(doel="5.9"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "doel")
    assert "doel '5.9' staat niet in de doelen van de regiovisie" in message


def test_goal_of_another_ambition(tmp_path, goals):
    path = write(tmp_path, changed(doel="1.1"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "doel")
    assert "hoort niet bij ambitie 5" in message


def test_bad_status(tmp_path, goals):
    path = write(tmp_path, changed(status="klaar"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "status")
    assert "'klaar' is geen geldige status" in message


def test_bad_scale(tmp_path, goals):
    path = write(tmp_path, changed(schaal="provinciaal"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "schaal")
    assert "'provinciaal' is geen geldige schaal" in message


def test_negative_budget(tmp_path, goals):
    path = write(tmp_path, changed(budget=-500))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "budget")
    assert "negatief" in message


def test_non_numeric_budget(tmp_path, goals):
    path = write(tmp_path, changed(budget="€ 25.000"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "budget")
    assert "is geen getal" in message


def test_duplicate_id(tmp_path, goals):
    path = write(tmp_path, VALID, changed(titel="Nog een"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "id")
    assert "komt al voor op regel" in message


def test_missing_required_field(tmp_path, goals):
    path = write(tmp_path, changed(trekker=...))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "trekker")
    assert "verplichte veld ontbreekt" in message


def test_unknown_field(tmp_path, goals):
    path = write(tmp_path, changed(kosten=100))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "kosten")
    assert "onbekend veld" in message


def test_bad_planning(tmp_path, goals):
    path = write(tmp_path, changed(planning="volgend jaar"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "planning")


def test_bad_decision_id_format(tmp_path, goals):
    path = write(tmp_path, changed(besluiten=["besluit-5"]))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "besluiten")
    assert "geen geldige besluit-id" in message


def test_unknown_decision_when_records_exist(tmp_path, goals):
    decisions = tmp_path / "decisions"
    decisions.mkdir()
    (decisions / "bp-2019-05.md").write_text("---\nstatus: accepted\n---\n", encoding="utf-8")
    path = write(tmp_path, changed(besluiten=["bp-2019-05", "up-2020-05"]))
    message = only_error(path, goals, decisions)
    assert_names(message, path, "x1", "besluiten")
    assert "besluit 'up-2020-05' bestaat niet" in message


def test_message_names_the_line(tmp_path, goals):
    path = write(tmp_path, VALID, changed(id="x2", status="klaar"))
    line = next(
        number
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "klaar" in text
    )
    assert f"regel {line}," in only_error(path, goals)


def test_year_must_match_file_name(tmp_path, goals):
    path = write(tmp_path, VALID)
    path.write_text(path.read_text(encoding="utf-8").replace("jaar: 2030", "jaar: 2031"))
    assert "veld 'jaar'" in only_error(path, goals)


def test_broken_yaml_is_one_plain_line(tmp_path, goals):
    path = tmp_path / "2030.yaml"
    path.write_text("jaar: 2030\nactiviteiten:\n  - id: x1\n   titel: fout\n", encoding="utf-8")
    message = only_error(path, goals)
    assert "geen geldige YAML" in message and "regel" in message


def test_load_agenda_raises_with_all_messages(tmp_path, goals):
    path = write(tmp_path, changed(status="klaar", budget=-1))
    with pytest.raises(AgendaError) as caught:
        load_agenda(path, goals, None)
    assert len(caught.value.messages) == 2


def test_build_hook_stops_on_invalid_data(tmp_path):
    """The MkDocs hook turns the validator's lines into a build error."""
    docs = tmp_path / "docs"
    (docs / "regiovisie").mkdir(parents=True)
    (docs / "beleidsagenda").mkdir()
    (docs / "regiovisie" / "doelen.yaml").write_bytes((FIXTURES / "doelen.yaml").read_bytes())
    write(docs / "beleidsagenda", changed(status="klaar"))
    spec = importlib.util.spec_from_file_location("agenda_hook", ROOT / "hooks" / "agenda.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    with pytest.raises(PluginError) as caught:
        hook.on_files([], {"docs_dir": str(docs)})
    assert "activiteit 'x1', veld 'status'" in str(caught.value)
