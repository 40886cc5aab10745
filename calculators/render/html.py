"""Small, escaping HTML and SVG builders shared by all calculator pages.

The same markup is produced at build time (static page, print, no JavaScript) and in the
browser worker (live results), so both always look alike. Every piece of text passes
through ``html.escape``: municipality names come from users and URLs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape


def text(value: object) -> str:
    return escape(str(value), quote=True)


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = True


def municipality_columns(*labels: str) -> list[Column]:
    """The usual columns: the municipality's name (the row headers), then numeric columns."""
    return [Column("Gemeente", numeric=False), *(Column(label) for label in labels)]


def table(
    caption: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    footer: Sequence[object] | None = None,
    css_class: str = "rekenhulp-tabel",
) -> str:
    """An accessible table: caption, column headers, row headers in the first column."""

    def cell(tag: str, value: object, column: Column, scope: str = "") -> str:
        classes = ' class="getal"' if column.numeric else ""
        scope_attr = f' scope="{scope}"' if scope else ""
        return f"<{tag}{classes}{scope_attr}>{text(value)}</{tag}>"

    def row_html(values: Sequence[object]) -> str:
        cells = [cell("th", values[0], columns[0], "row")]
        cells += [cell("td", v, c) for v, c in zip(values[1:], columns[1:], strict=True)]
        return "<tr>" + "".join(cells) + "</tr>"

    head = "".join(cell("th", c.label, c, "col") for c in columns)
    body = [row_html(row) for row in rows]
    foot = f"<tfoot>{row_html(footer)}</tfoot>" if footer is not None else ""
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
    extra_class: str, chart_id: str, width: int, height: int, title: str, description: str
) -> list[str]:
    """The opening of a chart: an image named by its title and described by its description."""
    chart = text(chart_id)
    return [
        f'<svg class="rekenhulp-grafiek{extra_class}" id="{chart}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart}-titel {chart}-uitleg" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart}-titel">{text(title)}</title>',
        f'<desc id="{chart}-uitleg">{text(description)}</desc>',
    ]


def bar_chart(
    chart_id: str, title: str, description: str, labels: Sequence[str], series: Sequence[Series]
) -> str:
    """Horizontal grouped bar chart in SVG with a zero line, for positive and negative values.

    The chart is decoration for sighted readers; the same figures are in the table next to
    it, which the description points screen-reader users to.
    """
    label_width, value_width, plot_width = 170, 120, 420
    bar_height, gap = 16, 10
    group_height = bar_height * len(series) + gap
    legend_height = 28
    height = legend_height + group_height * len(labels) + 10
    width = label_width + plot_width + value_width
    all_values = [v for s in series for v in s.values] or [0.0]
    low, high = min(0.0, *all_values), max(0.0, *all_values)
    span = (high - low) or 1.0

    def x(value: float) -> float:
        return label_width + (value - low) / span * plot_width

    parts = _svg_start("", chart_id, width, height, title, description)
    for index, item in enumerate(series):
        lx = label_width + index * 200
        parts.append(
            f'<rect class="{text(item.css_class)}" x="{lx}" y="6" width="14" height="14"/>'
            f'<text x="{lx + 20}" y="18">{text(item.label)}</text>'
        )
    zero = x(0.0)
    for row, label in enumerate(labels):
        top = legend_height + row * group_height
        parts.append(
            f'<text class="as-label" x="{label_width - 8}" y="{top + bar_height - 3}" '
            f'text-anchor="end">{text(label)}</text>'
        )
        for index, item in enumerate(series):
            value = item.values[row]
            y = top + index * bar_height
            left, right = sorted((zero, x(value)))
            parts.append(
                f'<rect class="{text(item.css_class)}" x="{left:.1f}" y="{y + 1}" '
                f'width="{max(right - left, 0.5):.1f}" height="{bar_height - 3}"/>'
                f'<text class="as-waarde" x="{label_width + plot_width + 6}" '
                f'y="{y + bar_height - 4}">{text(item.displays[row])}</text>'
            )
    parts.append(
        f'<line class="as-nul" x1="{zero:.1f}" x2="{zero:.1f}" y1="{legend_height - 2}" '
        f'y2="{height - 6}"/></svg>'
    )
    return "".join(parts)


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    x_labels: Sequence[str],
    lines: Sequence[tuple[str, Sequence[float]]],
) -> str:
    """One line per series over the x labels (years), each named at its right end.

    Like :func:`bar_chart` it is decoration for sighted readers: the description points to
    the table with the same figures. Lines cycle through a few colour and dash styles so they
    stay apart in greyscale print too.
    """
    # Tall enough that every line's name fits at the right; wide enough left for "1.234.567".
    left, right, top, plot_w = 90, 190, 16, 520
    plot_h = max(260, 11 * len(lines))
    width, height = left + plot_w + right, top + plot_h + 40
    values = [v for _, series in lines for v in series] or [0.0]
    high = max(max(values), 1.0)
    step = plot_w / max(len(x_labels) - 1, 1)

    def y(value: float) -> float:
        return top + plot_h - value / high * plot_h

    parts = _svg_start(" as-lijnen", chart_id, width, height, title, description)
    parts += [
        f'<line class="as-nul" x1="{left}" x2="{left + plot_w}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>',
        f'<text x="{left - 6}" y="{y(high) + 4:.1f}" text-anchor="end">'
        f"{text(f'{high:,.0f}'.replace(',', '.'))}</text>",
        f'<text x="{left - 6}" y="{y(0) + 4:.1f}" text-anchor="end">0</text>',
    ]
    for i, label in enumerate(x_labels):
        parts.append(
            f'<text x="{left + i * step:.1f}" y="{height - 14}" text-anchor="middle">'
            f"{text(label)}</text>"
        )
    label_ys = _spread_labels(
        [y(series[-1]) if series else y(0) for _, series in lines], top, top + plot_h
    )
    for index, ((label, series), label_y) in enumerate(zip(lines, label_ys, strict=True)):
        points = " ".join(f"{left + i * step:.1f},{y(v):.1f}" for i, v in enumerate(series))
        # A short sample of the line's own stroke before its name ties the two together.
        parts.append(
            f'<polyline class="as-lijn-{index % 6}" points="{points}"/>'
            f'<line class="as-lijn-{index % 6}" x1="{left + plot_w + 6}" x2="{left + plot_w + 24}" '
            f'y1="{label_y:.1f}" y2="{label_y:.1f}"/>'
            f'<text x="{left + plot_w + 28}" y="{label_y + 4:.1f}">{text(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _spread_labels(ends: Sequence[float], low: float, high: float, gap: float = 11) -> list[float]:
    """Label heights as near each line's end as they can be, at least ``gap`` apart and within
    ``low``..``high``: a pass down the sorted ends pushes crowded labels down, a pass back up
    pulls the ones that left the chart back in, moving only those it must."""
    order = sorted(range(len(ends)), key=lambda i: ends[i])
    heights = [ends[i] for i in order]
    for k in range(len(heights)):
        floor = low if k == 0 else heights[k - 1] + gap
        heights[k] = max(heights[k], floor)
    for k in range(len(heights) - 1, -1, -1):
        ceiling = high if k == len(heights) - 1 else heights[k + 1] - gap
        heights[k] = min(heights[k], ceiling)
    placed = [0.0] * len(ends)
    for k, i in enumerate(order):
        placed[i] = heights[k]
    return placed
