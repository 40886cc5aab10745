"""Scenario model of the Verdeelsleutel calculator: parse and validate scenario JSON (version 1).

Validation collects every problem (field path + Dutch message) before raising
:class:`~calculators.core.problems.InputError`, so a user sees all of them at once.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..core.csvio import CSV_FIELD, match_names, normalize_label, read_cell_number, read_table
from ..core.numbers import canonical_number, is_blank, parse_number
from ..core.problems import InputError, Problems, field_path, quote
from .presets import DEFAULT_THRESHOLD_PER_INHABITANT, PRESETS

__all__ = [
    "CALCULATOR",
    "VERSION",
    "Criterion",
    "ImportResult",
    "Key",
    "Municipality",
    "Scenario",
    "import_table",
    "jsonable",
    "parse_scenario",
    "scenario_to_json",
    "validate_name",
]

CALCULATOR = "verdeelsleutel"
VERSION = 1

SCENARIO_FIELDS = (
    "calculator",
    "version",
    "title",
    "amount",
    "criteria",
    "municipalities",
    "inhabitants_criterion",
    "key",
    "compare_key",
    "threshold_per_inhabitant",
)
CRITERION_FIELDS = ("id", "label", "reference")
MUNICIPALITY_FIELDS = ("name", "values")
KEY_FIELDS = ("label", "preset", "weights")

MAX_MUNICIPALITIES = 2_000
MAX_CRITERIA = 20
MAX_NAME = 80
MAX_LABEL = 80
MAX_TEXT = 200
MAX_ID = 40
#: Amounts (euro) in absolute value.
MAX_AMOUNT = Decimal(100_000_000_000)
#: Inhabitants per municipality (a count).
MAX_COUNT = Decimal(100_000_000)
#: Other criterion values: a criterion may be an amount in euro (inleg), so the amount limit.
MAX_VALUE = MAX_AMOUNT
MAX_THRESHOLD = Decimal(1_000_000)
VALUE_DECIMALS = 6
WEIGHT_DECIMALS = 6

_ID_RE = re.compile(r"[a-z0-9_]+")
_FORMULA_START = ("=", "+", "-", "@")
_TOTAL_ROW_NAMES = {"totaal", "total"}
# CBS downloads often add the whole country as a region.
_CBS_TOTAL_ROW_NAMES = {"nederland"}
# Columns of our own CSV export that are results, not inputs: skipped on re-import.
_EXPORT_PREFIXES = ("aandeel ", "bedrag ", "per inwoner ", "verschil")
_EXPORT_SUFFIXES = ("(%)", "(euro)")
_EXPORT_EXACT = {"boven drempel"}


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    label: str
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Municipality:
    name: str
    #: criterion id -> value (``None`` = not filled in; allowed only for unweighted criteria)
    values: Mapping[str, Decimal | None]


@dataclass(frozen=True, slots=True)
class Key:
    label: str
    preset: str | None
    #: criterion id -> weight in percent (0..100, summing to exactly 100)
    weights: Mapping[str, Decimal]

    def weight(self, criterion_id: str) -> Decimal:
        return self.weights.get(criterion_id, Decimal(0))


@dataclass(frozen=True, slots=True)
class Scenario:
    title: str
    amount: Decimal
    criteria: tuple[Criterion, ...]
    municipalities: tuple[Municipality, ...]
    inhabitants_criterion: str
    key: Key
    compare_key: Key | None
    threshold_per_inhabitant: Decimal

    @property
    def amount_cents(self) -> int:
        cents = Fraction(self.amount) * 100
        assert cents.denominator == 1  # validated: at most two decimals
        return cents.numerator

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def inhabitants(self, municipality: Municipality) -> Decimal:
        value = municipality.values[self.inhabitants_criterion]
        assert value is not None and value > 0  # validated
        return value


# --------------------------------------------------------------------------- helpers


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _suggest(word: object, options: Sequence[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" Bedoelt u {quote(close[0])}?" if close else ""


def _check_unknown(
    data: Mapping[str, object], allowed: Sequence[str], path: str, where: str, p: Problems
) -> None:
    for name in data:
        if name not in allowed:
            p.add(
                field_path(path, str(name)) if path else str(name),
                f"Het veld {quote(name)} {where} kent de rekenhulp niet.{_suggest(name, allowed)} "
                f"Bekende velden zijn: {', '.join(allowed)}.",
            )


def _text(
    raw: object,
    field: str,
    what: str,
    p: Problems,
    *,
    maximum: int,
    required: bool,
    default: str = "",
) -> str | None:
    """A trimmed text field; ``what`` names it in Dutch (e.g. "de titel")."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            p.add(field, f"Vul {what} in.")
            return None
        return default
    if not isinstance(raw, str):
        p.add(field, f"Vul bij {what} tekst in.")
        return None
    value = raw.strip()
    if len(value) > maximum:
        p.add(
            field,
            f"{what[:1].upper()}{what[1:]} is te lang ({len(value)} tekens); gebruik "
            f"hoogstens {maximum} tekens.",
        )
        return None
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        p.add(
            field,
            f"{what[:1].upper()}{what[1:]} bevat een onzichtbaar teken, zoals een tab "
            "of regeleinde. Haal dat weg.",
        )
        return None
    return value


