"""What editor text may contain: the one policy for characters, used by the YAML reader, the
record bodies and the editor commands alike.

Control characters break the Atom feed (XML 1.0 forbids most of them) and are invisible in
a pull request; bidirectional overrides make a text read differently from what it says
("Trojan Source"). None of them has a use in a title, a name or a paragraph, so they are
refused with a Dutch message instead of being published.
"""

from __future__ import annotations

import unicodedata

BOM = "\ufeff"
# Line breaks and tabs belong in a paragraph, not in a one-line field such as a title.
LINE_BREAKS = "\n\r\t"
# Invisible characters that change how a text reads, with their Dutch names.
INVISIBLE = {
    "\u2028": "regelscheiding (U+2028)",
    "\u2029": "alineascheiding (U+2029)",
    "\ufffe": "ongeldig teken (U+FFFE)",
    "\uffff": "ongeldig teken (U+FFFF)",
    **{chr(code): f"richtingsteken (U+{code:04X})" for code in range(0x202A, 0x202F)},
    **{chr(code): f"richtingsteken (U+{code:04X})" for code in range(0x2066, 0x206A)},
}


def strip_bom(text: str) -> str:
    """A byte-order mark at the start is how some Windows editors save UTF-8: tolerated."""
    return text.removeprefix(BOM)


def _name(char: str) -> str:
    if char in INVISIBLE:
        return INVISIBLE[char]
    if char == "\n":
        return "regelovergang"
    if char == "\t":
        return "tab"
    if 0xD800 <= ord(char) <= 0xDFFF:
        return f"ongeldig teken (U+{ord(char):04X})"
    return f"stuurteken (U+{ord(char):04X})"


def bad_character(text: str, one_line: bool = False) -> str | None:
    """The Dutch name of the first character editor text may not hold, or None.

    ``one_line``: also refuse line breaks and tabs (titles, names, ids)."""
    for char in text:
        if char in LINE_BREAKS and not one_line:
            continue
        if (
            char in INVISIBLE
            or unicodedata.category(char) in ("Cc", "Cs")
            or (one_line and char in LINE_BREAKS)
        ):
            return _name(char)
    return None


def text_problem(text: str, one_line: bool = False) -> str | None:
    """A Dutch sentence about a refused character, for after "veld 'titel': ", or None."""
    found = bad_character(text, one_line)
    if found is None:
        return None
    return (
        f"de tekst bevat een {found}; dat teken is onzichtbaar of breekt de site en de feed. "
        "Haal het weg" + (" en schrijf de tekst op één regel." if one_line else ".")
    )


def file_text_problem(text: str) -> tuple[int, str] | None:
    """The first line of a file with a refused character, and the sentence about it."""
    for number, line in enumerate(text.split("\n"), start=1):
        problem = text_problem(line)
        if problem:
            return number, problem
    return None


def value_problems(value: object, one_line: bool) -> list[str]:
    """Refused characters anywhere in a parsed value (text, lists, blocks), one sentence
    each; a double-quoted YAML string can hold "\\b" or "\\0" that the file itself does not."""
    if isinstance(value, str):
        problem = text_problem(value.strip() if one_line else value, one_line)
        return [problem] if problem else []
    if isinstance(value, dict):
        items = [*value.keys(), *value.values()]
    elif isinstance(value, list):
        items = value
    else:
        return []
    return [problem for item in items for problem in value_problems(item, one_line)]
