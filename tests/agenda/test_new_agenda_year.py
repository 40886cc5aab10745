"""Starting a new agenda year (sitecontent.start_next_year and tools/new_agenda_year.py) on
a copy of a fixture agenda in tmp_path."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitecontent import TBD, ContentError, load_goals, start_next_year, validate_agenda
from sitecontent._new_year import plan_next_year
from tests.agenda.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]

NAV = """nav:
  - Beleidsagenda:
      - beleidsagenda/index.md
      - "2030": beleidsagenda/2030.md
  - Rekenhulpen:
      - rekenhulpen/index.md
"""


@pytest.fixture(autouse=True)
def real_site_untouched():
    """The command must only write where it is told (tmp_path here)."""
    before = (ROOT / "mkdocs.yml").read_bytes()
    years = sorted((ROOT / "docs" / "beleidsagenda").iterdir())
    yield
    assert (ROOT / "mkdocs.yml").read_bytes() == before
    assert sorted((ROOT / "docs" / "beleidsagenda").iterdir()) == years


@pytest.fixture
def agenda_dir(tmp_path):
    folder = tmp_path / "beleidsagenda"
    folder.mkdir()
    shutil.copy(FIXTURES / "met_budget" / "2030.yaml", folder / "2030.yaml")
    return folder


def run(agenda_dir, **kwargs):
    return start_next_year(agenda_dir, load_goals(FIXTURES / "doelen.yaml"), **kwargs)


def test_carries_over_unfinished_activities(agenda_dir, goals):
    mkdocs_yml = agenda_dir.parent / "mkdocs.yml"
    mkdocs_yml.write_text(NAV, encoding="utf-8")
    written = run(agenda_dir, mkdocs_yml=mkdocs_yml)
    new = agenda_dir / "2031.yaml"
    assert written == [new, agenda_dir / "2031.md", mkdocs_yml]
    assert validate_agenda(new, goals, None) == []
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["jaar"] == 2031
    assert "beleidsagenda 2030" in data["toelichting"]
    activities = {a["id"]: a for a in data["activiteiten"]}
    # a2 was afgerond and a5 vervallen: they stay in 2030.
    assert list(activities) == ["a1", "a3", "a4", "a6"]
    assert {i: a["status"] for i, a in activities.items()} == {
        "a1": "lopend",
        "a3": "gepland",
        "a4": "lopend",
        "a6": "gepland",
    }
    for activity in activities.values():
        assert activity["budget"] == TBD
        assert activity["voortgang"] == ""
        assert "financiering" not in activity
    # A period that still covers 2031 stays; everything else is planned for 2031.
    assert activities["a1"]["planning"] == "2030-2031"
    assert activities["a4"]["planning"] == "2031"
    assert activities["a6"]["planning"] == "2031"
    assert activities["a1"]["besluiten"] == ["bp-2019-05"]
    assert activities["a4"]["schaal"] == ["regionaal", "lokaal"]
    assert "beleidsagenda_jaar(2031)" in (agenda_dir / "2031.md").read_text(encoding="utf-8")
    nav = mkdocs_yml.read_text(encoding="utf-8")
    assert '      - "2030": beleidsagenda/2030.md\n      - "2031": beleidsagenda/2031.md\n' in nav


def test_a_second_run_changes_nothing_and_an_edited_year_is_never_overwritten(agenda_dir):
    mkdocs_yml = agenda_dir.parent / "mkdocs.yml"
    mkdocs_yml.write_text(NAV, encoding="utf-8")
    run(agenda_dir, mkdocs_yml=mkdocs_yml)
    files = [agenda_dir / "2031.yaml", agenda_dir / "2031.md", mkdocs_yml]
    written = [path.read_bytes() for path in files]
    assert run(agenda_dir, year=2031, mkdocs_yml=mkdocs_yml) == []
    assert [path.read_bytes() for path in files] == written
    # Once an editor has changed the year, the command refuses instead of overwriting it.
    edited = written[0] + b"# eigen aantekening\n"
    files[0].write_bytes(edited)
    with pytest.raises(ContentError, match="2031.yaml bestaat al"):
        run(agenda_dir, year=2031, mkdocs_yml=mkdocs_yml)
    assert [path.read_bytes() for path in files] == [edited, *written[1:]]


def test_refuses_a_year_before_the_latest(agenda_dir):
    with pytest.raises(ContentError, match="na 2030"):
        run(agenda_dir, year=2029)


def test_refuses_when_page_exists(agenda_dir):
    (agenda_dir / "2031.md").write_text("# eigen tekst\n", encoding="utf-8")
    with pytest.raises(ContentError, match="bestaat al"):
        run(agenda_dir)
    assert not (agenda_dir / "2031.yaml").exists()


def test_command_line(agenda_dir):
    # Runs against the real goals file, the way an editor starts it.
    command = [sys.executable, "tools/new_agenda_year.py", "--map", str(agenda_dir)]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "2031.yaml" in first.stdout
    second = subprocess.run(command + ["--jaar", "2031"], cwd=ROOT, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert "Niets veranderd" in second.stdout and "2031.yaml" in second.stdout
    (agenda_dir / "2031.md").write_text("# eigen tekst\n", encoding="utf-8")
    third = subprocess.run(command + ["--jaar", "2031"], cwd=ROOT, capture_output=True, text=True)
    assert third.returncode == 1
    assert "2031.md bestaat al" in third.stderr
    assert "Traceback" not in third.stderr


@pytest.mark.parametrize("year", [0, -1, 99999, True, "2031"])
def test_a_year_that_is_no_year_is_refused_not_ignored(agenda_dir, year):
    # 0 used to mean "no year given" and silently became 2031.
    with pytest.raises(ContentError, match="--jaar moet een jaartal van vier cijfers zijn"):
        run(agenda_dir, year=year)
    assert sorted(p.name for p in agenda_dir.iterdir()) == ["2030.yaml"]


def test_a_menu_without_years_is_left_alone(agenda_dir):
    mkdocs_yml = agenda_dir.parent / "mkdocs.yml"
    mkdocs_yml.write_text("nav:\n  - index.md\n", encoding="utf-8")
    plan = plan_next_year(agenda_dir, load_goals(FIXTURES / "doelen.yaml"), mkdocs_yml=mkdocs_yml)
    assert plan.nav_missing and list(plan.texts) == [
        agenda_dir / "2031.yaml",
        agenda_dir / "2031.md",
    ]


def test_a_failing_write_leaves_no_year_behind(agenda_dir, monkeypatch):
    # The page is the second file the command puts in place; its failure undoes the first.
    mkdocs_yml = agenda_dir.parent / "mkdocs.yml"
    mkdocs_yml.write_text(NAV, encoding="utf-8")
    real_replace, calls = os.replace, []

    def replace(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ContentError, match="2031.md: niet geschreven, want de schijf is vol"):
        run(agenda_dir, mkdocs_yml=mkdocs_yml)
    assert sorted(p.name for p in agenda_dir.iterdir()) == ["2030.yaml"]
    assert mkdocs_yml.read_text(encoding="utf-8") == NAV
