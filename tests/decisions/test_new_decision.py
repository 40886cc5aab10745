"""The command that creates a new record: next id in the series, the result validates, and
with --vervangt it writes both sides of a supersession (like adr-tools' ``adr new -s``).
Every test works on a copy of the real records."""

from __future__ import annotations

import difflib
import subprocess
import sys

import pytest

import sitecontent as content
from tests.decisions.conftest import ROOT, edit
from tools import new_decision as new_decision_tool


def new_decision(records, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "tools/new_decision.py", "--map", str(records), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines taken out and lines put in, in file order."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def test_next_id_continues_the_series(records):
    # Computed from the folder, so a record an editor adds does not break this test.
    taken = [int(p.stem[-2:]) for p in records.glob("up-2020-*.md")]
    expected = max(taken) + 1
    assert content.next_id(records, "up", 2020) == (f"up-2020-{expected:02d}", expected)
    assert content.next_id(records, "zz", 2099) == ("zz-2099-01", 1)


def test_new_record_validates(records):
    before = len(content.record_files(records))
    path = content.create_record(records, "zz", "Nieuwe afspraak over de toegang", 2099)
    assert path.name == "zz-2099-01.md"
    register = content.load_register(records, allow_placeholders=True)
    meta = register.decisions["zz-2099-01"].meta
    assert meta["titel"] == "Nieuwe afspraak over de toegang"
    assert meta["status"] == "voorgesteld" and meta["datum"] == "2099"
    assert "voorgangers" not in meta
    assert len(register.decisions) == before + 1
    assert "# Sjabloon" not in path.read_text(encoding="utf-8")


def test_fresh_record_is_refused_by_the_build_until_filled_in(records):
    path = content.create_record(records, "zz", "Nog niet af", 2099)
    with pytest.raises(content.ContentError) as caught:
        content.load_register(records)
    fields = {"besluitvormers", "bron"}
    for message in caught.value.messages:
        assert message.startswith(f"{content.shown(path)} regel "), message
        assert "nog in te vullen" in message and "uit het sjabloon" in message
    assert {f for f in fields if any(f"veld '{f}'" in m for m in caught.value.messages)} == fields
    assert any("de tekst bevat nog" in m for m in caught.value.messages)


def test_command_line(records):
    completed = new_decision(records, "--reeks", "zz", "--titel", "Proef", "--jaar", "2024")
    assert completed.returncode == 0, completed.stderr
    assert (records / "zz-2024-01.md").exists()
    content.load_register(records, allow_placeholders=True)


def test_running_the_same_command_again_changes_nothing(records):
    args = ("--reeks", "up", "--titel", "Relatiemanagement opnieuw", "--jaar", "2021")
    first = new_decision(records, *args, "--vervangt", "up-2020-04")
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in records.iterdir()}
    # Extra spaces and other capitals are still the same title.
    again = [*args[:3], " relatiemanagement  opnieuw ", *args[4:], "--vervangt", "up-2020-04"]
    second = new_decision(records, *again)
    assert second.returncode == 0, second.stderr
    assert "Niets veranderd" in second.stdout and "up-2021-01.md bestaat al" in second.stdout
    assert {p.name: p.read_bytes() for p in records.iterdir()} == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--vervangt", "up-2020-03"], "met als voorgangers: up-2020-04"),
        ([], "met als voorgangers: up-2020-04"),
        (["--vervangt", "up-2020-04", "--opvolging", "gedeeltelijk", "--toelichting", "Deels."],
         "zegt al opvolger up-2021-01 en opvolging volledig"),
    ],
)  # fmt: skip
def test_the_same_title_with_other_predecessors_is_refused(records, capsys, args, expected):
    content.create_record(
        records, "up", "Relatiemanagement opnieuw", 2021, supersedes=["up-2020-04"]
    )
    before = {p.name: p.read_bytes() for p in records.iterdir()}
    code = new_decision_tool.main(
        ["--map", str(records), "--reeks", "up", "--titel", "Relatiemanagement opnieuw",
         "--jaar", "2021", *args]
    )  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert expected in err and "up-2021-01.md" in err
    assert {p.name: p.read_bytes() for p in records.iterdir()} == before


