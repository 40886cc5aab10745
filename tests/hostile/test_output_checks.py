"""The checks every build runs on its own outputs (sitecontent/_output_checks.py and the engine's
output_checks.py), the feed's escaping of characters XML forbids, the one CSV writer
with formula escaping, and the escaped front matter of generated pages."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from mkdocs.exceptions import PluginError
from regio_engine import output_checks

from sitecontent import csv_text, frame, load_agenda, load_goals
from sitecontent._decision_pages import _slug, page_front_matter
from sitecontent._feed import FeedEntry, atom_feed
from sitecontent._output_checks import (
    AGENDA_SCHEMA,
    DECISIONS_SCHEMA,
    csv_problems,
    feed_problems,
    json_problems,
    page_problems,
    site_problems,
)

ROOT = Path(__file__).resolve().parents[2]
AGENDA_FIXTURES = ROOT / "tests" / "agenda" / "fixtures"
CSP = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'


def page(head: str = "", body: str = "", csp: bool = True) -> str:
    first = CSP if csp else ""
    head = f"<head>{first}<meta charset='utf-8'>{head}</head>"
    return f"<!doctype html><html>{head}<body>{body}</body></html>"


def feed(title: str = "Nieuw besluit") -> bytes:
    entries = [FeedEntry("abc/decisions/x.md", date(2024, 5, 1), title, "https://s.example/x/")]
    return atom_feed(
        title="Wijzigingen",
        author="Redactie",
        page_url="https://s.example/w/",
        feed_url="https://s.example/feed.xml",
        entries=entries,
    )


# --- feed -----------------------------------------------------------------------------------


def test_a_feed_from_atom_feed_passes():
    assert feed_problems(feed()) == []


def test_control_characters_never_make_the_feed_ill_formed():
    raw = feed("Titel\x00met\x0bstuur\x1btekens\ud800en\ufffe")
    assert feed_problems(raw) == []
    title = ET.fromstring(raw).find(
        "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title"
    )
    assert title.text == "Titel\ufffdmet\ufffdstuur\ufffdtekens\ufffden\ufffd"


def test_an_ill_formed_feed_is_named():
    problems = feed_problems(b"<?xml version='1.0'?><feed>\x0b</feed>")
    assert len(problems) == 1 and problems[0].startswith("feed.xml: geen geldige XML")


def test_a_feed_without_atom_parts_is_named():
    atom = "http://www.w3.org/2005/Atom"
    text = (
        f"<feed xmlns='{atom}'><id>urn:x</id><title>T</title><updated>2024-05-01</updated>"
        "<link href='https://s.example/'/><entry><title>E</title></entry></feed>"
    )
    problems = feed_problems(text)
    assert "feed.xml: de feed heeft <updated> '2024-05-01'; verwacht RFC 3339." in problems
    assert "feed.xml: item 1 heeft geen <id>." in problems
    assert "feed.xml: item 1 heeft geen <link> met een adres." in problems
    assert feed_problems("<rss/>") == [
        "feed.xml: het hoofdelement is <rss>, verwacht <feed> van Atom."
    ]


# --- JSON -----------------------------------------------------------------------------------


def test_both_schemas_are_valid_json_schemas():
    from jsonschema.validators import validator_for

    for path in (DECISIONS_SCHEMA, AGENDA_SCHEMA):
        schema = json.loads(path.read_text(encoding="utf-8"))
        validator_for(schema).check_schema(schema)


def test_agenda_json_that_breaks_its_schema_is_named():
    data = {
        "licentie": "CC BY 4.0",
        "licentie_url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
        "jaar": 2030,
        "activiteiten": [{"id": "a1", "titel": 5}],
    }
    problems = json_problems(json.dumps(data), AGENDA_SCHEMA, "beleidsagenda/2030.json")
    assert problems and all(
        p.startswith("beleidsagenda/2030.json: voldoet niet aan beleidsagenda.schema.json")
        for p in problems
    )
    assert json_problems("{", AGENDA_SCHEMA, "x.json")[0].startswith("x.json: geen geldige JSON")


# --- CSV ------------------------------------------------------------------------------------


def goals():
    return load_goals(AGENDA_FIXTURES / "doelen.yaml")


def agenda_frame(**fields):
    agenda = load_agenda(AGENDA_FIXTURES / "met_budget" / "2030.yaml", goals(), None)
    for key, value in fields.items():
        setattr(agenda.activities[0], key, value)
    return frame(agenda, goals())


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("https://evil.example";"x")', "@SUM(1+1)", "+31 6 12345678", "-2+3", "\tx"],
)
def test_agenda_csv_escapes_what_excel_would_run(text):
    out = csv_text(agenda_frame(titel=text, trekker=text, voortgang=text, financiering=text))
    assert csv_problems(out, "2030.csv") == []
    row = next(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    for column in ("titel", "trekker", "voortgang", "financiering"):
        assert row[column] == "'" + text


def test_agenda_csv_keeps_its_dutch_excel_convention():
    out = csv_text(agenda_frame())
    assert out.startswith("\ufeffid;titel;pijler;")
    assert out.endswith("\r\n") and "\n" not in out.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert [r["budget_euro"] for r in rows][:3] == ["10000", "2500,50", "nog te bepalen"]
    assert rows[0]["pijler"] == "1"


def test_csv_check_names_formula_cells_and_lets_numbers_pass():
    text = "\ufeffnaam;bedrag\r\n=1+1;-250\r\n'=1+1;-12,50\r\n"
    assert csv_problems(text, "x.csv") == [
        "x.csv rij 2, kolom 1: de cel begint met '=' en Excel zou haar als formule uitvoeren."
    ]


# --- HTML -----------------------------------------------------------------------------------


def test_a_page_with_only_the_csp_passes():
    assert page_problems(page(body="<p>http-equiv en &lt;base&gt; als tekst</p>"), "a.html") == []


@pytest.mark.parametrize(
    "head, body",
    [
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', ""),
        ("", '<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
        ("", '<p><META HTTP-EQUIV="Refresh" CONTENT="0"></p>'),
        ('<base href="https://evil.example/">', ""),
        ("", '<div><BASE HREF="https://evil.example/"></div>'),
        (CSP, ""),  # a second policy, not first in <head>
        ("", '<meta http-equiv="refresh" http-equiv="Content-Security-Policy" content="0">'),
    ],
)
def test_markup_the_theme_did_not_put_there_is_named(head, body):
    problems = page_problems(page(head, body), "besluiten/x/index.html")
    assert len(problems) == 1
    assert problems[0].startswith("besluiten/x/index.html: de pagina bevat")


def test_a_csp_that_is_not_first_in_head_is_named():
    text = f"<html><head><meta charset='utf-8'>{CSP}</head><body></body></html>"
    assert len(page_problems(text, "a.html")) == 1
    # The browser reads the first of two same-named attributes: this is a refresh.
    twice = '<meta http-equiv="refresh" http-equiv="Content-Security-Policy" content="0">'
    assert len(page_problems(f"<html><head>{twice}</head></html>", "a.html")) == 1


def test_pages_without_a_policy_may_have_no_http_equiv_at_all():
    # Under `mkdocs serve` the engine's csp.py adds nothing; any http-equiv is then foreign.
    assert page_problems(page(csp=False), "a.html") == []
    assert len(page_problems(page('<meta http-equiv="refresh" content="0">', csp=False), "a")) == 1


def test_the_page_check_is_linear():
    # Ten thousand attributes and elements parse in one pass (no regex over the page).
    body = "<p title='http-equiv'>x</p>" * 10_000
    assert page_problems(page(body=body), "big.html") == []


# --- the site and the hook ------------------------------------------------------------------


def write_site(folder: Path, body: str) -> Path:
    (folder / "besluiten").mkdir(parents=True)
    (folder / "besluiten" / "index.html").write_text(page(body=body), encoding="utf-8")
    (folder / "feed.xml").write_bytes(feed())
    (folder / "beleidsagenda").mkdir()
    (folder / "beleidsagenda" / "2030.csv").write_text("a;b\r\n@x;1\r\n", encoding="utf-8")
    return folder


def test_site_problems_name_each_file(tmp_path):
    site = write_site(tmp_path, '<base href="https://evil.example/">')
    assert site_problems(site) == [
        "beleidsagenda/2030.csv rij 2, kolom 1: de cel begint met '@' en Excel zou haar als "
        "formule uitvoeren.",
        "besluiten/index.html: de pagina bevat een <base>-element.",
    ]


def test_the_check_stops_the_build_with_a_dutch_message(tmp_path):
    with pytest.raises(PluginError) as caught:
        output_checks.check(write_site(tmp_path, ""), serving=False)
    assert "De gebouwde site is niet in orde" in str(caught.value)
    assert "beleidsagenda/2030.csv rij 2" in str(caught.value)


def test_the_check_only_logs_under_serve(tmp_path, caplog):
    with caplog.at_level("INFO", logger="mkdocs.plugins.regio.output_checks"):
        output_checks.check(write_site(tmp_path, ""), serving=True)
    assert "beleidsagenda/2030.csv rij 2" in caplog.text


# --- generated pages ------------------------------------------------------------------------


def test_front_matter_of_a_generated_page_is_escaped_text():
    title = 'X</title><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    front = yaml.safe_load(page_front_matter(f"bp-2019-01: {title}", title + " {{ config }}"))
    assert "<" not in front["title"] and "<" not in front["description"]
    assert front["title"].startswith("bp-2019-01: X&lt;/title&gt;&lt;meta http-equiv=&quot;")
    assert front["description"].endswith("{{ config }}")
    assert front["render_macros"] is False


def test_regions_that_read_alike_get_their_own_filter_view():
    taken: set[str] = set()
    slugs = [_slug("regio", text, taken) for text in ("Noord Limburg", "Noord-Limburg", "<>", "")]
    assert slugs[0] == "regio-noord-limburg"
    assert len(set(slugs)) == 4
    assert all(slug.startswith("regio-") and not slug.endswith("-") for slug in slugs)
