"""The beleidsagenda: one YAML file per year (``docs/beleidsagenda/<jaar>.yaml``), its schema,
loading and validation.

Every problem becomes one Dutch line naming the file, the line, the activity and the field,
because editors read these messages, not tracebacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from calculators.core import money

from ._errors import ContentError
from ._goals import SCALES, Goals
from ._ids import DECISION_ID
from ._paths import shown
from ._text import file_text_problem, strip_bom, value_problems
from ._yaml import YAMLError, YamlMapping, error_line, error_text, load_yaml, top_level

TBD = "nog te bepalen"
STATUSES = ("gepland", "lopend", "afgerond", "vervallen")
OPEN_STATUSES = ("gepland", "lopend")
REQUIRED = ("id", "titel", "ambitie", "doel", "schaal", "trekker", "planning", "budget", "status")
OPTIONAL = ("omschrijving", "financiering", "voortgang", "besluiten", "bron")
# `bron`: every figure on the site names its source (tests/content/test_data_sources.py), so
# a budget needs one, for one activity or for the whole file.
TOP_LEVEL = ("jaar", "toelichting", "bron", "activiteiten")

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLANNING_RE = re.compile(r"^(\d{4})(?: Q[1-4])?(?:-(\d{4})(?: Q[1-4])?)?$")
YEAR_FILE_RE = re.compile(r"^(\d{4})\.yaml$")
YEAR_PAGE_RE = re.compile(r"^(\d{4})\.md$")
BUDGET_HOW = (
    "schrijf hele euro's als getal zonder punten en zonder voorloopnul (bijvoorbeeld 25000), "
    "euro's met centen als tekst tussen aanhalingstekens met een komma (bijvoorbeeld "
    f"\"3000,55\"), of precies '{TBD}'; het hoogste bedrag is "
    f"{money.euro(money.MAX_BUDGET_EUROS * 100, whole=True)}"
)
# Fields that hold one line; the others may hold paragraphs.
MULTI_LINE = ("omschrijving", "voortgang", "toelichting")

# Reports one problem of the activity being checked: problem(field, Dutch sentence).
type Problem = Callable[[str, str], None]


@dataclass
class Activity:
    id: str
    titel: str
    ambitie: int
    doel: str
    schaal: list[str]
    trekker: str
    planning: str
    budget_cent: int | None  # whole cents; None while the budget is TBD
    status: str
    omschrijving: str = ""
    financiering: str = ""
    voortgang: str = ""
    besluiten: list[str] = field(default_factory=list)
    bron: str = ""
    # field -> line in the file, so a warning can point at the field itself
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def budget_known(self) -> bool:
        return self.budget_cent is not None

    @property
    def goal_key(self) -> tuple[int, int]:
        ambition, goal = self.doel.split(".")
        return int(ambition), int(goal)


@dataclass
class Agenda:
    year: int
    path: Path
    activities: list[Activity]
    toelichting: str = ""
    # The source of the budgets, for the whole file (an activity may name its own).
    bron: str = ""


# The box a year page opens with, right under its title (docs/beleidsagenda/2022.md: "Geen
# vastgestelde agenda"). It is the one source of that label: every page that shows the year's
# activities repeats it from there, so the label travels with the agenda and is typed once.
_PAGE_LABEL = re.compile(
    r'\A(?:---\n.*?\n---\n)?\s*#[^\n]*\n+!!! (\w+) "([^"]+)"\n((?:    [^\n]*\n|\n)+)', re.S
)


@dataclass(frozen=True)
class YearLabel:
    """The admonition at the top of a year page: its kind ("warning"), title and text (one
    line of Markdown)."""

    kind: str
    title: str
    text: str

    def admonition(self, prefix: str = "") -> str:
        """The same box, to repeat on another page (Markdown); ``prefix`` goes before the
        title ("Beleidsagenda 2022: ") where the page shows more than one year."""
        title = (prefix + self.title).replace('"', "'")
        return f'!!! {self.kind} "{title}"\n    {self.text}\n'


def page_label(page: Path) -> YearLabel | None:
    """The box a year page of the agenda opens with, or None when it has none."""
    if not page.exists():
        return None
    found = _PAGE_LABEL.match(strip_bom(page.read_text(encoding="utf-8")))
    if found is None:
        return None
    body = " ".join(line.strip() for line in found.group(3).splitlines() if line.strip())
    return YearLabel(found.group(1), found.group(2), body)


def year_label(agenda: Agenda) -> YearLabel | None:
    """The label of a year (from its page next to the data file), or None."""
    return page_label(agenda.path.with_suffix(".md"))


def agenda_files(directory: Path) -> dict[int, Path]:
    """The agenda files in a folder, by year, oldest first."""
    found = {}
    for path in Path(directory).glob("*.yaml"):
        match = YEAR_FILE_RE.fullmatch(path.name)
        if match:
            found[int(match.group(1))] = path
    return dict(sorted(found.items()))


def folder_problems(directory: Path) -> list[str]:
    """Files in the agenda folder that the build would skip in silence: a year saved as
    .yml or .YAML, a copy named otherwise, a subfolder, or a year page without its data."""
    directory = Path(directory)
    problems = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue  # an editor's swap file or .gitkeep: not content
        year = re.search(r"(?<!\d)(\d{4})(?!\d)", path.name)
        expected = f"{year.group(1)}.yaml" if year else "<jaar>.yaml, bijvoorbeeld 2023.yaml"
        if path.is_dir():
            inside = sorted(p.name for p in path.rglob("*") if p.is_file())
            problems.append(
                f"{shown(path)}: submappen van {shown(directory)} worden niet gelezen "
                f"({', '.join(inside) or 'leeg'}); zet een agendajaar als <jaar>.yaml direct in "
                f"{shown(directory)}, of haal de map weg."
            )
        elif path.suffix == ".md":
            if YEAR_PAGE_RE.fullmatch(path.name) and not (directory / f"{path.stem}.yaml").exists():
                problems.append(
                    f"{shown(path)}: bij deze pagina hoort {path.stem}.yaml met de activiteiten, "
                    "maar dat bestand ontbreekt."
                )
        elif not YEAR_FILE_RE.fullmatch(path.name):
            problems.append(
                f"{shown(path)}: dit bestand komt niet op de site; een agendajaar heet "
                f"<jaar>.yaml. Hernoem het naar {expected}, of haal het weg."
            )
    return problems


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


def scales_of(value: str | Iterable[str]) -> list[str]:
    """``schaal`` may be one word or a list ("regionaal en lokaal" in the goals matrix)."""
    return [value] if isinstance(value, str) else list(value)


def stale_decision_links(agenda: Agenda, superseded: dict[str, list[str]]) -> list[str]:
    """A warning per activity that links a replaced decision: the link still works, but the
    reader should find the decision that applies now."""
    name = shown(agenda.path)
    warnings = []
    for activity in agenda.activities:
        for decision in activity.besluiten:
            if decision in superseded:
                line = activity.lines.get("besluiten", 0)
                newer = ", ".join(superseded[decision]) or "een nieuwer besluit"
                warnings.append(
                    f"{name} regel {line}, activiteit "
                    f"'{activity.id}', veld 'besluiten': besluit {decision} is vervangen "
                    f"door {newer}; verwijs naar het besluit dat nu geldt."
                )
    return warnings


def _check_fields(a: YamlMapping, problem: Problem) -> None:
    """Unknown fields (typos), missing required ones, and text where text belongs."""
    for key in a:
        if key not in REQUIRED and key not in OPTIONAL:
            problem(
                str(key),
                "onbekend veld; controleer de spelling (toegestane velden staan op de "
                "overzichtspagina van de beleidsagenda).",
            )
    for key in REQUIRED:
        if key not in a or a[key] is None or a[key] == "":
            problem(key, "dit verplichte veld ontbreekt of is leeg.")

    for key in ("titel", "trekker", "omschrijving", "financiering", "voortgang", "bron"):
        value = a.get(key)
        if value is not None and not isinstance(value, str):
            problem(key, "verwacht tekst.")
    for key, value in a.items():
        for message in value_problems(value, one_line=key not in MULTI_LINE)[:1]:
            problem(str(key), message)


def _check_id(a: YamlMapping, problem: Problem, seen: dict[str, int], item_line: int) -> None:
    """A well-formed id that no earlier activity in the file has."""
    ident = a.get("id")
    if ident is not None and ident != "":
        ident = str(ident)
        if not ID_RE.fullmatch(ident):
            problem(
                "id",
                f"'{ident}' is geen geldige id; gebruik kleine letters, cijfers en "
                "streepjes, bijvoorbeeld 5-1-b.",
            )
        elif ident in seen:
            problem("id", f"de id '{ident}' komt al voor op regel {seen[ident]}; kies een andere.")
        else:
            seen[ident] = item_line


def _check_place(a: YamlMapping, problem: Problem, goals: Goals, raws: dict[str, str]) -> None:
    """Ambition, goal (of that ambition) and scale, as the regiovisie has them."""
    ambition = a.get("ambitie")
    ambition_ok = False
    if ambition is not None and ambition != "":
        if isinstance(ambition, bool) or not isinstance(ambition, int):
            problem(
                "ambitie",
                f"'{raws.get('ambitie', ambition)}' is geen nummer van een ambitie "
                f"({goals.numbers_text()}).",
            )
        elif ambition not in goals.ambitions:
            problem(
                "ambitie",
                f"ambitie {ambition} bestaat niet; de doelen kennen ambitie "
                f"{goals.numbers_text()}.",
            )
        else:
            ambition_ok = True

    goal = a.get("doel")
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

    scale = a.get("schaal")
    if scale is not None and scale != "":
        values = scales_of(scale) if isinstance(scale, (str, list)) else [scale]
        bad = [v for v in values if v not in SCALES]
        if bad or not values or len(set(values)) != len(values):
            problem(
                "schaal",
                f"'{', '.join(map(str, bad or values))}' is geen geldige schaal; kies uit "
                f"{', '.join(SCALES)} (of een lijst daarvan, zonder dubbele).",
            )


def _check_values(
    a: YamlMapping, problem: Problem, raws: dict[str, str], file_source: bool
) -> None:
    """Planning, budget (unambiguous, with a source) and status."""
    planning = a.get("planning")
    if planning is not None and planning != "":
        planning = str(planning)
        found = PLANNING_RE.fullmatch(planning)
        if not found or (found.group(2) and found.group(2) < found.group(1)):
            problem(
                "planning",
                f"'{planning}' is geen geldige planning; schrijf bijvoorbeeld 2022, "
                "2022 Q3 of 2022-2023.",
            )

    budget = a.get("budget")
    if budget is not None and budget != "" and budget != TBD:
        if money.read_budget(budget) is not None and not (file_source or _text(a.get("bron"))):
            problem(
                "budget",
                "een bedrag heeft een bron nodig; zet 'bron: …' (bijvoorbeeld de begroting "
                "met het hoofdstuk) bij deze activiteit of bovenaan het bestand.",
            )
        if money.read_budget(budget) is None:
            written = raws.get("budget", str(budget))
            problem(
                "budget",
                f"'{written}' is geen eenduidig bedrag ({_why_not(written)}); {BUDGET_HOW}.",
            )

    status = a.get("status")
    if status is not None and status != "" and status not in STATUSES:
        problem("status", f"'{status}' is geen geldige status; kies uit {', '.join(STATUSES)}.")


def _why_not(written: str) -> str:
    """Why a budget as written is refused, in the editor's terms."""
    digits = written.strip().strip("\"'")
    if digits.startswith("-"):
        return "een budget is nooit negatief"
    if re.fullmatch(r"0\d+(,\d\d)?", digits):
        return "met een voorloopnul leest YAML het als een octaal getal"
    if re.fullmatch(r"\d+(,\d\d)?", digits):
        return "het is groter dan het hoogste bedrag"
    if ":" in digits:
        return "YAML leest getallen met een dubbele punt als zestigtallig: 1:30 wordt 90"
    if re.fullmatch(r"[\d.]+[eE][-+]?\d+", digits):
        return "een getal met een exponent is geen bedrag"
    if re.search(r"[.,]", digits):
        return "een punt of komma kan hier duizendtallen of centen betekenen"
    return "het is geen gewoon heel getal"


