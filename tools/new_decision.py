"""Create a new decision record from ``decisions/_template.md`` with the next free id.

Usage::

    python tools/new_decision.py --reeks up --titel "Korte titel" [--jaar 2021] [--regio ...]
    python tools/new_decision.py --reeks up --titel "..." --vervangt up-2020-04
    python tools/new_decision.py --reeks up --titel "..." --vervangt bp-2019-06 \\
        --opvolging gedeeltelijk --toelichting "Eén zin over wat wel en niet overgaat."

The id is ``<reeks>-<jaar>-<nn>``: the next number in that series and year. With
``--vervangt`` both sides of the supersession are written, all files or none. Running the
same command again changes nothing. The work is done by ``sitecontent.create_record``,
checked with the validator the build uses.

Exit codes: 0 done (or already done), 1 refused (nothing changed), 2 wrong use, 130 Ctrl-C.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import sitecontent
from sitecontent import DutchArgumentParser, new_record, run, say, year_argument


def _parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="tools/new_decision.py", description="Maak een nieuw besluit in decisions/."
    )
    parser.add_argument("--reeks", required=True, help="bp (beslispunt) of up (uitgangspunt)")
    parser.add_argument("--titel", required=True, help="korte titel van het besluit")
    parser.add_argument(
        "--jaar", type=year_argument, default=dt.date.today().year, help="standaard: dit jaar"
    )
    # By default the site's own region, from its region file (regio.yml).
    parser.add_argument("--regio", default=None)
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
    return parser


def _create(args) -> int:
    folder = args.map or sitecontent.Paths.of().decisions
    done = new_record(
        folder,
        args.reeks,
        args.titel,
        args.jaar,
        args.regio,
        supersedes=args.vervangt,
        opvolging=args.opvolging,
        toelichting=args.toelichting,
    )
    if not done.created:
        say(
            f"Niets veranderd: {sitecontent.shown(done.path)} bestaat al, met deze titel en "
            "deze voorgangers (het commando was al eens uitgevoerd)."
        )
        return 0
    say(f"Nieuw besluit: {sitecontent.shown(done.path)}")
    for path in done.updated:
        say(f"Bijgewerkt: {sitecontent.shown(path)} (status vervangen, opvolger {done.path.stem})")
    say(
        "Vul nu de velden en de tekst in; de build controleert alles opnieuw en weigert het "
        "besluit zolang er nog 'nog in te vullen' in staat."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse(argv)
    if isinstance(args, int):
        return args
    return run(lambda: _create(args))


if __name__ == "__main__":
    sys.exit(main())
