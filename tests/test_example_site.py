"""The example site of a second region (voorbeelden/maastricht-heuvelland), built with the
same plugin: its calculators know its region only, its decisions are published, and nothing
of this site's region reaches it. The quality gates (CSP, third parties, axe, offline) are
the shared, parametrised tests (tests/test_site_build.py, tests/browser/)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from calculators.catalogue import population, site
from tests.siteserver import EXAMPLE, MAIN

pytestmark = pytest.mark.build

#: The six as the source spells them, with their CBS codes (typed from the CBS list).
HEUVELLAND = {
    "Maastricht": "GM0935",
    "Eijsden-Margraten": "GM1903",
    "Gulpen-Wittem": "GM1729",
    "Meerssen": "GM0938",
    "Vaals": "GM0981",
    "Valkenburg a/d Geul": "GM0994",
}


def main_region_names() -> set[str]:
    """This site's region: its municipalities, its name and its parts', its regiovisie."""
    data = site.parse(site.load_file(MAIN.root / "regio.yml"))
    ours = [r for r in data.regions.values() if set(r.codes) <= set(data.regions[data.own].codes)]
    names = {name for r in ours for name in r.codes} | {r.label for r in ours}
    return names | {"Meedoen en Wonen"}


def test_nothing_of_this_sites_region_is_published_on_the_example(example_site):
    names = main_region_names()
    assert {"Venlo", "Noord-Limburg", "Noord- en Midden-Limburg"} <= names
    pattern = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in sorted(names)))
    texts = [
        path
        for path in example_site.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".js", ".css", ".csv", ".txt"}
    ]
    found = {
        f"{path.relative_to(example_site)}: {match[0]}"
        for path in texts
        for match in pattern.finditer(path.read_text(encoding="utf-8", errors="replace"))
    }
    assert found == set()


def test_the_calculators_in_the_browser_know_the_example_region(example_site):
    lock = json.loads((example_site / "pyodide" / "pyodide-lock.json").read_text())
    wheel = example_site / "pyodide" / lock["packages"]["calculators"]["file_name"]
    with zipfile.ZipFile(wheel) as packed:
        region = json.loads(packed.read("calculators/catalogue/_regio.json"))
    assert region == site.load_file(EXAMPLE.root / "regio.yml")
    assert [r["id"] for r in region["regios"]] == ["maastricht-heuvelland"]
    assert region["regios"][0]["gemeenten"] == HEUVELLAND
    with zipfile.ZipFile(wheel) as packed:
        outlines = json.loads(packed.read("calculators/catalogue/geo/gemeenten.json"))
    assert sorted(outlines["municipalities"]) == sorted(HEUVELLAND.values())


def calculator_packages(built: Path) -> set[str]:
    lock = json.loads((built / "pyodide" / "pyodide-lock.json").read_text())
    wheel = built / "pyodide" / lock["packages"]["calculators"]["file_name"]
    with zipfile.ZipFile(wheel) as packed:
        record = packed.read(next(n for n in packed.namelist() if n.endswith("RECORD")))
        inside = [n for n in packed.namelist() if n.startswith("calculators/")]
    packages = {n.split("/")[1] for n in inside if n.count("/") == 2}
    # RECORD lists what is in the wheel, no more (pip and Pyodide check it).
    listed = {line.split(",")[0] for line in record.decode().splitlines()}
    assert {n for n in listed if n.startswith("calculators/")} == set(inside)
    return packages


def test_the_browser_gets_only_the_calculators_a_site_offers(example_site, built_site):
    """The example's mkdocs.yml offers two; the main site names none, so it offers all."""
    engine = {"core", "catalogue", "render"}
    assert calculator_packages(example_site) == engine | {"verdeelsleutel", "ingroeipad"}
    assert calculator_packages(built_site) == engine | {
        "verdeelsleutel",
        "ingroeipad",
        "spreiding",
        "solidariteit",
    }


def maastricht_row(example_site: Path, calculator: str) -> list[float]:
    """The amounts (euro) in Maastricht's row of the example's result, computed at build."""
    html = (example_site / "rekenhulpen" / calculator / "index.html").read_text(encoding="utf-8")
    assert f'data-rekenhulp="{calculator}"' in html
    for name in HEUVELLAND:
        assert f">{name}</th>" in html, f"{calculator}: no row for {name}"
    row = re.search(r"<th[^>]*>Maastricht</th>(.*?)</tr>", html, re.DOTALL)
    assert row
    amounts = re.findall(r"(-?)€ ([0-9.]+,[0-9]{2})", row[1])
    return [float(f"{sign}{value.replace('.', '').replace(',', '.')}") for sign, value in amounts]


def inhabitants() -> dict[str, int]:
    return {name: population.inhabitants(code) for name, code in HEUVELLAND.items()}


def test_the_verdeelsleutel_splits_the_example_by_the_example_key(example_site):
    # The region file's key: half inhabitants, half use; the example's use is 1 client per
    # 1.000 inhabitants, twice that in the centrumgemeente Maastricht.
    people = inhabitants()
    clients = {name: n // 1000 * (2 if name == "Maastricht" else 1) for name, n in people.items()}
    share = (
        people["Maastricht"] / sum(people.values()) + clients["Maastricht"] / sum(clients.values())
    ) / 2
    amount = maastricht_row(example_site, "verdeelsleutel")[0]
    assert abs(amount - -1_000_000 * share) <= 0.01


def test_the_ingroeipad_goes_from_maastricht_alone_to_100_euro_per_inhabitant(example_site):
    people = inhabitants()
    amounts = maastricht_row(example_site, "ingroeipad")
    assert amounts[0] == 100 * sum(people.values())
    assert amounts[-1] == 100 * people["Maastricht"]


def test_the_decisions_of_the_example_are_published(example_site):
    for record in ("mh-2018-01", "mh-2018-02", "mh-2018-03"):
        page = (example_site / "besluiten" / record / "index.html").read_text(encoding="utf-8")
        assert "20 februari 2018" in page, record
    published = json.loads((example_site / "besluiten" / "besluiten.json").read_text())
    assert sorted(d["id"] for d in published["besluiten"]) == [
        "mh-2018-01",
        "mh-2018-02",
        "mh-2018-03",
    ]
    assert (
        b"<name>Redactie van de voorbeeldsite Maastricht-Heuvelland</name>"
        in (example_site / "feed.xml").read_bytes()
    )


def test_the_example_has_no_agenda_and_no_regiovisie(example_site):
    assert not (example_site / "beleidsagenda").exists()
    assert not (example_site / "regiovisie").exists()
    assert Path(EXAMPLE.root / "docs").is_dir() and not (EXAMPLE.root / "docs/regiovisie").exists()
