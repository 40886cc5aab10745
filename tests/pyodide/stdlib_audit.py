"""Run inside Pyodide by run_pytest.mjs before anything else: the trimmed stdlib, audited.

The site publishes a python_stdlib.zip with only what the calculators need. pytest and
hypothesis need much more, so the full zip is put behind it: a finder at the end of
``sys.meta_path`` serves what the trimmed one lacks. Every import statement is then
checked: when the innermost frame outside the standard library belongs to the calculators
package and the module came from the full zip, the browser would have failed there.
``stdlib_audit_report()`` lists those imports; the runner fails the run on any.
"""

from __future__ import annotations

import builtins
import importlib
import sys
import zipimport
from types import FrameType, ModuleType

FULL_STDLIB = "/lib/stdlib-full.zip"
TRIMMED_STDLIB = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
CALCULATORS = "/site-packages/calculators/"
# Frames that are the import machinery, the standard library or this audit itself.
NOT_A_CALLER = (TRIMMED_STDLIB, FULL_STDLIB, "<frozen ", __file__)

missing_in_browser: dict[str, str] = {}
served_from_full: set[str] = set()


class FullStdlibFallback:
    """Finds in the full zip what the site's trimmed zip does not have."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None):
        package = name.rpartition(".")[0]
        folder = f"{FULL_STDLIB}/{package.replace('.', '/')}/" if package else FULL_STDLIB
        try:
            spec = zipimport.zipimporter(folder).find_spec(name)
        except zipimport.ZipImportError:
            return None
        if spec is not None:
            served_from_full.add(name)
        return spec


def _calling_file(frame: FrameType | None) -> str:
    while frame is not None:
        filename = frame.f_code.co_filename
        if not filename.startswith(NOT_A_CALLER):
            return filename
        frame = frame.f_back
    return ""


def _from_full(module: ModuleType | None) -> bool:
    origin = getattr(module, "__file__", None)
    return isinstance(origin, str) and origin.startswith(FULL_STDLIB)


def _check(names: list[str]) -> None:
    offending = [name for name in names if _from_full(sys.modules.get(name))]
    if not offending:
        return
    caller = _calling_file(sys._getframe(1))
    if CALCULATORS in caller:
        for name in offending:
            missing_in_browser.setdefault(name, caller)


_original_import = builtins.__import__
_original_import_module = importlib.import_module


def _audited_import(name, globals=None, locals=None, fromlist=(), level=0):
    module = _original_import(name, globals, locals, fromlist, level)
    if level == 0:
        parts = name.split(".")
        names = [".".join(parts[: index + 1]) for index in range(len(parts))]
        names += [f"{name}.{item}" for item in fromlist or () if item != "*"]
        _check(names)
    return module


def _audited_import_module(name: str, package: str | None = None) -> ModuleType:
    module = _original_import_module(name, package)
    _check([module.__name__])
    return module


def install() -> None:
    sys.meta_path.append(FullStdlibFallback)
    builtins.__import__ = _audited_import
    importlib.import_module = _audited_import_module


def stdlib_audit_report() -> str:
    lines = [f"stdlib audit: {len(served_from_full)} modules served from the full zip"]
    lines += [
        f"stdlib audit: calculators import {name!r} (from {caller}), not in the site's zip"
        for name, caller in sorted(missing_in_browser.items())
    ]
    return "\n".join(lines)
