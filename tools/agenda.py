"""Beleidsagenda data: load and validate the yearly agenda files, start a new year.

One YAML file per year, ``docs/beleidsagenda/<jaar>.yaml``. Plain standard library plus
PyYAML, so the build hook, the macros, the tests and the editor command share one
validator. Every problem becomes one Dutch line naming the file, the line, the activity and
the field, because editors read these messages, not tracebacks.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
AGENDA_DIR = ROOT / "docs" / "beleidsagenda"
GOALS_FILE = ROOT / "docs" / "regiovisie" / "doelen.yaml"
# Same folder as the decisions hook (hooks/decisions.py), which honours BESLUITEN_MAP.
DECISIONS_DIR = Path(os.environ.get("BESLUITEN_MAP") or ROOT / "decisions")

TBD = "nog te bepalen"
STATUSES = ("gepland", "lopend", "afgerond", "vervallen")
OPEN_STATUSES = ("gepland", "lopend")
SCALES = ("regionaal", "subregionaal", "lokaal")
REQUIRED = ("id", "titel", "ambitie", "doel", "schaal", "trekker", "planning", "budget", "status")
OPTIONAL = ("omschrijving", "financiering", "voortgang", "besluiten", "bron")
# `bron`: every figure on the site names its source (tests/content/test_data_sources.py), so
# a budget needs one, for one activity or for the whole file.
TOP_LEVEL = ("jaar", "toelichting", "bron", "activiteiten")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GOAL_RE = re.compile(r"^([1-9][0-9]*)\.([1-9][0-9]*)$")
# Same form as hooks/decisions.py ID_PATTERN: any two-letter series CONTRIBUTING allows.
DECISION_RE = re.compile(r"^[a-z]{2}-\d{4}-\d{2,3}$")
PLANNING_RE = re.compile(r"^(\d{4})(?: Q[1-4])?(?:-(\d{4})(?: Q[1-4])?)?$")
YEAR_FILE_RE = re.compile(r"^(\d{4})\.yaml$")
# Whole euros (25000) or euros and cents with a decimal comma ("3000,55"), as text.
BUDGET_TEXT_RE = re.compile(r"^(\d+)(?:,(\d{2}))?$")
BUDGET_HOW = (
    "schrijf hele euro's als getal zonder punten (bijvoorbeeld 25000), euro's met centen als "
    f"tekst tussen aanhalingstekens met een komma (bijvoorbeeld \"3000,55\"), of precies '{TBD}'"
)


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text.

    PyYAML turns an unquoted 2023-13-01 into a date and raises a bare ValueError
    ("month must be in 1..12") that names no file; as text it reaches the validator, which
    says in Dutch which file, line and field is wrong.
    """


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str):
    return yaml.load(text, Loader=TextDateLoader)


def budget_cents(value) -> int | None:
    """A budget in whole cents, or None when it is not an unambiguous amount.

    A YAML float is refused: ``25.000`` (Dutch for twenty-five thousand) reads as 25.0, and
    a float cannot tell the two apart.
    """
    if isinstance(value, bool) or isinstance(value, float):
        return None
    if isinstance(value, int):
        return value * 100 if value >= 0 else None
    if isinstance(value, str):
        found = BUDGET_TEXT_RE.match(value.strip())
        if found:
            return int(found.group(1)) * 100 + int(found.group(2) or 0)
    return None


def euro_text(amount: float, symbol: bool = True) -> str:
    """The one euro notation of the site: € 12.500 or € 12.500,50 on pages, 12500 or
    12500,50 in the CSV; both round to the cent the same way."""
    cents = round(amount * 100)
    whole, rest = divmod(abs(cents), 100)
    text = f"{whole:,}".replace(",", ".") if symbol else str(whole)
    if rest:
        text += f",{rest:02d}"
    sign = "− " if symbol else "-"
    return (sign if cents < 0 else "") + (f"€ {text}" if symbol else text)


