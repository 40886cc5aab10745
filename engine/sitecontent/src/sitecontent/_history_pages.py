"""Decisions over time: the page "Geldend op" with a page per year boundary, the timeline,
the changes from git history, the Atom feed and the open data files."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from ._agenda import Agenda, year_label
from ._changes import Change, History
from ._decision_pages import PUBLISH_DIR, DecisionPages, page_front_matter, record_src
from ._feed import FeedEntry, atom_feed
from ._in_force import in_force_on, periods, unclear_on, year_starts
from ._markdown import rel
from ._open_data import AGENDA_SCHEMA, SCHEMA, agenda_json, decisions_json
from ._templates import render
from ._timeline import timeline

FEED = "feed.xml"
DECISIONS_JSON = f"{PUBLISH_DIR}/besluiten.json"
DECISIONS_SCHEMA = f"{PUBLISH_DIR}/besluiten.schema.json"
AGENDA_SCHEMA_FILE = "beleidsagenda/beleidsagenda.schema.json"
FEED_TITLE = "Wijzigingen in besluiten en beleidsagenda"
#: The feed's author where the site names none (mkdocs.yml: site_author).
AUTHOR = "Redactie van deze site"


def stand_src(year: int) -> str:
    return f"{PUBLISH_DIR}/stand/{year}.md"


def agenda_json_src(year: int) -> str:
    return f"beleidsagenda/{year}.json"


def page_url(site_url: str, src: str) -> str:
    """The published address of a source page (directory URLs, as mkdocs.yml sets)."""
    path = src.removesuffix(".md")
    path = "" if path == "index" else path.removesuffix("/index") + "/"
    return site_url.rstrip("/") + "/" + path


@dataclass
class HistoryPages:
    pages: DecisionPages
    agendas: dict[int, Agenda]
    history: History
    today: date
    site_url: str
    #: who publishes the feed: the site's ``site_author``
    author: str = AUTHOR

    def _globals(self) -> dict[str, object]:
        return {
            **self.pages.template_globals(),
            # The day the pages about decisions over time call "now".
            "vandaag": self.today,
            "stand_src": stand_src,
            "wijziging_link": self.change_link,
            # Ids only where a row already names the record in full.
            "besluit_kort": lambda src, i: f"[{i}]({rel(src, record_src(i))})",
            # The label a year page of the agenda opens with, repeated where it is shown.
            "agenda_label": year_label,
        }

    def change_src(self, change: Change) -> str:
        if change.kind == "besluit":
            return record_src(change.subject)
        return f"beleidsagenda/{change.subject}.md"

    def change_link(self, from_src: str, change: Change) -> str:
        return self.pages.page_link(from_src, self.change_src(change), change.summary)

    def in_force_section(self, from_src: str) -> str:
        return render(
            "geldend.md.j2",
            src=from_src,
            jaren=year_starts(self.pages.register, self.today),
            perioden=periods(self.pages.register),
            agendas=dict(sorted(self.agendas.items())),
            **self._globals(),
        )

    def year_page(self, day: date, years: list[int]) -> str:
        front = page_front_matter(
            f"Besluiten: stand op 1 januari {day.year}",
            f"De besluiten die op 1 januari {day.year} golden.",
        )
        index = years.index(day.year)
        return render(
            "stand.md.j2",
            src=stand_src(day.year),
            dag=day,
            vorige=years[index - 1] if index > 0 else None,
            volgende=years[index + 1] if index + 1 < len(years) else None,
            perioden=in_force_on(day, self.pages.register),
            onduidelijk=unclear_on(day, self.pages.register),
            agenda=self.agendas.get(day.year),
            front_matter=front,
            **self._globals(),
        )

    def timeline_section(self, from_src: str) -> str:
        figure = timeline(periods(self.pages.register), self.today)
        return render("tijdlijn.md.j2", src=from_src, figuur=figure, **self._globals())

    def changes_section(self, from_src: str) -> str:
        days = [
            (day, list(changes))
            for day, changes in itertools.groupby(self.history.changes, key=lambda c: c.day)
        ]
        return render(
            "wijzigingen.md.j2",
            src=from_src,
            dagen=days,
            notitie=self.history.note,
            **self._globals(),
        )

    def feed(self) -> bytes:
        entries = [
            FeedEntry(
                key=f"{change.commit}/{change.path}",
                day=change.day,
                title=change.summary,
                url=page_url(self.site_url, self.change_src(change)),
            )
            for change in self.history.changes
            if self.change_src(change) in self.pages.existing
        ]
        return atom_feed(
            title=FEED_TITLE,
            author=self.author,
            page_url=page_url(self.site_url, f"{PUBLISH_DIR}/wijzigingen.md"),
            feed_url=self.site_url.rstrip("/") + "/" + FEED,
            entries=entries,
        )

    def generated(self) -> list[tuple[str, str]]:
        years = [day.year for day in year_starts(self.pages.register, self.today)]
        return [(stand_src(year), self.year_page(date(year, 1, 1), years)) for year in years]

    def data_files(self) -> dict[str, bytes]:
        """Published files that are not pages: the feed and the open data."""
        files = {
            FEED: self.feed(),
            DECISIONS_JSON: decisions_json(
                self.pages.register, lambda i: page_url(self.site_url, record_src(i))
            ).encode("utf-8"),
            DECISIONS_SCHEMA: SCHEMA.read_bytes(),
        }
        for year, agenda in self.agendas.items():
            files[agenda_json_src(year)] = agenda_json(agenda).encode("utf-8")
        if self.agendas:
            files[AGENDA_SCHEMA_FILE] = AGENDA_SCHEMA.read_bytes()
        return files
