"""An editor replaces a record with the project's command, fills it in and commits it; every
view of the decisions over time follows in the build: register, in force on a date (and the
year page), timeline, changes, feed and open data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import jsonschema
import pytest

from tests.decisions.conftest import ROOT

pytestmark = pytest.mark.build

FILLED_IN = """
## Besluit

Het relatiemanagement gaat vanaf half juni 2021 anders.

## Context

De regio wilde het relatiemanagement opnieuw regelen.

## Gevolgen

- Eén aanspreekpunt voor de aanbieders.
"""


def git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "r@example.org",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "r@example.org",
        "GIT_AUTHOR_DATE": "2024-03-01T12:00:00+00:00",
        "GIT_COMMITTER_DATE": "2024-03-01T12:00:00+00:00",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def fill_in(path: Path) -> None:
    """What the editor does after the command: the facts from the source, and the text."""
    text = path.read_text(encoding="utf-8")
    front = text[: text.index("\n---", 3) + 4]
    front = front.replace("status: voorgesteld", "status: vastgesteld")
    front = front.replace('datum: "2021"', 'datum: "2021-06-15"')
    front = re.sub(
        r"  - nog in te vullen[^\n]*", "  - colleges van B&W in Noord- en Midden-Limburg", front
    )
    front = re.sub(r"document: nog in te vullen[^\n]*", "document: Regionale afspraken 2021", front)
    front = re.sub(r"hoofdstuk: nog in te vullen[^\n]*", "hoofdstuk: afspraak 1", front)
    path.write_text(front + "\n" + FILLED_IN, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The frozen published records in a git repository of their own, one commit; then the
    editor's replacement of up-2020-04 in a second commit; then the site built on them."""
    repository = tmp_path_factory.mktemp("redactie")
    records = repository / "decisions"
    subprocess.run(
        ["cp", "-r", str(ROOT / "tests/decisions/fixtures/records"), str(records)], check=True
    )
    (records / "_template.md").write_bytes((ROOT / "decisions" / "_template.md").read_bytes())
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "gepubliceerde besluiten")
    command = [
        sys.executable,
        str(ROOT / "tools" / "new_decision.py"),
        "--map",
        str(records),
        "--reeks",
        "up",
        "--titel",
        "Relatiemanagement opnieuw geregeld",
        "--jaar",
        "2021",
        "--vervangt",
        "up-2020-04",
    ]
    made = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stdout + made.stderr
    fill_in(records / "up-2021-01.md")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "up-2021-01 vervangt up-2020-04")
    site = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "BESLUITEN_MAP": str(records),
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": "https://example.org/regio/",
        "SOURCE_DATE_EPOCH": "1700000000",
    }  # 14 November 2023
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return site


def text_of(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_register_and_record_pages_follow(built):
    assert "up-2021-01: Relatiemanagement opnieuw geregeld" in text_of(built, "besluiten")
    assert (built / "besluiten" / "up-2021-01" / "index.html").is_file()


def test_in_force_follows(built):
    year_2022 = text_of(built, "besluiten/stand/2022")
    assert "up-2021-01" in year_2022 and "up-2020-04:" not in year_2022
    year_2021 = text_of(built, "besluiten/stand/2021")
    assert "up-2020-04:" in year_2021 and "up-2021-01:" not in year_2021
    assert '<time datetime="2021-06-15">15 juni 2021</time>' in text_of(built, "besluiten/geldend")


def test_timeline_follows(built):
    timeline = text_of(built, "besluiten/tijdlijn")
    assert timeline.count("<rect ") == 20


def test_changes_and_feed_follow(built):
    changes = text_of(built, "besluiten/wijzigingen")
    assert "Nieuw besluit up-2021-01: Relatiemanagement opnieuw geregeld" in changes
    assert "Status van up-2020-04 van vastgesteld naar vervangen" in changes
    feed = feedparser.parse((built / "feed.xml").read_bytes())
    assert not feed.bozo
    newest = {entry.title: entry.link for entry in feed.entries[:2]}
    assert newest == {
        "Status van up-2020-04 van vastgesteld naar vervangen": "https://example.org/regio/besluiten/up-2020-04/",
        "Nieuw besluit up-2021-01: Relatiemanagement opnieuw geregeld": "https://example.org/regio/besluiten/up-2021-01/",
    }


def test_open_data_follows_and_validates(built):
    data = json.loads((built / "besluiten" / "besluiten.json").read_text(encoding="utf-8"))
    schema = json.loads((built / "besluiten" / "besluiten.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    by_id = {item["id"]: item for item in data["besluiten"]}
    assert by_id["up-2020-04"]["vervangen_per"] == "2021-06-15"
    assert by_id["up-2021-01"]["voorgangers"] == [
        {"id": "up-2020-04", "url": "https://example.org/regio/besluiten/up-2020-04/"}
    ]


def test_every_page_links_the_feed(built):
    for page in ("", "besluiten", "besluiten/geldend", "over/open-data"):
        assert '<link rel="alternate" type="application/atom+xml"' in text_of(built, page)
