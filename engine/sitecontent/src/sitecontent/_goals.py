"""The regiovisie's pillars, ambitions and goals (``docs/regiovisie/doelen.yaml``): the one
loader that the regiovisie pages, the agenda and the decision records all use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ._errors import ContentError
from ._paths import shown
from ._yaml import YAMLError, YamlMapping, error_line, error_text, load_yaml

GOAL_ID = re.compile(r"^([1-9][0-9]*)\.([1-9][0-9]*)$")
SCALES = ("regionaal", "subregionaal", "lokaal")
# The scales the goals matrix uses, as readers see them.
SCALE_TEXT = {
    ("regionaal",): "regionaal",
    ("lokaal",): "lokaal",
    ("subregionaal",): "subregionaal",
    ("regionaal", "lokaal"): "regionaal en lokaal",
}
# Shown next to a scale the goals matrix does not give (doelen.yaml: schaal_keuze_redactie).
EDITORS_CHOICE = "keuze van de redactie"


@dataclass(frozen=True)
class Goal:
    ambitie: int
    nummer: int
    naam: str
    omschrijving: str
    schaal: tuple[str, ...]
    schaal_keuze_redactie: str = ""

    @property
    def id(self) -> str:
        return f"{self.ambitie}.{self.nummer}"

    @property
    def anchor(self) -> str:
        return f"doel-{self.ambitie}-{self.nummer}"

    @property
    def scale_text(self) -> str:
        """The scale as shown to readers, labelled when the editors chose it."""
        text = SCALE_TEXT[self.schaal]
        return f"{text} ({EDITORS_CHOICE})" if self.schaal_keuze_redactie else text


@dataclass(frozen=True)
class Ambition:
    nummer: int
    naam: str
    pijler: int
    samenvatting: str
    doelen: tuple[Goal, ...]


@dataclass(frozen=True)
class Pillar:
    nummer: int
    naam: str


@dataclass(frozen=True)
class Goals:
    pillars: dict[int, Pillar]
    ambitions: dict[int, Ambition]
    goals: dict[str, Goal] = field(default_factory=dict)
    #: the document the goals come from (the file's ``document``), as pages cite it
    document: str = ""
    #: what every page that links a decision to an ambition says about that link (the
    #: file's ``koppeling_besluiten``); empty: the pages say nothing
    decision_link_note: str = ""

    def goal(self, goal_id: str) -> Goal | None:
        return self.goals.get(str(goal_id))

    def numbers_text(self) -> str:
        """The ambitions' numbers as a message names them: "1 tot en met 7", or a list."""
        numbers = sorted(self.ambitions)
        if not numbers:
            return "geen: deze site heeft geen doelen"
        if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
            return f"{numbers[0]} tot en met {numbers[-1]}"
        return ", ".join(map(str, numbers))

    def ambitions_of(self, pillar: int | None = None) -> list[Ambition]:
        return [a for a in self.ambitions.values() if pillar is None or a.pijler == pillar]


def _goal(ambition: int, raw: YamlMapping, where: str) -> Goal:
    scale = tuple(raw.get("schaal") or [])
    if scale not in SCALE_TEXT:
        raise ContentError(
            [
                f"{where}: doel {ambition}.{raw.get('nummer')} heeft de onbekende schaal "
                f"'{' en '.join(map(str, scale))}'; kies uit "
                f"{', '.join(' en '.join(s) for s in SCALE_TEXT)}."
            ]
        )
    return Goal(
        ambitie=ambition,
        nummer=int(raw["nummer"]),
        naam=str(raw["naam"]),
        omschrijving=str(raw.get("omschrijving", "")).strip(),
        schaal=scale,
        schaal_keuze_redactie=" ".join(str(raw.get("schaal_keuze_redactie") or "").split()),
    )


def _optional_text(data: YamlMapping, name: str, where: str) -> str:
    """A sentence the pages show as it is: text, or nothing (never a list or a number)."""
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise ContentError([f"{where}: veld '{name}' hoort een tekst te zijn."])
    return " ".join((value or "").split())


def load_goals_if_present(path: Path) -> Goals:
    """The goals; none for a site without a regiovisie (it has no such file)."""
    return load_goals(path) if Path(path).exists() else Goals(pillars={}, ambitions={})


def load_goals(path: Path) -> Goals:
    """Every pillar, ambition and goal, in the order of the file."""
    where = shown(path)
    try:
        data = load_yaml(Path(path).read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError(
            [f"{where}: het bestand is geen UTF-8-tekst; sla het op als UTF-8."]
        ) from None
    except FileNotFoundError:
        raise ContentError([f"{where}: het bestand bestaat niet."]) from None
    except OSError:
        raise ContentError([f"{where}: het bestand is niet te lezen."]) from None
    except YAMLError as exc:
        line = error_line(exc)
        at = f" regel {line + 1}" if line is not None else ""
        raise ContentError([f"{where}{at}: {error_text(exc)}"]) from None
    try:
        pillars = {
            int(p["nummer"]): Pillar(int(p["nummer"]), str(p["naam"])) for p in data["pijlers"]
        }
        ambitions: dict[int, Ambition] = {}
        for raw in data["ambities"]:
            number = int(raw["nummer"])
            goals = tuple(_goal(number, g, where) for g in raw.get("doelen") or [])
            ambitions[number] = Ambition(
                nummer=number,
                naam=str(raw["naam"]),
                pijler=int(raw["pijler"]),
                samenvatting=str(raw.get("samenvatting") or "").strip(),
                doelen=goals,
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise ContentError(
            [
                f"{where}: de doelen missen een verplicht veld of nummer ({exc}); zie de uitleg "
                "bovenaan het bestand."
            ]
        ) from None
    every = {g.id: g for a in ambitions.values() for g in a.doelen}
    document = _optional_text(data, "document", where)
    note = _optional_text(data, "koppeling_besluiten", where)
    return Goals(pillars, ambitions, every, document, note)
