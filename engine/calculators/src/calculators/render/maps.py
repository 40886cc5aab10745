"""A map of municipalities as an accessible SVG, drawn from the outlines in
``calculators/catalogue/geo/gemeenten.json`` (made by ``tools/geo_import.py``).

No map library and no tiles: each municipality is one ``<path>`` whose outline was projected
and rounded once, at import, to whole SVG units. The same markup is made at build time and in
the browser worker, like the charts of :mod:`.html`, and every text passes through
:func:`.html.text`, since names and links can come from users.

Screen readers meet one named shape per municipality (its name, its value, "uitgelicht"),
as a link when the map links. Colour is never the only carrier: fills are grey tones that
survive grey print, the highlighted municipality is hatched and outlined and named so, and
the same figures are in the table the caller puts beside the map.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from ..catalogue.site import known_codes
from ..core.format import format_decimal
from .html import highlighted, text

__all__ = ["Shape", "credit", "outlines_file", "region_map", "shapes"]

GEO_FOLDER = "geo"
GEO_FILE = "gemeenten.json"

#: The map's size on screen at most, in CSS pixels. Narrow enough for a phone (about 360 px
#: of text width), so the map is hardly ever shrunk and its 12 px names stay 12 px.
MAX_WIDTH_PX = 380
MAX_HEIGHT_PX = 720
FONT_PX = 12
#: Average advance of a character at 12 px as a share of the font size (names are mostly
#: lower case); a little generous, so a name that "fits" never touches a border.
_CHAR_EM = 0.56
#: Line height of a name on two lines, and the smaller size tried when a name does not fit.
_LINE = 1.15
_SMALLER = 0.85
#: Grey tones available (CSS classes kaart-toon-1, light, to kaart-toon-5, dark) and which of
#: them n steps use: spread out, so neighbouring steps stay apart in print too.
_TONES = {1: (3,), 2: (1, 3), 3: (1, 3, 5), 4: (1, 2, 4, 5), 5: (1, 2, 3, 4, 5)}
MAX_STEPS = len(_TONES)
#: On these tones a name is written in white.
_DARK_TONES = frozenset({4, 5})
_TOKEN = re.compile(r"[mlz]|-?[0-9]+")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")

Point = tuple[int, int]


@dataclass(frozen=True)
class Shape:
    """One municipality's outline in SVG units (y down) and where its name goes."""

    code: str
    name: str
    path: str
    label: Point
    rings: tuple[tuple[Point, ...], ...]
    #: from the national file, simplified for a map of the whole country
    national: bool = False

    @functools.cached_property
    def edges(self) -> tuple[tuple[int, int, int, int], ...]:
        """The edges of all rings, ``(x1, y1, x2, y2)``: made once, as placing a name asks
        for them a few hundred times."""
        return tuple(
            (x1, y1, x2, y2)
            for ring in self.rings
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
        )

    def bounds(self) -> tuple[int, int, int, int]:
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def parse_path(path: str) -> tuple[tuple[Point, ...], ...]:
    """The rings of a path written by the import: ``m`` and ``l`` relative, ``z`` closing.

    The first ``m`` is relative to (0, 0), which is the same as absolute; after ``z`` the
    current point is the ring's start, so the next ``m`` counts from there (as in SVG)."""
    tokens = _TOKEN.findall(path)
    rings: list[tuple[Point, ...]] = []
    ring: list[Point] = []
    x = y = 0
    start = (0, 0)
    command = ""
    numbers: list[int] = []
    for token in tokens:
        if token in "mlz":
            command = token
            if token == "z":
                rings.append(tuple(ring))
                ring = []
                x, y = start
            continue
        numbers.append(int(token))
        if len(numbers) < 2:
            continue
        x, y = x + numbers[0], y + numbers[1]
        numbers = []
        if command == "m":
            start = (x, y)
            command = "l"  # pairs after a moveto are linetos
        ring.append((x, y))
    if ring:
        rings.append(tuple(ring))
    return tuple(rings)


