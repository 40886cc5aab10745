"""The table every calculator shares: one row per municipality, one numeric column each.

Scenario JSON keeps the table as ``municipalities: [{"name": ..., "values": {column id:
number}}]``. The columns are :class:`Column` specs: fixed by a calculator (Spreiding) or
chosen by the user as ``criteria`` (Verdeelsleutel, parsed with :func:`parse_columns`, which
looks each id up in the catalogue it is given: whole numbers or not, other CSV headers).
Core names no column itself: the criteria are declared in :mod:`calculators.catalogue`.
:func:`parse_table` validates names and values and collects every problem with its field path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .csvio import normalize_label
from .format import canonical_number, format_decimal
from .problems import InputError, Problems, field_path, quote
from .validators import (
    Validator,
    check_unknown,
    municipality_name,
    name_key,
    number,
    suggest,
    text,
)

MAX_MUNICIPALITIES = 2_000
MAX_COLUMNS = 20
MAX_LABEL = 80
MAX_REFERENCE = 200
MAX_ID = 40
#: Counts of people, clients or places (``Column.integer``): whole numbers up to this.
MAX_COUNT = Decimal(100_000_000)
#: Any other value may be an amount in euro.
MAX_VALUE = Decimal(100_000_000_000)
COLUMN_FIELDS = ("id", "label", "reference")
ROW_FIELDS = ("name", "values")
_ID_RE = re.compile(r"[a-z0-9_]+")


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    label: str
    reference: str = ""
    #: A count of people, clients or places: whole numbers only.
    integer: bool = False
    #: When set, 0 is refused too; the text says why ("want er wordt door gedeeld").
    positive: str = ""
    #: At most this many decimals (2 for amounts in euro: whole cents).
    decimals: int = 6
    #: Other names for the column in a CSV header, as CBS and Excel sheets tend to call it;
    #: used only when no code or name matched (see :mod:`calculators.core.tableimport`).
    aliases: tuple[str, ...] = ()

    @property
    def maximum(self) -> Decimal:
        return MAX_COUNT if self.integer else MAX_VALUE

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "label": self.label, "reference": self.reference}


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    #: column id -> value (``None`` = not filled in, allowed only where not required)
    values: Mapping[str, Decimal | None]

    def value(self, column_id: str) -> Decimal:
        found = self.values.get(column_id)
        return Decimal(0) if found is None else found


def columns_text(columns: Sequence[Column]) -> str:
    return ", ".join(f"{c.id} ({c.label})" for c in columns)


def too_many(count: str, maximum: int) -> str:
    """The message for a list longer than ``maximum``; ``count`` says how long it is."""
    return f"{count}; dat zijn er te veel. Gebruik er hoogstens {format_decimal(maximum, 0)}."


def _column_id(raw: object, path: str, where: str, seen: dict[str, int], p: Problems) -> bool:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        p.add(f"{path}.id", f"Vul bij {where} een code (‘id’) in, bijvoorbeeld ‘inwoners’.")
    elif not isinstance(raw, str) or not _ID_RE.fullmatch(raw) or len(raw) > MAX_ID:
        p.add(
            f"{path}.id",
            f"De code (‘id’) van {where} mag alleen kleine letters, cijfers en _ bevatten, "
            f"zoals ‘inwoners_18plus’; {quote(raw)} kan niet.",
        )
    elif raw in seen:
        p.add(
            f"{path}.id",
            f"De code {quote(raw)} staat twee keer bij de criteria: bij criterium "
            f"{seen[raw] + 1} en bij {where}. Elke code mag maar één keer voorkomen.",
        )
    else:
        return True
    return False


def _one_column(
    item: Mapping[str, object],
    j: int,
    catalogue: Mapping[str, Column],
    seen_ids: dict[str, int],
    seen_labels: dict[str, int],
    p: Problems,
) -> Column | None:
    path, where = field_path("criteria", j), f"criterium {j + 1}"
    before = len(p)
    check_unknown(item, COLUMN_FIELDS, path, f"bij {where}", p)
    cid = item.get("id")
    id_ok = _column_id(cid, path, where, seen_ids, p)
    label: str | None = None
    try:
        label = text(maximum=MAX_LABEL, required=True)(
            item.get("label"), f"{path}.label", f"de naam (‘label’) van {where}"
        )
    except InputError as error:
        p.collect(error)
    if label is not None:
        norm = normalize_label(label)
        if norm in seen_labels:
            p.add(
                f"{path}.label",
                f"De naam {quote(label)} staat twee keer bij de criteria: bij criterium "
                f"{seen_labels[norm] + 1} en bij criterium {j + 1}. Geef elk criterium een "
                "eigen naam.",
            )
        else:
            seen_labels[norm] = j
    reference = ""
    try:
        reference = text(maximum=MAX_REFERENCE)(
            item.get("reference"), f"{path}.reference", f"de peildatum (‘reference’) van {where}"
        )
    except InputError as error:
        p.collect(error)
    if not id_ok or not isinstance(cid, str):
        return None
    seen_ids[cid] = j
    if len(p) > before or label is None:
        return None
    known = catalogue.get(cid)
    if known is None:
        return Column(cid, label, reference)
    return Column(cid, label, reference, integer=known.integer, aliases=known.aliases)


def parse_columns(raw: object, p: Problems, catalogue: Mapping[str, Column]) -> list[Column] | None:
    """User-chosen columns (``criteria``); ``None`` when the list itself is unusable.

    A column whose id is in ``catalogue`` takes whole numbers only if the catalogue's does,
    and is found in a CSV header by the catalogue's aliases too; its label and reference
    are the user's."""
    if raw is None or (isinstance(raw, list) and not raw):
        p.add("criteria", "Voeg ten minste één criterium toe (‘criteria’), bijvoorbeeld inwoners.")
        return None
    if not isinstance(raw, list):
        p.add("criteria", "‘criteria’ moet een lijst van criteria zijn.")
        return None
    if len(raw) > MAX_COLUMNS:
        p.add("criteria", too_many(f"Er zijn {len(raw)} criteria", MAX_COLUMNS))
        return None
    columns: list[Column] = []
    seen_ids: dict[str, int] = {}
    seen_labels: dict[str, int] = {}
    for j, item in enumerate(raw):
        if not isinstance(item, dict):
            p.add(
                field_path("criteria", j),
                f"Criterium {j + 1} moet een object zijn met ‘id’, ‘label’ en ‘reference’.",
            )
            continue
        column = _one_column(item, j, catalogue, seen_ids, seen_labels, p)
        if column is not None:
            columns.append(column)
    return columns


