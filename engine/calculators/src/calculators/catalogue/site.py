"""The region a site is about, and what its calculators know of it: read from the site's
region file (``regio.yml``), never written in the code.

The file is read by the MkDocs plugin at build time and packed into the calculators wheel as
JSON (:data:`PACKAGED`), so the browser's calculators know the same region as the pages.
Where nothing was configured (the command line, a tool), ``regio.yml`` in the current folder
is read, as ``mkdocs.yml`` is. Every error names the place in the file, in Dutch.

The file declares:
- ``regios``: the regions the calculators can start from (the first, or ``regio``, is the
  site's own): id, naam, gemeenten (name as the sources spell it -> CBS code), optionally
  centrumgemeente, bron, toelichting and ``echte_cijfers`` (real figures per column);
- ``sleutels`` and ``grondslagen``: preset keys, each tied to the decision it implements;
- ``rekenhulpen``: per calculator the region it starts from, its example key, the name of its
  example (``titel``) and example figures the sources give per municipality.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from ..core.key import KeyPreset
from . import population
from .references import GROUPS, REFERENCES
from .regions import RealFigures, Region

__all__ = [
    "PACKAGED",
    "REGION_FILE",
    "RegionFileError",
    "Site",
    "configure",
    "current",
    "default_region",
    "known_codes",
    "load_file",
    "parse",
    "regions",
]

#: The site's region file, beside its mkdocs.yml.
REGION_FILE = "regio.yml"
#: The region file as JSON inside the calculators wheel (written by the plugin's build).
PACKAGED = "_regio.json"
_CODE_LENGTH = 6
#: A calculator's setting that names a preset -> the group it names one of.
_PRESET_SETTINGS = {"sleutel": "sleutels", "vergelijking": "sleutels", "grondslag": "grondslagen"}
# The fields each part of the file may have: any other is a typing error, which would
# otherwise leave a setting at its default without a word.
_TOP = ("regio", "regios", "sleutels", "grondslagen", "rekenhulpen")
_REGION = ("id", "naam", "gemeenten", "centrumgemeente", "bron", "toelichting", "echte_cijfers")
_REAL = ("bron", "waarden")
_PRESET = ("id", "label", "kort", "uitleg", "gewichten", "gewichten_vast", "besluit", "bron")
_PRESET_MORE = ("bron_detail", "peildata")
_SETTINGS = ("regio", *_PRESET_SETTINGS, "titel", "plaatsen", "voorbeeldcijfers")


class RegionFileError(ValueError):
    """The region file is wrong; the message (Dutch) names the place in the file."""


@dataclass(frozen=True, slots=True)
class Site:
    regions: dict[str, Region]
    #: the site's own region
    own: str
    #: group ("sleutels", "grondslagen") -> id -> preset: the site's, in the file's order,
    #: then the references it did not replace
    presets: dict[str, dict[str, KeyPreset]]
    #: calculator -> its settings: "regio", "sleutel", "plaatsen", "voorbeeldcijfers"
    calculators: dict[str, dict[str, Any]]

    def setting(self, calculator: str, name: str, default: Any = None) -> Any:
        return self.calculators.get(calculator, {}).get(name, default)


def _packaged() -> Site | None:
    """The region file packed into the wheel, if this is the wheel."""
    packed = resources.files(__package__).joinpath(PACKAGED)
    if not packed.is_file():
        return None
    # Checked when the site was built; this wheel may hold fewer calculators than it names.
    data = json.loads(packed.read_text(encoding="utf-8"))
    return parse(data, PACKAGED, check_calculators=False)


_configured: Site | None = None


def configure(data: object, where: str = REGION_FILE) -> Site:
    """Use the region file's content ``data`` from now on; raise RegionFileError if wrong."""
    global _configured
    _configured = parse(data, where)
    return _configured


def current() -> Site:
    """The configured region (in the wheel: the packed one); else ./regio.yml."""
    global _configured
    if _configured is None:
        if Path(REGION_FILE).is_file():
            _configured = parse(load_file(Path(REGION_FILE)), REGION_FILE)
        else:
            raise RegionFileError(
                f"Geen regio ingesteld: {REGION_FILE} ontbreekt in deze map. Start het commando "
                "in de map van de site, naast mkdocs.yml en regio.yml."
            )
    return _configured


def regions() -> dict[str, Region]:
    """The regions of the region file, by id, in the file's order."""
    return current().regions


def default_region(calculator: str = "") -> str:
    """The region ``calculator`` starts from: its own setting, else the site's region."""
    chosen = current()
    return str(chosen.setting(calculator, "regio") or chosen.own)


