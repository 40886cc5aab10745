"""Benchmark (prints numbers; not a test): site build time with many decision records.

Builds the site with the real records, then with the real records plus N synthetic ones in a
temporary folder (never committed), pointed at through the ``BESLUITEN_MAP`` variable.
Also times the validator alone on the synthetic folder.

Usage: python bench/bench_decisions.py [--records 1000] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import sitecontent  # noqa: E402

STATUSES = list(sitecontent.STATUSES)


def write_synthetic(folder: Path, count: int) -> None:
    """Pairs: the first of each pair is superseded by the second (both sides linked)."""
    for index in range(count):
        pair, second = divmod(index, 2)
        year = 2000 + pair // 400
        number = (pair % 400) * 2 + 1 + second
        did = f"sy-{year}-{number:03d}"
        partner = f"sy-{year}-{number - 1 if second else number + 1:03d}"
        meta = [
            f"id: {did}",
            f"nummer: {number}",
            f'titel: "Synthetisch besluit {index + 1}"',
            "datum: '2021-06'",
            "besluitvormers: [testgemeenten]",
            f"regio: Regio {index % 3}",
            "bron: {document: Testdocument, hoofdstuk: '1'}",
            f"ambities: [{index % 7 + 1}]",
        ]
        if second:
            meta += ["status: vastgesteld", f"voorgangers: [{partner}]"]
        elif index + 1 < count:
            meta += ["status: vervangen", f"opvolgers: [{partner}]", "opvolging: volledig"]
        else:
            meta += ["status: voorgesteld"]
        body = "## Besluit\n\nTekst.\n\n## Context\n\nUitleg.\n\n## Gevolgen\n\nGevolg.\n"
        text = "---\n" + "\n".join(meta) + "\n---\n\n" + body
        (folder / f"{did}.md").write_text(text, encoding="utf-8")


def build(folder: Path | None, site_dir: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if folder is not None:
        env[sitecontent.DECISIONS_ENV] = str(folder)
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit("build failed:\n" + completed.stdout[-3000:] + completed.stderr[-3000:])
    return elapsed


def measure(records: int = 1000, runs: int = 1) -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "decisions"
        # The real records stay in: other pages link to them and the build must stay strict.
        shutil.copytree(sitecontent.decisions_folder(), folder)
        write_synthetic(folder, records)
        start = time.perf_counter()
        register = sitecontent.load_register(folder)
        validate = time.perf_counter() - start
        real = [build(None, tmp / "site-real") for _ in range(runs)]
        synthetic = [build(folder, tmp / "site-synthetic") for _ in range(runs)]
    count = len(sitecontent.record_files(sitecontent.decisions_folder()))
    return [
        (f"Besluiten valideren ({len(register.decisions)} records)", validate * 1000, "ms"),
        (f"Bouwtijd met de {count} echte besluiten", statistics.median(real), "s"),
        (f"Bouwtijd met {records} extra synthetische besluiten", statistics.median(synthetic), "s"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    for name, value, unit in measure(args.records, args.runs):
        print(f"{name:55s} {value:10.1f} {unit}")


if __name__ == "__main__":
    main()
