"""The site's content model: the regiovisie goals, the decision records and the
beleidsagenda, with one loader per data file and one error type.

Build-time only and free of MkDocs: the hooks in ``hooks/`` adapt MkDocs events to it, the
editor commands in ``tools/`` wrap it, and the tests call it directly. Generated pages come
from the Jinja templates in ``templates/``. One concept per private module; the public API
is re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._agenda import (
    OPEN_STATUSES,
    PLANNING_RE,
    TBD,
    Activity,
    Agenda,
    agenda_files,
    load_agenda,
    stale_decision_links,
    validate_agenda,
)
from ._agenda import (
    STATUSES as AGENDA_STATUSES,
)
from ._agenda import (
    load_all as load_agendas,
)
from ._changes import Change, History, read_history
from ._cli import DutchArgumentParser, existing_file, run, say, year_argument
from ._dates import format_date
from ._decision_pages import DecisionPages, FilterView, filter_src, record_src
from ._decisions import (
    PLACEHOLDER,
    SCHEMA,
    STATUSES,
    Decision,
    Register,
    load_register,
    record_files,
)
from ._errors import ContentError
from ._feed import FeedEntry, atom_feed, stable_id
from ._files import write_together
from ._gitdates import add_git_dates, git_dates
from ._goals import SCALES, Ambition, Goal, Goals, Pillar, load_goals, load_goals_if_present
from ._history_pages import (
    DECISIONS_JSON,
    DECISIONS_SCHEMA,
    FEED,
    FEED_TITLE,
    HistoryPages,
    agenda_json_src,
    page_url,
    stand_src,
)
from ._ids import DECISION_ID, is_decision_id
from ._in_force import (
    Period,
    in_force_from,
    in_force_on,
    period_of,
    periods,
    state_text,
    unclear_on,
    year_starts,
)
from ._lineage import lineage_columns, lineage_figure, lineage_pairs, lineage_steps
from ._markdown import md_text, rel
from ._new_decision import create_record, new_record, next_id, own_region
from ._new_year import plan_next_year, start_next_year
from ._open_data import SCHEMA as DECISIONS_SCHEMA_FILE
from ._open_data import agenda_json, decisions_json
from ._output_checks import site_problems
from ._paths import DECISIONS_ENV, Paths, decisions_folder, find_root, shown
from ._site import SiteContent, load_site
from ._templates import TEMPLATES
from ._yaml import load_yaml

if TYPE_CHECKING:
    # The lazy names below, so a type checker knows what they are.
    from ._agenda_pages import AgendaPages, agenda_table
    from ._agenda_tables import (
        changes,
        csv_text,
        frame,
        grand_total,
        status_budgets,
        status_counts,
        totals,
    )

# pandas takes a while to import: the agenda tables and pages load on first use, so the
# editor commands and most tests stay quick.
_LAZY = {
    "AgendaPages": "._agenda_pages",
    "agenda_table": "._agenda_pages",
    "frame": "._agenda_tables",
    "totals": "._agenda_tables",
    "grand_total": "._agenda_tables",
    "status_counts": "._agenda_tables",
    "status_budgets": "._agenda_tables",
    "changes": "._agenda_tables",
    "csv_text": "._agenda_tables",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DutchArgumentParser",
    "new_record",
    "plan_next_year",
    "run",
    "say",
    "site_problems",
    "write_together",
    "year_argument",
    "existing_file",
    "AGENDA_STATUSES",
    "DECISIONS_ENV",
    "DECISIONS_JSON",
    "DECISIONS_SCHEMA",
    "DECISIONS_SCHEMA_FILE",
    "DECISION_ID",
    "FEED",
    "FEED_TITLE",
    "OPEN_STATUSES",
    "PLACEHOLDER",
    "PLANNING_RE",
    "SCALES",
    "SCHEMA",
    "STATUSES",
    "TBD",
    "TEMPLATES",
    "Activity",
    "Agenda",
    "AgendaPages",
    "Ambition",
    "Change",
    "ContentError",
    "Decision",
    "DecisionPages",
    "FeedEntry",
    "FilterView",
    "Goal",
    "Goals",
    "History",
    "HistoryPages",
    "Paths",
    "Period",
    "Pillar",
    "Register",
    "SiteContent",
    "add_git_dates",
    "agenda_files",
    "agenda_json",
    "agenda_json_src",
    "agenda_table",
    "atom_feed",
    "changes",
    "create_record",
    "csv_text",
    "decisions_folder",
    "decisions_json",
    "filter_src",
    "find_root",
    "format_date",
    "frame",
    "git_dates",
    "grand_total",
    "in_force_from",
    "in_force_on",
    "is_decision_id",
    "lineage_columns",
    "lineage_figure",
    "lineage_pairs",
    "lineage_steps",
    "load_agenda",
    "load_agendas",
    "load_goals",
    "load_goals_if_present",
    "load_register",
    "load_site",
    "load_yaml",
    "md_text",
    "next_id",
    "own_region",
    "page_url",
    "period_of",
    "periods",
    "read_history",
    "record_files",
    "record_src",
    "rel",
    "shown",
    "stable_id",
    "stale_decision_links",
    "stand_src",
    "state_text",
    "start_next_year",
    "status_budgets",
    "status_counts",
    "totals",
    "unclear_on",
    "validate_agenda",
    "year_starts",
]
