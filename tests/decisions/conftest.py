"""Helpers for the decision-record tests: a copy of the real records to break on purpose.

The editing tests work on ``fixtures/records/``: a frozen copy of the records of 2019 and
2020 as they were published, so the line numbers and links they break stay the same when an
editor adds or replaces a record in ``decisions/``. Leave that copy alone; the rules for
today's records are checked on ``decisions/`` itself (test_records.py, test_presets.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sitecontent

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "decisions"
FROZEN = Path(__file__).resolve().parent / "fixtures" / "records"


@pytest.fixture
def records(tmp_path) -> Path:
    """A writable folder with the frozen real records and today's template."""
    folder = tmp_path / "decisions"
    shutil.copytree(FROZEN, folder)
    shutil.copy(RECORDS / "_template.md", folder / "_template.md")
    return folder


def edit(folder: Path, decision_id: str, old: str, new: str) -> None:
    path = folder / f"{decision_id}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    with pytest.raises(sitecontent.ContentError) as caught:
        sitecontent.load_register(folder)
    return caught.value.messages


def add_successor(folder: Path, old_id: str = "up-2020-04", new_id: str = "up-2021-01") -> Path:
    """What an editor does to replace a record: a complete new record naming its
    predecessor, and the old record marked as replaced. Returns the new file."""
    old = folder / f"{old_id}.md"
    text = old.read_text(encoding="utf-8")
    text = text.replace("status: vastgesteld", "status: vervangen", 1)
    text = text.replace("\n---\n", f"\nopvolgers:\n- {new_id}\nopvolging: volledig\n---\n", 1)
    old.write_text(text, encoding="utf-8")
    new = folder / f"{new_id}.md"
    new.write_text(
        f"""---
id: {new_id}
nummer: 1
titel: Relatiemanagement opnieuw geregeld
status: vastgesteld
datum: '{new_id[3:7]}'
besluitvormers:
- colleges van B&W van de gemeenten in Noord- en Midden-Limburg
regio: Noord- en Midden-Limburg
bron:
  document: Regionale uitgangspunten {new_id[3:7]}
  hoofdstuk: uitgangspunt 1
voorgangers:
- {old_id}
---

## Besluit

Het relatiemanagement wordt opnieuw geregeld.

## Context

Het vorige besluit was verouderd.

## Gevolgen

Eén nieuw aanspreekpunt.
""",
        encoding="utf-8",
    )
    return new
