"""Macros for the Besluiten section: the register, its lineage and the cross-links that
other sections call (``besluiten_bij_ambitie``, ``besluiten_bij_rekenhulp``).

The data comes from the build hook ``hooks/decisions.py`` (already validated), so a page
can only link to records that exist in this build.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HOOK_FILE = Path(__file__).resolve().parent / "decisions.py"


def _hook():
    # MkDocs registers a hook module under the name used in mkdocs.yml; reuse that
    # instance so the macros see the register the hook loaded for this build.
    for name in ("hooks/decisions.py", "hooks.decisions"):
        if name in sys.modules and hasattr(sys.modules[name], "current"):
            return sys.modules[name]
    spec = importlib.util.spec_from_file_location("hooks.decisions", HOOK_FILE)
    module = importlib.util.module_from_spec(spec)
    # Registered before running: dataclasses look their module up in sys.modules.
    sys.modules["hooks.decisions"] = module
    spec.loader.exec_module(module)
    return module


def define_env(env) -> None:
    def page_src() -> str:
        page = env.page
        return page.file.src_uri if page is not None else "index.md"

    @env.macro
    def besluiten_register() -> str:
        hook = _hook()
        register, site = hook.current()
        src = page_src()
        return (
            "## Filteren\n\n"
            "Kies een selectie. Elke selectie is een eigen pagina met dezelfde tabel.\n\n"
            + hook.filter_menu(register, site, src)
            + "\n\n## Alle besluiten\n\n"
            + hook.register_table(
                register.sorted(), src, f"Alle {len(register.decisions)} besluiten"
            )
        )

    @env.macro
    def besluiten_stamboom() -> str:
        hook = _hook()
        register, _site = hook.current()
        src = page_src()
        svg = hook.lineage_svg(register)
        return hook.lineage_table(register, src) + (
            '\n\n<div class="besluiten-figuur">\n' + svg + "\n</div>\n" if svg else ""
        )

    @env.macro
    def besluiten_aantal(status: str | None = None) -> int:
        register, _site = _hook().current()
        return sum(1 for d in register.decisions.values() if status in (None, d.status))

    @env.macro
    def besluiten_bij_ambitie(nummer: int) -> str:
        hook = _hook()
        register, _site = hook.current()
        found = hook.links_for(register, page_src(), lambda d: int(nummer) in d.ambities)
        if not found:
            return "*Er zijn nog geen besluiten aan deze ambitie gekoppeld.*"
        return f"*{hook.AMBITION_LINK_NOTE}*\n{{: .redactie-koppeling }}\n\n{found}"

    @env.macro
    def besluiten_bij_rekenhulp(naam: str) -> str:
        hook = _hook()
        register, _site = hook.current()
        found = hook.links_for(register, page_src(), lambda d: naam in d.rekenhulpen)
        return found or "*Er zijn nog geen besluiten aan deze rekenhulp gekoppeld.*"