def known_codes() -> dict[str, str]:
    """Municipality name -> CBS code, over every region of the file."""
    return {name: code for r in current().regions.values() for name, code in r.codes.items()}


def load_file(path: Path) -> object:
    """The content of a region file: JSON, or YAML (only where PyYAML is installed: the
    build and the command line, never the browser)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RegionFileError(f"{path.name} is geen geldige YAML: {error}") from error


def _fail(where: str, message: str) -> RegionFileError:
    return RegionFileError(f"{where}: {message}")


def _text(data: Mapping[str, Any], name: str, where: str, required: bool = True) -> str:
    value = data.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise _fail(f"{where}.{name}", "vul hier een tekst in.")
    return value.strip()


def _mapping(value: object, where: str, fields: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """``value`` as a mapping; with ``fields``, only those names may be in it."""
    if not isinstance(value, Mapping):
        raise _fail(where, "hier hoort een lijst van namen met een waarde (naam: waarde).")
    for name in value if fields else ():
        if name not in fields:
            place = f"{where}.{name}" if ": " in where else f"{where}: {name}"
            raise _fail(place, f"onbekend veld; kies uit {', '.join(fields)}.")
    return value


def _number(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _fail(where, f"{value!r} is geen getal.")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise _fail(where, f"{value!r} is geen getal.") from None
    if not number.is_finite() or number < 0:
        raise _fail(where, f"{value!r} is geen getal van 0 of meer.")
    return number


def _codes(data: object, where: str) -> dict[str, str]:
    codes = dict(_mapping(data, where))
    if not codes:
        raise _fail(where, "noem ten minste één gemeente met haar CBS-code.")
    known = population.by_code()
    for name, code in codes.items():
        if not (isinstance(code, str) and len(code) == _CODE_LENGTH and code.startswith("GM")):
            raise _fail(f"{where}.{name}", f"{code!r} is geen CBS-gemeentecode zoals GM0935.")
        if code not in known:
            raise _fail(
                f"{where}.{name}",
                f"{code} staat niet in het CBS-datapakket (1 januari "
                f"{population.REFERENCE_YEAR}); de rekenhulpen hebben de inwoners nodig.",
            )
    if len(set(codes.values())) != len(codes):
        raise _fail(where, "een CBS-code staat er twee keer in.")
    return {str(name): code for name, code in codes.items()}


def _region(data: object, where: str) -> Region:
    raw = _mapping(data, where, _REGION)
    codes = _codes(raw.get("gemeenten"), f"{where}.gemeenten")
    centre = _text(raw, "centrumgemeente", where, required=False) or None
    if centre is not None and centre not in codes:
        raise _fail(f"{where}.centrumgemeente", f"{centre} staat niet bij de gemeenten.")
    real = {}
    for column, figures in _mapping(raw.get("echte_cijfers", {}), f"{where}.echte_cijfers").items():
        here = f"{where}.echte_cijfers.{column}"
        values = _mapping(_mapping(figures, here, _REAL).get("waarden"), f"{here}.waarden")
        if set(values) != set(codes):
            raise _fail(f"{here}.waarden", "geef precies één getal per gemeente van de regio.")
        numbers = {name: _number(v, f"{here}.waarden.{name}") for name, v in values.items()}
        real[str(column)] = RealFigures(_text(figures, "bron", here), numbers)
    return Region(
        id=_text(raw, "id", where),
        label=_text(raw, "naam", where),
        codes=codes,
        centre=centre,
        source=_text(raw, "bron", where, required=False),
        note=_text(raw, "toelichting", where, required=False),
        real=real,
    )


def _preset(data: object, where: str) -> KeyPreset:
    raw = _mapping(data, where, _PRESET + _PRESET_MORE)
    weights = {
        str(k): _number(v, f"{where}.gewichten.{k}")
        for k, v in _mapping(raw.get("gewichten"), f"{where}.gewichten").items()
    }
    if sum(weights.values()) != 100:
        raise _fail(f"{where}.gewichten", "de gewichten zijn samen 100 (procent).")
    references = _mapping(raw.get("peildata", {}), f"{where}.peildata")
    fixed = raw.get("gewichten_vast", True)
    if not isinstance(fixed, bool):
        raise _fail(f"{where}.gewichten_vast", "vul true of false in.")
    return KeyPreset(
        id=_text(raw, "id", where),
        label=_text(raw, "label", where),
        explanation=_text(raw, "uitleg", where),
        weights=weights,
        decision=_text(raw, "besluit", where, required=False) or None,
        source=_text(raw, "bron", where, required=False) or None,
        source_detail=_text(raw, "bron_detail", where, required=False),
        references={str(k): str(v) for k, v in references.items()},
        weights_fixed=fixed,
        short_label=_text(raw, "kort", where, required=False),
    )


def _listed(raw: Mapping[str, Any], name: str, where: str) -> list[object]:
    items = raw.get(name, [])
    if not isinstance(items, list):
        raise _fail(f"{where}{name}", "hier hoort een lijst (regels die met - beginnen).")
    return items


def parse(data: object, where: str = REGION_FILE, check_calculators: bool = True) -> Site:
    """The region file's content as a :class:`Site`; RegionFileError names what is wrong,
    also a calculator under ``rekenhulpen`` that does not exist (a typing error would
    otherwise leave that calculator at its defaults without a word)."""
    raw = _mapping(data, where, _TOP)
    regions = [
        _region(r, f"{where}: regios[{i}]")
        for i, r in enumerate(_listed(raw, "regios", f"{where}: "))
    ]
    if not regions:
        raise _fail(f"{where}: regios", "noem ten minste de regio van de site.")
    by_id = {r.id: r for r in regions}
    if len(by_id) != len(regions):
        raise _fail(f"{where}: regios", "twee regio's hebben hetzelfde id.")
    own = raw.get("regio", regions[0].id)
    if own not in by_id:
        raise _fail(f"{where}: regio", f"{own!r} is geen id uit regios.")
    presets = {group: _presets(raw, group, where) for group in GROUPS}
    calculators = {
        str(k): dict(_mapping(v, f"{where}: rekenhulpen.{k}"))
        for k, v in _mapping(raw.get("rekenhulpen", {}), f"{where}: rekenhulpen").items()
    }
    if check_calculators:
        _check_calculator_names(calculators, f"{where}: rekenhulpen")
    for name, settings in calculators.items():
        _check_settings(settings, by_id, presets, f"{where}: rekenhulpen.{name}")
    return Site(by_id, str(own), presets, calculators)


def _presets(raw: Mapping[str, Any], group: str, where: str) -> dict[str, KeyPreset]:
    own = [
        _preset(p, f"{where}: {group}[{i}]")
        for i, p in enumerate(_listed(raw, group, f"{where}: "))
    ]
    chosen = {p.id: p for p in own}
    if len(chosen) != len(own):
        raise _fail(f"{where}: {group}", "twee voorinstellingen hebben hetzelfde id.")
    return chosen | {p.id: p for p in REFERENCES[group] if p.id not in chosen}


def _check_calculator_names(calculators: Mapping[str, Any], where: str) -> None:
    from ..core.calculator import calculator_names  # it reads this module's settings

    known = calculator_names()
    for name in calculators:
        if name not in known:
            raise _fail(f"{where}.{name}", f"geen rekenhulp; kies uit {', '.join(known)}.")


def _check_settings(
    settings: Mapping[str, Any],
    regions: Mapping[str, Region],
    presets: Mapping[str, Mapping[str, KeyPreset]],
    where: str,
) -> None:
    _mapping(settings, where, _SETTINGS)
    start = settings.get("regio")
    if start is not None and start not in regions:
        raise _fail(f"{where}.regio", f"{start!r} is geen id uit regios.")
    title = settings.get("titel")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        raise _fail(f"{where}.titel", "vul hier een tekst in.")
    places = settings.get("plaatsen")
    if places is not None and (not isinstance(places, int) or isinstance(places, bool)):
        raise _fail(f"{where}.plaatsen", f"{places!r} is geen heel getal.")
    if places is not None and places < 0:
        raise _fail(f"{where}.plaatsen", f"{places!r} is geen getal van 0 of meer.")
    figures = _mapping(settings.get("voorbeeldcijfers", {}), f"{where}.voorbeeldcijfers")
    for name, values in figures.items():
        for column, value in _mapping(values, f"{where}.voorbeeldcijfers.{name}").items():
            _number(value, f"{where}.voorbeeldcijfers.{name}.{column}")
    for setting, group in _PRESET_SETTINGS.items():
        chosen = settings.get(setting)
        if chosen is not None and chosen not in presets[group]:
            offered = ", ".join(presets[group])
            raise _fail(f"{where}.{setting}", f"{chosen!r} is geen id uit {group} ({offered}).")


# Read on import: a Pyodide memory snapshot keeps what was read, not the package's files.
_configured = _packaged()
