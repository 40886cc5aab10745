"""The hostile-editor catalogue for the two editor commands, tools/new_decision.py and
tools/new_agenda_year.py.

Each case runs a command in a small site of its own (the frozen real records with today's
template, the fixture agenda 2030 with its goals, a mkdocs.yml with the agenda menu) the way
a careless or hostile editor might: wrong arguments, hostile titles, broken files, a second
run, a full disk or Ctrl-C halfway. The outcome is either a Dutch message that names the
argument or the file, and then not one byte of the site has changed; or exactly the result
the editor meant, and then only the files the command is for have changed. Never English,
never a traceback, never a temporary file left behind.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import sitecontent
from tools import new_agenda_year, new_decision

ROOT = Path(__file__).resolve().parents[2]
FROZEN_RECORDS = ROOT / "tests" / "decisions" / "fixtures" / "records"
AGENDA_FIXTURES = ROOT / "tests" / "agenda" / "fixtures"
AGENDA = "docs/beleidsagenda"
MAINS = {"besluit": new_decision.main, "agenda": new_agenda_year.main}
SCRIPTS = {"besluit": "tools/new_decision.py", "agenda": "tools/new_agenda_year.py"}
# What argparse or Python would print in English, and Python's notation for odd characters.
ENGLISH = re.compile(
    r"usage:|options:|error:|Traceback|\bargument\b|\binvalid\b|\bexpected\b|\brequired\b"
    r"|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}"
)
MKDOCS = """site_name: Proef
nav:
  - Home: index.md
  - Beleidsagenda:
      - beleidsagenda/index.md
      - "2030": beleidsagenda/2030.md
  - Rekenhulpen:
      - rekenhulpen/index.md
"""
NEW = ["--reeks", "up", "--titel", "Relatiemanagement opnieuw", "--jaar", "2021"]


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FROZEN_RECORDS, root / "decisions")
    shutil.copy(ROOT / "decisions" / "_template.md", root / "decisions")
    (root / AGENDA).mkdir(parents=True)
    shutil.copy(AGENDA_FIXTURES / "met_budget" / "2030.yaml", root / AGENDA)
    (root / AGENDA / "2030.md").write_text("# Beleidsagenda 2030\n", encoding="utf-8")
    (root / "docs" / "regiovisie").mkdir()
    shutil.copy(AGENDA_FIXTURES / "doelen.yaml", root / "docs" / "regiovisie")
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    # A new record's region is the site's own, from its region file.
    shutil.copy(ROOT / "regio.yml", root)
    # The commands find the site from the working folder, as an editor starts them.
    monkeypatch.chdir(root)
    monkeypatch.delenv(sitecontent.DECISIONS_ENV, raising=False)
    yield root
    for folder in [root, *root.rglob("*")]:
        if folder.is_dir():
            folder.chmod(0o755)  # after the read-only cases


Setup = Callable[[Path, pytest.MonkeyPatch], None]


@dataclass
class Case:
    id: str
    tool: str
    argv: list[str | bytes]
    code: int
    words: tuple[str, ...]
    setup: Setup | None = None
    # Files (relative to the site) a successful run writes; none: the site stays as it was.
    touched: tuple[str, ...] = ()
    check: Callable[[Path], None] | None = None
    real_process: bool = False


def besluit(case_id, *argv, code=1, words=(), **options) -> Case:
    return Case(case_id, "besluit", list(argv), code, tuple(words), **options)


def agenda(case_id, *argv, code=1, words=(), **options) -> Case:
    return Case(case_id, "agenda", list(argv), code, tuple(words), **options)


# -- what an editor (or the system) does before the command runs ---------------------------


def replace_in(relative: str, old: str, new: str | bytes) -> Setup:
    def setup(site, monkeypatch):
        path = site / relative
        data = path.read_bytes()
        assert old.encode() in data, f"{old!r} not in {relative}"
        path.write_bytes(
            data.replace(old.encode(), new if isinstance(new, bytes) else new.encode(), 1)
        )

    return setup


def status(record: str, new_status: str) -> Setup:
    return replace_in(f"decisions/{record}.md", "status: vastgesteld", f"status: {new_status}")


def write(relative: str, content: str | bytes) -> Setup:
    def setup(site, monkeypatch):
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())

    return setup


def remove(relative: str) -> Setup:
    return lambda site, monkeypatch: (site / relative).unlink()


def ran_before(tool: str, *argv: str) -> Setup:
    def setup(site, monkeypatch):
        assert MAINS[tool](list(argv)) == 0

    return setup


def crlf(relative: str) -> Setup:
    def setup(site, monkeypatch):
        path = site / relative
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    return setup


def both(*setups: Setup) -> Setup:
    def setup(site, monkeypatch):
        for step in setups:
            step(site, monkeypatch)

    return setup


def failing(name: str, call: int, error: Callable[[], BaseException]) -> Setup:
    """The ``call``-th call of ``os.<name>`` raises ``error()``; the others work."""

    def setup(site, monkeypatch):
        real, calls = getattr(os, name), itertools.count(1)

        def fake(*args, **kwargs):
            if next(calls) == call:
                raise error()
            return real(*args, **kwargs)

        monkeypatch.setattr(os, name, fake)

    return setup


def disk_full() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def read_only(relative: str) -> Setup:
    """A folder nobody may write in. The tests may run as root, who may write anyway, so the
    system's refusal is also imitated for files created in that folder."""

    def setup(site, monkeypatch):
        folder = (site / relative).resolve()
        folder.chmod(0o555)
        real_open, real_link = os.open, os.link

        def refuse(path):
            if Path(path).resolve().parent == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

        def guarded_open(path, flags, *args, **kwargs):
            if flags & os.O_CREAT:
                refuse(path)
            return real_open(path, flags, *args, **kwargs)

        def guarded_link(source, target, *args, **kwargs):
            refuse(target)
            return real_link(source, target, *args, **kwargs)

        monkeypatch.setattr(os, "open", guarded_open)
        monkeypatch.setattr(os, "link", guarded_link)

    return setup


