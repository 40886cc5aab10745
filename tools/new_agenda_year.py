"""Start next year's beleidsagenda from the latest one.

    python tools/new_agenda_year.py            # next year after the latest agenda
    python tools/new_agenda_year.py --jaar 2024

What is carried over and what is reset is explained in ``sitecontent.start_next_year`` and in
CONTRIBUTING.md. The menu in mkdocs.yml is only updated for the site's own agenda folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import sitecontent


def main(argv: list[str] | None = None) -> int:
    paths = sitecontent.Paths.of()
    parser = argparse.ArgumentParser(
        description="Begin de beleidsagenda van volgend jaar vanuit de nieuwste agenda."
    )
    parser.add_argument("--jaar", type=int, help="het nieuwe jaar (standaard: nieuwste + 1)")
    parser.add_argument("--map", type=Path, default=paths.agenda, help="map met de agenda's")
    args = parser.parse_args(argv)
    own_folder = args.map.resolve() == paths.agenda.resolve()
    mkdocs_yml = paths.mkdocs_yml if own_folder else None
    try:
        goals = sitecontent.load_goals(paths.goals)
        # The ids of the record files, not a validated register: a record still being
        # written must not stop the new year.
        ids = {p.stem for p in sitecontent.record_files(paths.decisions)}
        written = sitecontent.start_next_year(
            args.map, goals, args.jaar, ids, mkdocs_yml=mkdocs_yml
        )
    except sitecontent.ContentError as exc:
        print(f"Niet gelukt: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Geschreven: {path}")
    if mkdocs_yml is not None and mkdocs_yml not in written:
        print(
            "Let op: voeg het nieuwe jaar zelf toe aan het menu Beleidsagenda in mkdocs.yml.",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