def _data() -> dict[str, Any]:
    # Through the package, not a file path: inside a wheel or Pyodide there is no source tree.
    raw = resources.files("calculators.catalogue").joinpath(GEO_FOLDER, GEO_FILE)
    data: dict[str, Any] = json.loads(raw.read_text(encoding="utf-8"))
    return data


@functools.cache
def _geometry() -> tuple[dict[str, Shape], dict[bool, str]]:
    data = _data()
    found = {
        code: Shape(
            code,
            item["name"],
            item["path"],
            (int(item["label"][0]), int(item["label"][1])),
            parse_path(item["path"]),
            bool(item.get("national")),
        )
        for code, item in data["municipalities"].items()
    }
    return found, {False: str(data["credit"]), True: str(data["credit_national"])}


def shapes() -> dict[str, Shape]:
    """Every outline in the data, by CBS code."""
    return dict(_geometry()[0])


def credit(codes: Collection[str] = ()) -> str:
    """The attribution the boundary data asks for, to print under every map; it says so when
    one of the ``codes`` drawn is only in the national file's coarse outlines."""
    geometry, credits = _geometry()
    return credits[any(geometry[c].national for c in codes if c in geometry)]


def outlines_file(codes: Collection[str]) -> str:
    """The outlines data with the municipalities ``codes`` only: a site's wheel carries its
    own region's, not the whole country's."""
    data = _data()
    data["municipalities"] = {c: v for c, v in data["municipalities"].items() if c in codes}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# ------------------------------------------------------------------ names inside shapes


def _span_at(shape: Shape, x: float, y: float) -> tuple[float, float]:
    """The stretch of the horizontal line at ``y`` that is inside the shape around ``x``
    (even-odd over all rings), or an empty stretch at ``x``."""
    crossings = [
        x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        for x1, y1, x2, y2 in shape.edges
        if (y1 > y) != (y2 > y)
    ]
    crossings.sort()
    for left, right in zip(crossings[::2], crossings[1::2], strict=False):
        if left <= x <= right:
            return left, right
    return x, x


def _lines(name: str) -> list[list[str]]:
    """How a name may be written: on one line, or on two split at the space or after the
    hyphen nearest its middle ("Valkenburg aan" / "de Geul", "Eijsden-" / "Margraten")."""
    options = [[name]]
    cuts = [(i, i + 1) for i, c in enumerate(name) if c == " "]
    cuts += [(i + 1, i + 1) for i, c in enumerate(name[:-1]) if c == "-" and i > 0]
    if cuts:
        end, start = min(cuts, key=lambda cut: abs(2 * cut[0] - len(name)))
        options.append([name[:end], name[start:]])
    return options


@dataclass(frozen=True)
class _Label:
    x: float
    y: float
    lines: tuple[str, ...]
    font: float


def _fit(shape: Shape, lines: list[str], font: float, ax: float, ay: float) -> float | None:
    """Where the text centred at height ``ay`` can sit in the shape near ``ax``: its centre's
    x, or None. The shape's width is measured at five heights over the text's block."""
    pad = font * 0.3
    height = font * _LINE * len(lines)
    width = max(len(line) for line in lines) * _CHAR_EM * font
    left, right = -math.inf, math.inf
    for dy in (-height / 2, -height / 4, 0.0, height / 4, height / 2):
        span = _span_at(shape, ax, ay + dy)
        left, right = max(left, span[0]), min(right, span[1])
    if right - left < width + 2 * pad:
        return None
    return min(max(ax, left + pad + width / 2), right - pad - width / 2)


def _place_label(shape: Shape, name: str, font: float) -> _Label | None:
    """The name inside its shape: at the anchor if it fits there, else a little above or
    below it, on one line or two, at full size or a little smaller; None when nothing fits
    (the table beside the map names it)."""
    ax, ay = shape.label
    for size in (font, font * _SMALLER):
        for lines in _lines(name):
            for step in (0, 1, -1, 2, -2, 3, -3, 4, -4):
                y = ay + step * size * 0.5
                x = _fit(shape, lines, size, ax, y)
                if x is not None:
                    return _Label(x, y, tuple(lines), size)
    return None


