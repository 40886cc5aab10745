"""Every figure can be traced to its source document.

- In the data files (CSV and YAML under docs/) every figure has a source field: a ``bron``
  column filled in on its row (CSV), or a ``bron`` key in its own mapping or an enclosing one
  (YAML). Numbers that only identify something (goal numbers, years of a file) are not
  figures.
- On the pages of the regiovisie and the background section, every table is followed by a
  line "Bron bij deze tabel: ..." naming the document and the part of it, and the chart names
  its source as well.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from tests.content.pages import article, page, visible_text

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# YAML keys whose numbers identify or order something rather than state a fact.
IDENTIFYING_KEYS = {"nummer", "pijler", "ambitie", "ambities", "jaar", "id", "doel"}
NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)*%?$")
SOURCE_TITLES = (
    "Regiovisie Meedoen en Wonen 2022-2026",
    "Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio",
    "Collegevoorstel Regioplan Beschermd Thuis 2020",
    "Uitvoeringsplan doordecentralisatie beschermd wonen en maatschappelijke opvang",
    "Regionale uitgangspunten maatschappelijke opvang, beschermd wonen, bemoeizorg en "
    "OGGz-preventie",
)
# Words that name a part of a document: a section, chapter, appendix, point or page.
PART = re.compile(
    r"paragraaf|hoofdstuk|bijlage|beslispunt|uitgangspunt|inleiding|samenvatting|aanleiding|"
    r"\bblz\.|\bpagina\b|\b\d\.\s?[A-Z]"
)


def data_files() -> list[Path]:
    found = []
    for pattern in ("*.csv", "*.yaml", "*.yml"):
        found += [p for p in DOCS.rglob(pattern) if "assets" not in p.parts]
    return sorted(found)


def csv_problems(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        return []
    header, problems = rows[0], []
    source_column = header.index("bron") if "bron" in header else None
    for number, row in enumerate(rows[1:], start=2):
        figures = [cell for i, cell in enumerate(row) if i != source_column and NUMBER.match(cell)]
        if not figures:
            continue
        if source_column is None:
            problems.append(f"{path.name}: regel {number} heeft cijfers maar geen kolom 'bron'")
        elif not row[source_column].strip():
            problems.append(f"{path.name}: regel {number} heeft cijfers maar geen bron")
    return problems


def yaml_problems(path: Path) -> list[str]:
    problems: list[str] = []

    def walk(node, where: str, sourced: bool, key: str | None) -> None:
        if isinstance(node, dict):
            here = sourced or bool(str(node.get("bron") or "").strip())
            for name, value in node.items():
                walk(value, f"{where}.{name}", here, str(name))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]", sourced, key)
        elif isinstance(node, (int, float)) and not isinstance(node, bool):
            if key not in IDENTIFYING_KEYS and not sourced:
                problems.append(f"{path.name}: {where} = {node} heeft geen bron")

    walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem, False, None)
    return problems


def problems_in(path: Path) -> list[str]:
    return csv_problems(path) if path.suffix == ".csv" else yaml_problems(path)


# ------------------------------------------------------------------ the rule itself


def test_rule_flags_a_csv_figure_without_source(tmp_path):
    path = tmp_path / "cijfers.csv"
    path.write_text("onderdeel,2020\nplekken,511\n", encoding="utf-8")
    assert csv_problems(path) == ["cijfers.csv: regel 2 heeft cijfers maar geen kolom 'bron'"]
    path.write_text("onderdeel,2020,bron\nplekken,511,\ntekst,geen,\n", encoding="utf-8")
    assert csv_problems(path) == ["cijfers.csv: regel 2 heeft cijfers maar geen bron"]
    path.write_text("onderdeel,2020,bron\nplekken,511,Regiovisie\n", encoding="utf-8")
    assert csv_problems(path) == []


def test_rule_flags_a_yaml_figure_without_source(tmp_path):
    path = tmp_path / "2030.yaml"
    path.write_text(
        "jaar: 2030\nactiviteiten:\n  - {id: 5-1, ambitie: 5, doel: '5.1', budget: 25000}\n",
        encoding="utf-8",
    )
    assert yaml_problems(path) == ["2030.yaml: 2030.activiteiten[0].budget = 25000 heeft geen bron"]
    path.write_text(
        "jaar: 2030\nactiviteiten:\n  - {id: 5-1, budget: 25000, bron: Begroting 2030}\n",
        encoding="utf-8",
    )
    assert yaml_problems(path) == []
    # A source higher up covers everything below it; booleans are no figures.
    path.write_text("bron: Regiovisie\nrijen:\n  - {aantal: 3, ja: true}\n", encoding="utf-8")
    assert yaml_problems(path) == []


# ------------------------------------------------------------------ the site's data files


def test_data_files_are_the_expected_ones():
    names = {p.relative_to(DOCS).as_posix() for p in data_files()}
    assert {
        "regiovisie/data/transformatie-2018-2020.csv",
        "achtergrond/data/leidse-regio-investeringsfonds.csv",
        "regiovisie/data/gemeenten.yaml",
        "regiovisie/doelen.yaml",
        "beleidsagenda/2022.yaml",
    } <= names


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_figure_in_a_data_file_has_a_source(path):
    assert problems_in(path) == []


@pytest.mark.parametrize(
    "path",
    [p for p in data_files() if p.suffix == ".csv"],
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_csv_sources_name_a_document_and_its_part(path):
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert any(title in row["bron"] for title in SOURCE_TITLES), row
            assert PART.search(row["bron"]), row


# ------------------------------------------------------------------ sources at the point of use


def tables_and_what_follows(html: str) -> list[tuple[str, str]]:
    """(table class, visible text of the first paragraph after the table) per table."""
    found = []
    for match in re.finditer(r"<table( class=\"([^\"]*)\")?>.*?</table>", html, re.DOTALL):
        rest = html[match.end() :]
        paragraph = re.search(r"<p\b[^>]*>(.*?)</p>", rest, re.DOTALL)
        found.append((match.group(2) or "", visible_text(paragraph.group(1)) if paragraph else ""))
    return found


SECTION_PAGES = [
    "regiovisie/terugblik",
    "regiovisie/aanleiding",
    "regiovisie/afdrukken",
    "achtergrond/leidse-regio",
    "achtergrond/maastricht-heuvelland",
]


@pytest.mark.build
@pytest.mark.parametrize("url", SECTION_PAGES)
def test_every_table_names_its_source_and_part(built_site, url):
    html = article(page(built_site, url))
    tables = tables_and_what_follows(html)
    assert tables, url
    for css_class, after in tables:
        # The goals matrix holds goal numbers and names, no figures; its page names its
        # source (paragraaf 2.4) at the bottom.
        if "regiovisie-doelen" in css_class:
            continue
        assert after.startswith("Bron bij deze tabel:"), (url, css_class, after[:80])
        assert any(title in after for title in SOURCE_TITLES), (url, after)
        assert PART.search(after), (url, after)


@pytest.mark.build
def test_transformation_chart_names_its_source(built_site):
    html = article(page(built_site, "regiovisie/terugblik"))
    svg = re.search(r'<svg class="rekenhulp-grafiek" id="transformatie-grafiek".*?</svg>', html)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg.group(0), re.DOTALL).group(1)
    assert "Regiovisie Meedoen en Wonen 2022-2026, paragraaf 1.1" in desc
    after = visible_text(html[svg.end() : svg.end() + 2000])
    assert after.startswith(
        "Bron bij deze grafiek: Regiovisie Meedoen en Wonen 2022-2026, paragraaf 1.1"
    )
