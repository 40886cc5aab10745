"""Decision records (``decisions/*.md``): validation, one page per record, register data.

Why an own hook and not the ``mkdocs-decision-records`` plugin (evaluated from its PyPI
documentation, versions 1.2 to 3.2): that plugin expects the records inside ``docs/``, a
full ``YYYY-MM-DD`` date, numeric ids and a single ``superseded_by``, and gives English
messages and coloured status badges. Here the records stay at the top level, the sources
often only give a year, one 2020 principle replaces two 2019 points (several predecessors,
partial succession), both sides of a link must agree, and editors need one Dutch line per
problem. Those checks plus a register with lineage are a few hundred lines of plain Python,
so an own hook costs less than adapting the plugin would.

The validator is a plain function (``validate_folder``) so tests and
``tools/new_decision.py`` use exactly the checks the build uses.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The bench (and anyone testing a copy) points the build at another folder with this.
ENV_FOLDER = "BESLUITEN_MAP"
PUBLISH_DIR = "besluiten"

STATUSES = {
    # Dutch value -> MADR 4 value, shown in CONTRIBUTING.md.
    "voorgesteld": "proposed",
    "vastgesteld": "accepted",
    "vervangen": "superseded",
    "ingetrokken": "deprecated",
}
SUCCESSION = ("volledig", "gedeeltelijk")
ID_PATTERN = re.compile(r"^(?P<reeks>[a-z]{2})-(?P<jaar>\d{4})-(?P<nummer>\d{2,3})$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
AMBITIONS = range(1, 8)
# The records predate the regiovisie 2022-2026; their link to its ambitions is the editors'
# reading, and every place that shows such a link says so.
AMBITION_LINK_NOTE = (
    "De koppeling tussen besluiten en ambities is een lezing van de redactie van deze site. De "
    "besluiten van 2019 en 2020 zijn ouder dan de regiovisie en noemen de ambities zelf niet."
)
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()

#: Front-matter schema: field -> (required, kind, what an editor should write).
SCHEMA: dict[str, tuple[bool, str, str]] = {
    "id": (True, "id", "een id zoals bp-2019-01 (reeks-jaar-nummer), gelijk aan de bestandsnaam"),
    "nummer": (True, "int", "een heel getal, het nummer van het punt in de bron"),
    "titel": (True, "str", "een korte titel als tekst"),
    "status": (True, "status", "een van: " + ", ".join(STATUSES)),
    "datum": (True, "date", "een datum als 2019, 2019-12 of 2019-12-10"),
    "besluitvormers": (True, "strlist", "een lijst met wie besloot, minstens één naam"),
    "geraadpleegd": (False, "strlist", "een lijst met wie vooraf is geraadpleegd"),
    "geinformeerd": (False, "strlist", "een lijst met wie achteraf is geïnformeerd"),
    "regio": (True, "str", "de regio als tekst, bijvoorbeeld Noord-Limburg"),
    "bron": (True, "source", "een blok met 'document' (titel) en 'hoofdstuk'"),
    "voorgangers": (False, "idlist", "een lijst met ids van bestaande besluiten"),
    "opvolgers": (False, "idlist", "een lijst met ids van bestaande besluiten"),
    "opvolging": (False, "succession", "volledig of gedeeltelijk"),
    "opvolging_toelichting": (False, "str", "één zin die uitlegt wat wel en niet overging"),
    "ambities": (False, "ambitions", "een lijst met ambitienummers van 1 tot en met 7"),
    "rekenhulpen": (False, "names", "een lijst met namen van rekenhulpen, zoals verdeelsleutel"),
    "parameters": (False, "mapping", "een blok met vaste waarden uit het besluit"),
}


PLACEHOLDER = "nog in te vullen"
TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: an unquoted ``datum: 2021-13-45`` must reach the
    validator (a Dutch line naming file and field), not stop PyYAML with a bare ValueError."""


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DecisionError(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class Decision:
    id: str
    path: Path
    meta: dict
    body: str
    changed: str | None = None
    # field -> line in the file, for messages that name the line
    lines: dict[str, int] = field(default_factory=dict)

    def at(self, name: str) -> str:
        line = self.lines.get(name)
        return f"{_shown(self.path)} regel {line}" if line else _shown(self.path)

    @property
    def status(self) -> str:
        return self.meta["status"]

    @property
    def voorgangers(self) -> list[str]:
        return list(self.meta.get("voorgangers") or [])

    @property
    def opvolgers(self) -> list[str]:
        return list(self.meta.get("opvolgers") or [])

    @property
    def ambities(self) -> list[int]:
        return list(self.meta.get("ambities") or [])

    @property
    def rekenhulpen(self) -> list[str]:
        return list(self.meta.get("rekenhulpen") or [])

    @property
    def datum(self) -> str:
        return self.meta["datum"]


@dataclass
class Register:
    folder: Path
    decisions: dict[str, Decision] = field(default_factory=dict)

    def sorted(self) -> list[Decision]:
        return sorted(self.decisions.values(), key=lambda d: (d.datum[:4], d.id))


def decisions_folder() -> Path:
    return Path(os.environ.get(ENV_FOLDER) or ROOT / "decisions")


def record_files(folder: Path) -> list[Path]:
    # Files starting with "_" (the template) are not records.
    return sorted(p for p in folder.glob("*.md") if not p.name.startswith("_"))


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def split_front_matter(text: str) -> tuple[str | None, str]:
    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n?", text, re.DOTALL)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def _normalise_date(value: object) -> object:
    # YAML reads 2019 as int and 2019-12-10 as a date; editors mean the text.
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _valid_date(value: str) -> bool:
    if not DATE_PATTERN.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _check_field(name: str, value: object, kind: str) -> bool:
    if kind == "id":
        return isinstance(value, str) and bool(ID_PATTERN.match(value))
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if kind == "str":
        return isinstance(value, str) and value.strip() != ""
    if kind == "status":
        return value in STATUSES
    if kind == "date":
        return isinstance(value, str) and _valid_date(value)
    if kind == "strlist":
        return (
            isinstance(value, list)
            and len(value) > 0
            and all(isinstance(v, str) and v.strip() for v in value)
        )
    if kind == "source":
        return (
            isinstance(value, dict)
            and isinstance(value.get("document"), str)
            and isinstance(value.get("hoofdstuk"), str)
        )
    if kind == "idlist":
        return isinstance(value, list) and all(
            isinstance(v, str) and ID_PATTERN.match(v) for v in value
        )
    if kind == "succession":
        return value in SUCCESSION
    if kind == "ambitions":
        return isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) and v in AMBITIONS for v in value
        )
    if kind == "names":
        return isinstance(value, list) and all(
            isinstance(v, str) and NAME_PATTERN.match(v) for v in value
        )
    if kind == "mapping":
        return isinstance(value, dict)
    raise AssertionError(name)