def validate_name(raw: object, where: str) -> tuple[str | None, str | None]:
    """Check a municipality name; returns ``(name, None)`` or ``(None, Dutch message)``.

    ``where`` says where the name is, e.g. "rij 3" or "regel 5 van het bestand".
    """
    if not isinstance(raw, str) or not raw.strip():
        return None, f"Vul bij {where} de naam van de gemeente in."
    name = raw.strip()
    if len(name) > MAX_NAME:
        return None, (
            f"De naam bij {where} is te lang ({len(name)} tekens); gebruik hoogstens "
            f"{MAX_NAME} tekens."
        )
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return None, (
            f"De naam bij {where} bevat een onzichtbaar teken, zoals een tab of "
            "regeleinde. Haal dat weg."
        )
    if name.startswith(_FORMULA_START):
        return None, (
            f"De naam {quote(name)} bij {where} mag niet beginnen met =, +, - of @: "
            "zo’n naam ziet Excel als formule."
        )
    return name, None


def _criteria_list(criteria: Sequence[Criterion]) -> str:
    return ", ".join(f"{c.id} ({c.label})" for c in criteria)


# --------------------------------------------------------------------------- parts


def _parse_criteria(raw: object, p: Problems) -> list[Criterion] | None:
    """Valid criteria, or ``None`` when the list itself is unusable."""
    if raw is None:
        p.add("criteria", "Voeg ten minste één criterium toe (‘criteria’), bijvoorbeeld inwoners.")
        return None
    if not isinstance(raw, list):
        p.add("criteria", "‘criteria’ moet een lijst van criteria zijn.")
        return None
    if not raw:
        p.add("criteria", "Voeg ten minste één criterium toe, bijvoorbeeld inwoners.")
        return None
    if len(raw) > MAX_CRITERIA:
        p.add(
            "criteria",
            f"Er zijn {len(raw)} criteria; dat zijn er te veel. Gebruik er "
            f"hoogstens {MAX_CRITERIA}.",
        )
        return None
    criteria: list[Criterion] = []
    seen_ids: dict[str, int] = {}
    seen_labels: dict[str, int] = {}
    for j, item in enumerate(raw):
        path = field_path("criteria", j)
        where = f"criterium {j + 1}"
        if not isinstance(item, dict):
            p.add(path, f"Criterium {j + 1} moet een object zijn met ‘id’, ‘label’ en ‘reference’.")
            continue
        before = len(p)
        _check_unknown(item, CRITERION_FIELDS, path, f"bij {where}", p)
        cid = item.get("id")
        if is_blank(cid):
            p.add(f"{path}.id", f"Vul bij {where} een code (‘id’) in, bijvoorbeeld ‘inwoners’.")
        elif not isinstance(cid, str) or not _ID_RE.fullmatch(cid) or len(cid) > MAX_ID:
            p.add(
                f"{path}.id",
                f"De code (‘id’) van {where} mag alleen kleine letters, cijfers "
                f"en _ bevatten, zoals ‘inwoners_18plus’; {quote(cid)} kan niet.",
            )
        elif cid in seen_ids:
            p.add(
                f"{path}.id",
                f"De code {quote(cid)} staat twee keer bij de criteria: bij "
                f"criterium {seen_ids[cid] + 1} en bij criterium {j + 1}. Elke "
                "code mag maar één keer voorkomen.",
            )
        label = _text(
            item.get("label"),
            f"{path}.label",
            f"de naam (‘label’) van {where}",
            p,
            maximum=MAX_LABEL,
            required=True,
        )
        if label is not None:
            norm = normalize_label(label)
            if norm in seen_labels:
                p.add(
                    f"{path}.label",
                    f"De naam {quote(label)} staat twee keer bij de criteria: "
                    f"bij criterium {seen_labels[norm] + 1} en bij criterium "
                    f"{j + 1}. Geef elk criterium een eigen naam.",
                )
                label = None
            else:
                seen_labels[norm] = j
        reference = _text(
            item.get("reference"),
            f"{path}.reference",
            f"de peildatum (‘reference’) van {where}",
            p,
            maximum=MAX_TEXT,
            required=False,
        )
        if isinstance(cid, str) and cid not in seen_ids:
            seen_ids[cid] = j
        if len(p) == before and label is not None and reference is not None:
            criteria.append(Criterion(str(cid), label, reference))
    return criteria


