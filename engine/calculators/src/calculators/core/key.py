"""A key of weighted criteria: each column of the table gets a weight in percent.

Share_i = Σ_c (weight_c / 100) · value_c,i / Σ_j value_c,j, as exact fractions, so the shares
add up to exactly 1. The Verdeelsleutel splits money with it, Spreiding places, Solidariteit
a surplus. Presets tie a key to the decision (record id) and document that fixed it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from .format import canonical_number
from .problems import InputError, Problems, field_path, quote
from .table import Column, Row, columns_text
from .validators import check_unknown, number, suggest, text

__all__ = [
    "Key",
    "KeyPreset",
    "check_key_columns",
    "key_to_json",
    "parse_key",
    "share_ratios",
    "shares",
]

KEY_FIELDS = ("label", "preset", "weights")
WEIGHT_DECIMALS = 6


@dataclass(frozen=True, slots=True)
class Key:
    label: str
    preset: str | None
    #: column id -> weight in percent (0..100, summing to exactly 100)
    weights: Mapping[str, Decimal]

    def weight(self, column_id: str) -> Decimal:
        return self.weights.get(column_id, Decimal(0))

    @property
    def used(self) -> set[str]:
        return {cid for cid, w in self.weights.items() if w > 0}


@dataclass(frozen=True, slots=True)
class KeyPreset:
    id: str
    label: str
    explanation: str
    weights: dict[str, Decimal]
    decision: str | None
    source: str | None
    source_detail: str = ""
    #: Reference date per criterion as the source states it (peildatum / peiljaar).
    references: dict[str, str] = field(default_factory=dict)
    #: True when the source fixes the weights; False when they are an example.
    weights_fixed: bool = True
    #: The label an example scenario gives the key (default: ``label``).
    short_label: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "explanation": self.explanation,
            "weights": {k: canonical_number(v) for k, v in self.weights.items()},
            "weights_fixed": self.weights_fixed,
            "references": dict(self.references),
            "decision": self.decision,
            "source": self.source,
            "source_detail": self.source_detail,
        }

    def key_json(self) -> dict[str, object]:
        """This preset as the ``key`` of a scenario."""
        return {
            "label": self.label,
            "preset": self.id,
            "weights": {k: canonical_number(v) for k, v in self.weights.items()},
        }


def _weights(
    raw: Mapping[str, object],
    path: str,
    what: str,
    columns: Sequence[Column] | None,
    p: Problems,
) -> dict[str, Decimal]:
    by_id = {c.id: c for c in columns} if columns is not None else {}
    validator = number(percent=True, maximum=100, decimals=WEIGHT_DECIMALS)
    weights: dict[str, Decimal] = {}
    for cid, value in raw.items():
        wpath = field_path(path, "weights", str(cid))
        if columns is not None and cid not in by_id:
            p.add(
                wpath,
                f"Bij {what} staat een gewicht voor {quote(cid)}, maar dat criterium bestaat "
                f"niet.{suggest(cid, list(by_id))} Kies uit: {columns_text(columns)}.",
            )
            continue
        shown = quote(by_id[cid].label) if columns is not None else quote(cid)
        try:
            weights[str(cid)] = validator(value, wpath, f"het gewicht van {shown} bij {what}")
        except InputError as error:
            p.collect(error)
    return weights


def parse_key(
    raw: object,
    path: str,
    p: Problems,
    columns: Sequence[Column] | None,
    presets: Mapping[str, KeyPreset],
    *,
    name: str = "de sleutel",
    default_label: str = "Sleutel",
) -> Key | None:
    """A key at ``path``; ``name`` is how messages call it ("de sleutel")."""
    if not isinstance(raw, dict):
        p.add(
            path,
            f"Kies {name} (‘{path}’): een object met ‘label’ en ‘weights’ (per criterium een "
            "percentage).",
        )
        return None
    before = len(p)
    check_unknown(raw, KEY_FIELDS, path, f"bij {name}", p)
    preset = raw.get("preset")
    if preset is not None and (not isinstance(preset, str) or preset not in presets):
        p.add(
            f"{path}.preset",
            f"De voorinstelling {quote(preset)} bij {name} bestaat niet. Kies uit: "
            f"{', '.join(presets)}, of laat het leeg.",
        )
        preset = None
    label = None
    try:
        label = text(maximum=80, default=default_label)(
            raw.get("label"), f"{path}.label", f"de naam (‘label’) van {name}"
        )
    except InputError as error:
        p.collect(error)
    what = f"{name} {quote(label)}" if label else name
    weights_raw = raw.get("weights")
    if not isinstance(weights_raw, dict) or not weights_raw:
        p.add(
            f"{path}.weights",
            f"Vul bij {what} de gewichten in (‘weights’): per criterium een percentage, "
            "samen 100 %.",
        )
        return None
    weights = _weights(weights_raw, path, what, columns, p)
    if len(p) > before:
        return None
    total = sum(weights.values(), Decimal(0))
    if total != 100:
        p.add(
            f"{path}.weights",
            f"De gewichten van {what} tellen op tot {canonical_number(total)} %; dat moet "
            "precies 100 % zijn.",
        )
        return None
    return Key(label or default_label, preset, weights)


def check_key_columns(
    key: Key, path: str, rows: Sequence[Row], columns: Sequence[Column], p: Problems, name: str
) -> None:
    """A weighted column that is 0 for every municipality cannot divide anything."""
    if not rows:
        return
    labels = {c.id: c.label for c in columns}
    for cid in sorted(key.used, key=list(labels).index):
        if all(r.value(cid) == 0 for r in rows):
            label = quote(labels[cid])
            p.add(
                field_path(path, "weights", cid),
                f"{label} is bij alle gemeenten 0; zo kan er niet naar verdeeld worden. Geef "
                f"{label} bij {name} {quote(key.label)} het gewicht 0, of vul de cijfers in.",
            )


def share_ratios(rows: Sequence[Row], key: Key) -> tuple[dict[str, int], int]:
    """The exact shares as whole numerators (in table order) on one common denominator:
    share = numerator / denominator, not in lowest terms (the numerators sum to the
    denominator, as the weights sum to 100 %). For a caller that needs no Fraction per
    municipality (Spreiding: the shares are weights to apportion by and figures to print).

    Whole numbers throughout: adding Fractions cell by cell normalised every intermediate sum
    (a quarter of the time of a compute on 2.000 municipalities)."""
    by_name = {r.name: r for r in rows}  # a name given twice counts once, as its last row
    numerators = dict.fromkeys(by_name, 0)
    parts = []
    for cid, weight in key.weights.items():
        if weight == 0:
            continue
        ratios = [r.value(cid).as_integer_ratio() for r in by_name.values()]
        scale = math.lcm(*(d for _, d in ratios))
        column = [n * (scale // d) for n, d in ratios]
        total = sum(column)
        if total == 0:  # check_key_columns refuses such a key before it gets here
            raise ZeroDivisionError(f"column {cid!r} sums to 0")
        # weight / 100 · value / total = (w_n · value) / (w_d · 100 · total), value on `scale`
        w_n, w_d = weight.as_integer_ratio()
        parts.append((column, w_n, w_d * 100 * total))
    denominator = math.lcm(*(d for _, _, d in parts)) if parts else 1
    for column, w_n, d in parts:
        factor = w_n * (denominator // d)
        for name, value in zip(numerators, column, strict=True):
            numerators[name] += factor * value
    return numerators, denominator


def shares(rows: Sequence[Row], key: Key) -> dict[str, Fraction]:
    """Exact share per municipality (in table order); they sum to exactly 1."""
    numerators, denominator = share_ratios(rows, key)
    return {name: Fraction(n, denominator) for name, n in numerators.items()}


def key_to_json(key: Key | None) -> dict[str, object] | None:
    if key is None:
        return None
    return {
        "label": key.label,
        "preset": key.preset,
        "weights": {cid: canonical_number(w) for cid, w in key.weights.items()},
    }
