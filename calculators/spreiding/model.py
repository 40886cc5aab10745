"""Scenario of Spreiding (version 1): places per municipality now, a basis for the target
(a key over inhabitants and clients), the total, the apportionment method and the path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..core.apportion import APPORTIONMENT_METHODS
from ..core.format import canonical_number
from ..core.key import Key, KeyPreset, check_key_columns, key_to_json, parse_key
from ..core.problems import InputError, Problems
from ..core.table import Column, Row, parse_table, table_to_json
from ..core.validators import INVALID, check_header, choice, count, number, read, text

__all__ = ["BASIS", "COLUMNS", "FACILITIES", "PRESETS", "Scenario", "parse_scenario"]

CALCULATOR = "spreiding"
VERSION = 1
MAX_PLACES = 100_000
MAX_YEARS = 50
MAX_COST = Decimal(10_000_000)
DECISIONS = ("bp-2019-05", "up-2020-05")

FACILITIES = {
    "beschermd-wonen": "beschermd wonen",
    "maatschappelijke-opvang": "maatschappelijke opvang",
}
TOTAL_MODES = {
    "current": "gelijk aan nu (substitutie)",
    "fixed": "een gekozen totaal",
    "decline": "elk jaar een vast aantal plaatsen minder",
}
PATH_MODES = {"years": "in een aantal jaren", "max_moves": "met een maximum per jaar"}
COLUMNS = (
    Column("inwoners", "Inwoners", integer=True),
    Column("clienten", "Cliënten (gemeente van herkomst)", integer=True),
    Column("plaatsen", "Plaatsen nu", integer=True),
    Column("minimum", "Minimum", integer=True),
    Column("maximum", "Maximum", integer=True),
)
BASIS = COLUMNS[:2]
SCENARIO_FIELDS = (
    "calculator",
    "version",
    "title",
    "facility",
    "municipalities",
    "key",
    "method",
    "total_mode",
    "total_places",
    "decline_per_year",
    "path_mode",
    "years",
    "max_moves_per_year",
    "start_year",
    "cost_per_move",
)
_SOURCE = "beslispunt 5 (2019) en uitgangspunt 5 (2020)"
PRESETS = {
    p.id: p
    for p in (
        KeyPreset(
            "inwoners",
            "Naar inwoners",
            "Elke gemeente krijgt plaatsen naar verhouding van haar aantal inwoners. Dit is een "
            "van de twee grondslagen die de gemeenten in 2019 noemden.",
            {"inwoners": Decimal(100), "clienten": Decimal(0)},
            DECISIONS[0],
            _SOURCE,
        ),
        KeyPreset(
            "clienten",
            "Naar cliënten",
            "Elke gemeente krijgt plaatsen naar verhouding van het aantal cliënten dat uit die "
            "gemeente komt: de andere grondslag uit 2019.",
            {"inwoners": Decimal(0), "clienten": Decimal(100)},
            DECISIONS[0],
            _SOURCE,
        ),
        KeyPreset(
            "half-half",
            "Half inwoners, half cliënten (voorbeeld)",
            "Een gemengde grondslag; de gewichten zijn een voorbeeld, geen besluit.",
            {"inwoners": Decimal(50), "clienten": Decimal(50)},
            None,
            None,
            weights_fixed=False,
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Scenario:
    title: str
    facility: str
    municipalities: tuple[Row, ...]
    key: Key
    method: str
    total_mode: str
    total_places: int | None
    decline_per_year: int | None
    path_mode: str
    years: int | None
    max_moves_per_year: int | None
    start_year: int
    cost_per_move: Decimal | None

    def places(self, column: str) -> dict[str, int]:
        return {r.name: int(r.value(column)) for r in self.municipalities}

    def bound(self, column: str) -> dict[str, int]:
        return {r.name: int(v) for r in self.municipalities if (v := r.values[column]) is not None}


def _choices(data: Mapping, p: Problems) -> dict[str, object]:
    methods = {m.id: m.label for m in APPORTIONMENT_METHODS.values()}
    return {
        "title": read(data, "title", text(), p, label="de titel (‘title’)"),
        "facility": read(data, "facility", choice(FACILITIES), p, label="‘Soort voorziening’"),
        "method": read(
            data, "method", choice(methods, default="grootste-overschot"), p, label="‘Methode’"
        ),
        "total_mode": read(
            data, "total_mode", choice(TOTAL_MODES, default="current"), p, label="‘Totaal’"
        ),
        "path_mode": read(
            data, "path_mode", choice(PATH_MODES, default="years"), p, label="‘Tijdpad’"
        ),
        "start_year": read(
            data, "start_year", number(integer=True, maximum=2200), p, label="‘Beginjaar’"
        ),
        "cost_per_move": read(
            data,
            "cost_per_move",
            number(maximum=MAX_COST, decimals=2, required=False),
            p,
            label="‘Kosten per verplaatste plaats’",
        ),
    }


def _numbers(data: Mapping, chosen: dict, p: Problems) -> dict[str, object]:
    """The numbers the chosen modes need; the others are ignored (and may stay empty)."""
    needed = {
        "total_places": chosen["total_mode"] == "fixed",
        "decline_per_year": chosen["total_mode"] == "decline",
        "years": chosen["path_mode"] == "years",
        "max_moves_per_year": chosen["path_mode"] == "max_moves",
    }
    labels = {
        "total_places": ("‘Totaal aantal plaatsen’", MAX_PLACES),
        "decline_per_year": ("‘Minder plaatsen per jaar’", MAX_PLACES),
        "years": ("‘Aantal jaren’", MAX_YEARS),
        "max_moves_per_year": ("‘Hoogstens te verplaatsen per jaar’", MAX_PLACES),
    }
    found: dict[str, object] = {}
    for name, wanted in needed.items():
        label, maximum = labels[name]
        value = (
            read(data, name, count(maximum, required=wanted), p, label=label) if wanted else None
        )
        if value not in (None, INVALID) and name in ("years", "max_moves_per_year") and value == 0:
            p.add(name, f"Vul bij {label} een getal groter dan 0 in.")
            value = INVALID
        found[name] = value if value in (None, INVALID) else int(value)
    if chosen["total_mode"] == "decline" and chosen["path_mode"] != "years":
        p.add(
            "decline_per_year",
            "Een daling per jaar gaat samen met een tijdpad in een vast "
            "aantal jaren; kies bij ‘Tijdpad’ voor ‘in een aantal jaren’.",
        )
    return found


def parse_scenario(data: object) -> Scenario:
    """Validate scenario JSON and build a :class:`Scenario`; every problem is collected."""
    if not isinstance(data, Mapping):
        raise InputError.single(
            "",
            "De invoer moet een scenario zijn: een JSON-object met "
            "velden zoals ‘municipalities’ en ‘key’.",
        )
    p = Problems()
    check_header(data, CALCULATOR, VERSION, SCENARIO_FIELDS, p)
    chosen = _choices(data, p)
    numbers = _numbers(data, chosen, p)
    key = parse_key(data.get("key"), "key", p, BASIS, PRESETS, name="de grondslag")
    required = {"plaatsen"} | (key.used if key else set())
    rows = parse_table(data.get("municipalities"), COLUMNS, required, p)
    if key is not None:
        check_key_columns(key, "key", rows, COLUMNS, p, "de grondslag")
    p.raise_if_any()
    assert key is not None and INVALID not in chosen.values() and INVALID not in numbers.values()
    start = chosen.pop("start_year")
    return Scenario(**chosen, **numbers, municipalities=tuple(rows), key=key, start_year=int(start))


def _text_or_blank(value: object) -> str:
    return "" if value is None else canonical_number(value)


def scenario_to_json(s: Scenario) -> dict[str, object]:
    """Normalised scenario JSON; numbers as canonical Dutch strings, unused numbers blank."""
    return {
        "calculator": CALCULATOR,
        "version": VERSION,
        "title": s.title,
        "facility": s.facility,
        "municipalities": table_to_json(s.municipalities, COLUMNS),
        "key": key_to_json(s.key),
        "method": s.method,
        "total_mode": s.total_mode,
        "total_places": _text_or_blank(s.total_places),
        "decline_per_year": _text_or_blank(s.decline_per_year),
        "path_mode": s.path_mode,
        "years": _text_or_blank(s.years),
        "max_moves_per_year": _text_or_blank(s.max_moves_per_year),
        "start_year": str(s.start_year),
        "cost_per_move": _text_or_blank(s.cost_per_move),
    }
