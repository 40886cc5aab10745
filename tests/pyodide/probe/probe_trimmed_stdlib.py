"""Not a calculator test: proves that the stdlib audit fails a run (see test_pyodide.py).

Its name does not start with ``test_``, so only an explicit path collects it."""

import sys
import sysconfig
import zipfile
from pathlib import Path

OUTSIDE = "email.utils"


def test_calculators_code_reaching_outside_the_trimmed_zip():
    trimmed = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
    assert "email/utils.py" not in zipfile.ZipFile(trimmed).namelist()
    # Code that claims to be a calculators module: the audit must report its import.
    pretend = Path(sysconfig.get_paths()["purelib"]) / "calculators" / "probe.py"
    exec(compile(f"import {OUTSIDE}\n", str(pretend), "exec"), {})