def test_replacing_a_record_wholly_writes_both_sides(records):
    # up-2020-04 replaced bp-2019-04; a 2021 record now replaces up-2020-04: a chain.
    old_before = (records / "up-2020-04.md").read_text(encoding="utf-8")
    completed = new_decision(
        records, "--reeks", "up", "--titel", "Relatiemanagement opnieuw", "--jaar", "2021",
        "--vervangt", "up-2020-04",
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert "up-2020-04.md (status vervangen, opvolger up-2021-01)" in completed.stdout
    register = content.load_register(records, allow_placeholders=True)
    new, old = register.decisions["up-2021-01"], register.decisions["up-2020-04"]
    assert new.voorgangers == ["up-2020-04"]
    assert (old.status, old.opvolgers, old.meta["opvolging"]) == (
        "vervangen",
        ["up-2021-01"],
        "volledig",
    )
    # Only the status line changed in the old record; the rest is as the editor wrote it.
    removed, added = changed_lines(old_before, (records / "up-2020-04.md").read_text("utf-8"))
    assert removed == ["status: vastgesteld"]
    assert added == ["status: vervangen", "opvolgers:", "- up-2021-01", "opvolging: volledig"]
    assert content.lineage_columns(register)[2] == ["up-2021-01"]


@pytest.mark.parametrize(
    ("old", "already"),
    [
        ("bp-2019-04", "opvolger up-2020-04 en opvolging volledig"),
        ("bp-2019-06", "opvolger up-2020-05, opvolging gedeeltelijk en een opvolging_toelichting"),
    ],
)
@pytest.mark.parametrize("opvolging", ["volledig", "gedeeltelijk"])
def test_what_an_older_record_says_about_its_successors_is_never_changed(
    records, old, already, opvolging
):
    # Adding a successor, or turning "volledig" into "gedeeltelijk" (or back), is an
    # editor's decision made by hand; the command refuses and says what the record has.
    before = {p.name: p.read_bytes() for p in records.iterdir()}
    with pytest.raises(content.ContentError) as caught:
        content.create_record(
            records, "up", "Tweede opvolger", 2021, supersedes=[old], opvolging=opvolging,
            toelichting="Een deel." if opvolging == "gedeeltelijk" else None,
        )  # fmt: skip
    (message,) = caught.value.messages
    assert f"--vervangt {old} ({content.shown(records / old)}.md regel 13)" in message
    assert f"heeft al {already}" in message and "met de hand" in message
    assert {p.name: p.read_bytes() for p in records.iterdir()} == before


@pytest.mark.parametrize(
    ("status", "why"),
    [("ingetrokken", "is ingetrokken en geldt al niet meer"), ("voorgesteld", "nooit genomen")],
)
def test_a_withdrawn_or_proposed_record_is_not_replaced(records, status, why):
    edit(records, "up-2020-09", "status: vastgesteld", f"status: {status}")
    before = {p.name: p.read_bytes() for p in records.iterdir()}
    with pytest.raises(content.ContentError) as caught:
        content.create_record(records, "up", "Nieuw", 2021, supersedes=["up-2020-09"])
    (message,) = caught.value.messages
    assert message.startswith("--vervangt up-2020-09 (") and why in message
    assert "up-2020-09.md regel 5" in message
    assert {p.name: p.read_bytes() for p in records.iterdir()} == before


def test_titles_are_stored_as_typed(records):
    # The template puts the title between double quotes; quotes, a backslash, a colon or a
    # YAML word in the title must arrive as text, exactly.
    for number, title in enumerate(['Zeg "ja": of \\ nee', "yes", "&anker *ster", "---"], 1):
        path = content.create_record(records, "zz", title, 2024)
        assert path.name == f"zz-2024-{number:02d}.md"
        meta = content.load_register(records, allow_placeholders=True).decisions[path.stem].meta
        assert meta["titel"] == title


def test_replacing_a_record_partly_needs_and_keeps_the_explanation(records):
    text = "Alleen de gezamenlijke inkoop van opvang gaat over, niet die van bemoeizorg."
    body_before = (records / "up-2020-03.md").read_text("utf-8").split("\n---\n", 1)[1]
    path = content.create_record(
        records, "up", "Inkoop opnieuw verdeeld", 2021, supersedes=["up-2020-03"],
        opvolging="gedeeltelijk", toelichting=text,
    )  # fmt: skip
    register = content.load_register(records, allow_placeholders=True)
    old = register.decisions["up-2020-03"]
    assert old.status == "vervangen" and old.opvolgers == [path.stem]
    assert old.meta["opvolging"] == "gedeeltelijk"
    assert old.meta["opvolging_toelichting"] == text
    assert old.voorgangers == ["bp-2019-03"]
    assert (records / "up-2020-03.md").read_text("utf-8").split("\n---\n", 1)[1] == body_before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--vervangt", "up-2020-03", "--opvolging", "gedeeltelijk"], "--toelichting ontbreekt"),
        (["--vervangt", "up-2020-99"], "er is geen besluit up-2020-99.md"),
        (["--vervangt", "up-2020-03", "--jaar", "2019"], "kan niet ouder zijn"),
        (["--vervangt", "../README"], "--vervangt '../README': dat is geen id van een besluit"),
        (["--vervangt", "up-2020-03.md"], "--vervangt 'up-2020-03.md': dat is geen id"),
        (["--vervangt", "up-2020-03", "--vervangt", "up-2020-03"], "staat er twee keer"),
        (["--vervangt", "up-2020-03", "--toelichting", "Alles."], "hoort alleen bij --opvolging"),
        (["--opvolging", "gedeeltelijk", "--toelichting", "Iets."], "horen bij --vervangt"),
        (
            ["--jaar", "2021", "--titel", "Twee\nregels"],
            "--titel: de tekst bevat een regelovergang",
        ),
        (["--map", "niet-er"], "--map niet-er: de map met besluiten bestaat niet"),
    ],
)
def test_a_wrong_replacement_changes_nothing(records, capsys, args, expected):
    before = {p.name: p.read_bytes() for p in records.iterdir()}
    # In-process (the command line itself is tested above): keeps make test-fast quick.
    code = new_decision_tool.main(
        ["--map", str(records), "--reeks", "up", "--titel", "Fout", *args]
    )
    assert code == 1
    assert expected in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in records.iterdir()} == before


@pytest.mark.parametrize("jaar", ["0", "99999", "1999", "twintig", "2021.0"])
def test_a_year_out_of_range_is_a_usage_error_not_ignored(records, capsys, jaar):
    before = {p.name: p.read_bytes() for p in records.iterdir()}
    code = new_decision_tool.main(
        ["--map", str(records), "--reeks", "up", "--titel", "Proef", "--jaar", jaar]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("gebruik: tools/new_decision.py")
    (line,) = [line for line in err.splitlines() if ": fout: " in line]
    assert f"--jaar: '{jaar}' is geen bruikbaar jaar" in line and "2000 tot en met" in line
    assert {p.name: p.read_bytes() for p in records.iterdir()} == before
