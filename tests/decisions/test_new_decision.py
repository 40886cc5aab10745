"""The command that creates a new record: next id in the series, and the result validates."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hooks import decisions as hook
from tests.decisions.conftest import ROOT
from tools import new_decision


def test_next_id_continues_the_series(records):
    # Computed from the folder, so a record an editor adds does not break this test.
    taken = [int(p.stem[-2:]) for p in records.glob("up-2020-*.md")]
    expected = max(taken) + 1
    assert new_decision.next_id(records, "up", 2020) == (f"up-2020-{expected:02d}", expected)
    assert new_decision.next_id(records, "zz", 2099) == ("zz-2099-01", 1)


def test_new_record_validates(records):
    before = len(hook.record_files(records))
    path = new_decision.create(records, "zz", "Nieuwe afspraak over de toegang", 2099)
    assert path.name == "zz-2099-01.md"
    register = hook.validate_folder(records, allow_placeholders=True)
    meta = register.decisions["zz-2099-01"].meta
    assert meta["titel"] == "Nieuwe afspraak over de toegang"
    assert meta["status"] == "voorgesteld" and meta["datum"] == "2099"
    assert len(register.decisions) == before + 1
    assert "# Sjabloon" not in path.read_text(encoding="utf-8")


def test_fresh_record_is_refused_by_the_build_until_filled_in(records):
    path = new_decision.create(records, "zz", "Nog niet af", 2099)
    with pytest.raises(hook.DecisionError) as caught:
        hook.validate_folder(records)
    fields = {"besluitvormers", "bron"}
    for message in caught.value.messages:
        assert message.startswith(f"{hook._shown(path)} regel "), message
        assert "nog in te vullen" in message and "uit het sjabloon" in message
    assert {f for f in fields if any(f"veld '{f}'" in m for m in caught.value.messages)} == fields
    assert any("de tekst bevat nog" in m for m in caught.value.messages)


def test_command_line(records):
    completed = subprocess.run(
        [
            sys.executable,
            "tools/new_decision.py",
            "--reeks",
            "zz",
            "--titel",
            "Proef",
            "--jaar",
            "2099",
            "--map",
            str(records),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (records / "zz-2099-01.md").exists()
    hook.validate_folder(records, allow_placeholders=True)