def _text(value: object) -> str:
    """Text as published: " " is no source and no title."""
    return value.strip() if isinstance(value, str) else ""


def _check_decisions(a: YamlMapping, problem: Problem, known: set[str] | None) -> None:
    """Decision ids of the one form, of records that exist (when known)."""
    decisions = a.get("besluiten")
    if decisions is not None:
        if not isinstance(decisions, list):
            problem("besluiten", "verwacht een lijst, bijvoorbeeld [bp-2019-05, up-2020-05].")
        else:
            for decision in decisions:
                decision = str(decision)
                if not DECISION_ID.fullmatch(decision):
                    problem(
                        "besluiten",
                        f"'{decision}' is geen geldige besluit-id; schrijf bijvoorbeeld "
                        "bp-2019-05 of up-2020-05.",
                    )
                elif known is not None and decision not in known:
                    problem(
                        "besluiten",
                        f"besluit '{decision}' bestaat niet in de map decisions/.",
                    )


def _file_problems(path: Path, data: YamlMapping, text: str) -> list[str]:
    """Problems at the top of the file: unknown fields, the year, the list of activities."""
    name = shown(path)
    errors: list[str] = []
    match = YEAR_FILE_RE.fullmatch(path.name)
    top = _top_lines(text)
    written_top = {name: written for name, (_, written) in top_level(text).items()}

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
    elif year != int(match.group(1)) or isinstance(year, bool):
        errors.append(
            f"{at('jaar')}, veld 'jaar': de waarde '{written_top.get('jaar', '')}' hoort gelijk "
            f"te zijn aan het jaar in de bestandsnaam ({match.group(1)})."
        )
    for key in ("toelichting", "bron"):
        for message in value_problems(data.get(key), one_line=key not in MULTI_LINE)[:1]:
            errors.append(f"{at(key)}, veld '{key}': {message}")
    activities = data.get("activiteiten")
    if not isinstance(activities, list) or not activities:
        errors.append(
            f"{at('activiteiten')}, veld 'activiteiten': verwacht een lijst met minstens één "
            "activiteit."
        )
    return errors