# -- what a good result looks like -------------------------------------------------------


def register(site: Path) -> sitecontent.Register:
    return sitecontent.load_register(site / "decisions", allow_placeholders=True)


def titled(title: str, record: str = "zz-2024-01") -> Callable[[Path], None]:
    def check(site):
        assert register(site).decisions[record].meta["titel"] == title

    return check


def replaced(new: str, olds: list[str], opvolging="volledig", toelichting=None):
    def check(site):
        records = register(site).decisions
        assert records[new].voorgangers == olds
        assert records[new].status == "voorgesteld"
        for old in olds:
            record = records[old]
            assert record.status == "vervangen" and record.opvolgers == [new]
            assert record.meta["opvolging"] == opvolging
            assert record.meta.get("opvolging_toelichting") == toelichting

    return check


def line_endings_kept(relative: str, bom: bool = False) -> Callable[[Path], None]:
    def check(site):
        data = (site / relative).read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 0
        assert data.startswith(b"\xef\xbb\xbf") == bom

    return check


def started(year=2031, folder=AGENDA, nav=True, source=2030) -> Callable[[Path], None]:
    def check(site):
        goals = sitecontent.load_goals(site / "docs" / "regiovisie" / "doelen.yaml")
        path = site / folder / f"{year}.yaml"
        assert sitecontent.validate_agenda(path, goals, None) == []
        assert f"vanuit {source}." in path.read_text(encoding="utf-8")
        page = (site / folder / f"{year}.md").read_text(encoding="utf-8")
        assert f"beleidsagenda_jaar({year})" in page
        menu = (site / "mkdocs.yml").read_text(encoding="utf-8")
        assert (f'      - "{year}": beleidsagenda/{year}.md' in menu) == nav

    return check


YEAR_FILES = (f"{AGENDA}/2031.yaml", f"{AGENDA}/2031.md")
WITH_MENU = (*YEAR_FILES, "mkdocs.yml")
HOSTILE_TITLES = [
    "yes", "null", "~", "&anker", "*ster", "!tag waarde", "123", "2021-01-01", "[a, b]",
    "{x: y}", "# geen commentaar", "a: b", "Zeg \"ja\" of 'nee'", "\\ schuin \\n",
    "%YAML 1.2", "@iemand", "`code`", "<b>vet</b>", "é — ü ∑ 😀", "- lijst", "x" * 200,
]  # fmt: skip

