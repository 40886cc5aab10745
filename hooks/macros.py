"""mkdocs-macros entry module for this site's own macros (the engine's come from the pluglet
``regio_engine.macros``).

Each part of the site keeps its macros in its own ``hooks/macros_<part>.py`` with a
``define_env(env)`` function; this module loads them all, so parts can grow independently.
The content they show comes from the plugin ``regio`` through the macros environment
(``env.variables["inhoud"]``), loaded once per build.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HOOKS = Path(__file__).resolve().parent


def _load_parts():
    for path in sorted(HOOKS.glob("macros_*.py")):
        spec = importlib.util.spec_from_file_location(f"site_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def define_env(env) -> None:
    for part in _load_parts():
        part.define_env(env)