def _key_lines(raw: str) -> dict[str, int]:
    """Line in the record file of each top-level field (the front matter starts on line 2)."""
    return {
        found.group(1): number + 2
        for number, line in enumerate(raw.splitlines())
        if (found := TOP_KEY.match(line))
    }


def placeholder_problems(path: Path) -> list[str]:
    """Template text still in a record: it must never be published.

    ``tools/new_decision.py`` writes "nog in te vullen" wherever the editor has work left;
    the build refuses such a record, naming the file, line and field.
    """
    found: dict[str, list[int]] = {}
    field_name, in_head = None, False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == "---":
            in_head = number == 1
            continue
        if in_head and (key := TOP_KEY.match(line)):
            field_name = key.group(1)
        if PLACEHOLDER in line.lower() and not line.lstrip().startswith("#"):
            where = f"veld '{field_name}'" if in_head else "de tekst"
            found.setdefault(where, []).append(number)
    # One line per field, so a fresh record gives a short list, not one line per sentence.
    return [
        f"{_shown(path)} regel {', '.join(map(str, numbers))}: {where} bevat nog "
        f"'{PLACEHOLDER}' uit het sjabloon; vul dit in voordat het besluit gepubliceerd wordt."
        for where, numbers in found.items()
    ]


def _rule_problems(meta: dict, path: Path, at) -> list[str]:
    """Rules across fields, checked once every field on its own is valid; ``at(field)`` is
    the file and line to name."""
    problems: list[str] = []
    if meta["id"] != path.stem:
        problems.append(
            f"{at('id')}: veld 'id' is '{meta['id']}' maar het bestand heet '{path.name}'; "
            f"verwacht dat de bestandsnaam gelijk is aan het id ({meta['id']}.md)."
        )
    if meta["status"] == "vervangen" and not meta.get("opvolgers"):
        problems.append(
            f"{at('status')}: veld 'opvolgers' ontbreekt; verwacht bij status 'vervangen' minstens "
            "één id van het besluit dat ervoor in de plaats kwam."
        )
    if meta.get("opvolgers") and "opvolging" not in meta:
        problems.append(
            f"{at('opvolgers')}: veld 'opvolging' ontbreekt; verwacht 'volledig' of 'gedeeltelijk' "
            "omdat dit besluit opvolgers heeft."
        )
    if meta.get("opvolging") == "gedeeltelijk" and not meta.get("opvolging_toelichting"):
        problems.append(
            f"{at('opvolging')}: veld 'opvolging_toelichting' ontbreekt; verwacht één zin die "
            "uitlegt welk deel wel en welk deel niet is overgenomen."
        )
    return problems


