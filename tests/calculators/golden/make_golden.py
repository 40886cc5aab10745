"""Write the golden outputs that ``tests/calculators/test_golden.py`` checks byte for byte.

Run from the repository root::

    .venv/bin/python -m tests.calculators.golden.make_golden

Per calculator it builds ``VALID_PER_CALCULATOR`` random valid scenarios with a fixed seed
(``random.Random``, never Hypothesis, so every run builds the same requests), plus a few other
actions (describe, default and region per region, CSV re-import). It also replays the hostile
catalogue (``test_hostile_inputs.py`` and ``test_hostile_requests.py``): their tests run with
``handle`` swapped for a recorder, so every request they send is stored exactly as they build
it, without copying the catalogue here. Hypothesis tests there are skipped (not fixed).

Each record holds the request text, the response text exactly as ``handle`` returned it and,
for valid scenarios, the CSV export. Files: ``<calculator>.jsonl.gz`` and ``hostile.jsonl.gz``
(gzip without a timestamp, so unchanged outputs give identical files).
"""

from __future__ import annotations

import gzip
import importlib
import inspect
import json
import random
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

from calculators.catalogue.regions import REGIONS
from calculators.core.entry import handle
from calculators.core.format import canonical_number
from calculators.core.parse import parse_number
from calculators.core.problems import InputError
from tests.calculators.test_golden import read_records, text_of  # the test's own reader

FOLDER = Path(__file__).resolve().parent
SEED = 20190905
VALID_PER_CALCULATOR = 50
CALCULATORS = ("verdeelsleutel", "solidariteit", "spreiding", "ingroeipad")
HOSTILE_MODULES = ("test_hostile_inputs", "test_hostile_requests")
#: Requests longer than this are stored as runs of repeated pieces (10 MB of "[" is one run).
RUNS_FROM = 65_536

# Real names with accents, apostrophes, commas and brackets, next to the regions' own names.
EXTRA_NAMES = (
    "’s-Hertogenbosch",
    "'s-Gravenhage",
    "Súdwest-Fryslân",
    "Noardeast-Fryslân",
    "Nuenen, Gerwen en Nederwetten",
    "Bergen (L.)",
    "Bergen (NH.)",
    "Sittard-Geleen",
    "Hof van Twente",
    "Sint-Michielsgestel",
    'Gemeente "Citaat" & Zoë',
    "Ñandú;Ølst",
    "Valkenburg a/d Geul",
    "Tab\u00a0Ruimte",
    "Émile Zola-stad",
)
TITLES = (
    "",
    "Scenario 2026",
    "Tekort € 1.000.000 – variant B",
    "Überschrift mit Umlaut; en “aanhalingstekens”",
    "<b>vet</b> & 'quotes'",
    "x" * 200,
    "   spaties rondom   ",
    "=1+1 is tekst in de titel",
)


# --------------------------------------------------------------------------- number notation


def written(
    rng: random.Random, value: Decimal, *, percent: bool = False, euro: bool = False
) -> object:
    """``value`` in one of the notations a user or a file may send; it must read back the same.

    Plain, Dutch grouping, spaces, €, %, a decimal point, signs, a JSON number: the refactor
    must keep reading all of them exactly as before.
    """
    plain = canonical_number(value)
    whole, _, fraction = plain.lstrip("-").partition(",")
    sign = "-" if value < 0 else ""
    grouped = f"{int(whole):,}".replace(",", ".")
    options: list[object] = [
        plain,
        plain,
        sign + grouped + ("," + fraction if fraction else ""),
        sign + f"{int(whole):,}".replace(",", " ") + ("," + fraction if fraction else ""),
        f"  {plain} ",
        sign + whole + ("." + fraction if fraction else ""),
        "\u2212" + plain[1:] if sign else "+" + plain,
    ]
    if fraction:
        options.append(sign + f"{int(whole):,}" + "." + fraction)  # international 1,234.5
    if percent:
        options.append(plain + " %")
        options.append(plain + "%")
    if euro and not percent:
        options.append("€ " + plain)
        options.append(sign + "€" + plain.lstrip("-"))
    if value == value.to_integral_value() and abs(value) < 10**15:
        options.append(int(value))
    elif abs(value) < 10**12:
        options.append(float(plain.replace(",", ".")))  # a JSON number with a decimal point
    choice = rng.choice(options)
    try:
        back = parse_number(choice, "x", label="x", allow_negative=True, percent=percent)
    except InputError:
        back = None
    return choice if back == value else plain