def validate_agenda(
    path: Path, goals: Goals, decision_ids: Collection[str] | None = None
) -> list[str]:
    """All problems in one agenda file, one Dutch line each; empty when the file is fine.

    ``decision_ids``: the records an activity may link; None skips that check."""
    path = Path(path)
    name = shown(path)
    try:
        text = strip_bom(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        return [f"{name}: het bestand is geen UTF-8-tekst; sla het op als UTF-8."]
    except OSError:
        return [f"{name}: het bestand is niet te lezen."]
    bad = file_text_problem(text)
    if bad:
        return [f"{name} regel {bad[0]}: {bad[1]}"]
    try:
        data = load_yaml(text)
    except YAMLError as exc:
        line = error_line(exc)
        where = f" regel {line + 1}" if line is not None else ""
        return [f"{name}{where}: {error_text(exc)}"]

    if not isinstance(data, dict):
        return [f"{name}: verwacht de velden 'jaar' en 'activiteiten' bovenaan het bestand."]
    errors = _file_problems(path, data, text)
    activities = data.get("activiteiten")
    if not isinstance(activities, list) or not activities:
        return errors

    known_decisions = set(decision_ids) if decision_ids is not None else None
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

        def problem(
            field_name: str,
            message: str,
            _label: str = label,
            _keys: dict[str, int] = key_lines,
            _at: int = item_line,
        ) -> None:
            line = _keys.get(field_name, _at)
            errors.append(
                f"{name} regel {line}, activiteit '{_label}', veld '{field_name}': {message}"
            )

        _check_fields(activity, problem)
        _check_id(activity, problem, seen, item_line)
        _check_place(activity, problem, goals, raws)
        _check_values(activity, problem, raws, bool(_text(data.get("bron"))))
        _check_decisions(activity, problem, known_decisions)
    return errors


def load_agenda(path: Path, goals: Goals, decision_ids: Collection[str] | None = None) -> Agenda:
    """A validated agenda; raises ContentError with all problems otherwise."""
    errors = validate_agenda(path, goals, decision_ids)
    if errors:
        raise ContentError(errors)
    text = strip_bom(Path(path).read_text(encoding="utf-8"))
    data = load_yaml(text)
    activities = []
    for item, (_line, keys, _raw) in zip(data["activiteiten"], _item_lines(text), strict=False):
        budget = item["budget"]
        activities.append(
            Activity(
                id=str(item["id"]),
                titel=item["titel"],
                ambitie=item["ambitie"],
                doel=str(item["doel"]),
                schaal=scales_of(item["schaal"]),
                trekker=item["trekker"],
                planning=str(item["planning"]),
                # validate_agenda accepted the amount: TBD, or one that read_budget reads.
                budget_cent=None if budget == TBD else money.read_budget(budget),
                status=item["status"],
                besluiten=[str(d) for d in item.get("besluiten") or []],
                **{
                    key: (item.get(key) or "").strip()
                    for key in ("omschrijving", "financiering", "voortgang", "bron")
                },
                lines=keys,
            )
        )
    return Agenda(
        year=int(data["jaar"]),
        path=Path(path),
        activities=activities,
        toelichting=str(data.get("toelichting") or "").strip(),
        bron=str(data.get("bron") or "").strip(),
    )


def load_all(
    directory: Path, goals: Goals, decision_ids: Collection[str] | None = None
) -> dict[int, Agenda]:
    """Every agenda in the folder; raises ContentError listing the problems of all files."""
    errors: list[str] = folder_problems(directory) if Path(directory).is_dir() else []
    agendas = {}
    for year, path in agenda_files(directory).items():
        try:
            agendas[year] = load_agenda(path, goals, decision_ids)
        except ContentError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ContentError(errors)
    return agendas
