"""The result's HTML grows linearly with the table: small multiples, tables, the map.

``small_multiples`` drew every other municipality's line in every panel: n² lines, 20 s and
tens of megabytes for 2.000 municipalities. Up to ``CONTEXT_LINES_MAX`` it still does (a
region's table keeps its look); beyond that all panels share one grey band from the lowest to
the highest value of each year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.render import html
from calculators.render.html import (
    CONTEXT_LINES_MAX,
    Column,
    highlighting,
    municipality_columns,
    small_multiples,
    table,
)

YEARS = ["Nu", "2023", "2024", "2025", "2026"]


def lines_of(count: int) -> list[tuple[str, list[float]]]:
    """``count`` municipalities whose values differ per year (no two lines alike)."""
    return [
        (f"Gemeente {i}", [float((i * 7 + year * (i % 5 - 2)) % 97) for year in range(5)])
        for i in range(count)
    ]


def panels(chart: str) -> list[str]:
    return re.findall(r'<svg class="rekenhulp-grafiek as-vak.*?</svg>', chart)


def points(element: str) -> list[tuple[float, float]]:
    found = re.search(r'points="([^"]*)"', element)
    assert found
    return [(float(x), float(y)) for x, y in (p.split(",") for p in found.group(1).split())]


def test_a_region_keeps_every_other_line_in_grey():
    lines = lines_of(CONTEXT_LINES_MAX)
    chart = small_multiples("c", "Titel", "Uitleg.", YEARS, lines)
    for panel in panels(chart):
        assert panel.count('class="as-context"') == len(lines) - 1
        assert "as-bereik" not in panel
    assert "De grijze lijnen zijn de andere gemeenten." in chart


def test_a_large_table_shares_one_band_of_lowest_to_highest():
    lines = lines_of(CONTEXT_LINES_MAX + 1)
    chart = small_multiples("c", "Titel", "Uitleg.", YEARS, lines)
    own = {}
    for panel in panels(chart):
        assert panel.count("<polygon") == 1
        assert "as-context" not in panel
        name = re.search(r'class="as-naam"[^>]*>([^<]*)<', panel)
        assert name
        own[name.group(1)] = points(re.findall(r'<polyline class="as-eigen"[^>]*>', panel)[0])
    assert len(own) == len(lines)
    band = points(re.findall(r'<polygon class="as-bereik"[^>]*>', chart)[0])
    upper, lower = band[: len(YEARS)], band[len(YEARS) :][::-1]
    # Each year's edge of the band is where the highest and the lowest municipality's own
    # line is that year (y grows downwards).
    for year in range(len(YEARS)):
        values = [series[year] for _, series in lines]
        highest = lines[values.index(max(values))][0]
        lowest = lines[values.index(min(values))][0]
        assert upper[year] == own[escape(highest)][year]
        assert lower[year] == own[escape(lowest)][year]
    assert "Het grijze vlak loopt per jaar van de laagste tot de hoogste" in chart
    assert "grijze lijnen" not in chart


def test_a_highlighted_line_stays_in_every_other_panel_of_a_large_table():
    lines = lines_of(60)
    name = lines[7][0]
    with highlighting(name):
        chart = small_multiples("c", "Titel", "Uitleg.", YEARS, lines)
    marked = [p for p in panels(chart) if "as-context-uitgelicht" in p]
    assert len(marked) == len(lines) - 1
    assert chart.count("as-vak as-uitgelicht") == 1


def test_own_scales_draw_no_grey_at_all():
    for count in (3, CONTEXT_LINES_MAX + 5):
        chart = small_multiples("c", "T", "U.", YEARS, lines_of(count), shared_scale=False)
        assert "as-context" not in chart
        assert "as-bereik" not in chart
        assert "grijze" not in chart


def test_size_grows_linearly_beyond_a_region():
    sizes = {n: len(small_multiples("c", "T", "U.", YEARS, lines_of(n))) for n in (200, 400)}
    # Twice the municipalities, about twice the text (n² lines would be four times).
    assert sizes[400] < 2.1 * sizes[200]


# -------------------------------------------------------------- table: as the former one


def old_table(
    caption: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    footer: Sequence[object] | None = None,
    css_class: str = "rekenhulp-tabel",
) -> str:
    """``html.table`` as it was before its cells' openings were made once per column."""
    text = html.text
    mark = html.highlighted() if columns and columns[0].municipality else ""

    def cell(tag: str, value: object, column: Column, scope: str = "", note: str = "") -> str:
        classes = ' class="getal"' if column.numeric else ""
        scope_attr = f' scope="{scope}"' if scope else ""
        return f"<{tag}{classes}{scope_attr}>{text(value)}{note}</{tag}>"

    def row_html(values: Sequence[object], body: bool = True) -> str:
        marked = body and bool(mark) and values[0] == mark
        note = html.HIGHLIGHT_NOTE if marked else ""
        cells = [cell("th", values[0], columns[0], "row", note)]
        cells += [cell("td", v, c) for v, c in zip(values[1:], columns[1:], strict=True)]
        opening = '<tr class="rekenhulp-uitgelicht">' if marked else "<tr>"
        return opening + "".join(cells) + "</tr>"

    head = "".join(cell("th", c.label, c, "col", html._kind_note(c.label)) for c in columns)
    body = [row_html(row) for row in rows]
    foot = f"<tfoot>{row_html(footer, body=False)}</tfoot>" if footer is not None else ""
    return (
        f'<div class="rekenhulp-tabel-wrap"><table class="{text(css_class)}">'
        f"<caption>{text(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>{foot}</table></div>"
    )


cells = st.one_of(st.integers(-(10**12), 10**12), st.text(max_size=8), st.just("<&\">'"))


@settings(max_examples=100, deadline=None, database=None)
@given(
    st.lists(st.booleans(), min_size=1, max_size=5),
    st.lists(st.lists(cells, min_size=6, max_size=6), max_size=6),
    st.booleans(),
    st.sampled_from(["", "Venlo", "<b>"]),
)
def test_table_writes_what_the_former_table_wrote(numeric, rows, with_footer, mark):
    columns = [
        municipality_columns()[0],
        *(Column(f"K{i}", numeric=n) for i, n in enumerate(numeric)),
    ]
    width = len(columns)
    body = [[mark if i == 0 else row[0], *row[1:width]] for i, row in enumerate(rows)]
    footer = ["Totaal", *range(width - 1)] if with_footer else None
    with highlighting(mark):
        assert table("Tabel", columns, body, footer) == old_table("Tabel", columns, body, footer)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.sampled_from("&<>\"'")))
def test_text_escapes_as_html_escape_does(value):
    # text() skips escape() when nothing needs escaping; the result must not change.
    assert html.text(value) == escape(str(value), quote=True)
