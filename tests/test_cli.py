"""The command line ``python -m calculators`` (CPython only: it starts subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def test_default_then_compute(tmp_path):
    default = run("verdeelsleutel", "--default")
    assert default.returncode == 0, default.stderr
    scenario = json.loads(default.stdout)
    assert scenario["title"] == "Voorbeeldcijfers (geen echte cijfers)"
    path = tmp_path / "scenario.json"
    path.write_text(default.stdout, encoding="utf-8")
    computed = run("verdeelsleutel", str(path))
    assert computed.returncode == 0, computed.stderr
    assert computed.stdout.startswith("{\n  ")  # indent 2
    response = json.loads(computed.stdout)
    assert response["ok"] is True
    assert sum(r["cents"] for r in response["result"]["key"]["rows"]) == -100_000_000
    assert "€" in computed.stdout  # ensure_ascii off


def test_stdin_and_csv():
    scenario = run("verdeelsleutel", "--default").stdout
    computed = run("verdeelsleutel", "-", stdin=scenario)
    assert computed.returncode == 0, computed.stderr
    assert json.loads(computed.stdout)["scenario"]["amount"] == "-1000000"
    as_csv = run("verdeelsleutel", "-", "--csv", stdin=scenario)
    assert as_csv.returncode == 0, as_csv.stderr
    lines = as_csv.stdout.splitlines()
    assert lines[0].startswith("Gemeente;Inwoners;")
    assert lines[-1].startswith("Totaal;280000;")
    international = run(
        "verdeelsleutel", "-", "--csv", "--convention", "international", stdin=scenario
    )
    assert international.stdout.splitlines()[0].startswith("Gemeente,Inwoners,")


def test_problems_go_to_stderr_with_exit_code_1(tmp_path):
    scenario = json.loads(run("verdeelsleutel", "--default").stdout)
    scenario["municipalities"][5]["values"]["inwoners"] = "abc"
    scenario["key"]["weights"]["gebruik"] = "65"
    path = tmp_path / "fout.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    completed = run("verdeelsleutel", str(path))
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        "key.weights: De gewichten van de sleutel ‘Kandidaat-sleutel 2019’ tellen op tot 90 %; "
        "dat moet precies 100 % zijn.",
        "municipalities[5].values.inwoners: Vul bij ‘Inwoners’ van Venlo een getal in; ‘abc’ is "
        "geen getal.",
    ]
    assert "Traceback" not in completed.stderr


def test_invalid_json_file(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text("{amount: 5", encoding="utf-8")
    completed = run("verdeelsleutel", str(path))
    assert completed.returncode == 1
    assert completed.stderr.strip() == "De invoer is geen geldige JSON (regel 1, teken 2)."


def test_usage_errors_exit_2():
    for args in (
        [],
        ["rekenmachine", "x.json"],
        ["verdeelsleutel"],
        ["verdeelsleutel", "--bestaat-niet"],
        ["verdeelsleutel", "a.json", "b.json"],
        ["verdeelsleutel", "--default", "--csv"],
        ["verdeelsleutel", "-", "--convention", "nl"],
        ["verdeelsleutel", "-", "--csv", "--convention", "tab"],
        ["verdeelsleutel", "bestaat-niet.json"],
    ):
        completed = run(*args, stdin="")
        assert completed.returncode == 2, (args, completed.stdout, completed.stderr)
        assert "Gebruik:" in completed.stderr and completed.stdout == ""
        assert "Traceback" not in completed.stderr


def test_help():
    completed = run("--help")
    assert completed.returncode == 0
    assert "verdeelsleutel" in completed.stdout
