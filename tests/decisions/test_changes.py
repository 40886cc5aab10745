"""The page Wijzigingen and the feed read git history: checked on a fixture repository with a
known history, a build without git, and a shallow clone."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import feedparser
import pytest

import sitecontent
from sitecontent import read_history

RECORD = """---
id: {id}
titel: {titel}
status: {status}
datum: '2021'
---

## Besluit

{tekst}
"""

AGENDA = """jaar: 2023
activiteiten:
  - id: 1-1
    titel: Eerste
    status: {first}
  - id: 1-2
    titel: Tweede
    status: gepland
"""


def git(root: Path, *args: str, day: str = "2024-01-01") -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = {
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "redactie@example.org",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "redactie@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def commit(root: Path, day: str, message: str) -> None:
    git(root, "add", "-A", day=day)
    git(root, "commit", "-q", "-m", message, day=day)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    write(
        tmp_path,
        "decisions/up-2021-01.md",
        RECORD.format(
            id="up-2021-01", titel="Samen inkopen", status="vastgesteld", tekst="Eerste tekst."
        ),
    )
    write(tmp_path, "decisions/_template.md", "sjabloon")
    write(tmp_path, "docs/index.md", "# Home")
    commit(tmp_path, "2024-01-10", "eerste besluit")
    write(
        tmp_path,
        "decisions/up-2022-01.md",
        RECORD.format(
            id="up-2022-01", titel="Opnieuw inkopen", status="vastgesteld", tekst="Nieuw."
        ),
    )
    write(
        tmp_path,
        "decisions/up-2021-01.md",
        RECORD.format(
            id="up-2021-01", titel="Samen inkopen", status="vervangen", tekst="Eerste tekst."
        ),
    )
    commit(tmp_path, "2024-02-20", "vervanging")
    write(
        tmp_path,
        "decisions/up-2022-01.md",
        RECORD.format(
            id="up-2022-01", titel="Opnieuw inkopen", status="vastgesteld", tekst="Beter gezegd."
        ),
    )
    write(tmp_path, "docs/index.md", "# Home, bijgewerkt")
    commit(tmp_path, "2024-03-05", "tekst")
    write(tmp_path, "docs/beleidsagenda/2023.yaml", AGENDA.format(first="gepland"))
    commit(tmp_path, "2024-04-01", "agenda")
    write(tmp_path, "docs/beleidsagenda/2023.yaml", AGENDA.format(first="lopend"))
    commit(tmp_path, "2024-05-02", "status")
    return tmp_path


def history_of(root: Path) -> sitecontent.History:
    return read_history(root / "decisions", root / "docs" / "beleidsagenda")


def test_every_change_newest_first_with_a_one_line_summary(repository):
    history = history_of(repository)
    assert history.note == ""
    assert [(change.day, change.subject, change.summary) for change in history.changes] == [
        (date(2024, 5, 2), "2023", "Beleidsagenda 2023: status 1-1 van gepland naar lopend"),
        (date(2024, 4, 1), "2023", "Beleidsagenda 2023 toegevoegd, met 2 activiteiten"),
        (date(2024, 3, 5), "up-2022-01", "Tekst van up-2022-01 bijgewerkt"),
        (date(2024, 2, 20), "up-2021-01", "Status van up-2021-01 van vastgesteld naar vervangen"),
        (date(2024, 2, 20), "up-2022-01", "Nieuw besluit up-2022-01: Opnieuw inkopen"),
        (date(2024, 1, 10), "up-2021-01", "Nieuw besluit up-2021-01: Samen inkopen"),
    ]


def test_a_build_without_git_history_says_so(tmp_path):
    write(tmp_path, "decisions/up-2021-01.md", "---\nid: up-2021-01\n---\n")
    history = history_of(tmp_path)
    assert history.changes == []
    assert "zonder git-geschiedenis" in history.note


def test_a_shallow_clone_says_older_changes_are_missing(repository, tmp_path_factory):
    clone = tmp_path_factory.mktemp("clone") / "site"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)],
        check=True,
        capture_output=True,
    )
    history = history_of(clone)
    assert "ingekorte" in history.note


def feed_of(root: Path, site_url: str) -> bytes:
    # The pages that exist in the fixture's build: the two records and the agenda year.
    existing = {"besluiten/up-2021-01.md", "besluiten/up-2022-01.md", "beleidsagenda/2023.md"}
    pages = sitecontent.DecisionPages(sitecontent.Register(root), existing, {})
    history = sitecontent.HistoryPages(pages, {}, history_of(root), date(2024, 6, 1), site_url)
    return history.feed()


def test_the_feed_parses_with_one_entry_per_change_and_correct_links(repository):
    parsed = feedparser.parse(feed_of(repository, "https://example.org/regio/"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == sitecontent.FEED_TITLE
    assert parsed.feed.updated.startswith("2024-05-02")
    assert [(e.title, e.link, e.updated[:10]) for e in parsed.entries] == [
        (
            "Beleidsagenda 2023: status 1-1 van gepland naar lopend",
            "https://example.org/regio/beleidsagenda/2023/",
            "2024-05-02",
        ),
        (
            "Beleidsagenda 2023 toegevoegd, met 2 activiteiten",
            "https://example.org/regio/beleidsagenda/2023/",
            "2024-04-01",
        ),
        (
            "Tekst van up-2022-01 bijgewerkt",
            "https://example.org/regio/besluiten/up-2022-01/",
            "2024-03-05",
        ),
        (
            "Status van up-2021-01 van vastgesteld naar vervangen",
            "https://example.org/regio/besluiten/up-2021-01/",
            "2024-02-20",
        ),
        (
            "Nieuw besluit up-2022-01: Opnieuw inkopen",
            "https://example.org/regio/besluiten/up-2022-01/",
            "2024-02-20",
        ),
        (
            "Nieuw besluit up-2021-01: Samen inkopen",
            "https://example.org/regio/besluiten/up-2021-01/",
            "2024-01-10",
        ),
    ]
    self_link = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_link == ["https://example.org/regio/feed.xml"]


def test_feed_ids_are_stable_across_builds_clones_and_addresses(repository, tmp_path_factory):
    first = feedparser.parse(feed_of(repository, "https://example.org/regio/"))
    clone = tmp_path_factory.mktemp("again") / "site"
    subprocess.run(
        ["git", "clone", "-q", f"file://{repository}", str(clone)], check=True, capture_output=True
    )
    again = feedparser.parse(feed_of(clone, "https://elders.example/"))
    ids = [entry.id for entry in first.entries]
    assert ids == [entry.id for entry in again.entries]
    assert len(set(ids)) == len(ids) == 6
    assert all(entry_id.startswith("urn:uuid:") for entry_id in ids)
    assert first.feed.id == again.feed.id
