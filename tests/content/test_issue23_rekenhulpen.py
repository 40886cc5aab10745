"""The calculator pages after issue 23 (sections 2, 4, 5 and 7): what the Spreiding
calculator chose itself is labelled, the friction budget is named for what it counts, largest
remainder with a maximum is explained with an example the site's own code computes, the 258
BW places have their source sections, technical asides are labelled, two long sentences are
rewritten, and every calculator page puts its summary and tool before the explanation.

The browser half of "the tool first" (positions at desktop and phone width, print) is in
tests/browser/test_tool_first.py."""

from __future__ import annotations

import json
import re
from fractions import Fraction
from pathlib import Path

import pytest

from calculators.core import fields
from calculators.core.apportion import APPORTIONMENT_METHODS, apportion
from calculators.core.calculator import find
from calculators.core.entry import handle
from calculators.render.page import handle_page
from calculators.spreiding.model import Scenario as SpreidingScenario
from tests.content.pages import article, page, sentences, visible_text, word_count

ROOT = Path(__file__).resolve().parents[2]
CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")
TECHNICAL_TERMS = ("D'Hondt", "Sainte-Laguë", "Alabama", "exacte breuken", "exact uitgerekend")


def calculator_page(site: Path, name: str) -> str:
    return article(page(site, f"rekenhulpen/{name}"))


def without_calculator(html: str) -> str:
    """The page without the calculator block (its form and result are the calculator's own
    texts, such as the names of the rounding methods in the form)."""
    start = html.index('<div class="rekenhulp" data-rekenhulp=')
    end = html.index("</section></div>", start) + len("</section></div>")
    return html[:start] + html[end:]


def folded(html: str) -> dict[str, str]:
    """The folded sections of a page: summary title -> visible text of the content."""
    found = re.findall(r"<details[^>]*>\s*<summary>(.*?)</summary>(.*?)</details>", html, re.S)
    return {visible_text(title): visible_text(body) for title, body in found}


def section(html: str, heading_id: str) -> str:
    start = html.index(f'<h2 id="{heading_id}"')
    end = html.find("<h2", start + 1)
    return visible_text(html[start : end if end > 0 else len(html)])


# ------------------------------------------------------------------ Spreiding: herkomst


@pytest.mark.build
def test_spreiding_says_herkomst_is_its_own_choice(built_site):
    # Uitvoeringsplan, Hoofdstuk 3: "evenredig naar het aantal inwoners of op basis van
    # cliëntaantallen"; it says nothing about which municipality a client counts for.
    text = visible_text(calculator_page(built_site, "spreiding"))
    assert "het aantal cliënten dat uit die gemeente komt" not in text
    assert 'zegt alleen "op basis van cliëntaantallen"' in text
    assert "Het zegt niet bij welke gemeente een cliënt hoort." in text
    choice = text[text.index("Welke cliënten tellen") :]
    choice = choice[: choice.index("Een frictiebudget.")]
    assert "‘Cliënten (gemeente van herkomst)’" in choice
    assert "eigen keuze van de rekenhulp" in choice


# ------------------------------------------------------------------ Spreiding: friction budget


def test_the_friction_cost_field_is_named_for_the_places_added():
    field = fields.inputs(SpreidingScenario)["cost_per_move"]
    assert field.label == "Kosten per plaats die erbij komt, in euro"
    assert "verplaatste plaats" not in field.label
    assert "plaatsen die er in een gemeente bijkomen" in field.hint


def spreiding_summary(**changes: object) -> tuple[str, dict]:
    default = json.loads(handle(json.dumps({"calculator": "spreiding", "action": "default"})))
    scenario = default["scenario"]
    scenario.update(changes)
    request = {"calculator": "spreiding", "action": "compute", "scenario": scenario}
    response = json.loads(handle_page(json.dumps(request)))
    assert response["ok"], response
    summary = re.search(r'<p class="rekenhulp-samenvatting">(.*?)</p>', response["html"], re.S)
    assert summary
    return visible_text(summary.group(1)), response["result"]


