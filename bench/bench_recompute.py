"""Benchmark (prints numbers; not a test): where a recompute's time goes, on the four calculator
pages with their example scenario.

Each edit of one municipality's figure is split into four parts, as the page reports them in
the detail of its ``rekenhulp:bijgewerkt`` event (the engine's assets/js/rekenhulp.js):

- Python compute: reading the request, the checks and the calculation (calculators.core);
- Python render: the result's HTML (calculators.render);
- messages: the request to the worker and the answer back: JSON.stringify of the request,
  the JSON text out of Python and into JavaScript, JSON.parse, both postMessage copies and the
  wait for the other thread;
- page: from the answer's arrival to the event (fields' errors, the result's DOM, the URL),
  plus the layout that follows, forced here right after the event.

The round trip is bench_site.py's "recompute" (from the request to the event; no layout).
Every run is a fresh browser context (a fresh worker); the first answer of a page is left
out. Prints the median with the fastest and slowest edit, and the p95 of each run's edits.
Given several built sites (--site, repeated: before and after a change), their runs take
turns, so a machine that gets busier or quieter meanwhile weighs on each alike.

Python restored from the build's memory snapshot computes more slowly here than Python
started plainly; --start fixes the way for every run, so a comparison is not about that.

Usage: python bench/bench_recompute.py [--runs N] [--edits N] [--site BUILT_SITE ...]
                                       [--only NAME] [--start plain|snapshot]
(make bench runs it with the others, and the page "Prestaties" shows its split per page)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
from pathlib import Path

from bench.bench_site import after_first_visit, percentile
from bench.served import served_site
from tests.browser.helpers import open_calculator
from tests.chromium import CHROMIUM_FLAGS, chromium_path

#: (calculator, field edited, its value at edit n): one municipality's figure that moves
#: every share, as bench_site.py edits the Verdeelsleutel.
CASES = [
    ("verdeelsleutel", "#veld-municipalities-5-values-gebruik", lambda n: str(100 + n)),
    ("spreiding", "#veld-municipalities-5-values-clienten", lambda n: str(20 + n)),
    ("ingroeipad", "#veld-municipalities-5-values-historisch", lambda n: str(1000 * (n + 1))),
    ("solidariteit", "#veld-municipalities-5-values-gebruik", lambda n: str(36 + n)),
]

# Every answer's timings, with the layout the new result needs, forced and timed at once.
RECORD = """() => {
  window.__recompute = [];
  document.querySelector('[data-rekenhulp]').addEventListener('rekenhulp:bijgewerkt', (event) => {
    const started = performance.now();
    document.documentElement.getBoundingClientRect();
    void document.body.offsetHeight;
    const layout = performance.now() - started;
    window.__recompute.push({ ...(event.detail.timings || {}), layout,
                              roundTrip: event.detail.roundTripMs });
  });
}"""

#: The page's timings (ms) and how they add up to the four parts.
PARTS = {
    "Python compute": ("compute",),
    "Python render": ("render",),
    "messages": ("request", "stringify", "encode", "parse", "transfer"),
    "page, with layout": ("page", "layout"),
}
DETAIL = {
    "request": "  request: postMessage to the worker",
    "stringify": "  JSON.stringify(request)",
    "encode": "  json.dumps + string to JavaScript",
    "parse": "  JSON.parse(answer)",
    "transfer": "  answer: postMessage to the page",
    "page": "  page: answer to event",
    "layout": "  page: forced layout after it",
}


def measure_page(
    browser, url: str, calculator: str, field: str, value, edits: int, start: str | None = None
) -> list[dict]:
    context = browser.new_context()
    page = context.new_page()
    if start:
        page.add_init_script(f"window.rekenhulpStart = {json.dumps(start)};")
    try:
        open_calculator(page, url, calculator)
        after_first_visit(page, calculator)
        page.evaluate(RECORD)
        for index in range(edits):
            page.fill(field, value(index))
            page.wait_for_function(
                "n => window.__recompute.length >= n", arg=index + 1, timeout=30_000
            )
        records: list[dict] = page.evaluate("() => window.__recompute")
    finally:
        context.close()
    return records


def summarise(runs: list[list[dict]]) -> dict[str, tuple[float, float, float, float, float]]:
    """Per figure: median, min, max over all edits, and the median and max of the runs' p95."""
    pooled = [record for run in runs for record in run]
    names = [*PARTS, *(k for keys in PARTS.values() for k in keys if len(keys) > 1)]
    names.append("roundTrip")
    out = {}
    for name in names:

        def value(record: dict, name: str = name) -> float:
            keys = PARTS.get(name, (name,))
            return float(sum(record.get(key, 0.0) for key in keys))

        values = [value(r) for r in pooled]
        p95s = [percentile([value(r) for r in run], 0.95) for run in runs]
        out[name] = (
            statistics.median(values),
            min(values),
            max(values),
            statistics.median(p95s),
            max(p95s),
        )
    return out


