"""Small, escaping HTML and SVG builders shared by all calculator pages.

The same markup is produced at build time (static page, print, no JavaScript) and in the
browser worker (live results), so both always look alike. Every piece of text passes
through ``html.escape``: municipality names come from users and URLs.

One municipality can be highlighted (a link such as ``#gemeente=Maastricht``, or the page's
"Gemeente uitlichten" choice): inside :func:`highlighting`, every builder marks that
municipality's table rows, bar group and line. It is a context rather than an argument
because the renderers' signature ``render(result, scenario)`` is the platform's contract
(``calculators.core.calculator``), and marking is the builders' business, so every
calculator gets it without code of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from html import escape

from ..core.format import format_decimal

#: The municipality to mark, or "" for none. Set only through :func:`highlighting`.
_HIGHLIGHT: ContextVar[str] = ContextVar("highlight", default="")

#: Gap between a bar's end and its value, in SVG units (tests compute the label's place).
VALUE_GAP = 4
#: Approximate advance of one character at the charts' 12px font, to reserve room for values.
_CHAR_WIDTH = 7

HIGHLIGHT_NOTE = '<span class="visueel-verborgen"> (uitgelicht)</span>'


#: The characters ``html.escape`` replaces. Most texts on a page (numbers, names) have none,
#: and one search for them costs less than escape's five replacements.
_SPECIAL = re.compile(r"[&<>\"']")


def text(value: object) -> str:
    shown = value if type(value) is str else str(value)
    return escape(shown, quote=True) if _SPECIAL.search(shown) else shown


@contextmanager
def highlighting(name: str) -> Iterator[None]:
    """Mark municipality ``name`` in everything built inside the block ("" marks nothing).

    The caller checks that the name is one of the table's (it comes from a URL); the builders
    only ever compare it for equality and escape what they print."""
    token = _HIGHLIGHT.set(name)
    try:
        yield
    finally:
        _HIGHLIGHT.reset(token)


def highlighted() -> str:
    """The municipality marked now, or ""."""
    return _HIGHLIGHT.get()


#: Column header -> what its figures are ("CBS 1-1-2022", "voorbeeld"): set by the page
#: around a render, so a screenshot of any table says which columns are real.
_KINDS: ContextVar[Mapping[str, str] | None] = ContextVar("kinds", default=None)


@contextmanager
def column_kinds(kinds: Mapping[str, str]) -> Iterator[None]:
    token = _KINDS.set(kinds)
    try:
        yield
    finally:
        _KINDS.reset(token)


def _kind_note(label: str) -> str:
    """The kind of a header's figures, found by its label with or without a last "(…)"."""
    kinds = _KINDS.get()
    kind = kinds.get(label) or kinds.get(label.rsplit(" (", 1)[0]) if kinds else None
    return f'<span class="kolom-soort">{text(kind)}</span>' if kind else ""


def _grouped(digits: str) -> str:
    """``"1234567"`` → ``"1.234.567"``, on the text, so no length limit of ``int()`` applies."""
    head = len(digits) % 3 or 3
    return ".".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def number(value: object) -> str:
    """A number as a Dutch reader expects it: ``13500`` → ``"13.500"``, the scenario's
    canonical ``"-1234,5"`` → ``"-1.234,5"`` (its decimals kept as typed). Anything else
    (a display text that is already formatted, an empty cell) is returned as it is."""
    if type(value) is int:  # a count: the most common cell, so first and without a call
        return f"{value:_}".replace("_", ".")
    if isinstance(value, int) and not isinstance(value, bool):
        return format_decimal(value, 0)
    shown = str(value)
    sign, body = ("-", shown[1:]) if shown.startswith("-") else ("", shown)
    whole, comma, decimals = body.partition(",")
    plain = whole.isascii() and whole.isdigit()
    if not plain or (comma and not (decimals.isascii() and decimals.isdigit())):
        return shown
    return f"{sign}{_grouped(whole)}{comma}{decimals}"


