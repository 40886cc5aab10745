"""Read a pasted or uploaded CSV (Excel, international, CBS StatLine) into a scenario's table.

Columns are matched to the table's columns by code or name (case, spaces, accents and a
trailing "(…)" ignored), or by a column's ``aliases``: the names CBS and Excel sheets tend to
use, declared with the criterion in :mod:`calculators.catalogue`. Rows named
"Totaal" (and "Nederland" in a CBS download) and result columns of our own export are
skipped, so an exported CSV reads back in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .csvio import CSV_FIELD, Table, match_names, normalize_label, read_cell_number, read_table
from .problems import InputError, Problems, quote
from .table import MAX_MUNICIPALITIES, Column, columns_text, json_number, too_many
from .validators import municipality_name, name_key

#: A row of scenario JSON.
Json = dict[str, object]
#: (line in the file, municipality, column id -> canonical number, "" when empty)
FileRow = tuple[int, str, dict[str, str]]
_TOTAL_ROW_NAMES = {"totaal", "total"}
# CBS downloads often add the whole country as a region.
_CBS_TOTAL_ROW_NAMES = {"nederland"}


@dataclass(frozen=True, slots=True)
class ImportResult:
    #: The new ``municipalities`` list (scenario JSON).
    municipalities: list[Json]
    summary: str
    convention: str


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _bare(text: str) -> str:
    return normalize_label(re.sub(r"\([^()]*\)", "", text))


def _match_column(candidates: Sequence[str], columns: Sequence[Column]) -> Column | None:
    by_norm: dict[str, Column] = {}
    by_bare: dict[str, list[Column]] = {}
    for c in columns:
        by_norm.setdefault(normalize_label(c.id), c)
        by_norm.setdefault(normalize_label(c.label), c)
    for c in columns:
        for alias in c.aliases:
            by_norm.setdefault(normalize_label(alias), c)
        by_bare.setdefault(_bare(c.label), []).append(c)
    for text in candidates:
        # "Inleg" matches "Inleg (euro)"; "Inwoners (aantal)" matches "Inwoners".
        bare = _bare(text)
        unique_bare = by_bare[bare][0] if len(by_bare.get(bare, [])) == 1 else None
        found = by_norm.get(normalize_label(text)) or by_norm.get(bare) or unique_bare
        if found is not None:
            return found
    return None


def _map_columns(
    table: Table, columns: Sequence[Column], is_result: Callable[[str], bool], p: Problems
) -> tuple[dict[int, Column], list[str]]:
    mapped: dict[int, Column] = {}
    first: dict[str, int] = {}
    ignored = list(table.ignored_columns)
    for j in range(1, len(table.headers)):
        header = table.headers[j]
        column = _match_column(table.header_candidates[j], columns)
        if column is None:
            if is_result(" ".join(header.casefold().split())):
                ignored.append(header)
                continue
            p.add(
                CSV_FIELD,
                f"De kolom {quote(header)} (kolom {j + 1}) hoort bij geen enkel criterium. "
                f"Bekende kolommen: {columns_text(columns)}. Pas de kolomnaam aan, of voeg "
                "eerst het criterium toe.",
            )
        elif column.id in first:
            k = first[column.id]
            p.add(
                CSV_FIELD,
                f"De kolommen {quote(table.headers[k])} (kolom {k + 1}) en {quote(header)} "
                f"(kolom {j + 1}) horen allebei bij {quote(column.label)}. Laat er één staan.",
            )
        else:
            first[column.id] = j
            mapped[j] = column
    if not mapped and not p:
        p.add(
            CSV_FIELD,
            "Geen enkele kolom in het bestand hoort bij een criterium. Bekende kolommen: "
            f"{columns_text(columns)}.",
        )
    return mapped, ignored


def _file_rows(
    table: Table, mapped: dict[int, Column], p: Problems
) -> tuple[list[FileRow], list[str]]:
    """(line, name, values) per municipality in the file, and the skipped total rows."""
    skip = _TOTAL_ROW_NAMES | (_CBS_TOTAL_ROW_NAMES if table.convention == "cbs" else set())
    rows: list[FileRow] = []
    skipped: list[str] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        try:
            name = municipality_name(row.cells[0], CSV_FIELD, f"regel {row.line} van het bestand")
        except InputError as error:
            p.collect(error)
            continue
        key = name_key(name)
        if key in skip:
            skipped.append(name)
            continue
        if key in seen:
            p.add(
                CSV_FIELD,
                f"{quote(name)} staat twee keer in het bestand: op regel {seen[key]} en op "
                f"regel {row.line}. Laat er één staan.",
            )
            continue
        seen[key] = row.line
        values: dict[str, str] = {}
        for j, column in mapped.items():
            label = f"{quote(column.label)} van {name}"
            try:
                value = read_cell_number(
                    table,
                    row,
                    j,
                    label=label,
                    maximum=column.maximum,
                    integer=column.integer,
                )
            except InputError as error:
                p.collect(error)
                continue
            values[column.id] = json_number(value)
        rows.append((row.line, name, values))
    if not rows and not p:
        p.add(CSV_FIELD, "Het bestand heeft geen regels met gemeenten.")
    return rows, skipped


def _update(
    existing: Sequence[object], file_rows: Sequence[FileRow], p: Problems
) -> tuple[list[Json], int, list[str]]:
    municipalities: list[Json] = [dict(m) if isinstance(m, dict) else {} for m in existing]
    names = [m.get("name") for m in municipalities]
    known = [name.strip() if isinstance(name, str) else "" for name in names]
    matches = match_names([name for _, name, _ in file_rows], known)
    taken: dict[int, tuple[int, str]] = {}
    for (line, name, values), index in zip(file_rows, matches, strict=True):
        if index is None or not known[index]:
            p.add(
                CSV_FIELD,
                f"Regel {line}: de gemeente {quote(name)} staat niet in de tabel. Controleer "
                "de naam, of kies ‘vervangen’ om de tabel te vervangen door het bestand.",
            )
        elif index in taken:
            other_line, other = taken[index]
            p.add(
                CSV_FIELD,
                f"Regel {other_line} ({quote(other)}) en regel {line} ({quote(name)}) horen "
                f"allebei bij {quote(known[index])}. Laat er één staan.",
            )
        else:
            taken[index] = (line, name)
            entry = municipalities[index]
            old = entry.get("values")
            entry["values"] = {**(old if isinstance(old, dict) else {}), **values}
    untouched = [known[i] for i in range(len(known)) if i not in taken and known[i]]
    return municipalities, len(taken), untouched


def import_rows(
    existing: object,
    columns: Sequence[Column],
    text: object,
    mode: object = "update",
    is_result: Callable[[str], bool] = lambda header: False,
) -> ImportResult:
    """Read CSV ``text`` into the table ``existing`` (scenario JSON ``municipalities``).

    ``mode="update"`` changes only the values of municipalities already in the table (a name
    not in it is an error); ``mode="replace"`` makes the file's rows the table (columns not in
    the file stay empty). ``is_result(header)`` says which headers (casefolded) are results of
    our own export, skipped on re-import. Raises :class:`InputError` (field ``csv``).
    """
    if mode not in ("update", "replace"):
        raise InputError.single(
            "mode",
            "Kies bij het inlezen ‘update’ (cijfers bijwerken) of ‘replace’ (tabel vervangen); "
            f"{quote(mode)} kan niet.",
        )
    if mode == "update" and not isinstance(existing, list):
        raise InputError.single(
            "municipalities",
            "Er is nog geen tabel met gemeenten om bij te werken. Kies ‘vervangen’ om de tabel "
            "uit het bestand te maken.",
        )
    p = Problems()
    table = read_table(text)
    mapped, ignored = _map_columns(table, columns, is_result, p)
    p.raise_if_any()
    file_rows, skipped = _file_rows(table, mapped, p)
    if mode == "replace" and len(file_rows) > MAX_MUNICIPALITIES:
        p.add(
            CSV_FIELD, too_many(f"Het bestand heeft {len(file_rows)} gemeenten", MAX_MUNICIPALITIES)
        )
    p.raise_if_any()
    labels = ", ".join(c.label for c in mapped.values())
    count = _plural(len(mapped), "kolom", "kolommen")
    if mode == "replace":
        municipalities: list[Json] = [
            {"name": name, "values": {c.id: values.get(c.id, "") for c in columns}}
            for _, name, values in file_rows
        ]
        summary = (
            f"{_plural(len(file_rows), 'gemeente', 'gemeenten')} ingelezen, {count} ({labels})"
        )
        empty = [c.label for c in columns if c not in mapped.values()]
        if empty:
            summary += f"; niet in het bestand en dus leeg: {', '.join(empty)}"
    else:
        rows = existing if isinstance(existing, list) else []  # a list: checked above
        municipalities, updated, untouched = _update(rows, file_rows, p)
        p.raise_if_any()
        summary = f"{_plural(updated, 'gemeente', 'gemeenten')}, {count} bijgewerkt ({labels})"
        if untouched:
            summary += f"; niet in het bestand en dus niet veranderd: {', '.join(untouched)}"
    if skipped:
        summary += f"; overgeslagen regels: {', '.join(skipped)}"
    if ignored:
        summary += f"; overgeslagen kolommen: {', '.join(ignored)}"
    return ImportResult(municipalities, summary, table.convention)
