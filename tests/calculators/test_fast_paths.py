"""The fast paths of the core (whole-number arithmetic instead of Fractions, shortcuts for
plain input) give exactly what the straightforward Fraction arithmetic gives.

Each test holds a short reference written the slow, obvious way (as the code was before it
was made fast for tables of 2.000 municipalities) and compares on random input.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core import apportion
from calculators.core import format as fmt
from calculators.core.entry import handle
from calculators.core.key import Key, shares
from calculators.core.money import euro, round_cents, to_cents
from calculators.core.parse import parse_number, plain_whole_number
from calculators.core.problems import InputError
from calculators.core.table import Row
from calculators.core.validators import municipality_name, name_key, number

FAST = settings(max_examples=200, deadline=None, database=None)

fractions = st.fractions(max_denominator=10**6).filter(lambda x: abs(x) < 10**12)
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, places=6, min_value=-(10**9), max_value=10**9
)
numbers = st.one_of(st.integers(-(10**15), 10**15), fractions, decimals)


def reference_round(value: int | Fraction | Decimal, places: int) -> int:
    """Half away from zero on ``value · 10**places``, with Fractions."""
    scaled = Fraction(value) * 10**places
    magnitude = abs(scaled)
    rounded = (2 * magnitude.numerator + magnitude.denominator) // (2 * magnitude.denominator)
    return -rounded if scaled < 0 else rounded


def reference_text(value: int | Fraction | Decimal, places: int) -> str:
    rounded = reference_round(value, places)
    digits = str(abs(rounded)).rjust(places + 1, "0")
    whole = digits[: len(digits) - places]
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join([whole, *groups])
    if places:
        text += "," + digits[-places:]
    return f"-{text}" if rounded < 0 else text


@FAST
@given(numbers, st.integers(0, 6))
def test_rounding_and_display(value, places):
    assert fmt.round_half_up_int(value) == reference_round(value, 0)
    assert fmt.round_half_up(value, places) == Decimal(reference_round(value, places)).scaleb(
        -places
    )
    assert str(fmt.round_half_up(value, places)).count(".") == (1 if places else 0)
    assert fmt.format_decimal(value, places) == reference_text(value, places)
    assert fmt.format_percent(value, places) == reference_text(Fraction(value) * 100, places) + " %"
    assert euro(round_cents(value)) == euro(reference_round(value, 2))


@FAST
@given(st.integers(-(10**15), 10**15))
def test_euro_texts(cents):
    text = reference_text(Fraction(cents, 100), 2)
    expected = f"-€ {text.removeprefix('-')}" if cents < 0 else f"€ {text}"
    assert euro(cents) == expected
    if cents % 100 == 0:
        assert euro(cents, whole=True) == expected.removesuffix(",00")
    assert to_cents(Fraction(cents, 100)) == cents
    assert round_cents(Fraction(cents, 1000)) == reference_round(Fraction(cents, 1000), 2)


def test_canonical_number_of_zeros_and_decimals():
    assert fmt.canonical_number(Decimal("-0.000")) == "0"
    assert fmt.canonical_number(Decimal("0E-7")) == "0"
    assert fmt.canonical_number(Decimal("-12.500")) == "-12,5"
    assert fmt.canonical_number(Decimal("1E+3")) == "1000"
    assert fmt.canonical_number(Fraction(-5, 8)) == "-0,625"


@FAST
@given(st.text(alphabet="0123456789,.-+ €%e", max_size=12))
def test_plain_numbers_take_the_short_way_to_the_same_result(text):
    def full(value: object) -> object:
        try:
            return parse_number(value, "f", allow_negative=True)
        except InputError as error:
            return error.problems

    plain = plain_whole_number(text)
    if plain is not None:
        assert plain == full(text) and str(plain) == str(full(text))
        assert number()(text, "f", "het getal") == plain


def test_plain_numbers_above_the_maximum_get_the_full_message():
    assert plain_whole_number("1001", maximum=1000) is None
    try:
        number(maximum=1000)("1001", "f", "het getal")
    except InputError as error:
        assert "te groot" in error.problems[0].message
    else:
        raise AssertionError("1001 passed a maximum of 1000")
    assert plain_whole_number("1" * 61) is None
    try:
        number(positive="want er wordt door gedeeld")("0", "f", "het getal")
    except InputError as error:
        assert "groter zijn dan 0" in error.problems[0].message
    else:
        raise AssertionError("0 passed as positive")


def test_names_with_invisible_characters_are_still_found():
    assert name_key("Ven\u200blo") == name_key("venlo") == name_key(" VENLO ")
    assert name_key("Ｖｅｎｌｏ") == "venlo"
    for bad in ("Ven\u200blo", "Ven\tlo", "Ven\u00adlo"):
        try:
            municipality_name(bad, "f", "rij 1")
        except InputError:
            pass
        else:
            raise AssertionError(f"{bad!r} passed")
    assert municipality_name("  ’s-Hertogenbosch ", "f", "rij 1") == "’s-Hertogenbosch"


cells = st.one_of(
    st.none(),
    st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=0, max_value=10**8),
)


@FAST
@given(
    st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=8),
    st.sampled_from(["100", "60", "33.333333", "0.000001", "0"]),
)
def test_shares_as_with_fractions(values, weight):
    rows = [Row(f"G{i}", dict(zip("abc", v, strict=True))) for i, v in enumerate(values)]
    rest = 100 - Decimal(weight)
    key = Key("k", None, {"a": Decimal(weight), "b": rest / 2, "c": rest / 2})

    def reference() -> dict[str, Fraction]:
        result = {r.name: Fraction(0) for r in rows}
        for cid, w in key.weights.items():
            if w:
                total = sum((Fraction(r.value(cid)) for r in rows), Fraction(0))
                for r in rows:
                    result[r.name] += Fraction(w) / 100 / total * Fraction(r.value(cid))
        return result

    try:
        expected = reference()
    except ZeroDivisionError:
        try:
            shares(rows, key)
        except ZeroDivisionError:
            return
        raise AssertionError("a column of zeros divided") from None
    assert shares(rows, key) == expected


weights = st.dictionaries(
    st.sampled_from(["a", "A", "b", "B", "é", "E", "c", "d", "e"]),
    st.one_of(
        st.integers(0, 30),
        st.fractions(min_value=0, max_value=10**6, max_denominator=10**4),
        st.decimals(min_value=0, max_value=10**5, places=3),
    ),
    min_size=1,
    max_size=7,
)


def reference_highest_averages(total, exact, lower, upper, offset):
    """Seat by seat with Fractions: each next place to the highest average."""
    seats = dict(lower)
    for _ in range(total - sum(seats.values())):
        open_ = [n for n, w in exact.items() if w and (upper[n] is None or seats[n] < upper[n])]
        best = min(
            open_,
            key=lambda n: (-exact[n] / (seats[n] + 1 - offset), -exact[n], n.casefold(), n),
        )
        seats[best] += 1
    return seats


@FAST
@given(weights, st.integers(0, 40), st.data())
def test_apportion_with_bounds_as_seat_by_seat(w, total, data):
    names = list(w)
    minimum = {n: data.draw(st.integers(0, 4)) for n in names if data.draw(st.booleans())}
    maximum = {n: data.draw(st.integers(0, 15)) for n in names if data.draw(st.booleans())}
    exact = {n: Fraction(v) for n, v in w.items()}
    lower = {n: minimum.get(n, 0) for n in names}
    upper = {n: maximum.get(n) for n in names}
    for method, offset in (("dhondt", Fraction(0)), ("sainte-lague", Fraction(1, 2))):
        try:
            result = apportion.apportion(total, w, method, minimum, maximum)
        except ValueError:  # Infeasible, or no positive weight
            continue
        assert result == reference_highest_averages(total, exact, lower, upper, offset)
    try:
        result = apportion.apportion(total, w, "grootste-overschot", minimum, maximum)
    except ValueError:
        return
    assert sum(result.values()) == total
    assert all(lower[n] <= result[n] and (upper[n] is None or result[n] <= upper[n]) for n in names)


@FAST
@given(
    st.dictionaries(st.sampled_from("aAbBcdé"), st.integers(0, 9), min_size=1),
    st.integers(1, 9),
    st.integers(-3, 40),
)
def test_round_scaled_as_the_full_ranking(numerators, denominator, total):
    def reference() -> dict[str, int]:
        parts = {n: num // denominator for n, num in numerators.items()}
        ranked = sorted(
            numerators,
            key=lambda n: (-(numerators[n] % denominator), -numerators[n], n.casefold(), n),
        )
        for name in ranked[: total - sum(parts.values())]:
            parts[name] += 1
        return parts

    assert apportion.round_scaled(total, numerators, denominator) == reference()


def test_float_ties_are_broken_exactly():
    # Two ratios that round to the same float but are not equal.
    low, high = (10**20, 3 * 10**20 + 1), (10**20, 3 * 10**20)
    assert low[0] / low[1] == high[0] / high[1]
    assert apportion._exact_key(*low) < apportion._exact_key(*high)
    assert not apportion._exact_key(*high) < apportion._exact_key(*low)
    assert apportion._exact_key(1, 3) == apportion._exact_key(2, 6)
    events = [(*high, 1, 1), (*low, 2, 2), (1, 3, 3, 3), (*high, 4, 4)]
    apportion._sort_exactly(events)
    assert [e[2] for e in events] == [2, 1, 3, 4]  # equal ratios keep their order
    # Large weights whose averages tie as floats: the exact order decides, then the weight.
    big = 10**30
    result = apportion.apportion(3, {"x": Fraction(big + 1), "y": Fraction(big)}, "dhondt")
    assert result == {"x": 2, "y": 1}


def test_ascii_only_answer_is_the_same_json():
    request = json.dumps({"calculator": "verdeelsleutel", "action": "default"})
    plain, escaped = handle(request), handle(request, ascii_only=True)
    assert escaped.isascii() and not plain.isascii()
    assert json.loads(escaped) == json.loads(plain)
    assert "\\u20ac" in escaped or "\\u00eb" in escaped