def signed(value: int) -> str:
    """A change with its sign, Dutch: ``+1.234``, ``-5``, ``0``."""
    return f"+{number(value)}" if value > 0 else number(value)


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = True
    #: The column names municipalities (row headers): its rows can be highlighted.
    municipality: bool = False


def municipality_columns(*labels: str) -> list[Column]:
    """The usual columns: the municipality's name (the row headers), then numeric columns."""
    return [
        Column("Gemeente", numeric=False, municipality=True),
        *(Column(label) for label in labels),
    ]


def table(
    caption: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    footer: Sequence[object] | None = None,
    css_class: str = "rekenhulp-tabel",
) -> str:
    """An accessible table: caption, column headers, row headers in the first column.

    The highlighted municipality's row gets a class (the look) and a visually hidden
    "(uitgelicht)" in its row header: screen readers read it with the name wherever the row
    is reached (aria-current on a row is announced unevenly)."""
    mark = highlighted() if columns and columns[0].municipality else ""

    def cell(tag: str, value: object, column: Column, scope: str = "", note: str = "") -> str:
        classes = ' class="getal"' if column.numeric else ""
        scope_attr = f' scope="{scope}"' if scope else ""
        return f"<{tag}{classes}{scope_attr}>{text(value)}{note}</{tag}>"

    # The data cells' opening tags, made once per column rather than once per cell.
    openings = ['<td class="getal">' if c.numeric else "<td>" for c in columns[1:]]

    def row_html(values: Sequence[object], body: bool = True) -> str:
        marked = body and bool(mark) and values[0] == mark
        first = cell("th", values[0], columns[0], "row", HIGHLIGHT_NOTE if marked else "")
        cells = "".join(
            f"{opening}{text(v)}</td>" for opening, v in zip(openings, values[1:], strict=True)
        )
        opening = '<tr class="rekenhulp-uitgelicht">' if marked else "<tr>"
        return f"{opening}{first}{cells}</tr>"

    head = "".join(cell("th", c.label, c, "col", _kind_note(c.label)) for c in columns)
    body = [row_html(row) for row in rows]
    foot = f"<tfoot>{row_html(footer, body=False)}</tfoot>" if footer is not None else ""
    return (
        f'<div class="rekenhulp-tabel-wrap"><table class="{text(css_class)}">'
        f"<caption>{text(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>{foot}</table></div>"
    )


@dataclass(frozen=True)
class Series:
    label: str
    css_class: str
    values: Sequence[float]
    displays: Sequence[str]


def _svg_start(
    extra_class: str, chart_id: str, width: float, height: float, title: str, description: str
) -> list[str]:
    """The opening of a chart: an image named by its title and described by its description."""
    chart = text(chart_id)
    return [
        f'<svg class="rekenhulp-grafiek{extra_class}" id="{chart}" viewBox="0 0 {width:g} '
        f'{height:g}" role="img" aria-labelledby="{chart}-titel {chart}-uitleg" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart}-titel">{text(title)}</title>',
        f'<desc id="{chart}-uitleg">{text(description)}</desc>',
    ]


def _marked_in(labels: Sequence[str]) -> str:
    mark = highlighted()
    return mark if mark and mark in labels else ""


def _highlight_sentence(mark: str) -> str:
    return f" {mark} is uitgelicht: in kleur, de anderen in grijs." if mark else ""


def _panel_sentence(mark: str, shared_scale: bool) -> str:
    if not mark:
        return ""
    elsewhere = ", in de andere vakjes als oranje stippellijn" if shared_scale else ""
    return f" {mark} is uitgelicht: een dikke rand en een oranje lijn{elsewhere}."