@dataclass(slots=True)
class _RawRow:
    index: int
    name: str | None
    values: Mapping[str, object] | None

    @property
    def shown(self) -> str:
        return self.name if self.name else f"rij {self.index + 1}"


def _parse_rows(raw: object, p: Problems, criteria: list[Criterion] | None) -> list[_RawRow]:
    if raw is None or not isinstance(raw, list):
        p.add(
            "municipalities",
            "Voeg een tabel met gemeenten toe (‘municipalities’): een lijst "
            "met per gemeente een naam en cijfers.",
        )
        return []
    if not raw:
        p.add("municipalities", "De tabel met gemeenten is leeg. Voeg ten minste één gemeente toe.")
        return []
    if len(raw) > MAX_MUNICIPALITIES:
        p.add(
            "municipalities",
            f"De tabel heeft {len(raw)} gemeenten; dat zijn er te veel. "
            f"Gebruik er hoogstens {MAX_MUNICIPALITIES:,}.".replace(",", "."),
        )
        return []
    known_ids = [c.id for c in criteria] if criteria is not None else None
    rows: list[_RawRow] = []
    seen: dict[str, tuple[int, str]] = {}
    for i, item in enumerate(raw):
        path = field_path("municipalities", i)
        if not isinstance(item, dict):
            p.add(path, f"Rij {i + 1} van de tabel moet een object zijn met ‘name’ en ‘values’.")
            continue
        _check_unknown(item, MUNICIPALITY_FIELDS, path, f"in rij {i + 1}", p)
        name, message = validate_name(item.get("name"), f"rij {i + 1}")
        if message:
            p.add(f"{path}.name", message)
        elif name is not None:
            key = _name_key(name)
            if key in seen:
                first, first_name = seen[key]
                p.add(
                    f"{path}.name",
                    f"{quote(name)} staat twee keer in de tabel: in rij "
                    f"{first + 1} ({quote(first_name)}) en in rij {i + 1}. "
                    "Elke gemeente mag maar één keer voorkomen.",
                )
            else:
                seen[key] = (i, name)
        row = _RawRow(i, name, None)
        values = item.get("values")
        if not isinstance(values, dict):
            p.add(
                f"{path}.values",
                f"Bij {row.shown} ontbreken de cijfers (‘values’): een "
                "object met per criterium een getal.",
            )
        else:
            row.values = values
            if known_ids is not None:
                for cid in values:
                    if cid not in known_ids:
                        p.add(
                            field_path(path, "values", str(cid)),
                            f"Bij {row.shown} staat een waarde voor {quote(cid)}, maar dat "
                            f"criterium bestaat niet.{_suggest(cid, known_ids)} Bekende "
                            f"criteria: {', '.join(known_ids)}.",
                        )
        rows.append(row)
    return rows