def measure(
    runs: int, edits: int, sites: list[Path], only: str | None, start: str | None = None
) -> dict[str, dict]:
    """{site: {calculator: summary}}; builds the site first when none is given."""
    from playwright.sync_api import sync_playwright

    cases = [case for case in CASES if only is None or only in case[0]]
    with contextlib.ExitStack() as stack:
        servers = {
            str(site or "site"): stack.enter_context(served_site(site))[1]
            for site in sites or [None]
        }
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        collected = {name: {case[0]: [] for case in cases} for name in servers}
        for _ in range(runs):
            for name, server in servers.items():
                for calculator, field, value in cases:
                    url = f"{server.url}rekenhulpen/{calculator}/"
                    records = measure_page(browser, url, calculator, field, value, edits, start)
                    collected[name][calculator].append(records)
        browser.close()
    return {
        name: {calculator: summarise(found) for calculator, found in pages.items()}
        for name, pages in collected.items()
    }


#: What bench/run_all.py keeps for the page "Prestaties" (hooks/prestaties.py), per
#: calculator: (key part, figure of summarise, label).
PUBLISHED = (
    ("compute", "Python compute", "Python rekent"),
    ("render", "Python render", "Python maakt de uitkomst op"),
    ("messages", "messages", "berichten heen en terug"),
    ("page", "page, with layout", "pagina en opmaak"),
    ("roundtrip", "roundTrip", "heen en terug"),
)


def rows(pages: dict[str, dict]) -> list[tuple[str, str, float, str, float, float]]:
    """run_all.py's rows of one site's results: ``recompute_<calculator>_<part>_ms``, the
    median with the fastest and slowest edit."""
    found = []
    for calculator, figures in pages.items():
        for part, name, label in PUBLISHED:
            median, low, high, _p95, _worst = figures[name]
            key = f"recompute_{calculator}_{part}_ms"
            found.append(
                (key, f"Herberekening {calculator.capitalize()}: {label}", median, "ms", low, high)
            )
    return found


def measure_rows(
    runs: int, edits: int, site: Path | None = None
) -> list[tuple[str, str, float, str, float, float]]:
    """Every calculator, measured on ``site`` (built first when None), as run_all.py's rows."""
    (pages,) = measure(runs, edits, [site] if site else [], None).values()
    return rows(pages)


def report(results: dict[str, dict], runs: int, edits: int) -> None:
    print(f"{runs} runs x {edits} edits per page, headless Chromium; ms")
    print("median [min-max] over all edits; p95 = median of the runs' p95 (worst run)")
    for site, pages in results.items():
        if len(results) > 1:
            print(f"\n== {site}")
        for calculator, figures in pages.items():
            print(f"\n{calculator}")
            for name, (median, low, high, p95, worst) in figures.items():
                label = DETAIL.get(name, "round trip (bench_site)" if name == "roundTrip" else name)
                print(
                    f"  {label:40s} {median:7.2f} [{low:6.2f}-{high:7.2f}]"
                    f"   p95 {p95:6.2f} ({worst:6.2f})"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument(
        "--site",
        type=Path,
        action="append",
        default=[],
        help="a site built already (mkdocs build); repeat to compare sites",
    )
    parser.add_argument("--only", help="only the calculators whose name holds this")
    parser.add_argument(
        "--start",
        choices=("plain", "snapshot"),
        help="how the worker starts Python (window.rekenhulpStart); default: the page's choice",
    )
    args = parser.parse_args()
    results = measure(args.runs, args.edits, args.site, args.only, args.start)
    report(results, args.runs, args.edits)


if __name__ == "__main__":
    main()
