"""The map data (``calculators/catalogue/geo/gemeenten.json``) and the map builder
(``calculators.render.maps``).

The source boundaries are not in the repository, so the geometry is checked by invariants
that any correct import keeps: the right 25 codes, closed rings, each label anchor inside its
own outline (by a winding-number test, not the crossing test the code uses), borders that
neighbours share drawn with the same vertices and never crossing, and the regions where they
belong. The paths are read back with a parser of this file's own.
"""

from __future__ import annotations

import functools
import json
import math
import re
import xml.etree.ElementTree as ET
from importlib import resources
from itertools import combinations, pairwise

import pytest

from calculators.catalogue.site import regions
from calculators.render import maps
from calculators.render.html import highlighting

#: The regions of the site's region file (regio.yml).
REGIONS = regions()

Point = tuple[int, int]
SVG = "{http://www.w3.org/2000/svg}"
NML = REGIONS["noord-en-midden-limburg"].codes
NOORD = REGIONS["noord-limburg"].codes
MIDDEN = REGIONS["midden-limburg"].codes


@functools.cache
def geo_text() -> str:
    return resources.files("calculators.catalogue").joinpath("geo", "gemeenten.json").read_text()


def geo_file() -> dict:
    return json.loads(geo_text())


def rings_of(path: str) -> list[list[Point]]:
    """Rings of ``m dx dy l dx dy … z`` paths: relative moves and lines, each ring closed."""
    assert re.fullmatch(r"(m-?\d+[ -]?\d+l(?:[ -]?-?\d+)+z)+", path.replace(" -", "-")), path
    rings: list[list[Point]] = []
    current = (0, 0)
    for ring_text in re.findall(r"m([^l]*)l([^z]*)z", path):
        move = [int(n) for n in re.findall(r"-?\d+", ring_text[0])]
        steps = [int(n) for n in re.findall(r"-?\d+", ring_text[1])]
        assert len(move) == 2 and len(steps) % 2 == 0
        x, y = current[0] + move[0], current[1] + move[1]
        ring = [(x, y)]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
        current = ring[0]  # after z the pen is back at the ring's start
    return rings


def edges(ring: list[Point]) -> list[tuple[Point, Point]]:
    return list(zip(ring, ring[1:] + ring[:1], strict=True))


def winding(point: tuple[float, float], rings: list[list[Point]]) -> int:
    """Sum of winding numbers over the rings (holes wind the other way, so outside is 0)."""
    px, py = point
    total = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in edges(ring):
            side = (x2 - x1) * (py - y1) - (px - x1) * (y2 - y1)
            if y1 <= py < y2 and side > 0:
                total += 1
            elif y2 <= py < y1 and side < 0:
                total -= 1
    return total


def on_segment(p: Point, a: Point, b: Point) -> bool:
    cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    return (
        cross == 0
        and min(a[0], b[0]) <= p[0] <= max(a[0], b[0])
        and (min(a[1], b[1]) <= p[1] <= max(a[1], b[1]))
    )


def properly_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> int:
        value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (value > 0) - (value < 0)

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def distance(p: Point, a: Point, b: Point) -> float:
    """From point ``p`` to the segment ``a``-``b``, in units."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


@pytest.fixture(scope="module")
def outlines() -> dict[str, list[list[Point]]]:
    return {code: rings_of(m["path"]) for code, m in geo_file()["municipalities"].items()}


def box(rings: list[list[Point]]) -> tuple[int, int, int, int]:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


# ------------------------------------------------------------------ the geometry file


def test_the_file_holds_the_regions_municipalities_in_detail():
    """What the package holds: in CPython every municipality (tests/data/test_outlines.py),
    in a site's wheel its own; the regions of the region file always, in detail."""
    wanted = {code for region in REGIONS.values() for code in region.codes.values()}
    data = geo_file()
    assert wanted <= set(data["municipalities"]) and len(wanted) == 25
    assert not any(data["municipalities"][code].get("national") for code in wanted)
    assert data["crs"] == "EPSG:28992" and data["metres_per_unit"] > 0
    assert "Kadaster / Centraal Bureau voor de Statistiek" in data["credit"]


