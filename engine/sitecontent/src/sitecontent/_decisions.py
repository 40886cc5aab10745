"""Decision records (``decisions/*.md``): schema, loading and validation.

Why an own model and not the ``mkdocs-decision-records`` plugin (evaluated from its PyPI
documentation, versions 1.2 to 3.2): that plugin expects the records inside ``docs/``, a
full ``YYYY-MM-DD`` date, numeric ids and a single ``superseded_by``, and gives English
messages. Here the records stay at the top level, the sources often only give a year, one
2020 principle replaces two 2019 points (several predecessors, partial succession), both
sides of a link must agree, and editors need one Dutch line per problem.

The build, the tests and the new-decision command all call ``load_register``, so they run
exactly the same checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ._dates import normalise_date, valid_date
from ._document_labels import LABELS_FILE, DocumentLabel, label_key, load_labels
from ._errors import ContentError
from ._goals import Goals
from ._ids import DECISION_ID
from ._markdown import body_problems
from ._paths import shown
from ._text import file_text_problem, value_problems
from ._yaml import (
    TOP_KEY,
    YAMLError,
    YamlMapping,
    error_line,
    error_text,
    load_yaml,
    split_front_matter,
    top_level,
    written,
)

STATUSES = {
    # Dutch value -> MADR 4 value, shown in CONTRIBUTING.md.
    "voorgesteld": "proposed",
    "vastgesteld": "accepted",
    "vervangen": "superseded",
    "ingetrokken": "deprecated",
}
SUCCESSION = ("volledig", "gedeeltelijk")
# After a partial succession: does the rest still hold, or do the sources leave it open?
REST = ("geldt", "onbekend")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")

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
    "regio": (True, "str", "de regio als tekst, zoals het regiobestand haar noemt"),
    "bron": (True, "source", "een blok met 'document' (titel) en 'hoofdstuk'"),
    "voorgangers": (False, "idlist", "een lijst met ids van bestaande besluiten"),
    "opvolgers": (False, "idlist", "een lijst met ids van bestaande besluiten"),
    "opvolging": (False, "succession", "volledig of gedeeltelijk"),
    "opvolging_toelichting": (False, "str", "één zin die uitlegt wat wel en niet overging"),
    "opvolging_rest": (
        False,
        "rest",
        "geldt of onbekend: of het deel dat niet overging nog geldt volgens de bronnen",
    ),
    "ambities": (False, "ambitions", "een lijst met nummers van ambities uit de doelen"),
    "rekenhulpen": (False, "names", "een lijst met namen van rekenhulpen, zoals verdeelsleutel"),
    "parameters": (False, "mapping", "een blok met vaste waarden uit het besluit"),
}


PLACEHOLDER = "nog in te vullen"


@dataclass
class Decision:
    id: str
    path: Path
    meta: YamlMapping  # checked against SCHEMA when loaded
    body: str
    changed: str | None = None
    # field -> line in the file, for messages that name the line
    lines: dict[str, int] = field(default_factory=dict)

    def at(self, name: str) -> str:
        line = self.lines.get(name)
        return f"{shown(self.path)} regel {line}" if line else shown(self.path)

    @property
    def status(self) -> str:
        status: str = self.meta["status"]  # one of STATUSES
        return status

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
        datum: str = self.meta["datum"]  # text, made so by normalise_date
        return datum


@dataclass
class Register:
    folder: Path
    decisions: dict[str, Decision] = field(default_factory=dict)
    #: what the site says about a source document, by its title (``_bronnen.yml``)
    labels: dict[str, DocumentLabel] = field(default_factory=dict)

    def label(self, decision: Decision) -> DocumentLabel | None:
        """The label of the document a record comes from, or None."""
        return self.labels.get(label_key(decision.meta["bron"]["document"]))

    def sorted(self) -> list[Decision]:
        return sorted(self.decisions.values(), key=lambda d: (d.datum[:4], d.id))

    def superseded(self) -> dict[str, list[str]]:
        """Replaced records (status ``vervangen``) and the records that replaced them."""
        return {d.id: d.opvolgers for d in self.sorted() if d.status == "vervangen"}

    def count(self, status: str | None = None) -> int:
        return sum(1 for d in self.decisions.values() if status in (None, d.status))


def record_files(folder: Path) -> list[Path]:
    # Files starting with "_" (the template) are not records.
    return sorted(p for p in folder.glob("*.md") if not p.name.startswith("_"))


TEMPLATE_NAME = "_template.md"
_ID_IN_NAME = re.compile(r"([a-z]{2}-\d{4}-\d{2,3})", re.IGNORECASE)


def folder_problems(folder: Path) -> list[str]:
    """Files the build would never publish: a record with another extension (.MD, .md.txt,
    .yaml), in a subfolder, or anything else that is no record. Silently skipping them would
    leave a decision off the site with every check green. Hidden files (an editor's swap
    file, .gitkeep) are not content and are left alone."""
    problems = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_file() and (path.suffix == ".md" or path.name == LABELS_FILE):
            continue  # a record (or the template); a record's name is checked against its id
        problems.extend(_misplaced(folder, path))
    return problems


def _misplaced(folder: Path, path: Path) -> list[str]:
    if path.is_dir():
        inside = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        if not inside:
            return [f"{shown(path)}: een lege map hoort niet in {shown(folder)}; verwijder haar."]
        return [
            f"{shown(p)}: submappen worden niet gelezen, dus dit besluit komt niet op de site; "
            f"zet het als {shown(folder / _expected_name(p))} direct in {shown(folder)}."
            for p in inside
        ]
    return [
        f"{shown(path)}: dit bestand komt niet op de site; een besluit heet "
        f"reeks-jaar-nummer.md, in kleine letters. Hernoem het naar {_expected_name(path)}"
        + (
            " (met de gegevens tussen twee regels '---' bovenaan)"
            if path.suffix in (".yaml", ".yml")
            else ""
        )
        + ", of haal het weg als het geen besluit is."
    ]


def _expected_name(path: Path) -> str:
    found = _ID_IN_NAME.search(path.name)
    return (
        f"{found.group(1).lower()}.md"
        if found
        else "reeks-jaar-nummer.md (bijvoorbeeld up-2021-01.md)"
    )


def _check_field(name: str, value: object, kind: str) -> bool:
    if kind == "id":
        return isinstance(value, str) and bool(DECISION_ID.fullmatch(value))
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if kind == "str":
        return isinstance(value, str) and value.strip() != ""
    if kind == "status":
        return value in STATUSES
    if kind == "date":
        return isinstance(value, str) and valid_date(value)
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
            isinstance(v, str) and DECISION_ID.fullmatch(v) for v in value
        )
    if kind == "succession":
        return value in SUCCESSION
    if kind == "rest":
        return value in REST
    if kind == "ambitions":
        return isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value
        )
    if kind == "names":
        return isinstance(value, list) and all(
            isinstance(v, str) and NAME_PATTERN.fullmatch(v) for v in value
        )
    if kind == "mapping":
        return isinstance(value, dict)
    raise AssertionError(name)


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
        f"{shown(path)} regel {', '.join(map(str, numbers))}: {where} bevat nog "
        f"'{PLACEHOLDER}' uit het sjabloon; vul dit in voordat het besluit gepubliceerd wordt."
        for where, numbers in found.items()
    ]


def _rule_problems(meta: YamlMapping, path: Path, at: Callable[[str], str]) -> list[str]:
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
    if "opvolging_rest" in meta and meta.get("opvolging") != "gedeeltelijk":
        problems.append(
            f"{at('opvolging_rest')}: veld 'opvolging_rest' hoort alleen bij 'opvolging: "
            "gedeeltelijk'; haal het weg of zet de opvolging op gedeeltelijk."
        )
    return problems


def _read_text(path: Path, problems: list[str]) -> str | None:
    """The file as text, or None with a Dutch line when it cannot be published as is."""
    file = shown(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{file}: het bestand is geen UTF-8-tekst; sla het op als UTF-8.")
        return None
    bad = file_text_problem(text)
    if bad:
        problems.append(f"{file} regel {bad[0]}: {bad[1]}")
        return None
    return text


def _parse_head(path: Path, problems: list[str]) -> tuple[YamlMapping, str, str] | None:
    """Front matter (as data and as written) and body of a record, or None with a problem."""
    file = shown(path)
    text = _read_text(path, problems)
    if text is None:
        return None
    raw, body = split_front_matter(text)
    if raw is None:
        problems.append(
            f"{file}: de kop met gegevens ontbreekt; het bestand moet beginnen met een regel "
            "'---', dan de velden, dan weer '---'."
        )
        return None
    try:
        meta = load_yaml(raw, first_line=2) or {}
    except YAMLError as exc:
        line = error_line(exc)
        where = f" regel {line + 2}" if line is not None else ""
        problems.append(f"{file}{where}: in de kop met gegevens: {error_text(exc)}")
        return None
    if not isinstance(meta, dict):
        problems.append(f"{file}: de kop met gegevens moet velden bevatten (naam: waarde).")
        return None
    return meta, raw, body


def _field_problems(meta: YamlMapping, heads: dict[str, tuple[int, str]], file: str) -> list[str]:
    """Each field on its own: known, present when required, of the right kind, and free of
    characters that do not belong in a one-line field."""

    def at(name: str) -> str:
        return f"{file} regel {heads[name][0]}" if name in heads else file

    problems = []
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
                problems.append(f"{file}: veld '{name}' ontbreekt; verwacht {expected}.")
            continue
        for problem in value_problems(meta[name], one_line=True)[:1]:
            problems.append(f"{at(name)}: veld '{name}': {problem}")
        if not _check_field(name, meta[name], kind):
            shown_value = written(heads[name][1]) if name in heads else str(meta[name])
            if not shown_value.startswith(("'", '"')):
                shown_value = f"'{shown_value}'"
            problems.append(
                f"{at(name)}: veld '{name}' heeft de ongeldige waarde {shown_value}; "
                f"verwacht {expected}."
            )
    return problems


def load_record(path: Path, problems: list[str]) -> Decision | None:
    file = shown(path)
    parsed = _parse_head(path, problems)
    if parsed is None:
        return None
    meta, raw, body = parsed
    if "datum" in meta:
        meta["datum"] = normalise_date(meta["datum"])
    heads = top_level(raw, first_line=2)
    lines = {name: line for name, (line, _) in heads.items()}

    def at(name: str) -> str:
        return f"{file} regel {lines[name]}" if name in lines else file

    found = _field_problems(meta, heads, file)
    body_start = raw.count("\n") + 4  # file line of the body's first line
    for line, problem in body_problems(body):
        where = f" regel {body_start + line - 1}" if line else ""
        found.append(f"{file}{where}: in de tekst: {problem}")
    problems.extend(found)
    if found:
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


def _link_problems(known: dict[str, Decision], unreadable: set[str]) -> list[str]:
    """Links to records that do not exist, to the record itself, or on one side only."""
    problems: list[str] = []
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
    return problems


def _ambition_problems(decision: Decision, goals: Goals) -> list[str]:
    """Ambitions the site's goals do not have (a site without goals has none)."""
    unknown = [number for number in decision.ambities if number not in goals.ambitions]
    if not unknown:
        return []
    return [
        f"{decision.at('ambities')}: veld 'ambities' heeft de ongeldige waarde '{unknown[0]}'; "
        f"verwacht nummers van ambities uit de doelen van deze site ({goals.numbers_text()})."
    ]


