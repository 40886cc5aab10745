"""Regiovisie and background pages, from the data files and the built site: the goals data
equals the source document, every ambition and goal with its scale is on its page and on the
print page, the transformation table equals its data file, abbreviations carry tooltips, and
search finds ambitions and glossary terms."""

from __future__ import annotations

import csv
import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GOALS = yaml.safe_load((DOCS / "regiovisie" / "doelen.yaml").read_text(encoding="utf-8"))
TRANSFORMATION = DOCS / "regiovisie" / "data" / "transformatie-2018-2020.csv"
SOURCE_TITLES = (
    "Regiovisie Meedoen en Wonen 2022-2026",
    "Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio",
    "Collegevoorstel Regioplan Beschermd Thuis 2020",
    "Uitvoeringsplan doordecentralisatie beschermd wonen en maatschappelijke opvang",
)
SCALE_TEXT = {
    ("regionaal",): "regionaal",
    ("lokaal",): "lokaal",
    ("regionaal", "lokaal"): "regionaal en lokaal",
}

# The goals matrix of "Regiovisie Meedoen en Wonen 2022-2026", chapter 2.4 ("Onze doelen bij
# Pijler 1" and "... Pijler 2"), typed by hand; the ambition of each goal as in appendix 4.2.
# Scale as the matrix sentence says it ("We zetten regionaal en lokaal in ...").
EXPECTED_GOALS = {
    1: [
        ("Scholing en voorlichting", ["regionaal", "lokaal"]),
        ("Samenwerking", ["regionaal"]),
        # No scale in the matrix text; the site chose regionaal (see doelen.yaml).
        ("Inzet ervaringsdeskundigen", ["regionaal"]),
        ("Regionaal basispakket OGGZ-Preventie", ["regionaal"]),
    ],
    2: [
        ("Via maatwerk participatie bevorderen", ["lokaal"]),
        ("Via maatwerk inclusie bevorderen", ["lokaal"]),
    ],
    3: [
        ("Ontwikkelen van netwerksamenwerking", ["regionaal", "lokaal"]),
        ("Gezamenlijke verantwoordelijkheid voor de doelgroep", ["regionaal", "lokaal"]),
    ],
    4: [
        ("Regiovisie op inzet ervaringsdeskundigen", ["regionaal"]),
        ("Ontwikkelen en opleiden", ["regionaal"]),
        ("Vergroten zichtbaarheid ervaringsdeskundigen", ["lokaal"]),
        ("Versterken cliëntparticipatie", ["regionaal", "lokaal"]),
    ],
    5: [
        ("Kleinschalige ondersteuningsvormen in de regio", ["regionaal"]),
        ("Versterken van de toegang", ["lokaal"]),
        ("Verbeteren imago doelgroep", ["regionaal", "lokaal"]),
        ("Aandacht voor bijzonder kwetsbare doelgroepen", ["regionaal"]),
    ],
    6: [
        ("Passend wonen", ["lokaal"]),
        ("Door ontwikkelen van het transfer- en matchingspunt", ["regionaal"]),
        ("Aandacht voor bijzondere woonwensen", ["lokaal"]),
    ],
    7: [
        ("Nabuurschap", ["lokaal"]),
        ("Laagdrempelige ontmoetingsplekken", ["regionaal"]),
    ],
}

# "Regiovisie Meedoen en Wonen 2022-2026", section 1.1, table "De gerealiseerde
# transformatie" (columns 2018, 2019, 2020; the "ontwikkeling" columns are differences).
EXPECTED_TRANSFORMATION = {
    "Plekken BW gerealiseerd": [651, 558, 511],
    "Plekken BT gerealiseerd": [151, 214, 245],
    "Totaal": [802, 772, 756],
    "Aantal plekken inkoop": [831, 784, 759],
    "Inkoop minus realisatie": [29, 12, 3],
    "Unieke cliënten": [1095, 1012, 971],
}
# Same table, the two "ontwikkeling" columns (2018->2019, 2019->2020), in row order.
EXPECTED_DIFFERENCES = [(-93, -47), (63, 31), (-30, -16), (-47, -25), (-17, -9), (-83, -41)]

# The abbreviations of the seeds README glossary that must be explained and shown as tooltip.
README_ABBREVIATIONS = [
    "BW", "BT", "MO", "OGGZ", "Wmo", "Wlz", "Zvw", "NvO", "MGR", "BC Wmo", "VNG", "VWS",
    "EVSD", "B&W", "PGB", "KPI",
]  # fmt: skip


def abbreviations() -> dict[str, str]:
    text = (DOCS / "includes" / "afkortingen.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[(.+?)\]:\s*(.+)$", text, re.MULTILINE))


def article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def visible_text(fragment: str) -> str:
    fragment = re.sub(r"<svg.*?</svg>", " ", fragment, flags=re.DOTALL)
    # Inline elements join their neighbours; other tags separate words.
    fragment = re.sub(r"</?(abbr|a|strong|em|span|code)\b[^>]*>", "", fragment)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", fragment)))


