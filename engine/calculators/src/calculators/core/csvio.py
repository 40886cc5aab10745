"""Reading and writing per-municipality tables as CSV text.

:func:`read_table` recognises four conventions:

``nl``
    Dutch Excel: ``;`` between fields, decimal comma, ``.`` for thousands.
``international``
    ``,`` between fields, decimal point, ``,`` for thousands (numbers then need quotes).
``tab``
    Tab-separated: what Excel puts on the clipboard when cells are copied. Numbers follow
    the Dutch-first rule of :func:`~calculators.core.parse.parse_number` (decimal comma,
    or a decimal point when there is no comma).
``cbs``
    A CBS StatLine CSV download. Assumption (from exports seen in practice; CBS does not
    publish a formal specification): ``;`` between fields, fields in double quotes, one or
    more title/metadata lines above the header row, possibly extra header lines with the
    topic ("Onderwerp") above the row that starts with "Regio's", and a footer such as
    "Bron: CBS" below the data. CBS symbols in cells: ``.`` = onbekend and ``x`` = geheim
    (both an error for that cell), ``-`` = nihil (read as 0). A "Perioden" column with one
    period is ignored. We recognise CBS by the "Bron: CBS" footer or a "Regio's" header.

Everywhere: UTF-16 text (Excel's "Unicode-tekst": a byte order mark, tabs between fields)
that the page decoded as Windows-1252 is repaired (see :func:`decode_csv_bytes` for the
bytes themselves), a UTF-8 byte order mark is removed, ``\\r\\n`` and ``\\r`` line ends are
accepted, blank lines are skipped, text above a header row that starts with a known name column
("Gemeente", "Gemeenten", "Regio's", "Naam", …) is skipped, and a trailing "Bron: …" line is
ignored.

Problems are reported with field ``csv`` and a message naming the line (and column).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from .format import Number, plain_number
from .parse import parse_number
from .problems import InputError, Problems, quote
from .validators import name_key

CSV_FIELD = "csv"
MAX_CSV_BYTES = 2_000_000
MAX_CSV_ROWS = 5_000
# The delimiters tried, in the order that decides a tie, with the convention each stands for.
_CONVENTION_BY_DELIMITER = {"\t": "tab", ";": "nl", ",": "international"}

_BOM = "\ufeff"
# Characters that make Excel treat a cell as a formula: such text is prefixed with ' on export
# (a shared scenario link must not be able to plant a formula in someone's spreadsheet).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def normalize_label(text: str) -> str:
    """Comparison form of a header or label: no diacritics, case, spaces or underscores."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("’", "'").replace("‘", "'").casefold()
    return re.sub(r"[\s_]+", "", bare)


#: First-column headers that mark the header row (compared with :func:`normalize_label`).
NAME_HEADERS = frozenset(
    normalize_label(h)
    for h in (
        "Gemeente",
        "Gemeenten",
        "Gemeentenaam",
        "Gemeentenamen",
        "Regio's",
        "Regios",
        "Regio",
        "Regionaam",
        "Naam",
        "Name",
        "Municipality",
        "Municipalities",
    )
)
_PERIOD_HEADERS = frozenset(normalize_label(h) for h in ("Perioden", "Periode", "Periods"))
_CBS_SYMBOLS = {
    ".": "onbekend",
    "x": "geheim",
}


@dataclass(slots=True)
class Row:
    """One data row: ``line`` is the 1-based line number in the text, for messages."""

    line: int
    cells: list[str]


@dataclass(slots=True)
class Table:
    """A parsed table. ``headers[0]`` is the name column.

    ``header_candidates[j]`` lists names for column ``j``: its header cell first, then (for
    CBS downloads with several header lines) the cells above it, nearest first.
    ``ignored_columns`` lists columns dropped while reading (e.g. a single CBS period).
    """

    convention: str
    headers: list[str]
    rows: list[Row]
    header_line: int
    header_candidates: list[list[str]] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def _fail(message: str) -> InputError:
    return InputError.single(CSV_FIELD, message)


