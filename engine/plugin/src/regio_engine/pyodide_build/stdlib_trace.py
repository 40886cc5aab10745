"""Run inside Pyodide by trace_stdlib.mjs: load what the worker can ask for, list its files.

Three kinds of import are covered: what Pyodide and the worker's boot load (already in
memory when this runs), every standard-library module the calculators name anywhere in
their source (also imports inside functions, on paths the defaults do not take), and what
the modules those import load lazily on the page's own calls (every calculator's default,
a recompute as the worker asks it, and requests with errors). The Pyodide test suite checks
the result: it fails when calculators code reaches a module the trimmed zip lacks.
"""

from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path

STDLIB_ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip/"


def _named_imports(package: Path) -> set[str]:
    names: set[str] = set()
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    # Only the standard library's: PyYAML, named where the command line reads a region file,
    # is never imported in the browser (the region file is in the wheel as JSON).
    return {
        name
        for name in names
        if name.split(".")[0] in sys.stdlib_module_names and name.split(".")[0] != "__future__"
    }


def _exercise_page() -> None:
    import calculators
    from calculators.core.calculator import calculator_names
    from calculators.render import page

    for name in sorted(_named_imports(Path(calculators.__file__).parent)):
        importlib.import_module(name)
    # The snapshot step installs the wheel with these (the browser restores them from memory).
    import sysconfig
    import zipfile  # noqa: F401

    sysconfig.get_paths()  # imports the platform's _sysconfigdata module on first call
    page.preload_all()
    page.remember_first_answers()  # the snapshot step's own calls
    for name in calculator_names():
        response = page.default_result(name)
        request = {"calculator": name, "action": "compute", "scenario": response["scenario"]}
        page.handle_page(json.dumps(request), None, True)
        broken = {"calculator": name, "action": "compute", "scenario": {"jaar": "x"}}
        page.handle_page(json.dumps(broken), "onbekend", True)
    page.handle_page("{niet json", None, True)
    page.handle_page(json.dumps({"calculator": "bestaat-niet", "action": "default"}), None, True)


def stdlib_files_json() -> str:
    _exercise_page()
    paths = [getattr(module, "__file__", None) for module in list(sys.modules.values())]
    files = {
        path[len(STDLIB_ZIP) :]
        for path in paths
        if isinstance(path, str) and path.startswith(STDLIB_ZIP)
    }
    return json.dumps(sorted(files))