def bar_chart(
    chart_id: str, title: str, description: str, labels: Sequence[str], series: Sequence[Series]
) -> str:
    """Horizontal grouped bar chart in SVG with a zero line, for positive and negative values.

    Each bar carries its value at its end (right of a positive bar, left of a negative one),
    so a short bar's value is read where the eye already is. A highlighted row keeps the
    series colours on a tinted band with a bold name; the other rows turn grey (two tones,
    in the legend's order), so it stands out in colour and in grey print alike.

    The chart is decoration for sighted readers; the same figures are in the table next to
    it, which the description points screen-reader users to.
    """
    label_width, plot_width = 170, 440
    bar_height, gap = 16, 10
    group_height = bar_height * len(series) + gap
    legend_height = 28
    height = legend_height + group_height * len(labels) + 10
    all_values = [v for s in series for v in s.values] or [0.0]
    low, high = min(0.0, *all_values), max(0.0, *all_values)
    span = (high - low) or 1.0
    # Room for the longest value beside the bars, on each side where bars go.
    longest = max((len(d) for s in series for d in s.displays), default=0)
    room = longest * _CHAR_WIDTH + VALUE_GAP + 4
    left_room = room if low < 0 else 0
    right_room = room if high > 0 else 8
    width = label_width + left_room + plot_width + right_room

    def x(value: float) -> float:
        return label_width + left_room + (value - low) / span * plot_width

    mark = _marked_in(labels)
    extra = " as-met-uitlichting" if mark else ""
    parts = _svg_start(
        extra, chart_id, width, height, title, description + _highlight_sentence(mark)
    )
    for index, item in enumerate(series):
        lx = label_width + index * 200
        parts.append(
            f'<rect class="{text(item.css_class)}" x="{lx}" y="6" width="14" height="14"/>'
            f'<text x="{lx + 20}" y="18">{text(item.label)}</text>'
        )
    zero = x(0.0)
    for row, label in enumerate(labels):
        top = legend_height + row * group_height
        marked = bool(mark) and label == mark
        parts.append('<g class="as-rij as-uitgelicht">' if marked else '<g class="as-rij">')
        if marked:
            parts.append(
                f'<rect class="as-band" x="0" y="{top - gap / 2:g}" width="{width:g}" '
                f'height="{group_height:g}"/>'
            )
        parts.append(
            f'<text class="as-label" x="{label_width - 8}" y="{top + bar_height - 3}" '
            f'text-anchor="end">{text(label)}</text>'
        )
        for index, item in enumerate(series):
            value = item.values[row]
            y = top + index * bar_height
            end = x(value)
            left, right = sorted((zero, end))
            if value < 0:
                label_x, anchor = left - VALUE_GAP, ' text-anchor="end"'
            else:
                label_x, anchor = max(right, zero + 0.5) + VALUE_GAP, ""
            parts.append(
                f'<rect class="{text(item.css_class)}" x="{left:.1f}" y="{y + 1}" '
                f'width="{max(right - left, 0.5):.1f}" height="{bar_height - 3}"/>'
                f'<text class="as-waarde" x="{label_x:.1f}" y="{y + bar_height - 4}"{anchor}>'
                f"{text(item.displays[row])}</text>"
            )
        parts.append("</g>")
    parts.append(
        f'<line class="as-nul" x1="{zero:.1f}" x2="{zero:.1f}" y1="{legend_height - 2}" '
        f'y2="{height - 6}"/></svg>'
    )
    return "".join(parts)


def _whole(value: float) -> str:
    return format_decimal(round(value), 0)


#: Up to this many municipalities (a region's table) every panel draws every other line in
#: grey; beyond it all panels share one grey band instead, so the HTML grows linearly with
#: the table (n panels of n lines each: 2.000 municipalities took 20 s).
CONTEXT_LINES_MAX = 25