def _parse(text: str, delimiter: str) -> list[Row]:
    """All non-blank rows with their starting line numbers."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"')
    rows: list[Row] = []
    previous_line = 0
    try:
        for cells in reader:
            start = previous_line + 1
            previous_line = reader.line_num
            if any("\n" in cell for cell in cells):
                # Our tables hold names and numbers: a line break inside a cell almost always
                # means a quote that opens but never closes.
                raise _fail(
                    f"Regel {start} bevat een cel die over meer regels doorloopt. Controleer of "
                    'aanhalingstekens (") goed open en dicht gaan.'
                )
            cleaned = [cell.strip() for cell in cells]
            if any(cleaned):
                rows.append(Row(start, cleaned))
            if len(rows) > MAX_CSV_ROWS + 50:
                break
    except csv.Error:
        raise _fail(
            f"Regel {previous_line + 1} van het bestand kan niet gelezen worden. Controleer "
            'of aanhalingstekens (") goed open en dicht gaan.'
        ) from None
    return rows


def _score(rows: Sequence[Row]) -> int:
    """How table-like the rows are: how many share the most common width of 2 or more."""
    widths: dict[int, int] = {}
    for row in rows[:60]:
        width = len(row.cells)
        while width > 1 and not row.cells[width - 1]:
            width -= 1
        if width >= 2:
            widths[width] = widths.get(width, 0) + 1
    return max(widths.values(), default=0)


def _is_source_line(row: Row) -> bool:
    return not any(row.cells[1:]) and row.cells[0].casefold().startswith(("bron", "source"))


# What a browser's TextDecoder("windows-1252") makes of each byte (the WHATWG variant: the
# five bytes cp1252 leaves undefined become the C1 control of the same number).
_WINDOWS_1252 = [bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(256)]
# Back to latin-1 code points, so that str.encode("latin-1") restores the original bytes.
_UNDO_1252 = str.maketrans({ch: chr(b) for b, ch in enumerate(_WINDOWS_1252) if ord(ch) != b})
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _utf16_or_none(data: bytes) -> str | None:
    """UTF-16 text (Excel's "Unicode-tekst") by its byte order mark; else ``None``."""
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise _fail(
                    "Het bestand is opgeslagen als Unicode-tekst (UTF-16), maar is beschadigd "
                    "of onvolledig. Sla het opnieuw op, bij voorkeur als ‘CSV UTF-8’."
                ) from None
    return None


def decode_csv_bytes(data: bytes) -> str:
    """An uploaded file as text: UTF-16 with a byte order mark (Excel's "Unicode-tekst"),
    UTF-8 (with or without BOM), else Windows-1252 (older Excel versions)."""
    text = _utf16_or_none(bytes(data))
    if text is not None:
        return text
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_WINDOWS_1252[b] for b in bytes(data))


def _undo_wrong_decoding(text: str) -> str:
    """Repair UTF-16 that the page decoded as Windows-1252 (the page falls back to it when a
    file is not UTF-8): it then starts with "ÿþ" or "þÿ", the UTF-16 byte order mark."""
    # UTF-16 of a table (names, digits, separators) has a zero byte in nearly every character.
    if not text.startswith(("\u00ff\u00fe", "\u00fe\u00ff")) or "\x00" not in text[:20]:
        return text
    try:
        data = text.translate(_UNDO_1252).encode("latin-1")
    except UnicodeEncodeError:  # not bytes read as Windows-1252 after all
        return text
    return _utf16_or_none(data) or text


