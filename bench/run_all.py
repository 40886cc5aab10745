"""Runs every benchmark and prints one table (`make bench`). Numbers, not pass/fail."""

from __future__ import annotations

import datetime
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench import (  # noqa: E402
    bench_calculators,
    bench_decisions,
    bench_lighthouse,
    bench_recompute,
    bench_site,
    bench_start,
)
from bench.served import build_or_exit  # noqa: E402
from tests.siteserver import free_port  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"


def main() -> None:
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        started = time.perf_counter()
        build_or_exit(site, f"http://127.0.0.1:{free_port()}/", strict=True)
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
        rows += bench_recompute.measure_rows(runs=5, edits=60, site=site)
    rows += bench_decisions.measure(records=1000, runs=1)
    rows = [normalised(row) for row in rows]
    width = max(len(row[1]) for row in rows)
    print(f"{'meting'.ljust(width)}  {'waarde':>10}  eenheid  (laagste–hoogste)")
    print("-" * (width + 42))
    for _, name, value, unit, low, high in rows:
        spread = f"  ({low:.1f}–{high:.1f})" if low is not None else ""
        print(f"{name.ljust(width)}  {value:10.2f}  {unit}{spread}")
    write_results(rows, complaints)


def normalised(row: tuple) -> tuple:
    """(key, label, value, unit, lowest, highest): the older scripts give no key (printed, not
    published), single figures no spread."""
    if len(row) == 3:
        row = (None, *row)
    return row if len(row) == 6 else (*row, None, None)


def write_results(rows: list[tuple], complaints: dict[str, list[str]]) -> None:
    """The figures the page "Prestaties" shows (hooks/prestaties.py), with when and where."""
    results = {
        "date": datetime.date.today().isoformat(),
        **bench_start.environment(),
        "figures": figures(rows),
        "lighthouse_complaints": complaints,
        "rows": [
            {"name": name, "value": round(value, 3), "unit": unit}
            for _, name, value, unit, *_ in rows
        ],
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nResultaten geschreven naar {RESULTS.relative_to(ROOT)}")


def figures(rows: list[tuple]) -> dict[str, float]:
    """Keyed figures; a timing also gives ``<key>_min`` and ``<key>_max``."""
    found: dict[str, float] = {}
    for key, _, value, _, low, high in rows:
        if not key:
            continue
        found[key] = round(value, 3)
        if low is not None:
            found[f"{key}_min"], found[f"{key}_max"] = round(low, 3), round(high, 3)
    return found


if __name__ == "__main__":
    main()
