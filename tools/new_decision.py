"""Create a new decision record from ``decisions/_template.md`` with the next free id.

Usage::

    python tools/new_decision.py --reeks up --titel "Korte titel" [--jaar 2021] [--regio ...]
    python tools/new_decision.py --reeks up --titel "..." --vervangt up-2020-04
    python tools/new_decision.py --reeks up --titel "..." --vervangt bp-2019-06 \\
        --opvolging gedeeltelijk --toelichting "Eén zin over wat wel en niet overgaat."

The id is ``<reeks>-<jaar>-<nn>``: the next number in that series and year. With
``--vervangt`` both sides of the supersession are written. The work is done by
``sitecontent.create_record``, checked with the validator the build uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import sitecontent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een nieuw besluit in decisions/.")
    parser.add_argument("--reeks", required=True, help="bp (beslispunt) of up (uitgangspunt)")
    parser.add_argument("--titel", required=True, help="korte titel van het besluit")
    parser.add_argument("--jaar", type=int, default=dt.date.today().year)
    parser.add_argument("--regio", default=sitecontent.DEFAULT_REGION)
    parser.add_argument("--map", type=Path, default=None, help="map met besluiten")
    parser.add_argument(
        "--vervangt",
        action="append",
        default=[],
        metavar="ID",
        help="id van een besluit dat dit besluit vervangt (mag vaker)",
    )
    parser.add_argument(
        "--opvolging",
        choices=["volledig", "gedeeltelijk"],
        default="volledig",
        help="vervangt het nieuwe besluit het oude helemaal of voor een deel",
    )
    parser.add_argument("--toelichting", help="bij gedeeltelijk: wat wel en wat niet overgaat")
    args = parser.parse_args(argv)
    folder = args.map or sitecontent.Paths.of().decisions
    try:
        path = sitecontent.create_record(
            folder,
            args.reeks,
            args.titel,
            args.jaar,
            args.regio,
            supersedes=args.vervangt,
            opvolging=args.opvolging,
            toelichting=args.toelichting,
        )
    except sitecontent.ContentError as exc:
        print("Niet gelukt:\n" + "\n".join(f"  - {m}" for m in exc.messages), file=sys.stderr)
        return 1
    print(f"Nieuw besluit: {path}")
    for old in args.vervangt:
        print(f"Bijgewerkt: {folder / f'{old}.md'} (status vervangen, opvolger {path.stem})")
    print(
        "Vul nu de velden en de tekst in; de build controleert alles opnieuw en weigert het "
        "besluit zolang er nog 'nog in te vullen' in staat."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
