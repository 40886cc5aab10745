"""The service worker's manifest (engine/plugin/src/regio_engine/offline.py) and the figures
on the page "Prestaties" (hooks/prestaties.py), without a browser or a site build."""

from __future__ import annotations

from pathlib import Path

from regio_engine.offline import PLACEHOLDER, build_manifest, write_service_worker

from hooks.prestaties import number, render


def small_site(root: Path) -> Path:
    files = {
        "index.html": "home",
        "regiovisie/index.html": "visie",
        "assets/css/site.css": "css",
        "assets/javascripts/lunr/min/lunr.nl.min.js": "nl",
        "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "support",
        "assets/javascripts/bundle.js.map": "map",
        "sitemap.xml.gz": "gz",
        "search/search_index.json": "{}",
        "pyodide/pyodide.asm.wasm": "wasm",
        "pyodide/snapshot.bin.gz": "snapshot",
        "pyodide/snapshot.json": "{}",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_manifest_separates_the_site_from_pyodide(tmp_path):
    manifest = build_manifest(small_site(tmp_path), ["nl"])
    assert sorted(manifest["precache"]) == [
        "",
        "assets/css/site.css",
        "assets/javascripts/lunr/min/lunr.nl.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "regiovisie/",
        "search/search_index.json",
    ]
    # The snapshot is kept by the calculator's worker itself, not a second time.
    assert sorted(manifest["pyodide"]) == ["pyodide/pyodide.asm.wasm", "pyodide/snapshot.json"]


def test_a_changed_page_changes_the_site_version_only(tmp_path):
    site = small_site(tmp_path)
    before = build_manifest(site, ["nl"])
    (site / "regiovisie" / "index.html").write_text("nieuwe visie")
    after = build_manifest(site, ["nl"])
    assert after["version"] != before["version"]
    assert after["pyodideVersion"] == before["pyodideVersion"]


def test_service_worker_gets_the_manifest(tmp_path):
    site = small_site(tmp_path)
    manifest = write_service_worker(site, f"const MANIFEST = {PLACEHOLDER};", ["nl"])
    text = (site / "sw.js").read_text()
    assert PLACEHOLDER not in text and manifest["version"] in text
    dev = write_service_worker(site, f"const MANIFEST = {PLACEHOLDER};", ["nl"], dev=True)
    assert dev == {"dev": True} and '"dev": true' in (site / "sw.js").read_text()


def test_performance_figures_in_dutch():
    assert number(1234.56) == "1.234,6"
    assert number(0.25, 2) == "0,25"
    results = {
        "date": "2026-11-26",
        "machine": "2 processorkernen",
        "browser": "Chromium 1",
        "figures": {"cold_ms": 2550.0, "warm_ms": 910.0},
    }
    page = render(results)
    assert "26 november 2026" in page
    assert "| Rekenhulp klaar na het openen (lege browser) | 2,5 seconde |" in page
    assert "| Rekenhulp klaar bij een later bezoek | 0,9 seconde |" in page
    # Figures the results file lacks are said to be missing, not invented.
    assert "| Rekenhulpen die rekenen | nog niet gemeten |" in page