def load_register(
    folder: Path | str, allow_placeholders: bool = False, goals: Goals | None = None
) -> Register:
    """Load and check every record in ``folder``; raise ContentError with all problems.

    ``allow_placeholders`` is for the new-decision command only: its fresh record still
    holds the template's "nog in te vullen", which the build refuses. ``goals``: the site's
    goals, which every record's ambitions must be in (the build always gives them).
    """
    folder = Path(folder)
    problems: list[str] = []
    if not folder.is_dir():
        raise ContentError([f"{shown(folder)}: de map met besluiten bestaat niet."])
    problems.extend(folder_problems(folder))
    register = Register(folder)
    try:
        register.labels = load_labels(folder)
    except ContentError as exc:
        problems.extend(exc.messages)
    # Records that could not be read still exist: links to them are not reported twice.
    unreadable: set[str] = set()
    for path in record_files(folder):
        decision = load_record(path, problems)
        if decision is not None and not allow_placeholders:
            problems.extend(placeholder_problems(path))
        if decision is None:
            unreadable.add(path.stem)
            continue
        if goals is not None:
            problems.extend(_ambition_problems(decision, goals))
        if decision.id in register.decisions:
            other = register.decisions[decision.id].path.name
            problems.append(
                f"{decision.at('id')}: veld 'id' ({decision.id}) komt ook voor in {other}; "
                "verwacht een id dat maar één keer voorkomt."
            )
            continue
        register.decisions[decision.id] = decision
    known = register.decisions
    problems.extend(_link_problems(known, unreadable))
    cycle = _find_cycle(known)
    if cycle:
        first = known[cycle[0]]
        problems.append(
            f"{first.at('opvolgers')}: veld 'opvolgers' maakt een kring: "
            + " → ".join(cycle)
            + "; verwacht dat een besluit nooit (via andere) zijn eigen opvolger is."
        )
    if problems:
        raise ContentError(problems)
    return register
