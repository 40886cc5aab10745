"""MkDocs hook for the site's content: the regiovisie goals, the decision records
(``decisions/``) and the beleidsagenda (``docs/beleidsagenda/``).

Only adapts MkDocs events to the package ``sitecontent``: load and check everything once
per build (``on_config``), add the generated pages and CSV files (``on_files``), hand the
data to the macros through the macros environment, and watch the records under
``mkdocs serve``. A broken file stops ``mkdocs build`` with one Dutch line per problem;
under ``mkdocs serve`` the site keeps building and every page shows the problems at the top,
so the editor sees them in the browser instead of a page that never loads.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

import sitecontent
import sitecontent.municipalities

# Under the "mkdocs" logger, so `mkdocs serve` shows the lines and --strict counts them.
log = logging.getLogger("mkdocs.hooks.content")

# MkDocs keeps a hook module across the rebuilds of `mkdocs serve`, so this is set once.
_serving = False


@dataclass
class MacroData:
    """What the macros read (``env.variables["inhoud"]``); None where loading failed."""

    goals: sitecontent.Goals | None = None
    content: sitecontent.SiteContent | None = None
    decisions: sitecontent.DecisionPages | None = None
    agenda: object | None = None  # sitecontent.AgendaPages (pandas, loaded lazily)
    history: sitecontent.HistoryPages | None = None
    # The 14 municipalities (loaded with the content) and their pages (made in on_files).
    municipality_list: list[sitecontent.municipalities.Municipality] | None = None
    municipalities: sitecontent.municipalities.MunicipalityPages | None = None
    error: sitecontent.ContentError | None = None
    warnings: list[str] = field(default_factory=list)
    # What a macro shows where the content could not be loaded (only under `mkdocs serve`;
    # the build stops); the page then starts with the problems.
    unavailable: str = "*Niet beschikbaar: zie de foutmelding bovenaan deze pagina.*"


_data = MacroData()


def on_startup(command: str, dirty: bool, **kwargs) -> None:
    global _serving
    _serving = command == "serve"


def _load(config: MkDocsConfig) -> MacroData:
    root = Path(config.config_file_path).resolve().parent
    paths = sitecontent.Paths.of(root, Path(config.docs_dir))
    data = MacroData()
    try:
        data.goals = sitecontent.load_goals(paths.goals)
        data.content = sitecontent.load_site(paths, data.goals)
        data.municipality_list = sitecontent.municipalities.load_municipalities(
            paths, data.content.register.decisions
        )
    except sitecontent.ContentError as exc:
        data.error = exc
    return data


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _data
    _data = _load(config)
    if _data.error is not None:
        report = _data.error.report()
        if not _serving:
            raise PluginError(report)
        _count_no_warnings()
        log.error("%s", report)
    else:
        _data.warnings = _data.content.agenda_warnings()
        for warning in _data.warnings:
            # Under serve a warning would abort the strict build and hang the browser; the
            # page shows it instead (on_page_markdown), the build and the tests stop on it.
            (log.info if _serving else log.warning)("Beleidsagenda: %s", warning)
    config.plugins["macros"].register_variables({"inhoud": _data})
    return config


def _count_no_warnings() -> None:
    """Let this serve build finish. Strict mode counts warnings with a handler that MkDocs
    adds before ``on_config``; the missing pages would warn, the build would abort, and
    `mkdocs serve` would then hold every request until the file is fixed."""
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if isinstance(handler, CountHandler):
            logger.removeHandler(handler)
            handler.counts.clear()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _data.content is None:
        return files
    register = _data.content.register
    today = build_day()
    existing = {f.src_uri for f in files}
    existing |= {sitecontent.record_src(i) for i in register.decisions}
    existing |= {sitecontent.stand_src(d.year) for d in sitecontent.year_starts(register, today)}
    _data.decisions = _data.content.decision_pages(existing, today)
    _data.history = sitecontent.HistoryPages(
        _data.decisions,
        _data.content.agendas,
        sitecontent.read_history(_data.content.paths.decisions, _data.content.paths.agenda),
        today,
        config.site_url or "/",
    )
    _data.agenda = _data.content.agenda_pages(existing)
    _data.municipalities = sitecontent.municipalities.MunicipalityPages(
        _data.municipality_list or [],
        _data.decisions,
        _data.content.agendas,
        _data.content.paths.agenda,
        today,
    )
    generated = _data.decisions.generated() + _data.history.generated()
    for src, content in generated + _data.municipalities.generated():
        file = File.generated(config, src, content=content)
        # Reached from the register (a municipality: from the overview Gemeenten), not from
        # the menu: 1,000 records must not bloat the nav.
        file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    for year, text in _data.agenda.csv_files().items():
        files.append(
            File.generated(config, f"beleidsagenda/{year}.csv", content=text.encode("utf-8"))
        )
    for src, content in _data.history.data_files().items():
        files.append(File.generated(config, src, content=content))
    return files


def build_day() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible builds): the "now" of the
    pages about decisions over time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _data.error is not None:
        return error_banner(_data.error) + markdown
    if _serving and _data.warnings:
        return warning_banner(_data.warnings) + markdown
    return markdown


def _banner(kind: str, title: str, sections: list[tuple[str, list[str]]]) -> str:
    lines = [f'!!! {kind} "{title}"', ""]
    for heading, messages in sections:
        lines += [f"    {sitecontent.md_text(heading)}:", ""]
        lines += [f"    - {sitecontent.md_text(m)}" for m in messages]
        lines.append("")
    lines += [
        "    Verbeter het bestand en sla het op; de pagina laadt dan vanzelf opnieuw. "
        "Dezelfde meldingen staan in het venster waarin `make serve` draait.",
        "",
        "",
    ]
    return "\n".join(lines)


def error_banner(error: sitecontent.ContentError) -> str:
    """The problems as a red box at the top of the page (only under `mkdocs serve`)."""
    title = "Deze versie van de site is niet goed: er zit een fout in de inhoud"
    sections = [(heading or "Fouten in de inhoud", lines) for heading, lines in error.sections]
    return _banner("failure", title, sections)


def warning_banner(warnings: list[str]) -> str:
    """Warnings that stop `make build`, as a box at the top of the page under serve."""
    title = "Waarschuwing: make build stopt hierop"
    return _banner("warning", title, [("Beleidsagenda", warnings)])


def on_serve(server, config: MkDocsConfig, builder):
    # The records and the page templates live outside docs/, so `mkdocs serve` must be told
    # to watch them (the agenda and the goals are in docs/, which it watches anyway).
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(sitecontent.Paths.of(root).decisions))
    server.watch(str(sitecontent.TEMPLATES))
    server.watch(str(root / "hooks"))
    return server
