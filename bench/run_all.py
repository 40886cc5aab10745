"""Runs every benchmark and prints one table (`make bench`). Numbers, not pass/fail."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_calculators, bench_decisions, bench_site  # noqa: E402
from tools.siteserver import build_site, free_port  # noqa: E402


def main() -> None:
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        started = time.perf_counter()
        built = build_site(site, f"http://127.0.0.1:{free_port()}/", strict=True)
        if built.returncode != 0:
            sys.exit(built.stdout + built.stderr)
        rows.append(
            (
                "Bouwtijd site (mkdocs build --strict, cache warm)",
                time.perf_counter() - started,
                "s",
            )
        )
        rows += bench_site.measure(site=None)
        rows += bench_calculators.measure(repeat=7, site=site)
    rows += bench_decisions.measure(records=1000, runs=1)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'meting'.ljust(width)}  {'waarde':>10}  eenheid")
    print("-" * (width + 22))
    for name, value, unit in rows:
        print(f"{name.ljust(width)}  {value:10.2f}  {unit}")


if __name__ == "__main__":
    main()
