"""Rules every record in decisions/ must follow, whatever records there are.

These tests never list today's records, statuses or lineage: an editor who adds a correct
record (for example with tools/new_decision.py) must not have to edit a test. The messages
are Dutch because editors read them when a test fails.
"""

from __future__ import annotations

import pytest

import sitecontent as content
from tests.decisions.conftest import RECORDS, add_successor


@pytest.fixture(params=["decisions", "met een nieuw opvolgend besluit"])
def folder(request, records):
    """The real records, and a copy to which an editor added a correct superseding record:
    the rules must hold for both, so adding a record never means editing a test."""
    if request.param == "decisions":
        return RECORDS
    add_successor(records)
    return records


@pytest.fixture
def register(folder):
    return lambda: content.load_register(folder)


def test_every_record_validates(register):
    assert register().decisions, "De map decisions/ bevat geen enkel besluit."


def test_template_is_not_a_record():
    assert (RECORDS / "_template.md").exists(), "Het sjabloon decisions/_template.md ontbreekt."
    assert "_template" not in {p.stem for p in content.record_files(RECORDS)}


def test_year_in_the_id_is_the_year_of_the_date(register):
    for decision in register().decisions.values():
        year = content.DECISION_ID.match(decision.id).group("jaar")
        assert decision.datum[:4] == year, (
            f"{decision.id}: het jaar in het id ({year}) hoort gelijk te zijn aan het jaar van "
            f"'datum' ({decision.datum})."
        )


def test_lineage_both_directions(register):
    records = register().decisions
    for decision in records.values():
        for successor in decision.opvolgers:
            assert decision.id in records[successor].voorgangers, (
                f"{decision.id} noemt {successor} als opvolger, maar {successor} noemt "
                f"{decision.id} niet als voorganger."
            )
    pairs = {(o.id, n.id) for o, n in content.lineage_pairs(register())}
    expected = {(d.id, s) for d in records.values() for s in d.opvolgers}
    assert pairs == expected


def test_a_successor_is_not_older_than_what_it_replaces(register):
    records = register().decisions
    for decision in records.values():
        for successor in decision.opvolgers:
            assert records[successor].datum[:4] >= decision.datum[:4], (
                f"{successor} vervangt {decision.id}, maar heeft een eerdere datum."
            )


def test_wholly_replaced_records_have_the_status_vervangen(register):
    for decision in register().decisions.values():
        if decision.meta.get("opvolging") == "volledig":
            assert decision.status == "vervangen", (
                f"{decision.id} is volledig opgevolgd; verwacht status 'vervangen', "
                f"niet '{decision.status}'."
            )


def test_partial_succession_is_explained(register):
    for decision in register().decisions.values():
        if decision.meta.get("opvolging") == "gedeeltelijk":
            assert decision.meta.get("opvolging_toelichting"), (
                f"{decision.id}: bij gedeeltelijke opvolging hoort een 'opvolging_toelichting'."
            )


def test_every_record_has_the_madr_sections(register):
    for decision in register().decisions.values():
        for heading in ("## Besluit", "## Context", "## Gevolgen"):
            assert heading in decision.body, f"{decision.id}: de kop '{heading}' ontbreekt."


def test_source_named_by_title_not_by_file_name(register):
    for decision in register().decisions.values():
        document = decision.meta["bron"]["document"]
        assert ".txt" not in document and ".txt" not in decision.body, (
            f"{decision.id}: noem de bron bij zijn titel, niet bij een bestandsnaam."
        )


def test_date_display():
    assert content.format_date("2019") == "2019"
    assert content.format_date("2019-12") == "december 2019"
    assert content.format_date("2019-12-10") == "10 december 2019"


def test_git_dates_fall_back_quietly(tmp_path):
    # Not a git repository: no dates, no error.
    (tmp_path / "x.md").write_text("x", encoding="utf-8")
    assert content.git_dates(tmp_path) == {}


def test_git_dates_match_git_log(tmp_path):
    import subprocess

    def git(*args):
        return subprocess.run(
            ["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True
        ).stdout.strip()

    git("init", "-q")
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    git("add", "a.md")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "a")
    assert content.git_dates(tmp_path) == {"a.md": git("log", "-1", "--format=%cs", "--", "a.md")}
