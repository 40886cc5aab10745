"""CSV reading (four conventions) and writing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core.csvio import (
    MAX_CSV_ROWS,
    base_name,
    decode_csv_bytes,
    match_names,
    normalize_label,
    read_cell_number,
    read_table,
    write_csv,
)
from calculators.core.problems import InputError

FAST = settings(max_examples=60, deadline=None, database=None)


def csv_problems(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        read_table(text)
    assert all(p.field == "csv" for p in info.value.problems)
    return [p.message for p in info.value.problems]


def numbers(table, column: int) -> list[Decimal | None]:
    return [
        read_cell_number(table, row, column, label="‘x’", allow_negative=True) for row in table.rows
    ]


def test_dutch_excel():
    text = "\ufeffGemeente;Inwoners;Inwoners 18+\r\nBeesel;13.500;10.800,5\r\nVenlo;107000;\r\n"
    table = read_table(text)
    assert table.convention == "nl"
    assert table.headers == ["Gemeente", "Inwoners", "Inwoners 18+"]
    assert [r.cells[0] for r in table.rows] == ["Beesel", "Venlo"]
    assert [r.line for r in table.rows] == [2, 3]
    assert numbers(table, 1) == [13500, 107000]
    assert numbers(table, 2) == [Decimal("10800.5"), None]  # an empty cell is "not filled in"


def test_international():
    text = 'Municipality,Inwoners,Share\nBeesel,"13,500",0.25\n"Horst, aan de Maas",42000,1.5\n'
    table = read_table(text)
    assert table.convention == "international"
    assert [r.cells[0] for r in table.rows] == ["Beesel", "Horst, aan de Maas"]
    assert numbers(table, 1) == [13500, 42000]  # the comma only groups thousands here
    assert numbers(table, 2) == [Decimal("0.25"), Decimal("1.5")]


def test_excel_clipboard_with_tabs():
    # What Excel (Dutch settings) puts on the clipboard: tabs, decimal comma, thousands dots.
    text = "Gemeente\tInwoners\tGebruik\nBeesel\t13.500\t10,5\nBergen\t13.000\t8\n"
    table = read_table(text)
    assert table.convention == "tab"
    assert numbers(table, 1) == [13500, 13000]
    assert numbers(table, 2) == [Decimal("10.5"), 8]


CBS_EXPORT = (
    "\ufeff"
    '"Regionale kerncijfers Nederland"\r\n'
    '""\r\n'
    '"";"Bevolking";"Bevolking"\r\n'
    '"Regio\'s";"Perioden";"Totale bevolking"\r\n'
    '"Nederland";"2023";"17811291"\r\n'
    '"Beesel";"2023";"13512"\r\n'
    '"Bergen (L.)";"2023";"13102"\r\n'
    '"Gennep";"2023";"-"\r\n'
    '"Venlo";"2023";"."\r\n'
    '"Venray";"2023";"x"\r\n'
    '"Bron: CBS"\r\n'
)


def test_cbs_statline_download():
    table = read_table(CBS_EXPORT)
    assert table.convention == "cbs"
    assert table.headers == ["Regio's", "Totale bevolking"]  # the single period is dropped
    assert table.ignored_columns == ["Perioden"]
    assert table.header_line == 4
    assert [r.cells[0] for r in table.rows] == [
        "Nederland",
        "Beesel",
        "Bergen (L.)",
        "Gennep",
        "Venlo",
        "Venray",
    ]  # the "Bron: CBS" footer is gone
    # Header lines above the "Regio's" line are kept as candidate names for each column.
    assert table.header_candidates[1] == ["Totale bevolking", "Bevolking"]
    rows = table.rows
    assert read_cell_number(table, rows[1], 1, label="‘x’") == 13512
    assert read_cell_number(table, rows[3], 1, label="‘x’") == 0  # "-" = nihil
    with pytest.raises(InputError) as unknown:
        read_cell_number(table, rows[4], 1, label="‘Inwoners’ van Venlo")
    assert unknown.value.problems[0].message == (
        "‘Inwoners’ van Venlo (regel 9, kolom 2) is bij het CBS onbekend (‘.’). "
        "Vul dit getal zelf in of kies een andere periode."
    )
    with pytest.raises(InputError) as secret:
        read_cell_number(table, rows[5], 1, label="‘Inwoners’ van Venray")
    assert "is bij het CBS geheim (‘x’)" in secret.value.problems[0].message


def test_cbs_with_several_periods_is_refused():
    text = CBS_EXPORT.replace('"Beesel";"2023"', '"Beesel";"2022"')
    (message,) = csv_problems(text)
    assert "meer dan één periode" in message


def test_title_lines_above_a_known_header_are_skipped():
    table = read_table("Mijn tabel\n\nGemeente;Inwoners\nBeesel;1\n")
    assert table.convention == "nl"
    assert table.header_line == 3
    assert table.rows[0].line == 4


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("", "Het bestand is leeg"),
        ("\ufeff \r\n\r\n", "Het bestand is leeg"),
        ("Gemeente;Inwoners\r\n", "maar geen regels met gemeenten"),
        ("Gemeente\nBeesel\n", "maar één kolom"),
        ("13500;10000\n20000;30000\n", "moet de kopregel zijn"),
        ("Gemeente;Inwoners;Gebruik\nBeesel;1\nBergen;1;2\n", "Regel 2 heeft 2 kolommen"),
        ("Gemeente;Inwoners\nBeesel;1;2\nBergen;1\n", "Regel 2 heeft 3 kolommen"),
        ("Gemeente;;Gebruik\nBeesel;1;2\nBergen;1;2\n", "Kolom 2 heeft geen naam"),
        ('Gemeente;Inwoners\n"Beesel;1\n', "aanhalingstekens"),
    ],
)
def test_structural_problems(text, phrase):
    messages = csv_problems(text)
    assert any(phrase in m for m in messages), messages


def test_trailing_empty_cells_are_tolerated():
    table = read_table("Gemeente;Inwoners;\nBeesel;1;\nBergen;2;;\n")
    assert table.headers == ["Gemeente", "Inwoners"]
    assert [r.cells for r in table.rows] == [["Beesel", "1"], ["Bergen", "2"]]


def test_size_limits():
    rows = "".join(f"G{i};{i}\n" for i in range(MAX_CSV_ROWS + 1))
    (message,) = csv_problems("Gemeente;Inwoners\n" + rows)
    assert "meer dan 5.000 regels" in message
    (message,) = csv_problems("Gemeente;Inwoners\n" + "Beesel;1\n" * 10 + "x" * 2_000_001)
    assert "te groot" in message and "2 MB" in message
    assert "als tekst" in csv_problems(None)[0]  # type: ignore[arg-type]


def test_names():
    assert normalize_label("  Inwoners 18+ ") == normalize_label("inwoners18+")
    assert normalize_label("Cliënten") == normalize_label("clienten")
    assert normalize_label("Regio’s") == "regio's"
    assert base_name("Bergen (L.)") == "Bergen"
    known = ["Beesel", "Bergen", "Venlo"]
    assert match_names(["bergen (l.)", "VENLO", " beesel ", "Xanten"], known) == [1, 2, 0, None]
    # Ambiguous: two known Bergens, so the suffix is not dropped.
    assert match_names(["Bergen (L.)"], ["Bergen (NH.)", "Bergen (L.)"]) == [1]
    assert match_names(["Bergen (x)"], ["Bergen (NH.)", "Bergen (L.)"]) == [None]


def test_write_csv_conventions():
    headers = ["Gemeente", "Bedrag (euro)", "Aandeel"]
    rows = [["Beesel", Decimal("-1234.50"), Decimal("0.25")], ["Venlo; Noord", 7, None]]
    dutch = write_csv(headers, rows, "nl")
    assert dutch == (
        '\ufeffGemeente;Bedrag (euro);Aandeel\r\nBeesel;-1234,50;0,25\r\n"Venlo; Noord";7;\r\n'
    )
    international = write_csv(headers, rows, "international")
    assert international.splitlines()[1] == "Beesel,-1234.50,0.25"
    with pytest.raises(ValueError):
        write_csv(headers, rows, "tab")


def test_write_csv_neutralises_formulas():
    text = write_csv(["Gemeente"], [["=HYPERLINK(1)"], ["@SUM(A1)"], ["-x"], ["+1"]], "nl")
    assert text.splitlines()[1:] == ["'=HYPERLINK(1)", "'@SUM(A1)", "'-x", "'+1"]


# --------------------------------------------------------------------------- round trip

name_text = (
    st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZéëüï' ;,\"-()."),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(lambda s: s and s[0] not in "=+-@" and not s.casefold().startswith(("bron", "source")))
    .filter(lambda s: normalize_label(s) not in {"regio's", "regios", "gemeente", "naam"})
)
values = st.decimals(
    min_value=Decimal("-1e9"),
    max_value=Decimal("1e9"),
    allow_nan=False,
    allow_infinity=False,
    places=4,
)


@FAST
@given(
    st.lists(st.tuples(name_text, values, values), min_size=1, max_size=8),
    st.sampled_from(["nl", "international"]),
)
def test_write_then_read_preserves_values_exactly(rows, convention):
    text = write_csv(["Gemeente", "Een", "Twee"], [list(r) for r in rows], convention)
    table = read_table(text)
    assert table.convention == convention
    assert [r.cells[0] for r in table.rows] == [name for name, _, _ in rows]
    assert numbers(table, 1) == [a for _, a, _ in rows]
    assert numbers(table, 2) == [b for _, _, b in rows]


@pytest.mark.parametrize(
    "text",
    [
        "Gemeente;Inwoners\nBeesel;102,000\n",  # Dutch: comma = decimal mark, so 102?
        "Gemeente\tInwoners\nBeesel\t102,000\n",  # clipboard: Dutch-first, equally in doubt
    ],
)
def test_comma_thousands_in_a_count_column_is_asked_about(text):
    table = read_table(text)
    with pytest.raises(InputError) as info:
        read_cell_number(table, table.rows[0], 1, label="‘Inwoners’ van Beesel", integer=True)
    (problem,) = info.value.problems
    assert problem.field == "csv"
    assert problem.message.startswith(
        "Bij ‘Inwoners’ van Beesel (regel 2, kolom 2) staat ‘102,000’: bedoelt u 102000 of 102?"
    )


def test_comma_thousands_in_an_international_csv_is_unambiguous():
    # Commas separate the fields, so the decimal mark is the point: "102,000" is 102000.
    table = read_table('Gemeente,Inwoners\nBeesel,"102,000"\n')
    assert table.convention == "international"
    assert read_cell_number(table, table.rows[0], 1, label="‘x’", integer=True) == 102000


UNICODE_TEXT = (
    "Gemeente\tInwoners\tGebruik\r\nBeesel\t13.500\t10,5\r\nSúdwest-Fryslân\t90.000\t8\r\n"
)


def browser_windows_1252(data: bytes) -> str:
    # What TextDecoder("windows-1252") gives: cp1252, its five holes as C1 controls.
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)


@pytest.mark.parametrize(("codec", "bom"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_excel_unicode_text_is_read(codec, bom):
    # Excel's "Unicode-tekst": UTF-16 with a byte order mark, tabs between the fields.
    data = bom + UNICODE_TEXT.encode(codec)
    assert decode_csv_bytes(data) == UNICODE_TEXT
    # The page falls back to Windows-1252 for a file that is not UTF-8: repaired here.
    table = read_table(browser_windows_1252(data))
    assert table.convention == "tab"
    assert table.headers == ["Gemeente", "Inwoners", "Gebruik"]
    assert [r.cells[0] for r in table.rows] == ["Beesel", "Súdwest-Fryslân"]
    assert numbers(table, 1) == [13500, 90000]
    assert numbers(table, 2) == [Decimal("10.5"), 8]


def test_decode_csv_bytes_other_encodings():
    assert decode_csv_bytes("\ufeffGemeente;Inwoners\n".encode()) == "\ufeffGemeente;Inwoners\n"
    assert decode_csv_bytes("Súdwest;1\n".encode("cp1252")) == "Súdwest;1\n"
    assert decode_csv_bytes(b"\x81\x80") == "\x81€"


def test_damaged_unicode_text_gets_a_dutch_message():
    data = b"\xff\xfe" + "Gemeente\tInwoners\n".encode("utf-16-le") + b"\x00\xd8"  # lone half
    assert csv_problems(browser_windows_1252(data)) == [
        "Het bestand is opgeslagen als Unicode-tekst (UTF-16), maar is beschadigd of "
        "onvolledig. Sla het opnieuw op, bij voorkeur als ‘CSV UTF-8’."
    ]


def test_text_that_merely_starts_like_a_byte_order_mark_is_left_alone():
    table = read_table("ÿþ;Inwoners\nBeesel;1\n")
    assert table.headers == ["ÿþ", "Inwoners"]
