"""Hostile editor text through every field that reaches the site (tests/hostile/injection_site.py
puts each payload in every field): the built pages, the feed, the JSON and the CSV carry it
only as text. The checks are generic: no tag, attribute or attribute value may carry a
payload's marker or its host, and the elements a page may hold are the theme's own.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest

from sitecontent._output_checks import (
    AGENDA_SCHEMA,
    DECISIONS_SCHEMA,
    feed_problems,
    json_problems,
    site_problems,
)
from tests.hostile.injection_site import (
    AGENDA_YEAR,
    AMBITION_PAYLOADS,
    GOAL_PAYLOADS,
    HOST,
    MARKERS,
    PAYLOADS,
    SNIPPET_SECRET,
    by_marker,
    payload_site,
)

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
SITE_NAME = "Meedoen en Wonen Noord- en Midden-Limburg"
# What the theme itself puts in a page; anything else was added by someone's text.
# "author": mkdocs.yml's site_author (who publishes the site and its feed), never a record's.
ALLOWED_META_NAMES = {"viewport", "description", "generator", "author", "rekenhulp-paginas"}
FORBIDDEN_TAGS = {"base", "iframe", "frame", "frameset", "object", "embed", "style", "img"}
FORMULA_START = ("=", "+", "-", "@")


def _spaces(text: str) -> str:
    return " ".join(text.split())


def _heading(text: str) -> str:
    """A heading's text without the permalink sign the toc extension adds."""
    return _spaces(text).removesuffix("¶").strip()


