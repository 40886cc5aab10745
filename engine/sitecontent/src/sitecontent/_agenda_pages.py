"""The beleidsagenda pages: the body of a year page, the overview of all years, and the
activities shown on an ambition page. The text is in the templates; this module supplies
the figures (pandas) and the links."""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, cast

import pandas as pd

from calculators.core import money
from calculators.render.html import Column, table

from . import _agenda_tables as tables
from ._agenda import STATUSES, TBD, Activity, Agenda, year_label
from ._decisions import Register
from ._goals import SCALES, Goal, Goals
from ._markdown import count, md_text, rel
from ._templates import render


class _Figures(Protocol):
    """One row of a totals table: a record of ``tables.totals`` (pandas values) or the
    ``tables.Totals`` of the whole year; both have activiteiten, met_budget, budget_cent
    and zonder_budget."""

    def __getitem__(self, key: str, /) -> Any: ...


TOTALS_COLUMNS = [
    "Activiteiten",
    "Met bekend budget",
    "Bekend budget",
    "Budget nog te bepalen",
]


def agenda_table(
    caption: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    footer: Sequence[object] | None,
) -> str:
    """The shared escaping table, its scroll wrapper reachable by keyboard (WCAG 2.1.1):
    wide tables scroll sideways on a phone."""
    markup = table(caption, columns, rows, footer)
    return markup.replace(
        '<div class="rekenhulp-tabel-wrap">',
        f'<div class="rekenhulp-tabel-wrap" tabindex="0" role="region" '
        f'aria-label="{html.escape(caption)}">',
        1,
    )


def _totals_table(
    caption: str, first_header: str, rows: Iterable[tuple[str, _Figures]], total: tables.Totals
) -> str:
    columns = [Column(first_header, numeric=False), *(Column(c) for c in TOTALS_COLUMNS)]

    def cells(label: str, row: _Figures) -> list[object]:
        budget = money.euro(row["budget_cent"], whole=True)
        return [label, row["activiteiten"], row["met_budget"], budget, row["zonder_budget"]]

    return agenda_table(caption, columns, [cells(*r) for r in rows], cells("Totaal", total))


def _status_table(jaar: int, df: pd.DataFrame, total: tables.Totals) -> str:
    """Activities and known budget per status; the total leaves ``vervallen`` out."""
    budgets = tables.status_budgets(df)

    def amount(status: str | None, known: int, cents: int) -> str:
        # "€ 0" would read as "costs nothing" where no amount is known yet.
        text = money.euro(cents, whole=True) if known else "geen bedrag bekend"
        return text + (" (telt niet mee)" if status == tables.CANCELLED and known else "")

    rows = [[s, n, amount(s, *budgets[s])] for s, n in tables.status_counts(df).items()]
    columns = [Column("Status", numeric=False), Column("Activiteiten"), Column("Bekend budget")]
    footer = [
        "Totaal (zonder vervallen budget)",
        total["activiteiten"],
        amount(None, total["met_budget"], total["budget_cent"]),
    ]
    caption = f"Activiteiten en bekend budget per status in {jaar}"
    return agenda_table(caption, columns, rows, footer)


def _budget_text(activity: Activity) -> str:
    if activity.budget_cent is None:
        return TBD
    return money.euro(activity.budget_cent, whole=True)


def _scale_order(label: str) -> tuple[int, list[int]]:
    parts = label.split(" en ")
    return (len(parts), [SCALES.index(p) for p in parts])


