"""The service worker that makes the site work offline after one visit.

After the build it writes ``sw.js`` at the site root (so its scope covers the whole site)
from the template ``assets/js/offline-sw.js`` of the engine, with a manifest: every page and the
site's own assets with their sha256 (precached), the Pyodide files with theirs (cached on
first use) and a version per group, a hash over those, so a new build gets new caches.
``assets/js/offline.js`` registers it.

Under ``mkdocs serve`` the worker is a kill switch instead: it removes any worker and caches
a built site left on the same address, so the editor always sees the live files. A site that
turns offline use off (``offline: false``) publishes the kill switch too, so visitors of an
earlier version lose its worker and caches.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.regio.offline")

TEMPLATE = "assets/js/offline-sw.js"
# In the engine's assets; only the filled-in copy is published, as sw.js at the root.
TEMPLATE_FILE = Path(__file__).resolve().parent / TEMPLATE
PLACEHOLDER = "{/* MANIFEST */}"
SERVICE_WORKER = "sw.js"
PYODIDE_DIR = "pyodide/"
# The worker keeps the memory snapshot in a cache of its own (rekenhulp-worker.mjs) and
# never reads the download again, so a second copy here would only cost 6.5 MB of storage.
PYODIDE_SKIP = ("pyodide/snapshot.bin.gz",)
# Source maps and the gzipped sitemap are never fetched by the pages.
SKIP_SUFFIXES = (".map", ".gz")
LUNR_DIR = "assets/javascripts/lunr/"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _lunr_files(langs: list[str]) -> set[str]:
    """The search worker's language files for these languages (mkdocs-material's rules)."""
    names = {"min/lunr.stemmer.support.min.js"}
    names |= {f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    if len(langs) > 1:
        names.add("min/lunr.multi.min.js")
    if "ja" in langs:
        names.add("tinyseg.js")
    if {"hi", "th"} & set(langs):
        names.add("wordcut.js")
    return {LUNR_DIR + name for name in names}


def _version(table: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(table, sort_keys=True).encode()).hexdigest()[:16]


def build_manifest(site: Path, langs: list[str]) -> dict[str, Any]:
    precache: dict[str, str] = {}
    pyodide: dict[str, str] = {}
    lunr = _lunr_files(langs)
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative == SERVICE_WORKER or relative.endswith(SKIP_SUFFIXES):
            continue
        if relative.startswith(PYODIDE_DIR):
            if relative not in PYODIDE_SKIP:
                pyodide[relative] = _sha256(path)
            continue
        if relative.startswith(LUNR_DIR) and relative not in lunr:
            continue
        # Pages are asked for by their directory URL ("regiovisie/"), the root as "".
        key = (
            relative.removesuffix("index.html")
            if relative.split("/")[-1] == "index.html"
            else relative
        )
        precache[key] = _sha256(path)
    return {
        "version": _version(precache),
        "pyodideVersion": _version(pyodide),
        "precache": precache,
        "pyodide": pyodide,
    }


def write_service_worker(
    site: Path, template: str, langs: list[str], dev: bool = False
) -> dict[str, Any]:
    manifest = {"dev": True} if dev else build_manifest(site, langs)
    (site / SERVICE_WORKER).write_text(
        template.replace(PLACEHOLDER, json.dumps(manifest, indent=1, sort_keys=True)),
        encoding="utf-8",
    )
    return manifest


def _search_langs(config: Mapping[str, Any]) -> list[str]:
    # mkdocs-material registers its own search plugin as "material/search".
    for name, plugin in config["plugins"].items():
        if name.split("/")[-1] == "search":
            langs = plugin.config.get("lang")
            return [langs] if isinstance(langs, str) else list(langs or ["en"])
    return ["en"]


def publish(config: Mapping[str, Any], kill_switch: bool) -> None:
    """Writes sw.js, after every other step of the build, as it lists every file; or the
    kill switch (under `mkdocs serve`, or where the site turns offline use off)."""
    site = Path(config["site_dir"])
    template = TEMPLATE_FILE.read_text(encoding="utf-8")
    manifest = write_service_worker(site, template, _search_langs(config), dev=kill_switch)
    if kill_switch:
        return
    size = sum(
        (site / (k + "index.html" if k == "" or k.endswith("/") else k)).stat().st_size
        for k in manifest["precache"]
    )
    log.info(
        "Service worker: %d bestanden (%.1f MB) vooraf in de cache, versie %s",
        len(manifest["precache"]),
        size / 1e6,
        manifest["version"],
    )
