"""Run the browser tests several times in a row with a CPU hog on every core beside them.

The browser tests wait for states the page declares (the result reflects the latest input),
never for a fixed time; this shows they still pass when the machine is busy, as CI may be.

Usage: .venv/bin/python tools/browser_under_load.py [--runs 3] [-- extra pytest arguments]
Prints one line per run (passed or failed, with the time) and exits 1 if any run failed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _busy() -> None:
    while True:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    hogs = [multiprocessing.Process(target=_busy, daemon=True) for _ in range(os.cpu_count() or 1)]
    for hog in hogs:
        hog.start()
    failed = 0
    try:
        for run in range(1, args.runs + 1):
            started = time.monotonic()
            command = [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-m",
                "browser",
            ]
            completed = subprocess.run([*command, *args.pytest_args], cwd=ROOT, check=False)
            verdict = "passed" if completed.returncode == 0 else f"FAILED ({completed.returncode})"
            failed += completed.returncode != 0
            print(
                f"run {run}/{args.runs} with {len(hogs)} busy cores: {verdict} "
                f"in {time.monotonic() - started:.0f} s",
                flush=True,
            )
    finally:
        for hog in hogs:
            hog.terminate()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
