"""Apply a distribution key to an amount, and compare two keys.

Share_i = Σ_c (weight_c / 100) · value_c,i / Σ_j value_c,j, as exact fractions, so the shares
add up to exactly 1. The amount in cents is split with the largest-remainder method, so the
parts add up to exactly the amount. Euro per inhabitant is exact internally and rounded half
up to cents only for display. A difference between two keys exceeds the threshold when
|difference per inhabitant| > threshold, compared exactly (strictly greater).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..core.apportion import largest_remainder
from ..core.format import (
    canonical_number,
    format_euro,
    format_euro_cents,
    format_percent,
    round_half_up,
    round_half_up_int,
)
from ..core.key import Key, shares
from .model import Scenario, scenario_to_json

__all__ = [
    "Comparison",
    "Difference",
    "KeyResult",
    "KeyRow",
    "Result",
    "apply_key",
    "compute",
    "compute_response",
    "export_table",
    "result_to_json",
]


@dataclass(frozen=True, slots=True)
class KeyRow:
    name: str
    inhabitants: Decimal
    share: Fraction
    cents: int

    @property
    def per_inhabitant(self) -> Fraction:
        """Exact cents per inhabitant."""
        return Fraction(self.cents) / Fraction(self.inhabitants)

    @property
    def per_inhabitant_cents(self) -> int:
        return round_half_up_int(self.per_inhabitant)


@dataclass(frozen=True, slots=True)
class KeyResult:
    key: Key
    rows: tuple[KeyRow, ...]

    @property
    def total_cents(self) -> int:
        return sum(r.cents for r in self.rows)


@dataclass(frozen=True, slots=True)
class Difference:
    name: str
    difference_cents: int
    #: exact cents per inhabitant
    per_inhabitant: Fraction
    exceeds_threshold: bool

    @property
    def per_inhabitant_cents(self) -> int:
        return round_half_up_int(self.per_inhabitant)


@dataclass(frozen=True, slots=True)
class Comparison:
    result: KeyResult
    differences: tuple[Difference, ...]
    threshold: Decimal

    @property
    def exceeding(self) -> list[str]:
        return [d.name for d in self.differences if d.exceeds_threshold]


@dataclass(frozen=True, slots=True)
class Result:
    scenario: Scenario
    key: KeyResult
    compare: Comparison | None
    warnings: tuple[tuple[str, str], ...]


def apply_key(scenario: Scenario, key: Key) -> KeyResult:
    exact = shares(scenario.municipalities, key)
    cents = largest_remainder(scenario.amount_cents, exact)
    rows = tuple(
        KeyRow(m.name, scenario.inhabitants(m), exact[m.name], cents[m.name])
        for m in scenario.municipalities
    )
    return KeyResult(key, rows)


def compute(scenario: Scenario) -> Result:
    key_result = apply_key(scenario, scenario.key)
    comparison = None
    warnings: list[tuple[str, str]] = []
    if scenario.amount == 0:
        warnings.append(("amount", "Het bedrag is € 0,00; er valt niets te verdelen."))
    if scenario.compare_key is not None:
        compare_result = apply_key(scenario, scenario.compare_key)
        limit = Fraction(scenario.threshold_per_inhabitant) * 100  # in cents
        differences = []
        for base, other in zip(key_result.rows, compare_result.rows, strict=True):
            diff = other.cents - base.cents
            per_inhabitant = Fraction(diff) / Fraction(base.inhabitants)
            differences.append(
                Difference(base.name, diff, per_inhabitant, abs(per_inhabitant) > limit)
            )
        comparison = Comparison(
            compare_result, tuple(differences), scenario.threshold_per_inhabitant
        )
        nonzero_key = {k: v for k, v in scenario.key.weights.items() if v}
        if nonzero_key == {k: v for k, v in scenario.compare_key.weights.items() if v}:
            warnings.append(
                (
                    "compare_key",
                    "De sleutel en de vergelijkingssleutel hebben "
                    "dezelfde gewichten; alle verschillen zijn 0.",
                )
            )
        if comparison.exceeding:
            count = len(comparison.exceeding)
            municipalities = "gemeente" if count == 1 else "gemeenten"
            threshold = format_euro(scenario.threshold_per_inhabitant)
            warnings.append(
                (
                    "threshold_per_inhabitant",
                    f"Bij {count} {municipalities} is het verschil tussen de sleutels groter "
                    f"dan {threshold} per inwoner: {', '.join(comparison.exceeding)}.",
                )
            )
    return Result(scenario, key_result, comparison, tuple(warnings))


def _share_text(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}"


def _key_json(result: KeyResult) -> dict[str, object]:
    return {
        "label": result.key.label,
        "preset": result.key.preset,
        "rows": [
            {
                "name": r.name,
                "inhabitants": canonical_number(r.inhabitants),
                "share": _share_text(r.share),
                "share_float": float(r.share),
                "share_display": format_percent(r.share),
                "cents": r.cents,
                "display": format_euro_cents(r.cents),
                "per_inhabitant_cents": r.per_inhabitant_cents,
                "per_inhabitant_display": format_euro_cents(r.per_inhabitant_cents),
            }
            for r in result.rows
        ],
        "total_cents": result.total_cents,
        "total_display": format_euro_cents(result.total_cents),
    }


def result_to_json(result: Result) -> dict[str, object]:
    """The ``result`` object of the compute response (see the scenario-format page)."""
    compare = None
    if result.compare is not None:
        c = result.compare
        compare = _key_json(c.result)
        compare["differences"] = [
            {
                "name": d.name,
                "difference_cents": d.difference_cents,
                "difference_display": format_euro_cents(d.difference_cents),
                "per_inhabitant_cents": d.per_inhabitant_cents,
                "per_inhabitant_display": format_euro_cents(d.per_inhabitant_cents),
                "exceeds_threshold": d.exceeds_threshold,
            }
            for d in c.differences
        ]
        compare["threshold_display"] = format_euro(c.threshold)
        compare["exceeding"] = c.exceeding
    amount_cents = result.scenario.amount_cents
    return {
        "amount_cents": amount_cents,
        "amount_display": format_euro_cents(amount_cents),
        "key": _key_json(result.key),
        "compare": compare,
    }


def compute_response(result: Result) -> dict[str, object]:
    return {
        "scenario": scenario_to_json(result.scenario),
        "result": result_to_json(result),
        "warnings": [{"field": f, "message": m} for f, m in result.warnings],
    }


def _euro(cents: int) -> Decimal:
    return round_half_up(Fraction(cents, 100), 2)


def export_table(result: Result) -> tuple[list[str], list[list[object]]]:
    """Headers and rows (numbers as Decimal/int) for the CSV export, with a total row."""
    scenario = result.scenario
    used = {
        cid
        for k in (scenario.key, scenario.compare_key)
        if k is not None
        for cid, w in k.weights.items()
        if w > 0
    }
    used.add(scenario.inhabitants_criterion)
    criteria = [c for c in scenario.criteria if c.id in used]

    def key_headers(label: str) -> list[str]:
        return [f"Aandeel {label} (%)", f"Bedrag {label} (euro)", f"Per inwoner {label} (euro)"]

    headers = ["Gemeente", *(c.label for c in criteria), *key_headers(result.key.key.label)]
    comparison = result.compare
    if comparison is not None:
        headers += key_headers(comparison.result.key.label)
        headers += ["Verschil (euro)", "Verschil per inwoner (euro)", "Boven drempel"]

    def key_cells(row: KeyRow) -> list[object]:
        return [
            round_half_up(row.share * 100, 4),
            _euro(row.cents),
            _euro(row.per_inhabitant_cents),
        ]

    rows: list[list[object]] = []
    for i, m in enumerate(scenario.municipalities):
        cells: list[object] = [m.name, *(m.values.get(c.id) for c in criteria)]
        cells += key_cells(result.key.rows[i])
        if comparison is not None:
            d = comparison.differences[i]
            cells += key_cells(comparison.result.rows[i])
            cells += [
                _euro(d.difference_cents),
                _euro(d.per_inhabitant_cents),
                "ja" if d.exceeds_threshold else "nee",
            ]
        rows.append(cells)

    def total(values: Sequence[Decimal | None]) -> Decimal | None:
        return None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[arg-type]

    inhabitants = sum((scenario.inhabitants(m) for m in scenario.municipalities), Decimal(0))

    def key_total(key_result: KeyResult) -> list[object]:
        cents = key_result.total_cents
        return [
            Decimal("100.0000"),
            _euro(cents),
            _euro(round_half_up_int(Fraction(cents) / Fraction(inhabitants))),
        ]

    total_row: list[object] = [
        "Totaal",
        *(total([m.values.get(c.id) for m in scenario.municipalities]) for c in criteria),
    ]
    total_row += key_total(result.key)
    if comparison is not None:
        diff = sum(d.difference_cents for d in comparison.differences)
        total_row += key_total(comparison.result)
        total_row += [
            _euro(diff),
            _euro(round_half_up_int(Fraction(diff) / Fraction(inhabitants))),
            "",
        ]
    rows.append(total_row)
    return headers, rows