@functools.lru_cache(maxsize=4096)
def _placed_label(code: str, name: str, font: float) -> _Label | None:
    """:func:`_place_label` for an outline of the data, remembered: a page draws the same
    region's map again at every change of the input, and the search (a few hundred cuts
    through the outline) was most of the time of a region's result."""
    return _place_label(_geometry()[0][code], name, font)


def _label_svg(label: _Label, font: float, css_class: str, extra: str = "") -> str:
    # Baselines computed here (a third of the font below each line's middle) rather than
    # with dy, which applies only to the first line.
    first = label.y - (len(label.lines) - 1) * label.font * _LINE / 2 + label.font * 0.35
    spans = "".join(
        f'<tspan x="{label.x:.0f}" y="{first + i * label.font * _LINE:.0f}">{text(line)}</tspan>'
        for i, line in enumerate(label.lines)
    )
    size = f' font-size="{label.font:.0f}"' if label.font != font else ""
    return f'<text class="{css_class}" text-anchor="middle"{size}{extra}>{spans}</text>'


# ------------------------------------------------------------------ steps of grey


def _default_step_text(span: float) -> Callable[[float], str]:
    places = 0 if span >= 10 else 1 if span >= 1 else 2

    def shown(value: float) -> str:
        return format_decimal(Decimal(str(round(value, places))), places)

    return shown


@dataclass(frozen=True)
class _Steps:
    """Classes of values: ``bounds`` are the inner boundaries, ascending."""

    bounds: tuple[float, ...]
    low: float
    high: float

    def step(self, value: float) -> int:
        return sum(1 for bound in self.bounds if value >= bound)

    def tones(self) -> tuple[int, ...]:
        return _TONES[len(self.bounds) + 1]

    def labels(self, shown: Callable[[float], str]) -> list[str]:
        if not self.bounds:
            return [
                shown(self.low)
                if self.low == self.high
                else f"{shown(self.low)} tot en met {shown(self.high)}"
            ]
        edges = [*self.bounds]
        out = [f"minder dan {shown(edges[0])}"]
        out += [f"{shown(a)} tot {shown(b)}" for a, b in zip(edges, edges[1:], strict=False)]
        out.append(f"{shown(edges[-1])} of meer")
        return out


def _steps(numbers: Sequence[float], count: int, breaks: Sequence[float] | None) -> _Steps:
    low, high = min(numbers), max(numbers)
    if breaks is not None:
        inner = tuple(sorted(set(breaks)))[: MAX_STEPS - 1]
        return _Steps(inner, low, high)
    count = max(1, min(count, MAX_STEPS))
    if high == low:
        return _Steps((), low, high)
    width = (high - low) / count
    return _Steps(tuple(low + i * width for i in range(1, count)), low, high)


# ------------------------------------------------------------------ the map


def _safe_href(href: str) -> str | None:
    """A link target as given, unless it names a scheme other than http(s) (``javascript:``
    from a user's data must never become a link)."""
    scheme = _SCHEME.match(href)
    return href if scheme is None or scheme.group(1).lower() in ("http", "https") else None


def _hatching(pattern_id: str, unit: float) -> str:
    """Hatching for the highlighted municipality, lines a few pixels apart whatever the scale
    (``unit``: SVG units per pixel): a light and a dark line, so it shows on every tone, in
    grey print too."""
    lines = "".join(
        f'<line class="{css}" x1="{x * unit:.1f}" y1="0" x2="{x * unit:.1f}" '
        f'y2="{8 * unit:.1f}" stroke-width="{1.5 * unit:.1f}"/>'
        for css, x in (("kaart-arceerlijn-licht", 2), ("kaart-arceerlijn", 5.5))
    )
    return (
        f'<pattern id="{text(pattern_id)}" patternUnits="userSpaceOnUse" '
        f'width="{8 * unit:.1f}" height="{8 * unit:.1f}" patternTransform="rotate(45)">'
        f"{lines}</pattern>"
    )