def test_the_friction_budget_counts_places_added_and_says_so():
    # Substitution: the places added are exactly the places that move.
    text, result = spreiding_summary(cost_per_move="1000")
    assert result["moved"] == result["removed"] > 0
    moved = result["moved"]
    assert f"Te verplaatsen: {moved} plaatsen." in text
    assert f"Frictiebudget: {moved} plaatsen erbij in een gemeente × € 1.000,00" in text
    # Growth: new places count in the budget, and are not called moves.
    text, result = spreiding_summary(cost_per_move="1000", total_mode="fixed", total_places="300")
    added, removed = result["moved"], result["removed"]
    assert added - removed == 42
    assert f"Te verplaatsen: {removed} plaatsen; nieuw erbij: 42." in text
    assert f"Frictiebudget: {added} plaatsen erbij in een gemeente × € 1.000,00" in text
    # Decline: closures are no moves and cost nothing in the budget.
    text, result = spreiding_summary(cost_per_move="1000", total_mode="fixed", total_places="200")
    added, removed = result["moved"], result["removed"]
    assert f"Te verplaatsen: {added} plaatsen; af te bouwen: {removed - added}." in text
    assert f"Frictiebudget: {added} plaatsen erbij in een gemeente" in text


@pytest.mark.build
def test_the_spreiding_page_says_what_the_friction_budget_counts(built_site):
    # Uitvoeringsplan: "In de uitwerking moet ook blijken of een frictiebudget nodig is";
    # how to compute one is not in the sources.
    text = folded(calculator_page(built_site, "spreiding"))["Hoe rekent dit?"]
    assert "Het frictiebudget telt de plaatsen die erbij komen." in text
    assert "plaatsen die er in een gemeente bijkomen × kosten per plaats" in text
    assert "Groeit het totaal, dan tellen ook de nieuwe plaatsen mee." in text
    assert "Plaatsen die sluiten, tellen niet mee." in text
    assert "de bronstukken zeggen niet hoe een frictiebudget wordt berekend" in text


# ------------------------------------------------------------------ largest remainder with bounds

CLIENTS = {"A": 23, "B": 24, "C": 53}
PLACES = 10


def test_the_bounds_example_is_what_the_code_computes():
    free = apportion(PLACES, CLIENTS)
    held = apportion(PLACES, CLIENTS, maximum={"A": 2})
    assert free == {"A": 2, "B": 3, "C": 5}
    assert held == {"A": 2, "B": 2, "C": 6}
    for method in APPORTIONMENT_METHODS:
        if method != "grootste-overschot":  # divisor methods: a maximum already met changes nothing
            assert apportion(PLACES, CLIENTS, method) == {"A": 2, "B": 2, "C": 6}
            assert apportion(PLACES, CLIENTS, method, maximum={"A": 2}) == {"A": 2, "B": 2, "C": 6}


def test_the_bounds_example_by_hand():
    # Exact quotas 2,3 / 2,4 / 5,3: floors 2 + 2 + 5 = 9, the last place to B (remainder 0,4).
    quota = {n: Fraction(PLACES * c, sum(CLIENTS.values())) for n, c in CLIENTS.items()}
    assert quota == {"A": Fraction(23, 10), "B": Fraction(24, 10), "C": Fraction(53, 10)}
    # A held at 2: the other 8 places go 24 : 53.
    b, c = Fraction(8 * 24, 77), Fraction(8 * 53, 77)
    assert (round(float(b), 2), round(float(c), 2)) == (2.49, 5.51)
    assert int(b) + int(c) == 7 and c - int(c) > b - int(b)  # the last place goes to C


@pytest.mark.build
def test_the_methods_section_explains_bounds_with_the_example(built_site):
    aside = folded(calculator_page(built_site, "spreiding"))[
        "Technisch: drie manieren van afronden"
    ]
    explanation = aside[aside.index("Grootste overschot met een maximum") :]
    assert "Dat kan zelfs als de gemeente met het maximum er al aan voldoet." in explanation
    assert "hebben 23, 24 en 53 cliënten. Ze krijgen samen 10 plaatsen." in explanation
    assert "De uitkomst is 2, 3 en 5." in explanation
    assert "B komt zo op 2,49 en C op 5,51." in explanation
    assert "De uitkomst is 2, 2 en 6." in explanation
    assert "D'Hondt en Sainte-Laguë geven hier met en zonder maximum 2, 2 en 6." in explanation


# ------------------------------------------------------------------ the 258 BW places


@pytest.mark.build
def test_the_258_places_cite_their_sections(built_site):
    # Regiovisie, Samenvatting ("258 BW-plekken, bij 3 combinaties van aanbieders") and 1.1
    # Beschermd wonen ("Voor 2022 zijn 258 BW-plekken ingekocht bij 3 combinaties").
    html = calculator_page(built_site, "spreiding")
    sources = section(html, "bronnen")
    assert (
        "De inkoop van 258 BW-plekken voor 2022 staat in de samenvatting en in paragraaf 1.1 "
        "(Beschermd wonen)." in sources
    )
    agreed = folded(html)["Wat de gemeenten afspraken"]
    assert "258 BW-plekken in, bij 3 combinaties van aanbieders" in agreed
    assert "samenvatting en in paragraaf 1.1 (Beschermd wonen) van de regiovisie" in agreed


