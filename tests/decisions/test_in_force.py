"""Which decisions are in force on a date: the rules on a small hand-made register, then the
real records of 2019 and 2020 on dates worked out by hand from their dates and supersessions
(a year-only date counts from 31 December of that year), then after an editor's new record
replaces an old one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import sitecontent
from sitecontent import Decision, Register, in_force_from, in_force_on, year_starts
from tests.decisions.conftest import FROZEN


def record(id_, status, datum, opvolgers=(), opvolging=None) -> Decision:
    meta = {"status": status, "datum": datum, "opvolgers": list(opvolgers)}
    if opvolging:
        meta["opvolging"] = opvolging
    return Decision(id=id_, path=Path(f"{id_}.md"), meta=meta, body="")


def register(*records: Decision) -> Register:
    return Register(folder=Path("."), decisions={d.id: d for d in records})


# Shaped like the real register: 2019 points replaced wholly or partly in 2020, a proposal,
# and a 2021 record known to the day that replaces a 2020 one.
SMALL = register(
    record("bp-2019-01", "vervangen", "2019", ["up-2020-01"], "volledig"),
    record("bp-2019-02", "vervangen", "2019", ["up-2020-02"], "gedeeltelijk"),
    record("bp-2019-03", "vastgesteld", "2019-06"),
    record("up-2020-01", "vervangen", "2020", ["up-2021-01"], "volledig"),
    record("up-2020-02", "vastgesteld", "2020"),
    record("up-2021-01", "vastgesteld", "2021-03-15"),
    record("up-2021-02", "voorgesteld", "2021-01-10"),
)


def ids(day: date, reg: Register = SMALL) -> list[str]:
    return [period.decision.id for period in in_force_on(day, reg)]


@pytest.mark.parametrize(
    ("datum", "expected"),
    [
        ("2020", date(2020, 12, 31)),
        ("2020-02", date(2020, 2, 29)),
        ("2019-02", date(2019, 2, 28)),
        ("2021-03-15", date(2021, 3, 15)),
    ],
)
def test_a_date_known_to_the_year_or_month_counts_from_its_last_day(datum, expected):
    assert in_force_from(datum) == expected


def test_rules_on_a_small_register():
    assert ids(date(2018, 12, 31)) == []
    assert ids(date(2019, 6, 29)) == []
    assert ids(date(2019, 6, 30)) == ["bp-2019-03"]
    assert ids(date(2020, 7, 1)) == ["bp-2019-03", "bp-2019-01", "bp-2019-02"]
    # From the end of 2020 the wholly replaced point is gone, the partly replaced one stays.
    assert ids(date(2021, 1, 1)) == ["bp-2019-03", "bp-2019-02", "up-2020-01", "up-2020-02"]
    assert "up-2020-01" in ids(date(2021, 3, 14))
    assert "up-2020-01" not in ids(date(2021, 3, 15))
    assert "up-2021-01" in ids(date(2021, 3, 15))
    assert "up-2021-02" not in ids(date(2030, 1, 1))


def test_a_partial_successor_is_named_only_from_its_own_start():
    (period,) = [p for p in in_force_on(date(2021, 1, 1), SMALL) if p.decision.id == "bp-2019-02"]
    assert period.partly_replaced_by(date(2020, 12, 30)) == []
    assert period.partly_replaced_by(date(2020, 12, 31)) == ["up-2020-02"]


BP_2019 = [f"bp-2019-{n:02d}" for n in range(1, 11)]
UP_2020 = [f"up-2020-{n:02d}" for n in range(1, 10)]


@pytest.fixture(scope="module")
def published() -> Register:
    return sitecontent.load_register(FROZEN)


def test_the_published_records_before_2019(published):
    assert ids(date(2018, 12, 31), published) == []
    assert ids(date(2019, 12, 30), published) == []


def test_the_published_records_during_2020(published):
    # All ten beslispunten of 2019 (from 31 December 2019); the uitgangspunten of 2020 only
    # count from 31 December 2020.
    assert ids(date(2020, 7, 1), published) == BP_2019


def test_the_published_records_from_the_end_of_2020(published):
    # Nine of the ten beslispunten were replaced wholly; beslispunt 6 only in part, by
    # uitgangspunt 5, so it stays with that successor beside it.
    for day in (date(2020, 12, 31), date(2026, 11, 26)):
        assert ids(day, published) == ["bp-2019-06", *UP_2020]
    (bp6,) = [p for p in in_force_on(date(2021, 1, 1), published) if p.decision.id == "bp-2019-06"]
    assert bp6.partly_replaced_by(date(2021, 1, 1)) == ["up-2020-05"]


def test_a_new_record_made_with_the_command_replaces_the_old_one_from_its_day(records):
    new = sitecontent.create_record(
        records, "up", "Relatiemanagement opnieuw", 2021, supersedes=["up-2020-04"]
    )
    text = new.read_text(encoding="utf-8")
    reg = sitecontent.load_register(records, allow_placeholders=True)
    # Still a proposal: the old record holds, whatever its status field says already.
    assert "up-2020-04" in ids(date(2030, 1, 1), reg)
    text = text.replace('datum: "2021"', 'datum: "2021-06-15"')
    new.write_text(text.replace("status: voorgesteld", "status: vastgesteld"), encoding="utf-8")
    reg = sitecontent.load_register(records, allow_placeholders=True)
    assert "up-2020-04" in ids(date(2021, 6, 14), reg)
    after = ids(date(2021, 6, 15), reg)
    assert "up-2020-04" not in after
    assert after[-1] == new.stem


def test_year_pages_run_from_the_first_decision_year_to_this_year(published):
    assert year_starts(published, date(2022, 3, 1)) == [
        date(2019, 1, 1),
        date(2020, 1, 1),
        date(2021, 1, 1),
        date(2022, 1, 1),
    ]


# --- What a page calls a decision's state: the in-force rule in words -----------------------


def with_rest(rest: str | None) -> Register:
    partial = record("bp-2019-06", "vervangen", "2019", ["up-2020-05"], "gedeeltelijk")
    if rest:
        partial.meta["opvolging_rest"] = rest
    return register(partial, record("up-2020-05", "vastgesteld", "2020"))


def state(reg: Register, decision_id: str, day: date) -> str:
    return sitecontent.state_text(reg.decisions[decision_id], reg, day)


def test_a_partial_succession_whose_rest_holds_keeps_the_decision_in_force():
    reg = with_rest("geldt")
    assert ids(date(2026, 1, 1), reg) == ["bp-2019-06", "up-2020-05"]
    assert state(reg, "bp-2019-06", date(2020, 12, 30)) == "geldt"
    assert state(reg, "bp-2019-06", date(2026, 1, 1)) == (
        "geldt voor het deel dat niet is overgenomen"
    )


def test_when_the_sources_leave_the_rest_open_the_decision_is_not_listed_as_in_force():
    # bp-2019-06 asked for its questions to be worked out in 2020; whether the rest holds
    # after uitgangspunt 5 (31 December 2020) the sources do not say.
    reg = with_rest("onbekend")
    assert ids(date(2020, 12, 30), reg) == ["bp-2019-06"]
    assert ids(date(2020, 12, 31), reg) == ["up-2020-05"]
    assert ids(date(2026, 1, 1), reg) == ["up-2020-05"]
    assert [p.decision.id for p in sitecontent.unclear_on(date(2026, 1, 1), reg)] == ["bp-2019-06"]
    assert sitecontent.unclear_on(date(2020, 12, 30), reg) == []
    assert state(reg, "bp-2019-06", date(2026, 1, 1)) == (
        "deels vervangen; of de rest nog geldt, zeggen de bronnen niet"
    )


def test_a_state_never_contradicts_the_in_force_rule():
    """For every decision of the small register and every day around its changes, the words
    say "geldt" exactly when the decision is listed as in force on that day."""
    days = [date(2018, 12, 31), date(2019, 6, 30), date(2019, 12, 31), date(2020, 12, 31)]
    days += [date(2021, 3, 14), date(2021, 3, 15), date(2030, 1, 1)]
    for day in days:
        listed = set(ids(day))
        for decision in SMALL.decisions.values():
            words = state(SMALL, decision.id, day)
            assert words.startswith("geldt") == (decision.id in listed), (decision.id, day, words)


def test_the_state_of_proposals_withdrawals_and_waiting_successors():
    reg = register(
        record("up-2020-01", "vervangen", "2020", ["up-2021-01"], "volledig"),
        record("up-2021-01", "voorgesteld", "2021"),
        record("up-2020-02", "ingetrokken", "2020"),
    )
    # Its status field already says "vervangen", but the successor is only a proposal.
    assert state(reg, "up-2020-01", date(2030, 1, 1)) == (
        "geldt; de opvolger is voorgesteld, nog niet vastgesteld"
    )
    assert "up-2020-01" in ids(date(2030, 1, 1), reg)
    assert state(reg, "up-2021-01", date(2030, 1, 1)) == "voorgesteld, nog niet vastgesteld"
    assert state(reg, "up-2020-02", date(2030, 1, 1)) == "ingetrokken"
