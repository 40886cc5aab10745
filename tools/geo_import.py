"""Import municipal boundaries (CBS Gebiedsindelingen, RD New) into the calculators' map data
``engine/calculators/src/calculators/catalogue/geo/gemeenten.json``, drawn by
``calculators.render.maps``.

Usage::

    python tools/geo_import.py gemeenten-2022-regios.geojson --landelijk gemeenten-2022.geojson
    python tools/geo_import.py ... --controleer   # write nothing

The GeoJSON must be in EPSG:28992 (Amersfoort / RD New, metres) with the properties
``gemeentecode`` and ``gemeente``. The first file holds detailed outlines; ``--landelijk`` a
file of every municipality of the country, simplified for a map of the whole country, for
the ones the first lacks: a new region's site gets a map too, marked ``national`` so its
credit says how coarse it is. Every municipality of the regions in this site's region file
(``regio.yml``) must be there. The plugin puts only a site's own municipalities into the
browser's wheel.

What happens to the geometry, and nothing else:

- every vertex is projected once for SVG at a fixed scale: ``x / 25`` and ``(625000 - y) /
  25`` (25 m per unit, y flipped because SVG's y grows downwards), rounded to whole units. A
  vertex two neighbours share is the same pair of integers in both, so it rounds the same way
  in both, and their border stays one line: no gaps, no overlaps;
- vertices that round onto their predecessor are dropped (both neighbours drop the same
  ones), and so is the closing vertex GeoJSON repeats (``z`` closes the ring);
- a ring left with fewer than three vertices (an island or hole under one unit across) is
  dropped and reported.

Nothing is smoothed or moved further, so no vertex is more than half a unit diagonal (17.7 m)
from where the source put it. The label anchor of each municipality is the pole of
inaccessibility of its largest part (the inside point farthest from the border, found to
within a unit), computed on the rounded outline it will be drawn with.

Exit codes: 0 done, 1 refused (nothing changed), 2 wrong use, 130 Ctrl-C.
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from calculators.catalogue import site
from sitecontent import ContentError, DutchArgumentParser, existing_file, say, shown, write_together
from tools.import_cli import CATALOGUE, main_of

OUTPUT = CATALOGUE / "geo"
OUTPUT_NAME = "gemeenten.json"
#: Metres per SVG unit. 25 m is about a pixel on the smallest region's map (the Leidse Regio,
#: 15 km across, drawn some 600 px wide), so rounding never shows; coarser saves little
#: (50 m: 11.7 KB against 12.9 KB for the 25 municipalities).
METRES_PER_UNIT = 25
#: RD y of the SVG's y = 0: north of the Netherlands (RD y at most 619,191), so every y is
#: positive after the flip.
ORIGIN_Y = 625_000
CRS = "EPSG:28992"
CREDIT = (
    "Gemeentegrenzen 2022: CBS Gebiedsindelingen (via PDOK), © Kadaster / Centraal Bureau voor "
    "de Statistiek, 2022; vereenvoudigd"
)
#: Under a map drawn from the national file (its borders moved up to 800 m).
CREDIT_NATIONAL = CREDIT + " voor een kaart van heel Nederland (grenzen tot 800 m verschoven)"
_CODE = re.compile(r"GM[0-9]{4}")
_RD_NAMES = ("28992", "RD New", "Amersfoort")

Point = tuple[int, int]
Ring = list[Point]
Polygon = list[Ring]  # exterior first, then holes


@dataclass
class Outline:
    code: str
    name: str
    polygons: list[Polygon]
    max_shift: float
    dropped: int
    #: from the national file, simplified for a map of the whole country
    national: bool = False


def project(x: float, y: float) -> Point:
    return round(x / METRES_PER_UNIT), ORIGIN_Y // METRES_PER_UNIT - round(y / METRES_PER_UNIT)


def _shift(x: float, y: float, point: Point) -> float:
    """How far, in metres, the rounded ``point`` lies from the source vertex."""
    back_x = point[0] * METRES_PER_UNIT
    back_y = (ORIGIN_Y // METRES_PER_UNIT - point[1]) * METRES_PER_UNIT
    return math.hypot(back_x - x, back_y - y)


def _ring(coordinates: Sequence[Sequence[float]]) -> tuple[Ring, float]:
    ring: Ring = []
    shift = 0.0
    for x, y, *_ in coordinates:
        point = project(x, y)
        shift = max(shift, _shift(x, y, point))
        if not ring or ring[-1] != point:
            ring.append(point)
    while len(ring) > 1 and ring[-1] == ring[0]:
        ring.pop()
    return ring, shift


def outline(feature: dict[str, object], where: str) -> Outline:
    properties = feature.get("properties")
    geometry = feature.get("geometry")
    if not isinstance(properties, dict) or not isinstance(geometry, dict):
        raise ContentError([f"{where}: geen properties of geometry."])
    code, name = properties.get("gemeentecode"), properties.get("gemeente")
    if not isinstance(code, str) or not _CODE.fullmatch(code) or not isinstance(name, str):
        raise ContentError([f"{where}: gemeentecode (GM en vier cijfers) of gemeente ontbreekt."])
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        parts = [coordinates]
    elif kind == "MultiPolygon":
        parts = coordinates
    else:
        raise ContentError([f"{where} ({code}): geometrie {kind!r}, verwacht (Multi)Polygon."])
    if not isinstance(parts, list):
        raise ContentError([f"{where} ({code}): geen coördinaten."])
    polygons: list[Polygon] = []
    shift, dropped = 0.0, 0
    for part in parts:
        polygon: Polygon = []
        for index, coords in enumerate(part):
            ring, ring_shift = _ring(coords)
            shift = max(shift, ring_shift)
            if len(ring) < 3:
                dropped += 1
                if index == 0:
                    break  # the part itself vanished, and its holes with it
                continue
            polygon.append(ring)
        if polygon:
            polygons.append(polygon)
    if not polygons:
        raise ContentError([f"{where} ({code}): na afronden blijft er niets van over."])
    return Outline(code, name, polygons, shift, dropped)


# ------------------------------------------------------------------ the path text


def _numbers(values: Sequence[int]) -> str:
    """``[12, -3, 4]`` → ``"12-3 4"``: a minus sign separates numbers by itself."""
    out: list[str] = []
    for value in values:
        if out and value >= 0:
            out.append(" ")
        out.append(str(value))
    return "".join(out)


def path_text(polygons: Sequence[Polygon]) -> str:
    """The outline as a compact SVG path: one ``m…l…z`` per ring, all relative.

    The first ``m`` of a path is absolute (SVG); every later ``m`` is relative to the start of
    the ring before it, since ``z`` puts the current point back there."""
    parts: list[str] = []
    start = (0, 0)
    for polygon in polygons:
        for ring in polygon:
            first = ring[0]
            steps: list[int] = []
            for previous, point in zip(ring, ring[1:], strict=False):
                steps += [point[0] - previous[0], point[1] - previous[1]]
            parts.append(
                f"m{_numbers([first[0] - start[0], first[1] - start[1]])}l{_numbers(steps)}z"
            )
            start = first
    return "".join(parts)


# ------------------------------------------------------------------ the label anchor


def _inside(x: float, y: float, polygon: Polygon) -> bool:
    inside = False
    for ring in polygon:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def _segment_distance(px: float, py: float, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - a[0]) * dx + (py - a[1]) * dy) / length))
    return math.hypot(px - a[0] - t * dx, py - a[1] - t * dy)


def _signed_distance(x: float, y: float, polygon: Polygon) -> float:
    """Distance to the nearest border, negative outside."""
    nearest = min(
        _segment_distance(x, y, a, b)
        for ring in polygon
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True)
    )
    return nearest if _inside(x, y, polygon) else -nearest


def pole(polygon: Polygon, precision: float = 1.0) -> tuple[Point, float]:
    """The inside point farthest from the border (Mapbox's polylabel: quadtree cells, best
    first, a cell dropped once it cannot beat the best by ``precision``), on whole units."""
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    cell = min(max(xs) - min(xs), max(ys) - min(ys)) or 1
    half = cell / 2

    def entry(x: float, y: float, h: float) -> tuple[float, float, float, float, float]:
        d = _signed_distance(x, y, polygon)
        return (-(d + h * math.sqrt(2)), d, x, y, h)

    queue = [
        entry(x + half, y + half, half)
        for x in _range(min(xs), max(xs), cell)
        for y in _range(min(ys), max(ys), cell)
    ]
    heapq.heapify(queue)
    best = max(queue, key=lambda e: e[1])
    while queue:
        _, d, x, y, h = heapq.heappop(queue)
        if d > best[1]:
            best = (0.0, d, x, y, h)
        if d + h * math.sqrt(2) - best[1] <= precision:
            continue
        h /= 2
        for cx, cy in ((x - h, y - h), (x + h, y - h), (x - h, y + h), (x + h, y + h)):
            heapq.heappush(queue, entry(cx, cy, h))
    # Whole units, as the path: the best of the four surrounding integer points.
    _, _, x, y, _ = best
    candidates = [(math.floor(x) + i, math.floor(y) + j) for i in (0, 1) for j in (0, 1)]
    point = max(candidates, key=lambda p: _signed_distance(p[0], p[1], polygon))
    return point, _signed_distance(point[0], point[1], polygon)


def _range(low: float, high: float, step: float) -> list[float]:
    values, value = [], low
    while value < high:
        values.append(value)
        value += step
    return values


def label_anchor(polygons: Sequence[Polygon]) -> Point:
    point, room = max((pole(polygon) for polygon in polygons), key=lambda found: found[1])
    if room <= 0:
        raise ContentError([f"Geen ankerpunt binnen de vorm gevonden (bij {point})."])
    return point


# ------------------------------------------------------------------ reading and writing


def _check_crs(data: dict[str, object]) -> None:
    crs = data.get("crs")
    name = crs.get("properties", {}).get("name", "") if isinstance(crs, dict) else ""
    if not any(marker in str(name) for marker in _RD_NAMES):
        raise ContentError(
            [
                f"Het bestand noemt als coördinatenstelsel {name or 'niets'}; verwacht {CRS} "
                "(Amersfoort / RD New, meters). Zet het eerst om, bijvoorbeeld met ogr2ogr."
            ]
        )


def _read(data: dict[str, object], national: bool) -> dict[str, Outline]:
    _check_crs(data)
    features = data.get("features")
    if not isinstance(features, list):
        raise ContentError(["Het bestand heeft geen lijst 'features'."])
    found: dict[str, Outline] = {}
    for index, feature in enumerate(features, start=1):
        item = outline(feature, f"feature {index}")
        item.national = national
        found[item.code] = item
    return found


def outlines(detailed: dict[str, object], national: dict[str, object]) -> list[Outline]:
    """Every municipality, by CBS code: the detailed outline where there is one."""
    found = _read(national, national=True) | _read(detailed, national=False)
    missing = sorted(set(site.known_codes().values()) - set(found))
    if missing:
        raise ContentError([f"Deze gemeenten ontbreken in de bestanden: {', '.join(missing)}."])
    return [found[code] for code in sorted(found)]


def file_text(items: Sequence[Outline]) -> str:
    """JSON, one municipality per line, so a new import shows as a readable diff."""
    head = {
        "crs": CRS,
        "metres_per_unit": METRES_PER_UNIT,
        "origin_y": ORIGIN_Y,
        "credit": CREDIT,
        "credit_national": CREDIT_NATIONAL,
    }
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ',\n "municipalities": {']
    rows = []
    for item in items:
        anchor = label_anchor(item.polygons)
        row: dict[str, object] = {"name": item.name, "label": list(anchor)}
        row |= {"national": True} if item.national else {}
        row["path"] = path_text(item.polygons)
        compact = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        rows.append(f"  {json.dumps(item.code)}: {compact}")
    return "\n".join(lines) + "\n" + ",\n".join(rows) + "\n }\n}\n"


def _load(source: Path) -> dict[str, object]:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ContentError([f"{shown(source)} is geen leesbare GeoJSON: {exc}."]) from exc
    if not isinstance(data, dict):
        raise ContentError([f"{shown(source)} is geen GeoJSON-object."])
    return data


def _import(args: argparse.Namespace) -> int:
    items = outlines(_load(args.geojson), _load(args.landelijk))
    text = file_text(items)
    vertices = sum(len(ring) for item in items for polygon in item.polygons for ring in polygon)
    shift = max(item.max_shift for item in items)
    say(
        f"{len(items)} gemeenten, {vertices} hoekpunten, {len(text.encode('utf-8'))} bytes; "
        f"grootste verschuiving door afronden {shift:.1f} m."
    )
    for item in items:
        if item.dropped:
            say(f"  {item.code} {item.name}: {item.dropped} ring(en) kleiner dan één eenheid weg.")
    target = OUTPUT / OUTPUT_NAME
    if args.controleer:
        say(f"Niets geschreven (--controleer); zonder die optie wordt dit {shown(target)}.")
        return 0
    OUTPUT.mkdir(parents=True, exist_ok=True)
    write_together({target: text})
    say(f"Geschreven: {shown(target)}.")
    return 0


def _parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="tools/geo_import.py",
        description=(
            "Lees gemeentegrenzen (GeoJSON in RD New, EPSG:28992) in voor de kaarten: "
            "engine/calculators/src/calculators/catalogue/geo/gemeenten.json."
        ),
    )
    parser.add_argument(
        "geojson", type=existing_file, metavar="GEOJSON", help="de gedetailleerde grenzen"
    )
    parser.add_argument(
        "--landelijk",
        type=existing_file,
        required=True,
        metavar="GEOJSON",
        help="de vereenvoudigde grenzen van alle gemeenten, voor de rest",
    )
    parser.add_argument(
        "--controleer", action="store_true", help="alleen lezen, controleren en tonen"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    return main_of(_parser(), _import, argv)


if __name__ == "__main__":
    sys.exit(main())