def amount(rng: random.Random, low: int, high: int, decimals: int) -> Decimal:
    """A random number between ``low`` and ``high`` with at most ``decimals`` decimals; often
    round, sometimes an edge."""
    unit = 10**decimals
    kind = rng.random()
    if kind < 0.08:
        cents = low * unit
    elif kind < 0.14:
        cents = high * unit
    elif kind < 0.45:
        cents = rng.randint(low, high) * unit
    else:
        cents = rng.randint(low * unit, high * unit)
    return Decimal(cents).scaleb(-decimals).normalize() + 0


def log_int(rng: random.Random, low: int, high: int) -> int:
    """An integer spread over orders of magnitude, so small and huge values both occur."""
    if low >= high:
        return low
    exponent = rng.uniform(0, len(str(high)))
    return max(low, min(high, int(10**exponent) - 1 + low))


def split_hundred(rng: random.Random, count: int, decimals: int) -> list[Decimal]:
    """``count`` non-negative weights with at most ``decimals`` decimals, summing to 100."""
    unit = 10**decimals
    cuts = sorted(rng.randint(0, 100 * unit) for _ in range(count - 1))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, 100 * unit], strict=True)]
    return [Decimal(p).scaleb(-decimals).normalize() + 0 for p in parts]


# --------------------------------------------------------------------------- shared parts


def municipality_count(rng: random.Random, index: int, largest: int) -> int:
    """Mostly a region's size; case 0 has one municipality, some have hundreds."""
    if index == 0:
        return 1
    if index == 1:
        return largest
    kind = rng.random()
    if kind < 0.1:
        return 2
    if kind < 0.8:
        return rng.randint(3, 14)
    if kind < 0.97:
        return rng.randint(15, 40)
    return rng.choice([120, 342])


def names(rng: random.Random, count: int) -> list[str]:
    """Unique names: a region's municipalities, odd real names, then numbered ones."""
    region = rng.choice(list(REGIONS.values()))
    pool = list(region.municipalities)
    rng.shuffle(pool)
    odd = list(EXTRA_NAMES)
    rng.shuffle(odd)
    pool += [n for n in odd[: rng.randint(0, 4)] if n not in pool]
    chosen = pool[:count]
    width = len(str(count))
    chosen += [f"Gemeente {i:0{width}d}" for i in range(1, count - len(chosen) + 1)]
    rng.shuffle(chosen)
    if rng.random() < 0.2:
        chosen[0] = f"  {chosen[0]}  "  # trimmed by the calculators
    return chosen


def title(rng: random.Random, scenario: dict) -> None:
    kind = rng.random()
    if kind < 0.15:
        return  # no title at all
    scenario["title"] = None if kind < 0.2 else rng.choice(TITLES)


def header(rng: random.Random, calculator: str) -> dict:
    scenario: dict = {}
    if rng.random() < 0.8:
        scenario["calculator"] = calculator
    if rng.random() < 0.8:
        scenario["version"] = 1
    title(rng, scenario)
    return scenario


def make_key(
    rng: random.Random,
    columns: list[str],
    presets: dict[str, dict[str, str]],
    preset: str | None = None,
) -> dict[str, object]:
    """A key over ``columns``: ``preset``, a preset that fits, or own weights summing to
    exactly 100."""
    fitting = [pid for pid, weights in presets.items() if set(weights) <= set(columns)]
    if preset is not None or (fitting and rng.random() < 0.45):
        pid = preset or rng.choice(fitting)
        key: dict[str, object] = {"preset": pid, "weights": dict(presets[pid])}
        if rng.random() < 0.5:
            key["label"] = rng.choice(["Sleutel A", "Voorstel 2026", "Sleutel “nieuw”", "x" * 80])
        return key
    used = rng.sample(columns, rng.randint(1, min(len(columns), 5)))
    decimals = rng.choice([0, 0, 1, 2, 6])
    parts = split_hundred(rng, len(used), decimals)
    weights = {cid: written(rng, w, percent=True) for cid, w in zip(used, parts, strict=True)}
    if rng.random() < 0.3:  # explicit zero weights for the other columns
        for cid in columns:
            weights.setdefault(cid, rng.choice(["0", 0, "0 %", "0,0"]))
    key = {"weights": weights}
    if rng.random() < 0.6:
        key["label"] = rng.choice(["Eigen sleutel", "Mix", "Sleutel <b>B</b>", "   "])
    return key