def _key_name(path: str, label: str | None) -> str:
    base = "de vergelijkingssleutel" if path == "compare_key" else "de sleutel"
    return f"{base} {quote(label)}" if label else base


def _parse_key(raw: object, path: str, p: Problems, criteria: list[Criterion] | None) -> Key | None:
    plain = _key_name(path, None)
    if not isinstance(raw, dict):
        p.add(
            path,
            f"Kies {plain} (‘{path}’): een object met ‘label’ en ‘weights’ (per "
            "criterium een percentage).",
        )
        return None
    before = len(p)
    _check_unknown(raw, KEY_FIELDS, path, f"bij {plain}", p)
    preset = raw.get("preset")
    if preset is not None and (not isinstance(preset, str) or preset not in PRESETS):
        p.add(
            f"{path}.preset",
            f"De voorinstelling {quote(preset)} bij {plain} bestaat niet. "
            f"Kies uit: {', '.join(PRESETS)}, of laat het leeg.",
        )
        preset = None
    default_label = "Vergelijking" if path == "compare_key" else "Sleutel"
    label = _text(
        raw.get("label"),
        f"{path}.label",
        f"de naam (‘label’) van {plain}",
        p,
        maximum=MAX_LABEL,
        required=False,
        default=default_label,
    )
    what = _key_name(path, label)
    weights_raw = raw.get("weights")
    weights: dict[str, Decimal] = {}
    if not isinstance(weights_raw, dict) or not weights_raw:
        p.add(
            f"{path}.weights",
            f"Vul bij {what} de gewichten in (‘weights’): per criterium "
            "een percentage, samen 100 %.",
        )
        return None
    by_id = {c.id: c for c in criteria} if criteria is not None else None
    for cid, value in weights_raw.items():
        wpath = field_path(path, "weights", str(cid))
        if by_id is not None and cid not in by_id:
            p.add(
                wpath,
                f"Bij {what} staat een gewicht voor {quote(cid)}, maar dat criterium "
                f"bestaat niet.{_suggest(cid, list(by_id))} Kies uit: "
                f"{_criteria_list(criteria or [])}.",
            )
            continue
        shown = quote(by_id[cid].label) if by_id is not None else quote(cid)
        try:
            weight = parse_number(
                value,
                wpath,
                label=f"het gewicht van {shown} bij {what}",
                percent=True,
                maximum=100,
                max_decimals=WEIGHT_DECIMALS,
            )
        except InputError as error:
            p.collect(error)
            continue
        assert weight is not None
        weights[str(cid)] = weight
    if len(p) > before:
        return None
    total = sum(weights.values(), Decimal(0))
    if total != 100:
        p.add(
            f"{path}.weights",
            f"De gewichten van {what} tellen op tot "
            f"{canonical_number(total)} %; dat moet precies 100 % zijn.",
        )
        return None
    return Key(label or default_label, preset, weights)


# --------------------------------------------------------------------------- scenario


