"""Benchmark (prints numbers; not a test): the levers for a faster first start, the bytes a
first calculator visit costs compressed, and offline use after one visit.

- Intent: from the calculator overview, click to live without and with the pointer resting
  on the link for 1 s first (rekenhulp-client.js boots Pyodide on that intent).
- First visit, both ways (``window.rekenhulpStart`` forces "plain" or "snapshot") and the
  worker's own choice (rekenhulp-start.mjs), at 5, 10, 25, 50 and 200 Mbit/s with 40 ms latency
  (DevTools throttling, from a server that compresses like GitHub Pages): time to live, which
  way the choice took and the speed its probe measured.
- Bytes until live on a cold calculator visit, as served and compressed with gzip the way a
  compressing host would (Python's gzip; brotli needs a package this project does not pin).
- Offline: after one calculator visit, with the server stopped, how many pages and
  calculators still work.

Every timing runs ``--runs`` times (at least 5): the median, with the lowest and highest.

Usage: python bench/bench_start.py [--runs N]   (make bench runs it with the others)
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

from regio_engine.offline import build_manifest  # noqa: E402

from bench.served import served_site  # noqa: E402
from hooks.prestaties import LINK_MBIT  # noqa: E402
from tests.chromium import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.siteserver import SiteRequestHandler, SiteServer, free_port  # noqa: E402

OVERVIEW = "rekenhulpen/"
CALCULATOR_PAGE = "rekenhulpen/verdeelsleutel/"
LINK = "article a[href$='verdeelsleutel/']"
READY = '[data-rekenhulp="verdeelsleutel"][data-state="ok"]'
CALCULATORS = ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad")
# What a host compresses on the fly: text, JavaScript, JSON and WebAssembly. Zip files,
# wheels and the gzipped snapshot are compressed already.
ALREADY_COMPRESSED = (".zip", ".whl", ".gz", ".png", ".jpg", ".jpeg", ".webp", ".ico", ".woff2")

# Click in the page (no pointer, no focus: no intent) and time until the first live result.
CLICK_TO_LIVE = """link => new Promise((resolve) => {
  const clicked = performance.now();
  document.addEventListener('rekenhulp:bijgewerkt', () => resolve(performance.now() - clicked),
    { capture: true, once: true });
  document.querySelector(link).click();
})"""


CACHED_PYODIDE_FILES = """async () => {
  const name = (await caches.keys()).find((n) => n.includes(' pyodide '));
  return name ? (await (await caches.open(name)).keys()).length : 0;
}"""

# (key, label, median or value, unit) and, for timings, (…, lowest, highest).
Row = tuple


class GzipHandler(SiteRequestHandler):
    """Compresses what a host such as GitHub Pages compresses (gzip, on the fly)."""

    packed: dict[str, bytes] = {}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants_gzip or not path.is_file() or path.name.endswith(ALREADY_COMPRESSED):
            return super().do_GET()
        key = str(path)
        if key not in self.packed:
            self.packed[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self.packed[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def throttled_first_visit(
    browser, site_url: str, start: str | None, mbit: float
) -> tuple[float, str, float | None]:
    """Time to live over a link of ``mbit`` Mbit/s with 40 ms latency (DevTools throttling),
    the way the worker started and the speed its probe measured. ``start`` None: its choice."""
    context = browser.new_context()
    if start:
        context.add_init_script(f"window.rekenhulpStart = {start!r};")
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 40,
            "downloadThroughput": mbit * 1e6 / 8,
            "uploadThroughput": mbit * 1e6 / 8,
        },
    )
    # Not until "load": on a slow link that can take longer than Playwright's 30 s default.
    page.goto(site_url + CALCULATOR_PAGE, wait_until="commit")
    page.wait_for_selector(READY, timeout=300_000)
    live = page.evaluate("() => performance.now()")
    boot = page.get_attribute(READY, "data-boot") or ""
    probe = boot_record(page)["mbit"]
    context.close()
    return live, boot, probe


def boot_record(page) -> dict:
    """What the calculators' worker chose and when each step ended (rekenhulp-boot.mjs)."""
    worker = next(w for w in page.workers if w.url.split("?")[0].endswith("/rekenhulp-worker.mjs"))
    return worker.evaluate("() => self.rekenhulpBoot")


def click_to_live(browser, site_url: str, rest_ms: int) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + OVERVIEW)
    page.wait_for_load_state("load")
    if rest_ms:
        page.hover(LINK)
        page.wait_for_timeout(rest_ms)
    elapsed = page.evaluate(CLICK_TO_LIVE, LINK)
    context.close()
    return elapsed


