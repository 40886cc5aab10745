"""The first-start choice of the calculators' worker (the engine's assets/js/rekenhulp-start.mjs),
run under Node over its inputs. The browser side (which way a throttled visit takes) is
tests/browser/test_first_start_browser.py."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULE = (
    ROOT / "engine" / "plugin" / "src" / "regio_engine" / "assets" / "js" / "rekenhulp-start.mjs"
)

RUNNER = """
const m = await import(process.argv[1]);
const cases = JSON.parse(process.argv[2]);
const decode = (x) => (x === "Infinity" ? Infinity : x === "NaN" ? NaN : x);
console.log(JSON.stringify({
  threshold: m.SNAPSHOT_FROM_MBIT,
  probeBytes: m.PROBE_BYTES,
  choices: cases.map(([hint, measured]) => m.chooseFirstStart(hint, decode(measured))),
  speeds: [[1000000, 1000], [262144, 200], [5, 0]].map(([b, ms]) => m.speedMbit(b, ms)),
  hints: [undefined, {}, {connection: {saveData: 1, effectiveType: "3g", downlink: 1.5}}]
    .map((n) => m.linkHint(n)),
}, (_, v) => (v === Infinity ? "Infinity" : v)));
"""


@pytest.fixture(scope="module")
def run():
    node = shutil.which("node")
    if not node:
        pytest.fail("Node.js ontbreekt: installeer Node.js 20 of nieuwer.")

    def call(cases: list) -> dict:
        completed = subprocess.run(
            [node, "--input-type=module", "-e", RUNNER, MODULE.as_uri(), json.dumps(cases)],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(completed.stdout)

    return call


def test_the_connection_hint_can_only_rule_the_snapshot_out(run):
    cases = [
        [{}, None],
        [{"effectiveType": "4g"}, None],
        [{"saveData": True}, None],
        [{"saveData": True}, 500],
        [{"effectiveType": "3g"}, None],
        [{"effectiveType": "2g"}, 500],
        [{"effectiveType": "slow-2g"}, None],
        [{"effectiveType": "4g"}, 5],
    ]
    assert run(cases)["choices"] == [
        "measure",
        "measure",
        "plain",
        "plain",
        "plain",
        "plain",
        "plain",
        "plain",
    ]


def test_the_measured_speed_decides_at_the_break_even(run):
    threshold = run([])["threshold"]
    # The probe measured 7.7–8.7 Mbit/s on a 10 Mbit/s link, where the plain start won, and
    # 28.7–43.5 on a 50 Mbit/s one, where the snapshot won (bench/bench_start.py).
    assert 8.7 < threshold <= 28.7
    below = math.nextafter(threshold, 0)
    cases = [[{}, below], [{}, threshold], [{}, 200], [{}, "Infinity"], [{}, "NaN"], [{}, 0]]
    assert run(cases)["choices"] == [
        "plain",
        "snapshot",
        "snapshot",
        "snapshot",
        "measure",
        "plain",
    ]


def test_speed_and_hint_from_their_raw_inputs(run):
    answer = run([])
    # 1,000,000 bytes in 1 s is 8 Mbit/s; 262,144 bytes in 0.2 s is 10.48576 Mbit/s.
    assert answer["speeds"] == [8, 262144 * 8 / 200 / 1000, "Infinity"]
    assert answer["hints"] == [{}, {}, {"saveData": True, "effectiveType": "3g"}]
    # The probe reads a quarter MB: 0.4 s on the slowest link the benchmark tries (5 Mbit/s).
    assert answer["probeBytes"] == 256 * 1024