def read_table(text: object) -> Table:
    """Parse pasted or uploaded CSV text into a :class:`Table`; see the module docstring."""
    if not isinstance(text, str):
        raise _fail("Plak de tabel als tekst of kies een CSV-bestand; er is geen tekst ontvangen.")
    if len(text) <= 2 * MAX_CSV_BYTES + 2:  # a bigger text is refused as too large below
        text = _undo_wrong_decoding(text)
    if len(text) > MAX_CSV_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_CSV_BYTES:
        raise _fail(
            "Het bestand is te groot: meer dan 2 MB. Gebruik een kleinere tabel "
            "met alleen de gemeenten en kolommen die nodig zijn."
        )
    if text.startswith(_BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _fail(
            "Het bestand is leeg. Plak een tabel met een kopregel en een regel per gemeente."
        )

    rows_by_delimiter = {d: _parse(text, d) for d in _CONVENTION_BY_DELIMITER}
    # Most rows of equal width wins; on a tie the first delimiter tried.
    delimiter = max(rows_by_delimiter, key=lambda d: _score(rows_by_delimiter[d]))
    rows = rows_by_delimiter[delimiter]
    if _score(rows) == 0:
        raise _fail(
            "Het bestand heeft maar één kolom. Gebruik puntkomma’s (;), komma’s (,) of "
            "tabs tussen de kolommen, met de naam van de gemeente in de eerste kolom."
        )

    is_cbs = any(_is_source_line(r) and "cbs" in r.cells[0].casefold() for r in rows) or any(
        normalize_label(r.cells[0]) in {"regio's", "regios"} for r in rows[:30]
    )
    convention = "cbs" if is_cbs else _CONVENTION_BY_DELIMITER[delimiter]

    # Without a known name header: the first row, or in a CBS download the first row with
    # more than one cell (below its title lines).
    fallback = next((i for i, r in enumerate(rows) if len(r.cells) >= 2), 0) if is_cbs else 0
    header_index = next(
        (i for i, r in enumerate(rows[:30]) if normalize_label(r.cells[0]) in NAME_HEADERS),
        fallback,
    )
    header_row = rows[header_index]
    headers = list(header_row.cells)
    while len(headers) > 1 and not headers[-1]:
        headers.pop()
    width = len(headers)
    above = rows[:header_index]
    data = rows[header_index + 1 :]
    # Footer: "Bron: CBS", footnotes (one filled cell) at the end of a CBS download.
    while data and (_is_source_line(data[-1]) or (is_cbs and not any(data[-1].cells[1:]))):
        data.pop()

    if width < 2:
        raise _fail(
            f"De kopregel (regel {header_row.line}) heeft maar één kolom. Zet de "
            "gemeente in de eerste kolom en de cijfers in de kolommen ernaast."
        )
    if header_index == 0 and not is_cbs and all(_looks_numeric(h) for h in headers[1:]):
        raise _fail(
            f"De eerste regel (regel {header_row.line}) moet de kopregel zijn, met de namen van "
            "de kolommen, bijvoorbeeld: Gemeente;Inwoners. Nu staan daar getallen."
        )
    problems = Problems()
    for j, name in enumerate(headers):
        if not name and j > 0:
            problems.add(
                CSV_FIELD,
                f"Kolom {j + 1} heeft geen naam in de kopregel (regel "
                f"{header_row.line}). Geef elke kolom een naam.",
            )
    if not data:
        problems.add(
            CSV_FIELD,
            f"Het bestand heeft wel een kopregel (regel {header_row.line}), "
            "maar geen regels met gemeenten eronder.",
        )
    if len(data) > MAX_CSV_ROWS:
        raise _fail(
            f"Het bestand heeft meer dan {MAX_CSV_ROWS:,} regels; dat is te veel "
            "voor de rekenhulp.".replace(",", ".")
        )
    for row in data:
        count = len(row.cells)
        if count > width and not any(row.cells[width:]):
            del row.cells[width:]
        elif count != width:
            advice = (
                "Staat er een scheidingsteken te veel, bijvoorbeeld een komma in een getal?"
                if count > width
                else "Vul de ontbrekende cellen aan (een lege cel mag)."
            )
            problems.add(
                CSV_FIELD,
                f"Regel {row.line} heeft {_columns(count)}, maar de kopregel "
                f"heeft er {width}. {advice}",
            )
    problems.raise_if_any()

    candidates_per_column = [
        [headers[j]] + [r.cells[j] for r in reversed(above) if j < len(r.cells) and r.cells[j]]
        for j in range(width)
    ]
    table = Table(convention, headers, data, header_row.line, candidates_per_column)
    _drop_single_period(table)
    return table


def _columns(count: int) -> str:
    return "1 kolom" if count == 1 else f"{count} kolommen"


def _looks_numeric(cell: str) -> bool:
    return bool(cell) and re.fullmatch(r"[-+−]?[0-9][0-9.,\s\u00a0]*", cell) is not None


def _drop_single_period(table: Table) -> None:
    """A CBS download for one period has a "Perioden" column; it carries no number."""
    for j in range(len(table.headers) - 1, 0, -1):
        if normalize_label(table.headers[j]) not in _PERIOD_HEADERS:
            continue
        periods = {row.cells[j] for row in table.rows}
        if len(periods) > 1:
            shown = ", ".join(sorted(periods)[:3])
            raise _fail(
                f"Het bestand bevat cijfers voor meer dan één periode ({shown} …). "
                "Kies bij het downloaden één periode, bijvoorbeeld één jaar."
            )
        table.ignored_columns.append(table.headers[j])
        del table.headers[j]
        del table.header_candidates[j]
        for row in table.rows:
            del row.cells[j]


def read_cell_number(
    table: Table,
    row: Row,
    column: int,
    *,
    label: str,
    allow_negative: bool = False,
    integer: bool = False,
    maximum: Number | None = None,
) -> Decimal | None:
    """Parse one cell as a number with the table's convention; blank gives ``None``.

    ``label`` names the value in Dutch (e.g. "‘Inwoners’ van Leiden"); the message adds the line
    and column. CBS symbols are handled for CBS downloads.
    """
    cell = row.cells[column]
    where = f"{label} (regel {row.line}, kolom {column + 1})"
    if table.convention == "cbs":
        symbol = cell.strip().casefold()
        if symbol in _CBS_SYMBOLS:
            raise _fail(
                f"{where[:1].upper()}{where[1:]} is bij het CBS {_CBS_SYMBOLS[symbol]} "
                f"({quote(cell)}). Vul dit getal zelf in of kies een andere periode."
            )
        if symbol == "-":  # CBS "nihil"
            return Decimal(0)
    return parse_number(
        cell,
        CSV_FIELD,
        label=where,
        allow_negative=allow_negative,
        integer=integer,
        maximum=maximum,
        max_decimals=6,
        # International: "." is the decimal mark; the others follow the Dutch-first rule.
        decimal_mark="." if table.convention == "international" else None,
        required=False,
    )


def base_name(name: str) -> str:
    """Name without a trailing CBS suffix: ``"Naam (NH.)"`` → ``"Naam"``."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip()


def match_names(names: Iterable[str], known: Sequence[str]) -> list[int | None]:
    """For each name from a file, the index of the matching ``known`` name, or ``None``.

    Exact match first (ignoring case and extra spaces); then without a trailing suffix in
    brackets (where two municipalities share a name, the CBS adds the province: "(L.)",
    "(NH.)"), but only when exactly one known name fits, so two such never land on one.
    """
    exact = {name_key(n): i for i, n in enumerate(known)}
    by_base: dict[str, list[int]] = {}
    for i, n in enumerate(known):
        by_base.setdefault(name_key(base_name(n)), []).append(i)
    result: list[int | None] = []
    for name in names:
        hits = by_base.get(name_key(base_name(name)), [])
        result.append(exact.get(name_key(name), hits[0] if len(hits) == 1 else None))
    return result


def _cell_text(value: object, decimal_mark: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal) and value.is_finite():
        # Written with its own number of decimals, so an amount keeps its cents ("12,50").
        text = format(value.copy_abs() if value == 0 else value, "f")
        return text.replace(".", decimal_mark)
    if isinstance(value, (int, Fraction)):
        return plain_number(value, decimal_mark)
    text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def write_csv(
    headers: Sequence[str], rows: Iterable[Sequence[object]], convention: str = "nl"
) -> str:
    """CSV text for export.

    ``"nl"``: ``;`` between fields and a decimal comma; ``"international"``: ``,`` and a decimal
    point. Numbers (int, Decimal, finite-decimal Fraction) are written without thousands
    separators, so a re-import reads exactly the same values; a Decimal keeps its own number
    of decimals (``Decimal("12.50")`` → ``12,50``). Both start with a UTF-8 byte
    order mark (Excel then shows é and ë correctly) and use ``\\r\\n`` line ends. Text that
    Excel would run as a formula (starting with =, +, -, @) gets a leading apostrophe.
    """
    if convention == "nl":
        delimiter, mark = ";", ","
    elif convention == "international":
        delimiter, mark = ",", "."
    else:
        raise ValueError(f"unknown export convention {convention!r}")
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow([_cell_text(h, mark) for h in headers])
    for row in rows:
        writer.writerow([_cell_text(v, mark) for v in row])
    return _BOM + buffer.getvalue()
