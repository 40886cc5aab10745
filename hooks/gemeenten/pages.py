"""The municipality pages: one page per municipality (``gemeenten/<naam>.md``) and the table
of the overview page ``docs/gemeenten/index.md``. The text is in the templates
``gemeente.md.j2`` and ``gemeenten-overzicht.md.j2``; this module supplies the facts."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from calculators.catalogue import population
from calculators.render.html import Column, table
from calculators.render.maps import region_map
from sitecontent import Activity, Agenda, Decision, DecisionPages
from sitecontent._agenda import page_label
from sitecontent._decision_pages import page_front_matter
from sitecontent._in_force import in_force_on, unclear_on
from sitecontent._templates import renderer

from .data import (
    CALCULATORS,
    KIND_CBS,
    KIND_COMPUTED,
    KIND_EXAMPLE,
    PARTS,
    CalculatorExample,
    Cell,
    Municipality,
    calculator_example,
    region_total,
    served_link,
)

# The site's own templates, beside the content model's (whose filters they use).
render = renderer(Path(__file__).resolve().parent / "templates")

OVERVIEW_SRC = "gemeenten/index.md"
#: The region of a decision that binds all 14 municipalities.
WHOLE_REGION = "Noord- en Midden-Limburg"
# A trekker that every municipality carries ("elke gemeente", "de lokale Wmo-teams (elke
# gemeente)").
EVERY_MUNICIPALITY = "elke gemeente"


def names_in(text: str, name: str) -> bool:
    """Whether ``text`` names the municipality ``name`` as a word (a line break may fall
    inside "Horst aan de Maas"); case matters, so "bergen" in a sentence is not Bergen."""
    words = r"\s+".join(re.escape(part) for part in name.split())
    return re.search(rf"(?<![\w-]){words}(?![\w-])", text) is not None


def agenda_label(page: Path) -> tuple[str, str, str] | None:
    """The box a year page of the agenda opens with (kind, title, text), or None; the label
    itself is read in one place (``_agenda.page_label``) for every page that repeats it."""
    label = page_label(page)
    return (label.kind, label.title, label.text) if label else None


@dataclass
class MunicipalityPages:
    """What the municipality pages need: the municipalities, the decision pages of this
    build (links, states), the agendas and the build's "now"."""

    municipalities: list[Municipality]
    decisions: DecisionPages
    agendas: dict[int, Agenda]
    agenda_folder: Path
    today: date
    _examples: dict[str, CalculatorExample] = field(default_factory=dict)

    def examples(self) -> dict[str, CalculatorExample]:
        # Computed once per build: the same default results for all 14 pages.
        if not self._examples:
            for name in CALCULATORS:
                self._examples[name] = calculator_example(name, self.municipalities)
        return self._examples

    # ------------------------------------------------------------------ the facts per page

    def naming(self, municipality: Municipality) -> list[Decision]:
        """Records whose title or text names the municipality."""
        return [
            d
            for d in self.decisions.register.sorted()
            if names_in(f"{d.meta['titel']}\n{d.body}", municipality.name)
        ]

    def agenda(self) -> Agenda | None:
        return self.agendas[max(self.agendas)] if self.agendas else None

    def activities(self, municipality: Municipality) -> tuple[list[Activity], list[Activity]]:
        """Activities of the newest agenda that name the municipality, and those whose
        trekker is every municipality."""
        agenda = self.agenda()
        if agenda is None:
            return [], []
        named = [
            a
            for a in agenda.activities
            if names_in(" ".join((a.titel, a.trekker, a.omschrijving)), municipality.name)
        ]
        everyone = [
            a for a in agenda.activities if EVERY_MUNICIPALITY in a.trekker and a not in named
        ]
        return named, everyone

    def inhabitants_table(self, municipality: Municipality) -> str:
        figures = municipality.inhabitants()
        columns = [Column("Peildatum", numeric=False), Column("Inwoners")]
        rows = [(f"1 januari {year}", _thousands(count)) for year, count in figures.items()]
        caption = f"Inwoners van {municipality.name} (CBS)"
        return _scrolling(
            table(caption, columns, rows, css_class="rekenhulp-tabel gemeente-inwoners"), caption
        )

    def calculator_table(
        self, example: CalculatorExample, cells: tuple[Cell, ...], name: str
    ) -> str:
        columns = [Column("Kolom", numeric=False), Column("Waarde"), Column("Soort", numeric=False)]
        rows = [(c.label, c.value or "(leeg)", c.kind) for c in cells]
        caption = f"{name} in het voorbeeld van {example.title}"
        return _scrolling(
            table(caption, columns, rows, css_class="rekenhulp-tabel gemeente-rekenhulp"), caption
        )

    def page(self, municipality: Municipality) -> str:
        src = municipality.src
        named_activities, every_activities = self.activities(municipality)
        agenda = self.agenda()
        label = agenda_label(self.agenda_folder / f"{agenda.year}.md") if agenda else None
        in_force = in_force_on(self.today, self.decisions.register)
        regions = sorted({p.decision.meta["regio"] for p in in_force})
        return render(
            "gemeente.md.j2",
            src=src,
            g=municipality,
            alle=self.municipalities,
            deel=[m.name for m in self.municipalities if m.part == municipality.part],
            inwoners=municipality.inhabitants(),
            inwoners_tabel=self.inhabitants_table(municipality),
            bron_cbs=credit(list(municipality.inhabitants())),
            geldend=in_force,
            geldend_regios=regions,
            hele_regio=regions == [WHOLE_REGION],
            onduidelijk=unclear_on(self.today, self.decisions.register),
            noemen=self.naming(municipality),
            agenda=agenda,
            agenda_label=label,
            agenda_src=f"beleidsagenda/{agenda.year}.md" if agenda else "",
            activiteiten_naam=named_activities,
            activiteiten_elk=every_activities,
            rekenhulpen=list(self.examples().values()),
            rekenhulp_tabel=self.calculator_table,
            soorten=(KIND_CBS, KIND_EXAMPLE, KIND_COMPUTED),
            stand=lambda d: self.decisions.state_now(d),
            front_matter=page_front_matter(
                municipality.name,
                f"{municipality.name} in de samenwerking van Noord- en Midden-Limburg: inwoners, "
                "besluiten, beleidsagenda en rekenhulpen.",
            ),
            **self.decisions.template_globals(),
        )

    def generated(self) -> list[tuple[str, str]]:
        """Every municipality page: (source path, Markdown)."""
        return [(m.src, self.page(m)) for m in self.municipalities]

    # ------------------------------------------------------------------ the overview

    def overview_table(self, from_src: str) -> str:
        """The 14 with a link to each page, their part and inhabitants. Written here rather
        than with the shared builder, which escapes every cell and so cannot hold a link;
        every text is escaped all the same. Links are relative to the served page (directory
        URLs), like the calculator links."""
        year = population.REFERENCE_YEAR
        caption = (
            f"De {len(self.municipalities)} gemeenten, met het deel van de regio en het aantal "
            f"inwoners op 1 januari {year}"
        )
        rows = [
            f'<tr><th scope="row"><a href="{html.escape(served_link(from_src, m.src))}">'
            f"{html.escape(m.name)}</a></th><td>{html.escape(m.part)}</td>"
            f'<td class="getal">{_thousands(population.inhabitants(m.code, year))}</td></tr>'
            for m in sorted(self.municipalities, key=lambda m: m.name)
        ]
        head = (
            '<th scope="col">Gemeente</th><th scope="col">Deel van de regio</th>'
            f'<th class="getal" scope="col">Inwoners op 1 januari {year}</th>'
        )
        markup = (
            '<div class="rekenhulp-tabel-wrap"><table class="rekenhulp-tabel gemeenten-overzicht">'
            f"<caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
        return _scrolling(markup, caption)

    def overview_map(self, from_src: str) -> str:
        """The 14 on a map, each a link to its page (as the table links), Noord- and
        Midden-Limburg in two grey tones; the legend and the boundaries' credit below it."""
        ordered = sorted(self.municipalities, key=lambda m: (PARTS.index(m.part), m.name))
        return region_map(
            {m.name: m.code for m in ordered},
            title=f"Kaart van de {len(ordered)} gemeenten van Noord- en Midden-Limburg",
            description=(
                "Noord-Limburg ligt in het noorden, Midden-Limburg in het zuiden. Elke gemeente "
                "op de kaart is een link naar haar pagina, net als in de tabel."
            ),
            link={m.name: served_link(from_src, m.src) for m in ordered},
            groups={m.name: m.part for m in ordered},
            map_id="gemeenten-kaart",
        )

    def overview(self, from_src: str = OVERVIEW_SRC) -> str:
        year = population.REFERENCE_YEAR
        totals = [(part, region_total(self.municipalities, part, year)) for part in PARTS]
        columns = [
            Column("Deel van de regio", numeric=False),
            Column("Gemeenten"),
            Column("Inwoners"),
        ]
        rows = [
            (part, sum(1 for m in self.municipalities if m.part == part), _thousands(total))
            for part, total in totals
        ]
        footer = ("Samen", len(self.municipalities), _thousands(sum(t for _, t in totals)))
        caption = f"Inwoners per deel van de regio op 1 januari {year}"
        parts_table = table(caption, columns, rows, footer, "rekenhulp-tabel gemeenten-delen")
        return render(
            "gemeenten-overzicht.md.j2",
            src=from_src,
            gemeenten_tabel=self.overview_table(from_src),
            kaart=self.overview_map(from_src),
            delen_tabel=_scrolling(parts_table, caption),
            bron_cbs=population.source_credit(year),
            **self.decisions.template_globals(),
        )


def credit(years: list[int]) -> str:
    """One credit for the figures of several years: "Bron: CBS, StatLine 70072ned, 1 januari
    2020, 1 januari 2021 en 1 januari 2022" (the data package's own wording, dates joined)."""
    if not years:
        return population.SOURCE_CREDIT
    parts = [population.source_credit(year).rsplit(", ", 1) for year in years]
    dates = [day for _, day in parts]
    joined = dates[0] if len(dates) == 1 else ", ".join(dates[:-1]) + " en " + dates[-1]
    return f"{parts[0][0]}, {joined}"


def _thousands(count: int) -> str:
    return f"{count:_}".replace("_", ".")


def _scrolling(markup: str, caption: str) -> str:
    """The table's scroll wrapper reachable by keyboard (WCAG 2.1.1), as the agenda does."""
    return markup.replace(
        '<div class="rekenhulp-tabel-wrap">',
        f'<div class="rekenhulp-tabel-wrap" tabindex="0" role="region" '
        f'aria-label="{html.escape(caption)}">',
        1,
    )


__all__ = ["OVERVIEW_SRC", "MunicipalityPages", "agenda_label", "names_in"]
