"""Benchmark (prints numbers; not a test): Lighthouse scores for four kinds of page.

Runs the pinned npm ``lighthouse`` (package.json) with Debian's Chromium against the built
site on a local server that compresses like GitHub Pages (bench_start.GzipServer), with
Lighthouse's default mobile settings (simulated slow 4G and a slower processor).

Usage: python bench/bench_lighthouse.py   (make bench runs it with the others)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench.bench_start import GzipServer  # noqa: E402
from tests.chromium import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.siteserver import build_site, free_port  # noqa: E402

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

Row = tuple[str, str, float, str]


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


def measure(site_url: str) -> tuple[list[Row], dict[str, list[str]]]:
    rows: list[Row] = []
    notes: dict[str, list[str]] = {}
    for key, (label, path) in PAGES.items():
        report = lighthouse(site_url + path)
        for category, dutch in CATEGORIES.items():
            score = round(report["categories"][category]["score"] * 100)
            rows.append((f"lh_{key}_{category}", f"Lighthouse {label}: {dutch}", score, "punten"))
        notes[key] = complaints(report)
    return rows, notes


def measure_built() -> tuple[list[Row], dict[str, list[str]]]:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        built = build_site(site, f"http://127.0.0.1:{free_port()}/", strict=False)
        if built.returncode != 0:
            sys.exit(built.stdout + built.stderr)
        with GzipServer(site) as server:
            return measure(server.url)


def main() -> None:
    rows, notes = measure_built()
    for _key, name, value, unit in rows:
        print(f"{name:58s} {value:10.0f} {unit}")
    for key, titles in notes.items():
        print(f"{key}: {'; '.join(titles) or '-'}")


if __name__ == "__main__":
    main()