def test_rings_are_closed_and_not_degenerate(outlines):
    for code, rings in outlines.items():
        assert rings, code
        for ring in rings:
            assert len(ring) >= 3, code
            assert ring[0] != ring[-1], code  # closed by z, not by repeating the start
            assert all(a != b for a, b in pairwise(ring)), code


def test_each_label_anchor_lies_inside_its_own_outline(outlines):
    boxes = {code: box(rings) for code, rings in outlines.items()}
    for code, item in geo_file()["municipalities"].items():
        x, y = item["label"]
        assert winding((x, y), outlines[code]) != 0, code
        # Not on the border either, and not inside any other municipality.
        assert not any(
            on_segment((x, y), a, b) for ring in outlines[code] for a, b in edges(ring)
        ), code
        others = [
            c
            for c in outlines
            if c != code and same_level(c, code) and inside_box((x, y), boxes[c])
        ]
        assert all(winding((x + 0.5, y + 0.5), outlines[c]) == 0 for c in others), code


def same_level(one: str, two: str) -> bool:
    """Both from the detailed file, or both from the national one. Borders are one line
    within one file; a map draws one region, whose municipalities come from one file."""
    return national(one) == national(two)


@functools.cache
def national(code: str) -> bool:
    return bool(geo_file()["municipalities"][code].get("national"))


def inside_box(p: Point, bounds: tuple[int, int, int, int]) -> bool:
    return bounds[0] <= p[0] <= bounds[2] and bounds[1] <= p[1] <= bounds[3]


def meets_box(edge: tuple[Point, Point], bounds: tuple[int, int, int, int]) -> bool:
    (x1, y1), (x2, y2) = edge
    return not (
        max(x1, x2) < bounds[0]
        or min(x1, x2) > bounds[2]
        or max(y1, y2) < bounds[1]
        or min(y1, y2) > bounds[3]
    )


def test_neighbours_draw_their_border_with_the_same_vertices(outlines):
    """A vertex of one municipality that lies on the other's outline is a vertex of that
    outline too, and no two outlines cross: the border is one line, not two close ones.

    The national file's edges run up to kilometres between vertices; rounding a vertex near
    a neighbour's edge can put it a little across (three pairs in Flevoland and Overijssel).
    There a crossing is allowed if it is a sliver: one of its ends within a unit (25 m) of
    the other edge, far below a pixel on any map."""
    touching = 0
    boxes = {code: box(rings) for code, rings in outlines.items()}
    for one, two in combinations(outlines, 2):
        if not same_level(one, two):
            continue
        a_box, b_box = boxes[one], boxes[two]
        if a_box[0] > b_box[2] or b_box[0] > a_box[2] or a_box[1] > b_box[3] or b_box[1] > a_box[3]:
            continue
        # Only what lies in the other's box can touch or cross it.
        a_edges = [e for ring in outlines[one] for e in edges(ring) if meets_box(e, b_box)]
        b_edges = [e for ring in outlines[two] for e in edges(ring) if meets_box(e, a_box)]
        a_vertices = {p for ring in outlines[one] for p in ring}
        b_vertices = {p for ring in outlines[two] for p in ring}
        touching += len(a_vertices & b_vertices) >= 2
        for p in a_vertices - b_vertices:
            if inside_box(p, b_box):
                assert not any(on_segment(p, *e) for e in b_edges), (one, two, p)
        for p in b_vertices - a_vertices:
            if inside_box(p, a_box):
                assert not any(on_segment(p, *e) for e in a_edges), (one, two, p)
        for a, b in a_edges:
            for c, d in b_edges:
                if max(c[0], d[0]) < min(a[0], b[0]) or min(c[0], d[0]) > max(a[0], b[0]):
                    continue
                if max(c[1], d[1]) < min(a[1], b[1]) or min(c[1], d[1]) > max(a[1], b[1]):
                    continue
                if properly_cross(a, b, c, d):
                    assert national(one), (one, two, a, b)
                    sliver = min(
                        distance(a, c, d), distance(b, c, d), distance(c, a, b), distance(d, a, b)
                    )
                    assert sliver <= 1, (one, two, a, b, c, d)
    assert touching >= 20  # the regions' municipalities do border each other


