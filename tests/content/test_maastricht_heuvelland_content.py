"""Content of the second example site, Maastricht-Heuvelland
(``voorbeelden/maastricht-heuvelland``), written from the Collegevoorstel Regioplan Beschermd
Thuis 2020.

- The decision records load with the site's own loader and hold the facts of the source:
  one record per beslispunt of the college decision of 20 February 2018.
- No sentence on a page or in a record has more than 30 words. This reuses ``long_sentences``
  from test_readability.py. That function reads built HTML (the ``<article>`` of a page), so
  each Markdown text is first rendered with Python-Markdown, the parser MkDocs uses, and
  wrapped in an ``<article>``; no site build is needed.
- The six municipalities appear on gemeenten.md exactly as the source spells them.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

import sitecontent
from tests.content.test_readability import MAX_WORDS, long_sentences

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "voorbeelden" / "maastricht-heuvelland"
DECISIONS = EXAMPLE / "decisions"
DOCS = EXAMPLE / "docs"

# Typed by hand from the source document, not read from the records.
SOURCE_TITLE = "Collegevoorstel Regioplan Beschermd Thuis 2020"
# "Besluit Burgemeester en Wethouders d.d. 20 februari 2018: Conform."
DECISION_DATE = "2018-02-20"
REGION = "Maastricht-Heuvelland"
DECISION_MAKERS = ["college van burgemeester en wethouders van Maastricht"]
# record id -> (number of the beslispunt, chapter cited)
BESLISPUNTEN = {
    "mh-2018-01": (1, "Beslispunt 1"),
    "mh-2018-02": (2, "Beslispunt 2"),
    "mh-2018-03": (3, "Beslispunt 3"),
}
# Spelled as in the source: Maastricht and the five Heuvellandgemeenten.
MUNICIPALITIES = [
    "Maastricht",
    "Eijsden-Margraten",
    "Gulpen-Wittem",
    "Meerssen",
    "Vaals",
    "Valkenburg a/d Geul",
]
PAGES = ["index.md", "koers.md", "adviesraden.md", "sturing-en-inkoop.md", "gemeenten.md"]
REQUIRED_HEADINGS = ["Besluit", "Context", "Gevolgen", "Open vragen"]
MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "tables"]


def render(text: str) -> tuple[str, list[str]]:
    """Markdown as HTML inside an <article>, and the raw HTML blocks the text contains."""
    converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    html = converter.convert(text)
    raw = [str(block) for block in converter.htmlStash.rawHtmlBlocks]
    return f"<article>{html}</article>", raw


#: Files the build makes, which a page may link to.
GENERATED = {DOCS / "feed.xml"}
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n+", re.DOTALL)


def page_files() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def page_text(path: Path) -> str:
    """The page's Markdown without its front matter (title, description, hidden parts)."""
    return FRONT_MATTER.sub("", path.read_text(encoding="utf-8"), count=1)


@pytest.fixture(scope="module")
def register() -> sitecontent.Register:
    return sitecontent.load_register(DECISIONS)


# ------------------------------------------------------------------ decision records


def test_register_holds_one_record_per_beslispunt(register):
    assert sorted(register.decisions) == sorted(BESLISPUNTEN)


@pytest.mark.parametrize("record_id", sorted(BESLISPUNTEN))
def test_record_matches_the_source(register, record_id):
    number, chapter = BESLISPUNTEN[record_id]
    meta = register.decisions[record_id].meta
    assert meta["nummer"] == number
    assert meta["status"] == "vastgesteld"
    assert meta["datum"] == DECISION_DATE
    assert meta["regio"] == REGION
    assert meta["besluitvormers"] == DECISION_MAKERS
    assert meta["bron"] == {"document": SOURCE_TITLE, "hoofdstuk": chapter}
    # The ambitions 1-7 belong to the main site's regiovisie, not to this region.
    assert meta["ambities"] == []
    assert "rekenhulpen" not in meta


@pytest.mark.parametrize("record_id", sorted(BESLISPUNTEN))
def test_record_has_the_template_headings(register, record_id):
    headings = re.findall(r"^## (.+?)\s*$", register.decisions[record_id].body, re.MULTILINE)
    for heading in REQUIRED_HEADINGS:
        assert heading in headings, f"{record_id}: kop '{heading}' ontbreekt"


def test_template_is_the_main_sites_template():
    main = (ROOT / "decisions" / "_template.md").read_bytes()
    assert (DECISIONS / "_template.md").read_bytes() == main


# ------------------------------------------------------------------ readability


def test_all_pages_are_there():
    assert [p for p in PAGES if not (DOCS / p).is_file()] == []


@pytest.mark.parametrize("path", page_files(), ids=lambda p: p.name)
def test_page_starts_with_a_title(path):
    assert page_text(path).startswith("# ")


@pytest.mark.parametrize(
    "path",
    [*page_files(), *(DECISIONS / f"{record_id}.md" for record_id in sorted(BESLISPUNTEN))],
    ids=lambda p: p.name,
)
def test_no_sentence_longer_than_the_limit(path):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]  # the body of a record, without its front matter
    html, _ = render(text)
    found = long_sentences(html, MAX_WORDS)
    assert not found, f"{path.name}: zinnen van meer dan {MAX_WORDS} woorden:\n" + "\n".join(
        f"{count} woorden: {sentence}" for count, sentence in found
    )


# ------------------------------------------------------------------ markup and links


@pytest.mark.parametrize("path", page_files(), ids=lambda p: p.name)
def test_page_has_no_html_images_or_external_links(path):
    text = page_text(path)
    html, raw = render(text)
    assert raw == [], f"{path.name}: HTML in de tekst: {raw[:1]}"
    assert "<img" not in html
    assert "nog in te vullen" not in text.lower()
    for target in re.findall(r'href="([^"]*)"', html):
        assert "://" not in target and not target.startswith("mailto:"), target
        file = target.split("#", 1)[0]
        if file:
            found = (path.parent / file).is_file() or (path.parent / file).resolve() in GENERATED
            assert found, f"{path.name}: link naar {target} bestaat niet"


# ------------------------------------------------------------------ municipalities


def test_municipalities_spelled_as_in_the_source():
    text = (DOCS / "gemeenten.md").read_text(encoding="utf-8")
    missing = [name for name in MUNICIPALITIES if name not in text]
    assert missing == []
    assert re.search(r"^\| Maastricht \| centrumgemeente \|$", text, re.MULTILINE)