CASES = [
    # The probe: facts of older records stay as they are.
    besluit("deels-over-volledig", *NEW, "--vervangt", "bp-2019-04", "--opvolging",
            "gedeeltelijk", "--toelichting", "Alleen de inkoop.",
            words=["--vervangt bp-2019-04", "decisions/bp-2019-04.md regel 13",
                   "opvolger up-2020-04 en opvolging volledig", "met de hand"]),
    besluit("volledig-over-deels", *NEW, "--vervangt", "bp-2019-06",
            words=["decisions/bp-2019-06.md regel 13", "opvolging gedeeltelijk", "met de hand"]),
    besluit("ingetrokken", *NEW, "--vervangt", "up-2020-09",
            setup=status("up-2020-09", "ingetrokken"),
            words=["--vervangt up-2020-09", "decisions/up-2020-09.md regel 5", "ingetrokken"]),
    besluit("voorgesteld", *NEW, "--vervangt", "up-2020-09",
            setup=status("up-2020-09", "voorgesteld"),
            words=["decisions/up-2020-09.md regel 5", "voorgesteld", "nooit genomen"]),
    besluit("tweede-opvolger", "--reeks", "up", "--titel", "Nog een keer", "--jaar", "2021",
            "--vervangt", "up-2020-04",
            setup=ran_before("besluit", *NEW, "--vervangt", "up-2020-04"),
            words=["decisions/up-2020-04.md", "opvolger up-2021-01", "met de hand"]),
    besluit("twee-keer-hetzelfde", *NEW, "--vervangt", "up-2020-04", code=0,
            setup=ran_before("besluit", *NEW, "--vervangt", "up-2020-04"),
            words=["Niets veranderd", "decisions/up-2021-01.md bestaat al"]),
    besluit("twee-keer-zonder-voorganger", *NEW, code=0, setup=ran_before("besluit", *NEW),
            words=["Niets veranderd", "decisions/up-2021-01.md"]),
    besluit("zelfde-titel-andere-voorganger", *NEW, "--vervangt", "up-2020-03",
            setup=ran_before("besluit", *NEW, "--vervangt", "up-2020-04"),
            words=["--titel", "decisions/up-2021-01.md", "voorgangers: up-2020-04"]),
    besluit("zelfde-titel-nu-zonder-voorganger", *NEW,
            setup=ran_before("besluit", *NEW, "--vervangt", "up-2020-04"),
            words=["--titel", "decisions/up-2021-01.md", "voorgangers: up-2020-04"]),
    besluit("zelfde-titel-nu-gedeeltelijk", *NEW, "--vervangt", "up-2020-04", "--opvolging",
            "gedeeltelijk", "--toelichting", "Een deel.",
            setup=ran_before("besluit", *NEW, "--vervangt", "up-2020-04"),
            words=["--opvolging", "up-2021-01.md", "decisions/up-2020-04.md",
                   "opvolging volledig"]),
    # The probe: unsafe ids, and nothing half written.
    besluit("pad-omhoog", *NEW, "--vervangt", "../README",
            words=["--vervangt '../README'", "geen id van een besluit"]),
    besluit("met-extensie", *NEW, "--vervangt", "bp-2019-06.md",
            words=["--vervangt 'bp-2019-06.md'", "zonder .md"]),
    besluit("absoluut-pad", *NEW, "--vervangt", "/etc/passwd", words=["--vervangt '/etc/passwd'"]),
    besluit("hoofdletters", *NEW, "--vervangt", "UP-2020-04", words=["--vervangt 'UP-2020-04'"]),
    besluit("id-met-regelovergang", *NEW, "--vervangt", "up-2020-04\n",
            words=["--vervangt 'up-2020-04<U+000A>'", "geen id"]),
    besluit("twee-keer-dezelfde-voorganger", *NEW, "--vervangt", "up-2020-04", "--vervangt",
            "up-2020-04", words=["--vervangt up-2020-04", "twee keer"]),
    besluit("voorganger-bestaat-niet", *NEW, "--vervangt", "up-2020-99",
            words=["--vervangt up-2020-99", "up-2020-99.md", "decisions"]),
    besluit("voorganger-is-nieuwer", *NEW[:-1], "2019", "--vervangt", "up-2020-03",
            words=["decisions/up-2020-03.md", "kan niet ouder zijn"]),
    besluit("map-bestaat-niet", *NEW, "--map", "nergens", words=["--map nergens", "bestaat niet"]),
    besluit("map-geen-utf8-naam", *NEW, "--map", b"\xff", real_process=True,
            words=["--map <U+DCFF>", "bestaat niet"]),
    besluit("map-is-bestand", *NEW, "--map", "mkdocs.yml", words=["--map mkdocs.yml", "geen map"]),
    besluit("schijf-vol-bij-tweede-vervanging", *NEW, "--vervangt", "up-2020-04",
            setup=failing("replace", 2, disk_full),
            words=["decisions/up-2020-04.md", "niet geschreven", "schijf is vol"]),
    besluit("ctrl-c-bij-tweede-vervanging", *NEW, "--vervangt", "up-2020-04", code=130,
            setup=failing("replace", 2, KeyboardInterrupt),
            words=["Afgebroken", "niets veranderd"]),
    besluit("schijf-vol-bij-tweede-bestand", *NEW, "--vervangt", "up-2020-04",
            setup=failing("fsync", 2, disk_full),
            words=["decisions/up-2020-04.md", "schijf is vol"]),
    besluit("ctrl-c-bij-eerste-bestand", *NEW, "--vervangt", "up-2020-04", code=130,
            setup=failing("fsync", 1, KeyboardInterrupt), words=["Afgebroken"]),
    besluit("alleen-lezen", "--reeks", "zz", "--titel", "Proef", "--jaar", "2024",
            setup=read_only("decisions"),
            words=["decisions/zz-2024-01.md", "niet geschreven", "geen toestemming"]),
    besluit("geen-harde-links", *NEW, "--vervangt", "up-2020-04", code=0,
            setup=failing("link", 1, lambda: OSError(errno.EPERM, "")),
            touched=("decisions/up-2021-01.md", "decisions/up-2020-04.md"),
            check=replaced("up-2021-01", ["up-2020-04"]), words=["Nieuw besluit"]),
    besluit("sjabloon-ontbreekt", *NEW, setup=remove("decisions/_template.md"),
            words=["decisions/_template.md", "ontbreekt"]),
    besluit("sjabloon-geen-utf8", *NEW, setup=write("decisions/_template.md", b"---\nid: \xff\n"),
            words=["decisions/_template.md", "UTF-8"]),
    besluit("voorganger-geen-utf8", *NEW, "--vervangt", "up-2020-04",
            setup=replace_in("decisions/up-2020-04.md", "Eén", "E\xe9n".encode("latin-1")),
            words=["decisions/up-2020-04.md", "UTF-8", "herstel die eerst"]),
    besluit("voorganger-kapotte-kop", *NEW, "--vervangt", "up-2020-04",
            setup=replace_in("decisions/up-2020-04.md", "titel: ", "titel: ["),
            words=["decisions/up-2020-04.md", "herstel die eerst"]),
    besluit("voorganger-dubbel-veld", *NEW, "--vervangt", "up-2020-04",
            setup=replace_in("decisions/up-2020-04.md", "status: vastgesteld",
                             "status: vastgesteld\nstatus: ingetrokken"),
            words=["decisions/up-2020-04.md", "herstel die eerst"]),
    besluit("ander-besluit-kapot", *NEW,
            setup=replace_in("decisions/up-2020-01.md", "status:", "stattus: x\nstatus:"),
            words=["decisions/up-2020-01.md", "stattus"]),
    besluit("verkeerde-bestandsnaam", *NEW, setup=write("decisions/up-2021-09.MD", "---\n---\n"),
            words=["decisions/up-2021-09.MD"]),
    # The probe: Dutch messages, one line each, for every wrong argument.
    besluit("hulp", "--help", code=0, real_process=True,
            words=["gebruik: tools/new_decision.py", "opties:", "--vervangt ID",
                   "toon deze uitleg"]),
    besluit("niets-opgegeven", code=2, real_process=True,
            words=["gebruik:", "deze opties ontbreken: --reeks, --titel"]),
    besluit("jaar-nul", *NEW[:-1], "0", code=2, real_process=True,
            words=["--jaar: '0' is geen bruikbaar jaar", "2000 tot en met"]),
    besluit("jaar-99999", *NEW[:-1], "99999", code=2, words=["--jaar: '99999'"]),
    besluit("jaar-tekst", *NEW[:-1], "twintig", code=2, words=["--jaar: 'twintig'"]),
    besluit("jaar-met-spatie", *NEW[:-1], " 2021", code=2, words=["--jaar: ' 2021'"]),
    besluit("opvolging-onbekend", *NEW, "--opvolging", "half", code=2,
            words=["--opvolging: 'half' kan niet; kies uit volledig, gedeeltelijk"]),
    besluit("onbekende-optie", *NEW, "--foo", code=2, words=["onbekende optie", "--foo"]),
    besluit("afgekorte-optie", "--reeks", "up", "--tit", "X", code=2, words=["--titel"]),
    besluit("titel-zonder-waarde", "--reeks", "up", "--titel", code=2,
            words=["--titel: hier hoort een waarde achter"]),
    besluit("titel-met-streepjes", "--reeks", "zz", "--jaar", "2024", "--titel", "---", code=2,
            words=["--titel=waarde"]),
    besluit("titel-met-streepjes-voluit", "--reeks", "zz", "--jaar", "2024", "--titel=---",
            code=0, touched=("decisions/zz-2024-01.md",), check=titled("---"), words=["Nieuw"]),
    besluit("titel-regelovergang", "--reeks", "up", "--titel", "Twee\nregels",
            words=["--titel", "regelovergang"]),
    besluit("titel-backspace", "--reeks", "up", "--titel", "Ti\btel", words=["--titel", "U+0008"]),
    besluit("titel-nul", "--reeks", "up", "--titel", "Ti\0tel", words=["--titel", "U+0000"]),
    besluit("titel-escape", "--reeks", "up", "--titel", "\x1b[31mRood",
            words=["--titel", "U+001B"]),
    besluit("titel-richtingsteken", "--reeks", "up", "--titel", "abc\u202edcb",
            words=["--titel", "richtingsteken"]),
    besluit("titel-regelscheiding", "--reeks", "up", "--titel", "a\u2028b",
            words=["--titel", "regelscheiding"]),
    besluit("titel-losse-surrogaat", "--reeks", "up", "--titel", "Caf\udce9",
            words=["--titel", "U+DCE9"]),
    besluit("titel-geen-utf8-in-terminal", "--reeks", "up", "--titel", b"Caf\xe9",
            real_process=True,
            words=["--titel", "U+DCE9"]),
    besluit("titel-backspace-in-terminal", "--reeks", "up", "--titel", "Ti\btel",
            real_process=True, words=["--titel", "U+0008"]),
    besluit("titel-leeg", "--reeks", "up", "--titel", "", words=["--titel is leeg"]),
    besluit("titel-spaties", "--reeks", "up", "--titel", "   ", words=["--titel is leeg"]),
    besluit("titel-enorm", "--reeks", "up", "--titel", "x" * 5000,
            words=["--titel is 5000 tekens lang", "hooguit 200"]),
    *[
        besluit(f"titel-{number:02d}", "--reeks", "zz", "--jaar", "2024", "--titel", title,
                code=0, touched=("decisions/zz-2024-01.md",), check=titled(title), words=["Nieuw"])
        for number, title in enumerate(HOSTILE_TITLES, 1)
    ],
    besluit("reeks-pad", "--reeks", "../x", "--titel", "X", words=["--reeks", "'../x'"]),
    besluit("reeks-hoofdletters", "--reeks", "BP", "--titel", "X", words=["--reeks", "'BP'"]),
    besluit("reeks-een-letter", "--reeks", "b", "--titel", "X", words=["--reeks", "'b'"]),
    besluit("regio-leeg", *NEW, "--regio", "", words=["--regio is leeg"]),
    besluit("regio-escape", *NEW, "--regio", "Noord\x1b[2J", words=["--regio", "U+001B"]),
    besluit("toelichting-bij-volledig", *NEW, "--vervangt", "up-2020-03", "--toelichting", "Alles.",
            words=["--toelichting hoort alleen bij --opvolging gedeeltelijk"]),
    besluit("gedeeltelijk-zonder-toelichting", *NEW, "--vervangt", "up-2020-03", "--opvolging",
            "gedeeltelijk", words=["--toelichting ontbreekt"]),
    besluit("toelichting-twee-regels", *NEW, "--vervangt", "up-2020-03", "--opvolging",
            "gedeeltelijk", "--toelichting", "Een.\nTwee.",
            words=["--toelichting", "regelovergang"]),
    besluit("gedeeltelijk-zonder-voorganger", *NEW, "--opvolging", "gedeeltelijk",
            "--toelichting", "Iets.", words=["horen bij --vervangt"]),
    # What the command is for, in less common forms.
    besluit("gedeeltelijk", *NEW, "--vervangt", "up-2020-03", "--opvolging", "gedeeltelijk",
            "--toelichting", "  Alleen de inkoop   van opvang. ", code=0,
            touched=("decisions/up-2021-01.md", "decisions/up-2020-03.md"),
            check=replaced("up-2021-01", ["up-2020-03"], "gedeeltelijk",
                           "Alleen de inkoop van opvang."),
            words=["Bijgewerkt: decisions/up-2020-03.md"]),
    besluit("twee-voorgangers", *NEW, "--vervangt", "up-2020-04", "--vervangt", "up-2020-03",
            code=0, touched=("decisions/up-2021-01.md", "decisions/up-2020-03.md",
                             "decisions/up-2020-04.md"),
            check=replaced("up-2021-01", ["up-2020-04", "up-2020-03"]), words=["Nieuw besluit"]),
    besluit("voorganger-windows-regeleinden", *NEW, "--vervangt", "up-2020-04", code=0,
            setup=crlf("decisions/up-2020-04.md"),
            touched=("decisions/up-2021-01.md", "decisions/up-2020-04.md"),
            check=line_endings_kept("decisions/up-2020-04.md"), words=["Nieuw besluit"]),
    besluit("voorganger-met-bom", *NEW, "--vervangt", "up-2020-04", code=0,
            setup=both(crlf("decisions/up-2020-04.md"),
                       replace_in("decisions/up-2020-04.md", "---", b"\xef\xbb\xbf---")),
            touched=("decisions/up-2021-01.md", "decisions/up-2020-04.md"),
            check=line_endings_kept("decisions/up-2020-04.md", bom=True), words=["Nieuw besluit"]),
    # The agenda command.
    agenda("nieuw-jaar", code=0, touched=WITH_MENU, check=started(), words=["Geschreven"]),
    agenda("nieuw-jaar-als-proces", code=0, real_process=True, touched=WITH_MENU,
           check=started(), words=[f"Geschreven: {AGENDA}/2031.yaml"]),
    agenda("nog-een-keer", "--jaar", "2031", code=0, setup=ran_before("agenda"),
           words=["Niets veranderd", f"{AGENDA}/2031.yaml"]),
    agenda("jaar-al-aangepast", "--jaar", "2031",
           setup=both(ran_before("agenda"),
                      replace_in(f"{AGENDA}/2031.yaml", "jaar: 2031", "jaar: 2031 # eigen")),
           words=[f"{AGENDA}/2031.yaml bestaat al", "niet overschreven"]),
    agenda("pagina-bestaat-al", setup=write(f"{AGENDA}/2031.md", "# Eigen tekst\n"),
           words=[f"{AGENDA}/2031.md bestaat al"]),
    agenda("jaar-voor-het-nieuwste", "--jaar", "2029", words=["--jaar 2029", "na 2030"]),
    agenda("jaar-is-het-nieuwste", "--jaar", "2030", words=[f"{AGENDA}/2030.yaml bestaat al"]),
    agenda("jaar-te-ver", "--jaar", "2099", code=2, words=["--jaar: '2099'", "tot en met"]),
    agenda("jaar-nul", "--jaar", "0", code=2, real_process=True,
           words=["gebruik: tools/new_agenda_year.py", "--jaar: '0' is geen bruikbaar jaar"]),
    agenda("jaar-99999", "--jaar", "99999", code=2, words=["--jaar: '99999'"]),
    agenda("jaar-negatief", "--jaar", "-1", code=2, words=["--jaar"]),
    agenda("jaar-tekst", "--jaar", "volgend", code=2, words=["--jaar: 'volgend'"]),
    agenda("jaar-zonder-waarde", "--jaar", code=2, words=["--jaar: hier hoort een waarde achter"]),
    agenda("onbekende-optie", "--jaaar", "2031", code=2, words=["onbekende optie", "--jaaar"]),
    agenda("hulp", "--help", code=0, real_process=True,
           words=["gebruik:", "opties:", "--jaar JAAR"]),
    agenda("map-bestaat-niet", "--map", "nergens", words=["--map nergens", "bestaat niet"]),
    agenda("map-geen-utf8-naam", "--map", b"\xff", real_process=True,
           words=["--map <U+DCFF>", "bestaat niet"]),
    agenda("map-is-bestand", "--map", "mkdocs.yml", words=["--map mkdocs.yml", "geen map"]),
    agenda("map-leeg", "--map", "docs/regiovisie",
           words=["docs/regiovisie", "nog geen beleidsagenda"]),
    agenda("andere-map", "--map", "elders", code=0,
           setup=write("elders/2030.yaml",
                       (AGENDA_FIXTURES / "met_budget" / "2030.yaml").read_bytes()),
           touched=("elders/2031.yaml", "elders/2031.md"),
           check=started(folder="elders", nav=False)),
    agenda("menu-zonder-jaren", code=0,
           setup=write("mkdocs.yml", "site_name: Proef\nnav:\n  - index.md\n"),
           touched=YEAR_FILES, check=started(nav=False), words=["Let op", "mkdocs.yml"]),
    agenda("menu-al-met-jaar", code=0,
           setup=replace_in("mkdocs.yml", '"2030": beleidsagenda/2030.md',
                            '"2030": beleidsagenda/2030.md\n      - "2031": beleidsagenda/2031.md'),
           touched=YEAR_FILES, check=started()),
    agenda("menu-windows-regeleinden", code=0, setup=crlf("mkdocs.yml"), touched=WITH_MENU,
           check=line_endings_kept("mkdocs.yml")),
    agenda("menu-geen-utf8", setup=replace_in("mkdocs.yml", "Proef", b"Pr\xf6ef"),
           words=["mkdocs.yml", "UTF-8"]),
    agenda("vorig-jaar-kapot", setup=replace_in(f"{AGENDA}/2030.yaml", "jaar: 2030", "jaar: [2030"),
           words=[f"{AGENDA}/2030.yaml"]),
    agenda("vorig-jaar-geen-utf8", setup=replace_in(f"{AGENDA}/2030.yaml", "bron:", b"bron: \xff"),
           words=[f"{AGENDA}/2030.yaml", "UTF-8"]),
    agenda("vorig-jaar-dubbel-veld", setup=replace_in(f"{AGENDA}/2030.yaml", "jaar: 2030",
                                                      "jaar: 2030\njaar: 2031"),
           words=[f"{AGENDA}/2030.yaml"]),
    agenda("doelen-ontbreken", setup=remove("docs/regiovisie/doelen.yaml"),
           words=["docs/regiovisie/doelen.yaml", "bestaat niet"]),
    agenda("schijf-vol-bij-tweede-vervanging", setup=failing("replace", 2, disk_full),
           words=[f"{AGENDA}/2031.md", "schijf is vol"]),
    agenda("schijf-vol-bij-het-menu", setup=failing("replace", 3, disk_full),
           words=["mkdocs.yml", "schijf is vol"]),
    agenda("ctrl-c-bij-het-menu", code=130, setup=failing("replace", 3, KeyboardInterrupt),
           words=["Afgebroken"]),
    agenda("alleen-lezen", setup=read_only(AGENDA),
           words=[f"{AGENDA}/2031.yaml", "geen toestemming"]),
]  # fmt: skip