def parse_scenario(data: object) -> Scenario:
    """Validate scenario JSON (already parsed into Python objects) and build a :class:`Scenario`.

    Numbers may be strings (Dutch notation), ints or Decimals. ``calculator`` and ``version``
    may be missing; when present they must be ``"verdeelsleutel"`` and ``1``.
    Raises :class:`InputError` with all problems found.
    """
    if not isinstance(data, Mapping):
        raise InputError.single(
            "",
            "De invoer moet een scenario zijn: een JSON-object met "
            "velden zoals ‘amount’, ‘criteria’ en ‘municipalities’.",
        )
    p = Problems()
    _check_unknown(data, SCENARIO_FIELDS, "", "in het scenario", p)
    if "calculator" in data and data["calculator"] != CALCULATOR:
        p.add(
            "calculator",
            f"Dit scenario is voor de rekenhulp {quote(data['calculator'])}, "
            f"niet voor {quote(CALCULATOR)}.",
        )
    if "version" in data:
        version = data["version"]
        if isinstance(version, bool) or version != VERSION:
            p.add(
                "version",
                f"Versie {quote(version)} van het scenario-formaat kent deze "
                f"rekenhulp niet; alleen versie {VERSION}.",
            )
    title = _text(
        data.get("title"), "title", "de titel (‘title’)", p, maximum=MAX_TEXT, required=False
    )
    amount = None
    try:
        amount = parse_number(
            data.get("amount"),
            "amount",
            label="het ‘Bedrag’",
            allow_negative=True,
            maximum=MAX_AMOUNT,
            max_decimals=2,
        )
    except InputError as error:
        p.collect(error)
    criteria = _parse_criteria(data.get("criteria"), p)
    rows = _parse_rows(data.get("municipalities"), p, criteria)
    ids = [c.id for c in criteria] if criteria is not None else []

    inhabitants_id = data.get("inhabitants_criterion")
    if inhabitants_id is None and "inwoners" in ids:
        inhabitants_id = "inwoners"
    if criteria is not None and (not isinstance(inhabitants_id, str) or inhabitants_id not in ids):
        p.add(
            "inhabitants_criterion",
            f"Kies bij ‘Criterium voor inwoners’ (‘inhabitants_criterion’) een van de criteria: "
            f"{_criteria_list(criteria)}; daarmee rekent de rekenhulp het bedrag per inwoner "
            f"uit. {quote(inhabitants_id) if inhabitants_id is not None else 'Leeg'} kan niet.",
        )
        inhabitants_id = None

    key = _parse_key(data.get("key"), "key", p, criteria)
    compare_raw = data.get("compare_key")
    compare_key = (
        None if compare_raw is None else _parse_key(compare_raw, "compare_key", p, criteria)
    )
    threshold = DEFAULT_THRESHOLD_PER_INHABITANT
    if data.get("threshold_per_inhabitant") is not None:
        try:
            threshold = parse_number(
                data["threshold_per_inhabitant"],
                "threshold_per_inhabitant",
                label="de ‘Drempel per inwoner’",
                maximum=MAX_THRESHOLD,
                max_decimals=2,
            )
        except InputError as error:
            p.collect(error)

    # Which values must be filled in: only known once the keys are valid.
    keys = [k for k in (key, compare_key) if k is not None]
    needed = {cid for k in keys for cid, w in k.weights.items() if w > 0}
    if inhabitants_id:
        needed.add(inhabitants_id)
    municipalities: list[Municipality] = []
    # Parsed values per criterion, or None for a column with a problem somewhere.
    columns: dict[str, list[Decimal | None] | None] = {cid: [] for cid in ids}
    for row in rows:
        values: dict[str, Decimal | None] = {}
        row_ok = row.values is not None and row.name is not None
        for c in criteria or []:
            raw = row.values.get(c.id) if row.values is not None else None
            path = field_path("municipalities", row.index, "values", c.id)
            if row.values is None:
                columns[c.id] = None
                continue
            try:
                value = parse_number(
                    raw,
                    path,
                    label=f"{quote(c.label)} van {row.shown}",
                    required=c.id in needed,
                    maximum=MAX_COUNT if c.id == inhabitants_id else MAX_VALUE,
                    max_decimals=VALUE_DECIMALS,
                )
            except InputError as error:
                p.collect(error)
                columns[c.id] = None
                row_ok = False
                continue
            if c.id == inhabitants_id and value is not None and value <= 0:
                p.add(
                    path,
                    f"{quote(c.label)} van {row.shown} moet groter zijn dan 0, want het "
                    "bedrag per inwoner wordt erdoor gedeeld.",
                )
                row_ok = False
            values[c.id] = value
            column = columns[c.id]
            if column is not None:
                column.append(value)
        if row_ok and row.name is not None:
            municipalities.append(Municipality(row.name, values))

    for path, k in (("key", key), ("compare_key", compare_key)):
        if k is None:
            continue
        for cid, weight in k.weights.items():
            column = columns.get(cid)
            if weight > 0 and column and all(v is not None and v == 0 for v in column):
                label = next(c.label for c in criteria or [] if c.id == cid)
                p.add(
                    field_path(path, "weights", cid),
                    f"{quote(label)} is bij alle gemeenten 0; zo kan er niet naar verdeeld "
                    f"worden. Geef {quote(label)} bij {_key_name(path, k.label)} het gewicht 0, "
                    "of vul de cijfers in.",
                )

    p.raise_if_any()
    assert amount is not None and criteria is not None and key is not None
    assert inhabitants_id is not None and title is not None
    return Scenario(
        title=title,
        amount=amount,
        criteria=tuple(criteria),
        municipalities=tuple(municipalities),
        inhabitants_criterion=inhabitants_id,
        key=key,
        compare_key=compare_key,
        threshold_per_inhabitant=threshold,
    )