class Scan(HTMLParser):
    """Every element and attribute of one page, and its text, in one linear pass."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.problems: list[str] = []
        self.text: list[str] = []
        self.title = ""
        self.h1 = ""
        self.description: str | None = None
        self._in: list[str] = []
        self._script = False

    def _problem(self, what: str) -> None:
        self.problems.append(f"{self.name}: {what}")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if any(m in tag for m in MARKERS) or tag in FORBIDDEN_TAGS:
            self._problem(f"element <{tag}>")
        if tag == "form" and "md-search__form" not in (attributes.get("class") or ""):
            self._problem(f"formulier {attributes}")
        if tag == "meta":
            self._check_meta(attributes)
        for key, value in attrs:
            self._check_attribute(tag, key, value or "", attributes)
        self._script = tag == "script"
        if tag in ("title", "h1"):
            self._in.append(tag)

    def _check_meta(self, attributes: dict) -> None:
        equiv = attributes.get("http-equiv")
        if equiv is not None and equiv != "Content-Security-Policy":
            self._problem(f"meta http-equiv {equiv!r}")
        name = attributes.get("name")
        if equiv is None and "charset" not in attributes and name not in ALLOWED_META_NAMES:
            self._problem(f"meta {attributes}")
        if name == "description":
            self.description = attributes.get("content")

    def _check_attribute(self, tag: str, key: str, value: str, attributes: dict) -> None:
        if key.startswith("on") or any(m in key for m in MARKERS):
            self._problem(f"attribuut {key!r} op <{tag}>")
        if value.strip().lower().startswith(("javascript:", "vbscript:", "data:text/html")):
            self._problem(f"adres {value!r} op <{tag}>")
        # The description is the one attribute that quotes an editor's text, as text.
        if tag == "meta" and attributes.get("name") == "description" and key == "content":
            return
        # Markers may show up in a slug or an anchor made from the text; the host may not.
        if HOST in value:
            self._problem(f"waarde {value!r} van {key!r} op <{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._script = False

    def handle_endtag(self, tag):
        self._script = False
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._script:
            if "__pwned" in data or any(m in data for m in MARKERS):
                self._problem(f"script {data[:80]!r}")
            return
        self.text.append(data)
        if "title" in self._in:
            self.title += data
        if "h1" in self._in:
            self.h1 += data

    @property
    def visible(self) -> str:
        return _spaces("".join(self.text))


def scan(site: Path, relative: str) -> Scan:
    path = site / relative
    parser = Scan(relative)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def built():
    built_site = payload_site()
    assert built_site.result.returncode == 0, built_site.result.stdout + built_site.result.stderr
    return built_site


def test_no_page_carries_markup_from_a_payload(built):
    problems = []
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > len(PAYLOADS) * 2
    for page in pages:
        problems += scan(built.site, page.relative_to(built.site).as_posix()).problems
    assert problems == []


def test_record_pages_show_each_payload_as_text(built):
    for payload in PAYLOADS:
        page = scan(built.site, f"besluiten/{payload.record}/index.html")
        text = _spaces(payload.text)
        assert _spaces(page.title) == f"{payload.record}: {text} - {SITE_NAME}", payload.marker
        assert _heading(page.h1) == text, payload.marker
        assert page.description is not None and _spaces(page.description) == text
        # titel (twice: header and heading), besluitvormers, geraadpleegd, geinformeerd,
        # regio, bron (document and hoofdstuk) and opvolging_toelichting.
        assert page.visible.count(text) >= 9, payload.marker
        assert SNIPPET_SECRET not in page.visible


def test_register_and_filter_pages_show_payloads_as_text(built):
    register = scan(built.site, "besluiten/index.html").visible
    for payload in PAYLOADS:
        assert _spaces(payload.text) in register, payload.marker
    filters = sorted((built.site / "besluiten" / "filter").glob("regio-*/index.html"))
    headings = {
        _heading(scan(built.site, p.relative_to(built.site).as_posix()).h1) for p in filters
    }
    for payload in PAYLOADS:
        assert f"Besluiten met regio {_spaces(payload.text)}" in headings, payload.marker
    # The ambition filter pages embed the (hostile) ambition names in their titles.
    for number, marker in AMBITION_PAYLOADS.items():
        page = built.site / "besluiten" / "filter" / f"ambitie-{number}" / "index.html"
        if page.exists():
            found = scan(built.site, page.relative_to(built.site).as_posix())
            assert _spaces(by_marker(marker).text) in _spaces(found.title)


def test_agenda_page_shows_every_field_as_text(built):
    page = scan(built.site, f"beleidsagenda/{AGENDA_YEAR}/index.html")
    for payload in PAYLOADS:
        text = _spaces(payload.text)
        # titel, trekker, financiering, omschrijving, voortgang and the toelichting
        assert page.visible.count(text) >= 6, payload.marker
        assert f"Trekker: {text}" in page.visible
        assert f"Voortgang: {text}" in page.visible
    assert SNIPPET_SECRET not in page.visible


def test_regiovisie_pages_show_hostile_goal_names_as_text(built):
    # doelen.yaml is editor text too: the macros print names, summaries and descriptions.
    for goal_id, marker in GOAL_PAYLOADS.items():
        ambition = goal_id.split(".")[0]
        page = scan(built.site, f"regiovisie/ambitie-{ambition}/index.html")
        text = _spaces(by_marker(marker).text)
        assert f"Doel {goal_id}: {text}" in page.visible, marker
        assert page.visible.count(text) >= 2, marker  # heading and description
    for number, marker in AMBITION_PAYLOADS.items():
        page = scan(built.site, f"regiovisie/ambitie-{number}/index.html")
        assert _spaces(by_marker(marker).text) in page.visible, marker  # the summary


def test_nothing_is_included_or_evaluated_anywhere(built):
    for page in built.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert SNIPPET_SECRET not in text, page
        # {% include "mkdocs.yml" %} would publish the configuration.
        assert "markdown_extensions:" not in text, page


def test_feed_parses_and_names_each_payload_as_text(built):
    raw = (built.site / "feed.xml").read_bytes()
    assert feed_problems(raw) == []
    root = ET.fromstring(raw)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    for payload in PAYLOADS:
        assert any(payload.text in (t or "") for t in titles), payload.marker
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")


def test_json_validates_and_keeps_each_payload_exactly(built):
    decisions_text = (built.site / "besluiten" / "besluiten.json").read_text("utf-8")
    assert json_problems(decisions_text, DECISIONS_SCHEMA, "besluiten.json") == []
    records = {d["id"]: d for d in json.loads(decisions_text)["besluiten"]}
    agenda_text = (built.site / "beleidsagenda" / f"{AGENDA_YEAR}.json").read_text("utf-8")
    assert json_problems(agenda_text, AGENDA_SCHEMA, f"{AGENDA_YEAR}.json") == []
    activities = {a["id"]: a for a in json.loads(agenda_text)["activiteiten"]}
    for payload in PAYLOADS:
        record = records[payload.record]
        assert record["titel"] == record["regio"] == payload.text
        assert record["bron"] == {"document": payload.text, "hoofdstuk": payload.text}
        activity = activities[payload.activity]
        assert activity["titel"] == activity["voortgang"] == activity["budget_bron"]
        assert activity["titel"] == payload.text


def test_csv_cells_that_excel_would_run_are_escaped(built):
    raw = (built.site / "beleidsagenda" / f"{AGENDA_YEAR}.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")}
    for payload in PAYLOADS:
        row = rows[payload.activity]
        expected = ("'" if payload.text.startswith(FORMULA_START) else "") + payload.text
        for column in ("titel", "trekker", "financiering", "voortgang"):
            assert row[column] == expected, (payload.marker, column)
        assert row["budget_euro"] == "1000"
    for row in rows.values():
        for value in row.values():
            assert not (value or "").startswith(FORMULA_START), value


def test_the_build_checks_its_own_outputs(built):
    assert site_problems(built.site) == []


def test_a_record_body_with_html_stops_the_build(tmp_path):
    # The loader refuses markup in a body (sitecontent/_decisions.py); the build must stop
    # with a Dutch line naming the file.
    records = tmp_path / "decisions"
    shutil.copytree(ROOT / "decisions", records)
    bad = records / "up-2020-01.md"
    text = bad.read_text(encoding="utf-8")
    bad.write_text(
        text + '\n<meta http-equiv="refresh" content="0;url=https://evil.example/body">\n',
        encoding="utf-8",
    )
    env = {**os.environ, "BESLUITEN_MAP": str(records), "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert any("up-2020-01.md" in line and "HTML" in line for line in output.splitlines())
