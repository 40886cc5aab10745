"""The command that creates a new record: next id in the series, and the result validates."""

from __future__ import annotations

import subprocess
import sys

from hooks import decisions as hook
from tests.decisions.conftest import ROOT
from tools import new_decision


def test_next_id_continues_the_series(records):
    assert new_decision.next_id(records, "up", 2020) == ("up-2020-10", 10)
    assert new_decision.next_id(records, "up", 2023) == ("up-2023-01", 1)


def test_new_record_validates(records):
    path = new_decision.create(records, "up", "Nieuwe afspraak over de toegang", 2021)
    assert path.name == "up-2021-01.md"
    register = hook.validate_folder(records)
    meta = register.decisions["up-2021-01"].meta
    assert meta["titel"] == "Nieuwe afspraak over de toegang"
    assert meta["status"] == "voorgesteld" and meta["datum"] == "2021"
    assert len(register.decisions) == 20


def test_command_line(records):
    completed = subprocess.run(
        [
            sys.executable,
            "tools/new_decision.py",
            "--reeks",
            "bp",
            "--titel",
            "Proef",
            "--jaar",
            "2019",
            "--map",
            str(records),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (records / "bp-2019-11.md").exists()
    hook.validate_folder(records)