def _swatch(css_class: str, pattern: str = "") -> str:
    # A hatched swatch has a pattern of its own: the map's is drawn at the map's scale.
    overlay = (
        f"<defs>{_hatching(pattern, 1)}</defs>"
        f'<rect class="kaart-arcering" x="1" y="1" width="20" height="12" '
        f'fill="url(#{text(pattern)})"/>'
        if pattern
        else ""
    )
    return (
        '<svg class="kaart-staal" viewBox="0 0 22 14" width="22" height="14" aria-hidden="true" '
        'focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f'<rect class="{css_class}" x="1" y="1" width="20" height="12"/>{overlay}</svg>'
    )


def region_map(
    codes_by_name: Mapping[str, str],
    *,
    title: str,
    description: str,
    link: Mapping[str, str] | None = None,
    values: Mapping[str, tuple[float, str]] | None = None,
    highlight: str | None = None,
    groups: Mapping[str, str] | None = None,
    value_label: str = "",
    steps: int = 4,
    breaks: Sequence[float] | None = None,
    step_text: Callable[[float], str] | None = None,
    step_labels: Sequence[str] | None = None,
    map_id: str = "kaart",
    with_credit: bool = True,
) -> str:
    """The municipalities ``codes_by_name`` (name as shown -> CBS code) as a map.

    - ``link``: name -> address; that municipality's shape becomes a link.
    - ``values``: name -> (number, display text): a choropleth in ``steps`` grey tones of
      equal width (or the classes that the ascending inner ``breaks`` make), with a legend
      headed ``value_label``; each shape's name then carries its display text.
    - ``groups``: name -> group label (the part of the region): one grey tone per group, with
      a legend; ignored when ``values`` are given.
    - ``highlight``: the name to mark (hatched, outlined, named "uitgelicht"); by default the
      one :func:`.html.highlighting` marks, so a calculator's map follows its tables.

    The view fits the municipalities drawn. A code without an outline is skipped (the legend
    says which); a map with nothing to draw is "". Names are written inside their shape where
    they fit, else left to the table beside the map.
    """
    geometry = _geometry()[0]
    source = credit(codes_by_name.values())
    drawn = [(name, geometry[code]) for name, code in codes_by_name.items() if code in geometry]
    missing = [name for name, code in codes_by_name.items() if code not in geometry]
    if not drawn:
        return ""
    mark = highlighted() if highlight is None else highlight
    mark = mark if any(name == mark for name, _ in drawn) else ""

    boxes = [shape.bounds() for _, shape in drawn]
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    margin = math.ceil(max(right - left, bottom - top) * 0.02)  # room for the outlines
    left, top, right, bottom = left - margin, top - margin, right + margin, bottom + margin
    width, height = right - left, bottom - top
    scale = min(MAX_WIDTH_PX / width, MAX_HEIGHT_PX / height)  # pixels per unit
    font = FONT_PX / scale

    # Fill tone per municipality, and the legend's entries (swatch class, text).
    tone: dict[str, int] = {}
    legend: list[tuple[str, str]] = []
    heading = ""
    if values is not None:
        drawn_names = {name for name, _ in drawn}
        shown_values = {name: v for name, v in values.items() if name in drawn_names}
        if shown_values:
            classes = _steps([n for n, _ in shown_values.values()], steps, breaks)
            tones = classes.tones()
            for name, (number, _) in shown_values.items():
                tone[name] = tones[classes.step(number)]
            formatter = step_text or _default_step_text(classes.high - classes.low)
            # Words a reader knows ("erbij", "eraf") instead of ranges, one per class.
            names = step_labels if step_labels else classes.labels(formatter)
            legend = [(f"kaart-toon-{t}", label) for t, label in zip(tones, names, strict=True)]
        if any(name not in shown_values for name, _ in drawn):
            legend.append(("kaart-geen-waarde", "geen waarde"))
        heading = value_label
    elif groups:
        order = list(dict.fromkeys(groups[name] for name, _ in drawn if name in groups))
        tones = _TONES[min(len(order), MAX_STEPS)] if order else ()
        group_tone = dict(zip(order, tones, strict=False))
        tone = {
            name: group_tone[groups[name]] for name, _ in drawn if groups.get(name) in group_tone
        }
        legend = [(f"kaart-toon-{group_tone[g]}", g) for g in order if g in group_tone]

    chart = text(map_id)
    hatch = f"{map_id}-arcering"
    desc = description + (
        f" {mark} is uitgelicht: gearceerd en met een dikke rand." if mark else ""
    )
    parts = [
        f'<div class="kaart" id="{chart}">',
        f'<svg class="kaart-svg" viewBox="{left:.0f} {top:.0f} {width:.0f} {height:.0f}" '
        f'width="{width * scale:.0f}" height="{height * scale:.0f}" role="group" '
        f'aria-labelledby="{chart}-titel" aria-describedby="{chart}-uitleg" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart}-titel">{text(title)}</title>',
        f'<desc id="{chart}-uitleg">{text(desc)}</desc>',
    ]
    if mark:
        parts.append(f"<defs>{_hatching(hatch, 1 / scale)}</defs>")
    labels: list[str] = []
    for name, shape in drawn:
        accessible = name
        if values is not None and name in values:
            accessible += f": {values[name][1]}"
        if name == mark:
            accessible += " (uitgelicht)"
        step = tone.get(name)
        fill = f"kaart-toon-{step}" if step else "kaart-geen-waarde" if values else "kaart-toon-0"
        css = f"kaart-vorm {fill}" + (" kaart-uitgelicht" if name == mark else "")
        shape_svg = (
            f'<path class="{css}" d="{text(shape.path)}" role="img">'
            f"<title>{text(accessible)}</title></path>"
        )
        href = _safe_href(link[name]) if link and name in link else None
        if href is not None:
            shape_svg = f'<a class="kaart-link" href="{text(href)}">{shape_svg}</a>'
        parts.append(shape_svg)
        placed = _placed_label(shape.code, name, font)
        if placed is not None:
            css_label = "kaart-naam" + (" kaart-naam-licht" if step in _DARK_TONES else "")
            halo = ""
            if name == mark:
                # Dark on a light halo, readable over the hatching whatever the tone.
                css_label = "kaart-naam kaart-naam-uitgelicht"
                halo = f' stroke-width="{3 / scale:.1f}"'
            labels.append(_label_svg(placed, font, css_label, halo))
    if mark:
        # Drawn again on top: the hatching and the heavy outline, not hidden under neighbours.
        shape = dict(drawn)[mark]
        parts.append(
            f'<path class="kaart-arcering" d="{text(shape.path)}" fill="url(#{text(hatch)})" '
            'aria-hidden="true" pointer-events="none"/>'
        )
    parts.append(
        f'<g class="kaart-namen" aria-hidden="true" pointer-events="none" '
        f'font-size="{font:.0f}">{"".join(labels)}</g></svg>'
    )

    # The legend and the credit in one column, beside the map where there is room.
    parts.append('<div class="kaart-bij">')
    items = [f"<li>{_swatch(css)} {text(label)}</li>" for css, label in legend]
    if mark:
        items.append(
            f"<li>{_swatch('kaart-toon-0 kaart-uitgelicht', hatch + '-staal')} uitgelicht: "
            f"{text(mark)}</li>"
        )
    if items:
        head = f'<p class="kaart-legenda-kop">{text(heading)}</p>' if heading else ""
        parts.append(f'<div class="kaart-legenda">{head}<ul>{"".join(items)}</ul></div>')
    if missing:
        parts.append(
            f'<p class="kaart-ontbreekt">Niet op de kaart (geen grenzen bekend): '
            f"{text(', '.join(missing))}.</p>"
        )
    if with_credit:
        parts.append(f'<p class="kaart-bron">{text(source)}</p>')
    parts.append("</div></div>")
    return "".join(parts)


def result_map(
    map_id: str,
    title: str,
    description: str,
    value_label: str,
    values: Mapping[str, tuple[float, str]],
    **classes: Any,
) -> str:
    """A calculator's result on the map: the rows of its table whose name a region of the
    catalogue knows (as the sources spell it); a name typed by the user has no outline and
    stays in the table only. The table beside the map carries the same numbers."""
    known = known_codes()
    codes = {name: known[name] for name in values if name in known}
    return region_map(
        codes,
        title=title,
        description=description,
        values=values,
        value_label=value_label,
        map_id=map_id,
        **classes,
    )
