"""The hostile-editor catalogue for what the build reads: decision records and the agenda.

Each case changes one file of a small project (the frozen real records, the real agenda 2022
and the regiovisie goals) the way a careless or hostile editor might, and loads it as the
build does (``sitecontent.load_site``). The outcome is either a Dutch message that names the
file (and the line, where there is one), or a publication of exactly what the editor meant.
Loading never writes: the files on disk are the same afterwards.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import sitecontent

ROOT = Path(__file__).resolve().parents[2]
FROZEN_RECORDS = ROOT / "tests" / "decisions" / "fixtures" / "records"
RECORD = "up-2020-04.md"  # the record most cases change; its head is lines 1-21
AGENDA = "2022.yaml"
# Python's own notation must never reach an editor: [8], ['3'], True, None, b'…', \x08.
PYTHON_NOTATION = re.compile(r"\['|\[\d|\bTrue\b|\bFalse\b|\bNone\b|\\x[0-9a-f]{2}|b'")


@pytest.fixture
def project(tmp_path) -> sitecontent.Paths:
    decisions = tmp_path / "decisions"
    shutil.copytree(FROZEN_RECORDS, decisions)
    shutil.copy(ROOT / "decisions" / "_template.md", decisions)
    agenda = tmp_path / "docs" / "beleidsagenda"
    agenda.mkdir(parents=True)
    for name in (AGENDA, "2022.md", "index.md"):
        shutil.copy(ROOT / "docs" / "beleidsagenda" / name, agenda)
    (tmp_path / "docs" / "regiovisie").mkdir()
    shutil.copy(ROOT / "docs" / "regiovisie" / "doelen.yaml", tmp_path / "docs" / "regiovisie")
    return sitecontent.Paths(root=tmp_path, docs=tmp_path / "docs", decisions=decisions)


def replace(path: Path, old: str, new: str | bytes) -> None:
    data = path.read_bytes()
    old_bytes = old.encode()
    assert old_bytes in data, f"{old!r} not in {path.name}"
    new_bytes = new if isinstance(new, bytes) else new.encode()
    path.write_bytes(data.replace(old_bytes, new_bytes, 1))


def record(old: str, new: str | bytes) -> Callable[[sitecontent.Paths], None]:
    return lambda paths: replace(paths.decisions / RECORD, old, new)


def body(text: str) -> Callable[[sitecontent.Paths], None]:
    """Add a paragraph at the end of the record's body."""

    def change(paths: sitecontent.Paths) -> None:
        path = paths.decisions / RECORD
        path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")

    return change


def agenda(old: str, new: str) -> Callable[[sitecontent.Paths], None]:
    return lambda paths: replace(paths.agenda / AGENDA, old, new)


def budget(written: str) -> Callable[[sitecontent.Paths], None]:
    """The first activity gets a budget as written, with a source so only the amount counts."""
    return agenda(
        "    budget: nog te bepalen\n    status: gepland",
        f"    budget: {written}\n    bron: Begroting 2022, hoofdstuk 3\n    status: gepland",
    )


def new_file(folder: str, name: str, content: str | bytes) -> Callable[[sitecontent.Paths], None]:
    def change(paths: sitecontent.Paths) -> None:
        base = paths.decisions if folder == "decisions" else paths.agenda
        target = base / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode()
        target.write_bytes(data)

    return change


def copy_as(folder: str, source: str, name: str) -> Callable[[sitecontent.Paths], None]:
    def change(paths: sitecontent.Paths) -> None:
        base = paths.decisions if folder == "decisions" else paths.agenda
        text = (base / source).read_text(encoding="utf-8")
        if folder == "decisions":
            # A new record, not a copy of an existing id: up-2021-01.
            text = text.replace("id: up-2020-04", "id: up-2021-01")
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(text, encoding="utf-8")

    return change


@dataclass(frozen=True)
class Refused:
    """The load fails; one message holds every fragment (file, line, field, Dutch words)."""

    fragments: tuple[str, ...]


