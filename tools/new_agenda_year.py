"""Start next year's beleidsagenda from the latest one.

    python tools/new_agenda_year.py            # next year after the latest agenda
    python tools/new_agenda_year.py --jaar 2024

What is carried over and what is reset is explained in ``sitecontent.start_next_year`` and in
CONTRIBUTING.md. The menu in mkdocs.yml is only updated for the site's own agenda folder.
All files are written or none; with ``--jaar`` a second run changes nothing.

Exit codes: 0 done (or already done), 1 refused (nothing changed), 2 wrong use, 130 Ctrl-C.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sitecontent
from sitecontent import (
    DutchArgumentParser,
    plan_next_year,
    run,
    say,
    write_together,
    year_argument,
)


def _goals(path: Path) -> sitecontent.Goals:
    try:
        return sitecontent.load_goals(path)
    except UnicodeDecodeError:
        # load_goals names the file for YAML errors, not for an encoding error.
        raise sitecontent.ContentError(
            [f"{sitecontent.shown(path)}: het bestand is geen UTF-8-tekst."]
        ) from None


def _start(args, paths: sitecontent.Paths) -> int:
    own_folder = args.map.resolve() == paths.agenda.resolve()
    mkdocs_yml = paths.mkdocs_yml if own_folder else None
    goals = _goals(paths.goals)
    # The ids of the record files, not a validated register: a record still being written
    # must not stop the new year.
    ids = {p.stem for p in sitecontent.record_files(paths.decisions)}
    plan = plan_next_year(args.map, goals, args.jaar, ids, mkdocs_yml=mkdocs_yml)
    write_together(plan.texts)
    for path in plan.texts:
        say(f"Geschreven: {sitecontent.shown(path)}")
    if not plan.texts:
        done = sitecontent.shown(Path(args.map) / f"{plan.year}.yaml")
        say(f"Niets veranderd: {done} en de pagina erbij staan er al zoals dit commando ze maakt.")
    if plan.nav_missing:
        say(
            f"Let op: {sitecontent.shown(mkdocs_yml)} heeft geen menu Beleidsagenda met jaren; "
            f"voeg {plan.year} daar zelf toe.",
            sys.stderr,
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    paths = sitecontent.Paths.of()
    parser = DutchArgumentParser(
        prog="tools/new_agenda_year.py",
        description="Begin de beleidsagenda van volgend jaar vanuit de nieuwste agenda.",
    )
    parser.add_argument(
        "--jaar", type=year_argument, help="het nieuwe jaar (standaard: nieuwste + 1)"
    )
    parser.add_argument("--map", type=Path, default=paths.agenda, help="map met de agenda's")
    args = parser.parse(argv)
    if isinstance(args, int):
        return args
    return run(lambda: _start(args, paths))


if __name__ == "__main__":
    sys.exit(main())
