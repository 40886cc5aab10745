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


def milliseconds(ms: float) -> str:
    return f"{number(ms)} ms"


def dutch_date(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def timed(f: dict, key: str, in_ms: bool = False) -> str:
    """A median in seconds (or ms), with the lowest and highest where the bench gives them."""
    show, scale = (milliseconds, 1) if in_ms else (seconds, 1000)
    if f"{key}_min" not in f:
        return show(f[key])
    low, high = number(f[f"{key}_min"] / scale), number(f[f"{key}_max"] / scale)
    return f"{show(f[key])} (van {low} tot {high})"


def _recompute(f: dict) -> str:
    median, p95 = number(f["recompute_median_ms"], 0), number(f["recompute_p95_ms"], 0)
    return f"{median} ms (95% binnen {p95} ms)"


# (what, how to show it from the figures); a heading row has no value.
ROWS = [
    ("**Eerste bezoek**", None),
    ("Rekenhulp klaar na het openen (lege browser)", lambda f: timed(f, "cold_ms")),
    (
        "Rekenhulp klaar na een klik, als u eerst 1 seconde met de muis op de link rustte",
        lambda f: timed(f, "click_intent_ms"),
    ),
    (
        "Te downloaden tot de rekenhulp klaar is (gewone start)",
        lambda f: f"{number(f['live_raw_mb'])} MB",
    ),
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
    ("Rekenhulp klaar bij een later bezoek", lambda f: timed(f, "warm_ms")),
    ("Volgende rekenhulp klaar (binnen hetzelfde bezoek)", lambda f: timed(f, "next_ms")),
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
        " de tabel per verbinding bootst een langzamere verbinding na. Elke tijd is de middelste"
        " van vijf of meer metingen, met de snelste en de traagste erbij."
    )
    sections = (link_section(figures), recompute_section(figures), lighthouse_section(figures))
    return intro + "\n\n" + "\n".join(table) + "".join(sections)


# From poor meeting-room Wi-Fi to a fast office line, with 25 near where the two ways of a
# first start break even (bench/bench_start.py measures these).
LINK_MBIT = (5, 10, 25, 50, 200)
WAYS = {"plain": "gewone start", "snapshot": "start uit kant-en-klare kopie"}


def _choice(f: dict, mbit: int) -> str:
    share = f[f"link{mbit}_auto_snapshot_share"]
    if share in (0, 1):
        return WAYS["snapshot" if share else "plain"]
    return f"wisselend ({number(share * 100, 0)}% kopie)"


def link_section(figures: dict) -> str:
    """Both ways of a first start per link speed, and which one the site chose."""
    if "link5_plain_ms" not in figures:
        return ""
    lines = [
        "| Verbinding | Gewone start | Uit kopie | De site koos | Klaar na |",
        "| --- | --- | --- | --- | --- |",
    ]
    for mbit in LINK_MBIT:
        key = f"link{mbit}"
        if f"{key}_plain_ms" not in figures:  # a speed added after these figures
            continue
        lines.append(
            f"| {mbit} Mbit/s | {seconds(figures[f'{key}_plain_ms'])}"
            f" | {seconds(figures[f'{key}_snapshot_ms'])} | {_choice(figures, mbit)}"
            f" | {timed(figures, f'{key}_auto_ms')} |"
        )
    intro = (
        "\n\n## Eerste bezoek per verbinding\n\nBij een eerste bezoek kan de site Python op"
        " twee manieren starten: gewoon (minder downloaden, meer rekenwerk) of uit een"
        " kant-en-klare kopie (ongeveer 6,7 MB extra, veel minder rekenwerk). De site meet de"
        " verbinding op de eerste 256 kB van die kopie en kiest dan. Op een trage verbinding"
        " (of met de databesparing van de browser aan) kiest zij de gewone start.\n\n"
    )
    return intro + "\n".join(lines)


RECOMPUTE_PAGES = {
    "verdeelsleutel": "Verdeelsleutel",
    "spreiding": "Spreiding",
    "ingroeipad": "Ingroeipad",
    "solidariteit": "Solidariteit",
}
# The parts of bench/bench_recompute.py (its PUBLISHED keys), as columns.
RECOMPUTE_PARTS = {
    "compute": "Python rekent",
    "render": "Python maakt de uitkomst op",
    "messages": "Berichten",
    "page": "Pagina en opmaak",
    "roundtrip": "Heen en terug",
}


def recompute_section(figures: dict) -> str:
    """Where the time of one recompute goes, per calculator page, when the bench measured it."""
    pages = {
        page: label
        for page, label in RECOMPUTE_PAGES.items()
        if any(f"recompute_{page}_{part}_ms" in figures for part in RECOMPUTE_PARTS)
    }
    if not pages:
        return ""
    lines = [
        "| Rekenhulp | " + " | ".join(RECOMPUTE_PARTS.values()) + " |",
        "| --- " * (len(RECOMPUTE_PARTS) + 1) + "|",
    ]
    for page, label in pages.items():
        keys = [f"recompute_{page}_{part}_ms" for part in RECOMPUTE_PARTS]
        cells = [timed(figures, key, in_ms=True) if key in figures else "–" for key in keys]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    intro = (
        "\n\n## Opnieuw rekenen per rekenhulp\n\nVerandert u een getal, dan rekent de"
        " rekenhulp meteen opnieuw. De meting verandert steeds het getal van één gemeente in"
        " het voorbeeld van de rekenhulp. Ze deelt de tijd die dat kost in vier delen. Python"
        " rekent: de invoer lezen, controleren en rekenen. Python maakt de uitkomst op: de"
        " HTML. Berichten: van de pagina naar de rekenomgeving en terug. Pagina en opmaak: de"
        " pagina zet de uitkomst op het scherm, met de opmaak die daarop volgt. Heen en terug"
        " is de hele tijd van de vraag tot de nieuwe uitkomst op de pagina, zonder die opmaak."
        " Elke tijd is de middelste van alle wijzigingen, met de snelste en de traagste"
        " erbij.\n\n"
    )
    return intro + "\n".join(lines)


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
    return intro + "\n".join(lines) + "\n\n" + CACHE_NOTE


# Lighthouse's advice on cache lifetimes is about the host, not the site.
CACHE_NOTE = (
    "Lighthouse raadt aan de bestanden langer in de cache van de browser te bewaren. Die"
    " bewaartijd bepaalt de server die de site uitlevert, niet de site zelf: GitHub Pages geeft"
    " elk bestand tien minuten mee (Cache-Control: max-age=600) en laat dat niet aanpassen. Wie"
    " terugkomt merkt er weinig van, want na het eerste bezoek haalt de browser de pagina's en"
    " rekenhulpen uit de offline-opslag van de site."
)


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if page.file.src_uri != PAGE or MARKER not in markdown:
        return markdown
    if not RESULTS.exists():
        text = "Er zijn nog geen meetresultaten. Ze verschijnen na de eerste meting."
    else:
        text = render(json.loads(RESULTS.read_text(encoding="utf-8")))
    return markdown.replace(MARKER, text)
