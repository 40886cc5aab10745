"""The 19 real records: they validate, and their statuses and lineage are the ones the
sources give (ten beslispunten of 2019 succeeded by nine uitgangspunten of 2020)."""

from __future__ import annotations

from hooks import decisions as hook
from tests.decisions.conftest import RECORDS

BP = [f"bp-2019-{n:02d}" for n in range(1, 11)]
UP = [f"up-2020-{n:02d}" for n in range(1, 10)]
# 2019 point -> 2020 principle, worked out from the two documents: 5 and 6 merge into 5.
LINEAGE = {
    "bp-2019-01": "up-2020-01",
    "bp-2019-02": "up-2020-02",
    "bp-2019-03": "up-2020-03",
    "bp-2019-04": "up-2020-04",
    "bp-2019-05": "up-2020-05",
    "bp-2019-06": "up-2020-05",
    "bp-2019-07": "up-2020-06",
    "bp-2019-08": "up-2020-07",
    "bp-2019-09": "up-2020-08",
    "bp-2019-10": "up-2020-09",
}


def test_every_record_validates():
    register = hook.validate_folder(RECORDS)
    assert sorted(register.decisions) == BP + UP


def test_template_is_not_a_record():
    assert (RECORDS / "_template.md").exists()
    assert "_template" not in {p.stem for p in hook.record_files(RECORDS)}


def test_statuses_dates_and_regions():
    register = hook.validate_folder(RECORDS)
    for did in BP:
        meta = register.decisions[did].meta
        assert (meta["status"], meta["datum"], meta["regio"]) == (
            "vervangen",
            "2019",
            "Noord-Limburg",
        )
    for did in UP:
        meta = register.decisions[did].meta
        assert (meta["status"], meta["datum"], meta["regio"]) == (
            "vastgesteld",
            "2020",
            "Noord- en Midden-Limburg",
        )


def test_lineage_both_directions():
    register = hook.validate_folder(RECORDS)
    for old, new in LINEAGE.items():
        assert register.decisions[old].opvolgers == [new]
        assert old in register.decisions[new].voorgangers
    assert register.decisions["up-2020-05"].voorgangers == ["bp-2019-05", "bp-2019-06"]
    pairs = [(o.id, n.id) for o, n in hook.lineage_pairs(register)]
    assert sorted(pairs) == sorted(LINEAGE.items())


def test_partial_succession_is_said():
    register = hook.validate_folder(RECORDS)
    partial = {
        d.id for d in register.decisions.values() if d.meta.get("opvolging") == "gedeeltelijk"
    }
    assert partial == {"bp-2019-06"}
    assert register.decisions["bp-2019-06"].meta["opvolging_toelichting"]


def test_every_record_has_the_madr_sections():
    register = hook.validate_folder(RECORDS)
    for decision in register.decisions.values():
        for heading in ("## Besluit", "## Context", "## Gevolgen"):
            assert heading in decision.body, (decision.id, heading)


def test_source_named_by_title_not_by_file_name():
    register = hook.validate_folder(RECORDS)
    for decision in register.decisions.values():
        document = decision.meta["bron"]["document"]
        assert ".txt" not in document and document.startswith(("Uitvoeringsplan", "Regionale"))
        assert ".txt" not in decision.body


def test_date_display():
    assert hook.format_date("2019") == "2019"
    assert hook.format_date("2019-12") == "december 2019"
    assert hook.format_date("2019-12-10") == "10 december 2019"


def test_git_dates_fall_back_quietly(tmp_path):
    # Not a git repository: no dates, no error.
    (tmp_path / "x.md").write_text("x", encoding="utf-8")
    assert hook.git_dates(tmp_path) == {}


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
    assert hook.git_dates(tmp_path) == {"a.md": git("log", "-1", "--format=%cs", "--", "a.md")}
