"""Start next year's beleidsagenda from the latest one.

Carries over the unfinished activities (gepland and lopend keep their status; afgerond and
vervallen stay behind in their own year), clears progress notes, and resets budget and
financing to "nog te bepalen": the agenda feeds each year's regional budget, so last year's
amount is no decision for the new year. Writes ``<jaar>.yaml`` and ``<jaar>.md`` and adds the
year to the Beleidsagenda menu in mkdocs.yml. Never overwrites.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

import yaml

from ._agenda import (
    OPEN_STATUSES,
    PLANNING_RE,
    TBD,
    agenda_files,
    load_agenda,
    validate_agenda,
)
from ._errors import ContentError
from ._goals import Goals
from ._yaml import load_yaml

NAV_LINE = re.compile(r'^(?P<indent>\s*)- "(?P<year>\d{4})": beleidsagenda/\d{4}\.md\s*$')

PAGE = """# Beleidsagenda {year}

{{{{ beleidsagenda_jaar({year}) }}}}
"""


def carried_planning(planning: str, year: int) -> str:
    """Keep a period that still covers the new year; otherwise plan for the new year."""
    match = PLANNING_RE.match(planning)
    if match and match.group(2) and int(match.group(1)) <= year <= int(match.group(2)):
        return planning
    return str(year)


def next_year_data(latest: dict, year: int) -> dict:
    activities = []
    for activity in latest["activiteiten"]:
        if activity.get("status") not in OPEN_STATUSES:
            continue
        carried = {
            "id": activity["id"],
            "titel": activity["titel"],
        }
        if activity.get("omschrijving"):
            carried["omschrijving"] = activity["omschrijving"]
        carried.update(
            {
                "ambitie": activity["ambitie"],
                "doel": str(activity["doel"]),
                "schaal": activity["schaal"],
                "trekker": activity["trekker"],
                "planning": carried_planning(str(activity["planning"]), year),
                "budget": TBD,
                "status": activity["status"],
                "voortgang": "",
            }
        )
        if activity.get("besluiten"):
            carried["besluiten"] = list(activity["besluiten"])
        activities.append(carried)
    return {
        "jaar": year,
        "toelichting": (
            f"Voortgezet uit de beleidsagenda {latest['jaar']}: de activiteiten die nog gepland of "
            "lopend waren."
        ),
        "activiteiten": activities,
    }


def _scalar(value) -> str:
    """One YAML value on one line, lists in [a, b] form, as editors write them by hand."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def dump_agenda(data: dict) -> str:
    lines = [f"jaar: {data['jaar']}", f"toelichting: {_scalar(data['toelichting'])}"]
    lines.append("activiteiten:")
    for activity in data["activiteiten"]:
        for index, (key, value) in enumerate(activity.items()):
            lines.append(f"{'  - ' if index == 0 else '    '}{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def add_to_nav(mkdocs_yml: Path, year: int) -> bool:
    """Insert the new year after the last year in the Beleidsagenda menu; False if not found."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    last = None
    for index, line in enumerate(lines):
        match = NAV_LINE.match(line.rstrip("\n"))
        if match:
            if int(match.group("year")) == year:
                return True
            last = (index, match.group("indent"))
    if last is None:
        return False
    index, indent = last
    lines.insert(index + 1, f'{indent}- "{year}": beleidsagenda/{year}.md\n')
    mkdocs_yml.write_text("".join(lines), encoding="utf-8")
    return True


def start_next_year(
    directory: Path,
    goals: Goals,
    year: int | None = None,
    decision_ids: Collection[str] | None = None,
    mkdocs_yml: Path | None = None,
) -> list[Path]:
    """Write the new year's files; returns them. Raises ContentError.

    The menu in ``mkdocs_yml`` is only touched when that file is passed explicitly.
    """
    directory = Path(directory)
    files = agenda_files(directory)
    if not files:
        raise ContentError([f"Er staat nog geen beleidsagenda in {directory} om mee te beginnen."])
    latest_year, latest_path = max(files.items())
    load_agenda(latest_path, goals, decision_ids)  # refuse to copy an invalid agenda
    year = year or latest_year + 1
    target = directory / f"{year}.yaml"
    page = directory / f"{year}.md"
    for path in (target, page):
        if path.exists():
            raise ContentError([f"{path} bestaat al; het bestand is niet overschreven."])
    if year <= latest_year:
        raise ContentError(
            [f"Het nieuwe jaar moet na {latest_year} liggen (de nieuwste beleidsagenda)."]
        )

    # Dates stay text, as in the validator that just accepted this file.
    latest = load_yaml(latest_path.read_text(encoding="utf-8"))
    data = next_year_data(latest, year)
    header = (
        f"# Beleidsagenda {year}, gestart met tools/new_agenda_year.py vanuit {latest_year}.\n"
        "# Uitleg van de velden: zie docs/beleidsagenda/index.md (pagina Beleidsagenda).\n"
    )
    body = dump_agenda(data)
    target.write_text(header + body, encoding="utf-8")
    errors = validate_agenda(target, goals, decision_ids)
    if errors:  # should not happen; never leave an invalid file behind
        target.unlink()
        raise ContentError(errors)
    page.write_text(PAGE.format(year=year), encoding="utf-8")
    written = [target, page]
    if mkdocs_yml is not None and add_to_nav(Path(mkdocs_yml), year):
        written.append(Path(mkdocs_yml))
    return written
