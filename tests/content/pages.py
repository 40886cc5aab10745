"""Helpers for the content tests that read the built site: the article of a page, its visible
text, its sentences and its tables. Plain regular expressions over the HTML MkDocs writes."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

# Block elements: text on either side of one of these never belongs to the same sentence.
BLOCKS = (
    r"p|li|td|th|dt|dd|h[1-6]|caption|figcaption|summary|blockquote|div|ul|ol|table|tr|"
    r"thead|tbody|tfoot|details|section|br"
)
# A sentence ends at . ! or ? followed by a space and a capital, a digit or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9€\"'‘“(])")


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def visible_text(fragment: str) -> str:
    fragment = re.sub(r"<svg.*?</svg>", " ", fragment, flags=re.DOTALL)
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.DOTALL)
    fragment = re.sub(r"</?(abbr|a|strong|em|span|code)\b[^>]*>", "", fragment)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _code_token(match: re.Match) -> str:
    # Inline code (a file name, an example message) counts as one word; a full stop at its
    # end still ends the sentence.
    end = match.group(1).rstrip()[-1:]
    return "CODE" + (end if end in ".!?" else "")


def blocks(fragment: str) -> list[str]:
    """The text of each block element, in order, with inline markup removed."""
    text = re.sub(r"<code\b[^>]*>(.*?)</code>", _code_token, fragment, flags=re.DOTALL)
    text = re.sub(r"<(svg|pre|script|style)\b.*?</\1>", "\n\n", text, flags=re.DOTALL)
    text = re.sub(r'<a class="headerlink".*?</a>', "", text, flags=re.DOTALL)
    text = re.sub(rf"</?(?:{BLOCKS})\b[^>]*>", "\n\n", text)
    text = unescape(re.sub(r"<[^>]+>", "", text))
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]


def sentences(block: str) -> list[str]:
    return [s for s in SENTENCE_END.split(block) if s.strip()]


def word_count(sentence: str) -> int:
    """Words are runs of non-space characters with at least one letter or digit (so "€" or
    "–" alone do not count, "€ 2.154.940" counts once)."""
    return sum(1 for token in sentence.split() if re.search(r"\w", token))


def table_rows(html: str, css_class: str, part: str = "tbody") -> list[list[str]]:
    """Visible cell texts of the first table with this class, per row of one table part."""
    found = re.search(rf'<table class="[^"]*\b{css_class}\b[^"]*">.*?</table>', html, re.DOTALL)
    assert found, f"no table with class {css_class}"
    section = re.search(rf"<{part}>(.*?)</{part}>", found.group(0), re.DOTALL)
    assert section, f"table {css_class} has no {part}"
    return [
        [visible_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)]
        for row in re.findall(r"<tr>(.*?)</tr>", section.group(1), re.DOTALL)
    ]


def caption_of(html: str, css_class: str) -> str:
    found = re.search(
        rf'<table class="[^"]*\b{css_class}\b[^"]*">\s*<caption>(.*?)</caption>', html, re.DOTALL
    )
    assert found, f"table {css_class} has no caption"
    return visible_text(found.group(1))


def text_after_table(html: str, css_class: str, length: int = 600) -> str:
    """Visible text right after the table with this class (its source line, notes)."""
    found = re.search(rf'<table class="[^"]*\b{css_class}\b[^"]*">.*?</table>', html, re.DOTALL)
    assert found, f"no table with class {css_class}"
    return visible_text(html[found.end() : found.end() + length * 4])[:length]


def euro_amount(text: str) -> int:
    """ "€ 1.035.953" -> 1035953."""
    match = re.fullmatch(r"€\s?([\d.]+)", text.strip())
    assert match, f"not an amount in whole euros: {text!r}"
    return int(match.group(1).replace(".", ""))
