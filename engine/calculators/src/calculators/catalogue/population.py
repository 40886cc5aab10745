"""Real inhabitants per municipality on 1 January, from CBS (StatLine 70072ned).

The figures live in the open data package ``calculators/catalogue/cbs/`` (``inwoners.csv``
with ``datapackage.json``), shipped inside the calculators wheel, so they are read with
:mod:`importlib.resources`: the same code works from the source tree, an installed wheel and
Pyodide's in-browser file system. The file is parsed once, on first use, and kept; importing
this module reads nothing, so the calculators start as fast as before.

The key is the CBS municipality code (``GM0935``), never the name: the names follow the CBS
list of that year (with the province in brackets where two share a name, "Valkenburg aan
de Geul") and differ from the spellings in the sources and in
StatLine exports. ``tools/cbs_import.py`` adds a new year; it reads and writes the file with
:func:`parse_csv` and :func:`format_csv`, so the command and the loader cannot disagree.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

__all__ = [
    "CSV_NAME",
    "FIELDS",
    "PACKAGE_FOLDER",
    "REFERENCE_DATE",
    "REFERENCE_YEAR",
    "SOURCE_CREDIT",
    "TABLE",
    "Municipality",
    "PopulationDataError",
    "Row",
    "by_code",
    "format_csv",
    "inhabitants",
    "parse_csv",
    "rows",
    "series",
    "source_credit",
    "total",
    "years",
]

#: The StatLine table the figures come from ("Regionale kerncijfers Nederland").
TABLE = "70072ned"
#: The year the calculators use. A deliberate constant, not "the newest year in the file": a
#: newly imported year changes the calculators' figures only when someone changes this.
REFERENCE_YEAR = 2022
#: CBS counts the population on 1 January of each year.
REFERENCE_DATE = dt.date(REFERENCE_YEAR, 1, 1)

#: The data package's folder inside this package, and its one table.
PACKAGE_FOLDER = "cbs"
CSV_NAME = "inwoners.csv"
#: The CSV's columns, in order (the schema in ``datapackage.json`` says the same).
FIELDS = ("gemeentecode", "gemeente", "jaar", "peildatum", "inwoners")

_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
_CODE = re.compile(r"GM[0-9]{4}")
_WHOLE = re.compile(r"[1-9][0-9]*")


def _dutch_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def source_credit(year: int = REFERENCE_YEAR) -> str:
    """The attribution CC BY 4.0 asks for, for the figures of ``year``."""
    return f"Bron: CBS, StatLine {TABLE}, {_dutch_date(dt.date(year, 1, 1))}"


#: "Bron: CBS, StatLine 70072ned, 1 januari 2022": shown wherever these figures are.
SOURCE_CREDIT = source_credit(REFERENCE_YEAR)


class PopulationDataError(ValueError):
    """The data file is not as its schema says; the message names the line, in Dutch,
    because ``tools/cbs_import.py`` shows it to an editor."""


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    #: as the CBS list of that year spells it
    name: str
    inhabitants: int


@dataclass(frozen=True, slots=True)
class Row:
    """One line of ``inwoners.csv``."""

    code: str
    name: str
    year: int
    date: dt.date
    inhabitants: int


def parse_csv(text: str) -> tuple[Row, ...]:
    """Every row of the CSV text, checked against the schema (also the primary key)."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != FIELDS:
        raise PopulationDataError(
            f"{CSV_NAME}: de kopregel moet {','.join(FIELDS)} zijn, niet {header!r}."
        )
    found: list[Row] = []
    seen: set[tuple[str, int]] = set()
    for line, cells in enumerate(reader, start=2):
        row = _row(cells, line)
        if (row.code, row.year) in seen:
            raise PopulationDataError(
                f"{CSV_NAME} regel {line}: {row.code} staat twee keer in {row.year}."
            )
        seen.add((row.code, row.year))
        found.append(row)
    return tuple(sorted(found, key=lambda r: (r.year, r.code)))


