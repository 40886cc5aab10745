"""The 14 municipalities of Noord- en Midden-Limburg as the municipality pages need them.

Read at build time from three places, never typed into a page:

- ``docs/regiovisie/data/gemeenten.yaml``: name, part of the region, CBS code, and whether
  Venlo was already its centrumgemeente at the end of 2019 (the page Aanleiding reads it too);
- ``docs/gemeenten/vermeldingen.yaml``: what the sources say about one municipality by name;
- the calculators: real inhabitants from the CBS data package
  (:mod:`calculators.catalogue.population`) and each calculator's default result, computed by
  the calculators' own entry point, the way the calculator pages compute their static result.

The pages themselves are made by :mod:`.pages`.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from calculators.catalogue import population, site
from calculators.core.calculator import find
from calculators.core.entry import handle_request
from sitecontent import ContentError, Paths, shown
from sitecontent._yaml import YAMLError, error_text, load_yaml

TITLE = "De gemeenten of hun vermeldingen kloppen niet"
PARTS = ("Noord-Limburg", "Midden-Limburg")
#: The calculators a municipality page shows, in the order of the site's menu.
CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")
#: The years of inhabitants a page shows, when the data package has them.
YEARS = (2020, 2021, 2022)
#: The table column that holds the inhabitants in every calculator's CSV export.
INHABITANTS_HEADER = "Inwoners"

KIND_EXAMPLE = "voorbeeld"
KIND_COMPUTED = "berekend"
# "CBS 1-1-2022": the peildatum written short, so it fits a table cell.
KIND_CBS = (
    f"CBS {population.REFERENCE_DATE.day}-{population.REFERENCE_DATE.month}-"
    f"{population.REFERENCE_DATE.year}"
)

_NUMBER = re.compile(r"^(-?)(\d+)(,\d+)?$")
_SLUG = re.compile(r"[^a-z0-9]+")


def municipalities_file(paths: Paths) -> Path:
    return paths.docs / "regiovisie" / "data" / "gemeenten.yaml"


def mentions_file(paths: Paths) -> Path:
    return paths.docs / "gemeenten" / "vermeldingen.yaml"


def served_link(from_src: str, to_src: str) -> str:
    """A relative link between two pages as they are served (``gemeenten/venray.md`` is
    ``gemeenten/venray/``), for raw HTML, which MkDocs leaves as it is."""

    def served(src: str) -> str:
        path = src.removesuffix(".md")
        return "" if path == "index" else path.removesuffix("/index").removesuffix("index") + "/"

    return posixpath.relpath(served(to_src) or ".", served(from_src) or ".") + "/"


def slug(name: str) -> str:
    """``Horst aan de Maas`` -> ``horst-aan-de-maas``: the page's address."""
    return _SLUG.sub("-", name.lower()).strip("-")


def page_src(name: str) -> str:
    return f"gemeenten/{slug(name)}.md"


def reading_number(value: str) -> str:
    """A number from the calculators' Dutch CSV (``-1000000,00``), written for reading
    (``-1.000.000,00``): thousands grouped with a point, the decimals left exactly as the
    calculator rounded them. Anything else (``nee``) is text and stays as it is."""
    found = _NUMBER.match(value)
    if found is None:
        return value
    sign, whole, decimals = found.groups()
    return f"{sign}{int(whole):_}".replace("_", ".") + (decimals or "")


@dataclass(frozen=True)
class Mention:
    """One thing a source says about a municipality by name, in the editors' words."""

    text: str
    source: str
    decisions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Municipality:
    name: str
    part: str  # Noord-Limburg or Midden-Limburg
    code: str  # CBS code, GM and four digits
    venlo_2019: bool  # Venlo already its centrumgemeente at the end of 2019
    origin: str  # the region it came from ("regio Nijmegen"), or ""
    mentions: tuple[Mention, ...] = ()

    @property
    def slug(self) -> str:
        return slug(self.name)

    @property
    def src(self) -> str:
        return page_src(self.name)

    @property
    def fragment(self) -> str:
        """``gemeente=Horst%20aan%20de%20Maas``: opens a calculator with this row marked."""
        return "gemeente=" + quote(self.name, safe="")

    def inhabitants(self) -> dict[int, int]:
        """Inhabitants on 1 January per year shown (CBS); a year the package lacks is left
        out rather than estimated."""
        found = population.series(self.code)
        return {year: found[year] for year in YEARS if year in found}