def used_columns(key: dict) -> list[str]:
    found = []
    for cid, weight in key["weights"].items():
        value = parse_number(weight, "x", label="x", percent=True)
        if value > 0:
            found.append(cid)
    return found


def ensure_nonzero(rng: random.Random, rows: list[dict], columns: list[str], value) -> None:
    """A weighted column that is 0 everywhere is an input error; make one cell positive."""
    for cid in columns:
        cells = [r["values"].get(cid) for r in rows]
        if all(c in (None, "", 0, "0") for c in cells):
            rng.choice(rows)["values"][cid] = value


def maybe_blank(rng: random.Random, probability: float) -> object:
    """How an empty optional number arrives: "", null or spaces."""
    return rng.choice(["", None, "  "]) if rng.random() < probability else ...


# --------------------------------------------------------------------------- verdeelsleutel

VERDEELSLEUTEL_PRESETS = {
    "kandidaat-2019": {"inwoners_18plus": "25", "gebruik": "75"},
    "criteria-2020": {"inleg": "40", "gebruik": "40", "zeggenschap": "20"},
    "inwoners-100": {"inwoners": "100"},
}
DEFAULT_CRITERIA = [
    {"id": "inwoners", "label": "Inwoners", "reference": ""},
    {"id": "inwoners_18plus", "label": "Inwoners 18+", "reference": "peildatum 1 januari t-1"},
    {"id": "gebruik", "label": "Gebruik beschermd wonen (cliënten)", "reference": "peiljaar t-2"},
    {"id": "inleg", "label": "Inleg (euro)", "reference": ""},
    {"id": "zeggenschap", "label": "Zeggenschap (stemgewicht)", "reference": ""},
]
COUNTS = {"inwoners", "inwoners_18plus", "clienten", "plaatsen"}
#: Cases that use each preset for certain (by chance one would hardly ever be drawn).
FORCED_PRESETS = {3: "kandidaat-2019", 4: "criteria-2020", 5: "inwoners-100"}


def verdeelsleutel(rng: random.Random, index: int) -> dict:
    scenario = header(rng, "verdeelsleutel")
    kind = rng.random()
    if index == 1:  # the most municipalities allowed: two columns keep the file small
        criteria = [dict(c) for c in DEFAULT_CRITERIA[:2]]
    elif kind < 0.4 or index in FORCED_PRESETS:
        criteria = [dict(c) for c in DEFAULT_CRITERIA]
    elif kind < 0.7:
        criteria = [
            dict(c) for c in DEFAULT_CRITERIA if c["id"] == "inwoners" or rng.random() < 0.6
        ]
    else:
        width = 20 if index == 2 else rng.randint(1, 8)
        criteria = [
            {"id": f"c{j}_{rng.choice(['a', 'kosten', 'x9'])}", "label": f"Criterium {j} (€)"}
            for j in range(width)
        ]
        if rng.random() < 0.5:
            criteria[0] = {"id": "inwoners", "label": "Inwoners"}
        for c in criteria:
            if rng.random() < 0.3:
                c["reference"] = rng.choice(["peildatum 1 januari t-1", "peiljaar 2024", ""])
    ids = [c["id"] for c in criteria]
    counts = [cid for cid in ids if cid in COUNTS]
    scenario["criteria"] = criteria
    if "inwoners" in ids and rng.random() < 0.6:
        inhabitants = "inwoners"  # also the default when the field is missing
        if rng.random() < 0.5:
            scenario["inhabitants_criterion"] = "inwoners"
    else:
        inhabitants = rng.choice(ids)
        scenario["inhabitants_criterion"] = inhabitants
    low, high = rng.choice([-100_000_000_000, -(10**6), 0]), rng.choice([10**5, 10**11])
    scenario["amount"] = written(rng, amount(rng, low, high, 2), euro=True)
    key = make_key(rng, ids, VERDEELSLEUTEL_PRESETS, FORCED_PRESETS.get(index))
    scenario["key"] = key
    compare = None
    kind = rng.random()
    if kind < 0.55 and index != 1:
        compare = make_key(rng, ids, VERDEELSLEUTEL_PRESETS)
        scenario["compare_key"] = compare
    elif kind < 0.7:
        scenario["compare_key"] = None
    if rng.random() < 0.6:
        threshold = maybe_blank(rng, 0.3)
        if threshold is ...:
            threshold = written(rng, amount(rng, 0, rng.choice([5, 50, 1_000_000]), 2), euro=True)
        scenario["threshold_per_inhabitant"] = threshold
    weighted = set(used_columns(key)) | (set(used_columns(compare)) if compare else set())
    count = municipality_count(rng, index, 2000 if index == 1 else 342)
    rows = []
    for name in names(rng, count):
        values: dict[str, object] = {}
        for cid in ids:
            if cid == inhabitants:
                value = Decimal(log_int(rng, 1, 100_000_000))
            elif cid in counts:
                value = Decimal(log_int(rng, 0, 100_000_000))
            else:
                if cid not in weighted and rng.random() < 0.15:
                    blank = rng.choice(["", None, "absent"])
                    if blank != "absent":
                        values[cid] = blank
                    continue
                value = amount(
                    rng, 0, rng.choice([10, 1000, 100_000_000_000]), rng.choice([0, 2, 6])
                )
            values[cid] = written(rng, value)
        rows.append({"name": name, "values": values})
    ensure_nonzero(rng, rows, sorted(weighted), "7")
    scenario["municipalities"] = rows
    return scenario