def snapshot(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def execute(case: Case, site: Path, capsys) -> tuple[int, str, str]:
    if case.real_process:
        env = {k: v for k, v in os.environ.items() if k != sitecontent.DECISIONS_ENV}
        done = subprocess.run(
            [sys.executable, str(ROOT / SCRIPTS[case.tool]), *case.argv],
            cwd=site,
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        return done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode()
    argv = [os.fsdecode(arg) for arg in case.argv]
    code = MAINS[case.tool](argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[f"{case.tool}-{case.id}" for case in CASES])
def test_hostile_editor(case: Case, site: Path, monkeypatch, capsys):
    if case.setup is not None:
        case.setup(site, monkeypatch)
        capsys.readouterr()
    before = snapshot(site)
    code, out, err = execute(case, site, capsys)
    monkeypatch.undo()  # the imitated failures end with the command
    text = out + err
    assert code == case.code, text
    assert not ENGLISH.search(text), text
    for word in case.words:
        assert word in text, f"{word!r} not in:\n{text}"
    if code == 2:
        assert err.startswith("gebruik: "), err
        assert len([line for line in err.splitlines() if ": fout: " in line]) == 1, err
        assert len(err.splitlines()) <= 6, err
    assert [p.name for p in site.rglob(".*")] == [], "temporary files left behind"
    after = snapshot(site)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    assert changed == set(case.touched)
    if case.check is not None:
        case.check(site)


def test_the_catalogue_is_large_and_has_unique_names():
    assert len(CASES) >= 30
    assert len({(case.tool, case.id) for case in CASES}) == len(CASES)
    assert all(case.check is not None for case in CASES if case.touched)
