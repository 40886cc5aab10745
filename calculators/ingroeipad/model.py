"""Scenario of Ingroeipad (version 1): per municipality its inhabitants, the historical
amount (the centrumgemeente gets everything) and the objective amount; the yearly budget,
the α schedule (linear or the user's own) and an optional cap per inhabitant per year.

α_t is the share of the objective distribution in year t. Linear: α_t = t/N for t = 1 … N,
so the first year already takes a step (the advice: "in het eerste jaar (2022) vindt een
eerste stap plaats") and year N (2031) is fully objective. Year 0, before the path, is the
historical distribution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..core.format import canonical_number, round_half_up, round_half_up_int
from ..core.parse import parse_number
from ..core.problems import InputError, Problems, quote
from ..core.table import MAX_VALUE, Column, Row, parse_table, table_to_json
from ..core.validators import INVALID, check_header, check_unknown, choice, number, read, text

__all__ = ["COLUMNS", "Scenario", "parse_scenario", "scenario_to_json"]

CALCULATOR = "ingroeipad"
VERSION = 1
MAX_YEARS = 50
MAX_CAP = Decimal(100_000)
COLUMNS = (
    Column("inwoners", "Inwoners", integer=True,
           positive="want de rekenhulp rekent per inwoner"),
    Column("historisch", "Historisch (euro)", "nu: de centrumgemeente krijgt alles"),
    Column("objectief", "Objectief (euro)", "de objectieve verdeling aan het eind"),
)  # fmt: skip
ALPHA_MODES = {
    "linear": "lineair: elk jaar een even grote stap",
    "schedule": "eigen schema: een percentage per jaar",
}
SCENARIO_FIELDS = (
    "calculator", "version", "title", "municipalities", "budget", "first_year", "alpha_mode",
    "years", "alpha_schedule", "cap",
)  # fmt: skip
SCHEDULE = "‘Eigen schema’"
POSITIVE = "want anders valt er niets te verdelen"


@dataclass(frozen=True, slots=True)
class Scenario:
    title: str
    municipalities: tuple[Row, ...]
    budget: Decimal | None  # None: the sum of the objective amounts
    first_year: int
    alpha_mode: str
    years: int | None  # linear only
    schedule: tuple[Decimal, ...]  # percentages, schedule mode only
    cap: Decimal | None  # euro per inhabitant per year; None: no cap

    @property
    def alphas(self) -> tuple[Fraction, ...]:
        if self.alpha_mode == "linear":
            return tuple(Fraction(t, self.years) for t in range(1, self.years + 1))
        return tuple(Fraction(a) / 100 for a in self.schedule)

    def column(self, cid: str) -> list[Decimal]:
        return [r.value(cid) for r in self.municipalities]

    @property
    def budget_cents(self) -> int:
        total = self.budget if self.budget is not None else sum(self.column("objectief"))
        return round_half_up_int(Decimal(total) * 100)


def parse_schedule(raw: object, p: Problems) -> tuple[Decimal, ...]:
    """'10; 20; 30' → percentages; each 0-100, never lower than the one before."""
    if not isinstance(raw, str) or not raw.strip():
        p.add(
            "alpha_schedule",
            f"Vul bij {SCHEDULE} per jaar een percentage in, gescheiden "
            "door puntkomma’s, bijvoorbeeld ‘10; 25; 50; 75; 100’.",
        )
        return ()
    items = raw.split(";")
    if len(items) > MAX_YEARS:
        p.add(
            "alpha_schedule",
            f"{SCHEDULE} heeft {len(items)} stappen; dat zijn er te veel. "
            f"Gebruik er hoogstens {MAX_YEARS}.",
        )
        return ()
    found: list[Decimal] = []
    for k, item in enumerate(items, start=1):
        label = f"stap {k} van {SCHEDULE} (scheid de stappen met een puntkomma)"
        try:
            value = parse_number(
                item, "alpha_schedule", label=label, percent=True, maximum=100, max_decimals=6
            )
        except InputError as error:
            p.collect(error)
            return ()
        if found and value < found[-1]:
            p.add(
                "alpha_schedule",
                f"{SCHEDULE} mag niet dalen: stap {k} ({quote(item.strip())}) "
                f"is lager dan stap {k - 1}. Het objectieve deel groeit elk jaar of blijft "
                "gelijk.",
            )
            return ()
        found.append(value)
    return tuple(found)


def _parse_cap(raw: object, p: Problems) -> Decimal | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        p.add("cap", "‘cap’ is leeg (geen grens) of een object met ‘per_inhabitant’.")
        return None
    check_unknown(raw, ("per_inhabitant",), "cap", "bij de grens", p)
    label = "‘Grens per inwoner per jaar’"
    value = read(
        raw, "per_inhabitant", number(decimals=2, maximum=MAX_CAP), p, path="cap", label=label
    )
    return None if value is INVALID else value


def _check_columns(rows: list[Row], p: Problems) -> None:
    for cid, what in (("historisch", "historische"), ("objectief", "objectieve")):
        if rows and all(r.value(cid) == 0 for r in rows):
            p.add(
                "municipalities",
                f"De {what} bedragen zijn bij alle gemeenten 0; zo valt er "
                "niets te verdelen. Vul ten minste bij één gemeente een bedrag in.",
            )


def _fields(data: Mapping, p: Problems) -> dict[str, object]:
    mode = read(data, "alpha_mode", choice(ALPHA_MODES, default="linear"), p, label="‘Stappen’")
    years = None
    if mode == "linear":
        years = read(
            data, "years", number(integer=True, maximum=MAX_YEARS), p, label="‘Aantal jaren’"
        )
        if years == 0:
            p.add("years", "Vul bij ‘Aantal jaren’ een getal groter dan 0 in.")
    return {
        "title": read(data, "title", text(), p, label="de titel (‘title’)"),
        "budget": read(
            data,
            "budget",
            number(decimals=2, maximum=MAX_VALUE, required=False, positive=POSITIVE),
            p,
            label="‘Budget per jaar’",
        ),
        "first_year": read(
            data, "first_year", number(integer=True, maximum=2200), p, label="‘Eerste jaar’"
        ),
        "alpha_mode": mode,
        "years": years,
        "schedule": parse_schedule(data.get("alpha_schedule"), p) if mode == "schedule" else (),
        "cap": _parse_cap(data.get("cap"), p),
    }


def parse_scenario(data: object) -> Scenario:
    """Validate scenario JSON and build a :class:`Scenario`; every problem is collected."""
    if not isinstance(data, Mapping):
        raise InputError.single(
            "",
            "De invoer moet een scenario zijn: een JSON-object met "
            "velden zoals ‘municipalities’ en ‘budget’.",
        )
    p = Problems()
    check_header(data, CALCULATOR, VERSION, SCENARIO_FIELDS, p)
    found = _fields(data, p)
    rows = parse_table(data.get("municipalities"), COLUMNS, {c.id for c in COLUMNS}, p)
    if not p:  # a row with an error is left out, so sums would mislead
        _check_columns(rows, p)
    p.raise_if_any()
    years, first = found.pop("years"), found.pop("first_year")
    scenario = Scenario(
        **found,
        municipalities=tuple(rows),
        years=None if years is None else int(years),
        first_year=int(first),
    )
    if scenario.first_year < 1900:
        raise InputError.single("first_year", "Vul bij ‘Eerste jaar’ een jaar vanaf 1900 in.")
    if scenario.budget_cents == 0:  # only when blank: a given budget is at least € 0,01
        raise InputError.single(
            "budget",
            "Vul bij ‘Budget per jaar’ een bedrag in: de objectieve bedragen tellen samen op "
            "tot minder dan een halve cent.",
        )
    return scenario


def scenario_to_json(s: Scenario) -> dict[str, object]:
    """Normalised scenario JSON; numbers as canonical Dutch strings."""
    return {
        "calculator": CALCULATOR,
        "version": VERSION,
        "title": s.title,
        "municipalities": table_to_json(s.municipalities, COLUMNS),
        "budget": "" if s.budget is None else canonical_number(s.budget),
        "first_year": str(s.first_year),
        "alpha_mode": s.alpha_mode,
        "years": str(len(s.alphas)),  # in schedule mode too, as a start for linear
        # In linear mode the linear steps, as a start for an own schedule.
        "alpha_schedule": "; ".join(canonical_number(round_half_up(a * 100, 2)) for a in s.alphas),
        "cap": None if s.cap is None else {"per_inhabitant": canonical_number(s.cap)},
    }