@dataclass(frozen=True)
class Cell:
    """One column of a municipality's row in a calculator's default result."""

    label: str
    value: str  # formatted for reading
    kind: str  # KIND_CBS, KIND_EXAMPLE or KIND_COMPUTED


@dataclass(frozen=True)
class CalculatorExample:
    """A calculator's default scenario, computed now, split into rows per municipality."""

    name: str
    title: str
    scenario_title: str
    region: str  # label of the region the example starts from
    rows: Mapping[str, tuple[Cell, ...]]

    def row(self, municipality: str) -> tuple[Cell, ...] | None:
        return self.rows.get(municipality)

    def link(self, from_src: str, municipality: Municipality) -> str:
        """The calculator's address relative to the page ``from_src``, with the municipality
        to mark. Raw, not a Markdown ``.md`` link: MkDocs would check ``#gemeente=…`` as a
        heading anchor and fail the strict build."""
        page = served_link(from_src, f"rekenhulpen/{self.name}.md")
        return f"{page}#{municipality.fragment}"


def _error(messages: list[str]) -> ContentError:
    return ContentError(messages, TITLE)


def _read(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _error([f"{shown(path)}: kan het bestand niet lezen ({exc.strerror})."]) from None
    except YAMLError as exc:
        raise _error([f"{shown(path)}: {error_text(exc)}"]) from None


def _mentions(path: Path, names: Collection[str], decisions: Collection[str]) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = _read(path)
    found = data.get("vermeldingen") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        raise _error(
            [f"{shown(path)}: verwacht een blok 'vermeldingen' met per gemeente een lijst."]
        )
    problems: list[str] = []
    result: dict[str, tuple[Mention, ...]] = {}
    for name, items in found.items():
        where = f"{shown(path)}, {name}"
        if name not in names:
            problems.append(f"{where}: geen gemeente van de regio (zie gemeenten.yaml).")
            continue
        if not isinstance(items, list):
            problems.append(f"{where}: verwacht een lijst met 'tekst' en 'bron' per punt.")
            continue
        mentions = []
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not item.get("tekst") or not item.get("bron"):
                problems.append(f"{where}, punt {number}: 'tekst' en 'bron' zijn verplicht.")
                continue
            ids = item.get("besluiten") or []
            unknown = [i for i in ids if i not in decisions]
            if unknown:
                problems.append(f"{where}, punt {number}: onbekend besluit {', '.join(unknown)}.")
            text, source = (" ".join(str(item[key]).split()) for key in ("tekst", "bron"))
            mentions.append(Mention(text, source, tuple(i for i in ids if i in decisions)))
        result[name] = tuple(mentions)
    if problems:
        raise _error(problems)
    return result


def load_municipalities(paths: Paths, decisions: Collection[str]) -> list[Municipality]:
    """The 14 in the order of gemeenten.yaml, with what the sources say of each by name.
    ``decisions``: the ids of the records, so a mention cannot link a missing one."""
    path = municipalities_file(paths)
    if not path.exists():
        # A docs folder without the regiovisie's data (a test's small copy): no pages.
        return []
    data = _read(path)
    problems: list[str] = []
    rows = data.get("gemeenten") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise _error([f"{shown(path)}: verwacht een lijst 'gemeenten'."])
    known = population.by_code()
    found: list[tuple[str, str, str, bool, str]] = []
    for number, row in enumerate(rows, start=1):
        where = f"{shown(path)}, gemeente {number}"
        if not isinstance(row, dict) or not isinstance(row.get("naam"), str):
            problems.append(f"{where}: 'naam' ontbreekt.")
            continue
        name, part, code = row["naam"], row.get("deelregio"), row.get("cbs")
        if part not in PARTS:
            problems.append(f"{where} ({name}): deelregio moet {' of '.join(PARTS)} zijn.")
        if code not in known:
            problems.append(f"{where} ({name}): {code!r} is geen CBS-code in het datapakket.")
        venlo = bool(row.get("centrumgemeente_venlo_2019"))
        found.append((name, str(part), str(code), venlo, str(row.get("herkomst") or "")))
    if problems:
        raise _error(problems)
    mentions = _mentions(mentions_file(paths), [f[0] for f in found], decisions)
    return [Municipality(*f, mentions=mentions.get(f[0], ())) for f in found]


def _rows(csv_text: str) -> tuple[list[str], list[list[str]]]:
    reader = csv.reader(io.StringIO(csv_text.removeprefix("\ufeff"), newline=""), delimiter=";")
    table = [row for row in reader if row]
    return table[0], table[1:]


def calculator_example(name: str, municipalities: list[Municipality]) -> CalculatorExample:
    """The default result of calculator ``name``, per municipality, each column marked.

    Which columns are inputs: the ones the calculator does not declare as results
    (``is_result_column``, the same test its CSV import uses). Counting the keys of a
    scenario row would not do: the table's values hold criteria that the export leaves
    out (the Verdeelsleutel keeps "Inleg" in the scenario but exports only the criteria its
    key uses), so a count would call a result column an input. The inhabitants are CBS
    figures only if every row equals the data package; otherwise they are examples."""
    declaration = find(name)
    if declaration is None:
        raise _error([f"rekenhulp {name!r} bestaat niet."])
    default = handle_request({"calculator": name, "action": "default"})
    exported = handle_request(
        {"calculator": name, "action": "export_csv", "scenario": default.get("scenario")}
    )
    if not default.get("ok") or not exported.get("ok"):
        raise _error([f"rekenhulp {name}: het voorbeeld kon niet worden berekend."])
    scenario: dict[str, Any] = default["scenario"]
    headers, body = _rows(str(exported["text"]))
    codes = {m.name: m.code for m in municipalities}
    by_name = {row[0]: row for row in body if row and row[0] in codes}
    inputs = [not declaration.is_result_column(" ".join(h.casefold().split())) for h in headers[1:]]
    value_keys = max(len(r.get("values", {})) for r in scenario["municipalities"])
    if sum(inputs) > value_keys:
        raise _error([f"rekenhulp {name}: meer invoerkolommen in de export dan in het scenario."])
    real = INHABITANTS_HEADER in headers and all(
        row[headers.index(INHABITANTS_HEADER)] == str(population.inhabitants(codes[n]))
        for n, row in by_name.items()
    )

    def kind(header: str, is_input: bool) -> str:
        if not is_input:
            return KIND_COMPUTED
        return KIND_CBS if header == INHABITANTS_HEADER and real else KIND_EXAMPLE

    rows = {
        n: tuple(
            Cell(h, reading_number(v), kind(h, i))
            for h, v, i in zip(headers[1:], row[1:], inputs, strict=True)
        )
        for n, row in by_name.items()
    }
    region = site.regions()[declaration.default_region].label
    return CalculatorExample(name, declaration.title, str(scenario.get("title", "")), region, rows)


def region_total(municipalities: list[Municipality], part: str, year: int) -> int:
    return population.total([m.code for m in municipalities if m.part == part], year)


__all__ = [
    "CALCULATORS",
    "KIND_CBS",
    "KIND_COMPUTED",
    "KIND_EXAMPLE",
    "PARTS",
    "CalculatorExample",
    "Cell",
    "Mention",
    "Municipality",
    "calculator_example",
    "load_municipalities",
    "page_src",
    "reading_number",
    "served_link",
    "region_total",
    "slug",
]