# --------------------------------------------------------------------------- solidariteit

SOLIDARITEIT_COLUMNS = ["inwoners", "inwoners_18plus", "gebruik", "inleg", "zeggenschap"]
COST_LINES = ["zorgkosten", "relatiemanagement", "inkoop", "monitoring", "kwaliteitsbewaking"]
COST_LINES += ["transferpunt"]


def solidariteit(rng: random.Random, index: int) -> dict:
    scenario = header(rng, "solidariteit")
    key = make_key(rng, SOLIDARITEIT_COLUMNS, VERDEELSLEUTEL_PRESETS)
    scenario["key"] = key
    weighted = used_columns(key)
    count = municipality_count(rng, index, 342)
    scale = rng.choice([1, 100, 10_000])
    rows = []
    for name in names(rng, count):
        people = log_int(rng, 1, 1_000_000 if rng.random() < 0.9 else 100_000_000)
        values: dict[str, object] = {
            "inwoners": written(rng, Decimal(people)),
            "inleg": written(rng, amount(rng, 0, min(people * scale, 10**11), 2), euro=True),
        }
        for cid in ("inwoners_18plus", "gebruik", "zeggenschap"):
            if cid in weighted or rng.random() < 0.7:
                value = (
                    amount(rng, 0, 5, rng.choice([0, 3]))
                    if cid == "zeggenschap"
                    else Decimal(rng.randint(0, people))
                )
                values[cid] = written(rng, value)
        if rng.random() < 0.6:
            values["eigen_kosten"] = written(
                rng, amount(rng, 0, min(people * scale, 10**11), 2), euro=True
            )
        elif rng.random() < 0.3:
            values["eigen_kosten"] = ""
        rows.append({"name": name, "values": values})
    ensure_nonzero(rng, rows, weighted, "3")
    scenario["municipalities"] = rows
    if rng.random() < 0.9:
        costs: dict[str, object] = {}
        for line in COST_LINES:
            blank = maybe_blank(rng, 0.25)
            if blank is ...:
                costs[line] = written(
                    rng, amount(rng, 0, rng.choice([1000, 10**6, 10**11]), 2), euro=True
                )
            elif rng.random() < 0.5:
                costs[line] = blank
        scenario["costs"] = costs
    kind = rng.random()
    if kind < 0.7:
        scenario["innovation_percent"] = written(
            rng, amount(rng, 0, rng.choice([2, 100]), rng.choice([0, 1, 4])), percent=True
        )
    elif kind < 0.85:
        scenario["innovation_percent"] = rng.choice(["", None])
    return scenario