@dataclass(frozen=True)
class _Panels:
    """What the panels of one chart share: size, scale, the x of each year, the marked name."""

    x_labels: Sequence[str]
    high: float
    shared_scale: bool
    display: Callable[[float], str]
    mark: str
    xs: Sequence[str]
    width = 220
    height = 124
    left, right, top, bottom = 10, 210, 40, 100

    def top_value(self, series: Sequence[float]) -> float:
        return self.high if self.shared_scale else max(max(series, default=0.0), 1e-9)

    def y(self, value: float, top_value: float) -> float:
        return self.bottom - value / top_value * (self.bottom - self.top)

    def points(self, series: Sequence[float]) -> str:
        top_value = self.top_value(series)
        xs = self.xs
        return " ".join(f"{xs[i]},{self.y(v, top_value):.1f}" for i, v in enumerate(series))

    def panel(self, name: str, series: Sequence[float], shape: str, context: str) -> str:
        """One municipality's panel: the grey ``context`` behind its own line ``shape``."""
        own = bool(self.mark) and name == self.mark
        display, left, right = self.display, self.left, self.right
        ends = f"{display(series[0])} → {display(series[-1])}" if series else ""
        room = max(4, 30 - len(ends))  # characters left for the name beside the values
        shown = name if len(name) <= room else name[: room - 1] + "…"
        first = series[0] if series else 0.0
        last = series[-1] if series else 0.0
        top_value = self.top_value(series)
        first_label, last_label = (
            (self.x_labels[0], self.x_labels[-1]) if self.x_labels else ("", "")
        )
        return (
            f'<svg class="rekenhulp-grafiek as-vak{" as-uitgelicht" if own else ""}" '
            f'viewBox="0 0 {self.width} {self.height}" aria-hidden="true" focusable="false" '
            'xmlns="http://www.w3.org/2000/svg">'
            f'<rect class="as-kader" x="1" y="1" width="{self.width - 2}" '
            f'height="{self.height - 2}"/>'
            f'<text class="as-naam" x="{left - 2}" y="17">{text(shown)}</text>'
            f'<text class="as-uiteinden" x="{right + 4}" y="17" text-anchor="end">'
            f"{text(ends)}</text>"
            f'<line class="as-raster" x1="{left}" x2="{right}" y1="{self.top}" y2="{self.top}"/>'
            f'<line class="as-nul" x1="{left}" x2="{right}" y1="{self.bottom}" '
            f'y2="{self.bottom}"/>'
            f'{context}<polyline class="as-eigen" points="{shape}"/>'
            f'<circle class="as-punt" cx="{left}" cy="{self.y(first, top_value):.1f}" r="3"/>'
            f'<circle class="as-punt" cx="{right}" cy="{self.y(last, top_value):.1f}" r="3"/>'
            f'<text x="{left - 2}" y="{self.height - 8}">{text(first_label)}</text>'
            f'<text x="{right + 2}" y="{self.height - 8}" text-anchor="end">'
            f"{text(last_label)}</text></svg>"
        )


def _band(panels: _Panels, lines: Sequence[tuple[str, Sequence[float]]]) -> str:
    """One grey area from the lowest to the highest value of each year (on the shared scale)."""
    length = max((len(series) for _, series in lines), default=0)
    columns = [[s[i] for _, s in lines if len(s) > i] for i in range(length)]
    xs, y, high = panels.xs, panels.y, panels.high
    upper = [f"{xs[i]},{y(max(column), high):.1f}" for i, column in enumerate(columns)]
    lower = [f"{xs[i]},{y(min(column), high):.1f}" for i, column in enumerate(columns)]
    # Coloured by attributes (the site's stylesheet knows only the lines): light, for print.
    return (
        f'<polygon class="as-bereik" points="{" ".join(upper + lower[::-1])}" '
        'fill="#ececec" stroke="#c8c8c8" stroke-width="1"/>'
        if columns
        else ""
    )


