"""The calculator tests again, inside Pyodide under Node.js, with the site's own Pyodide."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CALCULATOR_TESTS = ROOT / "tests" / "calculators"
RUNNER = ROOT / "tests" / "pyodide" / "run_pytest.mjs"
# Pure-Python wheels pytest and hypothesis need, in the versions pinned in uv.lock (the same
# ones the CPython run uses).
TEST_DEPENDENCIES = [
    "pytest",
    "pluggy",
    "iniconfig",
    "packaging",
    "pygments",
    "hypothesis",
    "sortedcontainers",
]

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="session")
def test_wheels() -> Path:
    folder = ROOT / ".cache" / "pyodide-test-wheels"
    folder.mkdir(parents=True, exist_ok=True)
    pins = {name: version(name) for name in TEST_DEPENDENCIES}
    for wheel in folder.glob("*.whl"):
        name, wheel_version = wheel.name.split("-")[:2]
        if pins.get(name) != wheel_version:
            wheel.unlink()  # left over from an older pin
    missing = [
        f"{name}=={pin}"
        for name, pin in pins.items()
        if not any(folder.glob(f"{name}-{pin}-*.whl"))
    ]
    if missing:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
            + ["--only-binary=:all:", "--platform", "any", "--implementation", "py"]
            + ["--python-version", "3.14", "--dest", str(folder), *missing],
            check=True,
        )
    return folder


def cpython_test_count() -> int:
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        + [str(CALCULATOR_TESTS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    match = re.search(r"(\d+) tests? collected", completed.stdout)
    assert match, completed.stdout + completed.stderr
    return int(match.group(1))


def test_calculator_tests_pass_inside_pyodide(built_site, test_wheels):
    node = shutil.which("node")
    assert node, "Node.js ontbreekt: installeer Node.js 20 of nieuwer."
    completed = subprocess.run(
        [node, str(RUNNER), str(built_site / "pyodide"), str(test_wheels), str(CALCULATOR_TESTS)]
        + ["-q"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "site-packages" in output
    passed = re.search(r"(\d+) passed", output)
    assert passed, output
    # Every test that runs in CPython also ran (and passed) in Pyodide: none skipped away.
    assert int(passed.group(1)) == cpython_test_count(), output
    assert " skipped" not in output, output
