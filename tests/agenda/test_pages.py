"""The beleidsagenda pages (sitecontent.AgendaPages, through the macros the pages call)
render the fixture agenda into Markdown with the right figures and links relative to the
calling page."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import sitecontent
from tests.agenda.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def table_rows(text: str, caption_part: str) -> list[list[str]]:
    """Cells of the HTML table whose caption contains caption_part, as plain text."""
    for table in re.findall(r"<table.*?</table>", text, flags=re.S):
        caption = re.search(r"<caption>(.*?)</caption>", table).group(1)
        if caption_part in caption:
            return [
                [
                    html.unescape(re.sub(r"<[^>]+>", "", cell))
                    for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
                ]
                for row in re.findall(r"<tr>(.*?)</tr>", table)
            ]
    raise AssertionError(f"no table with caption containing {caption_part!r}")


class FakeEnv:
    def __init__(self, pages):
        self.variables = {"inhoud": SimpleNamespace(agenda=pages, unavailable="niet beschikbaar")}
        self.macros = {}
        self.page = None

    def macro(self, function):
        self.macros[function.__name__] = function
        return function

    def on(self, src_uri: str):
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))
        return self


@pytest.fixture
def env(goals):
    agendas = sitecontent.load_agendas(FIXTURES / "met_budget", goals)
    # Only ambition 5 has a page in this fake site; the records are the real ones.
    register = sitecontent.load_register(ROOT / "decisions")
    pages = sitecontent.AgendaPages(goals, agendas, {"regiovisie/ambitie-5.md"}, register)
    from regio_engine.macros import beleidsagenda as module

    fake = FakeEnv(pages)
    module.define_env(fake)
    return fake, module


def test_year_page_shows_totals_and_links(env):
    fake, _ = env
    text = fake.on("beleidsagenda/2030.md").macros["beleidsagenda_jaar"](2030)
    # Totals worked out by hand (see test_rollups.py).
    pillars = table_rows(text, "per pijler")
    assert pillars == [
        ["Pijler", "Activiteiten", "Met bekend budget", "Bekend budget", "Budget nog te bepalen"],
        ["Pijler 1: Meedoen & Erbij horen", "3", "2", "€ 12.500,50", "1"],
        ["Pijler 2: Wonen & Thuis zijn in de wijk", "3", "2", "€ 47.250", "0"],
        ["Totaal", "6", "4", "€ 59.750,50", "1"],
    ]
    assert ["regionaal en lokaal", "1", "1", "€ 40.000", "0"] in table_rows(text, "per schaal")
    assert ["2. Meer maatwerk bieden", "1", "0", "€ 0", "1"] in table_rows(text, "per ambitie")
    # The cancelled a5 (3000) is shown per status but left out of the total.
    assert table_rows(text, "per status")[1:] == [
        ["gepland", "2", "€ 7.250"],
        ["lopend", "2", "€ 50.000"],
        ["afgerond", "1", "€ 2.500,50"],
        ["vervallen", "1", "€ 3.000 (telt niet mee)"],
        ["Totaal (zonder vervallen budget)", "6", "€ 59.750,50"],
    ]
    assert "samen € 59.750,50" in text
    assert "{: #activiteit-a4 .agenda-activiteit }" in text
    # Only ambition 5 has a page in this fake site, so only its goal is a link.
    assert "[5.1 Kleinschalige ondersteuningsvormen in de regio]" in text
    assert "(../regiovisie/ambitie-5.md#doel-5-1)" in text
    assert "[1.1 Scholing" not in text
    assert "[CSV" not in text and "(2030.csv)" in text
    assert "geen vorig jaar" in text
    # a1 links bp-2019-05, which up-2020-05 replaced: the reader is told on the page.
    assert (
        "[bp-2019-05](../besluiten/bp-2019-05.md) (vervangen door "
        "[up-2020-05](../besluiten/up-2020-05.md))"
    ) in text


def test_second_year_shows_changes(env):
    fake, _ = env
    text = fake.on("beleidsagenda/2031.md").macros["beleidsagenda_jaar"](2031)
    assert "- Nieuw in 2031: 1" in text
    assert "- Niet meer op de agenda: 2" in text
    assert "[Testactiviteit twee](2030.md#activiteit-a2): afgerond" in text
    assert "[Testactiviteit een](#activiteit-a1): lopend → afgerond" in text


def test_activities_for_an_ambition_link_from_the_ambition_page(env):
    fake, _ = env
    text = fake.on("regiovisie/ambitie-5.md").macros["activiteiten_bij_ambitie"](5)
    assert "[Testactiviteit vier](../beleidsagenda/2031.md#activiteit-a4)" in text
    empty = fake.on("regiovisie/ambitie-4.md").macros["activiteiten_bij_ambitie"](4)
    assert "geen activiteiten" in empty


def test_overview_lists_every_year(env):
    fake, _ = env
    text = fake.on("beleidsagenda/index.md").macros["beleidsagenda_overzicht"]()
    assert "[Beleidsagenda 2031](2031.md)" in text
    assert "[Beleidsagenda 2030](2030.md) | 6 | 2 | 2 | 1 | 1 | € 59.750,50" in text
    assert text.index("2031") < text.index("2030")


def test_editor_text_cannot_inject_markup():
    assert sitecontent.md_text("<script>x</script> | *a*") == (
        "&lt;script&gt;x&lt;/script&gt; \\| \\*a\\*"
    )