def _key_to_json(key: Key | None) -> dict[str, object] | None:
    if key is None:
        return None
    return {
        "label": key.label,
        "preset": key.preset,
        "weights": {cid: canonical_number(w) for cid, w in key.weights.items()},
    }


def scenario_to_json(scenario: Scenario) -> dict[str, object]:
    """Normalised scenario JSON: same shape as the input, numbers as canonical Dutch strings,
    every municipality with a value (or "") for every criterion."""
    return {
        "calculator": CALCULATOR,
        "version": VERSION,
        "title": scenario.title,
        "amount": canonical_number(scenario.amount),
        "criteria": [
            {"id": c.id, "label": c.label, "reference": c.reference} for c in scenario.criteria
        ],
        "municipalities": [
            {
                "name": m.name,
                "values": {
                    c.id: "" if m.values.get(c.id) is None else canonical_number(m.values[c.id])
                    for c in scenario.criteria
                },
            }
            for m in scenario.municipalities
        ],
        "inhabitants_criterion": scenario.inhabitants_criterion,
        "key": _key_to_json(scenario.key),
        "compare_key": _key_to_json(scenario.compare_key),
        "threshold_per_inhabitant": canonical_number(scenario.threshold_per_inhabitant),
    }


def jsonable(value: object) -> object:
    """A copy of parsed JSON that ``json.dumps`` can write: Decimals become Dutch strings and
    non-finite numbers become text (which validation then reports)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return canonical_number(value) if value.is_finite() else str(value)
    if isinstance(value, float):
        return repr(value) if value != value or value in (float("inf"), float("-inf")) else value
    return value


# --------------------------------------------------------------------------- CSV import


@dataclass(frozen=True, slots=True)
class ImportResult:
    scenario: dict[str, object]
    summary: str
    convention: str


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


#: Other column names for the default criteria, as CBS and Excel sheets tend to call them.
#: Used only when a criterion with that id exists and no code or name matched.
COLUMN_ALIASES = {
    "inwoners": ("Bevolking", "Totale bevolking", "Bevolking op 1 januari", "Aantal inwoners"),
    "inwoners_18plus": ("Inwoners 18 jaar en ouder", "Inwoners van 18 jaar of ouder", "18+"),
}


def _match_column(candidates: Sequence[str], criteria: Sequence[Criterion]) -> Criterion | None:
    by_norm: dict[str, Criterion] = {}
    by_bare: dict[str, list[Criterion]] = {}
    for c in criteria:
        by_norm.setdefault(normalize_label(c.id), c)
        by_norm.setdefault(normalize_label(c.label), c)
    for c in criteria:
        for alias in COLUMN_ALIASES.get(c.id, ()):
            by_norm.setdefault(normalize_label(alias), c)
        bare = normalize_label(re.sub(r"\([^()]*\)", "", c.label))
        by_bare.setdefault(bare, []).append(c)
    for text in candidates:
        norm = normalize_label(text)
        if norm in by_norm:
            return by_norm[norm]
        # "Inleg" matches "Inleg (euro)"; "Inwoners (aantal)" matches "Inwoners".
        bare = normalize_label(re.sub(r"\([^()]*\)", "", text))
        if bare in by_norm:
            return by_norm[bare]
        if len(by_bare.get(bare, [])) == 1:
            return by_bare[bare][0]
    return None


def _is_export_column(header: str) -> bool:
    text = " ".join(header.casefold().split())
    if text in _EXPORT_EXACT:
        return True
    return text.startswith(_EXPORT_PREFIXES) and text.endswith(_EXPORT_SUFFIXES)


def import_table(scenario: object, text: object, mode: object = "update") -> ImportResult:
    """Read CSV ``text`` into the scenario's table.

    ``mode="update"`` changes only the values of municipalities already in the scenario (a
    name not in the scenario is an error); ``mode="replace"`` makes the file's rows the table
    (criteria missing from the file are left empty). Columns are matched to criteria by code
    or name (case, spaces and accents ignored). Rows named "Totaal" (and "Nederland" in a CBS
    download) and result columns of our own export are skipped. Raises :class:`InputError`
    (field ``csv`` for problems in the file).
    """
    if mode not in ("update", "replace"):
        raise InputError.single(
            "mode",
            f"Kies bij het inlezen ‘update’ (cijfers bijwerken) of "
            f"‘replace’ (tabel vervangen); {quote(mode)} kan niet.",
        )
    if not isinstance(scenario, Mapping):
        raise InputError.single(
            "scenario", "Stuur het huidige scenario mee (‘scenario’) om de tabel in te lezen."
        )
    p = Problems()
    criteria = _parse_criteria(scenario.get("criteria"), p)
    existing = scenario.get("municipalities")
    if mode == "update" and not isinstance(existing, list):
        p.add(
            "municipalities",
            "Er is nog geen tabel met gemeenten om bij te werken. Kies "
            "‘vervangen’ om de tabel uit het bestand te maken.",
        )
    p.raise_if_any()
    assert criteria is not None

    table = read_table(text)
    ignored = list(table.ignored_columns)
    columns: dict[int, Criterion] = {}
    first_column: dict[str, int] = {}
    for j in range(1, len(table.headers)):
        header = table.headers[j]
        criterion = _match_column(table.header_candidates[j], criteria)
        if criterion is None:
            if _is_export_column(header):
                ignored.append(header)
                continue
            p.add(
                CSV_FIELD,
                f"De kolom {quote(header)} (kolom {j + 1}) hoort bij geen enkel "
                f"criterium. Bekende kolommen: {_criteria_list(criteria)}. Pas de "
                "kolomnaam aan, of voeg eerst het criterium toe.",
            )
            continue
        if criterion.id in first_column:
            k = first_column[criterion.id]
            p.add(
                CSV_FIELD,
                f"De kolommen {quote(table.headers[k])} (kolom {k + 1}) en "
                f"{quote(header)} (kolom {j + 1}) horen allebei bij "
                f"{quote(criterion.label)}. Laat er één staan.",
            )
            continue
        first_column[criterion.id] = j
        columns[j] = criterion
    if not columns and not p:
        p.add(
            CSV_FIELD,
            "Geen enkele kolom in het bestand hoort bij een criterium. Bekende "
            f"kolommen: {_criteria_list(criteria)}.",
        )
    p.raise_if_any()

    skip_names = _TOTAL_ROW_NAMES | (_CBS_TOTAL_ROW_NAMES if table.convention == "cbs" else set())
    file_rows: list[tuple[int, str, dict[str, str]]] = []
    skipped: list[str] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        name, message = validate_name(row.cells[0], f"regel {row.line} van het bestand")
        if message:
            p.add(CSV_FIELD, message)
            continue
        assert name is not None
        if _name_key(name) in skip_names:
            skipped.append(name)
            continue
        key = _name_key(name)
        if key in seen:
            p.add(
                CSV_FIELD,
                f"{quote(name)} staat twee keer in het bestand: op regel "
                f"{seen[key]} en op regel {row.line}. Laat er één staan.",
            )
            continue
        seen[key] = row.line
        values: dict[str, str] = {}
        for j, criterion in columns.items():
            try:
                value = read_cell_number(
                    table,
                    row,
                    j,
                    label=f"{quote(criterion.label)} van {name}",
                    maximum=MAX_VALUE,
                    max_decimals=VALUE_DECIMALS,
                )
            except InputError as error:
                p.collect(error)
                continue
            values[criterion.id] = "" if value is None else canonical_number(value)
        file_rows.append((row.line, name, values))
    if not file_rows and not p:
        p.add(CSV_FIELD, "Het bestand heeft geen regels met gemeenten.")
    if mode == "replace" and len(file_rows) > MAX_MUNICIPALITIES:
        p.add(
            CSV_FIELD,
            f"Het bestand heeft {len(file_rows)} gemeenten; dat zijn er te veel. "
            f"Gebruik er hoogstens {MAX_MUNICIPALITIES:,}.".replace(",", "."),
        )
    if mode == "replace":
        p.raise_if_any()

    labels = [c.label for c in columns.values()]
    new = jsonable(dict(scenario))
    assert isinstance(new, dict)
    if mode == "replace":
        new["municipalities"] = [
            {"name": name, "values": {c.id: values.get(c.id, "") for c in criteria}}
            for _, name, values in file_rows
        ]
        summary = (
            f"{_plural(len(file_rows), 'gemeente', 'gemeenten')} ingelezen, "
            f"{_plural(len(labels), 'kolom', 'kolommen')} ({', '.join(labels)})"
        )
        empty = [c.label for c in criteria if c.id not in first_column]
        if empty:
            summary += f"; niet in het bestand en dus leeg: {', '.join(empty)}"
    else:
        assert isinstance(existing, list)
        municipalities = jsonable(existing)
        assert isinstance(municipalities, list)
        known = [
            m.get("name") if isinstance(m, dict) and isinstance(m.get("name"), str) else ""
            for m in municipalities
        ]
        known = [str(n).strip() for n in known]
        matches = match_names([name for _, name, _ in file_rows], known)
        taken: dict[int, tuple[int, str]] = {}
        for (line, name, values), index in zip(file_rows, matches, strict=True):
            if index is None or not known[index]:
                p.add(
                    CSV_FIELD,
                    f"Regel {line}: de gemeente {quote(name)} staat niet in de "
                    "tabel. Controleer de naam, of kies ‘vervangen’ om de tabel te "
                    "vervangen door het bestand.",
                )
                continue
            if index in taken:
                other_line, other = taken[index]
                p.add(
                    CSV_FIELD,
                    f"Regel {other_line} ({quote(other)}) en regel {line} "
                    f"({quote(name)}) horen allebei bij {quote(known[index])}. "
                    "Laat er één staan.",
                )
                continue
            taken[index] = (line, name)
            entry = municipalities[index]
            old_values = entry.get("values") if isinstance(entry.get("values"), dict) else {}
            entry["values"] = {**old_values, **values}
        p.raise_if_any()
        new["municipalities"] = municipalities
        summary = (
            f"{_plural(len(taken), 'gemeente', 'gemeenten')}, "
            f"{_plural(len(labels), 'kolom', 'kolommen')} bijgewerkt ({', '.join(labels)})"
        )
        untouched = [known[i] for i in range(len(known)) if i not in taken and known[i]]
        if untouched:
            summary += f"; niet in het bestand en dus niet veranderd: {', '.join(untouched)}"
    if skipped:
        summary += f"; overgeslagen regels: {', '.join(skipped)}"
    if ignored:
        summary += f"; overgeslagen kolommen: {', '.join(ignored)}"
    try:
        new = scenario_to_json(parse_scenario(new))
    except InputError:
        pass  # other parts of the scenario are still being edited; compute will report them
    return ImportResult(new, summary, table.convention)
