"""Plain language, checked mechanically: no sentence on a published page has more than 30
words. This catches long sentences; it does not measure the whole B1 level (word choice,
abstract nouns and structure still need an editor's eye).

Two kinds of text are exempt: source lines ("Bron: ...", "Bronnen: ...", "Bron bij deze
tabel: ..."), which are lists of document titles, and the sentences in ALLOWED: close
renderings of a decision text, where splitting would change what was decided.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.pages import article, blocks, sentences, word_count

MAX_WORDS = 30

# (page, start of the sentence) -> why it may stay long. Keep this list short: rewrite a
# sentence before adding it here.
ALLOWED: dict[tuple[str, str], str] = {}

SKIPPED_FOLDERS = ("assets/", "pyodide/", "search/", "bench/")


def is_source_line(block: str) -> bool:
    return block.startswith(("Bron:", "Bronnen:", "Bron bij "))


def long_sentences(html: str, limit: int = MAX_WORDS) -> list[tuple[int, str]]:
    found = []
    for block in blocks(article(html)):
        if is_source_line(block):
            continue
        for sentence in sentences(block):
            if word_count(sentence) > limit:
                found.append((word_count(sentence), sentence))
    return found


def published_pages(site: Path) -> list[str]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if not url.startswith(SKIPPED_FOLDERS):
            pages.append(url)
    return pages


# ------------------------------------------------------------------ the checker itself


def test_counts_words_and_splits_sentences():
    twenty = " ".join(["woord"] * 20)
    long = "Dit is " + twenty + " en nog " + " ".join(["tien"] * 10) + "."
    html = (
        f"<article><p>Kort. {long} Weer kort.</p>"
        f"<ul><li>{twenty}</li><li>{twenty}</li></ul>"
        "<p>Het bedrag is € 2.154.940 voor de regio.</p></article>"
    )
    assert long_sentences(html) == [(34, long)]
    # List items are separate blocks; "€" alone is no word, the amount is one.
    assert word_count("Het bedrag is € 2.154.940 voor de regio.") == 7


def test_source_lines_and_inline_code_do_not_count():
    long_title = " ".join(["Titel"] * 40)
    html = (
        f"<article><p><em>Bronnen: {long_title}.</em></p>"
        "<p>De melding luidt: <code>" + " ".join(["x"] * 40) + ".</code> Daarna gaat het verder"
        " met een korte zin.</p></article>"
    )
    assert long_sentences(html) == []


def test_a_sentence_of_thirty_words_passes_and_thirty_one_fails():
    thirty = " ".join(["woord"] * 30) + "."
    assert long_sentences(f"<article><p>{thirty}</p></article>") == []
    assert len(long_sentences(f"<article><p>Ook {thirty}</p></article>")) == 1


# ------------------------------------------------------------------ the published pages


@pytest.mark.build
def test_no_long_sentences_on_published_pages(built_site):
    checked, problems = 0, []
    used = set()
    for url in published_pages(built_site):
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        checked += 1
        for count, sentence in long_sentences(html):
            key = next((k for k in ALLOWED if k[0] == url and sentence.startswith(k[1])), None)
            if key:
                used.add(key)
                continue
            problems.append(f"{url or 'home'}: {count} woorden: {sentence}")
    assert checked > 40, checked
    assert not problems, "Zinnen van meer dan 30 woorden:\n" + "\n".join(problems)
    assert used == set(ALLOWED), f"verouderde uitzonderingen: {set(ALLOWED) - used}"


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")