def section_after(html: str, anchor: str) -> str:
    """HTML from the heading with this id up to the next heading of the same or higher level."""
    match = re.search(rf'<h([1-6]) id="{re.escape(anchor)}"', html)
    assert match, f"no heading with id {anchor}"
    level = int(match.group(1))
    rest = html[match.start() + 1 :]
    end = re.search(rf"<h[1-{level}][ >]", rest)
    return rest[: end.start()] if end else rest


EDITORS_CHOICE = " (keuze van de redactie)"


def shown_scale(section_html: str) -> str:
    """The scale shown for a goal, without the editors' label (checked separately)."""
    match = re.search(r"<strong>Schaal:</strong>\s*(.*?)</p>", section_html, re.DOTALL)
    assert match, "no scale shown"
    return visible_text(match.group(1)).strip().removesuffix(EDITORS_CHOICE)


def page(built_site: Path, url: str) -> str:
    return (built_site / url / "index.html").read_text(encoding="utf-8")


def section_pages(built_site: Path) -> list[Path]:
    pages = [built_site / "index.html", built_site / "begrippen" / "index.html"]
    for section in ("regiovisie", "achtergrond"):
        pages += sorted((built_site / section).rglob("index.html"))
    return pages


# ------------------------------------------------------------------ data against source


def test_goals_data_has_two_pillars_and_seven_ambitions():
    assert [p["nummer"] for p in GOALS["pijlers"]] == [1, 2]
    assert [a["nummer"] for a in GOALS["ambities"]] == list(range(1, 8))
    assert [a["pijler"] for a in GOALS["ambities"]] == [1, 1, 1, 1, 2, 2, 2]


def test_goals_data_equals_the_goals_matrix():
    found = {
        ambition["nummer"]: [(goal["naam"], goal["schaal"]) for goal in ambition["doelen"]]
        for ambition in GOALS["ambities"]
    }
    assert found == EXPECTED_GOALS
    for ambition in GOALS["ambities"]:
        assert [g["nummer"] for g in ambition["doelen"]] == list(
            range(1, len(ambition["doelen"]) + 1)
        )
        for goal in ambition["doelen"]:
            assert goal["omschrijving"].strip()


def test_transformation_data_equals_the_source_table():
    with TRANSFORMATION.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["onderdeel", "2018", "2019", "2020", "bron"]
    data = {row[0]: [int(v) for v in row[1:-1]] for row in rows[1:]}
    assert data == EXPECTED_TRANSFORMATION
    differences = [(v[1] - v[0], v[2] - v[1]) for v in data.values()]
    assert differences == EXPECTED_DIFFERENCES


def test_glossary_covers_the_readme_abbreviations():
    assert set(README_ABBREVIATIONS) <= set(abbreviations())


# ------------------------------------------------------------------ built pages


@pytest.mark.build
@pytest.mark.parametrize("ambition", GOALS["ambities"], ids=lambda a: f"ambitie-{a['nummer']}")
def test_ambition_page_shows_every_goal_with_its_scale(built_site, ambition):
    number = ambition["nummer"]
    html = article(page(built_site, f"regiovisie/ambitie-{number}"))
    h1 = visible_text(re.search(r"<h1.*?</h1>", html, re.DOTALL).group(0))
    assert f"Ambitie {number}: {ambition['naam']}" in h1
    for goal in ambition["doelen"]:
        section_html = section_after(html, f"doel-{number}-{goal['nummer']}")
        assert goal["naam"] in visible_text(section_html)
        assert shown_scale(section_html) == SCALE_TEXT[tuple(goal["schaal"])]
    # The cross-link sections of the decisions and agenda areas are present.
    assert 'id="besluiten-bij-deze-ambitie"' in html
    assert 'id="activiteiten-in-de-beleidsagenda"' in html


@pytest.mark.build
def test_print_page_holds_every_ambition_and_goal_in_order(built_site):
    html = article(page(built_site, "regiovisie/afdrukken"))
    text = visible_text(html)
    positions = []
    for ambition in GOALS["ambities"]:
        title = f"Ambitie {ambition['nummer']}: {ambition['naam']}"
        assert title in text
        positions.append(text.index(title))
        for goal in ambition["doelen"]:
            anchor = f"doel-{ambition['nummer']}-{goal['nummer']}"
            section_html = section_after(html, anchor)
            assert goal["naam"] in visible_text(section_html)
            assert shown_scale(section_html) == SCALE_TEXT[tuple(goal["schaal"])]
    assert positions == sorted(positions)
    # Whole chapters, in reading order.
    chapters = ["Aanleiding", "Terugblik 2017-2021", "Visie en doelgroep", "Sturing en uitvoering"]
    found = [text.index(chapter) for chapter in chapters]
    assert found == sorted(found)
    assert "transformatie-tabel" in html


