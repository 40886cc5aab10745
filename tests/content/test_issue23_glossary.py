"""Issue 23, plain language on the page Begrippen:

- the hard words a council member meets in the advice, the decisions and the Maastricht
  proposal have a glossary entry and a tooltip on every page that uses them;
- the Begrippen are in alphabetical order ("Ervaringsdeskundige" before "Fysieke domein");
- "Centrumgemeente" no longer says "tot nu toe" but what changed and when (Regiovisie,
  aanleiding: beschermd wonen from 1 January 2022, opvang "op zijn vroegst vanaf 2026");
- the glossary's figures name the section they come from (€ 2.154.940: Regiovisie,
  samenvatting and 1.2; 26 juni 2020: Regiovisie 3.1).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.content.pages import article, page, visible_text

ROOT = Path(__file__).resolve().parents[2]

# Glossary entry -> the word forms that carry a tooltip.
ISSUE_TERMS = {
    "Gemeentefonds": ["gemeentefonds"],
    "Herverdeeleffect": ["herverdeeleffect"],
    "Historisch en objectief verdeelmodel": [
        "historisch verdeelmodel",
        "historische verdeling",
        "objectief verdeelmodel",
        "objectieve verdeling",
    ],
    "Uitname": ["uitname"],
    "Publiekrechtelijke vorm": ["publiekrechtelijke vorm"],
    "Gemeenschappelijk orgaan, openbaar lichaam en bedrijfsvoeringsorganisatie": [
        "gemeenschappelijk orgaan",
        "openbaar lichaam",
        "bedrijfsvoeringsorganisatie",
    ],
    "Contractuele overeenkomst met een juridische grondslag": ["contractuele overeenkomst"],
    "Preferente zorgverzekeraar": ["preferente zorgverzekeraar"],
    "Exodus": ["exodus"],
    "Specifieke decentralisatie-uitkering": [
        "specifieke decentralisatie-uitkering",
        "specifieke decentralisatie-uitkeringen",
    ],
    "Macrobudget": ["macrobudget"],
    "Rechtmatigheid": ["rechtmatigheid"],
}


def tooltips() -> dict[str, str]:
    text = (ROOT / "docs" / "includes" / "afkortingen.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[(.+?)\]:\s*(.+)$", text, re.MULTILINE))


def entries(html: str) -> list[tuple[str, str]]:
    """(term, explanation) of every definition on the page, in order."""
    pairs = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd>(.*?)</dd>", html, re.DOTALL)
    return [(visible_text(term), visible_text(text)) for term, text in pairs]


def begrippen(site: Path) -> list[tuple[str, str]]:
    """The definitions under the heading Begrippen (after the abbreviations)."""
    html = article(page(site, "begrippen"))
    return entries(html[html.index('id="begrippen"') :])


def sort_key(term: str) -> str:
    decomposed = unicodedata.normalize("NFKD", term)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def test_every_tooltip_is_plain_text():
    for form, title in tooltips().items():
        assert title.strip(), form
        assert '"' not in title and "<" not in title, form


@pytest.mark.build
@pytest.mark.parametrize("term", ISSUE_TERMS)
def test_term_has_an_entry_and_a_tooltip(built_site, term):
    known = tooltips()
    for form in ISSUE_TERMS[term]:
        assert known.get(form), f"no tooltip for {form!r}"
    found = dict(begrippen(built_site))
    assert term in found
    assert len(found[term].split()) >= 10, "the entry explains the term"


@pytest.mark.build
def test_each_new_tooltip_is_shown_on_a_page(built_site):
    known = tooltips()
    forms = [form for term in ISSUE_TERMS for form in ISSUE_TERMS[term]]
    unused = set(forms)
    for path in built_site.rglob("index.html"):
        if path.parent.name == "begrippen":
            continue
        html = path.read_text(encoding="utf-8")
        for form in list(unused):
            if f'<abbr title="{known[form]}">{form}</abbr>' in html:
                unused.discard(form)
    # "specifieke decentralisatie-uitkering" (singular) is only there for future texts.
    assert unused <= {"specifieke decentralisatie-uitkering"}, unused


@pytest.mark.build
def test_begrippen_are_in_alphabetical_order(built_site):
    terms = [term for term, _ in begrippen(built_site)]
    assert terms == sorted(terms, key=sort_key)
    assert terms.index("Ervaringsdeskundige") < terms.index("Fysieke domein")


@pytest.mark.build
def test_abbreviations_are_in_alphabetical_order(built_site):
    html = article(page(built_site, "begrippen"))
    part = html[html.index('id="afkortingen"') : html.index('id="begrippen"')]
    terms = [term for term, _ in entries(part)]
    assert len(terms) > 20
    assert terms == sorted(terms, key=sort_key)


@pytest.mark.build
def test_centrumgemeente_says_what_changed_and_when(built_site):
    text = dict(begrippen(built_site))["Centrumgemeente"]
    assert "tot nu toe" not in text
    assert "Venlo" in text
    # Regiovisie, aanleiding: BW to all municipalities "vanaf 1 januari 2022" along an
    # ingroeipad; the opvang "op zijn vroegst vanaf 2026".
    assert "Vanaf 1 januari 2022" in text and "ingroeipad" in text
    assert "op zijn vroegst vanaf 2026" in text


@pytest.mark.build
def test_glossary_figures_name_their_section(built_site):
    html = article(page(built_site, "begrippen"))
    found = dict(entries(html))
    blokhuis = found["Blokhuismiddelen"]
    assert "€ 2.154.940" in blokhuis
    assert "Bron: Regiovisie Meedoen en Wonen 2022-2026, samenvatting en paragraaf 1.2" in blokhuis
    nvo = found["NvO"]
    assert "26 juni 2020" in nvo
    assert "Bron: Regiovisie Meedoen en Wonen 2022-2026, paragraaf 3.1" in nvo


@pytest.mark.build
def test_explanations_of_the_editors_are_labelled(built_site):
    html = article(page(built_site, "begrippen"))
    intro = visible_text(
        html[html.index('id="begrippen"') : html.index("<dl", html.index('id="begrippen"'))]
    )
    assert "in eigen woorden van de redactie" in intro
    # Exodus: the plan names it without saying what it is.
    exodus = dict(begrippen(built_site))["Exodus"]
    assert "legt het plan niet uit" in exodus and "uitleg van de redactie" in exodus
