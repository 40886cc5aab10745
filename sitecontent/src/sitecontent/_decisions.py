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
from dataclasses import dataclass, field
from pathlib import Path

from ._dates import normalise_date, valid_date
from ._errors import ContentError
from ._ids import DECISION_ID
from ._paths import shown
from ._yaml import TOP_KEY, YAMLError, error_line, key_lines, load_yaml, split_front_matter

STATUSES = {
    # Dutch value -> MADR 4 value, shown in CONTRIBUTING.md.
    "voorgesteld": "proposed",
    "vastgesteld": "accepted",
    "vervangen": "superseded",
    "ingetrokken": "deprecated",
}
SUCCESSION = ("volledig", "gedeeltelijk")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
AMBITIONS = range(1, 8)
# The records predate the regiovisie 2022-2026; their link to its ambitions is the editors'
# reading, and every place that shows such a link says so.
AMBITION_LINK_NOTE = (
    "De koppeling tussen besluiten en ambities is een lezing van de redactie van deze site. De "
    "besluiten van 2019 en 2020 zijn ouder dan de regiovisie en noemen de ambities zelf niet."
)

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
        return f"{shown(self.path)} regel {line}" if line else shown(self.path)

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

    def superseded(self) -> dict[str, list[str]]:
        """Replaced records (status ``vervangen``) and the records that replaced them."""
        return {d.id: d.opvolgers for d in self.sorted() if d.status == "vervangen"}

    def count(self, status: str | None = None) -> int:
        return sum(1 for d in self.decisions.values() if status in (None, d.status))


def record_files(folder: Path) -> list[Path]:
    # Files starting with "_" (the template) are not records.
    return sorted(p for p in folder.glob("*.md") if not p.name.startswith("_"))


def _check_field(name: str, value: object, kind: str) -> bool:
    if kind == "id":
        return isinstance(value, str) and bool(DECISION_ID.match(value))
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
            isinstance(v, str) and DECISION_ID.match(v) for v in value
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
    file = shown(path)
    try:
        raw, body = split_front_matter(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(f"{file}: het bestand is geen UTF-8-tekst; sla het op als UTF-8.")
        return None
    if raw is None:
        problems.append(
            f"{file}: de kop met gegevens ontbreekt; het bestand moet beginnen met een regel "
            "'---', dan de velden, dan weer '---'."
        )
        return None
    try:
        meta = load_yaml(raw) or {}
    except YAMLError as exc:
        line = error_line(exc)
        where = f" (regel {line + 2})" if line is not None else ""
        problems.append(
            f"{file}: de kop met gegevens is geen geldige YAML{where}; controleer "
            "dubbele punten, inspringing en aanhalingstekens."
        )
        return None
    if not isinstance(meta, dict):
        problems.append(f"{file}: de kop met gegevens moet velden bevatten (naam: waarde).")
        return None
    if "datum" in meta:
        meta["datum"] = normalise_date(meta["datum"])
    lines = key_lines(raw, first_line=2)

    def at(name: str) -> str:
        return f"{file} regel {lines[name]}" if name in lines else file

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
                problems.append(f"{file}: veld '{name}' ontbreekt; verwacht {expected}.")
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


def load_register(folder: Path | str, allow_placeholders: bool = False) -> Register:
    """Load and check every record in ``folder``; raise ContentError with all problems.

    ``allow_placeholders`` is for the new-decision command only: its fresh record still
    holds the template's "nog in te vullen", which the build refuses.
    """
    folder = Path(folder)
    problems: list[str] = []
    if not folder.is_dir():
        raise ContentError([f"{shown(folder)}: de map met besluiten bestaat niet."])
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
