"""Markdown helpers shared by every generated page: one escaper, one relative link."""

from __future__ import annotations

import html
import posixpath
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def md_text(value: object) -> str:
    """Editor text made safe inside Markdown (also inside table cells and link labels)."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def rel(from_src: str, to_src: str) -> str:
    """Relative Markdown link from one source page to another (MkDocs resolves .md links)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --- Editor Markdown (record bodies): text and Markdown only, never markup -------------------

# The site's Markdown extensions that a record body may use. Left out on purpose: md_in_html
# (so '<div markdown>' counts as the raw HTML it is), attr_list (checked apart), snippets
# (refused outright) and the fences (their content is code, shown as text).
_BODY_EXTENSIONS = ["abbr", "admonition", "tables", "def_list", "pymdownx.details"]
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
SNIPPET = "--8<--"
SAFE_SCHEMES = ("http:", "https:", "mailto:")
_URL_ATTR = re.compile(r'\s(href|src)="([^"]*)"')
_ATTR_LIST_HINT = re.compile(r"\{:?[ \t]*[^\s}]")
# A heading may keep a stable anchor ("### Het transferpunt { #het-transferpunt }"): an id of
# lowercase letters, digits and hyphens is the one attribute a record may set.
_HEADING_ID = re.compile(r"^(#{1,6} .*?)[ \t]*\{:?[ \t]*#[a-z][a-z0-9-]*[ \t]*\}[ \t]*$", re.M)


def _without_fences(body: str) -> str:
    """The body with fenced code blocks blanked (same line count): code is shown as text."""
    lines, fence = body.split("\n"), None
    for number, line in enumerate(lines):
        found = _FENCE.match(line)
        if fence is None and found:
            fence = found.group(1)[0] * 3
            lines[number] = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[number] = ""
    return "\n".join(lines)


def _html(text: str, extensions: list[str]) -> tuple[str, list[str]]:
    # Markdown ships no type hints (types-Markdown is not installed); str is what convert gives.
    import markdown  # type: ignore[import-untyped]

    converter = markdown.Markdown(extensions=extensions)
    html_out: str = converter.convert(text)
    stashed = [str(block) for block in converter.htmlStash.rawHtmlBlocks]
    return html_out, stashed


def _line_of(body: str, needle: str) -> int | None:
    for number, line in enumerate(body.split("\n"), start=1):
        if needle and needle in line:
            return number
    return None


def body_problems(body: str) -> list[tuple[int | None, str]]:
    """Markup in an editor's Markdown: (line in the body or None, Dutch sentence) each.

    Raw HTML, attribute lists ('{: onclick=… }'), snippet includes and links with another
    scheme than http, https or mailto are refused: a record is text, and the theme's
    <head> must never carry what an editor typed (a CSP cannot stop <meta http-equiv>).
    Uses the real Markdown parser, so what counts as HTML is what would be published.
    """
    problems: list[tuple[int | None, str]] = []
    if SNIPPET in body:
        problems.append(
            (
                _line_of(body, SNIPPET),
                f"'{SNIPPET}' voegt een ander bestand in de pagina in; dat mag niet in een "
                "besluit. Schrijf de tekst zelf, of verwijs met een link.",
            )
        )
    text = _without_fences(body)
    plain, stashed = _html(text, _BODY_EXTENSIONS)
    for block in stashed:
        if block.lstrip().startswith("<"):
            tag = block.strip().split("\n")[0][:40]
            problems.append(
                (
                    _line_of(body, tag.strip()[:12]),
                    f"HTML ('{tag}') is niet toegestaan in een besluit; schrijf gewone tekst "
                    "met Markdown (zet code tussen `backticks` als u HTML wilt laten zien).",
                )
            )
            break  # the first is enough to show what to change; the rest follows suit
    without_ids = _HEADING_ID.sub(r"\1", text)
    if _ATTR_LIST_HINT.search(without_ids):
        plain_ids, _ = _html(without_ids, _BODY_EXTENSIONS)
        with_lists, _ = _html(without_ids, [*_BODY_EXTENSIONS, "attr_list"])
        if with_lists != plain_ids:
            problems.append(
                (
                    _line_of(without_ids, "{"),
                    "een attribuutlijst ('{: … }' of '{ … }' direct na tekst) zet HTML-"
                    "attributen; dat is niet toegestaan in een besluit. Haal de accolades weg "
                    "of zet ze tussen `backticks`.",
                )
            )
    for attribute, url in _URL_ATTR.findall(plain):
        problem = _url_problem(attribute, html.unescape(url))
        if problem:
            problems.append((_line_of(body, url.split("&")[0][:20]), problem))
    return problems


def _url_problem(attribute: str, url: str) -> str | None:
    if attribute == "src":
        return (
            f"een afbeelding ('{url[:60]}') is niet toegestaan in een besluit; een afbeelding "
            "van een andere site zou bezoekers aan die site melden."
        )
    scheme = re.match(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme and f"{scheme.group(1).lower()}:" not in SAFE_SCHEMES:
        return (
            f"een link naar '{url[:60]}' is niet toegestaan; een link begint met https://, "
            "http://, mailto: of verwijst naar een pagina van deze site."
        )
    return None