# ------------------------------------------------------------------ plain language


@pytest.mark.build
def test_technical_terms_only_in_technical_asides(built_site):
    for name in CALCULATORS:
        html = without_calculator(calculator_page(built_site, name))
        asides = [t for t in folded(html) if t.startswith("Technisch: ")]
        assert asides, name
        rest = re.sub(r"<details[^>]*>\s*<summary>Technisch: .*?</details>", "", html, flags=re.S)
        # A pointer to an aside by its title ("Technisch: …") is no technical text itself.
        text = re.sub(r'"Technisch: [^"]*"', "", visible_text(rest))
        assert [t for t in TECHNICAL_TERMS if t in text] == [], name


@pytest.mark.build
def test_the_solidariteit_example_is_in_short_sentences(built_site):
    text = visible_text(calculator_page(built_site, "solidariteit"))
    assert "(Venlo, de centrumgemeente, twee)" not in text
    assert "In het voorbeeld legt elke gemeente € 75 per inwoner in." in text
    assert "Op elke 1.000 inwoners heeft een gemeente één cliënt." in text
    assert "Alleen Venlo, de centrumgemeente, heeft er twee per 1.000." in text
    assert "Een cliënt kost € 60.000 per jaar." in text


@pytest.mark.build
def test_the_verdeelsleutel_cents_are_explained_in_short_sentences(built_site):
    html = calculator_page(built_site, "verdeelsleutel")
    assert "gaan naar de gemeenten met de grootste rest, zodat" not in visible_text(html)
    cents = folded(html)["Technisch: exacte breuken en hele centen"]
    assert "Elke gemeente krijgt eerst de hele centen van haar deel." in cents
    assert "Zo tellen de delen precies op tot het totaal." in cents
    assert max(word_count(s) for s in sentences(cents)) <= 20


# ------------------------------------------------------------------ the tool first


def order_of(html: str, *markers: str) -> list[int]:
    return [html.index(marker) for marker in markers]


@pytest.mark.build
@pytest.mark.parametrize("name", CALCULATORS)
def test_summary_box_and_tool_come_before_the_explanation(built_site, name):
    html = calculator_page(built_site, name)
    calc = find(name)
    positions = order_of(
        html,
        "<h1",
        '<p class="admonition-title">Welke cijfers echt zijn</p>',
        'href="../../gemeenten/"',
        f'data-rekenhulp="{name}"',
        '<h2 id="uitleg-bij-de-rekenhulp"',
        "<details",
        '<h2 id="besluiten-achter-deze-rekenhulp"',
        '<h2 id="bronnen"',
    )
    assert positions == sorted(positions), positions
    # One short summary paragraph between the title and the box, and nothing else.
    intro = html[html.index("</h1>") : positions[1]]
    paragraphs = re.findall(r"<p>(.*?)</p>", intro, re.S)
    assert len(paragraphs) == 1 and "<h2" not in intro
    assert word_count(visible_text(paragraphs[0])) <= 80
    assert "onder de rekenhulp" in visible_text(paragraphs[0])
    # The box still starts with the calculator's own notice on its figures.
    box = html[positions[1] :]
    box = visible_text(box[: box.index("</div>")])
    assert box.startswith("Welke cijfers echt zijn " + calc.notice(calc.default_region))
    # The explanation is folded (closed: readers open it) and has the expected sections.
    assert "<details open" not in html
    titles = list(folded(html))
    assert "Hoe rekent dit?" in titles
    assert titles[0].startswith(("Wat de gemeenten afspraken", "Wat het advies zegt"))


def test_folded_sections_print_open():
    css = (ROOT / "engine/plugin/src/regio_engine/assets/css/print.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    rule = re.search(r"details::details-content\s*\{([^}]*)\}", print_rules)
    assert rule and "content-visibility: visible" in rule.group(1)
    assert ".uitleg-hint" in print_rules


@pytest.mark.build
@pytest.mark.parametrize("name", CALCULATORS)
def test_folded_text_is_in_the_static_page(built_site, name):
    # Folded sections are plain <details> in the built page: readers without JavaScript open
    # them natively, search engines and print get their whole text.
    for title, body in folded(calculator_page(built_site, name)).items():
        assert len(body) > 100, title