def first_visit(browser, site_url: str, start: str) -> tuple[float, int, str, list[str]]:
    """Time to live, bytes until live, how the worker started, and the URLs it fetched."""
    context = browser.new_context()
    context.add_init_script(f"window.rekenhulpStart = {start!r};")
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(site_url + CALCULATOR_PAGE)
    page.wait_for_selector(READY, timeout=120_000)
    live = page.evaluate("() => performance.now()")
    boot = page.get_attribute(READY, "data-boot")
    # Only what arrived before the result: the snapshot kept in the background comes later.
    done = [(request.url, request.sizes()["responseBodySize"]) for request in list(finished)]
    context.close()
    return live, sum(size for _, size in done), boot, [url for url, _ in done]


def compressed_sizes(site: Path, site_url: str, urls: list[str]) -> dict[str, int]:
    base = urlsplit(site_url).path
    raw = gzip_all = host = 0
    for url in dict.fromkeys(urls):
        path = urlsplit(url).path[len(base) :]
        file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
        if not file.is_file():
            continue
        data = file.read_bytes()
        packed = len(gzip.compress(data, compresslevel=6, mtime=0))
        raw += len(data)
        gzip_all += packed
        host += len(data) if file.name.endswith(ALREADY_COMPRESSED) else packed
    return {"raw": raw, "gzip_all": gzip_all, "host": host}


