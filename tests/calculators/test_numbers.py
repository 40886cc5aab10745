"""Number parsing (exact, Dutch-first) and Dutch formatting."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core.format import (
    canonical_number,
    format_decimal,
    format_percent,
    round_half_up,
    round_half_up_int,
)
from calculators.core.money import euro, round_cents
from calculators.core.parse import parse_number
from calculators.core.problems import InputError

FAST = settings(max_examples=100, deadline=None, database=None)

LABEL = "‘Inwoners’ van Venlo"


def parse(value, **kwargs):
    kwargs.setdefault("label", LABEL)
    return parse_number(value, "municipalities[5].values.inwoners", **kwargs)


def problem(value, **kwargs):
    with pytest.raises(InputError) as info:
        parse(value, **kwargs)
    (only,) = info.value.problems
    assert only.field == "municipalities[5].values.inwoners"
    return only.message


GOOD = [
    # (text, expected exact value)
    ("13500", "13500"),
    ("0", "0"),
    ("007", "7"),
    ("1.234", "1234"),  # dot splits into groups of three: thousands
    ("1.234.567", "1234567"),
    ("1.234,5", "1234.5"),
    ("1.234.567,89", "1234567.89"),
    ("12,5", "12.5"),
    ("0,25", "0.25"),
    (",5", "0.5"),
    ("12.5", "12.5"),  # not valid grouping, no comma: the dot is the decimal mark
    ("0.25", "0.25"),
    ("0.250", "0.25"),  # a group cannot start with 0, so this is a decimal
    ("1234.5", "1234.5"),
    ("1.2345", "1.2345"),
    ("1,234.56", "1234.56"),  # both marks: the last one is the decimal mark
    ("13 500", "13500"),
    ("13\u00a0500", "13500"),  # no-break space
    ("13\u202f500", "13500"),  # narrow no-break space
    ("1 234 567,5", "1234567.5"),
    ("  42  ", "42"),
    ("+5", "5"),
    ("€ 1.234,56", "1234.56"),
    ("€1234,56", "1234.56"),
]
GOOD_NEGATIVE = [
    ("-5", "-5"),
    ("\u22125", "-5"),  # Unicode minus
    ("- 5", "-5"),
    ("-€ 1.234,56", "-1234.56"),  # our own display format reads back
    ("€ -1.234,56", "-1234.56"),
    ("-0", "0"),
]


@pytest.mark.parametrize(("text", "expected"), GOOD)
def test_good_strings(text, expected):
    assert parse(text) == Decimal(expected)


@pytest.mark.parametrize(("text", "expected"), GOOD_NEGATIVE)
def test_good_negative_strings(text, expected):
    assert parse(text, allow_negative=True) == Decimal(expected)


def test_percent_sign_only_where_a_percentage_is_expected():
    assert parse("25 %", percent=True) == 25
    assert parse("12,5%", percent=True) == Decimal("12.5")
    assert "procentteken" in problem("25 %")
    assert "euroteken" in problem("€ 25", percent=True)


BAD = [
    # (text, a phrase the Dutch message must contain)
    ("abc", "‘abc’ is geen getal"),
    ("NaN", "gewoon getal"),
    ("nan", "gewoon getal"),
    ("Infinity", "gewoon getal"),
    ("-Infinity", "gewoon getal"),
    ("inf", "gewoon getal"),
    ("∞", "gewoon getal"),
    ("1e400", "zonder e-notatie"),
    ("1,5e3", "zonder e-notatie"),
    ("1E5", "zonder e-notatie"),
    ("1,234,567", "komma voor decimalen"),  # two commas: not Dutch
    ("1.23.4", "komma voor decimalen"),
    ("1,2.3", "komma voor decimalen"),
    ("12,", "geen getal"),
    ("5-", "geen getal"),
    ("--5", "geen getal"),
    ("+-5", "geen getal"),
    ("1  234", "geen getal"),
    ("1 23", "geen getal"),
    ("1.234 567", "geen getal"),
    ("12 ,5", "geen getal"),
    ("€", "geen getal"),
    ("0x10", "geen getal"),
    ("1_000", "geen getal"),
    ("1'000", "geen getal"),
    ("١٢", "geen getal"),  # Arabic-Indic digits are not accepted
    ("12" * 40, "te lang"),
]


@pytest.mark.parametrize(("text", "phrase"), BAD)
def test_bad_strings_name_the_field(text, phrase):
    message = problem(text, allow_negative=True)
    assert phrase in message
    assert message.startswith(("Vul bij ‘Inwoners’ van Venlo", "Schrijf het getal bij ‘Inwoners’"))


def test_empty_and_missing():
    assert problem("") == "Vul bij ‘Inwoners’ van Venlo een getal in; het veld is nu leeg."
    assert problem("   ").endswith("het veld is nu leeg.")
    assert problem(None).endswith("het veld is nu leeg.")
    assert parse("", required=False) is None
    assert parse(None, required=False) is None


def test_the_example_message_of_the_brief():
    assert problem("abc") == "Vul bij ‘Inwoners’ van Venlo een getal in; ‘abc’ is geen getal."


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (True, "‘true’ is geen getal"),
        (False, "‘false’ is geen getal"),
        (float("nan"), "gewoon getal"),
        (float("inf"), "gewoon getal"),
        (Decimal("NaN"), "gewoon getal"),
        (Decimal("-Infinity"), "gewoon getal"),
        ([1], "een lijst is geen getal"),
        ({"a": 1}, "een object is geen getal"),
    ],
)
def test_bad_python_values(value, phrase):
    assert phrase in problem(value, allow_negative=True)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (float("nan"), "‘NaN’"),
        (float("inf"), "‘Infinity’"),
        (float("-inf"), "‘-Infinity’"),
        (Decimal("NaN"), "‘NaN’"),
        (Decimal("sNaN"), "‘NaN’"),
        (Decimal("Infinity"), "‘Infinity’"),
        (Decimal("-Infinity"), "‘-Infinity’"),
    ],
)
def test_not_a_number_is_shown_as_typed_in_json(value, shown):
    # JSON's NaN/Infinity literals arrive as float; the user typed NaN, not Python's nan.
    assert problem(value, allow_negative=True) == (
        f"Vul bij {LABEL} een gewoon getal in; {shown} is geen getal waarmee de rekenhulp "
        "kan rekenen."
    )


def test_messages_show_json_numbers_in_dutch_notation():
    assert problem(Decimal("1.505"), max_decimals=2).endswith("; ‘1,505’ heeft er meer.")
    assert problem(Decimal("-2.5E+3")) == (
        f"{LABEL} mag niet negatief zijn; ‘-2500’ is kleiner dan 0."
    )
    assert problem(10**5000) == (
        f"De waarde bij {LABEL} is te groot: een getal met heel veel cijfers. Het hoogste "
        "toegestane getal is 1.000.000.000.000.000."
    )


def test_exponents_beyond_the_decimal_context_do_not_overflow():
    # abs() rounds in the decimal context and raised Overflow on these (a traceback in the
    # CLI, "Er ging iets mis" on the page). The exponents lie beyond the default context
    # (Emax 999999) yet within 32-bit WebAssembly's MAX_EMAX, so the test runs in Pyodide too.
    for value in (Decimal("1E+400000000"), Decimal("-1E+400000000")):
        message = problem(value, allow_negative=True)
        assert "te groot: een getal met heel veel cijfers" in message, message
    message = problem(Decimal("1E-400000000"))
    assert message.endswith("een getal met heel veel cijfers heeft er meer."), message
    # Zero is zero, however many zeros follow the decimal mark.
    assert parse(Decimal("-0E-400000000")) == 0


def test_python_numbers_are_exact():
    assert parse(5) == 5
    assert parse(Decimal("0.1")) == Decimal("0.1")
    # A finite float (typed API only) is read by its shortest repr, so 0.1 means 0.1.
    assert parse(0.1) == Decimal("0.1")


def test_negative_rejected_unless_allowed():
    assert problem("-5") == "‘Inwoners’ van Venlo mag niet negatief zijn; ‘-5’ is kleiner dan 0."
    assert "negatief" in problem(-3)


def test_limits():
    message = problem("100.000.001", maximum=100_000_000)
    assert message == (
        "De waarde bij ‘Inwoners’ van Venlo is te groot: ‘100.000.001’. "
        "Het hoogste toegestane getal is 100.000.000."
    )
    assert parse("100.000.000", maximum=100_000_000) == 100_000_000
    assert "plus of min" in problem("-2000000000000", maximum=10**11, allow_negative=True)
    # Huge values of every type are refused before any expensive arithmetic.
    assert "te groot" in problem(10**5000)
    assert "te groot" in problem(Decimal("1E+400"))
    assert "achter de komma" in problem(Decimal("1E-999999"))


def test_decimals():
    assert "hooguit 2 cijfers achter de komma" in problem("1,234", max_decimals=2)
    assert parse("1,230", max_decimals=2) == Decimal("1.23")  # trailing zeros do not count
    assert "heel getal" in problem("12,5", integer=True)
    assert parse("12,0", integer=True) == 12


def test_explicit_decimal_marks():
    # International CSV: the point is always the decimal mark, the comma only groups.
    assert parse("1,234", decimal_mark=".") == 1234
    assert parse("1,234.5", decimal_mark=".") == Decimal("1234.5")
    assert parse("1.234", decimal_mark=".") == Decimal("1.234")
    assert "punt voor decimalen" in problem("1,5", decimal_mark=".")
    # Strict Dutch: the point may only group.
    assert parse("1.234", decimal_mark=",") == 1234
    assert "komma voor decimalen" in problem("12.5", decimal_mark=",")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234.5"), "1234,5"),
        (Decimal("1.50"), "1,5"),
        (Decimal("-250000"), "-250000"),
        (Decimal("-0"), "0"),
        (Decimal("1E+3"), "1000"),
        (Decimal("0.000001"), "0,000001"),
        (7, "7"),
        (Fraction(1, 8), "0,125"),
    ],
)
def test_canonical_number(value, text):
    assert canonical_number(value) == text


def test_canonical_number_refuses_repeating_fractions():
    with pytest.raises(ValueError):
        canonical_number(Fraction(1, 3))


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("2.345"), 2, "2,35"),  # half up
        (Decimal("-2.345"), 2, "-2,35"),  # half away from zero
        (Decimal("2.344999"), 2, "2,34"),
        (Decimal("-1234.565"), 2, "-1.234,57"),
        (Decimal("-0.001"), 2, "0,00"),  # no "-0,00"
        (Decimal("1234567.891"), 0, "1.234.568"),
        (Fraction(2, 3), 3, "0,667"),
    ],
)
def test_format_decimal(value, places, text):
    assert format_decimal(value, places) == text


def test_round_half_up():
    assert round_half_up(Decimal("2.5")) == 3
    assert round_half_up(Decimal("-2.5")) == -3
    assert round_half_up_int(Fraction(-9999, 4000)) == -2  # -2.49975
    assert round_half_up_int(Fraction(-4500750, 1000)) == -4501
    assert str(round_half_up(Fraction(1, 8), 2)) == "0.13"


def test_euro_and_percent_display():
    assert euro(123456) == "€ 1.234,56"
    assert euro(-123456) == "-€ 1.234,56"
    assert euro(-100000000) == "-€ 1.000.000,00"
    assert euro(0) == "€ 0,00"
    assert euro(-1) == "-€ 0,01"
    assert euro(round_cents(Decimal("15"))) == "€ 15,00"
    assert euro(round_cents(Fraction(-29, 2000))) == "-€ 0,01"  # -0,0145 → -0,01
    assert format_percent(Decimal("0.1234")) == "12,34 %"
    assert format_percent(Fraction(6001, 40000)) == "15,00 %"
    assert format_percent(Fraction(1, 3), 1) == "33,3 %"


@FAST
@given(
    st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        allow_nan=False,
        allow_infinity=False,
        places=6,
    )
)
def test_canonical_number_round_trip(value):
    text = canonical_number(value)
    assert "." not in text and "e" not in text.lower()
    assert parse_number(text, "x", allow_negative=True) == value


@FAST
@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_euro_display_reads_back_exactly(cents):
    # Independent check: the displayed amount, read back, is cents / 100 exactly.
    text = euro(cents)
    assert parse_number(text, "x", allow_negative=True, max_decimals=2) * 100 == cents


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("102,000", "bedoelt u 102000 of 102?"),
        ("250,000", "bedoelt u 250000 of 250?"),
        (" 1,000 ", "bedoelt u 1000 of 1?"),
        ("102,500", "bedoelt u 102500?"),  # 102,5 is no whole number: only one reading left
    ],
)
def test_comma_with_three_digits_in_a_count_asks_which_was_meant(text, readings):
    # "102,000" was read as 102 without a word: a thousands comma is just as likely.
    with pytest.raises(InputError) as info:
        parse_number(text, "f", label="‘Inwoners’ van Venlo", integer=True)
    (problem,) = info.value.problems
    assert problem.field == "f"
    start = f"Bij ‘Inwoners’ van Venlo staat ‘{text.strip()}’: {readings}"
    assert problem.message.startswith(start)
    assert "zonder komma" in problem.message


def test_comma_with_three_digits_keeps_the_existing_rules_elsewhere():
    # Amounts: the Dutch rule reads the comma as decimal mark, as documented.
    assert parse_number("102,000", "f") == Decimal("102")
    # Where the convention fixes the decimal mark, nothing is in doubt.
    assert parse_number("102,000", "f", integer=True, decimal_mark=".") == 102000
    # Unambiguous counts still pass.
    assert parse_number("102.000", "f", integer=True) == 102000
    assert parse_number("102,0", "f", integer=True) == 102
    assert parse_number("0,000", "f", integer=True) == 0


def test_negative_comma_count_gets_both_readings_only_where_negative_is_allowed():
    with pytest.raises(InputError) as info:
        parse_number("-1,000", "f", label="‘x’", integer=True, allow_negative=True)
    assert "bedoelt u -1000 of -1?" in info.value.problems[0].message
    with pytest.raises(InputError) as info:
        parse_number("-1,000", "f", label="‘x’", integer=True)
    assert "mag niet negatief zijn" in info.value.problems[0].message
