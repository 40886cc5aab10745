"""Every build checks what it published (``sitecontent._output_checks``).

The feed must parse as Atom, every JSON file of ours must validate against its schema, no
CSV cell may run as an Excel formula, and no page may carry a ``<meta http-equiv>`` (other
than the CSP that csp.py put first) or a ``<base>``: a Content-Security-Policy cannot stop
those, so they are proof that editor text reached the page as markup. A problem stops
``mkdocs build``; under ``mkdocs serve`` (no CSP, and the site must keep loading) the lines
are only logged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitecontent import site_problems

log = logging.getLogger("mkdocs.plugins.regio.output_checks")


def check(site_dir: Path, serving: bool) -> None:
    problems = site_problems(site_dir)
    if not problems:
        return
    if serving:
        for problem in problems:
            log.info("Controle van de gebouwde site: %s", problem)
        return
    raise PluginError(
        "De gebouwde site is niet in orde; de build stopt:\n"
        + "\n".join(f"- {problem}" for problem in problems)
    )