@pytest.mark.parametrize(
    "one, two",
    [("Venlo", "Beesel"), ("Venray", "Horst aan de Maas"), ("Roermond", "Roerdalen"),
     ("Weert", "Nederweert"), ("Maastricht", "Meerssen"), ("Leiden", "Leiderdorp")],
)  # fmt: skip
def test_known_neighbours_share_a_border(outlines, one, two):
    codes = {n: c for r in REGIONS.values() for n, c in r.codes.items()}
    a = {frozenset(e) for ring in outlines[codes[one]] for e in edges(ring)}
    b = {frozenset(e) for ring in outlines[codes[two]] for e in edges(ring)}
    assert len(a & b) >= 3


def test_noord_limburg_lies_north_of_midden_limburg(outlines):
    def mean_middle(codes: dict[str, str]) -> float:
        middles = [(box(outlines[c])[1] + box(outlines[c])[3]) / 2 for c in codes.values()]
        return sum(middles) / len(middles)

    # SVG's y grows downwards: north is the smaller y.
    assert mean_middle(NOORD) < mean_middle(MIDDEN)
    gennep, weert = box(outlines[NOORD["Gennep"]]), box(outlines[MIDDEN["Weert"]])
    assert gennep[3] < weert[1]  # Gennep wholly north of Weert
    # Weert sticks out to the west of Venlo.
    assert box(outlines[MIDDEN["Weert"]])[0] < box(outlines[NOORD["Venlo"]])[0]


def test_the_library_reads_the_same_rings_as_this_test(outlines):
    for code, shape in maps.shapes().items():
        assert [list(r) for r in shape.rings] == outlines[code]


# ------------------------------------------------------------------ the map


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # also proves the markup is well-formed


