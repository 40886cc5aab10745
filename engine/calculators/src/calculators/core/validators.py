"""Small composable field validators, in the spirit of attrs' validators.

A validator is a callable ``(value, field, label) -> parsed value`` that raises
:class:`~calculators.core.problems.InputError` with the field path and a Dutch message.
:mod:`calculators.core.fields` builds every scenario's parser from these parts and collects
the problems, so a calculator reports every problem of a scenario at once.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from .format import Number
from .parse import capitalized, is_blank, parse_number, plain_whole_number
from .problems import InputError, Problems, field_path, quote

Validator = Callable[[object, str, str], Any]


MAX_NAME = 80
_FORMULA_START = ("=", "+", "-", "@")


def _has_category(text: str, category: str) -> bool:
    # Only for text that is not printable: str.isprintable() is False for every character of
    # the categories Cc and Cf, so printable text needs no look at each character.
    return any(unicodedata.category(ch) == category for ch in text)


def name_key(name: str) -> str:
    """Comparison form of a municipality name: case, extra spaces, compatibility forms
    (fullwidth ``Ｖｅｎｌｏ``) and invisible format characters (category Cf: zero-width
    space, LRM/RLM, ZWJ/ZWNJ, soft hyphen, BOM) do not count, so such look-alikes are found
    as duplicates."""
    normal = unicodedata.normalize("NFKC", name)
    if not normal.isprintable():  # only then can it hold a format character (the slow part)
        normal = "".join(ch for ch in normal if unicodedata.category(ch) != "Cf")
    return " ".join(normal.casefold().split())


def suggest(word: object, options: Sequence[str]) -> str:
    """' Bedoelt u ‘x’?' for a near miss, else ''."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" Bedoelt u {quote(close[0])}?" if close else ""


def _check_line(value: str, field: str, subject: str, maximum: int) -> None:
    """Refuse a ``value`` longer than ``maximum`` or with a control character; ``subject``
    starts the message, e.g. "De titel" or "De naam bij rij 3"."""
    if len(value) > maximum:
        raise InputError.single(
            field,
            f"{subject} is te lang ({len(value)} tekens); gebruik hoogstens {maximum} tekens.",
        )
    if not value.isprintable() and _has_category(value, "Cc"):
        raise InputError.single(
            field,
            f"{subject} bevat een onzichtbaar teken, zoals een tab of regeleinde. Haal dat weg.",
        )


def text(*, maximum: int = 200, required: bool = False, default: str = "") -> Validator:
    """A trimmed single-line text; ``label`` names it in Dutch, e.g. "de titel"."""

    def validate(raw: object, field: str, label: str) -> str:
        if is_blank(raw):
            if required:
                raise InputError.single(field, f"Vul {label} in.")
            return default
        if not isinstance(raw, str):
            raise InputError.single(field, f"Vul bij {label} tekst in.")
        value = raw.strip()
        _check_line(value, field, capitalized(label), maximum)
        return value

    return validate


def municipality_name(raw: object, field: str, where: str) -> str:
    """A municipality name; ``where`` says where it is, e.g. "rij 3" or "regel 5 van het
    bestand". Names that Excel would run as a formula are refused."""
    if not isinstance(raw, str) or not raw.strip():
        raise InputError.single(field, f"Vul bij {where} de naam van de gemeente in.")
    name = raw.strip()
    if len(name) > MAX_NAME or not name.isprintable():  # the common case skips this in one step
        _check_line(name, field, f"De naam bij {where}", MAX_NAME)
        if _has_category(name, "Cf"):
            # Invisible, yet it makes "Vaals" and "Va\u200bals" two municipalities.
            raise InputError.single(
                field,
                f"De naam bij {where} bevat een onzichtbaar opmaakteken (zoals een zachte "
                "spatie, zacht afbreekstreepje of tekstrichtingsteken), vaak meegekopieerd uit "
                "een ander programma. Haal dat weg en typ de naam opnieuw.",
            )
    if name.startswith(_FORMULA_START):
        raise InputError.single(
            field,
            f"De naam {quote(name)} bij {where} mag niet beginnen met =, +, - of @: zo’n naam "
            "ziet Excel als formule.",
        )
    return name


def choice(options: Mapping[str, str], *, default: str | None = None) -> Validator:
    """One of ``options`` (id → Dutch label); a missing value gives ``default``."""

    def validate(raw: object, field: str, label: str) -> str:
        if raw is None and default is not None:
            return default
        if isinstance(raw, str) and raw in options:
            return raw
        listed = "; ".join(f"‘{key}’ ({value})" for key, value in options.items())
        shown = "Een lege keuze" if raw is None else quote(raw)
        raise InputError.single(
            field,
            f"{shown} kan niet bij {label}.{suggest(raw, list(options))} Kies uit: {listed}.",
        )

    return validate


def number(
    *,
    integer: bool = False,
    decimals: int = 6,
    allow_negative: bool = False,
    maximum: Number | None = None,
    percent: bool = False,
    required: bool = True,
    positive: str = "",
) -> Validator:
    """An exact number (see :func:`~calculators.core.parse.parse_number`). ``positive``:
    when set, 0 is refused too and the text says why (e.g. "want er wordt door gedeeld")."""

    def validate(raw: object, field: str, label: str) -> Decimal | None:
        plain = plain_whole_number(raw, maximum)  # most cells: skip the general rules
        if plain is not None and (plain > 0 or not positive):
            return plain
        value = parse_number(
            raw,
            field,
            label=label,
            allow_negative=allow_negative,
            integer=integer,
            maximum=maximum,
            max_decimals=decimals,
            percent=percent,
            required=required,
        )
        if positive and value is not None and value <= 0:
            raise InputError.single(
                field, f"{capitalized(label)} moet groter zijn dan 0, {positive}."
            )
        return value

    return validate


def check_unknown(
    data: Mapping[str, object], allowed: Sequence[str], path: str, where: str, p: Problems
) -> None:
    """Report every key of ``data`` that is not in ``allowed``, with a suggestion."""
    for key in data:
        if key not in allowed:
            p.add(
                field_path(path, str(key)) if path else str(key),
                f"Het veld {quote(key)} {where} kent de rekenhulp niet.{suggest(key, allowed)} "
                f"Bekende velden zijn: {', '.join(allowed)}.",
            )


def check_header(
    data: Mapping[str, object], calculator: str, version: int, fields: Sequence[str], p: Problems
) -> None:
    """The parts every scenario shares: known fields, the calculator's name, the version."""
    check_unknown(data, fields, "", "in het scenario", p)
    if "calculator" in data and data["calculator"] != calculator:
        given = data["calculator"]
        if isinstance(given, str):
            message = (
                f"Dit scenario is voor de rekenhulp {quote(given)}, niet voor {quote(calculator)}."
            )
        else:
            message = f"Vul bij ‘calculator’ {quote(calculator)} in, of laat het veld weg."
        p.add("calculator", message)
    if "version" in data:
        given = data["version"]
        if given is None:
            p.add("version", f"Vul bij ‘version’ het getal {version} in, of laat het veld weg.")
        elif isinstance(given, bool) or not isinstance(given, (int, Decimal)):
            p.add(
                "version",
                f"Vul bij ‘version’ het getal {version} in, zonder aanhalingstekens; "
                f"nu staat er {quote(given)}.",
            )
        elif given != version:
            p.add(
                "version",
                f"Versie {quote(given)} van het scenario-formaat kent deze rekenhulp niet; "
                f"alleen versie {version}.",
            )