def _rows_list(raw: object, p: Problems) -> list[object] | None:
    if not isinstance(raw, list):
        p.add(
            "municipalities",
            "Voeg een tabel met gemeenten toe (‘municipalities’): een lijst met per gemeente "
            "een naam en cijfers.",
        )
        return None
    if not raw:
        p.add("municipalities", "De tabel met gemeenten is leeg. Voeg ten minste één gemeente toe.")
        return None
    if len(raw) > MAX_MUNICIPALITIES:
        p.add(
            "municipalities", too_many(f"De tabel heeft {len(raw)} gemeenten", MAX_MUNICIPALITIES)
        )
        return None
    return raw


def _row_name(
    item: Mapping[str, object], i: int, seen: dict[str, tuple[int, str]], p: Problems
) -> str | None:
    path = field_path("municipalities", i, "name")
    try:
        name = municipality_name(item.get("name"), path, f"rij {i + 1}")
    except InputError as error:
        p.collect(error)
        return None
    key = name_key(name)
    if key in seen:
        first, first_name = seen[key]
        p.add(
            path,
            f"{quote(name)} staat twee keer in de tabel: in rij {first + 1} "
            f"({quote(first_name)}) en in rij {i + 1}. Elke gemeente mag maar één keer "
            "voorkomen.",
        )
    else:
        seen[key] = (i, name)
    return name


#: (column id, its label as messages quote it, its validator)
_Checked = tuple[str, str, Validator]


def _validators(columns: Sequence[Column], required: set[str]) -> list[_Checked]:
    """Per column once (not per cell): its validator and its name as messages quote it."""
    return [
        (
            c.id,
            quote(c.label),
            number(
                integer=c.integer,
                maximum=c.maximum,
                required=c.id in required,
                positive=c.positive,
                decimals=c.decimals,
            ),
        )
        for c in columns
    ]


def _row_values(
    values: Mapping[str, object], i: int, shown: str, validators: list[_Checked], p: Problems
) -> dict[str, Decimal | None] | None:
    known = [cid for cid, _, _ in validators]
    ok = True
    for cid in values:
        if cid not in known:
            ok = False
            p.add(
                field_path("municipalities", i, "values", str(cid)),
                f"Bij {shown} staat een waarde voor {quote(cid)}, maar dat criterium bestaat "
                f"niet.{suggest(cid, known)} Bekende criteria: {', '.join(known)}.",
            )
    parsed: dict[str, Decimal | None] = {}
    for cid, label, validator in validators:
        try:
            parsed[cid] = validator(
                values.get(cid), f"municipalities[{i}].values.{cid}", f"{label} van {shown}"
            )
        except InputError as error:
            p.collect(error)
            ok = False
    return parsed if ok else None


def parse_table(
    raw: object, columns: Sequence[Column] | None, required: set[str], p: Problems
) -> list[Row]:
    """The valid rows of ``municipalities``; every problem is collected in ``p``.

    ``required`` are the column ids that must be filled in for every municipality. With
    ``columns=None`` (the columns themselves are wrong) only names are checked.
    """
    items = _rows_list(raw, p)
    if items is None:
        return []
    rows: list[Row] = []
    seen: dict[str, tuple[int, str]] = {}
    validators = _validators(columns, required) if columns is not None else []
    for i, item in enumerate(items):
        path = field_path("municipalities", i)
        if not isinstance(item, dict):
            p.add(path, f"Rij {i + 1} van de tabel moet een object zijn met ‘name’ en ‘values’.")
            continue
        check_unknown(item, ROW_FIELDS, path, f"in rij {i + 1}", p)
        name = _row_name(item, i, seen, p)
        values = item.get("values")
        shown = name or f"rij {i + 1}"
        if not isinstance(values, dict):
            p.add(
                f"{path}.values",
                f"Bij {shown} ontbreken de cijfers (‘values’): een object met per criterium "
                "een getal.",
            )
            continue
        if columns is None:
            continue
        parsed = _row_values(values, i, shown, validators, p)
        if parsed is not None and name is not None:
            rows.append(Row(name, parsed))
    return rows


def json_number(value: Decimal | None) -> str:
    return "" if value is None else canonical_number(value)


def table_to_json(rows: Sequence[Row], columns: Sequence[Column]) -> list[dict[str, object]]:
    """Rows as scenario JSON: every column present, numbers as canonical Dutch strings."""
    return [
        {
            "name": r.name,
            "values": {c.id: json_number(r.values.get(c.id)) for c in columns},
        }
        for r in rows
    ]