def shapes_in(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{SVG}path") if "kaart-vorm" in p.get("class", "")]


def name_of(shape: ET.Element) -> str:
    title = shape.find(f"{SVG}title")
    assert title is not None and title.text
    return title.text


def test_one_named_shape_per_municipality_and_links():
    links = {name: f"{name.lower()}/" for name in NML}
    root = parse(maps.region_map(NML, title="Kaart", description="De regio.", link=links))
    shapes = shapes_in(root)
    assert sorted(name_of(s) for s in shapes) == sorted(NML)
    assert all(s.get("role") == "img" for s in shapes)
    anchors = list(root.iter(f"{SVG}a"))
    assert sorted(a.get("href") for a in anchors) == sorted(links.values())
    svg = root.find(f"{SVG}svg")
    assert svg is not None
    assert svg.find(f"{SVG}title").text == "Kaart"  # type: ignore[union-attr]
    assert "kaart-bron" in maps.region_map(NML, title="t", description="d")
    assert maps.credit() in "".join(root.itertext())


def test_the_view_fits_the_municipalities_drawn():
    def view(codes: dict[str, str]) -> list[float]:
        svg = parse(maps.region_map(codes, title="t", description="d")).find(f"{SVG}svg")
        assert svg is not None
        return [float(v) for v in svg.get("viewBox", "").split()]

    shapes = maps.shapes()
    for region in REGIONS.values():
        x, y, w, h = view(region.codes)
        rings = [r for code in region.codes.values() for r in shapes[code].rings]
        left, top, right, bottom = box([list(r) for r in rings])
        assert x <= left and y <= top and x + w >= right and y + h >= bottom
        assert w <= (right - left) * 1.1 and h <= (bottom - top) * 1.1


def test_unknown_codes_are_skipped_and_named():
    codes = {**NOORD, "Nergenshuizen": "GM9999", "Fout": "geen code"}
    markup = maps.region_map(codes, title="t", description="d")
    assert len(shapes_in(parse(markup))) == len(NOORD)
    assert "Nergenshuizen, Fout" in markup
    assert maps.region_map({"X": "GM9999"}, title="t", description="d") == ""


def test_groups_get_two_tones_and_a_legend():
    groups = {name: "Noord-Limburg" if name in NOORD else "Midden-Limburg" for name in NML}
    root = parse(maps.region_map(NML, title="t", description="d", groups=groups))
    tone = {
        name_of(s): re.search(r"kaart-toon-\d", s.get("class", "")).group() for s in shapes_in(root)
    }  # type: ignore[union-attr]
    assert {tone[n] for n in NOORD} != {tone[n] for n in MIDDEN}
    assert len({tone[n] for n in NOORD}) == len({tone[n] for n in MIDDEN}) == 1
    legend = [" ".join("".join(li.itertext()).split()) for li in root.iter("li")]
    assert legend == ["Noord-Limburg", "Midden-Limburg"]


def test_values_give_grey_steps_a_legend_and_names_with_values():
    values = {name: (float(i), f"{i} plaatsen") for i, name in enumerate(sorted(NML))}
    root = parse(
        maps.region_map(
            NML, title="t", description="d", values=values, value_label="Plaatsen", steps=4
        )
    )
    step = {}
    for shape in shapes_in(root):
        name = name_of(shape)
        base = name.split(":")[0]
        assert name == f"{base}: {values[base][1]}"
        step[base] = int(re.search(r"kaart-toon-(\d)", shape.get("class", "")).group(1))  # type: ignore[union-attr]
    ordered = [step[name] for name in sorted(NML)]
    assert ordered == sorted(ordered) and len(set(ordered)) == 4  # darker is more
    legend = [" ".join("".join(li.itertext()).split()) for li in root.iter("li")]
    assert len(legend) == 4
    assert legend[0].startswith("minder dan") and legend[-1].endswith("of meer")
    assert "Plaatsen" in "".join(root.itertext())
    # Swatches use the same tones as the shapes.
    swatches = [r.get("class") for li in root.iter("li") for r in li.iter(f"{SVG}rect")]
    assert swatches == [f"kaart-toon-{t}" for t in sorted(set(ordered))]


def test_missing_values_and_equal_values():
    values = {"Venlo": (5.0, "5"), "Venray": (5.0, "5")}
    markup = maps.region_map(NOORD, title="t", description="d", values=values)
    assert "geen waarde" in markup and markup.count("kaart-geen-waarde") >= len(NOORD) - 2
    assert "kaart-toon-3" in markup  # one step, the middle tone


def test_breaks_set_the_steps():
    values = {"Venlo": (0.5, "50%"), "Venray": (1.0, "100%"), "Gennep": (1.5, "150%")}
    markup = maps.region_map(
        NOORD, title="t", description="d", values=values, breaks=[1.0], step_text=str
    )
    assert "minder dan 1.0" in markup and "1.0 of meer" in markup


def test_highlight_is_hatched_outlined_and_named():
    markup = maps.region_map(NML, title="t", description="d", highlight="Venray")
    root = parse(markup)
    names = [name_of(s) for s in shapes_in(root)]
    assert "Venray (uitgelicht)" in names
    overlay = [p for p in root.iter(f"{SVG}path") if p.get("class") == "kaart-arcering"]
    assert len(overlay) == 1 and overlay[0].get("fill") == "url(#kaart-arcering)"
    assert overlay[0].get("aria-hidden") == "true"
    assert "uitgelicht: Venray" in " ".join("".join(root.itertext()).split())
    # The calculators' highlighting context marks the map too; an unknown name marks nothing.
    with highlighting("Weert"):
        assert "Weert (uitgelicht)" in maps.region_map(NML, title="t", description="d")
    assert "uitgelicht" not in maps.region_map(NML, title="t", description="d", highlight="X")


def test_names_are_written_inside_where_they_fit():
    root = parse(maps.region_map(NML, title="t", description="d"))
    written = [
        " ".join(t.itertext())
        for t in root.iter(f"{SVG}text")
        if "kaart-naam" in t.get("class", "")
    ]
    assert "Venray" in written and "Venlo" in written
    assert len(written) >= 10  # the small ones may be left to the table
    names = root.find(f".//{SVG}g[@class='kaart-namen']")
    assert names is not None and names.get("aria-hidden") == "true"


def test_hostile_names_links_and_ids_are_escaped():
    hostile = '<script>alert("x")</script>'
    markup = maps.region_map(
        {hostile: NOORD["Venlo"], "Venray": NOORD["Venray"]},
        title=hostile,
        description=hostile,
        link={hostile: 'x" onclick="alert(1)', "Venray": "javascript:alert(1)"},
        values={hostile: (1.0, hostile), "Venray": (2.0, "<b>2</b>")},
        value_label=hostile,
        highlight=hostile,
        map_id='"><script>',
    )
    assert "<script" not in markup and "<b>" not in markup
    assert "javascript:" not in markup
    root = parse(markup)
    assert all("onclick" not in element.attrib for element in root.iter())
    assert hostile in "".join(root.itertext())  # shown as text, not run


def _map_svg(html: str, map_id: str) -> ET.Element:
    start = html.index(f'<div class="kaart" id="{map_id}">')
    svg = html.index("<svg", start)
    return parse(html[svg : html.index("</svg>", svg) + len("</svg>")])


@pytest.mark.parametrize("calculator", ["spreiding", "verdeelsleutel"])
def test_a_calculators_result_map_carries_the_numbers_of_its_table(calculator):
    from calculators.render.page import default_result

    response = default_result(calculator)
    result = response["result"]
    if calculator == "spreiding":
        rows, map_id = result["rows"], "spreiding-kaart"
        # The gap as the table shows it: a sign before a gain, digits grouped the Dutch way.
        gaps = {r["name"]: r["target"] - r["current"] for r in rows}
        shown = {n: (f"+{g:,}" if g > 0 else f"{g:,}").replace(",", ".") for n, g in gaps.items()}
    else:
        rows, map_id = result["key"]["rows"], "verdeelsleutel-kaart"
        shown = {r["name"]: r["share_display"] for r in rows}
    shapes = shapes_in(_map_svg(response["html"], map_id))
    names = {name_of(s).split(":")[0]: name_of(s) for s in shapes}
    assert sorted(names) == sorted(r["name"] for r in rows)  # one shape per municipality
    for name, title in names.items():
        assert title == f"{name}: {shown[name]}", title


def test_a_result_map_leaves_out_names_no_region_knows():
    values = {"Venlo": (1.0, "1"), "Nergenshuizen": (2.0, "2"), "Venray": (3.0, "3")}
    root = parse(
        maps.result_map("k", "Kaart", "d", "Waarde", values)[
            len('<div class="kaart" id="k">') :
        ].split('<div class="kaart-bij">')[0]
    )
    assert sorted(name_of(s).split(":")[0] for s in shapes_in(root)) == ["Venlo", "Venray"]


def test_step_labels_name_the_classes():
    values = {"Venlo": (-3.0, "−3"), "Venray": (0.0, "0"), "Gennep": (2.0, "+2")}
    markup = maps.result_map(
        "k",
        "Kaart",
        "d",
        "Verschil",
        values,
        breaks=(0, 1),
        step_labels=("eraf", "gelijk", "erbij"),
    )
    legend = markup[markup.index("kaart-legenda") :]
    assert [x in legend for x in ("eraf", "gelijk", "erbij")] == [True] * 3
