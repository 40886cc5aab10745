"""Runs every benchmark and prints one table (`make bench`). Numbers, not pass/fail."""

from __future__ import annotations

import datetime
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench import (  # noqa: E402
    bench_calculators,
    bench_decisions,
    bench_lighthouse,
    bench_site,
    bench_start,
)
from tests.siteserver import build_site, free_port  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"


def main() -> None:
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        started = time.perf_counter()
        built = build_site(site, f"http://127.0.0.1:{free_port()}/", strict=True)
        if built.returncode != 0:
            sys.exit(built.stdout + built.stderr)
        rows.append(
            (
                "build_s",
                "Bouwtijd site (mkdocs build --strict, cache warm)",
                time.perf_counter() - started,
                "s",
            )
        )
        rows += bench_site.measure(site=None)
        rows += bench_start.measure_built(runs=5)
        lighthouse_rows, complaints = bench_lighthouse.measure_built()
        rows += lighthouse_rows
        rows += bench_calculators.measure(repeat=7, site=site)
    rows += bench_decisions.measure(records=1000, runs=1)
    # Rows of the older scripts have no key: they are printed, not published.
    rows = [row if len(row) == 4 else (None, *row) for row in rows]
    width = max(len(name) for _, name, _, _ in rows)
    print(f"{'meting'.ljust(width)}  {'waarde':>10}  eenheid")
    print("-" * (width + 22))
    for _, name, value, unit in rows:
        print(f"{name.ljust(width)}  {value:10.2f}  {unit}")
    write_results(rows, complaints)


def write_results(rows: list[tuple], complaints: dict[str, list[str]]) -> None:
    """The figures the page "Prestaties" shows (hooks/prestaties.py), with when and where."""
    results = {
        "date": datetime.date.today().isoformat(),
        **bench_start.environment(),
        "figures": {key: round(value, 3) for key, _, value, _ in rows if key},
        "lighthouse_complaints": complaints,
        "rows": [
            {"name": name, "value": round(value, 3), "unit": unit} for _, name, value, unit in rows
        ],
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nResultaten geschreven naar {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
