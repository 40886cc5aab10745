"""Macros for the Regiovisie section: goals from doelen.yaml, the transformation table and
chart from its CSV, overviews of the ambitions and the one printable page.

Pages call these macros instead of repeating the data, so a page can never disagree with
the data files (the tests read the same files).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import sitecontent
from calculators.render.html import Column, Series, bar_chart, table
from sitecontent import md_text, rel

DOCS = Path(__file__).resolve().parent.parent / "docs"
TRANSFORMATION_FILE = DOCS / "regiovisie" / "data" / "transformatie-2018-2020.csv"
MUNICIPALITIES_FILE = DOCS / "regiovisie" / "data" / "gemeenten.yaml"

# Reading order of the vision; the printable page follows it and a test checks the nav.
READING_ORDER = [
    "regiovisie/index.md",
    "regiovisie/aanleiding.md",
    "regiovisie/terugblik.md",
    "regiovisie/visie-en-doelgroep.md",
    "regiovisie/pijler-1.md",
    "regiovisie/ambitie-1.md",
    "regiovisie/ambitie-2.md",
    "regiovisie/ambitie-3.md",
    "regiovisie/ambitie-4.md",
    "regiovisie/pijler-2.md",
    "regiovisie/ambitie-5.md",
    "regiovisie/ambitie-6.md",
    "regiovisie/ambitie-7.md",
    "regiovisie/sturing-en-uitvoering.md",
    "regiovisie/bijlagen.md",
]

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
# Lines that only make sense on the page itself (e.g. "print this page" hints).
ONLY_ON_PAGE = re.compile(r"^.*<!-- alleen-op-pagina -->.*\n?", re.MULTILINE)


def load_transformation() -> tuple[list[str], list[tuple[str, list[int]]], list[str]]:
    """Years, rows and sources (the ``bron`` column) of the BW/BT transformation table; fails
    the build on inconsistency or on a row without a source."""
    with TRANSFORMATION_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if header[-1] != "bron":
            raise ValueError("transformatie: de laatste kolom moet 'bron' heten")
        records = [row for row in reader if row]
    rows = [(row[0], [int(value) for value in row[1:-1]]) for row in records]
    sources: list[str] = []
    for row in records:
        if not row[-1].strip():
            raise ValueError(f"transformatie: rij {row[0]!r} heeft geen bron")
        if row[-1].strip() not in sources:
            sources.append(row[-1].strip())
    years = header[1:-1]
    values = dict(rows)
    bw, bt = values["Plekken BW gerealiseerd"], values["Plekken BT gerealiseerd"]
    total, bought = values["Totaal"], values["Aantal plekken inkoop"]
    for index, year in enumerate(years):
        if bw[index] + bt[index] != total[index]:
            raise ValueError(f"transformatie: totaal {year} is niet BW + BT")
        if bought[index] - total[index] != values["Inkoop minus realisatie"][index]:
            raise ValueError(f"transformatie: inkoop minus realisatie {year} klopt niet")
    return years, rows, sources


def load_municipalities() -> dict:
    # The strict reader: a duplicated municipality or an octal number must not slip through.
    return sitecontent.load_yaml(MUNICIPALITIES_FILE.read_text(encoding="utf-8"))


def signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def define_env(env) -> None:
    def relative(target: str) -> str:
        """Link from the page being rendered to a docs-relative source path."""
        page = getattr(env, "page", None)
        return rel(page.file.src_path if page is not None and page.file else "index.md", target)

    def goals():
        """The goals the plugin regio loaded for this build."""
        found = env.variables["inhoud"].goals
        if found is None:
            raise ValueError("docs/regiovisie/doelen.yaml kon niet worden gelezen")
        return found

    @env.macro
    def doelen_van_ambitie(nummer: int) -> str:
        """Every goal of one ambition as a heading (anchor doel-N-M), scale and description."""
        parts = []
        for goal in goals().ambitions[nummer].doelen:
            note = goal.schaal_keuze_redactie
            parts.append(
                f"### Doel {goal.id}: {md_text(goal.naam)} {{ #{goal.anchor} }}\n\n"
                f"**Schaal:** {goal.scale_text}\n\n"
                + (f"*{md_text(note)}*\n{{: .schaal-keuze }}\n\n" if note else "")
                + f"{md_text(goal.omschrijving)}\n"
            )
        return "\n".join(parts)

    @env.macro
    def ambitie_naam(nummer: int) -> str:
        return md_text(goals().ambitions[nummer].naam)

    @env.macro
    def ambitie_samenvatting(nummer: int) -> str:
        ambition = goals().ambitions[nummer]
        pillar = goals().pillars[ambition.pijler]
        link = relative(f"regiovisie/pijler-{pillar.nummer}.md")
        return (
            f"Deze ambitie hoort bij [pijler {pillar.nummer}: {md_text(pillar.naam)}]({link}). "
            f"{md_text(ambition.samenvatting)}"
        )

    @env.macro
    def ambities_overzicht(pijler: int | None = None, kort: bool = False) -> str:
        """List of ambitions (optionally of one pillar) with links and, unless short, goals."""
        lines = []
        for ambition in goals().ambitions_of(pijler):
            link = relative(f"regiovisie/ambitie-{ambition.nummer}.md")
            if kort:
                # Bullets, not "5." items: Markdown would renumber a list from 1.
                lines.append(f"- Ambitie {ambition.nummer}: [{md_text(ambition.naam)}]({link})")
                continue
            names = "; ".join(md_text(goal.naam) for goal in ambition.doelen)
            lines.append(
                f"- Ambitie {ambition.nummer}: [{md_text(ambition.naam)}]({link}). "
                f"{md_text(ambition.samenvatting)} *Doelen: {names}.*"
            )
        return "\n".join(lines) + "\n"

    @env.macro
    def doelen_matrix(pijler: int) -> str:
        """The goals matrix of one pillar as an accessible table (ambition, goal, scale)."""
        rows = []
        chosen = []
        for ambition in goals().ambitions_of(pijler):
            for goal in ambition.doelen:
                rows.append(
                    (
                        goal.id,
                        goal.naam,
                        f"{ambition.nummer}. {ambition.naam}",
                        goal.scale_text,
                    )
                )
                if goal.schaal_keuze_redactie:
                    chosen.append(f"*Doel {goal.id}: {md_text(goal.schaal_keuze_redactie)}*")
        columns = [
            Column("Doel", numeric=False),
            Column("Naam", numeric=False),
            Column("Ambitie", numeric=False),
            Column("Schaal", numeric=False),
        ]
        caption = f"Doelen bij pijler {pijler}: {goals().pillars[pijler].naam}"
        markup = table(caption, columns, rows, css_class="rekenhulp-tabel regiovisie-doelen")
        return markup + "".join(f"\n\n{line}" for line in chosen)

    @env.macro
    def transformatie_tabel() -> str:
        years, rows, sources = load_transformation()
        columns = [Column("Onderdeel", numeric=False)]
        for index, year in enumerate(years):
            if index:
                columns.append(Column(f"Verschil {years[index - 1]}-{year}"))
            columns.append(Column(year))
        body = []
        for label, values in rows:
            cells: list[object] = [label]
            for index, value in enumerate(values):
                if index:
                    cells.append(signed(value - values[index - 1]))
                cells.append(value)
            body.append(cells)
        caption = "Gerealiseerde transformatie beschermd wonen (BW) en beschermd thuis (BT)"
        markup = table(caption, columns, body, css_class="rekenhulp-tabel transformatie-tabel")
        return f"{markup}\n\n*Bron bij deze tabel: {md_text('; '.join(sources))}.*"

    @env.macro
    def transformatie_grafiek() -> str:
        years, rows, sources = load_transformation()
        values = dict(rows)
        series = [
            Series(
                "Plekken BW",
                "as-reeks-1",
                values["Plekken BW gerealiseerd"],
                [str(v) for v in values["Plekken BW gerealiseerd"]],
            ),
            Series(
                "Plekken BT",
                "as-reeks-2",
                values["Plekken BT gerealiseerd"],
                [str(v) for v in values["Plekken BT gerealiseerd"]],
            ),
        ]
        svg = bar_chart(
            "transformatie-grafiek",
            "Gerealiseerde plekken beschermd wonen en beschermd thuis, 2018-2020",
            "Staafdiagram. Dezelfde cijfers staan in de tabel bij deze grafiek. "
            f"Bron: {'; '.join(sources)}.",
            years,
            series,
        )
        return (
            f'<div class="regiovisie-grafiek">{svg}</div>\n\n'
            f"*Bron bij deze grafiek: {md_text('; '.join(sources))}.*"
        )

    @env.macro
    def gemeenten_tabel() -> str:
        """The 14 municipalities with their part of the region, as the 2019 plan gives them."""
        data = load_municipalities()
        rows = []
        for item in data["gemeenten"]:
            venlo = "ja" if item["centrumgemeente_venlo_2019"] else "nee"
            if item.get("herkomst"):
                venlo += f", kwam uit de {item['herkomst']}"
            rows.append((item["naam"], item["deelregio"], venlo))
        columns = [
            Column("Gemeente", numeric=False),
            Column("Deel van de regio", numeric=False),
            Column("Eind 2019 al bij centrumgemeente Venlo", numeric=False),
        ]
        caption = f"De {len(rows)} gemeenten van Noord- en Midden-Limburg"
        markup = table(caption, columns, rows, css_class="rekenhulp-tabel gemeenten-tabel")
        return f"{markup}\n\n*Bron bij deze tabel: {md_text(data['bron'])}.*"

    @env.macro
    def regiovisie_afdruk() -> str:
        """The whole vision in reading order, headings one level down, from the page sources."""
        parts = []
        for src in READING_ORDER:
            text = (DOCS / src).read_text(encoding="utf-8")
            text = FRONT_MATTER.sub("", text)
            text = ONLY_ON_PAGE.sub("", text)
            rendered = env.render(text, force_rendering=True)
            rendered = HEADING.sub(lambda match: "#" + match.group(1) + " ", rendered)
            # Each chapter after the first starts on a new sheet of paper.
            page_break = '<div class="afdruk-breuk"></div>\n\n' if parts else ""
            parts.append(page_break + rendered.strip() + "\n")
        return "\n\n".join(parts)
