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
AUDIT_PROBE = ROOT / "tests" / "pyodide" / "probe"
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


def run_in_pyodide(site: Path, wheels: Path, tests: Path, *pytest_args: str):
    node = shutil.which("node")
    assert node, "Node.js ontbreekt: installeer Node.js 20 of nieuwer."
    return subprocess.run(
        [node, str(RUNNER), str(site / "pyodide"), str(wheels), str(tests), *pytest_args],
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_calculator_tests_pass_inside_pyodide(built_site, test_wheels):
    completed = run_in_pyodide(built_site, test_wheels, CALCULATOR_TESTS, "-q")
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    # The site's trimmed stdlib was in use (pytest needed modules from the full zip behind
    # it), and no calculators code reached one of those (the runner exits with 6 then).
    served = re.search(r"stdlib audit: (\d+) modules served from the full zip", output)
    assert served and int(served.group(1)) > 0, output
    assert "site-packages" in output
    passed = re.search(r"(\d+) passed", output)
    assert passed, output
    # Every test that runs in CPython also ran (and passed) in Pyodide: none skipped away.
    assert int(passed.group(1)) == cpython_test_count(), output
    assert " skipped" not in output, output


def test_the_stdlib_audit_fails_a_run_where_calculators_code_leaves_the_trimmed_zip(
    built_site, test_wheels
):
    completed = run_in_pyodide(
        built_site, test_wheels, AUDIT_PROBE, "-q", "-o", "python_files=probe_*.py"
    )
    output = completed.stdout + completed.stderr
    assert "1 passed" in output, output
    assert completed.returncode == 6, output
    # The module named, and what it imports in turn, which the browser would also lack.
    assert "calculators import 'email.utils'" in output, output
    assert "calculators import 'urllib.parse'" in output, output
