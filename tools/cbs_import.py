"""Import one year of CBS inhabitants per municipality (StatLine 70072ned) into the open data
package ``engine/calculators/src/calculators/catalogue/cbs/``.

Usage::

    python tools/cbs_import.py export.csv [--jaar 2023] [--gemeentelijst gemeenten-2023.csv]
    python tools/cbs_import.py export.csv --controleer     # check and show, write nothing

The StatLine export names municipalities, it has no codes: a name gets its GM code from the
data package itself (earlier years) or, after a herindeling, from the CBS list "Gemeenten
alfabetisch <jaar>". Everything is checked before anything is written; then the year's rows
are added or replaced (other years stay) and the description in ``datapackage.json`` gets a
line for that year. The rows are read and written by ``calculators.catalogue.population``,
the loader the calculators use, so both agree on the file.

Exit codes: 0 done (or nothing to change), 1 refused (nothing changed), 2 wrong use, 130 Ctrl-C.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from calculators.catalogue import population, site
from calculators.catalogue.regions import Region
from sitecontent import (
    ContentError,
    DutchArgumentParser,
    existing_file,
    say,
    shown,
    write_together,
    year_argument,
)
from tools.import_cli import CATALOGUE, main_of

PACKAGE = CATALOGUE / "cbs"
DATAPACKAGE = "datapackage.json"
# A year with at least this many municipalities covers the whole country (342 in 2023;
# herindelingen lower it by a few a year); 2020 and 2021 hold only the site's 25.
NATIONAL_MINIMUM = 300
# The national population grows well under 1% a year; more than this per year is a wrong
# file or a wrong column, not growth.
MAX_NATIONAL_CHANGE = 0.03
# A municipality changing more than this is shown (a herindeling or a wrong match).
NOTABLE_CHANGE = 0.05


def _combined(region: Region, regions: list[Region]) -> bool:
    """A region made of smaller ones of the file: the differences show only its total."""
    smaller = {c for r in regions if len(r.codes) < len(region.codes) for c in r.codes.values()}
    return set(region.codes.values()) <= smaller


_PERIOD = re.compile(r"(?P<year>[0-9]{4})(?:JJ00)?(?P<provisional>\*?)")
# StatLine's own suffixes: "Beek (L.)", "Hengelo (O.)", "Utrecht (gemeente)". A province or
# other region has capitals without a dot: "Limburg (PV)", "Noord-Nederland (LD)".
_MUNICIPALITY_SUFFIX = re.compile(r"\s*\((?:gemeente|[A-Za-z]{1,4}\.)\)$")
_OTHER_REGION = re.compile(r"\s\([A-Z]{2,4}\)$")
_NATIONAL = "Nederland"
REFUSED = "Niet ingelezen; er is niets veranderd"
_EMPTY = ("", ".")


@dataclass
class ExportRow:
    line: int
    year: int
    name: str
    value: str


@dataclass
class Export:
    path: Path
    rows: list[ExportRow]
    provisional: set[int] = field(default_factory=set)

    def years_with_values(self) -> list[int]:
        return sorted({r.year for r in self.rows if r.value.strip() not in _EMPTY})


@dataclass
class Plan:
    """What the import would do: the new rows of the year and what to tell the editor."""

    year: int
    rows: list[population.Row]
    report: list[str]
    csv_text: str
    json_text: str
    changed_files: list[Path]


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _signed(value: int) -> str:
    return ("+" if value > 0 else "") + _n(value)


def _percent(new: int, old: int) -> str:
    return f"{(new - old) / old * 100:+.1f}%".replace(".", ",")


def _fold(name: str) -> str:
    """A name compared without case, accents or apostrophe style ("Súdwest-Fryslân")."""
    plain = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold().strip()


def _read_text(path: Path, what: str) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ContentError([f"{shown(path)}: is een map, geen {what}."]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContentError(
            [
                f"{shown(path)}: is geen UTF-8-tekst. Download de {what} opnieuw als CSV "
                "(niet openen en opslaan in Excel)."
            ]
        ) from None


def _csv_rows(text: str) -> list[list[str]]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _column(header: list[str], *names: str) -> int | None:
    wanted = [n.casefold() for n in names]
    for index, cell in enumerate(header):
        if cell.replace("\u2019", "'").strip().casefold() in wanted:
            return index
    return None


def read_export(path: Path) -> Export:
    """The rows of a StatLine CSV export of 70072ned: period, region, total population."""
    table = _csv_rows(_read_text(path, "StatLine-export"))
    where = shown(path)
    if not table:
        raise ContentError([f"{where}: het bestand is leeg."])
    header = table[0]
    period = _column(header, "Perioden")
    region = _column(header, "Regio's")
    totals = [i for i, cell in enumerate(header) if "totale bevolking" in cell.casefold()]
    missing = [name for name, index in (("Perioden", period), ("Regio's", region)) if index is None]
    if not totals:
        missing.append("Totale bevolking (aantal)")
    if missing or period is None or region is None:
        raise ContentError(
            [
                f"{where}: dit lijkt geen StatLine-export van 70072ned; de kolom(men) "
                f"{', '.join(missing)} ontbreken. Kies in StatLine tabel 70072ned, onderwerp "
                "Bevolking > Bevolkingssamenstelling op 1 januari > Totale bevolking, en "
                "download als CSV."
            ]
        )
    if len(totals) > 1:
        raise ContentError(
            [f"{where}: er zijn {len(totals)} kolommen 'Totale bevolking'; laat er één over."]
        )
    value = totals[0]
    export = Export(path, [])
    problems = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) <= max(period, region, value):
            problems.append(f"{where} regel {line}: te weinig kolommen.")
            continue
        found = _PERIOD.fullmatch(cells[period].strip())
        if not found:
            problems.append(
                f"{where} regel {line}: periode '{cells[period]}' is geen jaar (zoals 2023)."
            )
            continue
        year = int(found["year"])
        if found["provisional"]:
            export.provisional.add(year)
        export.rows.append(ExportRow(line, year, cells[region].strip(), cells[value]))
    if problems:
        raise ContentError(problems[:20])
    return export


def read_municipality_list(path: Path) -> dict[str, str]:
    """A CBS list "Gemeenten alfabetisch <jaar>" (saved as CSV): code -> name."""
    table = _csv_rows(_read_text(path, "gemeentelijst"))
    where = shown(path)
    header = table[0] if table else []
    gm = _column(header, "GemeentecodeGM", "MunicipalCodeGM")
    number = _column(header, "Gemeentecode", "MunicipalCode")
    name = _column(header, "Gemeentenaam", "MunicipalName")
    if name is None or (gm is None and number is None):
        raise ContentError(
            [
                f"{where}: dit lijkt geen CBS-lijst 'Gemeenten alfabetisch'; verwacht de "
                "kolommen GemeentecodeGM (of Gemeentecode) en Gemeentenaam."
            ]
        )
    codes: dict[str, str] = {}
    problems = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        try:
            raw = cells[gm] if gm is not None else cells[number or 0]
            label = cells[name].strip()
        except IndexError:
            problems.append(f"{where} regel {line}: te weinig kolommen.")
            continue
        raw = raw.strip()
        code = f"GM{int(raw):04d}" if gm is None and raw.isdigit() else raw
        if not re.fullmatch(r"GM[0-9]{4}", code) or not label:
            problems.append(
                f"{where} regel {line}: '{raw}' is geen gemeentecode, of er is geen naam."
            )
        elif code in codes:
            problems.append(f"{where} regel {line}: {code} staat er twee keer in.")
        else:
            codes[code] = label
    if problems:
        raise ContentError(problems[:20])
    if not codes:
        raise ContentError([f"{where}: er staan geen gemeenten in."])
    return codes


class _Names:
    """Finds the GM code for a name as StatLine writes it."""

    def __init__(self, names: Iterable[tuple[str, str]]):
        # name -> codes; a name may have meant other codes in other years, so a set.
        self.exact: dict[str, set[str]] = {}
        for name, code in names:
            self.exact.setdefault(name, set()).add(code)
        self.stripped: dict[str, set[str]] = {}
        self.folded: dict[str, set[str]] = {}
        for name, codes in self.exact.items():
            self.stripped.setdefault(_MUNICIPALITY_SUFFIX.sub("", name), set()).update(codes)
            self.folded.setdefault(_fold(name), set()).update(codes)
            self.folded.setdefault(_fold(_MUNICIPALITY_SUFFIX.sub("", name)), set()).update(codes)

    def codes(self, name: str) -> set[str]:
        """Exact name first ("Bergen (L.)"), then without StatLine's suffix ("Beek (L.)" is
        "Beek"), then without case and accents; the first step that finds a code decides."""
        bare = _MUNICIPALITY_SUFFIX.sub("", name)
        for table, key in (
            (self.exact, name),
            (self.exact, bare),
            (self.stripped, name),
            (self.folded, _fold(name)),
            (self.folded, _fold(bare)),
        ):
            if key in table:
                return table[key]
        return set()


def _year_line(description: str, year: int) -> str | None:
    found = re.search(rf"^- {year}: .*$", description, re.MULTILINE)
    return found.group(0) if found else None


def _with_year_line(description: str, year: int, text: str) -> str:
    """The description with ``- <year>: text`` in its list of years (replaced or added in
    order), so each year keeps its own provenance."""
    line = f"- {year}: {text}"
    lines = description.split("\n")
    years = [(i, int(m[1])) for i, s in enumerate(lines) if (m := re.match(r"- ([0-9]{4}): ", s))]
    for index, other in years:
        if other == year:
            lines[index] = line
            return "\n".join(lines)
    before = [i for i, other in years if other < year]
    if before:
        lines.insert(before[-1] + 1, line)
    elif years:
        lines.insert(years[0][0], line)
    else:
        lines += ["", "Per jaar:", line]
    return "\n".join(lines)


def _reference_year(rows: Iterable[population.Row], year: int) -> int | None:
    """The year whole-country checks compare with: the newest earlier year with the whole
    country, else the year itself as the package has it now (a re-import), else a later one."""
    counts: dict[int, int] = {}
    for row in rows:
        counts[row.year] = counts.get(row.year, 0) + 1
    national = sorted(y for y, n in counts.items() if n >= NATIONAL_MINIMUM)
    earlier = [y for y in national if y < year]
    if earlier:
        return earlier[-1]
    if year in national:
        return year
    later = [y for y in national if y > year]
    return later[0] if later else None


def plan(
    export: Export,
    package: Path,
    year: int | None = None,
    municipality_list: Mapping[str, str] | None = None,
    list_name: str = "",
) -> Plan:
    """Check the export against the package and work out the new files; writes nothing."""
    csv_path, json_path = package / population.CSV_NAME, package / DATAPACKAGE
    try:
        current = population.parse_csv(_read_text(csv_path, "CSV"))
        meta = json.loads(_read_text(json_path, "datapackage.json"))
    except population.PopulationDataError as exc:
        raise ContentError([f"{shown(package)}: {exc}"]) from None
    except json.JSONDecodeError as exc:
        raise ContentError([f"{shown(json_path)} regel {exc.lineno}: geen geldige JSON."]) from None
    where = shown(export.path)

    available = export.years_with_values()
    if not available:
        raise ContentError([f"{where}: geen enkel jaar heeft inwonertallen."])
    if year is None:
        year = available[-1]
    elif year not in available:
        raise ContentError(
            [
                f"{where}: geen inwonertallen voor {year}; wel voor "
                f"{', '.join(str(y) for y in available)}. Kies een ander jaar met --jaar."
            ]
        )

    # Names -> codes: the list of the year first (its spelling wins), then the package,
    # newest year first.
    known = list((municipality_list or {}).items())
    known += [(r.code, r.name) for r in sorted(current, key=lambda r: -r.year)]
    names = _Names((name, code) for code, name in known)
    newest_name: dict[str, str] = {}
    for code, name in known:
        newest_name.setdefault(code, name)

    problems: list[str] = []
    values: dict[str, int] = {}
    lines_of: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    without_value: dict[str, int] = {}
    national: int | None = None
    for row in (r for r in export.rows if r.year == year):
        at = f"{where} regel {row.line}"
        raw = row.value.strip()
        if row.name in seen_names:
            problems.append(
                f"{at}: '{row.name}' staat twee keer in {year} (ook op regel "
                f"{seen_names[row.name]})."
            )
            continue
        seen_names[row.name] = row.line
        if raw in _EMPTY:
            # A municipality that no longer (or not yet) exists has an empty cell.
            without_value[row.name] = row.line
            continue
        if not re.fullmatch(r"[0-9]+", raw) or int(raw) < 1:
            problems.append(
                f"{at}: '{row.name}' heeft '{row.value}' als inwonertal; verwacht een heel "
                "getal groter dan 0, zonder punten of spaties."
            )
            continue
        if row.name == _NATIONAL:
            national = int(raw)
            continue
        if _OTHER_REGION.search(row.name):
            continue  # a province or part of the country, not a municipality
        codes = names.codes(row.name)
        if not codes:
            hint = (
                "staat ook niet in de gemeentelijst"
                if municipality_list is not None
                else "is het een nieuwe gemeente na een herindeling, geef dan de CBS-lijst "
                f"'Gemeenten alfabetisch {year}' mee met --gemeentelijst"
            )
            problems.append(
                f"{at}: '{row.name}' heeft geen gemeentecode: de naam staat niet in het "
                f"pakket; {hint}."
            )
            continue
        if len(codes) > 1:
            problems.append(
                f"{at}: '{row.name}' kan meer gemeenten zijn ({', '.join(sorted(codes))}); "
                "StatLine schrijft dan iets als 'Bergen (L.)'."
            )
            continue
        code = next(iter(codes))
        if code in values:
            problems.append(
                f"{at}: '{row.name}' is dezelfde gemeente ({code}) als regel {lines_of[code]}."
            )
            continue
        values[code] = int(raw)
        lines_of[code] = row.line

    reference = _reference_year(current, year)
    before = {r.code: r for r in current if r.year == reference}
    dissolved: list[str] = []
    if municipality_list is not None:
        for code in sorted(set(municipality_list) - set(values)):
            name = municipality_list[code]
            problems.append(
                f"'{name}' ({code}) staat in de gemeentelijst {list_name} maar heeft geen "
                f"inwonertal in de export voor {year}."
            )
        for code in sorted(set(values) - set(municipality_list)):
            problems.append(
                f"{where} regel {lines_of[code]}: '{newest_name[code]}' ({code}) staat niet in "
                f"de gemeentelijst {list_name}."
            )
    if municipality_list is not None and set(municipality_list) != set(values):
        problems.append(f"Is {list_name} de CBS-lijst 'Gemeenten alfabetisch {year}'?")
    for code in sorted(set(before) - set(values)):
        old = before[code]
        if municipality_list is not None and code not in municipality_list:
            dissolved.append(f"{old.name} ({code})")
            continue
        if municipality_list is not None:
            continue  # already reported above
        empty = [n for n in without_value if names.codes(n) == {code}]
        detail = (
            f"; de export heeft de regel '{empty[0]}' wel, maar zonder getal"
            if empty
            else "; de export noemt de gemeente niet"
        )
        problems.append(
            f"'{old.name}' ({code}) staat in {reference} in het pakket maar ontbreekt in de "
            f"export voor {year}{detail}. Is de gemeente opgeheven (herindeling), geef dan de "
            f"CBS-lijst 'Gemeenten alfabetisch {year}' mee met --gemeentelijst."
        )

    new_total = sum(values.values())
    if national is not None and national != new_total and not problems:
        problems.append(
            f"{where}: de gemeenten tellen op tot {_n(new_total)}, maar de regel 'Nederland' "
            f"zegt {_n(national)}; ontbreken er gemeenten in de export?"
        )
    old_total = sum(r.inhabitants for r in before.values())
    if reference is not None and values and not problems:
        allowed = MAX_NATIONAL_CHANGE * max(1, abs(year - reference))
        if abs(new_total - old_total) > allowed * old_total:
            problems.append(
                f"{where}: Nederland heeft volgens deze export {_n(new_total)} inwoners in "
                f"{year}, tegen {_n(old_total)} in {reference} ({_percent(new_total, old_total)}); "
                f"meer dan {MAX_NATIONAL_CHANGE * 100:.0f}% per jaar verschil is niet "
                "aannemelijk. Klopt de kolom (Totale bevolking) en het jaar?"
            )
    if not values and not problems:
        problems.append(f"{where}: geen gemeenten met een inwonertal in {year}.")
    if problems:
        raise ContentError(problems, title=REFUSED)

    day = dt.date(year, 1, 1)
    # The list of the year comes first in newest_name, so its spelling wins.
    new_rows = [
        population.Row(code, newest_name[code], year, day, count) for code, count in values.items()
    ]
    kept = [r for r in current if r.year != year]
    csv_text = population.format_csv([*kept, *new_rows])
    population.parse_csv(csv_text)  # the loader must read what is written

    old_year = {r.code: r for r in current if r.year == year}
    same = old_year == {r.code: r for r in new_rows}
    description = str(meta.get("description", ""))
    if not same or _year_line(description, year) is None:
        provenance = (
            f"{len(new_rows)} gemeenten (indeling op 1 januari {year}), samen {_n(new_total)} "
            f"inwoners. StatLine-export '{export.path.name}', ingelezen met "
            f"tools/cbs_import.py op {dt.date.today().isoformat()}"
            + (f"; codes uit de CBS-lijst {list_name}" if municipality_list is not None else "")
            + (" (voorlopige cijfers)" if year in export.provisional else "")
            + "."
        )
        meta["description"] = _with_year_line(description, year, provenance)
    json_text = json.dumps(meta, indent=2, ensure_ascii=False) + "\n"

    report = _report(current, new_rows, year, reference, dissolved, export, same, old_year)
    changed = [
        path
        for path, text in ((csv_path, csv_text), (json_path, json_text))
        if _read_text(path, path.name) != text
    ]
    return Plan(year, new_rows, report, csv_text, json_text, changed)


def _report(
    current: tuple[population.Row, ...],
    new_rows: list[population.Row],
    year: int,
    reference: int | None,
    dissolved: list[str],
    export: Export,
    same: bool,
    old_year: Mapping[str, population.Row],
) -> list[str]:
    new = {r.code: r for r in new_rows}
    total = sum(r.inhabitants for r in new_rows)
    out = [
        f"CBS-inwoners op 1 januari {year} uit {export.path.name}: {len(new)} gemeenten, "
        f"samen {_n(total)} inwoners"
        + (" (voorlopige cijfers)." if year in export.provisional else ".")
    ]
    if old_year:
        changed = sum(1 for c, r in new.items() if old_year.get(c) != r)
        gone = len(set(old_year) - set(new))
        out.append(
            f"{year} stond al in het pakket: "
            + (
                "de cijfers zijn precies gelijk."
                if same
                else f"{changed} gemeenten nieuw of anders, {gone} niet meer; die regels worden "
                "vervangen."
            )
        )
    earlier = sorted({r.year for r in current if r.year < year})
    previous = earlier[-1] if earlier else None
    if previous is None:
        out.append("Geen eerder jaar in het pakket om mee te vergelijken.")
    else:
        old = {r.code: r for r in current if r.year == previous}
        out.append(f"Verschil met {previous}, per gemeente van de regio's van de site:")
        regions = list(site.regions().values())
        shown_codes = [c for r in regions for c in r.codes.values()]
        named = [new.get(c) or old.get(c) for c in shown_codes]
        width = max((len(r.name) for r in named if r is not None), default=20)
        for region in (r for r in regions if not _combined(r, regions)):
            out.append(f"  {region.label}")
            for code in tuple(region.codes.values()):
                out.append("    " + _diff_line(code, new, old, width))
            codes = tuple(region.codes.values())
            out.append("    " + _total_line("totaal", codes, new, old, width))
        for region in (r for r in regions if _combined(r, regions)):
            codes = tuple(region.codes.values())
            out.append("  " + _total_line(region.label, codes, new, old, width + 2))
    if reference is not None:
        base = {r.code: r for r in current if r.year == reference}
        old_total = sum(r.inhabitants for r in base.values())
        then = f"{reference} zoals het nu in het pakket staat" if reference == year else reference
        out.append(
            f"Nederland: {_n(old_total)} ({then}, {len(base)} gemeenten) -> {_n(total)} "
            f"({year}, {len(new)} gemeenten): {_signed(total - old_total)} "
            f"({_percent(total, old_total)})."
        )
        notable = [
            f"{new[c].name} ({c}): {_n(base[c].inhabitants)} -> {_n(new[c].inhabitants)} "
            f"({_percent(new[c].inhabitants, base[c].inhabitants)})"
            for c in sorted(new)
            if c in base
            and abs(new[c].inhabitants - base[c].inhabitants) > NOTABLE_CHANGE * base[c].inhabitants
        ]
        if notable:
            out.append(
                f"Let op, meer dan {NOTABLE_CHANGE * 100:.0f}% verschil met {reference} "
                "(herindeling? verkeerde naam?):"
            )
            out += [f"  {line}" for line in notable]
        fresh = [f"{new[c].name} ({c})" for c in sorted(new) if c not in base]
        if fresh:
            out.append(f"Nieuw ten opzichte van {reference}: " + ", ".join(fresh) + ".")
    if dissolved:
        out.append("Opgeheven volgens de gemeentelijst: " + ", ".join(dissolved) + ".")
    return out


def _diff_line(
    code: str, new: Mapping[str, population.Row], old: Mapping[str, population.Row], width: int
) -> str:
    name = new.get(code) or old.get(code)
    label = f"{name.name if name else code} ({code})".ljust(width + 9)
    if code not in new:
        return f"{label} ontbreekt in {next(iter(new.values())).year}"
    now = new[code].inhabitants
    if code not in old:
        return f"{label} {'-':>9} -> {_n(now):>9}  (nieuw)"
    then = old[code].inhabitants
    return (
        f"{label} {_n(then):>9} -> {_n(now):>9}  {_signed(now - then):>7} ({_percent(now, then)})"
    )


def _total_line(
    label: str,
    codes: Iterable[str],
    new: Mapping[str, population.Row],
    old: Mapping[str, population.Row],
    width: int,
) -> str:
    codes = list(codes)
    label = label.ljust(width + 9)
    if not all(c in new for c in codes) or not all(c in old for c in codes):
        return f"{label} niet te vergelijken (niet alle gemeenten in beide jaren)"
    now = sum(new[c].inhabitants for c in codes)
    then = sum(old[c].inhabitants for c in codes)
    return (
        f"{label} {_n(then):>9} -> {_n(now):>9}  {_signed(now - then):>7} ({_percent(now, then)})"
    )


def _existing_folder(text: str) -> Path:
    path = Path(text)
    if not (path / population.CSV_NAME).is_file() or not (path / DATAPACKAGE).is_file():
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen map met {population.CSV_NAME} en {DATAPACKAGE}."
        )
    return path


def _parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="tools/cbs_import.py",
        description=(
            "Lees een jaar CBS-inwonertallen per gemeente (StatLine 70072ned, CSV) in het "
            "datapakket engine/calculators/src/calculators/catalogue/cbs/ in."
        ),
    )
    parser.add_argument(
        "export", type=existing_file, metavar="EXPORT", help="de StatLine-export (CSV)"
    )
    parser.add_argument(
        "--jaar",
        type=year_argument,
        default=None,
        help="het jaar dat u inleest; standaard het nieuwste jaar met cijfers in de export",
    )
    parser.add_argument(
        "--gemeentelijst",
        type=existing_file,
        metavar="CSV",
        help="CBS-lijst 'Gemeenten alfabetisch <jaar>' als CSV: nodig na een herindeling",
    )
    parser.add_argument(
        "--controleer",
        action="store_true",
        help="alleen controleren en de verschillen tonen; niets schrijven",
    )
    parser.add_argument(
        "--pakket",
        type=_existing_folder,
        default=PACKAGE,
        metavar="MAP",
        help="map van het datapakket (standaard engine/calculators/src/calculators/catalogue/cbs)",
    )
    return parser


def _import(args: argparse.Namespace) -> int:
    try:
        return _import_checked(args)
    except ContentError as exc:
        # One heading for every refusal, also for a file that cannot be read.
        raise ContentError(exc.messages, exc.title or REFUSED) from exc


def _import_checked(args: argparse.Namespace) -> int:
    export = read_export(args.export)
    listed = None
    list_name = ""
    if args.gemeentelijst is not None:
        listed = read_municipality_list(args.gemeentelijst)
        list_name = f"'{args.gemeentelijst.name}'"
    done = plan(export, args.pakket, args.jaar, listed, list_name)
    for line in done.report:
        say(line)
    if not done.changed_files:
        say(f"Niets veranderd: {done.year} staat al precies zo in het pakket.")
        return 0
    if args.controleer:
        names = ", ".join(shown(p) for p in done.changed_files)
        say(f"Alleen gecontroleerd (--controleer): niets geschreven. Zou veranderen: {names}.")
        return 0
    texts = {
        args.pakket / population.CSV_NAME: done.csv_text,
        args.pakket / DATAPACKAGE: done.json_text,
    }
    write_together({path: texts[path] for path in done.changed_files})
    for path in done.changed_files:
        say(f"Bijgewerkt: {shown(path)}")
    if done.year != population.REFERENCE_YEAR:
        say(
            f"De rekenhulpen rekenen nog met {population.REFERENCE_YEAR} (REFERENCE_YEAR in "
            "engine/calculators/src/calculators/catalogue/population.py); dat verandert pas "
            "als iemand dat jaar aanpast."
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    return main_of(_parser(), _import, argv)


if __name__ == "__main__":
    sys.exit(main())