def offline_after_one_visit(browser, site: Path) -> tuple[int, int, int]:
    """Pages and calculators that work with the server stopped, after one calculator visit."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    context = browser.new_context()
    page = context.new_page()
    server = SiteServer(site, free_port())
    with server:
        page.goto(server.url + CALCULATOR_PAGE)
        page.wait_for_selector(READY, timeout=120_000)
        # Offline from here on only once the service worker keeps every Pyodide file.
        # (wait_for_function does not await an async predicate: poll with evaluate.)
        wanted = len(build_manifest(site, ["nl"])["pyodide"])
        deadline = time.monotonic() + 120
        while page.evaluate(CACHED_PYODIDE_FILES) < wanted and time.monotonic() < deadline:
            page.wait_for_timeout(500)
    context.set_offline(True)
    readable = 0
    for path in pages:
        try:
            response = page.goto(server.url + ("" if path == "." else path + "/"))
            readable += bool(response and response.ok and page.locator("h1").count())
        except Exception as error:  # an offline failure is a number here, not an error
            print(f"offline niet leesbaar: {path}: {error}", file=sys.stderr)
    computing = 0
    for name in CALCULATORS:
        try:
            page.goto(server.url + f"rekenhulpen/{name}/")
            page.wait_for_selector(f'[data-rekenhulp="{name}"][data-state="ok"]', timeout=60_000)
            computing += 1
        except Exception as error:  # likewise
            print(f"offline rekent niet: {name}: {error}", file=sys.stderr)
    context.close()
    return readable, len(pages), computing


class GzipServer(SiteServer):
    def __init__(self, directory: Path):
        super().__init__(directory)
        self.httpd.RequestHandlerClass = functools.partial(GzipHandler, directory=str(directory))
        # A closed browser context drops its downloads mid-way: not worth a traceback.
        self.httpd.handle_error = lambda request, address: None


def spread(key: str, label: str, samples: list[float], unit: str = "ms") -> Row:
    """The median, with the lowest and highest of the runs."""
    return (key, label, statistics.median(samples), unit, min(samples), max(samples))


def link_speeds(browser, site: Path, runs: int) -> list[Row]:
    """First visit at each speed: plain, from the snapshot, and as the worker chooses."""
    rows: list[Row] = []
    with GzipServer(site) as server:
        for mbit in LINK_MBIT:
            times: dict[str, list[float]] = {"plain": [], "snapshot": [], "auto": []}
            chosen: list[str] = []
            probes: list[float] = []
            for _ in range(runs):
                for start in ("plain", "snapshot", None):
                    live, boot, probe = throttled_first_visit(browser, server.url, start, mbit)
                    times[start or "auto"].append(live)
                    if start is None:
                        chosen.append(boot)
                        probes += [probe] if probe is not None else []
            key = f"link{mbit}"
            share = chosen.count("snapshot") / len(chosen)
            rows += [
                spread(
                    f"{key}_plain_ms", f"Eerste bezoek {mbit} Mbit/s, gewone start", times["plain"]
                ),
                spread(f"{key}_snapshot_ms", f"  {mbit} Mbit/s, uit snapshot", times["snapshot"]),
                spread(f"{key}_auto_ms", f"  {mbit} Mbit/s, eigen keuze", times["auto"]),
                (f"{key}_auto_snapshot_share", "  deel keuzes voor snapshot", share, "x"),
            ]
            if probes:
                rows.append(
                    spread(f"{key}_probe_mbit", "  gemeten door de keuze", probes, "Mbit/s")
                )
    return rows


def measure(runs: int, site: Path, site_url: str) -> list[Row]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        no_intent = [click_to_live(browser, site_url, 0) for _ in range(runs)]
        intent = [click_to_live(browser, site_url, 1000) for _ in range(runs)]
        plain = [first_visit(browser, site_url, "plain") for _ in range(runs)]
        snapshot = [first_visit(browser, site_url, "snapshot") for _ in range(runs)]
        assert {run[2] for run in plain} == {"plain"}, "plain start did not boot plainly"
        assert {run[2] for run in snapshot} == {"snapshot"}, "snapshot start did not restore"
        links = link_speeds(browser, site, runs)
        plain_sizes = compressed_sizes(site, site_url, plain[0][3])
        snapshot_sizes = compressed_sizes(site, site_url, snapshot[0][3])
        readable, pages, computing = offline_after_one_visit(browser, site)
        browser.close()

    precache = build_manifest(site, ["nl"])["precache"]
    precache_mb = (
        sum(
            (site / (k + "index.html" if k.endswith("/") or not k else k)).stat().st_size
            for k in precache
        )
        / 1e6
    )
    intent_ratio = statistics.median(intent) / statistics.median(no_intent)
    raw_mb, gzip_mb = plain_sizes["raw"] / 1e6, plain_sizes["gzip_all"] / 1e6
    return [
        spread("click_cold_ms", "Klik tot live, koud, zonder intentie", no_intent),
        spread("click_intent_ms", "Klik tot live na 1 s wijzen", intent),
        ("intent_ratio", "  intentie / koud  [doel <= 0,3]", intent_ratio, "x"),
        spread("first_plain_ms", "Eerste bezoek, gewone start", [r[0] for r in plain]),
        spread("first_snapshot_ms", "Eerste bezoek, start uit snapshot", [r[0] for r in snapshot]),
        ("first_plain_mb", "  bytes tot live, gewone start", plain[0][1] / 1e6, "MB"),
        ("first_snapshot_mb", "  bytes tot live, start uit snapshot", snapshot[0][1] / 1e6, "MB"),
        *links,
        ("live_raw_mb", "Bytes tot live, gewone start, ongecomprimeerd", raw_mb, "MB"),
        ("live_gzip_mb", "Bytes tot live, gewone start, alles gzip", gzip_mb, "MB"),
        (
            "live_host_mb",
            "Bytes tot live, gewone start, gzip als een host  [doel <= 6]",
            plain_sizes["host"] / 1e6,
            "MB",
        ),
        (
            "live_snapshot_host_mb",
            "Bytes tot live, start uit snapshot, gzip als een host",
            snapshot_sizes["host"] / 1e6,
            "MB",
        ),
        ("precache_mb", "Offline-kopie van de site (achtergrond, eenmalig)", precache_mb, "MB"),
        ("offline_pages", f"Offline leesbare pagina's (van {pages})", readable, "pagina's"),
        ("offline_pages_total", "Pagina's in de site", pages, "pagina's"),
        ("offline_calculators", "Offline werkende rekenhulpen (van 4)", computing, "rekenhulpen"),
    ]


def measure_built(runs: int) -> list[Row]:
    """Build the site for a port of its own, serve it and measure."""
    with served_site() as (site, server):
        return measure(runs, site, server.url)


def environment() -> dict[str, str]:
    """Machine and browser, in words a visitor can read (no names or paths of this machine)."""
    from playwright.sync_api import sync_playwright

    cpu = "onbekende processor"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = models[0] if models else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f", {round(kib / 1024**2)} GB geheugen"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        version = browser.version
        browser.close()
    return {
        "machine": f"{os.cpu_count()} processorkernen ({cpu}){memory}, {platform.system()}",
        "browser": f"Chromium {version}, zonder scherm (headless)",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (at least 5)")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs: at least 5 runs, for a median and a spread")
    for row in measure_built(args.runs):
        spread_text = f"  ({row[4]:.0f}–{row[5]:.0f})" if len(row) == 6 else ""
        print(f"{row[1]:58s} {row[2]:10.2f} {row[3]}{spread_text}")


if __name__ == "__main__":
    main()
