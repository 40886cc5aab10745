"""Golden outputs: every stored case must give byte-identical JSON and CSV as when it was stored.

``golden/*.jsonl.gz`` hold, per case, the request text, the response text exactly as
:func:`calculators.core.entry.handle` returned it and, for valid scenarios, the CSV export
(see ``golden/README.md``; written by ``golden/make_golden.py``). This is the safety net for
refactoring the calculators: any change in any output fails here, with the case ids and the
first difference.

Intended changes
----------------
A change on purpose (a fix, a better message) is listed in :data:`INTENDED_CHANGES`: case id
(or an ``fnmatch`` pattern such as ``"spreiding/valid-*"``) -> why it changes. A listed case
may differ; an entry none of whose cases differs fails the test (stale), and so does an entry
that names no stored case. Passing intended changes are named in a warning. Once the change
is reviewed, regenerate the golden files and empty the list again (see ``golden/README.md``).
"""

from __future__ import annotations

import fnmatch
import functools
import gzip
import json
import warnings
from pathlib import Path

import pytest

from calculators.core.entry import handle

GOLDEN = Path(__file__).resolve().parent / "golden"
CALCULATORS = ("verdeelsleutel", "solidariteit", "spreiding", "ingroeipad")
FILES = (*CALCULATORS, "hostile")
VALID_PER_CALCULATOR = 50

#: Case id or fnmatch pattern -> reason. Empty when the stored outputs are current.
INTENDED_CHANGES: dict[str, str] = {}

#: How many differing cases a failure spells out (the rest are counted).
SHOWN = 15


def read_records(path: Path) -> list[dict]:
    """The records of one golden file (JSON Lines, gzip-compressed)."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def text_of(record: dict, field: str) -> str:
    if field in record:
        return record[field]
    # Hostile texts of megabytes (10 MB of "[") are stored as runs of a repeated piece.
    return "".join(piece * times for piece, times in record[f"{field}_runs"])


def first_difference(expected: str, actual: str) -> str:
    """Where two texts part, with a little context on both sides."""
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    start = max(0, at - 30)
    return (
        f"at character {at} (lengths {len(expected)} and {len(actual)}):\n"
        f"      stored: {expected[start : at + 50]!r}\n"
        f"      now:    {actual[start : at + 50]!r}"
    )


def differences(record: dict) -> list[str]:
    """What differs for one case: the response, the CSV export, or nothing."""
    found = []
    response, expected = handle(text_of(record, "request")), text_of(record, "response")
    if response != expected:
        found.append(f"response {first_difference(expected, response)}")
    if "csv_request" in record:
        exported = json.loads(handle(record["csv_request"]))
        csv = exported.get("text") if exported.get("ok") else json.dumps(exported)
        if csv != record["csv"]:
            found.append(f"CSV {first_difference(record['csv'], csv or '')}")
    return found


def intended(case_id: str) -> list[str]:
    return [pattern for pattern in INTENDED_CHANGES if fnmatch.fnmatchcase(case_id, pattern)]


@functools.cache
def stored(name: str) -> list[dict]:
    # Read once per process, and only the files a test needs (pytest-xdist splits the tests).
    return read_records(GOLDEN / f"{name}.jsonl.gz")


@functools.cache
def changed(name: str) -> dict[str, list[str]]:
    """Case id -> what differs, for every case of one file that no longer gives its output."""
    return {r["id"]: found for r in stored(name) if (found := differences(r))}


def test_golden_files_hold_every_case():
    records = {name: stored(name) for name in FILES}
    ids = [r["id"] for found in records.values() for r in found]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for name in CALCULATORS:
        valid = [r for r in records[name] if r.get("kind") == "valid"]
        assert len(valid) == VALID_PER_CALCULATOR, name
        assert all(r["csv"].startswith("\ufeff") for r in valid), name
    assert len(records["hostile"]) > 1000
    # Every entry names cases that exist (a typo would otherwise look like a stale entry).
    unknown = [p for p in INTENDED_CHANGES if not any(fnmatch.fnmatchcase(i, p) for i in ids)]
    assert not unknown, f"INTENDED_CHANGES names no stored case: {unknown}"
    assert all(isinstance(why, str) and why.strip() for why in INTENDED_CHANGES.values())


@pytest.mark.parametrize("name", FILES)
def test_outputs_are_byte_identical(name):
    differing = changed(name)
    unexpected = {i: found for i, found in differing.items() if not intended(i)}
    if unexpected:
        lines = [f"{len(unexpected)} case(s) in {name}.jsonl.gz changed output:"]
        for case_id, found in list(unexpected.items())[:SHOWN]:
            lines += [f"  {case_id}: {part}" for part in found]
        if len(unexpected) > SHOWN:
            lines.append(f"  … and {len(unexpected) - SHOWN} more")
        # Without pytest's introspection of the dicts: the message already says it all.
        pytest.fail("\n".join(lines), pytrace=False)
    if differing:
        accepted = sorted(differing)
        shown = ", ".join(accepted[:SHOWN]) + (" …" if len(accepted) > SHOWN else "")
        warnings.warn(f"{len(accepted)} intended change(s) in {name}: {shown}", stacklevel=1)


def test_every_intended_change_happens():
    if not INTENDED_CHANGES:
        return
    differing = [i for name in FILES for i in changed(name)]
    stale = [p for p in INTENDED_CHANGES if not any(fnmatch.fnmatchcase(i, p) for i in differing)]
    if stale:
        pytest.fail(
            f"INTENDED_CHANGES entries whose cases give the stored output (stale): {stale}. "
            "Remove them, or regenerate if the golden files already hold the change.",
            pytrace=False,
        )