@dataclass
class AgendaPages:
    goals: Goals
    agendas: dict[int, Agenda]
    existing: Collection[str]  # source paths of the pages in this build
    register: Register | None = None  # the decision records activities may link

    def _sorted(self, activities: list[Activity]) -> list[Activity]:
        return sorted(activities, key=lambda a: (a.goal_key, a.id))

    def _goal_link(self, from_src: str, goal_id: str) -> str:
        # A loaded agenda names only goals that exist.
        goal = cast(Goal, self.goals.goal(goal_id))
        label = f"{goal_id} {md_text(goal.naam)}"
        target = f"regiovisie/ambitie-{goal.ambitie}.md"
        if target in self.existing:
            return f"[{label}]({rel(from_src, target)}#{goal.anchor})"
        return label

    def _decision_links(self, from_src: str, ids: list[str]) -> str:
        known = self.register.decisions if self.register else {}
        superseded = self.register.superseded() if self.register else {}

        def link(did: str) -> str:
            return f"[{did}]({rel(from_src, f'besluiten/{did}.md')})"

        texts = []
        for did in ids:
            if did not in known:
                texts.append(did)
                continue
            text = link(did)
            if did in superseded:
                # The build log warns the editor; the reader is told on the page itself.
                newer = ", ".join(link(s) for s in superseded[did])
                text += f" (vervangen{' door ' + newer if newer else ''})"
            texts.append(text)
        return ", ".join(texts)

    def _tables(self, jaar: int, df: pd.DataFrame, total: tables.Totals) -> dict[str, str]:
        goals = self.goals
        by_scale = tables.totals(df, "schaal").to_dict("records")
        by_scale.sort(key=lambda r: _scale_order(r["schaal"]))
        pillar_rows = [
            (f"Pijler {r['pijler']}: {goals.pillars[r['pijler']].naam}", r)
            for r in tables.totals(df, "pijler").to_dict("records")
        ]
        ambition_rows = [
            (f"{r['ambitie']}. {goals.ambitions[r['ambitie']].naam}", r)
            for r in tables.totals(df, "ambitie").to_dict("records")
        ]
        caption = "Activiteiten en bekend budget per {} in " + str(jaar)
        return {
            "status": _status_table(jaar, df, total),
            "pijler": _totals_table(caption.format("pijler"), "Pijler", pillar_rows, total),
            "ambitie": _totals_table(caption.format("ambitie"), "Ambitie", ambition_rows, total),
            "schaal": _totals_table(
                caption.format("schaal"), "Schaal", [(r["schaal"], r) for r in by_scale], total
            ),
        }

    def year_body(self, jaar: int, from_src: str) -> str:
        """The whole body of a year page (below its title)."""
        if jaar not in self.agendas:
            raise ValueError(f"Er is geen beleidsagenda voor {jaar} (docs/beleidsagenda/).")
        agenda = self.agendas[jaar]
        df = tables.frame(agenda, self.goals)
        total = tables.grand_total(df)
        previous = max((y for y in self.agendas if y < jaar), default=None)
        changes = None
        if previous is not None:
            found = tables.changes(tables.frame(self.agendas[previous], self.goals), df)
            changes = {name: list(rows.itertuples()) for name, rows in found.items()}
        pillars = [
            {
                "nummer": number,
                "naam": pillar.naam,
                "ambities": [
                    (a, self._sorted([x for x in agenda.activities if x.ambitie == a.nummer]))
                    for _n, a in sorted(self.goals.ambitions.items())
                    if a.pijler == number
                ],
            }
            for number, pillar in sorted(self.goals.pillars.items())
        ]
        return render(
            "agenda-jaar.md.j2",
            src=from_src,
            jaar=jaar,
            agenda=agenda,
            totaal=total,
            vorig=previous,
            wijzigingen=changes,
            tabellen=self._tables(jaar, df, total),
            pijlers=pillars,
            doelen_document=self.goals.document,
            count=count,
            pagina_bestaat=lambda target: target in self.existing,
            doel_link=lambda goal_id: self._goal_link(from_src, goal_id),
            besluit_links=lambda ids: self._decision_links(from_src, ids),
            budget=_budget_text,
        )

    def overview(self, from_src: str) -> str:
        """Table across all years, with links to each year page and its CSV file."""
        years = []
        for year, agenda in sorted(self.agendas.items(), reverse=True):
            df = tables.frame(agenda, self.goals)
            statuses = tables.status_counts(df)
            years.append(
                {
                    "jaar": year,
                    "totaal": tables.grand_total(df),
                    "per_status": [str(statuses[s]) for s in STATUSES],
                    "label": year_label(agenda),
                }
            )
        return render("agenda-overzicht.md.j2", src=from_src, jaren=years)

    def for_ambition(self, nummer: int, from_src: str) -> str:
        """The activities of the latest agenda for one ambition, linked to their year page."""
        if not self.agendas:
            return "*Er is nog geen beleidsagenda.*"
        year = max(self.agendas)
        chosen = [a for a in self.agendas[year].activities if a.ambitie == int(nummer)]
        return render(
            "activiteiten-bij-ambitie.md.j2",
            src=from_src,
            jaar=year,
            activiteiten=self._sorted(chosen),
            label=year_label(self.agendas[year]),
        )

    def newest_label(self) -> str:
        """The label of the newest year, as one paragraph for a short mention elsewhere (the
        home page card); empty when that year has no label."""
        if not self.agendas:
            return ""
        year = max(self.agendas)
        label = year_label(self.agendas[year])
        if label is None:
            return ""
        return f"**Beleidsagenda {year}: {md_text(label.title)}.** {label.text}"

    def csv_files(self) -> dict[int, str]:
        """The CSV download of every year, by year."""
        return {
            year: tables.csv_text(tables.frame(agenda, self.goals))
            for year, agenda in self.agendas.items()
        }