# --------------------------------------------------------------------------- spreiding

SPREIDING_PRESETS = {
    "inwoners": {"inwoners": "100", "clienten": "0"},
    "clienten": {"inwoners": "0", "clienten": "100"},
    "half-half": {"inwoners": "50", "clienten": "50"},
}


def spreiding(rng: random.Random, index: int) -> dict:
    scenario = header(rng, "spreiding")
    scenario["facility"] = rng.choice(["beschermd-wonen", "maatschappelijke-opvang"])
    method = rng.choice(["grootste-overschot", "dhondt", "sainte-lague", None])
    if method is not None:
        scenario["method"] = method
    key = make_key(rng, ["inwoners", "clienten"], SPREIDING_PRESETS)
    scenario["key"] = key
    weighted = used_columns(key)
    # The yearly path costs time in proportion to the places moved: keep totals moderate.
    count = municipality_count(rng, index, 342)
    per_row = max(1, rng.choice([3, 20, 200]) * 14 // count)
    rows = []
    for name in names(rng, count):
        people = log_int(rng, 0, 1_000_000)
        values: dict[str, object] = {
            "inwoners": written(rng, Decimal(people)),
            "clienten": written(rng, Decimal(rng.randint(0, people // 500 + 3))),
            "plaatsen": written(rng, Decimal(rng.randint(0, per_row) if rng.random() < 0.6 else 0)),
        }
        for cid in ("inwoners", "clienten"):
            if cid not in weighted and rng.random() < 0.2:
                values[cid] = rng.choice(["", None])
        rows.append({"name": name, "values": values})
    ensure_nonzero(rng, rows, weighted, "5")
    current = sum(int(parse_number(r["values"]["plaatsen"], "x", label="x")) for r in rows)
    if current == 0:
        rows[0]["values"]["plaatsen"] = "12"
        current = 12
    total_mode = rng.choice(["current", "fixed", "decline", None])
    path_mode = rng.choice(["years", "max_moves", None])
    if total_mode == "decline":
        path_mode = rng.choice(["years", None])
    if total_mode is not None:
        scenario["total_mode"] = total_mode
    if path_mode is not None:
        scenario["path_mode"] = path_mode
    years = rng.choice([1, 2, 5, 10, 50]) if current < 5000 else rng.choice([1, 3])
    total = current
    if total_mode == "fixed":
        total = rng.choice(
            [0, current, current * 2, max(0, current - 7), rng.randint(0, 3 * current)]
        )
        total = min(total, 100_000)
        scenario["total_places"] = written(rng, Decimal(total))
    elif rng.random() < 0.5:
        scenario["total_places"] = rng.choice(["", "258", None, "veel"])  # not read: ignored
    if total_mode == "decline":
        decline = rng.randint(0, current // years)
        total = current - decline * years
        scenario["decline_per_year"] = written(rng, Decimal(decline))
    elif rng.random() < 0.5:
        scenario["decline_per_year"] = rng.choice(["", "3"])
    if path_mode in ("years", None):
        scenario["years"] = written(rng, Decimal(years))
    else:
        scenario["years"] = rng.choice(["", "5"])
    if path_mode == "max_moves":
        scenario["max_moves_per_year"] = written(rng, Decimal(rng.choice([1, 7, 50, 100_000])))
    elif rng.random() < 0.5:
        scenario["max_moves_per_year"] = rng.choice(["", "10"])
    scenario["start_year"] = written(rng, Decimal(rng.choice([2022, 2026, 1990, 2200, 0])))
    cost = maybe_blank(rng, 0.4)
    if cost is ...:
        cost = written(rng, amount(rng, 0, rng.choice([100_000, 10_000_000]), 2), euro=True)
    if rng.random() < 0.85:
        scenario["cost_per_move"] = cost
    # Bounds: a minimum here and there (within the total), a maximum that leaves room.
    room = total
    for row in rows:
        if rng.random() < 0.15 and room > 0:
            low = rng.randint(0, min(room, 5))
            room -= low
            row["values"]["minimum"] = written(rng, Decimal(low))
        elif rng.random() < 0.3:
            row["values"]["minimum"] = rng.choice(["", None])
        if rng.random() < 0.15:
            low = row["values"].get("minimum")
            base = int(parse_number(low, "x", label="x", required=False) or 0)
            row["values"]["maximum"] = written(rng, Decimal(base + rng.randint(0, 20)))
        elif rng.random() < 0.3:
            row["values"]["maximum"] = rng.choice(["", None])
    scenario["municipalities"] = rows
    return scenario


# --------------------------------------------------------------------------- ingroeipad


def ingroeipad(rng: random.Random, index: int) -> dict:
    scenario = header(rng, "ingroeipad")
    count = municipality_count(rng, index, 342)
    chosen = names(rng, count)
    centre = rng.randrange(count)
    scale = rng.choice([1, 100, 10_000])
    rows = []
    for i, name in enumerate(chosen):
        people = log_int(rng, 1, 1_000_000)
        history = Decimal(0)
        if i == centre or rng.random() < 0.2:
            history = amount(rng, 0, people * scale * 5, rng.choice([0, 2, 6]))
        values = {
            "inwoners": written(rng, Decimal(people)),
            "historisch": written(rng, history, euro=True),
            "objectief": written(
                rng, amount(rng, 0, people * scale, rng.choice([0, 2, 6])), euro=True
            ),
        }
        rows.append({"name": name, "values": values})
    ensure_nonzero(rng, rows, ["historisch", "objectief"], "1000")
    scenario["municipalities"] = rows
    budget = maybe_blank(rng, 0.5)
    if budget is ...:
        budget = written(
            rng, amount(rng, 1, rng.choice([100, 10**6, 10**11]), 2) + Decimal("0.01"), euro=True
        )
    if rng.random() < 0.9:
        scenario["budget"] = budget
    scenario["first_year"] = written(rng, Decimal(rng.choice([2022, 2026, 1900, 2200])))
    mode = rng.choice(["linear", "schedule", None])
    if mode is not None:
        scenario["alpha_mode"] = mode
    if mode == "schedule":
        steps = rng.choice([1, 3, 10, 50])
        decimals = rng.choice([0, 2, 6])
        unit = 10**decimals
        points = sorted(rng.randint(0, 100 * unit) for _ in range(steps))
        if rng.random() < 0.5:
            points[-1] = 100 * unit
        parts = [
            str(written(rng, Decimal(p).scaleb(-decimals).normalize() + 0, percent=True))
            for p in points
        ]
        scenario["alpha_schedule"] = rng.choice(["; ", ";", " ; "]).join(parts)
        if rng.random() < 0.5:
            scenario["years"] = rng.choice(["", "10", "x"])  # not read in schedule mode
    else:
        scenario["years"] = written(rng, Decimal(rng.choice([1, 2, 10, 10, 50])))
        if rng.random() < 0.4:
            scenario["alpha_schedule"] = rng.choice(["", "10; 20", "ongeldig"])  # not read
    kind = rng.random()
    if kind < 0.6:
        cap = amount(rng, 0, rng.choice([1, 15, 100_000]), 2)
        scenario["cap"] = {"per_inhabitant": written(rng, cap, euro=True)}
    elif kind < 0.8:
        scenario["cap"] = None
    return scenario


BUILDERS: dict[str, Callable[[random.Random, int], dict]] = {
    "verdeelsleutel": verdeelsleutel,
    "solidariteit": solidariteit,
    "spreiding": spreiding,
    "ingroeipad": ingroeipad,
}


# --------------------------------------------------------------------------- records


def as_text(request: dict) -> str:
    return json.dumps(request, ensure_ascii=False)


def answered(request: str, case_id: str) -> tuple[str, dict]:
    """The response text and, parsed, its content; a valid case that fails stops the run."""
    response = handle(request)
    parsed = json.loads(response)
    if not parsed["ok"]:
        raise SystemExit(f"{case_id} should be valid but is not: {parsed['errors'][:3]}")
    return response, parsed


def scenario_of(calculator: str, index: int) -> tuple[dict, random.Random]:
    # One generator per case: changing one case's recipe leaves the others as they are.
    rng = random.Random(f"{SEED}/{calculator}/{index}")
    return BUILDERS[calculator](rng, index), rng


def calculator_records(calculator: str) -> Iterator[dict]:
    """The valid scenarios (compute and CSV export), then the other actions."""
    exported: dict[int, tuple[dict, str]] = {}
    for index in range(VALID_PER_CALCULATOR):
        case_id = f"{calculator}/valid-{index:02d}"
        scenario, rng = scenario_of(calculator, index)
        request = as_text({"calculator": calculator, "action": "compute", "scenario": scenario})
        response, _ = answered(request, case_id)
        export = {"calculator": calculator, "action": "export_csv", "scenario": scenario}
        convention = rng.choice(["nl", "international", None])
        if convention is not None:
            export["convention"] = convention
        csv_request = as_text(export)
        csv = answered(csv_request, case_id)[1]["text"]
        exported[index] = (scenario, csv)
        yield {
            "id": case_id,
            "kind": "valid",
            "request": request,
            "response": response,
            "csv_request": csv_request,
            "csv": csv,
        }
    for case_id, request in action_requests(calculator, exported):
        text = as_text(request)
        yield {"id": case_id, "kind": "action", "request": text, "response": handle(text)}


def action_requests(calculator: str, exported: dict[int, tuple[dict, str]]) -> Iterator:
    """describe, default and region per region, check, and every fifth export read back in."""
    yield f"{calculator}/describe", {"calculator": calculator, "action": "describe"}
    yield f"{calculator}/default", {"calculator": calculator, "action": "default"}
    for region in REGIONS:
        request = {"calculator": calculator, "action": "default", "region": region}
        yield f"{calculator}/default/{region}", request
    scenario = exported[3][0]
    for region in REGIONS:
        request = {"calculator": calculator, "action": "region", "scenario": scenario}
        yield f"{calculator}/region/{region}", {**request, "region": region}
    yield f"{calculator}/check", {"calculator": calculator, "action": "check", "scenario": scenario}
    for index in range(0, VALID_PER_CALCULATOR, 5):
        scenario, csv = exported[index]
        mode = "replace" if index % 10 == 0 else "update"
        request = {"calculator": calculator, "action": "import_csv", "scenario": scenario}
        yield f"{calculator}/import-{index:02d}", {**request, "text": csv, "mode": mode}


# --------------------------------------------------------------------------- hostile catalogue


def repeats(text: str, start: int, unit: str) -> int:
    """How many times ``unit`` repeats from ``start`` (at least once), in C-speed steps."""
    count, step = 1, 1
    while text.startswith(unit * (count + step), start):
        count += step
        step *= 2
    while step > 1:
        step //= 2
        if text.startswith(unit * (count + step), start):
            count += step
    return count


def to_runs(text: str) -> list[list]:
    """``text`` as ``[piece, times]`` runs: "".join(piece * times) gives it back."""
    found: list[list] = []
    literal = position = 0
    while position < len(text):
        best = None
        for width in range(1, 17):
            unit = text[position : position + width]
            if len(unit) < width:
                break
            times = repeats(text, position, unit)
            if times * width >= 1024 and (best is None or times * width > best[1] * len(best[0])):
                best = (unit, times)
        if best is None:
            position += 1
            continue
        if literal < position:
            found.append([text[literal:position], 1])
        found.append(list(best))
        position += best[1] * len(best[0])
        literal = position
    if literal < len(text):
        found.append([text[literal:], 1])
    assert "".join(piece * times for piece, times in found) == text
    return found


def packed(field: str, text: str) -> dict[str, object]:
    """``{field: text}``, or for a long text ``{field_runs: runs}``. Used for hostile cases
    only: a long text without repeats (a big valid response) would take long to search."""
    return {f"{field}_runs": to_runs(text)} if len(text) > RUNS_FROM else {field: text}


def parameter_sets(func: Callable) -> list[tuple[str, dict]]:
    """(id, arguments) per call, from the test's ``pytest.mark.parametrize`` marks."""
    calls = [("", {})]
    for mark in reversed(getattr(func, "pytestmark", [])):
        if mark.name != "parametrize":
            continue
        names, values = mark.args[0], mark.args[1]
        names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
        ids = mark.kwargs.get("ids")
        options = []
        for index, value in enumerate(values):
            given_id = getattr(value, "id", None)
            if hasattr(value, "values") and hasattr(value, "marks"):  # pytest.param(...)
                value = value.values if len(names) > 1 else value.values[0]
            arguments = (
                dict(zip(names, value, strict=True)) if len(names) > 1 else {names[0]: value}
            )
            if ids is not None and not callable(ids):
                given_id = ids[index]
            if given_id is None:
                shown = value.encode("unicode_escape").decode() if isinstance(value, str) else ""
                if isinstance(value, int) and not isinstance(value, bool):
                    shown = str(value)
                given_id = shown if 0 < len(shown) <= 40 else f"{names[0]}{index}"
            options.append((given_id, arguments))
        calls = [
            (f"{old}-{new}" if old else new, {**old_args, **new_args})
            for old, old_args in calls
            for new, new_args in options
        ]
    return calls


def hostile_records(seen: set[str]) -> Iterator[dict]:
    """Every request the hostile catalogue's fixed tests send, in source order, except those
    in ``seen`` (such as the plain ``default`` requests they start from)."""
    for module_name in HOSTILE_MODULES:
        module = importlib.import_module(f"tests.calculators.{module_name}")
        short = module_name.removeprefix("test_hostile_")
        sent: list[tuple[str, str]] = []

        def recorder(text, sent=sent):
            assert isinstance(text, str)
            response = handle(text)
            sent.append((text, response))
            return response

        tests = [
            func
            for name, func in vars(module).items()
            if name.startswith("test_") and inspect.isfunction(func)
        ]
        tests.sort(key=lambda func: func.__code__.co_firstlineno)
        module.handle = recorder
        try:
            for func in tests:
                if hasattr(func, "hypothesis"):
                    continue  # random examples: not a fixed catalogue
                for param_id, arguments in parameter_sets(func):
                    if set(inspect.signature(func).parameters) != set(arguments):
                        raise SystemExit(f"{func.__name__}: fixtures are not supported here")
                    sent.clear()
                    func(**arguments)  # the catalogue's own assertions run too
                    name = func.__name__.removeprefix("test_")
                    prefix = f"hostile/{short}/{name}" + (f"[{param_id}]" if param_id else "")
                    for number, (request, response) in enumerate(sent, start=1):
                        if request in seen:
                            continue
                        seen.add(request)
                        record = {"id": f"{prefix}#{number}"}
                        record.update(packed("request", request))
                        record.update(packed("response", response))
                        yield record
        finally:
            module.handle = handle


# --------------------------------------------------------------------------- files


def line(record: dict) -> str:
    text = json.dumps(record, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from the catalogue: escape it
        text = json.dumps(record)
    return text


def write(path: Path, records: list[dict]) -> None:
    data = "".join(line(r) + "\n" for r in records).encode("utf-8")
    # No name and mtime 0 in the header: the same records give the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as packed:
        packed.write(data)


def compare(old: list[dict], new: list[dict]) -> str:
    before = {r["id"]: r for r in old}
    after = {r["id"]: r for r in new}
    changed = {
        part: sum(1 for i in after if i in before and before[i].get(part) != after[i].get(part))
        for part in ("request", "request_runs", "response", "response_runs", "csv_request", "csv")
    }
    parts = [f"{n} {part}" for part, n in changed.items() if n]
    added, removed = len(set(after) - set(before)), len(set(before) - set(after))
    return f"{added} new, {removed} gone, changed: {', '.join(parts) or 'nothing'}"


def main() -> int:
    files = {name: list(calculator_records(name)) for name in CALCULATORS}
    stored = {r["request"] for records in files.values() for r in records}
    files["hostile"] = list(hostile_records(stored))
    ids = [r["id"] for records in files.values() for r in records]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    total = 0
    for name, records in files.items():
        path = FOLDER / f"{name}.jsonl.gz"
        old = read_records(path) if path.exists() else []
        write(path, records)
        size = path.stat().st_size
        total += size
        kinds: dict[str, int] = {}
        for r in records:
            ok = json.loads(text_of(r, "response"))["ok"]
            kind = r.get("kind") or ("accepted" if ok else "invalid")
            kinds[kind] = kinds.get(kind, 0) + 1
        shown = ", ".join(f"{n} {k}" for k, n in kinds.items())
        print(f"{path.name}: {shown}; {size / 1024:.0f} KiB; {compare(old, records)}")
    print(f"total {len(ids)} cases, {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
