"""Macros for the beleidsagenda pages: a page per year, the overview across years, and the
cross-link ``activiteiten_bij_ambitie`` used on the ambition pages of the regiovisie.

Everything is rendered as Markdown so MkDocs checks every link and anchor in the strict
build. Links are made relative to the source file of the page that calls the macro.
"""

from __future__ import annotations

import html
import posixpath
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from calculators.render.html import Column, table  # noqa: E402
from tools import agenda as agenda_data  # noqa: E402

STATUS_LABELS = {
    "gepland": "gepland",
    "lopend": "lopend",
    "afgerond": "afgerond",
    "vervallen": "vervallen",
}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def md_text(value: object) -> str:
    """Editor text made safe inside Markdown (also inside table cells)."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def euro(amount: float) -> str:
    """Dutch notation: € 12.500 or € 12.500,50 (the same rounding as the CSV)."""
    return agenda_data.euro_text(amount)


def agenda_table(caption: str, columns, rows, footer) -> str:
    """The shared escaping table, its scroll wrapper reachable by keyboard (WCAG 2.1.1):
    wide tables scroll sideways on a phone."""
    markup = table(caption, columns, rows, footer)
    return markup.replace(
        '<div class="rekenhulp-tabel-wrap">',
        f'<div class="rekenhulp-tabel-wrap" tabindex="0" role="region" '
        f'aria-label="{html.escape(caption)}">',
        1,
    )


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def define_env(env) -> None:
    docs_dir = Path(env.conf["docs_dir"])
    decisions_dir = agenda_data.DECISIONS_DIR

    def current_src() -> str:
        page = getattr(env, "page", None)
        return page.file.src_uri if page is not None and page.file else "index.md"

    def rel(target: str) -> str:
        here = posixpath.dirname(current_src())
        return posixpath.relpath(target, here or ".")

    def load():
        goals = agenda_data.load_goals(docs_dir / "regiovisie" / "doelen.yaml")
        agendas = agenda_data.load_all(docs_dir / "beleidsagenda", goals, decisions_dir)
        return goals, agendas

    def goal_link(goal_id: str, goals) -> str:
        goal = goals.goal(goal_id)
        number = goal_id.split(".")[0]
        label = f"{goal_id} {md_text(goal['naam'])}"
        target = f"regiovisie/ambitie-{number}.md"
        if (docs_dir / target).exists():
            return f"[{label}]({rel(target)}#doel-{goal_id.replace('.', '-')})"
        return label

    def ambition_link(number: int, goals) -> str:
        label = f"ambitie {number} in de regiovisie"
        target = f"regiovisie/ambitie-{number}.md"
        if (docs_dir / target).exists():
            return f"[{label}]({rel(target)})"
        return label

    def decision_link(decision_id: str, superseded: dict[str, list[str]]) -> str:
        # The decisions hook publishes decisions/<id>.md as besluiten/<id>/.
        if not (decisions_dir / f"{decision_id}.md").exists():
            return decision_id
        text = f"[{decision_id}]({rel(f'besluiten/{decision_id}.md')})"
        if decision_id in superseded:
            # The build log warns the editor; the reader is told on the page itself.
            newer = ", ".join(f"[{s}]({rel(f'besluiten/{s}.md')})" for s in superseded[decision_id])
            text += f" (vervangen{' door ' + newer if newer else ''})"
        return text

    def budget_text(activity) -> str:
        if activity["budget"] == agenda_data.TBD:
            return "nog te bepalen"
        return euro(float(activity["budget"]))

    def activity_block(activity, goals) -> str:
        # Title paragraph carries the anchor; the facts follow on one line, so 21 activities
        # stay scannable on screen and on paper.
        facts = [
            f"Doel: {goal_link(activity['doel'], goals)}",
            f"Schaal: {md_text(' en '.join(activity['schaal']))}",
            f"Trekker: {md_text(activity['trekker'])}",
            f"Planning: {md_text(activity['planning'])}",
            f"Budget: {budget_text(activity)}",
        ]
        if activity["financiering"]:
            facts.append(f"Financiering: {md_text(activity['financiering'])}")
        facts.append(f"Status: **{STATUS_LABELS[activity['status']]}**")
        if activity["besluiten"]:
            superseded = agenda_data.superseded_decisions(decisions_dir)
            links = (decision_link(d, superseded) for d in activity["besluiten"])
            facts.append("Besluiten: " + ", ".join(links))
        lines = [
            f"**{md_text(activity['titel'])}** (activiteit {activity['id']})",
            f"{{: #activiteit-{activity['id']} .agenda-activiteit }}",
            "",
            " · ".join(facts),
            "",
        ]
        if activity["omschrijving"]:
            lines += [f"Toelichting: {md_text(activity['omschrijving'])}", ""]
        if activity["voortgang"]:
            lines += [f"Voortgang: {md_text(activity['voortgang'])}", ""]
        return "\n".join(lines)

    def totals_table(caption: str, rows, first_header: str, total) -> str:
        # HTML from the shared escaping builder: numbers right-aligned by the site's CSS
        # (Markdown column alignment would need inline styles, which the CSP blocks).
        columns = [
            Column(first_header, numeric=False),
            Column("Activiteiten"),
            Column("Met bekend budget"),
            Column("Bekend budget"),
            Column("Budget nog te bepalen"),
        ]

        def cells(label, row):
            return [
                label,
                row["activiteiten"],
                row["met_budget"],
                euro(row["budget"]),
                row["zonder_budget"],
            ]

        footer = cells("Totaal", total)
        return "\n" + agenda_table(caption, columns, [cells(*r) for r in rows], footer) + "\n"

    def status_table(jaar: int, df, total) -> str:
        """Activities and known budget per status; the total leaves ``vervallen`` out."""
        from tools import agenda_tables as tables

        budgets = tables.status_budgets(df)

        def amount(status: str | None, known: int, value: float) -> str:
            # "€ 0" would read as "costs nothing" where no amount is known yet.
            text = euro(value) if known else "geen bedrag bekend"
            return text + (" (telt niet mee)" if status == tables.CANCELLED and known else "")

        rows = [
            [STATUS_LABELS[s], n, amount(s, *budgets[s])]
            for s, n in tables.status_counts(df).items()
        ]
        columns = [Column("Status", numeric=False), Column("Activiteiten"), Column("Bekend budget")]
        footer = [
            "Totaal (zonder vervallen budget)",
            total["activiteiten"],
            amount(None, total["met_budget"], total["budget"]),
        ]
        caption = f"Activiteiten en bekend budget per status in {jaar}"
        return "\n" + agenda_table(caption, columns, rows, footer) + "\n"

    @env.macro
    def beleidsagenda_jaar(jaar: int) -> str:
        """The whole body of a year page (below its title)."""
        from tools import agenda_tables as tables

        goals, agendas = load()
        if jaar not in agendas:
            raise ValueError(f"Er is geen beleidsagenda voor {jaar} (docs/beleidsagenda/).")
        agenda = agendas[jaar]
        df = tables.frame(agenda, goals)
        total = tables.grand_total(df)
        earlier = [y for y in agendas if y < jaar]
        previous = max(earlier) if earlier else None

        parts = []
        if agenda.toelichting:
            parts.append(md_text(agenda.toelichting) + "\n")
        summary = (
            f"Op deze agenda staan {count(total['activiteiten'], 'activiteit', 'activiteiten')}. "
        )
        if total["met_budget"] == 0:
            summary += "Van geen enkele activiteit is het budget al bekend. "
        else:
            summary += (
                f"Bij {total['met_budget']} daarvan is het budget bekend, samen "
                f"{euro(total['budget'])}; bij {total['zonder_budget']} is het nog te bepalen. "
            )
        parts.append(summary + "Een bedrag staat hier pas als het is vastgesteld.\n")
        parts.append(
            f"[Download de beleidsagenda {jaar} als CSV-bestand]({jaar}.csv) "
            "(te openen in Excel; puntkomma als scheidingsteken). De gegevens zelf staan in "
            f"het bestand [{jaar}.yaml]({jaar}.yaml).\n"
        )

        parts.append("## Voortgang\n")
        parts.append(status_table(jaar, df, total))
        if previous is None:
            parts.append(
                f"{jaar} is het eerste jaar in deze reeks; er is geen vorig jaar om mee te "
                "vergelijken.\n"
            )
        else:
            change = tables.changes(tables.frame(agendas[previous], goals), df)
            parts.append(f"### Wat is er veranderd sinds {previous}\n")
            parts.append(
                f"- Doorgeschoven uit {previous}: {len(change['doorgeschoven'])}\n"
                f"- Nieuw in {jaar}: {len(change['nieuw'])}\n"
                f"- Niet meer op de agenda: {len(change['niet_meer'])}\n"
                f"- Met een andere status dan in {previous}: {len(change['status_gewijzigd'])}\n"
            )
            if len(change["nieuw"]):
                parts.append(f"Nieuw in {jaar}:\n")
                parts.append(
                    "\n".join(
                        f"- [{md_text(r.titel_nieuw)}](#activiteit-{r.id})"
                        for r in change["nieuw"].itertuples()
                    )
                    + "\n"
                )
            if len(change["niet_meer"]):
                parts.append(f"Niet meer op de agenda (met de status in {previous}):\n")
                parts.append(
                    "\n".join(
                        f"- [{md_text(r.titel_oud)}]({previous}.md#activiteit-{r.id}): "
                        f"{STATUS_LABELS[r.status_oud]}"
                        for r in change["niet_meer"].itertuples()
                    )
                    + "\n"
                )
            if len(change["status_gewijzigd"]):
                parts.append("Andere status:\n")
                parts.append(
                    "\n".join(
                        f"- [{md_text(r.titel_nieuw)}](#activiteit-{r.id}): "
                        f"{STATUS_LABELS[r.status_oud]} → {STATUS_LABELS[r.status_nieuw]}"
                        for r in change["status_gewijzigd"].itertuples()
                    )
                    + "\n"
                )

        parts.append("## Totalen\n")
        parts.append(
            "Het bekende budget telt alleen de activiteiten waarvan het bedrag al vaststaat. "
            "Het budget van vervallen activiteiten telt niet mee; het staat apart in de tabel "
            "per status.\n"
        )
        parts.append("### Per pijler\n")
        by_pillar = tables.totals(df, "pijler")
        parts.append(
            totals_table(
                f"Activiteiten en bekend budget per pijler in {jaar}",
                [
                    (f"Pijler {r['pijler']}: {goals.pillars[r['pijler']]}", r)
                    for r in by_pillar.to_dict("records")
                ],
                "Pijler",
                total,
            )
        )
        parts.append("### Per ambitie\n")
        by_ambition = tables.totals(df, "ambitie")
        parts.append(
            totals_table(
                f"Activiteiten en bekend budget per ambitie in {jaar}",
                [
                    (f"{r['ambitie']}. {goals.ambitions[r['ambitie']]['naam']}", r)
                    for r in by_ambition.to_dict("records")
                ],
                "Ambitie",
                total,
            )
        )
        parts.append("### Per schaal\n")
        by_scale = tables.totals(df, "schaal")
        order = {label: i for i, label in enumerate(sorted(by_scale["schaal"], key=_scale_order))}
        rows = sorted(by_scale.to_dict("records"), key=lambda r: order[r["schaal"]])
        parts.append(
            totals_table(
                f"Activiteiten en bekend budget per schaal in {jaar}",
                [(r["schaal"], r) for r in rows],
                "Schaal",
                total,
            )
        )
        parts.append(
            "Een activiteit die regionaal én lokaal wordt uitgevoerd, telt één keer mee, in "
            "de rij 'regionaal en lokaal'.\n"
        )

        for pillar, pillar_name in sorted(goals.pillars.items()):
            parts.append(f"## Activiteiten bij pijler {pillar}: {md_text(pillar_name)}\n")
            for number, ambition in sorted(goals.ambitions.items()):
                if ambition["pijler"] != pillar:
                    continue
                parts.append(f"### {ambition_link_heading(number, goals)}\n")
                link = ambition_link(number, goals)
                if "](" in link:
                    parts.append(f"Zie {link}.\n")
                chosen = [a for a in agenda.activities if a["ambitie"] == number]
                if not chosen:
                    parts.append("*Geen activiteiten bij deze ambitie in dit jaar.*\n")
                for activity in sorted(chosen, key=lambda a: (_goal_key(a["doel"]), a["id"])):
                    parts.append(activity_block(activity, goals))
        parts.append("*Bron: Regiovisie Meedoen en Wonen 2022-2026 (doelen en schaal).*\n")
        return "\n".join(parts)

    def ambition_link_heading(number: int, goals) -> str:
        # Headings hold plain text; the link to the ambition sits in the goal lines below.
        return f"Ambitie {number}: {md_text(goals.ambitions[number]['naam'])}"

    @env.macro
    def beleidsagenda_overzicht() -> str:
        """Table across all years, with links to each year page and its CSV file."""
        from tools import agenda_tables as tables

        goals, agendas = load()
        out = [
            "| Jaar | Activiteiten | Gepland | Lopend | Afgerond | Vervallen | "
            "Bekend budget | Download |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for year, agenda in sorted(agendas.items(), reverse=True):
            df = tables.frame(agenda, goals)
            total = tables.grand_total(df)
            statuses = tables.status_counts(df)
            out.append(
                f"| [Beleidsagenda {year}]({rel(f'beleidsagenda/{year}.md')}) | "
                f"{total['activiteiten']} | "
                + " | ".join(str(statuses[s]) for s in agenda_data.STATUSES)
                + f" | {euro(total['budget'])} ({total['met_budget']} van "
                f"{total['activiteiten']} bekend) | "
                f"[CSV {year}]({rel(f'beleidsagenda/{year}.csv')}) |"
            )
        return "\n".join(out) + "\n"

    @env.macro
    def activiteiten_bij_ambitie(nummer: int) -> str:
        """The activities of the latest agenda for one ambition, linked to their year page."""
        goals, agendas = load()
        if not agendas:
            return "*Er is nog geen beleidsagenda.*"
        year = max(agendas)
        chosen = [a for a in agendas[year].activities if a["ambitie"] == int(nummer)]
        overview = rel("beleidsagenda/index.md")
        if not chosen:
            return (
                f"*In de beleidsagenda {year} staan geen activiteiten bij deze ambitie.* "
                f"Zie ook het [overzicht van alle jaren]({overview}).\n"
            )
        page = rel(f"beleidsagenda/{year}.md")
        lines = [f"Activiteiten in de [beleidsagenda {year}]({page}):", ""]
        for activity in sorted(chosen, key=lambda a: (_goal_key(a["doel"]), a["id"])):
            lines.append(
                f"- [{md_text(activity['titel'])}]({page}#activiteit-{activity['id']}) "
                f"(doel {activity['doel']}, {md_text(' en '.join(activity['schaal']))}, "
                f"{STATUS_LABELS[activity['status']]})"
            )
        lines += ["", f"Eerdere jaren staan in het [overzicht van de beleidsagenda]({overview})."]
        return "\n".join(lines) + "\n"


def _goal_key(goal_id: str) -> tuple[int, int]:
    ambition, goal = goal_id.split(".")
    return int(ambition), int(goal)


def _scale_order(label: str) -> tuple:
    parts = label.split(" en ")
    return (len(parts), [agenda_data.SCALES.index(p) for p in parts])