class AgendaError(Exception):
    """The agenda data is invalid; ``messages`` holds one Dutch line per problem."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class Goals:
    """Pillars, ambitions and goals of the regiovisie (``docs/regiovisie/doelen.yaml``)."""

    pillars: dict[int, str]
    ambitions: dict[int, dict]  # nummer -> {"naam", "pijler", "doelen": {"N.M": goal}}

    def goal(self, goal_id: str) -> dict | None:
        match = GOAL_RE.match(goal_id)
        if not match:
            return None
        ambition = self.ambitions.get(int(match.group(1)))
        return ambition["doelen"].get(goal_id) if ambition else None

    def all_goals(self) -> list[tuple[int, str, dict]]:
        return [
            (number, goal_id, goal)
            for number, ambition in sorted(self.ambitions.items())
            for goal_id, goal in ambition["doelen"].items()
        ]


def load_goals(path: Path = GOALS_FILE) -> Goals:
    data = load_yaml(Path(path).read_text(encoding="utf-8"))
    pillars = {int(p["nummer"]): str(p["naam"]) for p in data["pijlers"]}
    ambitions = {}
    for ambition in data["ambities"]:
        number = int(ambition["nummer"])
        ambitions[number] = {
            "nummer": number,
            "naam": str(ambition["naam"]),
            "pijler": int(ambition["pijler"]),
            "doelen": {
                f"{number}.{int(goal['nummer'])}": {
                    "id": f"{number}.{int(goal['nummer'])}",
                    "naam": str(goal["naam"]),
                    "omschrijving": str(goal.get("omschrijving", "")).strip(),
                    "schaal": list(goal.get("schaal") or []),
                }
                for goal in ambition.get("doelen") or []
            },
        }
    return Goals(pillars=pillars, ambitions=ambitions)


@dataclass
class Agenda:
    year: int
    path: Path
    activities: list[dict]
    toelichting: str = ""
    lines: dict[str, int] = field(default_factory=dict)  # activity id -> line in the file
    # activity id -> field -> line, so a warning can point at the field itself
    field_lines: dict[str, dict[str, int]] = field(default_factory=dict)


def agenda_files(directory: Path = AGENDA_DIR) -> dict[int, Path]:
    """The agenda files in a folder, by year, oldest first."""
    found = {}
    for path in Path(directory).glob("*.yaml"):
        match = YEAR_FILE_RE.match(path.name)
        if match:
            found[int(match.group(1))] = path
    return dict(sorted(found.items()))


def _display(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _item_lines(text: str) -> list[tuple[int, dict[str, int], dict[str, str]]]:
    """Line of each activity and of each of its keys (1-based), and each value as written,
    for messages: ``25.000`` must be quoted back as the editor typed it, not as 25.0."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "activiteiten" and isinstance(value, yaml.SequenceNode):
            result = []
            for item in value.value:
                keys, raws = {}, {}
                if isinstance(item, yaml.MappingNode):
                    keys = {k.value: k.start_mark.line + 1 for k, _ in item.value}
                    raws = {
                        k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)
                    }
                result.append((item.start_mark.line + 1, keys, raws))
            return result
    return []


