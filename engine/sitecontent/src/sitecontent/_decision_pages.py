"""The decision pages: a page per record, filtered views of the register, the register and
lineage on the page Besluiten, and lists of records for other pages."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import TypedDict

import yaml

from ._decisions import STATUSES, Decision, Register
from ._in_force import state_text
from ._lineage import lineage_figure, lineage_steps
from ._markdown import md_text, rel
from ._source_labels import status_labels, succession_labels
from ._templates import render

PUBLISH_DIR = "besluiten"


def record_src(decision_id: str) -> str:
    return f"{PUBLISH_DIR}/{decision_id}.md"


def filter_src(slug: str) -> str:
    return f"{PUBLISH_DIR}/filter/{slug}.md"


def page_front_matter(title: str, description: str | None = None) -> str:
    """The YAML front matter of a generated page.

    The theme prints a page title as HTML (in the header, the search results), the way
    MkDocs makes one from a heading, so editor text goes in HTML-escaped; the engine's
    templates/main.html prints <title> and the description through ``striptags | e``. Macros
    stay off: editor text is never a template ("{{" in a title stays text)."""
    front: dict[str, str | bool] = {"title": html.escape(" ".join(title.split()))}
    if description is not None:
        front["description"] = html.escape(" ".join(description.split()))
    front["render_macros"] = False
    return yaml.safe_dump(front, allow_unicode=True).strip()


def _slug(prefix: str, text: str, taken: set[str]) -> str:
    """A URL slug for a filter view; two texts that read alike (or an empty slug) get a
    short hash, so no view silently replaces another."""
    slug = f"{prefix}-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if slug == f"{prefix}-" or slug in taken:
        slug = f"{slug.rstrip('-')}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"
    taken.add(slug)
    return slug


@dataclass(frozen=True)
class FilterView:
    slug: str
    label: str  # "status vastgesteld"
    short: str  # "vastgesteld"
    records: list[Decision]

    @property
    def src(self) -> str:
        return filter_src(self.slug)


class MenuGroup(TypedDict):
    """One heading of the filter menu and its views."""

    title: str
    views: list[FilterView]


@dataclass
class DecisionPages:
    """What the decision pages need: the register, the pages that exist in this build (a
    page only links to those) and the names of the ambitions."""

    register: Register
    existing: Collection[str]
    ambitions: dict[int, str]
    # The build's "now": what a page calls a decision's state is its state on this day.
    today: date = field(default_factory=date.today)
    # What the pages say about a link between a decision and an ambition (the goals' note).
    ambition_note: str = ""

    def state_now(self, decision: Decision) -> str:
        return state_text(decision, self.register, self.today)

    def template_globals(self) -> dict[str, object]:
        return {
            "stand_nu": self.state_now,
            "vandaag": self.today,
            "besluit_link": self.decision_link,
            "ambitie_link": self.ambition_link,
            "pagina_link": self.page_link,
            "pagina_bestaat": lambda target: target in self.existing,
            "ambition_note": self.ambition_note,
            # What the site derived about a source (its title, a status, a succession).
            "bron_label": self.register.label,
            "opvolging_labels": lambda records: succession_labels(self.register, records),
            "status_labels": lambda records: status_labels(self.register, records),
            "alle_besluiten": self.register.sorted(),
        }

    def decision_link(self, from_src: str, decision_id: str) -> str:
        decision = self.register.decisions[decision_id]
        label = md_text(f"{decision.id}: {decision.meta['titel']}")
        return f"[{label}]({rel(from_src, record_src(decision.id))})"

    def page_link(self, from_src: str, target: str, label: str) -> str:
        if target in self.existing:
            return f"[{md_text(label)}]({rel(from_src, target)})"
        return md_text(label)

    def ambition_link(self, from_src: str, number: int) -> str:
        name = self.ambitions.get(number)
        label = f"Ambitie {number}" + (f": {name}" if name else "")
        return self.page_link(from_src, f"regiovisie/ambitie-{number}.md", label)

    def views(self) -> dict[str, FilterView]:
        """Filtered register views built at build time, by slug."""
        records = self.register.sorted()
        views: list[FilterView] = []
        for status in STATUSES:
            chosen = [d for d in records if d.status == status]
            if chosen:
                views.append(FilterView(f"status-{status}", f"status {status}", status, chosen))
        for year in sorted({d.datum[:4] for d in records}):
            chosen = [d for d in records if d.datum.startswith(year)]
            views.append(FilterView(f"jaar-{year}", f"jaar {year}", year, chosen))
        taken: set[str] = set()
        for region in sorted({d.meta["regio"] for d in records}):
            slug = _slug("regio", region, taken)
            chosen = [d for d in records if d.meta["regio"] == region]
            views.append(FilterView(slug, f"regio {region}", region, chosen))
        for number in sorted({n for d in records for n in d.ambities}):
            chosen = [d for d in records if number in d.ambities]
            if chosen:
                name = self.ambitions.get(number)
                short = f"{number}" + (f". {name}" if name else "")
                views.append(FilterView(f"ambitie-{number}", f"ambitie {short}", short, chosen))
        return {view.slug: view for view in views}

    def _menu_groups(self) -> list[MenuGroup]:
        titles = {
            "status": "Op status",
            "jaar": "Op jaar",
            "regio": "Op regio",
            "ambitie": "Op ambitie",
        }
        groups: dict[str, list[FilterView]] = {kind: [] for kind in titles}
        for view in self.views().values():
            groups[view.slug.split("-", 1)[0]].append(view)
        return [{"title": titles[k], "views": v} for k, v in groups.items() if v]

    def record_page(self, decision: Decision) -> str:
        title = decision.meta["titel"]
        return render(
            "besluit.md.j2",
            d=decision,
            src=record_src(decision.id),
            front_matter=page_front_matter(f"{decision.id}: {title}", title),
            **self.template_globals(),
        )

    def filter_page(self, slug: str) -> str:
        view = self.views()[slug]
        return render(
            "besluiten-filter.md.j2",
            view=view,
            src=view.src,
            totaal=len(self.register.decisions),
            groepen=self._menu_groups(),
            front_matter=page_front_matter(f"Besluiten: {view.label}"),
            **self.template_globals(),
        )

    def generated(self) -> list[tuple[str, str]]:
        """Every page this register adds to the site: (source path, Markdown)."""
        pages = [(record_src(d.id), self.record_page(d)) for d in self.register.sorted()]
        pages += [(view.src, self.filter_page(slug)) for slug, view in self.views().items()]
        return pages

    def register_section(self, from_src: str) -> str:
        return render(
            "besluiten-register.md.j2",
            src=from_src,
            besluiten=self.register.sorted(),
            groepen=self._menu_groups(),
            **self.template_globals(),
        ).removesuffix("\n")

    def lineage_section(self, from_src: str) -> str:
        return render(
            "stamboom.md.j2",
            src=from_src,
            stappen=lineage_steps(self.register),
            figuur=lineage_figure(self.register),
            **self.template_globals(),
        )

    def links_for(self, from_src: str, predicate: Callable[[Decision], bool]) -> str:
        """A list of records (with status and date) for another page; empty if none."""
        from ._dates import format_date

        chosen = [d for d in self.register.sorted() if predicate(d)]
        return "\n".join(
            f"- {self.decision_link(from_src, d.id)} ({d.status}, {format_date(d.datum)})"
            for d in chosen
        )
