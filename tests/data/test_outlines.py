"""The map outlines as the repository holds them (``calculators/catalogue/geo/gemeenten.json``,
made by ``tools/geo_import.py``): every municipality of the country, so a new region's site
draws a map. A site's wheel carries its own municipalities only, so these tests run in
CPython, not inside Pyodide with a site's wheel (tests/calculators/test_maps.py runs in both).
"""

from __future__ import annotations

import json

from calculators.catalogue import population
from calculators.catalogue.site import regions
from calculators.render import maps
from tests.calculators.test_maps import geo_file

REGIONS = regions()


def test_the_file_holds_every_municipality_detailed_where_the_regions_are():
    """All 345 municipalities of 2022 (the CBS data package's list), so a new region's site
    draws a map; the 25 of the regions in this site's region file in detail."""
    wanted = {code for region in REGIONS.values() for code in region.codes.values()}
    data = geo_file()
    assert set(data["municipalities"]) == set(population.by_code(2022))
    assert len(data["municipalities"]) == 345
    detailed = {c for c, item in data["municipalities"].items() if not item.get("national")}
    assert detailed == wanted and len(wanted) == 25
    assert data["crs"] == "EPSG:28992" and data["metres_per_unit"] > 0
    assert "Kadaster / Centraal Bureau voor de Statistiek" in data["credit"]
    assert data["credit_national"].startswith(data["credit"])
    assert "heel Nederland" in data["credit_national"]


def test_a_map_of_coarse_outlines_says_so():
    """Parkstad Limburg (in no region of this site) is drawn from the national file, and its
    credit says how coarse that is; the site's own regions keep the plain credit."""
    parkstad = {"Heerlen": "GM0917", "Kerkrade": "GM0928", "Landgraaf": "GM0882"}
    drawn = maps.region_map(parkstad, title="Parkstad", description="Drie gemeenten.")
    assert drawn.count('class="kaart-vorm') == 3 and "kaart-ontbreekt" not in drawn
    assert maps.credit(parkstad.values()) == geo_file()["credit_national"]
    assert maps.credit(parkstad.values()) in drawn
    assert maps.credit(REGIONS["maastricht-heuvelland"].codes.values()) == geo_file()["credit"]


def test_a_site_carries_only_its_own_outlines():
    chosen = maps.outlines_file({"GM0917", "GM0935"})
    data = json.loads(chosen)
    assert sorted(data["municipalities"]) == ["GM0917", "GM0935"]
    assert data["municipalities"]["GM0935"] == geo_file()["municipalities"]["GM0935"]
    assert {k: v for k, v in data.items() if k != "municipalities"} == {
        k: v for k, v in geo_file().items() if k != "municipalities"
    }