def _row(cells: list[str], line: int) -> Row:
    where = f"{CSV_NAME} regel {line}"
    if len(cells) != len(FIELDS):
        raise PopulationDataError(f"{where}: {len(cells)} velden, verwacht {len(FIELDS)}.")
    code, name, year, date, count = cells
    if not _CODE.fullmatch(code):
        raise PopulationDataError(f"{where}: {code!r} is geen gemeentecode (GM en 4 cijfers).")
    if not name.strip() or name != name.strip():
        raise PopulationDataError(f"{where}: de naam van {code} is leeg of heeft spaties rond.")
    if not re.fullmatch(r"[0-9]{4}", year):
        raise PopulationDataError(f"{where}: {year!r} is geen jaar.")
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise PopulationDataError(f"{where}: {date!r} is geen datum (JJJJ-MM-DD).") from None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date) or day.year != int(year):
        raise PopulationDataError(f"{where}: peildatum {date!r} hoort niet bij jaar {year}.")
    if not _WHOLE.fullmatch(count):
        raise PopulationDataError(f"{where}: {count!r} is geen heel getal groter dan 0.")
    return Row(code, name, int(year), day, int(count))


def format_csv(found: Iterable[Row]) -> str:
    """The CSV text for ``found``: sorted by year and code, LF line ends, quotes only where
    needed, so a new import changes only the lines that changed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in sorted(found, key=lambda r: (r.year, r.code)):
        writer.writerow([row.code, row.name, row.year, row.date.isoformat(), row.inhabitants])
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class _Data:
    rows: tuple[Row, ...]
    by_year: Mapping[int, Mapping[str, Municipality]]
    by_code: Mapping[str, Mapping[int, int]]


@functools.cache
def _data() -> _Data:
    # Through the package, not a file path: inside a wheel or Pyodide there may be no
    # source tree.
    text = (
        resources.files(__package__ or "calculators.catalogue")
        .joinpath(PACKAGE_FOLDER, CSV_NAME)
        .read_text(encoding="utf-8")
    )
    found = parse_csv(text)
    by_year: dict[int, dict[str, Municipality]] = {}
    by_code: dict[str, dict[int, int]] = {}
    for row in found:
        by_year.setdefault(row.year, {})[row.code] = Municipality(
            row.code, row.name, row.inhabitants
        )
        by_code.setdefault(row.code, {})[row.year] = row.inhabitants
    return _Data(
        found,
        MappingProxyType({y: MappingProxyType(m) for y, m in by_year.items()}),
        MappingProxyType({c: MappingProxyType(s) for c, s in by_code.items()}),
    )


def rows() -> tuple[Row, ...]:
    """Every row of the data package, sorted by year and code."""
    return _data().rows


def years() -> tuple[int, ...]:
    """The years with figures, oldest first (not every year has every municipality)."""
    return tuple(sorted(_data().by_year))


def by_code(year: int = REFERENCE_YEAR) -> Mapping[str, Municipality]:
    """The municipalities with figures for ``year``, by CBS code (read-only)."""
    found = _data().by_year.get(year)
    if found is None:
        shown = ", ".join(str(y) for y in years())
        raise LookupError(f"Geen CBS-inwonertallen voor {year}; wel voor {shown}.")
    return found


def inhabitants(code: str, year: int = REFERENCE_YEAR) -> int:
    """Inhabitants of municipality ``code`` (``GM0983``) on 1 January of ``year``."""
    found = by_code(year).get(code)
    if found is None:
        raise LookupError(f"Geen CBS-inwonertal voor {code} in {year}.")
    return found.inhabitants


def series(code: str) -> dict[int, int]:
    """Inhabitants of municipality ``code`` per year, oldest first."""
    found = _data().by_code.get(code)
    if found is None:
        raise LookupError(f"Geen CBS-inwonertallen voor {code}.")
    return dict(sorted(found.items()))


def total(codes: Iterable[str], year: int = REFERENCE_YEAR) -> int:
    """The inhabitants of ``codes`` together (a region) on 1 January of ``year``."""
    return sum(inhabitants(code, year) for code in codes)
