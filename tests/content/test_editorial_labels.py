"""Editorial choices are labelled where the reader sees them, so they cannot pass for facts
from the sources:

- the scale of goal 1.3 (the goals matrix gives none): on the ambition page, in the matrix
  and in the agenda;
- the beleidsagenda 2022 (no such agenda exists in the sources): at the top of its page;
- the links between decisions and ambitions (the decisions predate the regiovisie): on the
  register, its ambition filters, the decision pages and the ambition pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.content.pages import article, page, table_rows, visible_text

ROOT = Path(__file__).resolve().parents[2]
GOALS = yaml.safe_load((ROOT / "docs" / "regiovisie" / "doelen.yaml").read_text(encoding="utf-8"))
DECISIONS = ROOT / "decisions"
LABEL = "keuze van de redactie"
LINK_NOTE = "De koppeling tussen besluiten en ambities is een lezing van de redactie van deze site."


def editors_goals() -> dict[str, dict]:
    return {
        f"{a['nummer']}.{g['nummer']}": g
        for a in GOALS["ambities"]
        for g in a["doelen"]
        if g.get("schaal_keuze_redactie")
    }


def test_only_goal_1_3_has_an_editors_scale():
    # "Onze doelen bij Pijler 1", column 1: "Inzet ervaringsdeskundigen - We verhogen de inzet
    # van ervaringsdeskundigen bij preventieactiviteiten." names no scale; every other goal
    # sentence says regionaal and/or lokaal.
    assert list(editors_goals()) == ["1.3"]


# ------------------------------------------------------------------ goal 1.3


@pytest.mark.build
def test_ambition_page_labels_the_scale_of_goal_1_3(built_site):
    html = article(page(built_site, "regiovisie/ambitie-1"))
    for goal_id in editors_goals():
        anchor = "doel-" + goal_id.replace(".", "-")
        start = html.index(f'id="{anchor}"')
        section = visible_text(html[start : html.index("<h3", start + 1)])
        assert f"Schaal: regionaal ({LABEL})" in section
        assert "noemt bij dit doel geen schaal" in section
    # Goals whose scale the matrix gives carry no label.
    assert visible_text(html).count(f"({LABEL})") == len(editors_goals())


@pytest.mark.build
def test_matrix_labels_the_scale_of_goal_1_3(built_site):
    for url in ("regiovisie/pijler-1", "regiovisie/afdrukken"):
        html = article(page(built_site, url))
        rows = {row[0]: row for row in table_rows(html, "regiovisie-doelen")}
        assert rows["1.3"][3] == f"regionaal ({LABEL})", url
        assert rows["1.1"][3] == "regionaal en lokaal", url
        assert "Doel 1.3: De doelenmatrix van de regiovisie noemt bij dit doel geen schaal" in (
            visible_text(html)
        )


@pytest.mark.build
def test_agenda_labels_the_scale_of_activity_1_3(built_site):
    html = article(page(built_site, "beleidsagenda/2022"))
    start = html.index('id="activiteit-1-3"')
    block = visible_text(html[start : html.index('class="agenda-activiteit"', start + 30)])
    assert "Schaal: regionaal" in block
    assert "De schaal 'regionaal' is een keuze van de redactie van deze site" in block
    assert "noemt bij dit doel geen schaal" in block


# ------------------------------------------------------------------ beleidsagenda 2022


@pytest.mark.build
def test_agenda_2022_says_at_its_top_that_it_is_not_adopted(built_site):
    html = article(page(built_site, "beleidsagenda/2022"))
    banner = re.search(r'<div class="admonition warning">(.*?)</div>', html, re.DOTALL)
    assert banner, "no warning at the top"
    # Directly under the page title, before any content of the agenda itself.
    assert html.index(banner.group(0)) < html.index("<h2")
    text = visible_text(banner.group(1))
    assert text.startswith("Geen vastgestelde agenda")
    assert "doelenmatrix" in text and "niet vastgesteld" in text
    overview = visible_text(article(page(built_site, "beleidsagenda")))
    assert "Het is geen agenda die de gemeenten hebben vastgesteld." in overview


# ------------------------------------------------------------------ decisions and ambitions


@pytest.mark.build
def test_register_says_the_ambition_links_are_the_editors_reading(built_site):
    html = article(page(built_site, "besluiten"))
    text = visible_text(html)
    assert "Besluiten en ambities: een lezing van de redactie" in text
    # Before the filter menu that offers the ambitions.
    assert text.index("een lezing van de redactie") < text.index("Op ambitie")


@pytest.mark.build
@pytest.mark.parametrize("number", range(1, 8))
def test_ambition_filter_and_page_say_so(built_site, number):
    filtered = visible_text(article(page(built_site, f"besluiten/filter/ambitie-{number}")))
    assert LINK_NOTE in filtered
    ambition = article(page(built_site, f"regiovisie/ambitie-{number}"))
    start = ambition.index('id="besluiten-bij-deze-ambitie"')
    section = visible_text(ambition[start : ambition.index("<h2", start + 1)])
    assert LINK_NOTE in section


@pytest.mark.build
def test_decision_pages_with_ambitions_say_so(built_site):
    checked = 0
    for path in sorted(DECISIONS.glob("[a-z]*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        text = visible_text(article(page(built_site, f"besluiten/{path.stem}")))
        if meta.get("ambities"):
            after = text[text.index("Samenhang") :]
            assert after.split("Samenhang", 1)[1].strip().startswith(LINK_NOTE), path.stem
            checked += 1
        else:
            assert LINK_NOTE not in text
    assert checked == 19