def _context(
    panels: _Panels, lines: Sequence[tuple[str, Sequence[float]]], shapes: Mapping[str, str]
) -> tuple[Callable[[str], str], str]:
    """The grey comparison behind each panel's own line (name -> SVG) and the caption's
    sentence about it. The highlighted line comes last, so no grey line crosses over it."""
    if not panels.shared_scale:
        return (lambda name: ""), ""
    mark = panels.mark
    grey = {
        other: f'<polyline class="as-context{" as-context-uitgelicht" if other == mark else ""}" '
        f'points="{shape}"/>'
        for other, shape in shapes.items()
        if len(shapes) <= CONTEXT_LINES_MAX or other == mark
    }
    if len(shapes) <= CONTEXT_LINES_MAX:
        order = [other for other in shapes if other != mark] + ([mark] if mark else [])
        return (
            lambda name: "".join(grey[other] for other in order if other != name),
            " De grijze lijnen zijn de andere gemeenten.",
        )
    band = _band(panels, lines)
    marked = grey.get(mark, "")
    return (
        lambda name: band + (marked if name != mark else ""),
        " Het grijze vlak loopt per jaar van de laagste tot de hoogste waarde van alle gemeenten.",
    )


def small_multiples(
    chart_id: str,
    title: str,
    description: str,
    x_labels: Sequence[str],
    lines: Sequence[tuple[str, Sequence[float]]],
    *,
    unit: str = "",
    display: Callable[[float], str] = _whole,
    shared_scale: bool = True,
) -> str:
    """One small line chart per municipality, in a grid that wraps.

    Fourteen lines in one chart cannot be told apart (colours and dashes run out), so each
    municipality gets its own panel: its name and its first and last value as text, its own
    line dark and thick, the others light grey behind it for comparison: every other line,
    thin, up to :data:`CONTEXT_LINES_MAX` municipalities; beyond that one grey band from the
    lowest to the highest value of each year, the same in every panel (the caption says which).
    A highlighted municipality's panel gets a coloured line and a heavy frame, and its line is
    drawn in colour (dashed, for grey print) in the other panels too.

    With ``shared_scale`` all panels run from 0 to the highest value of all. Where one
    municipality dwarfs the others (Ingroeipad: the centrumgemeente starts with everything)
    that leaves the rest flat, so ``shared_scale=False`` gives each panel its own scale and
    drops the grey comparison, which would no longer compare; the caption says which it is.

    The panels are hidden from screen readers: the figure's caption names the chart and
    points to the table with the same figures. Separate small SVGs (not one big one) let the
    grid reflow, so the text stays legible on a phone. Time and size grow linearly with the
    number of municipalities times the number of years.
    """
    values = [v for _, series in lines for v in series] or [0.0]
    high = max(max(values), 1.0)
    mark = _marked_in([name for name, _ in lines])
    length = max(len(x_labels), *(len(series) for _, series in lines), 1)
    step = (_Panels.right - _Panels.left) / max(len(x_labels) - 1, 1)
    xs = [f"{_Panels.left + i * step:.1f}" for i in range(length)]
    panels = _Panels(x_labels, high, shared_scale, display, mark, xs)
    shapes = {name: panels.points(series) for name, series in lines}
    context, compared = _context(panels, lines, shapes)
    if shared_scale:
        scale = f" Alle vakjes hebben dezelfde schaal: van 0 tot {display(high)}{unit}."
    else:
        scale = (
            " Elk vakje heeft een eigen schaal, van 0 tot het hoogste bedrag van die gemeente: "
            "vergelijk de getallen bovenin, niet de hoogte van de lijnen."
        )
    chart = text(chart_id)
    caption = description + scale + compared + _panel_sentence(mark, shared_scale)
    body = "".join(panels.panel(name, s, shapes[name], context(name)) for name, s in lines)
    return (
        f'<figure class="rekenhulp-veelvoud" id="{chart}" aria-describedby="{chart}-uitleg">'
        f'<figcaption><span class="rekenhulp-veelvoud-titel" id="{chart}-titel">{text(title)}'
        f'</span> <span class="rekenhulp-veelvoud-uitleg" id="{chart}-uitleg">'
        f"{text(caption)}</span></figcaption>"
        f'<div class="rekenhulp-veelvoud-vakken">{body}</div></figure>'
    )