def _top_lines(text: str) -> dict[str, int]:
    """Line of each top-level key (1-based), for messages about 'jaar' and the like."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in root.value}


def scales_of(value) -> list[str]:
    """``schaal`` may be one word or a list ("regionaal en lokaal" in the goals matrix)."""
    return [value] if isinstance(value, str) else list(value)


def decision_ids(decisions_dir: Path | None) -> set[str] | None:
    """Ids of the decision records, or None while the folder holds none yet."""
    if decisions_dir is None or not Path(decisions_dir).is_dir():
        return None
    # Files starting with "_" (the template) are not records.
    ids = {p.stem for p in Path(decisions_dir).glob("*.md") if not p.name.startswith("_")}
    return ids or None


def superseded_decisions(decisions_dir: Path | None = DECISIONS_DIR) -> dict[str, list[str]]:
    """Replaced decision records (status ``vervangen``) and what replaced them.

    Only the front matter is read; a record that cannot be read is left out here because
    the decisions hook already stops the build on it.
    """
    found: dict[str, list[str]] = {}
    if decisions_dir is None or not Path(decisions_dir).is_dir():
        return found
    for path in sorted(Path(decisions_dir).glob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
            head = re.match(r"\A---\s*\n(.*?)\n---", text, re.DOTALL)
            meta = load_yaml(head.group(1)) if head else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(meta, dict) and meta.get("status") == "vervangen":
            found[path.stem] = [str(s) for s in meta.get("opvolgers") or []]
    return found


def stale_decision_links(agenda: Agenda, superseded: dict[str, list[str]]) -> list[str]:
    """A warning per activity that links a replaced decision: the link still works, but the
    reader should find the decision that applies now."""
    name = _display(agenda.path)
    warnings = []
    for activity in agenda.activities:
        for decision in activity["besluiten"]:
            if decision in superseded:
                line = agenda.field_lines.get(activity["id"], {}).get("besluiten", 0)
                newer = ", ".join(superseded[decision]) or "een nieuwer besluit"
                warnings.append(
                    f"{name} regel {line}, activiteit "
                    f"'{activity['id']}', veld 'besluiten': besluit {decision} is vervangen "
                    f"door {newer}; verwijs naar het besluit dat nu geldt."
                )
    return warnings


def validate_agenda(
    path: Path,
    goals: Goals,
    decisions_dir: Path | None = DECISIONS_DIR,
) -> list[str]:
    """All problems in one agenda file, one Dutch line each; empty when the file is fine."""
    path = Path(path)
    name = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = load_yaml(text)
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{name}: het bestand is niet te lezen ({exc})."]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" regel {mark.line + 1}" if mark else ""
        return [
            f"{name}{where}: dit is geen geldige YAML; controleer inspringing en dubbele punten."
        ]

    errors: list[str] = []
    match = YEAR_FILE_RE.match(path.name)
    if not isinstance(data, dict):
        return [f"{name}: verwacht de velden 'jaar' en 'activiteiten' bovenaan het bestand."]
    top = _top_lines(text)

    def at(key: str) -> str:
        return f"{name} regel {top[key]}" if key in top else name

    for key in data:
        if key not in TOP_LEVEL:
            errors.append(
                f"{at(str(key))}, veld '{key}': onbekend veld bovenaan het bestand; "
                f"toegestaan zijn {', '.join(TOP_LEVEL)}."
            )
    year = data.get("jaar")
    if not match:
        errors.append(f"{name}: de bestandsnaam moet het jaar zijn, bijvoorbeeld 2023.yaml.")
    elif year != int(match.group(1)):
        errors.append(
            f"{at('jaar')}, veld 'jaar': de waarde {year!r} hoort gelijk te zijn aan het jaar "
            f"in de bestandsnaam ({match.group(1)})."
        )
    activities = data.get("activiteiten")
    if not isinstance(activities, list) or not activities:
        errors.append(
            f"{at('activiteiten')}, veld 'activiteiten': verwacht een lijst met minstens één "
            "activiteit."
        )
        return errors

    known_decisions = decision_ids(decisions_dir)
    lines = _item_lines(text)
    seen: dict[str, int] = {}
    for index, activity in enumerate(activities):
        item_line, key_lines, raws = lines[index] if index < len(lines) else (0, {}, {})
        if not isinstance(activity, dict):
            errors.append(
                f"{name} regel {item_line}, activiteit nr. {index + 1}: verwacht velden "
                "als 'id: …', 'titel: …'."
            )
            continue
        label = str(activity.get("id", f"nr. {index + 1}"))

        def problem(field_name: str, message: str, _label=label, _keys=key_lines, _at=item_line):
            line = _keys.get(field_name, _at)
            errors.append(
                f"{name} regel {line}, activiteit '{_label}', veld '{field_name}': {message}"
            )

        for key in activity:
            if key not in REQUIRED and key not in OPTIONAL:
                problem(
                    str(key),
                    "onbekend veld; controleer de spelling (toegestane velden staan op de "
                    "overzichtspagina van de beleidsagenda).",
                )
        for key in REQUIRED:
            if key not in activity or activity[key] is None or activity[key] == "":
                problem(key, "dit verplichte veld ontbreekt of is leeg.")

        ident = activity.get("id")
        if ident is not None and ident != "":
            ident = str(ident)
            if not ID_RE.match(ident):
                problem(
                    "id",
                    f"'{ident}' is geen geldige id; gebruik kleine letters, cijfers en "
                    "streepjes, bijvoorbeeld 5-1-b.",
                )
            elif ident in seen:
                problem(
                    "id", f"de id '{ident}' komt al voor op regel {seen[ident]}; kies een andere."
                )
            else:
                seen[ident] = item_line

        ambition = activity.get("ambitie")
        ambition_ok = False
        if ambition is not None and ambition != "":
            if isinstance(ambition, bool) or not isinstance(ambition, int):
                problem("ambitie", f"'{ambition}' is geen nummer van een ambitie (1 tot en met 7).")
            elif ambition not in goals.ambitions:
                problem(
                    "ambitie",
                    f"ambitie {ambition} bestaat niet; de regiovisie kent ambitie "
                    f"{min(goals.ambitions)} tot en met {max(goals.ambitions)}.",
                )
            else:
                ambition_ok = True

        goal = activity.get("doel")
        if goal is not None and goal != "":
            goal = str(goal)
            if goals.goal(goal) is None:
                problem(
                    "doel",
                    f"doel '{goal}' staat niet in de doelen van de regiovisie; schrijf het als "
                    "ambitie.doel, bijvoorbeeld 1.2.",
                )
            elif ambition_ok and not goal.startswith(f"{ambition}."):
                problem("doel", f"doel {goal} hoort niet bij ambitie {ambition}.")

        scale = activity.get("schaal")
        if scale is not None and scale != "":
            values = scales_of(scale) if isinstance(scale, (str, list)) else [scale]
            bad = [v for v in values if v not in SCALES]
            if bad or not values or len(set(values)) != len(values):
                problem(
                    "schaal",
                    f"'{', '.join(map(str, bad or values))}' is geen geldige schaal; kies uit "
                    f"{', '.join(SCALES)} (of een lijst daarvan, zonder dubbele).",
                )

        for key in ("titel", "trekker", "omschrijving", "financiering", "voortgang", "bron"):
            value = activity.get(key)
            if value is not None and not isinstance(value, str):
                problem(key, "verwacht tekst.")

        planning = activity.get("planning")
        if planning is not None and planning != "":
            planning = str(planning)
            found = PLANNING_RE.match(planning)
            if not found or (found.group(2) and found.group(2) < found.group(1)):
                problem(
                    "planning",
                    f"'{planning}' is geen geldige planning; schrijf bijvoorbeeld 2022, "
                    "2022 Q3 of 2022-2023.",
                )

        budget = activity.get("budget")
        if budget is not None and budget != "" and budget != TBD:
            if budget_cents(budget) is not None and not (data.get("bron") or activity.get("bron")):
                problem(
                    "budget",
                    "een bedrag heeft een bron nodig; zet 'bron: …' (bijvoorbeeld de begroting "
                    "met het hoofdstuk) bij deze activiteit of bovenaan het bestand.",
                )
            if budget_cents(budget) is None:
                written = raws.get("budget", str(budget))
                problem(
                    "budget",
                    f"'{written}' is geen eenduidig bedrag (een punt of komma kan hier "
                    f"duizendtallen of centen betekenen, en een budget is nooit negatief); "
                    f"{BUDGET_HOW}.",
                )

        status = activity.get("status")
        if status is not None and status != "" and status not in STATUSES:
            problem("status", f"'{status}' is geen geldige status; kies uit {', '.join(STATUSES)}.")

        decisions = activity.get("besluiten")
        if decisions is not None:
            if not isinstance(decisions, list):
                problem("besluiten", "verwacht een lijst, bijvoorbeeld [bp-2019-05, up-2020-05].")
            else:
                for decision in decisions:
                    decision = str(decision)
                    if not DECISION_RE.match(decision):
                        problem(
                            "besluiten",
                            f"'{decision}' is geen geldige besluit-id; schrijf bijvoorbeeld "
                            "bp-2019-05 of up-2020-05.",
                        )
                    elif known_decisions is not None and decision not in known_decisions:
                        problem(
                            "besluiten",
                            f"besluit '{decision}' bestaat niet in de map decisions/.",
                        )
    return errors


def load_agenda(path: Path, goals: Goals, decisions_dir: Path | None = DECISIONS_DIR) -> Agenda:
    """A validated agenda; raises AgendaError with all problems otherwise."""
    errors = validate_agenda(path, goals, decisions_dir)
    if errors:
        raise AgendaError(errors)
    text = Path(path).read_text(encoding="utf-8")
    data = load_yaml(text)
    activities = []
    for item in data["activiteiten"]:
        activity = {key: item.get(key) for key in REQUIRED + OPTIONAL}
        activity["id"] = str(activity["id"])
        activity["doel"] = str(activity["doel"])
        activity["planning"] = str(activity["planning"])
        activity["schaal"] = scales_of(activity["schaal"])
        activity["besluiten"] = [str(d) for d in activity["besluiten"] or []]
        if activity["budget"] != TBD:
            # Euros as an exact number of cents / 100: page and CSV round alike.
            activity["budget"] = budget_cents(activity["budget"]) / 100
        for key in ("omschrijving", "financiering", "voortgang", "bron"):
            activity[key] = (activity[key] or "").strip()
        activities.append(activity)
    found = list(zip(activities, _item_lines(text), strict=False))
    lines = {a["id"]: line for a, (line, _, _) in found}
    field_lines = {a["id"]: keys for a, (_, keys, _) in found}
    return Agenda(
        year=int(data["jaar"]),
        path=Path(path),
        activities=activities,
        toelichting=str(data.get("toelichting") or "").strip(),
        lines=lines,
        field_lines=field_lines,
    )


def load_all(
    directory: Path = AGENDA_DIR,
    goals: Goals | None = None,
    decisions_dir: Path | None = DECISIONS_DIR,
) -> dict[int, Agenda]:
    """Every agenda in the folder; raises AgendaError listing the problems of all files."""
    goals = goals or load_goals()
    errors: list[str] = []
    agendas = {}
    for year, path in agenda_files(directory).items():
        try:
            agendas[year] = load_agenda(path, goals, decisions_dir)
        except AgendaError as exc:
            errors.extend(exc.messages)
    if errors:
        raise AgendaError(errors)
    return agendas