def table_rows(html: str, css_class: str) -> list[list[str]]:
    table_html = re.search(rf'<table class="[^"]*{css_class}[^"]*">.*?</table>', html, re.DOTALL)
    assert table_html, css_class
    body = re.search(r"<tbody>(.*?)</tbody>", table_html.group(0), re.DOTALL).group(1)
    return [
        [visible_text(cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    ]


@pytest.mark.build
@pytest.mark.parametrize("url", ["regiovisie/terugblik", "regiovisie/afdrukken"])
def test_transformation_table_on_page_equals_data_file(built_site, url):
    rows = table_rows(page(built_site, url), "transformatie-tabel")
    with TRANSFORMATION.open(encoding="utf-8", newline="") as handle:
        data = list(csv.reader(handle))[1:]
    assert [row[0] for row in rows] == [row[0] for row in data]
    for shown, source in zip(rows, data, strict=True):
        values = [int(v) for v in source[1:-1]]
        assert [int(shown[1]), int(shown[3]), int(shown[5])] == values
        assert [int(shown[2]), int(shown[4])] == [values[1] - values[0], values[2] - values[1]]


@pytest.mark.build
def test_transformation_chart_is_svg_with_the_bw_and_bt_figures(built_site):
    html = page(built_site, "regiovisie/terugblik")
    svg = re.search(r'<svg class="rekenhulp-grafiek" id="transformatie-grafiek".*?</svg>', html)
    assert svg, "chart missing"
    labels = re.findall(r'class="as-waarde"[^>]*>(-?\d+)<', svg.group(0))
    bw = EXPECTED_TRANSFORMATION["Plekken BW gerealiseerd"]
    bt = EXPECTED_TRANSFORMATION["Plekken BT gerealiseerd"]
    assert [int(v) for v in labels] == [x for pair in zip(bw, bt, strict=True) for x in pair]
    assert 'role="img"' in svg.group(0) and "<title" in svg.group(0)


@pytest.mark.build
def test_abbreviations_have_tooltips_on_pages_that_use_them(built_site):
    known = abbreviations()
    checked = 0
    for path in section_pages(built_site):
        html = article(path.read_text(encoding="utf-8"))
        # Text from Markdown only: raw HTML (tables and charts built by macros) is left as is.
        prose = re.sub(r'<div class="rekenhulp-tabel-wrap">.*?</table></div>', " ", html)
        prose = re.sub(r"<svg.*?</svg>", " ", prose, flags=re.DOTALL)
        text = visible_text(prose)
        for abbr, title in known.items():
            if re.search(rf"(?<![\w&]){re.escape(abbr)}(?![\w&])", text):
                assert f'<abbr title="{title}">{abbr}</abbr>'.replace("&", "&amp;") in html, (
                    f"{abbr} without tooltip on {path.relative_to(built_site)}"
                )
                checked += 1
    assert checked > 50


@pytest.mark.build
def test_glossary_page_explains_every_abbreviation_once(built_site):
    html = article(page(built_site, "begrippen"))
    terms = [visible_text(t).strip() for t in re.findall(r"<dt>(.*?)</dt>", html, re.DOTALL)]
    assert len(terms) == len(set(terms))
    for abbr in README_ABBREVIATIONS:
        assert abbr in terms, abbr


@pytest.mark.build
def test_every_page_names_its_source_document(built_site):
    for path in section_pages(built_site):
        text = visible_text(article(path.read_text(encoding="utf-8")))
        assert re.search(r"Bron(nen)?:", text), path
        assert any(title in text for title in SOURCE_TITLES), path


# The links as the source document gives them, shipped with the tests: the source documents
# are not in this repository, and a test that skips without them checks nothing in CI.
SOURCE_LINKS = Path(__file__).resolve().parent / "fixtures" / "regiovisie-bijlage-links.txt"


def source_links() -> list[str]:
    lines = SOURCE_LINKS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.build
def test_documentation_links_come_from_the_source(built_site):
    html = article(page(built_site, "regiovisie/bijlagen"))
    tags = re.findall(r'<a [^>]*class="extern"[^>]*>', html)
    links = [unescape(re.search(r'href="([^"]+)"', tag).group(1)) for tag in tags]
    assert len(links) == 16
    assert links == source_links()


@pytest.mark.build
def test_search_index_finds_ambitions_and_glossary_terms(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    for ambition in GOALS["ambities"]:
        location = f"regiovisie/ambitie-{ambition['nummer']}/"
        titles = [d["title"] for d in docs if d["location"] == location]
        assert any(ambition["naam"] in visible_text(t) for t in titles), location
    glossary = " ".join(d["text"] for d in docs if d["location"].startswith("begrippen/"))
    for term in ("Woonplaatsbeginsel", "Norm voor Opdrachtgeverschap", "Ingroeipad", "Wlz"):
        assert term in unescape(glossary), term


def test_nav_lists_the_regiovisie_in_reading_order():
    from hooks.macros_regiovisie import READING_ORDER

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    section = next(item["Regiovisie"] for item in config["nav"] if "Regiovisie" in item)
    files = [entry if isinstance(entry, str) else next(iter(entry.values())) for entry in section]
    assert files == [*READING_ORDER, "regiovisie/afdrukken.md"]
    on_disk = {f"regiovisie/{p.name}" for p in (DOCS / "regiovisie").glob("*.md")}
    assert set(files) == on_disk
