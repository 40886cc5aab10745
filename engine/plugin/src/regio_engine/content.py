"""A site's content: its decision records, its beleidsagenda and the goals of its regiovisie.

Adapts MkDocs' events to the package ``sitecontent``: load and check everything once per
build (:meth:`ContentStep.configure`), add the generated pages and CSV files
(:meth:`ContentStep.add_files`) and hand the data to the macros (``inhoud``). A broken file
stops ``mkdocs build`` with one Dutch line per problem; under ``mkdocs serve`` the site keeps
building and every page shows the problems at the top, so the editor sees them in the
browser instead of a page that never loads.

The folders are the plugin's options ``besluiten``, ``beleidsagenda`` and ``doelen``; a site
without an agenda or a regiovisie simply has no such folder or file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import CountHandler

import sitecontent

# Under the "mkdocs" logger, so `mkdocs serve` shows the lines and --strict counts them.
log = logging.getLogger("mkdocs.plugins.regio.content")


@dataclass
class MacroData:
    """What the macros read (``env.variables["inhoud"]``); None where loading failed."""

    goals: sitecontent.Goals | None = None
    content: sitecontent.SiteContent | None = None
    decisions: sitecontent.DecisionPages | None = None
    agenda: Any = None  # sitecontent.AgendaPages (pandas, loaded lazily)
    history: sitecontent.HistoryPages | None = None
    today: date | None = None
    error: sitecontent.ContentError | None = None
    warnings: list[str] = field(default_factory=list)
    # What a macro shows where the content could not be loaded (only under `mkdocs serve`;
    # the build stops); the page then starts with the problems.
    unavailable: str = "*Niet beschikbaar: zie de foutmelding bovenaan deze pagina.*"


@dataclass(frozen=True)
class Folders:
    """Where the content is: the plugin's options."""

    decisions: str = "decisions"
    agenda: str = "beleidsagenda"
    goals: str = "regiovisie/doelen.yaml"

    def paths(self, config: MkDocsConfig) -> sitecontent.Paths:
        root = Path(config.config_file_path).resolve().parent
        docs = Path(config.docs_dir)
        return sitecontent.Paths.of(root, docs, self.decisions, self.agenda, self.goals)


class ContentStep:
    """One site's content across the builds of a `mkdocs build` or `mkdocs serve`."""

    def __init__(self, folders: Folders, serving: bool) -> None:
        self.folders = folders
        self.serving = serving
        self.data = MacroData()

    def configure(self, config: MkDocsConfig) -> MacroData:
        """Load and check the content; register it with the macros as ``inhoud``."""
        self.data = _load(self.folders.paths(config))
        if self.data.error is not None:
            report = self.data.error.report()
            if not self.serving:
                raise PluginError(report)
            _count_no_warnings()
            log.error("%s", report)
        elif self.data.content is not None:
            self.data.warnings = self.data.content.agenda_warnings()
            for warning in self.data.warnings:
                # Under serve a warning would abort the strict build and hang the browser;
                # the page shows it instead, the build and the tests stop on it.
                (log.info if self.serving else log.warning)("Beleidsagenda: %s", warning)
        macros: Any = config.plugins["macros"]  # mkdocs-macros has no type hints
        macros.register_variables({"inhoud": self.data})
        return self.data

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The pages of the records, the register over time, the agenda's CSV files."""
        data = self.data
        if data.content is None:
            return files
        register = data.content.register
        data.today = today = build_day()
        existing = {f.src_uri for f in files}
        existing |= {sitecontent.record_src(i) for i in register.decisions}
        years = sitecontent.year_starts(register, today)
        existing |= {sitecontent.stand_src(d.year) for d in years}
        data.decisions = data.content.decision_pages(existing, today)
        data.history = sitecontent.HistoryPages(
            data.decisions,
            data.content.agendas,
            sitecontent.read_history(data.content.paths.decisions, data.content.paths.agenda),
            today,
            config.site_url or "/",
            config.site_author or config.site_name,
        )
        data.agenda = data.content.agenda_pages(existing)
        generated = data.decisions.generated() + data.history.generated()
        add_pages(files, config, generated)
        for year, text in data.agenda.csv_files().items():
            files.append(
                File.generated(config, f"beleidsagenda/{year}.csv", content=text.encode("utf-8"))
            )
        for src, content in data.history.data_files().items():
            files.append(File.generated(config, src, content=content))
        return files

    def page_markdown(self, markdown: str) -> str:
        """Under serve: the problems (or the warnings) at the top of every page."""
        if self.data.error is not None:
            return error_banner(self.data.error) + markdown
        if self.serving and self.data.warnings:
            return warning_banner(self.data.warnings) + markdown
        return markdown

    def watched(self, config: MkDocsConfig) -> list[Path]:
        # The records and the page templates live outside docs/, so `mkdocs serve` must be
        # told to watch them (the agenda and the goals are in docs/, which it watches anyway).
        return [self.folders.paths(config).decisions, sitecontent.TEMPLATES]


def add_pages(files: Files, config: MkDocsConfig, pages: Sequence[tuple[str, str]]) -> None:
    """Generated Markdown pages, reached from an overview (the register, the list of
    municipalities), not from the menu: 1,000 records must not bloat the nav."""
    for src, content in pages:
        file = File.generated(config, src, content=content)
        file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)


def _load(paths: sitecontent.Paths) -> MacroData:
    data = MacroData()
    try:
        data.goals = sitecontent.load_goals_if_present(paths.goals)
        data.content = sitecontent.load_site(paths, data.goals)
    except sitecontent.ContentError as exc:
        data.error = exc
    return data


def _count_no_warnings() -> None:
    """Let this serve build finish. Strict mode counts warnings with a handler that MkDocs
    adds before ``on_config``; the missing pages would warn, the build would abort, and
    `mkdocs serve` would then hold every request until the file is fixed."""
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if isinstance(handler, CountHandler):
            logger.removeHandler(handler)
            handler.counts.clear()


def build_day() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible builds): the "now" of the
    pages about decisions over time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


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
