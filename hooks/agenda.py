"""MkDocs hook for the beleidsagenda: check the data before any page renders, and publish
each year's agenda as a CSV download (``beleidsagenda/<jaar>.csv``).

A broken agenda file stops the build with one Dutch line per problem (file, line,
activity, field), so an editor sees what to fix instead of a traceback.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import agenda as agenda_data  # noqa: E402

# Under the "mkdocs" logger, so `mkdocs serve` shows the warning and --strict counts it.
log = logging.getLogger("mkdocs.hooks.beleidsagenda")


def on_files(files, config):
    from tools import agenda_tables  # pandas: imported only when building

    docs = Path(config["docs_dir"])
    goals = agenda_data.load_goals(docs / "regiovisie" / "doelen.yaml")
    try:
        agendas = agenda_data.load_all(docs / "beleidsagenda", goals)
    except agenda_data.AgendaError as exc:
        raise PluginError(
            "De beleidsagenda bevat fouten:\n" + "\n".join(f"  - {m}" for m in exc.messages)
        ) from None
    superseded = agenda_data.superseded_decisions()
    # Only the newest year is still being worked on; an older year is a record of its time
    # and its page says which decision replaced the one it links.
    if agendas:
        newest = agendas[max(agendas)]
        for warning in agenda_data.stale_decision_links(newest, superseded):
            log.warning("Beleidsagenda: %s", warning)
    for year, agenda in agendas.items():
        if not (docs / "beleidsagenda" / f"{year}.md").exists():
            raise PluginError(
                f"Bij docs/beleidsagenda/{year}.yaml hoort een pagina docs/beleidsagenda/"
                f"{year}.md; maak die met python tools/new_agenda_year.py of kopieer een "
                "bestaand jaar."
            )
        content = agenda_tables.csv_text(agenda_tables.frame(agenda, goals))
        files.append(
            File.generated(config, f"beleidsagenda/{year}.csv", content=content.encode("utf-8"))
        )
    return files