@dataclass(frozen=True)
class Published:
    """The load succeeds and ``check`` confirms what the site would publish."""

    check: Callable[[sitecontent.SiteContent], bool]


def refused(*fragments: str) -> Refused:
    return Refused(fragments)


def first_activity(content: sitecontent.SiteContent):
    return content.agendas[2022].activities[0]


CASES: dict[str, tuple[Callable, Refused | Published]] = {
    # --- decision records: the YAML head --------------------------------------------------
    "record: status written twice": (
        record("status: vastgesteld\n", "status: vastgesteld\nstatus: vervangen\n"),
        refused(RECORD, "regel 6", "veld 'status' staat twee keer", "regel 5 en regel 6"),
    ),
    "record: titel written twice": (
        record("titel: ", "titel: Een tweede titel\ntitel: "),
        refused(RECORD, "veld 'titel' staat twee keer"),
    ),
    "record: duplicate key inside bron": (
        record("  hoofdstuk: ", "  document: Ander stuk\n  hoofdstuk: "),
        refused(RECORD, "veld 'document' staat twee keer"),
    ),
    "record: alias to another value": (
        record("regio: Noord- en Midden-Limburg", "regio: *elders"),
        refused(RECORD, "verwijzing (*elders)"),
    ),
    "record: octal number": (
        record("nummer: 4", "nummer: 04"),
        refused(RECORD, "regel 3", "veld 'nummer' heeft de ongeldige waarde '04'"),
    ),
    "record: hex number": (
        record("nummer: 4", "nummer: 0x4"),
        refused(RECORD, "regel 3", "'0x4'"),
    ),
    "record: number with underscore": (
        record("nummer: 4", "nummer: 1_0"),
        refused(RECORD, "'1_0'"),
    ),
    "record: sexagesimal number": (
        record("nummer: 4", "nummer: 1:30"),
        refused(RECORD, "'1:30'"),
    ),
    "record: ambition out of range in a list": (
        record("ambities:\n- 3", "ambities:\n- 8"),
        refused(RECORD, "veld 'ambities' heeft de ongeldige waarde '8'"),
    ),
    "record: ambition as quoted text": (
        record("ambities:\n- 3", "ambities:\n- '3'"),
        refused(RECORD, "veld 'ambities' heeft de ongeldige waarde '3'"),
    ),
    "record: status as a YAML boolean": (
        record("status: vastgesteld", "status: yes"),
        refused(RECORD, "veld 'status' heeft de ongeldige waarde 'yes'"),
    ),
    "record: backspace in a double-quoted title": (
        record("titel: ", 'titel: "Spreiding\\b"\nx_: '),
        refused(RECORD, "veld 'titel'", "stuurteken (U+0008)"),
    ),
    "record: NUL in a double-quoted title": (
        record("titel: ", 'titel: "Spreiding\\0"\nx_: '),
        refused(RECORD, "veld 'titel'", "stuurteken (U+0000)"),
    ),
    "record: line break in a double-quoted title": (
        record("titel: ", 'titel: "Spreiding\\nmeer"\nx_: '),
        refused(RECORD, "veld 'titel'", "regelovergang", "één regel"),
    ),
    "record: bidi override in the deciding body": (
        record("besluitvormers:\n- ", "besluitvormers:\n- \u202e"),
        refused(RECORD, "regel 8", "richtingsteken (U+202E)"),
    ),
    "record: raw control character in the file": (
        body("Tekst met een bel\x07 erin."),
        refused(RECORD, "stuurteken (U+0007)", "regel"),
    ),
    "record: not UTF-8": (
        record("titel: ", b"titel: " + "Caf\u00e9 ".encode("latin-1")),
        refused(RECORD, "geen UTF-8"),
    ),
    "record: no front matter": (
        record("---\nid:", "id:"),
        refused(RECORD, "kop met gegevens ontbreekt"),
    ),
    "record: front matter is a list": (
        lambda paths: (paths.decisions / RECORD).write_text("---\n- a\n- b\n---\nTekst\n"),
        refused(RECORD, "moet velden bevatten"),
    ),
    # --- decision records: the body -----------------------------------------------------
    "body: meta refresh": (
        body('<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
        refused(RECORD, "in de tekst", "HTML", "<meta"),
    ),
    "body: script": (
        body("<script>window.__pwned = 1</script>"),
        refused(RECORD, "HTML", "<script"),
    ),
    "body: inline img with onerror": (
        body('Zie <img src=x onerror="window.__pwned=1"> hier.'),
        refused(RECORD, "HTML", "<img"),
    ),
    "body: html comment": (
        body("<!-- verborgen tekst -->"),
        refused(RECORD, "HTML", "<!--"),
    ),
    "body: div with markdown inside": (
        body('<div markdown="1">\n**vet**\n</div>'),
        refused(RECORD, "HTML", "<div"),
    ),
    "body: attribute list with an event handler": (
        body('Een alinea.\n{: onclick="window.__pwned=1" }'),
        refused(RECORD, "attribuutlijst"),
    ),
    "body: attribute list on a link": (
        body('[bron](https://example.org/){ style="display:none" }'),
        refused(RECORD, "attribuutlijst"),
    ),
    "body: snippet include of another file": (
        body('--8<-- "README.md"'),
        refused(RECORD, "'--8<--'", "ander bestand"),
    ),
    "body: javascript link": (
        body("[klik](javascript:alert(1))"),
        refused(RECORD, "javascript:alert(1)", "link"),
    ),
    "body: data link as a reference": (
        body("[klik][x]\n\n[x]: data:text/html,hallo"),
        refused(RECORD, "data:text/html", "link"),
    ),
    "body: image from another host": (
        body("![pixel](https://evil.example/pixel.png)"),
        refused(RECORD, "afbeelding", "evil.example"),
    ),
    "body: HTML inside a code block is text": (
        body('```\n<meta http-equiv="refresh" content="0">\n```'),
        Published(lambda c: "<meta http-equiv" in c.register.decisions["up-2020-04"].body),
    ),
    "body: Jinja syntax is text": (
        body("Tekst {{ config.site_name }} en {% include 'x' %}."),
        Published(lambda c: "{{ config.site_name }}" in c.register.decisions["up-2020-04"].body),
    ),
    "body: a heading anchor is allowed": (
        body("## Nog een kop { #nog-een-kop }"),
        Published(lambda c: "{ #nog-een-kop }" in c.register.decisions["up-2020-04"].body),
    ),
    "record: byte-order mark is tolerated": (
        lambda paths: replace(paths.decisions / RECORD, "---\nid:", "\ufeff---\nid:"),
        Published(lambda c: c.register.decisions["up-2020-04"].meta["nummer"] == 4),
    ),
    "record: Windows line endings are tolerated": (
        lambda paths: (paths.decisions / RECORD).write_bytes(
            (paths.decisions / RECORD).read_bytes().replace(b"\n", b"\r\n")
        ),
        Published(lambda c: c.register.decisions["up-2020-04"].status == "vastgesteld"),
    ),
    # --- files the build would skip -----------------------------------------------------
    "folder: record with .MD": (
        copy_as("decisions", RECORD, "up-2021-01.MD"),
        refused("up-2021-01.MD", "komt niet op de site", "up-2021-01.md"),
    ),
    "folder: record with .Md": (
        copy_as("decisions", RECORD, "up-2021-01.Md"),
        refused("up-2021-01.Md", "up-2021-01.md"),
    ),
    "folder: record with .md.txt": (
        copy_as("decisions", RECORD, "up-2021-01.md.txt"),
        refused("up-2021-01.md.txt", "Hernoem het naar up-2021-01.md"),
    ),
    "folder: record as .yaml": (
        new_file("decisions", "up-2021-01.yaml", "id: up-2021-01\n"),
        refused("up-2021-01.yaml", "up-2021-01.md", "'---'"),
    ),
    "folder: record in a subfolder": (
        copy_as("decisions", RECORD, "2021/up-2021-01.md"),
        refused("2021/up-2021-01.md", "submappen worden niet gelezen", "decisions/up-2021-01.md"),
    ),
    "folder: agenda year as .yml": (
        copy_as("agenda", AGENDA, "2023.yml"),
        refused("2023.yml", "Hernoem het naar 2023.yaml"),
    ),
    "folder: agenda year as .YAML": (
        copy_as("agenda", AGENDA, "2023.YAML"),
        refused("2023.YAML", "2023.yaml"),
    ),
    "folder: agenda year with another name": (
        copy_as("agenda", AGENDA, "agenda-2023.yaml"),
        refused("agenda-2023.yaml", "2023.yaml"),
    ),
    "folder: agenda year in a subfolder": (
        copy_as("agenda", AGENDA, "oud/2021.yaml"),
        refused("beleidsagenda/oud", "submappen", "2021.yaml"),
    ),
    "folder: agenda page without its data": (
        new_file("agenda", "2023.md", "# Beleidsagenda 2023\n"),
        refused("2023.md", "2023.yaml", "ontbreekt"),
    ),
    # --- the agenda ---------------------------------------------------------------------
    "agenda: second activiteiten block": (
        lambda paths: (paths.agenda / AGENDA).write_text(
            (paths.agenda / AGENDA).read_text(encoding="utf-8")
            + "activiteiten:\n  - id: x\n    titel: Eén\n",
            encoding="utf-8",
        ),
        refused(AGENDA, "veld 'activiteiten' staat twee keer"),
    ),
    "agenda: status written twice in an activity": (
        agenda("    status: gepland\n", "    status: gepland\n    status: afgerond\n"),
        refused(AGENDA, "veld 'status' staat twee keer"),
    ),
    "agenda: octal budget": (budget("025000"), refused(AGENDA, "'025000'", "voorloopnul")),
    "agenda: sexagesimal budget": (budget("1:30"), refused(AGENDA, "'1:30'", "budget")),
    "agenda: hex budget": (budget("0x61A8"), refused(AGENDA, "'0x61A8'")),
    "agenda: 23-digit budget": (
        budget("12345678901234567890123"),
        refused(AGENDA, "'12345678901234567890123'", "€ 999.999.999.999"),
    ),
    "agenda: budget just above the maximum": (
        budget("1000000000000"),
        refused(AGENDA, "'1000000000000'"),
    ),
    "agenda: exponent budget": (budget("2.5e+4"), refused(AGENDA, "'2.5e+4'")),
    "agenda: budget with a thousands dot": (budget("25.000"), refused(AGENDA, "'25.000'")),
    "agenda: budget with underscore": (budget("25_000"), refused(AGENDA, "'25_000'")),
    "agenda: negative budget": (budget("-5"), refused(AGENDA, "'-5'", "nooit negatief")),
    "agenda: budget as a boolean": (budget("yes"), refused(AGENDA, "'yes'")),
    "agenda: quoted amount with a leading zero": (budget('"025000"'), refused(AGENDA, "025000")),
    "agenda: whole euros are published exactly": (
        budget("999999999999"),
        Published(lambda c: first_activity(c).budget_cent == 99_999_999_999_900),
    ),
    "agenda: euros and cents as text": (
        budget('"3000,55"'),
        Published(lambda c: first_activity(c).budget_cent == 300055),
    ),
    "agenda: a source of only spaces is no source": (
        agenda(
            "    budget: nog te bepalen\n    status: gepland",
            '    budget: 25000\n    bron: " "\n    status: gepland',
        ),
        refused(AGENDA, "veld 'budget'", "een bedrag heeft een bron nodig"),
    ),
    "agenda: backspace in a title": (
        agenda("  - id: 1-1\n    titel: ", '  - id: 1-1\n    titel: "a\\b"\n    x_: '),
        refused(AGENDA, "activiteit '1-1'", "veld 'titel'", "stuurteken (U+0008)"),
    ),
    "agenda: line break in the lead": (
        agenda("    trekker: nog te bepalen", '    trekker: "Venlo\\nVenray"'),
        refused(AGENDA, "veld 'trekker'", "regelovergang"),
    ),
    "agenda: NUL in a description": (
        agenda("    trekker: nog te bepalen", '    trekker: x\n    omschrijving: "a\\0"'),
        refused(AGENDA, "veld 'omschrijving'", "stuurteken (U+0000)"),
    ),
    "agenda: paragraphs in a description are fine": (
        agenda("    trekker: nog te bepalen", '    trekker: x\n    omschrijving: "Eén.\\nTwee."'),
        Published(lambda c: first_activity(c).omschrijving == "Eén.\nTwee."),
    ),
    "agenda: year written as hex": (
        agenda("jaar: 2022", "jaar: 0x7E6"),
        refused(AGENDA, "veld 'jaar'", "'0x7E6'", "2022"),
    ),
    "agenda: ambition as a boolean": (
        agenda("    ambitie: 1\n", "    ambitie: true\n"),
        refused(AGENDA, "veld 'ambitie'", "'true'"),
    ),
    "agenda: alias": (
        agenda("    trekker: nog te bepalen", "    trekker: *iemand"),
        refused(AGENDA, "verwijzing (*iemand)"),
    ),
    "agenda: byte-order mark is tolerated": (
        lambda paths: replace(paths.agenda / AGENDA, "# Beleidsagenda", "\ufeff# Beleidsagenda"),
        Published(lambda c: len(c.agendas[2022].activities) == 21),
    ),
}


def snapshot(paths: sitecontent.Paths) -> dict[str, str]:
    return {
        str(path.relative_to(paths.root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(paths.root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_editor(project, name):
    change, outcome = CASES[name]
    change(project)
    before = snapshot(project)
    if isinstance(outcome, Refused):
        with pytest.raises(sitecontent.ContentError) as caught:
            sitecontent.load_site(project, git_dates=False)
        messages = caught.value.messages
        matching = [m for m in messages if all(f in m for f in outcome.fragments)]
        assert matching, f"no message with {outcome.fragments}:\n" + "\n".join(messages)
        for message in messages:
            assert not PYTHON_NOTATION.search(message), message
            assert "Traceback" not in message
    else:
        content = sitecontent.load_site(project, git_dates=False)
        assert outcome.check(content)
    assert snapshot(project) == before, "loading must not change any file"


def test_the_catalogue_is_large_enough():
    assert len(CASES) >= 60


def test_record_and_agenda_problems_are_reported_together(project):
    """One run names every problem: fixing the decisions first must not hide the agenda's."""
    record("status: vastgesteld", "status: klaar")(project)
    budget("025000")(project)
    with pytest.raises(sitecontent.ContentError) as caught:
        sitecontent.load_site(project, git_dates=False)
    report = caught.value.report()
    assert "De besluiten in decisions/ bevatten fouten:" in report
    assert "De beleidsagenda bevat fouten:" in report
    assert "'klaar'" in report and "'025000'" in report


def test_a_line_number_in_the_body_is_the_line_in_the_file(project):
    body("<b>vet</b>")(project)
    path = project.decisions / RECORD
    line = path.read_text(encoding="utf-8").split("\n").index("<b>vet</b>") + 1
    with pytest.raises(sitecontent.ContentError) as caught:
        sitecontent.load_site(project, git_dates=False)
    assert any(f"{RECORD} regel {line}: in de tekst: HTML" in m for m in caught.value.messages)
