"""Scenario of Ingroeipad (version 1): per municipality its inhabitants, the historical
amount (the centrumgemeente gets everything) and the objective amount; the yearly budget,
the α schedule (linear or the user's own) and an optional cap per inhabitant per year (off
by default: a yearly cap per municipality is the calculator's own choice, not the advice's).

α_t is the share of the objective distribution in year t. Linear: α_t = t/N for t = 1 … N,
so the first year already takes a step (the advice: "in het eerste jaar (2022) vindt een
eerste stap plaats") and year N (2031) is fully objective. Year 0, before the path, is the
historical distribution.

The example figures (and Bijlage 2 of the Leidse Regio) are in :mod:`calculators.catalogue`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar

from ..catalogue import CRITERIA
from ..catalogue.figures import example_title, ingroeipad_rows
from ..core import fields
from ..core.format import canonical_number, round_half_up, round_half_up_int
from ..core.problems import Problems
from ..core.table import MAX_VALUE, Column, Row

MAX_YEARS = 50
COLUMNS = (
    replace(CRITERIA["inwoners"], positive="want de rekenhulp rekent per inwoner"),
    Column("historisch", "Historisch (euro)", "nu: de centrumgemeente krijgt alles"),
    Column("objectief", "Objectief (euro)", "de objectieve verdeling aan het eind"),
)
ALPHA_MODES = {
    "linear": "lineair: elk jaar een even grote stap",
    "schedule": "eigen schema: een percentage per jaar",
}
BUDGET = "Budget en jaren"


@dataclass(frozen=True, slots=True)
class Cap:
    per_inhabitant: Decimal = fields.number(
        "Grens in euro per inwoner per jaar",
        decimals=2,
        maximum=100_000,
        hint="Voorstel € 15: dat bedrag noemt het advies voor het hele gemeentefonds. Als grens "
        "per jaar en per gemeente is het een eigen keuze van de rekenhulp.",
        example="15",
    )


@dataclass(frozen=True, slots=True)
class Scenario:
    VERSION: ClassVar[int] = 1

    title: str = fields.title(
        example_title("ingroeipad", "Ingroeipad 2022-2031: inwoners CBS 2022, bedragen voorbeelden")
    )
    budget: Decimal | None = fields.number(  # None: the sum of the objective amounts
        "Budget per jaar in euro",
        decimals=2,
        maximum=MAX_VALUE,
        required=False,
        positive="want anders valt er niets te verdelen",
        hint="Leeg: de som van de objectieve bedragen in de tabel.",
        group=BUDGET,
    )
    first_year: int = fields.number(
        "Eerste jaar van het ingroeipad",
        integer=True,
        minimum=1900,
        maximum=2200,
        hint="Het advies: 2022.",
        group=BUDGET,
        example="2022",
    )
    alpha_mode: str = fields.choice("Stappen", ALPHA_MODES, default="linear", group=BUDGET)
    years: int | None = fields.number(
        "Aantal jaren",
        integer=True,
        minimum=1,
        maximum=MAX_YEARS,
        hint="Het advies: 10 jaar (2022-2031).",
        group="Lineair",
        when=("alpha_mode", "linear"),
        example="10",
        dump=lambda value, s: str(len(s.alphas)),  # in schedule mode too, as a start for linear
    )
    alpha_schedule: tuple[Decimal, ...] | None = fields.schedule(
        "Aandeel objectief per jaar in procenten",
        steps=MAX_YEARS,
        rising="Het objectieve deel groeit elk jaar of blijft gelijk.",
        # In linear mode the linear steps, as a start for an own schedule.
        dump=lambda value, s: "; ".join(
            canonical_number(round_half_up(a * 100, 2)) for a in s.alphas
        ),
        group="Eigen schema",
        when=("alpha_mode", "schedule"),
        example="10; 20; 30; 40; 50; 60; 70; 80; 90; 100",
    )
    cap: Cap | None = fields.nested(
        Cap,
        "Begrens de verandering per inwoner per jaar",
        optional=True,
        switched_on={"per_inhabitant": "15"},
        where="bij de grens",
        wrong="‘cap’ is leeg (geen grens) of een object met ‘per_inhabitant’.",
        # Off by default: the advice's € 15 is on the whole gemeentefonds, not a yearly cap.
        about="De grens op de verandering per inwoner per jaar; `null` is geen grens.",
    )
    municipalities: tuple[Row, ...] = fields.table(
        "Cijfers per gemeente (historisch: de centrumgemeente krijgt alles)",
        COLUMNS,
        required={c.id for c in COLUMNS},
        example=ingroeipad_rows,
    )

    def check(self, p: Problems) -> None:
        for cid, what in (("historisch", "historische"), ("objectief", "objectieve")):
            if all(v == 0 for v in self.column(cid)):
                p.add(
                    "municipalities",
                    f"De {what} bedragen zijn bij alle gemeenten 0; zo valt er niets te "
                    "verdelen. Vul ten minste bij één gemeente een bedrag in.",
                )
        if not p and self.budget_cents == 0:  # only when blank: a budget is at least € 0,01
            p.add(
                "budget",
                f"Vul bij ‘{fields.inputs(Scenario)['budget'].label}’ een bedrag in: de "
                "objectieve bedragen tellen samen op tot minder dan een halve cent.",
            )

    @property
    def alphas(self) -> tuple[Fraction, ...]:
        if self.alpha_mode == "linear" and self.years is not None:  # read in linear mode
            return tuple(Fraction(t, self.years) for t in range(1, self.years + 1))
        return tuple(Fraction(a) / 100 for a in self.alpha_schedule or ())

    def column(self, cid: str) -> list[Decimal]:
        return [r.value(cid) for r in self.municipalities]

    @property
    def budget_cents(self) -> int:
        total = self.budget if self.budget is not None else sum(self.column("objectief"))
        return round_half_up_int(Decimal(total) * 100)
