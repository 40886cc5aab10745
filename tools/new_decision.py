"""Create a new decision record from ``decisions/_template.md`` with the next free id.

Usage::

    python tools/new_decision.py --reeks up --titel "Korte titel" [--jaar 2021] [--regio ...]

The id is ``<reeks>-<jaar>-<nn>``: the next number in that series and year. The new file is
checked with the same validator the build uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REGION = "Noord- en Midden-Limburg"


def _hook():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from hooks import decisions

    return decisions


def next_id(folder: Path, reeks: str, jaar: int) -> tuple[str, int]:
    hook = _hook()
    numbers = []
    for path in folder.glob(f"{reeks}-{jaar}-*.md"):
        match = hook.ID_PATTERN.match(path.stem)
        if match:
            numbers.append(int(match.group("nummer")))
    number = max(numbers, default=0) + 1
    return f"{reeks}-{jaar}-{number:02d}", number


def create(folder: Path, reeks: str, titel: str, jaar: int, regio: str = DEFAULT_REGION) -> Path:
    hook = _hook()
    if not hook.NAME_PATTERN.match(reeks) or len(reeks) != 2:
        raise SystemExit(f"--reeks moet twee kleine letters zijn, zoals bp of up (niet {reeks!r}).")
    if not titel.strip() or '"' in titel:
        raise SystemExit("--titel mag niet leeg zijn en geen dubbele aanhalingstekens bevatten.")
    decision_id, number = next_id(folder, reeks, jaar)
    template = (folder / "_template.md").read_text(encoding="utf-8")
    # The template's instruction comments are for copying by hand; drop them here.
    lines = template.splitlines(keepends=True)
    first_field = next(i for i, line in enumerate(lines[1:], 1) if not line.startswith("#"))
    text = lines[0] + "".join(lines[first_field:])
    text = (
        text.replace("__ID__", decision_id)
        .replace("__NUMMER__", str(number))
        .replace("__TITEL__", titel.strip())
        .replace("__DATUM__", str(jaar))
        .replace("__REGIO__", regio)
    )
    target = folder / f"{decision_id}.md"
    target.write_text(text, encoding="utf-8")
    try:
        # The fresh record still holds "nog in te vullen"; the build refuses that, the
        # command must not.
        hook.validate_folder(folder, allow_placeholders=True)
    except hook.DecisionError as exc:
        target.unlink()
        raise SystemExit("Het nieuwe besluit is niet geldig:\n" + "\n".join(exc.messages)) from None
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een nieuw besluit in decisions/.")
    parser.add_argument("--reeks", required=True, help="bp (beslispunt) of up (uitgangspunt)")
    parser.add_argument("--titel", required=True, help="korte titel van het besluit")
    parser.add_argument("--jaar", type=int, default=dt.date.today().year)
    parser.add_argument("--regio", default=DEFAULT_REGION)
    parser.add_argument("--map", type=Path, default=None, help="map met besluiten")
    args = parser.parse_args(argv)
    folder = args.map or _hook().decisions_folder()
    path = create(folder, args.reeks, args.titel, args.jaar, args.regio)
    print(f"Nieuw besluit: {path}")
    print(
        "Vul nu de velden en de tekst in; de build controleert alles opnieuw en weigert het "
        "besluit zolang er nog 'nog in te vullen' in staat."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
