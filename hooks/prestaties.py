"""MkDocs hook: the page "Prestaties" shows the latest figures of ``make bench``.

``bench/run_all.py`` writes ``bench/results.json`` (committed with the code it measured);
this hook puts its figures into ``docs/over/prestaties.md`` in place of the marker, in
plain Dutch, so no figure on the page is typed by hand.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
PAGE = "over/prestaties.md"
MARKER = "<!-- prestaties -->"
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def number(value: float, decimals: int = 1) -> str:
    """Dutch notation: decimal comma, a dot between thousands."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def seconds(ms: float) -> str:
    return f"{number(ms / 1000)} seconde"


def dutch_date(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _recompute(f: dict) -> str:
    median, p95 = number(f["recompute_median_ms"], 0), number(f["recompute_p95_ms"], 0)
    return f"{median} ms (95% binnen {p95} ms)"


# (what, how to show it from the figures); a heading row has no value.
ROWS = [
    ("**Eerste bezoek**", None),
    ("Rekenhulp klaar na het openen (lege browser)", lambda f: seconds(f["cold_ms"])),
    (
        "Rekenhulp klaar na een klik, als u eerst 1 seconde met de muis op de link rustte",
        lambda f: seconds(f["click_intent_ms"]),
    ),
    (
        "Rekenhulp klaar via trage wifi",
        lambda f: f"{seconds(f['slow_plain_ms'])} (bij {number(f['slow_mbit'], 0)} Mbit/s)",
    ),
    ("Te downloaden tot de rekenhulp klaar is", lambda f: f"{number(f['live_raw_mb'])} MB"),
    ("Idem, als de server comprimeert (gzip)", lambda f: f"{number(f['live_host_mb'])} MB"),
    ("Een pagina zonder rekenhulp", lambda f: f"{number(f['plain_kb'], 0)} kB"),
    (
        "Waarvan voor de rekenomgeving (Pyodide)",
        lambda f: f"{number(f['plain_pyodide_bytes'], 0)} bytes",
    ),
    (
        "Daarna, op de achtergrond: de hele site voor gebruik zonder internet",
        lambda f: f"{number(f['precache_mb'])} MB",
    ),
    ("**Latere bezoeken**", None),
    ("Rekenhulp klaar bij een later bezoek", lambda f: seconds(f["warm_ms"])),
    ("Volgende rekenhulp klaar (binnen hetzelfde bezoek)", lambda f: seconds(f["next_ms"])),
    ("Opnieuw rekenen na een wijziging (14 gemeenten)", _recompute),
    ("**Zonder internet, na één bezoek aan een rekenhulp**", None),
    (
        "Pagina's die te lezen zijn",
        lambda f: f"{number(f['offline_pages'], 0)} van {number(f['offline_pages_total'], 0)}",
    ),
    ("Rekenhulpen die rekenen", lambda f: f"{number(f['offline_calculators'], 0)} van 4"),
]


def render(results: dict) -> str:
    figures = results["figures"]
    table = ["| Wat | Gemeten |", "| --- | --- |"]
    for what, show in ROWS:
        try:
            value = show(figures) if show else ""
        except KeyError:
            # A figure that a newer page asks for and an older results file lacks.
            value = "nog niet gemeten"
        table.append(f"| {what} | {value} |")
    intro = (
        f"Gemeten op **{dutch_date(results['date'])}** op een testcomputer met"
        f" {results['machine']}, in {results['browser']}. De site stond op dezelfde computer;"
        " alleen de regel over trage wifi rekent met een langzame verbinding."
    )
    return intro + "\n\n" + "\n".join(table) + lighthouse_section(figures)


LIGHTHOUSE_PAGES = {
    "home": "Home",
    "calculator": "Een rekenhulp",
    "register": "Het besluitenregister",
    "agenda": "Een jaar van de beleidsagenda",
}
LIGHTHOUSE_CATEGORIES = {
    "performance": "Snelheid",
    "accessibility": "Toegankelijkheid",
    "best-practices": "Goede praktijken",
    "seo": "Vindbaarheid",
}


def lighthouse_section(figures: dict) -> str:
    """Lighthouse's scores (0 to 100) per kind of page, when the bench measured them."""
    if not any(key.startswith("lh_") for key in figures):
        return ""
    head = "| Pagina | " + " | ".join(LIGHTHOUSE_CATEGORIES.values()) + " |"
    lines = [head, "| --- " * (len(LIGHTHOUSE_CATEGORIES) + 1) + "|"]
    for page, label in LIGHTHOUSE_PAGES.items():
        scores = [
            number(figures[f"lh_{page}_{c}"], 0) if f"lh_{page}_{c}" in figures else "–"
            for c in LIGHTHOUSE_CATEGORIES
        ]
        lines.append(f"| {label} | " + " | ".join(scores) + " |")
    intro = (
        "\n\n## Lighthouse\n\nLighthouse is een meetprogramma van Google dat in de browser"
        " draait. Het draaide hier op dezelfde testcomputer, met de site op een server die"
        " comprimeert zoals GitHub Pages. Het gebruikte de standaardinstellingen voor een"
        " telefoon: een trage verbinding en een trage processor worden nagebootst. De score"
        " loopt van 0 tot 100.\n\n"
    )
    return intro + "\n".join(lines)


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if page.file.src_uri != PAGE or MARKER not in markdown:
        return markdown
    if not RESULTS.exists():
        text = "Er zijn nog geen meetresultaten. Ze verschijnen na de eerste meting."
    else:
        text = render(json.loads(RESULTS.read_text(encoding="utf-8")))
    return markdown.replace(MARKER, text)
