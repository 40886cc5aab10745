"""Benchmark (prints numbers; not a test): the calculators at national scale and at the maximum.

342 municipalities (the number of Dutch municipalities in 2022) with five criteria, a key,
a comparison key, CSV import of all rows and CSV export, through the same JSON entry point
the browser worker calls; and a compute of each of the four calculators at the largest table
they accept (``MAX_MUNICIPALITIES``, 2.000 rows): the JSON answer (``handle``), the same in
pure ASCII (``ascii_only=True``) and with the result's HTML as the page asks for it
(``handle_page``). Runs in CPython and, with --pyodide, also inside Pyodide (Node.js) with the
built site's Pyodide files, timed as the worker sees it: the call, the answer handed to
JavaScript and JSON.parse. Prints the median of the runs and their spread (fastest and
slowest run).

Usage: python bench/bench_calculators.py [--repeat N] [--pyodide SITE_DIR] [--only TEXT]
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
from calculators.core.table import MAX_MUNICIPALITIES  # noqa: E402

MUNICIPALITIES = 342


def _name(index: int, rows: int) -> str:
    return f"Gemeente {index + 1:0{len(str(rows))}d}"


def _default(calculator: str) -> dict:
    request = {"calculator": calculator, "action": "default"}
    return json.loads(handle(json.dumps(request)))["scenario"]


def national_scenario(seed: int = 2022, rows: int = MUNICIPALITIES) -> dict:
    """Verdeelsleutel: five criteria, the default key and comparison key, a deficit."""
    rng = random.Random(seed)
    scenario = _default("verdeelsleutel")
    table = []
    for index in range(rows):
        inhabitants = rng.randint(1_000, 900_000)
        table.append(
            {
                "name": _name(index, rows),
                "values": {
                    "inwoners": str(inhabitants),
                    "inwoners_18plus": str(inhabitants * 4 // 5),
                    "gebruik": str(rng.randint(0, 2_000)),
                    "inleg": str(rng.randint(10_000, 50_000_000)),
                    "zeggenschap": "1",
                },
            }
        )
    scenario["municipalities"] = table
    scenario["amount"] = "-123456789,01"
    return scenario


def csv_text(scenario: dict) -> str:
    lines = ["Gemeente;Inwoners;Gebruik beschermd wonen (cliënten)"]
    lines += [
        f"{m['name']};{m['values']['inwoners']};{m['values']['gebruik']}"
        for m in scenario["municipalities"]
    ]
    return "\n".join(lines) + "\n"


def national_spreading(seed: int = 2022, rows: int = MUNICIPALITIES) -> dict:
    """Some 25.000 places (per 342 municipalities) concentrated in the largest ones, a minimum
    (buildings that cannot move yet) in every tenth and a maximum in every seventh, a mixed
    basis and a 10-year path."""
    rng = random.Random(seed)
    table = []
    for index in range(rows):
        inhabitants = rng.randint(1_000, 900_000)
        places = inhabitants // 6_000 if inhabitants > 300_000 else rng.randint(0, 5)
        values = {
            "inwoners": str(inhabitants),
            "clienten": str(inhabitants // 1_000 + rng.randint(0, 50)),
            "plaatsen": str(places),
            "minimum": str(places // 2) if index % 10 == 0 else "",
            "maximum": str(places + 20) if index % 7 == 0 else "",
        }
        table.append({"name": _name(index, rows), "values": values})
    scenario = _default("spreiding")
    scenario.update(municipalities=table, years="10", method="sainte-lague")
    scenario["key"] = {"label": "Mix", "weights": {"inwoners": "60", "clienten": "40"}}
    return scenario


def national_phase_in(seed: int = 2022, rows: int = MUNICIPALITIES) -> dict:
    """One in eight municipalities a centrumgemeente that holds the whole historical budget,
    an objective amount per municipality, 10 years with the € 15 cap (binding for several)."""
    rng = random.Random(seed)
    table = []
    for index in range(rows):
        inhabitants = rng.randint(1_000, 900_000)
        historical = inhabitants * rng.randint(150, 400) if index % 8 == 0 else 0
        values = {
            "inwoners": str(inhabitants),
            "historisch": str(historical),
            "objectief": f"{inhabitants * rng.randint(60, 140)},{rng.randint(0, 99):02d}",
        }
        table.append({"name": _name(index, rows), "values": values})
    scenario = _default("ingroeipad")
    scenario.update(municipalities=table, cap={"per_inhabitant": "15"})
    return scenario


def national_pool(seed: int = 2022, rows: int = MUNICIPALITIES) -> dict:
    """Solidariteit: an inleg per municipality, own client costs, the default costs scaled
    to the table (a surplus) and the default key on three criteria."""
    rng = random.Random(seed)
    table = []
    for index in range(rows):
        inhabitants = rng.randint(1_000, 900_000)
        clients = inhabitants // 1_000 + rng.randint(0, 20)
        values = {
            "inwoners": str(inhabitants),
            "inwoners_18plus": str(inhabitants * 4 // 5),
            "gebruik": str(clients),
            "inleg": f"{inhabitants * rng.randint(60, 90)},{rng.randint(0, 99):02d}",
            "zeggenschap": "1",
            "eigen_kosten": str(clients * 60_000),
        }
        table.append({"name": _name(index, rows), "values": values})
    scenario = _default("solidariteit")
    scenario["municipalities"] = table
    scenario["costs"] = {
        "zorgkosten": str(rows * 25_000_000),
        "relatiemanagement": str(rows * 300_000),
        "inkoop": str(rows * 200_000),
        "monitoring": "1250000,50",
        "kwaliteitsbewaking": "",
        "transferpunt": str(rows * 75_000),
    }
    return scenario


#: How a benchmark calls Python: ``handle`` (the JSON entry point, as the CLI and the tests),
#: ``handle`` with ``ascii_only=True`` (the same JSON in pure ASCII, which Pyodide hands to
#: JavaScript much faster), or ``handle_page`` (what the browser worker calls: with the HTML).
MODES = ("json", "ascii", "page")
LARGEST = {
    "verdeelsleutel ({rows}, 5 criteria, 2 sleutels)": ("verdeelsleutel", national_scenario),
    "spreiding ({rows}, min/max, 10 jaar)": ("spreiding", national_spreading),
    "ingroeipad ({rows}, grens € 15, 10 jaar)": ("ingroeipad", national_phase_in),
    "solidariteit ({rows}, 3 criteria)": ("solidariteit", national_pool),
}
_SUFFIX = {"json": "", "ascii": " ASCII-JSON", "page": " + HTML"}


def requests() -> dict[str, tuple[str, str]]:
    """Benchmark name -> (request JSON, mode)."""
    scenario = national_scenario()
    base = {"calculator": "verdeelsleutel", "scenario": scenario}
    spreading = {"calculator": "spreiding", "scenario": national_spreading()}
    phase_in = {"calculator": "ingroeipad", "scenario": national_phase_in(), "action": "compute"}
    national = {
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
    chosen = {name: (request, "json") for name, request in national.items()}
    for label, (calculator, build) in LARGEST.items():
        request = {
            "calculator": calculator,
            "action": "compute",
            "scenario": build(rows=MAX_MUNICIPALITIES),
        }
        text = json.dumps(request)
        for mode in MODES:
            chosen[label.format(rows=MAX_MUNICIPALITIES) + _SUFFIX[mode]] = (text, mode)
    return chosen


def _summary(samples: list[float]) -> dict[str, float]:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples)}


def time_cpython(repeat: int, only: str = "") -> dict[str, dict[str, float]]:
    from calculators.render.page import handle_page

    runs = {
        "json": handle,
        "ascii": lambda request: handle(request, ascii_only=True),
        "page": handle_page,
    }
    timings = {}
    for name, (request, mode) in requests().items():
        if only not in name:
            continue
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = json.loads(runs[mode](request))
            samples.append((time.perf_counter() - started) * 1000)
            assert response["ok"], response
        timings[name] = _summary(samples)
    return timings


# Times what the worker does: the call into Python, the answer back to JavaScript, JSON.parse.
NODE_RUNNER = """
import { readFileSync } from "node:fs";
const [indexURL, requestsFile, repeat] = process.argv.slice(2);
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });
await pyodide.loadPackage("calculators", { messageCallback() {} });
const handle = pyodide.pyimport("calculators.core.entry").handle;
const handlePage = pyodide.pyimport("calculators.render.page").handle_page;
const runs = {
  json: (request) => handle(request),
  ascii: (request) => handle.callKwargs(request, { ascii_only: true }),
  page: (request) => handlePage(request),
};
const requests = JSON.parse(readFileSync(requestsFile, "utf8"));
const result = {};
for (const [name, [request, mode]] of Object.entries(requests)) {
  const run = runs[mode];
  const samples = [];
  for (let i = 0; i < Number(repeat); i++) {
    const started = performance.now();
    const response = JSON.parse(run(request));
    samples.push(performance.now() - started);
    if (!response.ok) throw new Error(JSON.stringify(response.errors));
  }
  samples.sort((a, b) => a - b);
  const middle = samples.length / 2;
  const median = samples.length % 2
    ? samples[Math.floor(middle)]
    : (samples[middle - 1] + samples[middle]) / 2;
  result[name] = { median, min: samples[0], max: samples[samples.length - 1] };
}
console.log(JSON.stringify(result));
"""


def time_pyodide(site: Path, repeat: int, only: str = "") -> dict[str, dict[str, float]]:
    node = shutil.which("node")
    if not node:
        sys.exit("Node.js ontbreekt: installeer Node.js 20 of nieuwer.")
    chosen = {name: r for name, r in requests().items() if only in name}
    with tempfile.TemporaryDirectory() as tmp:
        runner = Path(tmp) / "runner.mjs"
        runner.write_text(NODE_RUNNER)
        payload = Path(tmp) / "requests.json"
        payload.write_text(json.dumps(chosen))
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


def _timings(repeat: int, site: Path | None, only: str = "") -> list[tuple[str, dict[str, float]]]:
    rows = [(f"CPython: {name}", t) for name, t in time_cpython(repeat, only).items()]
    if site:
        rows += [(f"Pyodide: {name}", t) for name, t in time_pyodide(site, repeat, only).items()]
    return rows


def measure(repeat: int, site: Path | None) -> list[tuple[str, float, str]]:
    """Median per benchmark, in milliseconds (the rows of ``bench/run_all.py``)."""
    return [(name, t["median"], "ms") for name, t in _timings(repeat, site)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per benchmark (at least 5)")
    parser.add_argument("--pyodide", type=Path, help="built site folder (with pyodide/)")
    parser.add_argument("--only", default="", help="only the benchmarks whose name has this")
    args = parser.parse_args()
    if args.repeat < 5:
        parser.error("--repeat: at least 5 runs, for a median and a spread")
    print(f"{'benchmark':70s} {'median':>9s} {'min':>9s} {'max':>9s}  (ms, {args.repeat} runs)")
    for name, t in _timings(args.repeat, args.pyodide, args.only):
        print(f"{name:70s} {t['median']:9.1f} {t['min']:9.1f} {t['max']:9.1f}")


if __name__ == "__main__":
    main()