def load_record(path: Path, problems: list[str]) -> Decision | None:
    shown = _shown(path)
    try:
        raw, body = split_front_matter(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(f"{shown}: het bestand is geen UTF-8-tekst; sla het op als UTF-8.")
        return None
    if raw is None:
        problems.append(
            f"{shown}: de kop met gegevens ontbreekt; het bestand moet beginnen met een regel "
            "'---', dan de velden, dan weer '---'."
        )
        return None
    try:
        meta = yaml.load(raw, Loader=TextDateLoader) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (regel {line + 2})" if line is not None else ""
        problems.append(
            f"{shown}: de kop met gegevens is geen geldige YAML{where}; controleer "
            "dubbele punten, inspringing en aanhalingstekens."
        )
        return None
    if not isinstance(meta, dict):
        problems.append(f"{shown}: de kop met gegevens moet velden bevatten (naam: waarde).")
        return None
    if "datum" in meta:
        meta["datum"] = _normalise_date(meta["datum"])
    lines = _key_lines(raw)

    def at(name: str) -> str:
        return f"{shown} regel {lines[name]}" if name in lines else shown

    before = len(problems)
    for name in meta:
        if name not in SCHEMA:
            problems.append(
                f"{at(name)}: veld '{name}' is onbekend; verwacht alleen de velden: "
                + ", ".join(SCHEMA)
                + "."
            )
    for name, (required, kind, expected) in SCHEMA.items():
        if name not in meta or meta[name] is None:
            if required:
                problems.append(f"{shown}: veld '{name}' ontbreekt; verwacht {expected}.")
            continue
        if not _check_field(name, meta[name], kind):
            problems.append(
                f"{at(name)}: veld '{name}' heeft de ongeldige waarde {meta[name]!r}; "
                f"verwacht {expected}."
            )
    if len(problems) > before:
        return None
    problems.extend(_rule_problems(meta, path, at))
    return Decision(id=meta["id"], path=path, meta=meta, body=body, lines=lines)


def _find_cycle(decisions: dict[str, Decision]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in decisions[node].opvolgers:
            if nxt not in decisions:
                continue
            if state.get(nxt) == 1:
                return trail[trail.index(nxt) :] + [nxt] if nxt in trail else [node, nxt]
            if nxt not in state:
                found = visit(nxt, trail + [nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for start in sorted(decisions):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def validate_folder(folder: Path | str | None = None, allow_placeholders: bool = False) -> Register:
    """Load and check every record in ``folder``; raise DecisionError with all problems.

    ``allow_placeholders`` is for the new-decision command only: its fresh record still
    holds the template's "nog in te vullen", which the build refuses.
    """
    folder = Path(folder) if folder is not None else decisions_folder()
    problems: list[str] = []
    if not folder.is_dir():
        raise DecisionError([f"{_shown(folder)}: de map met besluiten bestaat niet."])
    register = Register(folder)
    # Records that could not be read still exist: links to them are not reported twice.
    unreadable: set[str] = set()
    for path in record_files(folder):
        decision = load_record(path, problems)
        if decision is not None and not allow_placeholders:
            problems.extend(placeholder_problems(path))
        if decision is None:
            unreadable.add(path.stem)
            continue
        if decision.id in register.decisions:
            other = register.decisions[decision.id].path.name
            problems.append(
                f"{decision.at('id')}: veld 'id' ({decision.id}) komt ook voor in {other}; "
                "verwacht een id dat maar één keer voorkomt."
            )
            continue
        register.decisions[decision.id] = decision
    known = register.decisions
    for decision in known.values():
        for name, other_side in (("voorgangers", "opvolgers"), ("opvolgers", "voorgangers")):
            for target in decision.meta.get(name) or []:
                if target == decision.id:
                    problems.append(
                        f"{decision.at(name)}: veld '{name}' verwijst naar zichzelf ({target}); "
                        "verwacht het id van een ander besluit."
                    )
                elif target in unreadable:
                    continue
                elif target not in known:
                    problems.append(
                        f"{decision.at(name)}: veld '{name}' verwijst naar {target}, maar dat "
                        "besluit bestaat niet; verwacht het id van een bestand in de map "
                        "decisions/."
                    )
                elif decision.id not in (known[target].meta.get(other_side) or []):
                    problems.append(
                        f"{decision.at(name)}: veld '{name}' noemt {target}, maar {target}.md "
                        f"noemt {decision.id} niet bij '{other_side}'; verwacht de koppeling "
                        "aan beide kanten."
                    )
    cycle = _find_cycle(known)
    if cycle:
        first = known[cycle[0]]
        problems.append(
            f"{first.at('opvolgers')}: veld 'opvolgers' maakt een kring: "
            + " → ".join(cycle)
            + "; verwacht dat een besluit nooit (via andere) zijn eigen opvolger is."
        )
    if problems:
        raise DecisionError(problems)
    return register


# ------------------------------------------------------------------ dates from git


def git_dates(folder: Path) -> dict[str, str]:
    """Last commit date per record file; empty when git or its history is unavailable.

    One ``git log`` over the folder instead of one call per file keeps large registers fast.
    Its result equals ``git log -1 --format=%cs -- <file>`` for every file.
    """
    try:
        completed = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if completed.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    current = None
    for line in completed.stdout.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line.strip() and current:
            dates.setdefault(Path(line.strip()).name, current)
    return dates


# ------------------------------------------------------------------ presentation


def format_date(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def rel(from_src: str, to_src: str) -> str:
    """Relative Markdown link from one source page to another (MkDocs resolves .md links)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def record_src(decision_id: str) -> str:
    return f"{PUBLISH_DIR}/{decision_id}.md"


def link(from_src: str, decision: Decision, with_title: bool = True) -> str:
    label = decision.id + (f": {decision.meta['titel']}" if with_title else "")
    return f"[{md_escape(label)}]({rel(from_src, record_src(decision.id))})"


def md_escape(value: str) -> str:
    return escape(str(value), quote=False).replace("|", "&#124;").replace("[", "&#91;")


def ambition_names(docs_dir: Path) -> dict[int, str]:
    try:
        data = yaml.safe_load((docs_dir / "regiovisie" / "doelen.yaml").read_text("utf-8"))
        return {int(a["nummer"]): str(a["naam"]) for a in data["ambities"]}
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
        return {}


@dataclass
class Site:
    """What a page may link to: only pages that exist in this build."""

    existing: set[str]
    ambitions: dict[int, str]

    def page_link(self, from_src: str, target: str, label: str) -> str:
        if target in self.existing:
            return f"[{md_escape(label)}]({rel(from_src, target)})"
        return md_escape(label)

    def ambition(self, from_src: str, number: int) -> str:
        name = self.ambitions.get(number)
        label = f"Ambitie {number}" + (f": {name}" if name else "")
        return self.page_link(from_src, f"regiovisie/ambitie-{number}.md", label)


def record_markdown(decision: Decision, register: Register, site: Site) -> str:
    meta = decision.meta
    src = record_src(decision.id)
    known = register.decisions
    lines = [
        "---",
        yaml.safe_dump(
            # Editors' text is not a template: "{{" in a record must stay text.
            {
                "title": f"{decision.id}: {meta['titel']}",
                "description": meta["titel"],
                "render_macros": False,
            },
            allow_unicode=True,
        ).strip(),
        "---",
        "",
        f"# {md_escape(meta['titel'])}",
        "",
    ]
    facts = [
        ("Kenmerk", decision.id),
        ("Nummer in de bron", str(meta["nummer"])),
        ("Status", meta["status"]),
        ("Datum", format_date(meta["datum"])),
        ("Besloten door", "; ".join(meta["besluitvormers"])),
    ]
    if meta.get("geraadpleegd"):
        facts.append(("Geraadpleegd", "; ".join(meta["geraadpleegd"])))
    if meta.get("geinformeerd"):
        facts.append(("Geïnformeerd", "; ".join(meta["geinformeerd"])))
    facts += [
        ("Regio", meta["regio"]),
        ("Bron", f"{meta['bron']['document']}, {meta['bron']['hoofdstuk']}"),
        ("Laatst gewijzigd", decision.changed or "niet bekend (geen git-geschiedenis)"),
    ]
    lines += ["| Gegeven | Waarde |", "|---|---|"]
    lines += [f"| {label} | {md_escape(value)} |" for label, value in facts]
    lines.append("")
    if decision.voorgangers or decision.opvolgers:
        lines += ["## Voorganger en opvolger", ""]
        for pid in decision.voorgangers:
            lines.append(f"- Kwam in de plaats van: {link(src, known[pid])}")
        for sid in decision.opvolgers:
            lines.append(f"- Vervangen door: {link(src, known[sid])}")
        if meta.get("opvolging"):
            extra = meta.get("opvolging_toelichting")
            text = f"- Opvolging: **{meta['opvolging']}**"
            lines.append(text + (f". {md_escape(extra)}" if extra else ""))
        lines.append("")
    lines += [decision.body.strip(), ""]
    if decision.ambities or decision.rekenhulpen:
        lines += ["## Samenhang", ""]
        if decision.ambities:
            lines += [f"*{AMBITION_LINK_NOTE}*", "{: .redactie-koppeling }", ""]
        for number in decision.ambities:
            lines.append(f"- {site.ambition(src, number)}")
        for name in decision.rekenhulpen:
            target = f"rekenhulpen/{name}.md"
            if target in site.existing:
                lines.append(f"- Rekenhulp: {site.page_link(src, target, name.capitalize())}")
            else:
                lines.append(f"- Rekenhulp: {md_escape(name)} (nog niet op deze site)")
        lines.append("")
    lines += [
        f"[Terug naar het overzicht van alle besluiten]({rel(src, PUBLISH_DIR + '/index.md')})",
        "",
    ]
    return "\n".join(lines)


def register_table(decisions: Iterable[Decision], from_src: str, caption: str) -> str:
    rows = [
        f"| {d.meta['nummer']} | {link(from_src, d)} | {d.status} | "
        f"{format_date(d.datum)} | {md_escape(d.meta['regio'])} |"
        for d in decisions
    ]
    if not rows:
        return "*Geen besluiten in deze selectie.*"
    header = ["| Nr. | Besluit | Status | Datum | Regio |", "|---|---|---|---|---|"]
    return f"{caption}\n{{: .besluiten-caption }}\n\n" + "\n".join(header + rows)


def filter_views(register: Register, site: Site) -> dict[str, tuple[str, str, list[Decision]]]:
    """Filtered register views built at build time: slug -> (label, short label, records)."""
    records = register.sorted()
    views: dict[str, tuple[str, str, list[Decision]]] = {}
    for status in STATUSES:
        chosen = [d for d in records if d.status == status]
        if chosen:
            views[f"status-{status}"] = (f"status {status}", status, chosen)
    for region in sorted({d.meta["regio"] for d in records}):
        slug = "regio-" + re.sub(r"[^a-z0-9]+", "-", region.lower()).strip("-")
        chosen = [d for d in records if d.meta["regio"] == region]
        views[slug] = (f"regio {region}", region, chosen)
    for number in AMBITIONS:
        chosen = [d for d in records if number in d.ambities]
        if chosen:
            name = site.ambitions.get(number)
            short = f"{number}" + (f". {name}" if name else "")
            views[f"ambitie-{number}"] = (f"ambitie {short}", short, chosen)
    return views


def filter_src(slug: str) -> str:
    return f"{PUBLISH_DIR}/filter/{slug}.md"


def filter_menu(register: Register, site: Site, from_src: str) -> str:
    views = filter_views(register, site)
    groups = {"status": [], "regio": [], "ambitie": []}
    for slug, (_label, short, chosen) in views.items():
        kind = slug.split("-", 1)[0]
        target = rel(from_src, filter_src(slug))
        if from_src == filter_src(slug):
            groups[kind].append(f"**{md_escape(short)} ({len(chosen)})** (deze pagina)")
        else:
            groups[kind].append(f"[{md_escape(short)} ({len(chosen)})]({target})")
    titles = {"status": "Op status", "regio": "Op regio", "ambitie": "Op ambitie"}
    lines = []
    for kind, items in groups.items():
        if items:
            lines.append(f"- **{titles[kind]}:** " + " · ".join(items))
    return "\n".join(lines)


def filter_page(slug: str, register: Register, site: Site) -> str:
    label, _short, chosen = filter_views(register, site)[slug]
    src = filter_src(slug)
    return "\n".join(
        [
            "---",
            yaml.safe_dump(
                {"title": f"Besluiten: {label}", "render_macros": False}, allow_unicode=True
            ).strip(),
            "---",
            "",
            f"# Besluiten met {md_escape(label)}",
            "",
            f"{len(chosen)} van de {len(register.decisions)} besluiten.",
            "",
            *(
                [f"*{AMBITION_LINK_NOTE}*", "{: .redactie-koppeling }", ""]
                if slug.startswith("ambitie-")
                else []
            ),
            register_table(chosen, src, f"Besluiten met {md_escape(label)}"),
            "",
            "## Andere selecties",
            "",
            filter_menu(register, site, src),
            "",
            f"[Alle besluiten]({rel(src, PUBLISH_DIR + '/index.md')})",
            "",
        ]
    )


def lineage_pairs(register: Register) -> list[tuple[Decision, Decision]]:
    pairs = []
    for decision in register.sorted():
        for sid in decision.opvolgers:
            pairs.append((decision, register.decisions[sid]))
    return pairs


def lineage_table(register: Register, from_src: str) -> str:
    """The lineage as a table; with more than one step in time (2019 → 2020 → 2021) one
    table per step under its own heading, so a 2021 record never sits under "2019 naar 2020"."""
    steps: dict[tuple[str, str], list[str]] = {}
    for old, new in lineage_pairs(register):
        how = old.meta.get("opvolging", "")
        note = old.meta.get("opvolging_toelichting", "")
        steps.setdefault((old.datum[:4], new.datum[:4]), []).append(
            f"| {link(from_src, old)} | {link(from_src, new)} | {how}"
            + (f": {md_escape(note)}" if note else "")
            + " |"
        )
    if not steps:
        return "*Er zijn nog geen besluiten vervangen.*"
    header = ["| Besluit | Vervangen door | Opvolging |", "|---|---|---|"]
    if len(steps) == 1:
        return "\n".join(header + next(iter(steps.values())))
    parts = []
    for (before, after), rows in sorted(steps.items()):
        title = f"Van {before} naar {after}" if before != after else f"Binnen {before}"
        parts.append("\n".join([f"### {title}", "", *header, *rows]))
    return "\n\n".join(parts)


def lineage_columns(register: Register) -> list[list[str]]:
    """Records in the lineage by generation: a record stands one column right of the latest
    record it replaces, so 2019 → 2020 → 2021 is a chain of three columns and every record
    appears once."""
    pairs = lineage_pairs(register)
    nodes = {d.id for pair in pairs for d in pair}
    depth: dict[str, int] = {}

    def generation(did: str) -> int:
        # The validator rules out cycles, so this recursion ends.
        if did not in depth:
            before = [p for p in register.decisions[did].voorgangers if p in nodes]
            depth[did] = 1 + max((generation(p) for p in before), default=-1)
        return depth[did]

    columns: list[list[str]] = []
    for did in sorted(nodes):
        index = generation(did)
        columns.extend([] for _ in range(index + 1 - len(columns)))
        columns[index].append(did)
    return columns


def lineage_svg(register: Register, base_url: str = "") -> str:
    """One column per generation (older left, newer right) joined by lines; partial
    succession dashed.

    Presentation attributes only (no style attributes): the CSP forbids inline styles.
    """
    pairs = lineage_pairs(register)
    if not pairs:
        return ""
    columns = lineage_columns(register)
    box_w, box_h, gap, top, step = 200, 26, 10, 40, 390
    xs = [10 + i * step for i in range(len(columns))]
    rows = max(len(ids) for ids in columns)
    height = top + rows * (box_h + gap) + 10
    width = xs[-1] + box_w + 10
    place = {did: (c, i) for c, ids in enumerate(columns) for i, did in enumerate(ids)}

    def y_of(did: str) -> float:
        # Centre a shorter column against the longest one.
        column, index = place[did]
        offset = (rows - len(columns[column])) * (box_h + gap) / 2
        return top + offset + index * (box_h + gap)

    parts = [
        f'<svg class="besluiten-stamboom" viewBox="0 0 {width} {height}" width="100%" '
        'role="img" aria-labelledby="stamboom-titel stamboom-uitleg" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="stamboom-titel">Stamboom van de besluiten</title>',
        '<desc id="stamboom-uitleg">Links de oudere besluiten, rechts de besluiten die ervoor '
        "in de plaats kwamen. Een stippellijn betekent gedeeltelijke opvolging. Dezelfde "
        "gegevens staan in de tabel hierboven.</desc>",
    ]
    for column, (ids, x) in enumerate(zip(columns, xs, strict=True)):
        word = "Eerder" if column == 0 else "Later" if column == len(columns) - 1 else "Daarna"
        years = sorted({register.decisions[i].datum[:4] for i in ids})
        span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
        parts.append(
            f'<text x="{x}" y="22" font-size="14" font-weight="bold" '
            f'fill="#1a1a1a">{word} ({span})</text>'
        )
    for old, new in pairs:
        y1, y2 = y_of(old.id) + box_h / 2, y_of(new.id) + box_h / 2
        dash = ' stroke-dasharray="6 4"' if old.meta.get("opvolging") == "gedeeltelijk" else ""
        parts.append(
            f'<line x1="{xs[place[old.id][0]] + box_w}" y1="{y1:.1f}" '
            f'x2="{xs[place[new.id][0]]}" y2="{y2:.1f}" '
            f'stroke="#3f51b5" stroke-width="2"{dash}/>'
        )
    for ids, x in zip(columns, xs, strict=True):
        for did in ids:
            y = y_of(did)
            parts.append(
                f'<rect x="{x}" y="{y:.1f}" width="{box_w}" height="{box_h}" rx="4" '
                'fill="#e8eaf6" stroke="#3f51b5"/>'
                f'<text x="{x + 10}" y="{y + 17:.1f}" font-size="13" fill="#1a1a1a">'
                f"{escape(did)} ({escape(register.decisions[did].status)})</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def links_for(register: Register, from_src: str, predicate) -> str:
    chosen = [d for d in register.sorted() if predicate(d)]
    if not chosen:
        return ""
    return "\n".join(f"- {link(from_src, d)} ({d.status}, {format_date(d.datum)})" for d in chosen)


# ------------------------------------------------------------------ MkDocs events

_state: dict[str, object] = {}


def load_for_build(docs_dir: Path) -> Register:
    try:
        register = validate_folder(decisions_folder())
    except DecisionError as exc:
        from mkdocs.exceptions import PluginError

        raise PluginError(
            "De besluiten in decisions/ bevatten fouten:\n"
            + "\n".join(f"  - {m}" for m in exc.messages)
        ) from None
    dates = git_dates(register.folder)
    for decision in register.decisions.values():
        changed = dates.get(decision.path.name)
        decision.changed = format_date(changed) if changed else None
    return register


def on_files(files, config):
    from mkdocs.structure.files import File, InclusionLevel

    docs_dir = Path(config["docs_dir"])
    register = load_for_build(docs_dir)
    existing = {f.src_uri for f in files}
    existing |= {record_src(i) for i in register.decisions}
    site = Site(existing=existing, ambitions=ambition_names(docs_dir))
    _state.update(register=register, site=site)
    generated = [(record_src(d.id), record_markdown(d, register, site)) for d in register.sorted()]
    generated += [
        (filter_src(slug), filter_page(slug, register, site))
        for slug in filter_views(register, site)
    ]
    for src, content in generated:
        file = File.generated(config, src, content=content)
        # Reached from the register, not from the menu: 1,000 records must not bloat the nav.
        file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    return files


def current() -> tuple[Register, Site]:
    """The register of the running build (for the macros), loaded on demand otherwise."""
    if "register" not in _state:
        register = validate_folder(decisions_folder())
        _state.update(register=register, site=Site(existing=set(), ambitions={}))
    return _state["register"], _state["site"]


def on_serve(server, config, builder):
    # The records live outside docs/, so `mkdocs serve` must be told to watch them.
    server.watch(str(decisions_folder()))
    return server
