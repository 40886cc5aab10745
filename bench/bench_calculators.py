"""Benchmark (prints numbers; not a test): the calculators at national scale.

342 municipalities (the number of Dutch municipalities in 2022) with five criteria, a key,
a comparison key, CSV import of all rows and CSV export, through the same JSON entry point
the browser worker calls. Runs in CPython and, with --pyodide, also inside Pyodide (Node.js)
with the built site's Pyodide files.

Usage: python bench/bench_calculators.py [--repeat N] [--pyodide SITE_DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from calculators.core.entry import handle  # noqa: E402

MUNICIPALITIES = 342


def national_scenario(seed: int = 2022) -> dict:
    rng = random.Random(seed)
    scenario = json.loads(
        handle(json.dumps({"calculator": "verdeelsleutel", "action": "default"}))
    )["scenario"]
    rows = []
    for index in range(MUNICIPALITIES):
        inhabitants = rng.randint(1_000, 900_000)
        rows.append(
            {
                "name": f"Gemeente {index + 1:03d}",
                "values": {
                    "inwoners": str(inhabitants),
                    "inwoners_18plus": str(inhabitants * 4 // 5),
                    "gebruik": str(rng.randint(0, 2_000)),
                    "inleg": str(rng.randint(10_000, 50_000_000)),
                    "zeggenschap": "1",
                },
            }
        )
    scenario["municipalities"] = rows
    scenario["amount"] = "-123456789,01"
    return scenario


def csv_text(scenario: dict) -> str:
    lines = ["Gemeente;Inwoners;Gebruik beschermd wonen (cliënten)"]
    lines += [
        f"{m['name']};{m['values']['inwoners']};{m['values']['gebruik']}"
        for m in scenario["municipalities"]
    ]
    return "\n".join(lines) + "\n"


def national_spreading(seed: int = 2022) -> dict:
    """342 municipalities, some 25.000 places concentrated in the largest ones, a minimum
    (buildings that cannot move yet) in every tenth and a maximum in every seventh, a mixed
    basis and a 10-year path."""
    rng = random.Random(seed)
    rows = []
    for index in range(MUNICIPALITIES):
        inhabitants = rng.randint(1_000, 900_000)
        places = inhabitants // 6_000 if inhabitants > 300_000 else rng.randint(0, 5)
        values = {
            "inwoners": str(inhabitants),
            "clienten": str(inhabitants // 1_000 + rng.randint(0, 50)),
            "plaatsen": str(places),
            "minimum": str(places // 2) if index % 10 == 0 else "",
            "maximum": str(places + 20) if index % 7 == 0 else "",
        }
        rows.append({"name": f"Gemeente {index + 1:03d}", "values": values})
    scenario = json.loads(handle(json.dumps({"calculator": "spreiding", "action": "default"})))[
        "scenario"
    ]
    scenario.update(municipalities=rows, years="10", method="sainte-lague")
    scenario["key"] = {"label": "Mix", "weights": {"inwoners": "60", "clienten": "40"}}
    return scenario


def national_phase_in(seed: int = 2022) -> dict:
    """342 municipalities, 43 of them centrumgemeenten that hold the whole historical budget,
    an objective amount per municipality, 10 years with the € 15 cap (binding for several)."""
    rng = random.Random(seed)
    rows = []
    for index in range(MUNICIPALITIES):
        inhabitants = rng.randint(1_000, 900_000)
        historical = inhabitants * rng.randint(150, 400) if index % 8 == 0 else 0
        values = {
            "inwoners": str(inhabitants),
            "historisch": str(historical),
            "objectief": f"{inhabitants * rng.randint(60, 140)},{rng.randint(0, 99):02d}",
        }
        rows.append({"name": f"Gemeente {index + 1:03d}", "values": values})
    scenario = json.loads(handle(json.dumps({"calculator": "ingroeipad", "action": "default"})))[
        "scenario"
    ]
    scenario.update(municipalities=rows, cap={"per_inhabitant": "15"})
    return scenario


def requests(scenario: dict) -> dict[str, str]:
    base = {"calculator": "verdeelsleutel", "scenario": scenario}
    spreading = {"calculator": "spreiding", "scenario": national_spreading()}
    phase_in = {"calculator": "ingroeipad", "scenario": national_phase_in(), "action": "compute"}
    return {
        "ingroeipad (342 gemeenten, grens € 15, 10 jaar)": json.dumps(phase_in),
        "spreiding (342 gemeenten, min/max, 10 jaar)": json.dumps(
            {**spreading, "action": "compute"}
        ),
        "compute (342 gemeenten, 2 sleutels)": json.dumps({**base, "action": "compute"}),
        "import CSV (342 rijen)": json.dumps(
            {**base, "action": "import_csv", "text": csv_text(scenario), "mode": "update"}
        ),
        "export CSV": json.dumps({**base, "action": "export_csv", "convention": "nl"}),
    }


def time_cpython(repeat: int) -> dict[str, float]:
    timings = {}
    for name, request in requests(national_scenario()).items():
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = json.loads(handle(request))
            samples.append((time.perf_counter() - started) * 1000)
            assert response["ok"], response
        timings[name] = statistics.median(samples)
    return timings


NODE_RUNNER = """
import { readFileSync } from "node:fs";
const [indexURL, requestsFile, repeat] = process.argv.slice(2);
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });
await pyodide.loadPackage("calculators", { messageCallback() {} });
const handle = pyodide.pyimport("calculators.core.entry").handle;
const requests = JSON.parse(readFileSync(requestsFile, "utf8"));
const result = {};
for (const [name, request] of Object.entries(requests)) {
  const samples = [];
  for (let i = 0; i < Number(repeat); i++) {
    const started = performance.now();
    const response = JSON.parse(handle(request));
    samples.push(performance.now() - started);
    if (!response.ok) throw new Error(JSON.stringify(response.errors));
  }
  samples.sort((a, b) => a - b);
  result[name] = samples[Math.floor(samples.length / 2)];
}
console.log(JSON.stringify(result));
"""


def time_pyodide(site: Path, repeat: int) -> dict[str, float]:
    node = shutil.which("node")
    if not node:
        sys.exit("Node.js ontbreekt: installeer Node.js 20 of nieuwer.")
    with tempfile.TemporaryDirectory() as tmp:
        runner = Path(tmp) / "runner.mjs"
        runner.write_text(NODE_RUNNER)
        payload = Path(tmp) / "requests.json"
        payload.write_text(json.dumps(requests(national_scenario())))
        index = str((site / "pyodide").resolve()) + "/"
        completed = subprocess.run(
            [node, str(runner), index, str(payload), str(repeat)],
            capture_output=True,
            text=True,
            check=False,
        )
    if completed.returncode != 0:
        sys.exit(completed.stderr[-2000:])
    return json.loads(completed.stdout.strip().splitlines()[-1])


def measure(repeat: int, site: Path | None) -> list[tuple[str, float, str]]:
    rows = [(f"CPython: {name}", ms, "ms") for name, ms in time_cpython(repeat).items()]
    if site:
        rows += [(f"Pyodide: {name}", ms, "ms") for name, ms in time_pyodide(site, repeat).items()]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pyodide", type=Path, help="built site folder (with pyodide/)")
    args = parser.parse_args()
    for name, value, unit in measure(args.repeat, args.pyodide):
        print(f"{name:55s} {value:10.1f} {unit}")


if __name__ == "__main__":
    main()
