"""Helpers for the decision-record tests: a copy of the real records to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hooks import decisions as hook

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "decisions"


@pytest.fixture
def records(tmp_path) -> Path:
    """A writable copy of decisions/ (records and template) in a temporary folder."""
    folder = tmp_path / "decisions"
    shutil.copytree(RECORDS, folder)
    return folder


def edit(folder: Path, decision_id: str, old: str, new: str) -> None:
    path = folder / f"{decision_id}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    with pytest.raises(hook.DecisionError) as caught:
        hook.validate_folder(folder)
    return caught.value.messages
