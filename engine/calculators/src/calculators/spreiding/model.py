"""Scenario of Spreiding (version 1): places per municipality now, a basis for the target
(a key over inhabitants and clients), the total, the apportionment method and the path.

The criteria, the presets (beslispunt 5 of 2019, uitgangspunt 5 of 2020) and the example
figures are in :mod:`calculators.catalogue`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ..catalogue import BASES, columns, example_key, key_presets
from ..catalogue.figures import example_title, spreiding_rows, spreiding_total
from ..core import fields
from ..core.apportion import APPORTIONMENT_METHODS
from ..core.key import Key
from ..core.problems import Problems
from ..core.table import Column, Row

MAX_PLACES = 100_000
MAX_YEARS = 50
MAX_COST = Decimal(10_000_000)

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
METHODS = [(m.id, m.label, m.explanation) for m in APPORTIONMENT_METHODS.values()]
COLUMNS = (
    *columns("inwoners", "clienten", "plaatsen"),
    Column("minimum", "Minimum", integer=True),
    Column("maximum", "Maximum", integer=True),
)
BASIS = COLUMNS[:2]

WHAT = "Wat wordt gespreid"
PATH = "Tijdpad"


@dataclass(frozen=True, slots=True)
class Scenario:
    VERSION: ClassVar[int] = 1

    title: str = fields.title(
        example_title("spreiding", "{plaatsen} plaatsen: inwoners CBS, andere cijfers voorbeelden")
    )
    facility: str = fields.choice(
        "Soort voorziening", FACILITIES, group=WHAT, example="beschermd-wonen"
    )
    total_mode: str = fields.choice(
        "Totaal aantal plaatsen",
        TOTAL_MODES,
        default="current",
        hint="Substitutie: plaatsen verhuizen, er komen er geen bij.",
        group=WHAT,
        about="Het totaal aan het eind.",
    )
    total_places: int | None = fields.number(
        "Totaal aantal plaatsen aan het eind",
        integer=True,
        maximum=MAX_PLACES,
        group="Gekozen totaal",
        when=("total_mode", "fixed"),
        example=lambda region: str(spreiding_total(region)),
    )
    decline_per_year: int | None = fields.number(
        "Minder plaatsen per jaar",
        integer=True,
        maximum=MAX_PLACES,
        group="Daling",
        when=("total_mode", "decline"),
        about="Zoveel plaatsen minder per jaar; alleen met het tijdpad `years`.",
    )
    key: Key = fields.key(
        "Grondslag: naar inwoners, cliënten of een mix",
        lambda: key_presets(BASES),
        BASIS,
        noun="de grondslag",
        example=lambda region: example_key("spreiding", BASES, "grondslag").key_json(),
    )
    method: str = fields.choice(
        "Rekenmethode",
        METHODS,
        default="grootste-overschot",
        group="Afronden op hele plaatsen",
        about="Hoe op hele plaatsen wordt afgerond.",
    )
    path_mode: str = fields.choice("Tijdpad", PATH_MODES, default="years", group=PATH)
    start_year: int = fields.number(
        "Beginjaar (de plaatsen van nu)",
        integer=True,
        maximum=2200,
        group=PATH,
        example="2022",
        about="Het jaar van de plaatsen van nu; het pad begint het jaar erna.",
    )
    years: int | None = fields.number(
        "Aantal jaren",
        integer=True,
        minimum=1,
        maximum=MAX_YEARS,
        group="Aantal jaren",
        when=("path_mode", "years"),
        example="5",
    )
    max_moves_per_year: int | None = fields.number(
        "Hoogstens te verplaatsen plaatsen per jaar",
        integer=True,
        minimum=1,
        maximum=MAX_PLACES,
        group="Maximum per jaar",
        when=("path_mode", "max_moves"),
        example="10",
        about="Zoveel plaatsen verhuizen hoogstens per jaar; de rekenhulp rekent uit hoeveel "
        "jaar dat kost.",
    )
    cost_per_move: Decimal | None = fields.number(
        "Kosten per plaats die erbij komt, in euro",
        decimals=2,
        maximum=MAX_COST,
        required=False,
        # The budget counts the places added to municipalities (the result's "moved"): the
        # places that move when the total stays the same, plus new places when it grows.
        hint="Frictiebudget = plaatsen die er in een gemeente bijkomen × deze kosten. Bij een "
        "gelijk totaal zijn dat de verplaatste plaatsen. Leeg: geen budget.",
        group="Frictiebudget (mag leeg)",
    )
    municipalities: tuple[Row, ...] = fields.table(
        "Cijfers per gemeente (minimum en maximum mogen leeg)",
        COLUMNS,
        required={"plaatsen"},
        keys={"key": "de grondslag"},
        example=spreiding_rows,
    )

    def check(self, p: Problems) -> None:
        if self.total_mode == "decline" and self.path_mode != "years":
            p.add(
                "decline_per_year",
                "Een daling per jaar gaat samen met een tijdpad in een vast aantal jaren; kies "
                f"bij ‘{fields.inputs(Scenario)['path_mode'].label}’ voor "
                f"‘{PATH_MODES['years']}’.",
            )

    def bound(self, column: str) -> dict[str, int]:
        return {r.name: int(v) for r in self.municipalities if (v := r.values[column]) is not None}
