"""Start next year's beleidsagenda from the latest one.

Carries over the unfinished activities (gepland and lopend keep their status; afgerond and
vervallen stay behind in their own year), clears progress notes, and resets budget and
financing to "nog te bepalen": the agenda feeds each year's regional budget, so last year's
amount is no decision for the new year. Writes ``<jaar>.yaml`` and ``<jaar>.md`` and adds the
year to the Beleidsagenda menu in mkdocs.yml.

Never overwrites: a file that exists must be exactly what the command would write (then a
second run changes nothing), otherwise it refuses. The new year is checked in a copy of the
folder, and all files are written together or not at all (``_files``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
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
from ._cli import quoted
from ._errors import ContentError
from ._files import check_in_copy, os_problem, write_together
from ._goals import Goals
from ._paths import shown
from ._yaml import YamlMapping, load_yaml

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


def next_year_data(latest: YamlMapping, year: int) -> YamlMapping:
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


def _scalar(value: object) -> str:
    """One YAML value on one line, lists in [a, b] form, as editors write them by hand."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def dump_agenda(data: YamlMapping) -> str:
    lines = [f"jaar: {data['jaar']}", f"toelichting: {_scalar(data['toelichting'])}"]
    lines.append("activiteiten:")
    for activity in data["activiteiten"]:
        for index, (key, value) in enumerate(activity.items()):
            lines.append(f"{'  - ' if index == 0 else '    '}{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class NextYear:
    """The new year and the files still to write (those not yet as the command makes them)."""

    year: int
    texts: dict[Path, str] = field(default_factory=dict)
    # mkdocs.yml was given but has no Beleidsagenda menu with years in it.
    nav_missing: bool = False


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError([f"{shown(path)}: het bestand is geen UTF-8-tekst."]) from None
    except OSError as exc:
        raise ContentError([os_problem(exc, path, "niet te lezen")]) from None


def nav_with_year(text: str, year: int) -> str | None:
    """mkdocs.yml with the year after the last year in the Beleidsagenda menu (unchanged if it
    is there already); None if the menu has no years."""
    lines = text.splitlines(keepends=True)
    last = None
    for index, line in enumerate(lines):
        match = NAV_LINE.match(line.rstrip("\r\n"))
        if match:
            if int(match.group("year")) == year:
                return text
            last = (index, match.group("indent"))
    if last is None:
        return None
    index, indent = last
    ending = "\r\n" if lines[index].endswith("\r\n") else "\n"
    lines.insert(index + 1, f'{indent}- "{year}": beleidsagenda/{year}.md{ending}')
    return "".join(lines)


def _new_year(year: int | None, files: dict[int, Path]) -> int:
    """The year to start, checked against the years there are; 0 is a year, not 'none'."""
    latest = max(files)
    year = latest + 1 if year is None else year
    if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999:
        raise ContentError(
            [f"--jaar moet een jaartal van vier cijfers zijn (niet {quoted(year)})."]
        )
    if year not in files and year <= latest:
        raise ContentError(
            [
                f"--jaar {year}: het nieuwe jaar moet na {latest} liggen (de nieuwste "
                f"beleidsagenda, {shown(files[latest])})."
            ]
        )
    if not any(earlier < year for earlier in files):
        raise ContentError([f"{shown(files[year])} bestaat al; het bestand is niet overschreven."])
    return year


def _still_to_write(texts: dict[Path, str], editable: Path | None) -> dict[Path, str]:
    """The files that are not yet as the command makes them; refuses to overwrite a year or
    page that exists with other content (only ``editable``, mkdocs.yml, is edited)."""
    todo = {}
    for path, text in texts.items():
        if path.is_dir():
            raise ContentError([f"{shown(path)}: er staat een map met die naam."])
        if not path.exists():
            todo[path] = text
        elif _read(path) != text:
            if path != editable:
                raise ContentError(
                    [
                        f"{shown(path)} bestaat al (en is anders dan wat dit commando zou maken); "
                        "het bestand is niet overschreven. Kies een ander jaar met --jaar."
                    ]
                )
            todo[path] = text
    return todo


def _check_year(copy: Path, name: str, goals: Goals, decision_ids: Collection[str] | None) -> None:
    errors = validate_agenda(copy / name, goals, decision_ids)
    if errors:  # should not happen: the source was valid
        raise ContentError(errors)


def plan_next_year(
    directory: Path,
    goals: Goals,
    year: int | None = None,
    decision_ids: Collection[str] | None = None,
    mkdocs_yml: Path | None = None,
) -> NextYear:
    """Check everything and compose the new year's files; writes nothing. Raises
    ContentError. The menu in ``mkdocs_yml`` is only planned when that file is passed."""
    directory = Path(directory)
    if not directory.is_dir():
        what = "is een bestand, geen map" if directory.exists() else "bestaat niet"
        raise ContentError([f"--map {shown(directory)}: de map met de beleidsagenda {what}."])
    files = agenda_files(directory)
    if not files:
        where = shown(directory)
        raise ContentError(
            [f"{where}: hier staat nog geen beleidsagenda (<jaar>.yaml) om mee te beginnen."]
        )
    year = _new_year(year, files)
    source_year = max(earlier for earlier in files if earlier < year)
    load_agenda(files[source_year], goals, decision_ids)  # refuse to copy an invalid agenda
    # Dates stay text, as in the validator that just accepted this file.
    data = next_year_data(load_yaml(_read(files[source_year])), year)
    header = (
        f"# Beleidsagenda {year}, gestart met tools/new_agenda_year.py vanuit {source_year}.\n"
        "# Uitleg van de velden: zie docs/beleidsagenda/index.md (pagina Beleidsagenda).\n"
    )
    target = directory / f"{year}.yaml"
    texts = {target: header + dump_agenda(data), directory / f"{year}.md": PAGE.format(year=year)}
    check_in_copy(
        directory,
        {target: texts[target]},
        lambda c: _check_year(c, target.name, goals, decision_ids),
    )
    nav = None
    if mkdocs_yml is not None:
        nav = nav_with_year(_read(Path(mkdocs_yml)), year)
        if nav is not None:
            texts[Path(mkdocs_yml)] = nav
    editable = Path(mkdocs_yml) if mkdocs_yml is not None else None
    return NextYear(year, _still_to_write(texts, editable), mkdocs_yml is not None and nav is None)


def start_next_year(
    directory: Path,
    goals: Goals,
    year: int | None = None,
    decision_ids: Collection[str] | None = None,
    mkdocs_yml: Path | None = None,
) -> list[Path]:
    """Write the new year's files, all or none; returns those written (none when a run
    before already wrote them). Raises ContentError, and then nothing has changed.

    The menu in ``mkdocs_yml`` is only touched when that file is passed explicitly.
    """
    plan = plan_next_year(directory, goals, year, decision_ids, mkdocs_yml)
    write_together(plan.texts)
    return list(plan.texts)
