"""Benchmark (prints numbers; not a test): Lighthouse scores for four kinds of page.

Runs the pinned npm ``lighthouse`` (package.json) with Debian's Chromium against the built
site on a local server that compresses like GitHub Pages (bench_start.GzipServer), with
Lighthouse's default mobile settings (simulated slow 4G and a slower processor).

Lighthouse's simulation starts from one real page load on this computer, so a busy computer
(other tests, the service worker of an earlier page) changes the score by several points from
one run to the next. Every page is therefore measured RUNS times, the pages taking turns, and
the median is reported with the lowest and highest performance score, and the two timings that
weigh most in it: Total Blocking Time and Largest Contentful Paint (medians, in ms).

Usage: python bench/bench_lighthouse.py [--runs N]   (make bench runs it with the others)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
from pathlib import Path

from bench.bench_start import GzipServer
from bench.served import served_site
from tests.chromium import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": ("Home", ""),
    "calculator": ("Rekenhulp", "rekenhulpen/verdeelsleutel/"),
    "register": ("Register", "besluiten/"),
    "agenda": ("Agendajaar", "beleidsagenda/2022/"),
}
CATEGORIES = {
    "performance": "prestaties",
    "accessibility": "toegankelijkheid",
    "best-practices": "goede praktijken",
    "seo": "vindbaarheid",
}
# The timings reported next to the scores: (key suffix, audit, Dutch name).
TIMINGS = (
    ("tbt_ms", "total-blocking-time", "Total Blocking Time"),
    ("lcp_ms", "largest-contentful-paint", "Largest Contentful Paint"),
)
# Runs per page; odd, so the median is one of the measured scores.
RUNS = 5

# (key, name, value, unit) or, with the lowest and highest of the runs, (..., low, high).
Row = tuple


def lighthouse(url: str) -> dict:
    flags = " ".join(flag for flag in CHROMIUM_FLAGS if flag != "--headless")
    command = [
        shutil.which("node") or "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-path={chromium_path()}",
        f"--chrome-flags=--headless=new {flags}",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"Lighthouse faalde voor {url}:\n{completed.stderr[-2000:]}")
    return json.loads(completed.stdout)


def complaints(report: dict, limit: int = 3) -> list[str]:
    """The failing audits that weigh most in the performance score."""
    refs = report["categories"]["performance"]["auditRefs"]
    failing = [
        (ref["weight"], report["audits"][ref["id"]]["title"])
        for ref in refs
        if report["audits"][ref["id"]].get("score") is not None
        and report["audits"][ref["id"]]["score"] < 0.9
    ]
    opportunities = [
        audit["title"]
        for audit in report["audits"].values()
        if audit.get("details", {}).get("type") == "opportunity"
        and audit.get("score") is not None
        and audit["score"] < 0.9
    ]
    ordered = [title for _, title in sorted(failing, reverse=True)] + opportunities
    return list(dict.fromkeys(ordered))[:limit]


def median_report(reports: list[dict]) -> dict:
    """The run with the median performance score (its complaints are the ones reported)."""
    ordered = sorted(reports, key=lambda report: report["categories"]["performance"]["score"])
    return ordered[len(ordered) // 2]


def measure(site_url: str, runs: int = RUNS) -> tuple[list[Row], dict[str, list[str]]]:
    reports: dict[str, list[dict]] = {key: [] for key in PAGES}
    # The pages take turns, so a busy moment of the computer does not hit one page only.
    for _ in range(runs):
        for key, (_label, path) in PAGES.items():
            reports[key].append(lighthouse(site_url + path))
    rows: list[Row] = []
    notes: dict[str, list[str]] = {}
    for key, (label, _path) in PAGES.items():
        for category, dutch in CATEGORIES.items():
            scores = [round(r["categories"][category]["score"] * 100) for r in reports[key]]
            name = f"Lighthouse {label}: {dutch}"
            if category == "performance":
                # run_all.py turns the spread into lh_<page>_performance_min and _max.
                row = (f"lh_{key}_{category}", name, statistics.median(scores), "punten")
                rows.append((*row, min(scores), max(scores)))
            else:
                rows.append((f"lh_{key}_{category}", name, statistics.median(scores), "punten"))
        for suffix, audit, dutch in TIMINGS:
            timings = [r["audits"][audit]["numericValue"] for r in reports[key]]
            name = f"Lighthouse {label}: {dutch} (mediaan)"
            rows.append((f"lh_{key}_{suffix}", name, statistics.median(timings), "ms"))
        notes[key] = complaints(median_report(reports[key]))
    return rows, notes


def measure_built() -> tuple[list[Row], dict[str, list[str]]]:
    with served_site(server=GzipServer) as (_site, server):
        return measure(server.url, RUNS)


def main() -> None:
    global RUNS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="Lighthouse runs per page")
    RUNS = parser.parse_args().runs
    rows, notes = measure_built()
    for _key, name, value, unit, *spread in rows:
        extra = f"  ({spread[0]:.0f}–{spread[1]:.0f})" if spread else ""
        print(f"{name:58s} {value:10.0f} {unit}{extra}")
    for key, titles in notes.items():
        print(f"{key}: {'; '.join(titles) or '-'}")


if __name__ == "__main__":
    main()
