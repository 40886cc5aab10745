"""``nieuwe-regio``: a new region's site in a new folder, built with this plugin.

The municipalities are looked up in the project's CBS data package (names as the CBS writes
them, or CBS codes), so the region file has the right codes and the calculators the real
inhabitants from the first build. The site has its home page, the register of decisions
(empty: a template to copy), an empty beleidsagenda and the four calculators::

    nieuwe-regio ../leidse-regio --naam "Leidse Regio" --centrumgemeente Leiden \\
        --gemeenten "Leiden, Leiderdorp, Oegstgeest, Voorschoten, Zoeterwoude"
    make -C ../leidse-regio serve

Exit codes: 0 made, 1 refused (a name the CBS does not know, a folder that is not empty),
2 wrong use.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import yaml
from jinja2 import Environment, StrictUndefined

from calculators.catalogue import population, site
from calculators.core.csvio import base_name, match_names
from calculators.core.validators import name_key
from sitecontent import DutchArgumentParser

from .pyodide_dist import ROOT

#: The files of a new site: ``*.j2`` are filled in, the others copied as they are (their
#: ``{{ … }}`` are the macros the pages call).
FILES = Path(__file__).resolve().parent / "starter_site"
PORT = 8002


class StarterError(Exception):
    """Refused: the message (Dutch) says what to change."""


def slug(name: str) -> str:
    """``Leidse Regio`` -> ``leidse-regio``: the region's id."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def municipalities(wanted: Sequence[str]) -> dict[str, str]:
    """Name -> CBS code, in the order given, for names or codes of the CBS list."""
    listed = list(population.by_code().values())
    found: dict[str, str] = {}
    unknown = []
    indexes = match_names(wanted, [m.name for m in listed])
    for typed, index in zip(wanted, indexes, strict=True):
        by_code = population.by_code().get(typed.strip().upper())
        chosen = by_code or (listed[index] if index is not None else None)
        if chosen is None:
            unknown.append(typed)
        else:
            # Without the province the CBS adds ("… (L.)") where the name was typed without.
            exact = by_code or name_key(typed) == name_key(chosen.name)
            found[chosen.name if exact else base_name(chosen.name)] = chosen.code
    if unknown:
        raise StarterError(
            f"--gemeenten: deze namen staan niet in de CBS-lijst van {population.REFERENCE_YEAR}: "
            f"{', '.join(unknown)}. Schrijf ze zoals het CBS ze schrijft, of geef de CBS-code "
            "(GM0000)."
        )
    if len(set(found.values())) != len(found):
        raise StarterError("--gemeenten: een gemeente staat er twee keer in.")
    return found


def region_file(name: str, codes: dict[str, str], centre: str | None) -> dict[str, object]:
    """The region file of the new site, checked as the build will check it."""
    if centre is not None and centre not in codes:
        raise StarterError(
            f"--centrumgemeente: {centre} staat niet bij de gemeenten ({', '.join(codes)})."
        )
    region: dict[str, object] = {"id": slug(name), "naam": name}
    if centre is not None:
        region["centrumgemeente"] = centre
    region["gemeenten"] = codes
    data: dict[str, object] = {"regios": [region]}
    try:
        site.parse(data)
    except site.RegionFileError as error:
        raise StarterError(str(error)) from None
    return data


def make_site(target: Path, data: dict[str, object]) -> list[Path]:
    """Write the new site into ``target`` (new or empty); return the files written."""
    if target.exists() and any(target.iterdir()):
        raise StarterError(f"{target} bestaat al en is niet leeg: kies een nieuwe map.")
    region = site.parse(data)
    own = region.regions[region.own]
    values = {
        "regio": own,
        "regiobestand": yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        "engine": Path(os.path.relpath(ROOT, target.resolve())).as_posix(),
        "poort": PORT,
    }
    templates = Environment(keep_trailing_newline=True, undefined=StrictUndefined)
    written = []
    for source in sorted(path for path in FILES.rglob("*") if path.is_file()):
        relative = source.relative_to(FILES)
        text = source.read_text(encoding="utf-8")
        if source.suffix == ".j2":
            relative = relative.with_suffix("")
            text = templates.from_string(text).render(values)
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        written.append(destination)
    return written


def _parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="nieuwe-regio",
        description="Maak de site van een nieuwe regio, met de plugin 'regio'.",
    )
    parser.add_argument("map", type=Path, help="de nieuwe map van de site (leeg of nieuw)")
    parser.add_argument("--naam", required=True, help="de naam van de regio")
    parser.add_argument(
        "--gemeenten",
        required=True,
        help="de gemeenten, gescheiden door komma's: namen zoals het CBS ze schrijft, of codes",
    )
    parser.add_argument("--centrumgemeente", help="de centrumgemeente (een van de gemeenten)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    names = [n for n in (part.strip() for part in options.gemeenten.split(",")) if n]
    try:
        data = region_file(options.naam.strip(), municipalities(names), options.centrumgemeente)
        written = make_site(options.map, data)
    except StarterError as error:
        print(f"Niet gemaakt: {error}", file=sys.stderr)
        return 1
    print(f"Gemaakt in {options.map}: {len(written)} bestanden.")
    print(f"Bekijk de site met: make -C {options.map} serve  (http://127.0.0.1:{PORT}/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
