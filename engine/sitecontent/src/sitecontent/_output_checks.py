"""Checks on what a build published: the feed, the open data, the CSV files and the pages.

Output encoding is the defence against hostile editor text; these checks are the proof, run
on every build (``engine/plugin/src/regio_engine/output_checks.py``). Each function takes a file's
text (or the site folder) and returns one Dutch line per problem, naming the published file,
so the tests call them directly. Every pass is linear in the size of the file.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Protocol
from xml.etree import ElementTree as ET

from ._history_pages import DECISIONS_JSON, FEED
from ._open_data import AGENDA_SCHEMA
from ._open_data import SCHEMA as DECISIONS_SCHEMA

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
AGENDA_JSON = re.compile(r"^beleidsagenda/\d{4}\.json$")
CSP = "content-security-policy"
# Excel runs a cell that starts with one of these as a formula, unless it is a plain number.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
MAX_PER_FILE = 20


def _limited(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PER_FILE:
        return problems
    return problems[:MAX_PER_FILE] + [f"… en nog {len(problems) - MAX_PER_FILE} meldingen."]


# --- feed -----------------------------------------------------------------------------------


def _atom_parts(element: ET.Element, what: str, name: str) -> list[str]:
    problems = []
    for part in ("id", "title", "updated"):
        child = element.find(ATOM + part)
        if child is None or not (child.text or "").strip():
            problems.append(f"{name}: {what} heeft geen <{part}>.")
    links = element.findall(ATOM + "link")
    if not any(link.get("href") for link in links):
        problems.append(f"{name}: {what} heeft geen <link> met een adres.")
    updated = element.find(ATOM + "updated")
    if updated is not None and (updated.text or "").strip():
        stamp = (updated.text or "").strip()
        valid = RFC3339.match(stamp) is not None
        if valid:
            try:
                datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            except ValueError:
                valid = False
        if not valid:
            problems.append(f"{name}: {what} heeft <updated> '{stamp}'; verwacht RFC 3339.")
    return problems


def feed_problems(data: bytes | str, name: str = "feed.xml") -> list[str]:
    """The feed is well-formed XML and an Atom feed (RFC 4287) with what readers need."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{name}: geen geldige XML ({exc}); een feedlezer kan de feed niet lezen."]
    if root.tag != ATOM + "feed":
        return [f"{name}: het hoofdelement is <{root.tag}>, verwacht <feed> van Atom."]
    problems = _atom_parts(root, "de feed", name)
    for number, entry in enumerate(root.findall(ATOM + "entry"), start=1):
        problems += _atom_parts(entry, f"item {number}", name)
    return _limited(problems)


# --- JSON -----------------------------------------------------------------------------------


class _SchemaError(Protocol):
    """What is used of a jsonschema ValidationError."""

    @property
    def json_path(self) -> str: ...
    @property
    def message(self) -> str: ...


class _Validator(Protocol):
    """What is used of a jsonschema validator."""

    def iter_errors(self, instance: object, /) -> Iterator[_SchemaError]: ...


@functools.cache
def _validator(schema_path: Path) -> _Validator:
    # Imported here: only a build that publishes JSON pays for jsonschema.
    # jsonschema ships no type hints (types-jsonschema is not installed): _Validator says
    # what this module uses of it.
    from jsonschema.validators import validator_for  # type: ignore[import-untyped]

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator: _Validator = validator_for(schema)(schema)
    return validator


def json_problems(text: str, schema_path: Path, name: str) -> list[str]:
    """The file parses as JSON and validates against its schema."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [f"{name}: geen geldige JSON ({exc})."]
    problems = []
    for error in sorted(_validator(schema_path).iter_errors(data), key=lambda e: e.json_path):
        problems.append(
            f"{name}: voldoet niet aan {schema_path.name} bij {error.json_path}: {error.message}"
        )
    return _limited(problems)


# --- CSV ------------------------------------------------------------------------------------


def csv_problems(text: str, name: str) -> list[str]:
    """No cell that Excel would run as a formula (text starting with = + - @)."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    problems = []
    for row_number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        for column, cell in enumerate(row, start=1):
            if cell.startswith(FORMULA_START) and not PLAIN_NUMBER.match(cell):
                problems.append(
                    f"{name} rij {row_number}, kolom {column}: de cel begint met "
                    f"'{cell[0]}' en Excel zou haar als formule uitvoeren."
                )
    return _limited(problems)


# --- HTML -----------------------------------------------------------------------------------


class _PageScan(HTMLParser):
    """One pass over a page: every <meta http-equiv> and every <base>."""

    def __init__(self, name: str):
        super().__init__(convert_charrefs=False)
        self.name = name
        self.problems: list[str] = []
        self.equivs = 0  # <meta http-equiv> elements seen
        self._head_state = "before"  # before, first (the next element is the first), after
        self._csp_seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        first_in_head = self._head_state == "first"
        if first_in_head:
            self._head_state = "after"
        elif tag == "head" and self._head_state == "before":
            self._head_state = "first"
        if tag == "base":
            self.problems.append(f"{self.name}: de pagina bevat een <base>-element.")
        if tag == "meta":
            # A browser keeps the first of two attributes with the same name; so does this.
            self._meta(dict(reversed(attrs)), first_in_head)

    def _meta(self, attributes: dict[str, str | None], first_in_head: bool) -> None:
        equiv = attributes.get("http-equiv")
        if equiv is None:
            return
        self.equivs += 1
        if equiv.strip().lower() == CSP and first_in_head and not self._csp_seen:
            self._csp_seen = True
            return
        self.problems.append(
            f'{self.name}: de pagina bevat <meta http-equiv="{equiv}"> die het thema er niet '
            "in zette (alleen de Content-Security-Policy, als eerste in <head>, hoort er)."
        )


def _scan(text: str, name: str) -> _PageScan:
    scan = _PageScan(name)
    scan.feed(text)
    scan.close()
    return scan


def page_problems(text: str, name: str) -> list[str]:
    """No <meta http-equiv> but the CSP the engine's csp.py put first in <head>, and no <base>.

    Tag and attribute names cannot be written with entities, so a page whose text holds no
    '<base' and no 'http-equiv' beyond those in its <head> needs only its head parsed: that
    keeps the check to a few milliseconds per page. Any other page is parsed whole."""
    lower = text.lower()
    if "<base" not in lower:
        end = HEAD_END.search(text)
        if end is not None:
            head = _scan(text[: end.end()], name)
            if head.equivs == lower.count("http-equiv"):
                return _limited(head.problems)
    return _limited(_scan(text, name).problems)


# --- the whole site -------------------------------------------------------------------------


def _schema_for(relative: str) -> Path | None:
    if relative == DECISIONS_JSON:
        return DECISIONS_SCHEMA
    if AGENDA_JSON.match(relative):
        return AGENDA_SCHEMA
    return None


def site_problems(site: Path) -> list[str]:
    """Every check on a built site folder; one Dutch line per problem."""
    site = Path(site)
    problems: list[str] = []
    feed = site / FEED
    if feed.is_file():
        problems += feed_problems(feed.read_bytes())
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".json" and (schema := _schema_for(relative)):
            problems += json_problems(path.read_text(encoding="utf-8"), schema, relative)
        elif path.suffix == ".csv":
            problems += csv_problems(path.read_text(encoding="utf-8"), relative)
        elif path.suffix == ".html":
            problems += page_problems(path.read_text(encoding="utf-8"), relative)
    return problems
