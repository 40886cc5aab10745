"""Hard words of the policy texts are explained: each has an entry on the page Begrippen and a
tooltip wherever it is used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content.pages import article, page, visible_text

ROOT = Path(__file__).resolve().parents[2]

# Glossary entry -> (word forms with a tooltip, a page that uses one of them).
TERMS = {
    "Voorliggende voorzieningen": (["voorliggende", "voorliggend"], "besluiten/bp-2019-01"),
    "Indiceren": (["indiceren"], "besluiten/bp-2019-02"),
    "Ambulant en ambulantisering": (
        ["ambulant", "ambulante", "ambulantisering"],
        "achtergrond/maastricht-heuvelland",
    ),
    "Intramuraal": (["intramuraal", "intramurale"], "achtergrond/landelijk-kader"),
    "Ketenregie": (["ketenregie"], "regiovisie/ambitie-5"),
    "Fysieke domein": (["fysieke domein"], "regiovisie/ambitie-6"),
    # Issue 23: words of the advice, the decisions and the Maastricht proposal.
    "Gemeentefonds": (["gemeentefonds"], "achtergrond/landelijk-kader"),
    "Herverdeeleffect": (["herverdeeleffect"], "achtergrond/landelijk-kader"),
    "Uitname": (["uitname"], "achtergrond/landelijk-kader"),
    "Historisch en objectief verdeelmodel": (
        ["historisch verdeelmodel", "historische verdeling", "objectief verdeelmodel"],
        "achtergrond/maastricht-heuvelland",
    ),
    "Specifieke decentralisatie-uitkering": (
        ["specifieke decentralisatie-uitkeringen"],
        "achtergrond/maastricht-heuvelland",
    ),
    "Macrobudget": (["macrobudget"], "achtergrond/maastricht-heuvelland"),
    "Rechtmatigheid": (["rechtmatigheid"], "achtergrond/maastricht-heuvelland"),
    "Publiekrechtelijke vorm": (["publiekrechtelijke vorm"], "besluiten/bp-2019-08"),
    "Gemeenschappelijk orgaan, openbaar lichaam en bedrijfsvoeringsorganisatie": (
        ["gemeenschappelijk orgaan", "openbaar lichaam", "bedrijfsvoeringsorganisatie"],
        "besluiten/bp-2019-08",
    ),
    "Contractuele overeenkomst met een juridische grondslag": (
        ["contractuele overeenkomst"],
        "besluiten/bp-2019-08",
    ),
}


def tooltips() -> dict[str, str]:
    text = (ROOT / "docs" / "includes" / "afkortingen.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\*\[(.+?)\]:\s*(.+)$", text, re.MULTILINE))


@pytest.mark.build
@pytest.mark.parametrize("term", TERMS)
def test_term_has_an_entry_and_tooltips(built_site, term):
    forms, example = TERMS[term]
    known = tooltips()
    for form in forms:
        assert known.get(form), f"no tooltip for {form!r}"
    glossary = article(page(built_site, "begrippen"))
    terms = [visible_text(t) for t in re.findall(r"<dt[^>]*>(.*?)</dt>", glossary, re.DOTALL)]
    assert term in terms
    html = article(page(built_site, example))
    assert any(f'<abbr title="{known[form]}">{form}</abbr>' in html for form in forms), example
