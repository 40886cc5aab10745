"""The map on the overview page Gemeenten, and the command that imports its boundaries.

The built page is read as the other content tests read it (``tests/content/pages.py``); the
municipalities and their links come from gemeenten.yaml, not from the code that drew the map.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from hooks.gemeenten.data import slug
from tests.content.pages import article, page, visible_text
from tools import geo_import

ROOT = Path(__file__).resolve().parents[2]
MUNICIPALITIES = yaml.safe_load(
    (ROOT / "docs" / "regiovisie" / "data" / "gemeenten.yaml").read_text(encoding="utf-8")
)["gemeenten"]
SVG = "{http://www.w3.org/2000/svg}"
CREDIT = (
    "Gemeentegrenzen 2022: CBS Gebiedsindelingen (via PDOK), © Kadaster / Centraal Bureau voor "
    "de Statistiek, 2022; vereenvoudigd"
)


# ------------------------------------------------------------------ the built page


@pytest.fixture(scope="module")
def overview(built_site) -> str:
    return article(page(built_site, "gemeenten"))


@pytest.fixture(scope="module")
def the_map(overview) -> ET.Element:
    found = re.search(
        r'<div class="kaart" id="gemeenten-kaart">.*?</svg>.*?</div></div>', overview, re.S
    )
    assert found, "no map on the overview"
    return ET.fromstring(found.group(0))


@pytest.mark.build
def test_the_map_links_each_municipality_to_its_page(the_map):
    links = {}
    for anchor in the_map.iter(f"{SVG}a"):
        title = anchor.find(f"{SVG}path/{SVG}title")
        assert title is not None
        links[title.text] = anchor.get("href")
    assert links == {m["naam"]: f"{slug(m['naam'])}/" for m in MUNICIPALITIES}


@pytest.mark.build
def test_the_map_tells_the_two_parts_apart(the_map):
    tones: dict[str, set[str]] = {}
    for anchor in the_map.iter(f"{SVG}a"):
        shape = anchor.find(f"{SVG}path")
        assert shape is not None
        name = shape.findtext(f"{SVG}title")
        part = next(m["deelregio"] for m in MUNICIPALITIES if m["naam"] == name)
        tones.setdefault(part, set()).update(re.findall(r"kaart-toon-\d", shape.get("class", "")))
    assert len(tones["Noord-Limburg"]) == len(tones["Midden-Limburg"]) == 1
    assert tones["Noord-Limburg"] != tones["Midden-Limburg"]
    legend = [" ".join("".join(li.itertext()).split()) for li in the_map.iter("li")]
    assert legend == ["Noord-Limburg", "Midden-Limburg"]


@pytest.mark.build
def test_the_credit_line_is_under_the_map_and_the_table_stays(overview):
    text = visible_text(overview)
    assert CREDIT in text
    assert overview.index(CREDIT) < overview.index("gemeenten-overzicht")
    assert 'class="rekenhulp-tabel gemeenten-overzicht"' in overview


# ------------------------------------------------------------------ the import command


def square(x: int, y: int, size: int) -> list[list[int]]:
    """A counter-clockwise square in RD metres (GeoJSON repeats the first vertex)."""
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def test_the_import_keeps_holes_parts_and_shared_vertices():
    unit = geo_import.METRES_PER_UNIT
    base_x, base_y = 200_000, 400_000
    # Two neighbours sharing the edge x = base_x + 40 units; the first has a hole and an
    # island; a vertex 10 m off the grid rounds the same way in both.
    west = {
        "type": "MultiPolygon",
        "coordinates": [
            [
                [[base_x, base_y], [base_x + 40 * unit, base_y + 10], [base_x + 40 * unit,
                  base_y + 40 * unit], [base_x, base_y + 40 * unit], [base_x, base_y]],
                square(base_x + 10 * unit, base_y + 10 * unit, 5 * unit)[::-1],
            ],
            [square(base_x - 20 * unit, base_y, 5 * unit)],
        ],
    }  # fmt: skip
    east = {
        "type": "Polygon",
        "coordinates": [
            [[base_x + 40 * unit, base_y + 10], [base_x + 80 * unit, base_y], [base_x + 80 * unit,
             base_y + 40 * unit], [base_x + 40 * unit, base_y + 40 * unit],
             [base_x + 40 * unit, base_y + 10]]
        ],
    }  # fmt: skip
    one = geo_import.outline(
        {"properties": {"gemeentecode": "GM0001", "gemeente": "West"}, "geometry": west}, "1"
    )
    two = geo_import.outline(
        {"properties": {"gemeentecode": "GM0002", "gemeente": "Oost"}, "geometry": east}, "2"
    )
    assert [len(polygon) for polygon in one.polygons] == [2, 1]  # hole and island kept
    assert one.max_shift <= unit / 2 * 2**0.5
    shared = {p for ring in one.polygons[0] for p in ring} & set(two.polygons[0][0])
    assert geo_import.project(base_x + 40 * unit, base_y + 10) in shared
    assert len(shared) == 2
    # The path says the same rings: three rings, each closed, moves relative after the first.
    path = geo_import.path_text(one.polygons)
    assert path.count("m") == 3 and path.count("z") == 3
    assert path.startswith(f"m{base_x // unit} ")
    anchor = geo_import.label_anchor(one.polygons)
    assert geo_import._inside(anchor[0], anchor[1], one.polygons[0])
    assert not geo_import._inside(anchor[0], anchor[1], [one.polygons[0][1]])  # not in the hole


def test_the_import_refuses_another_coordinate_system():
    with pytest.raises(geo_import.ContentError, match="EPSG:28992"):
        geo_import.outlines(
            {"crs": {"properties": {"name": "EPSG:4326"}}, "features": []},
            {"crs": {"properties": {"name": "EPSG:28992"}}, "features": []},
        )
