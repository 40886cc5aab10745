"""Issue 23, labels that travel with the content, wording that shifts meaning, sources at
every figure and the omissions from the 2019 plan. Each test reads the built pages' visible
text; the expected phrases follow the sources:

- Uitvoeringsplan doordecentralisatie beschermd wonen en maatschappelijke opvang regio
  Noord-Limburg (2019);
- the untitled document of 2020 with the nine uitgangspunten;
- Regiovisie Meedoen en Wonen 2022-2026.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content.pages import article, page, visible_text

ROOT = Path(__file__).resolve().parents[2]
DECISIONS = ROOT / "decisions"
AGENDA_LABEL = "Geen vastgestelde agenda"
AGENDA_TEXT = "De gemeenten hebben haar niet vastgesteld."
SUCCESSION = "Geen bronstuk zegt dat de uitgangspunten van 2020 de beslispunten van 2019 vervangen."
TITLE = "De titel 'Regionale uitgangspunten … (2020)' heeft de redactie van deze site gemaakt."
STATUS = "De status 'vastgesteld' is een lezing van de redactie."


def text_of(site: Path, url: str) -> str:
    return visible_text(article(page(site, url)))


# ------------------------------------------------------------------ the 2022 agenda label

AGENDA_PAGES = [
    "",  # the home card
    "beleidsagenda",
    "beleidsagenda/2022",
    "besluiten/geldend",
    "besluiten/stand/2022",
    *(f"regiovisie/ambitie-{n}" for n in range(1, 8)),
    "gemeenten/venlo",
    "gemeenten/roermond",
]


@pytest.mark.build
@pytest.mark.parametrize("url", AGENDA_PAGES)
def test_every_page_that_shows_the_2022_agenda_says_it_was_not_adopted(built_site, url):
    text = text_of(built_site, url)
    assert AGENDA_LABEL in text, url
    assert "opgesteld uit de doelenmatrix" in text, url
    assert AGENDA_TEXT in text, url


@pytest.mark.build
def test_the_label_stands_right_above_the_activities(built_site):
    # On an ambition page and on "Stand op 1 januari 2022" the box comes before the list.
    text = text_of(built_site, "regiovisie/ambitie-5")
    assert text.index(AGENDA_LABEL) < text.index("Activiteiten in de beleidsagenda 2022:")
    text = text_of(built_site, "besluiten/stand/2022")
    assert text.index(AGENDA_LABEL) < text.index("Wat de beleidsagenda 2022 voor dit jaar noemt")
    overview = text_of(built_site, "beleidsagenda")
    assert "Beleidsagenda 2022 (geen vastgestelde agenda)" in overview


@pytest.mark.build
def test_no_page_shows_agenda_activities_without_the_label(built_site):
    # Any page whose article links an activity of the 2022 agenda carries the label.
    for path in built_site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        body = article(html)
        if re.search(r'href="[^"]*2022/#activiteit-', body):
            assert AGENDA_LABEL in visible_text(body), path


def test_the_label_text_is_typed_once():
    # One source: the box on the year page; templates and macros read it from there.
    sources = [
        *(ROOT / "engine" / "sitecontent" / "src" / "sitecontent").rglob("*.j2"),
        *(ROOT / "engine" / "sitecontent" / "src" / "sitecontent").rglob("*.py"),
        *(ROOT / "hooks").glob("macros_*.py"),
        ROOT / "docs" / "index.md",
    ]
    for path in sources:
        assert AGENDA_LABEL not in path.read_text(encoding="utf-8"), path
    year_page = (ROOT / "docs" / "beleidsagenda" / "2022.md").read_text(encoding="utf-8")
    assert f'!!! warning "{AGENDA_LABEL}"' in year_page


# ------------------------------------------------------------------ derived facts


@pytest.mark.build
def test_midden_limburg_is_labelled_as_derived(built_site):
    text = text_of(built_site, "regiovisie/aanleiding")
    assert "Midden-Limburg is afgeleid" in text
    assert "Geen bron noemt de zeven gemeenten van Midden-Limburg bij naam." in text
    assert "De andere zeven horen bij Midden-Limburg." not in text


@pytest.mark.build
def test_transferpunt_dates_are_shown_as_a_difference_between_sources(built_site):
    # 2019 plan, ch. 4: "hebben we een transferpunt opgericht"; regiovisie 4.2: "In 2020
    # zijn we in de regio gestart met een Transferpunt Noord-Limburg".
    for url in ("regiovisie/ambitie-6", "besluiten/bp-2019-05"):
        text = text_of(built_site, url)
        assert "De bronnen verschillen" in text, url
        assert "in 2020 met het Transferpunt Noord-Limburg begon" in text, url
        assert "Deze site kiest niet tussen de twee." in text, url


@pytest.mark.build
@pytest.mark.parametrize("url", [f"besluiten/up-2020-0{n}" for n in range(1, 10)])
def test_each_2020_point_labels_its_title_status_and_succession(built_site, url):
    text = text_of(built_site, url)
    assert TITLE in text
    assert STATUS in text
    # Regiovisie 3.1: the colleges agreed with a plan built on the nine points.
    assert "Eind 2020 of begin 2021 stemden alle colleges" in text
    assert SUCCESSION in text
    assert "Dit vervangt beslispunt" not in text


@pytest.mark.build
@pytest.mark.parametrize(
    "url",
    [
        "besluiten",
        "besluiten/bp-2019-04",
        "besluiten/geldend",
        "besluiten/tijdlijn",
        "besluiten/stand/2021",
        "besluiten/filter/status-vervangen",
    ],
)
def test_succession_is_labelled_as_the_editors_reading(built_site, url):
    assert SUCCESSION in text_of(built_site, url)


@pytest.mark.build
def test_the_site_made_title_is_labelled_where_it_is_cited(built_site):
    for url in ("besluiten", "regiovisie/aanleiding"):
        assert "deze titel heeft de redactie van deze site gemaakt" in text_of(built_site, url)
    assert "een titel die deze site maakte omdat het stuk geen eigen titel heeft" in text_of(
        built_site, "gemeenten/venlo"
    )


# ------------------------------------------------------------------ wording


@pytest.mark.build
def test_wording_follows_the_sources(built_site):
    # Regiovisie 4.2, ambition 5: "We streven naar een maatschappelijke opvang en locaties".
    text = text_of(built_site, "regiovisie/ambitie-5")
    assert "moeten een vast deel zijn van de wijk" not in text
    assert "Ze streven ernaar dat opvang en beschermd wonen een vast deel zijn" in text
    # Regiovisie 4.2, goal 6.2: "streven we naar uniformiteit ... de mogelijkheden onderzoeken".
    text = text_of(built_site, "regiovisie/ambitie-6")
    assert "gaan op dezelfde manier werken" not in text
    assert "De regio streeft ernaar dat het Transferpunt Noord-Limburg" in text
    assert "de regio onderzoekt of de punten er voor meer groepen kunnen zijn" in text
    # Regiovisie 2.2: "We geven thuis door voldoende plekken te bieden".
    text = text_of(built_site, "regiovisie/pijler-1")
    assert "Er zijn genoeg plekken" not in text
    assert "De gemeenten willen genoeg plekken bieden" in text
    # 2019 plan, ch. 3: "vraagt het om samenwerking met andere aanbieders".
    text = text_of(built_site, "besluiten/bp-2019-05")
    assert "moeten misschien samenwerken" not in text
    assert "vraagt het om samenwerking met andere aanbieders" in text
    # 2019 plan, ch. 4 (VGZ): no cause is given for using the Samenwerkingstafel.
    assert "De gemeenten willen daarom de Samenwerkingstafel" not in text_of(
        built_site, "besluiten/bp-2019-07"
    )
    # 2020, uitgangspunt 4: "eenduidige sturing op de afspraken met de aanbieders".
    text = text_of(built_site, "besluiten/up-2020-04")
    assert "op één manier bewaakt" not in text
    assert "eenduidig sturen op de afspraken met de aanbieders" in text
    # 2020, uitgangspunt 3 d): "de koppeling ... met regionale voorzieningen zoals 24-7
    # bereikbaarheid wordt nader onderzocht".
    text = text_of(built_site, "besluiten/up-2020-03")
    assert "de koppeling van beschermd wonen met regionale voorzieningen wordt verder" in text
    assert "de bereikbaarheid 24 uur per dag, 7 dagen per week" in text


@pytest.mark.build
def test_the_register_lists_the_changes_as_examples(built_site):
    text = text_of(built_site, "besluiten")
    assert "Daarbij veranderden er drie dingen" not in text
    assert "veranderde onder meer dit" in text
    # 2020: every point for Noord- en Midden-Limburg; indiceren "vanaf medio 2021".
    assert "elk punt gaat nu over heel Noord- en Midden-Limburg" in text
    assert "vanaf medio 2021 (in 2019 stond er: vanaf 2021)" in text


@pytest.mark.build
def test_gennep_note_cites_both_places_in_the_regiovisie(built_site):
    text = text_of(built_site, "regiovisie/aanleiding")
    assert "en dan alleen voor beschermd wonen" not in text
    assert "sluit Gennep aan voor het onderdeel beschermd wonen" in text
    assert "beschermd wonen, maatschappelijke opvang, bemoeizorg en preventie OGGZ" in text


# ------------------------------------------------------------------ sources


def test_bron_of_bp_2019_05_and_07_names_chapter_4_samenwerkingsrelaties():
    for decision_id in ("bp-2019-05", "bp-2019-07"):
        head = (DECISIONS / f"{decision_id}.md").read_text(encoding="utf-8").split("---")[1]
        line = next(x for x in head.splitlines() if x.strip().startswith("hoofdstuk:"))
        assert "Hoofdstuk 4 – Samenwerking" in line and "Samenwerkingsrelaties" in line


@pytest.mark.build
def test_terugblik_cites_sections(built_site):
    text = text_of(built_site, "regiovisie/terugblik")
    for section in (
        "paragraaf 1.1 (Beschermd wonen)",
        "paragraaf 1.2 (Maatschappelijke opvang)",
        "paragraaf 1.3 (Bemoeizorg)",
        "paragraaf 1.4 (Preventie)",
    ):
        assert f"Bron: Regiovisie Meedoen en Wonen 2022-2026, {section}." in text


# ------------------------------------------------------------------ omissions (2019 plan)


@pytest.mark.build
def test_the_2019_plan_background_is_on_the_aanleiding(built_site):
    text = text_of(built_site, "regiovisie/aanleiding")
    assert "via 43 centrumgemeenten" in text
    assert "ministerie van VWS en de VNG van juli 2019" in text
    assert "Midden-Limburg dat jaar al het geld van het Rijk" in text
    for moment in (
        "procesplan",
        "nieuwe regio-indeling: februari 2020",
        "gepubliceerd in de meicirculaire 2020",
        "woonplaatsbeginsel en het verrekenen van kosten: mei 2020",
    ):
        assert moment in text, moment
    assert "vóór 1 januari 2021 maken" in text
    assert "Uitwerking bouwstenen expertiseteam MO-BW-BG" in text


@pytest.mark.build
def test_opvang_2_0_is_on_the_record_about_the_opvang(built_site):
    text = text_of(built_site, "besluiten/bp-2019-10")
    assert "Maatschappelijke Opvang 2.0" in text
    assert "bedden met continu toezicht, trajecthuizen, en grijs wonen" in text
    assert "Hoofdstuk 2 – Ontwikkelopgave, deel Maatschappelijke opvang" in text
