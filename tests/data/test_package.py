"""The CBS data package calculators/catalogue/cbs/ and its loader.

The expected figures below are typed from the README of the source data (its table of
regional sums and its list of codes), not computed from the package: they are the
independent check that the package holds what the sources say.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.catalogue import population
from calculators.catalogue.site import regions

#: The regions of the site's region file (regio.yml).
REGIONS = regions()

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "engine" / "calculators" / "src" / "calculators" / "catalogue" / "cbs"

# The 25 municipalities of the site's four regions, as the source README and the CBS list
# "Gemeenten alfabetisch 2022" give them.
REGIONS_2022 = {
    "Noord-Limburg": {
        "GM0889": "Beesel",
        "GM0893": "Bergen (L.)",
        "GM0907": "Gennep",
        "GM1507": "Horst aan de Maas",
        "GM1894": "Peel en Maas",
        "GM0983": "Venlo",
        "GM0984": "Venray",
    },
    "Midden-Limburg": {
        "GM1711": "Echt-Susteren",
        "GM1640": "Leudal",
        "GM1641": "Maasgouw",
        "GM0946": "Nederweert",
        "GM1669": "Roerdalen",
        "GM0957": "Roermond",
        "GM0988": "Weert",
    },
    "Maastricht-Heuvelland": {
        "GM1903": "Eijsden-Margraten",
        "GM1729": "Gulpen-Wittem",
        "GM0935": "Maastricht",
        "GM0938": "Meerssen",
        "GM0981": "Vaals",
        "GM0994": "Valkenburg aan de Geul",
    },
    "Leidse Regio": {
        "GM0546": "Leiden",
        "GM0547": "Leiderdorp",
        "GM0579": "Oegstgeest",
        "GM0626": "Voorschoten",
        "GM0638": "Zoeterwoude",
    },
}
# Regiototalen, README of the source data: 2020, 2021, 2022.
REGION_SUMS = {
    "Noord-Limburg": (274_758, 275_441, 277_168),
    "Midden-Limburg": (237_412, 238_268, 239_098),
    "Maastricht-Heuvelland": (206_814, 205_443, 206_069),
    "Leidse Regio": (211_196, 211_027, 212_966),
}
NATIONAL_2022 = 17_590_672
REGION_IDS = {
    "Noord-Limburg": "noord-limburg",
    "Midden-Limburg": "midden-limburg",
    "Maastricht-Heuvelland": "maastricht-heuvelland",
    "Leidse Regio": "leidse-regio",
}


def _validate(folder: Path):
    from frictionless import validate

    return validate(folder / "datapackage.json")


def test_package_is_valid_frictionless_data():
    report = _validate(PACKAGE)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("GM0983,Venlo,2022,2022-01-01,102136", "primary-key"),  # the same key twice
        ("GM9999,Proef,2022,2022-01-01,0", "constraint-error"),  # minimum 1
        ("G0983,Venlo,2019,2019-01-01,1", "constraint-error"),  # pattern
        ("GM9999,Proef,2022,1-1-2022,1", "type-error"),  # not an ISO date
    ],
)
def test_validation_reads_the_rows(tmp_path, line, problem):
    """The check above would also fail on a bad row, so its pass means something."""
    copy = tmp_path / "cbs"
    shutil.copytree(PACKAGE, copy)
    with (copy / "inwoners.csv").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    report = _validate(copy)
    assert not report.valid
    assert problem in {error[0] for error in report.flatten(["type"])}


def test_descriptor():
    meta = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = meta["resources"]
    assert resource["path"] == "inwoners.csv"
    schema = resource["schema"]
    assert [f["name"] for f in schema["fields"]] == list(population.FIELDS)
    types = {f["name"]: f["type"] for f in schema["fields"]}
    assert types == {
        "gemeentecode": "string",
        "gemeente": "string",
        "jaar": "integer",
        "peildatum": "date",
        "inwoners": "integer",
    }
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields["gemeentecode"]["constraints"]["pattern"] == r"^GM\d{4}$"
    assert fields["inwoners"]["constraints"]["minimum"] == 1
    assert schema["primaryKey"] == ["gemeentecode", "jaar"]
    assert [lic["name"] for lic in meta["licenses"]] == ["CC-BY-4.0"]
    assert "Bron: CBS" in meta["licenses"][0]["title"]
    sources = " ".join(s["title"] for s in meta["sources"])
    assert "70072ned" in sources and "Regionale kerncijfers Nederland" in sources
    assert "85318NED" in sources
    assert "03759ned" in meta["description"]  # where 18+ would come from


def test_rows_per_year():
    counts = {year: len(population.by_code(year)) for year in population.years()}
    assert counts == {2020: 25, 2021: 25, 2022: 345}
    header = (PACKAGE / "inwoners.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "gemeentecode,gemeente,jaar,peildatum,inwoners"  # no 18+, no bron


def test_the_regions_municipalities_with_their_codes():
    for region, municipalities in REGIONS_2022.items():
        assert set(REGIONS[REGION_IDS[region]].codes.values()) == set(municipalities)
        for year in (2020, 2021, 2022):
            found = population.by_code(year)
            for code, name in municipalities.items():
                assert found[code].name == name, (year, code)


def test_region_codes_cover_the_site_regions():
    for region in REGIONS.values():
        assert len(set(region.codes.values())) == len(region.municipalities)
    both = REGIONS["noord-en-midden-limburg"].codes.values()
    assert set(both) == set(REGIONS_2022["Noord-Limburg"]) | set(REGIONS_2022["Midden-Limburg"])


@pytest.mark.parametrize("region", list(REGION_SUMS))
def test_region_sums(region):
    codes = list(REGIONS_2022[region])
    for year, expected in zip((2020, 2021, 2022), REGION_SUMS[region], strict=True):
        assert population.total(codes, year) == expected, (region, year)


def test_national_total_2022():
    assert sum(m.inhabitants for m in population.by_code(2022).values()) == NATIONAL_2022


def test_loader_equals_a_plain_read_of_the_file():
    import pandas as pd

    frame = pd.read_csv(PACKAGE / "inwoners.csv", dtype={"gemeentecode": str, "gemeente": str})
    assert len(frame) == len(population.rows())
    for record in frame.itertuples(index=False):
        year = int(record.jaar)
        found = population.by_code(year)[str(record.gemeentecode)]
        assert found.name == record.gemeente
        assert found.inhabitants == int(record.inwoners)
        assert population.inhabitants(str(record.gemeentecode), year) == int(record.inwoners)
        assert str(record.peildatum) == f"{year}-01-01"
    with (PACKAGE / "inwoners.csv").open(encoding="utf-8", newline="") as handle:
        plain = list(csv.DictReader(handle))
    assert population.format_csv(population.rows()) == (PACKAGE / "inwoners.csv").read_text(
        encoding="utf-8"
    ), "the file is not in the form the import command writes"
    assert {(r["gemeentecode"], int(r["jaar"])) for r in plain} == {
        (r.code, r.year) for r in population.rows()
    }


def test_loader_api():
    assert population.REFERENCE_YEAR == 2022
    assert population.REFERENCE_DATE.isoformat() == "2022-01-01"
    assert population.SOURCE_CREDIT == "Bron: CBS, StatLine 70072ned, 1 januari 2022"
    assert population.source_credit(2021) == "Bron: CBS, StatLine 70072ned, 1 januari 2021"
    assert population.inhabitants("GM0983") == 102_136  # Venlo, default year 2022
    assert population.series("GM0893") == {2020: 13_085, 2021: 13_108, 2022: 13_106}
    assert list(population.series("GM0014")) == [2022]  # Groningen: only the national year
    venlo = population.by_code()["GM0983"]
    assert (venlo.code, venlo.name, venlo.inhabitants) == ("GM0983", "Venlo", 102_136)
    assert len(population.by_code(population.REFERENCE_YEAR)) == 345
    with pytest.raises(TypeError):
        population.by_code()["GM0983"] = venlo  # type: ignore[index]
    with pytest.raises(LookupError, match="2019"):
        population.by_code(2019)
    with pytest.raises(LookupError, match="GM9999"):
        population.inhabitants("GM9999")
    with pytest.raises(LookupError, match="GM0014"):
        population.inhabitants("GM0014", 2021)
    with pytest.raises(LookupError):
        population.series("Venlo")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,naam\n", "kopregel"),
        ("gemeentecode,gemeente,jaar,peildatum,inwoners\nGM1,X,2022,2022-01-01,1\n", "GM"),
        ("gemeentecode,gemeente,jaar,peildatum,inwoners\nGM0001,X,2022,2022-01-01,0\n", "0"),
        ("gemeentecode,gemeente,jaar,peildatum,inwoners\nGM0001,X,2022,2021-01-01,5\n", "jaar"),
        (
            "gemeentecode,gemeente,jaar,peildatum,inwoners\n"
            "GM0001,X,2022,2022-01-01,5\nGM0001,X,2022,2022-01-01,5\n",
            "twee keer",
        ),
    ],
)
def test_parser_refuses_a_broken_file(text, message):
    with pytest.raises(population.PopulationDataError, match=message):
        population.parse_csv(text)


def test_works_from_the_wheel(tmp_path):
    """Read through importlib.resources from the built wheel, as Pyodide does: the CSV and
    the descriptor are in the wheel, and the loader finds them without a source tree."""
    uv = Path(sys.executable).parent / "uv"
    if not uv.exists():
        pytest.skip("uv ontbreekt in deze omgeving")
    subprocess.run(
        [str(uv), "build", "--wheel", "--no-build-isolation", "--out-dir", str(tmp_path), "-q"],
        cwd=ROOT / "engine" / "calculators",
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = tmp_path.glob("calculators-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "calculators/catalogue/cbs/inwoners.csv" in names
    assert "calculators/catalogue/cbs/datapackage.json" in names
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import calculators.catalogue.population as p;"
        "assert '.whl' in p.__file__, p.__file__;"
        "print(p.inhabitants('GM0983'), len(p.by_code()), p.SOURCE_CREDIT)"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", script, str(wheel)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "102136 345 Bron: CBS, StatLine 70072ned, 1 januari 2022"


def test_wheel_is_rebuilt_when_the_data_changes(tmp_path, monkeypatch):
    """The engine's pyodide_dist.py caches the wheel by a digest of its sources: the data files
    count, hidden temporary files do not."""
    from regio_engine import pyodide_dist

    project = tmp_path / "engine" / "calculators"
    data = project / "src" / "calculators" / "catalogue" / "cbs"
    data.mkdir(parents=True)
    (project / "src" / "calculators" / "__init__.py").write_text("")
    (data / "inwoners.csv").write_text("a\n")
    assert pyodide_dist.WHEEL_SOURCES[0] == "engine/calculators"
    for name in pyodide_dist.WHEEL_SOURCES:
        if name != "engine/calculators":
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(name)
    npm = tmp_path / "node_modules" / "pyodide"
    npm.mkdir(parents=True)
    (npm / "pyodide-lock.json").write_text("{}")
    monkeypatch.setattr(pyodide_dist, "ROOT", tmp_path)
    monkeypatch.setattr(pyodide_dist, "PYODIDE_NPM", npm)
    wheel = pyodide_dist.SiteWheel("{}", ("ingroeipad", "verdeelsleutel"), "{}")
    first = pyodide_dist._source_digest(wheel)
    (data / ".inwoners.csv.123.tmp").write_text("half")
    assert pyodide_dist._source_digest(wheel) == first
    # Another site's region file, calculators or outlines make another wheel.
    for other in ({"region": '{"regio": "x"}'}, {"offered": ("ingroeipad",)}, {"outlines": "[]"}):
        assert pyodide_dist._source_digest(dataclasses.replace(wheel, **other)) != first
    (data / "inwoners.csv").write_text("b\n")
    assert pyodide_dist._source_digest(wheel) != first
