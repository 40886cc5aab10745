"""What the editor commands share on the command line: argparse in Dutch, a year argument,
printing that never crashes, and one way to report a refusal.

argparse writes its errors and help headings in English, and its translations come from
gettext catalogues this project does not ship. Its messages for these commands are few and
their wording is argparse's stable gettext text, so they are translated here.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from ._errors import ContentError
from ._files import os_problem
from ._text import INVISIBLE

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

FIRST_YEAR = 2000
# A new decision or agenda year further ahead than this is a typing error, not a plan.
YEARS_AHEAD = 5

# argparse's own messages for one argument ("argument --jaar: ..."), then the others.
_FOR_ARGUMENT = re.compile(r"argument (?P<name>\S+): (?P<message>.*)", re.DOTALL)
_ARGUMENT_MESSAGES = [
    (
        r"expected one argument",
        "hier hoort een waarde achter; begint de waarde met een streepje, schrijf dan "
        "{name}=waarde.",
    ),
    (r"expected at most one argument", "hier hoort hooguit één waarde achter."),
    (r"expected at least one argument", "hier hoort minstens één waarde achter."),
    (r"expected (?P<n>\d+) arguments?", "hier horen {n} waarden achter."),
    (
        r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
        "{value} kan niet; kies uit {choices}.",
    ),
    (r"invalid \S+ value: (?P<value>.*)", "{value} is geen geldige waarde."),
    (r"ignored explicit argument (?P<value>.*)", "hier hoort geen waarde bij (niet {value})."),
    (r"not allowed with argument (?P<other>.*)", "gaat niet samen met {other}."),
]
_MESSAGES = [
    (r"the following arguments are required: (?P<names>.*)", "deze opties ontbreken: {names}."),
    (
        r"unrecognized arguments: (?P<args>.*)",
        "onbekende optie of waarde: {args}; bekijk de opties met --help.",
    ),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
        "{option} kan meer opties betekenen ({matches}); schrijf de optie voluit.",
    ),
    (r"one of the arguments (?P<names>.*) is required", "geef een van deze opties: {names}."),
    (r"unexpected option string: (?P<option>.*)", "onverwachte optie {option}."),
]


def _translate(message: str, table: list[tuple[str, str]], **extra: str) -> str | None:
    for pattern, dutch in table:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            parts = {key: _unquoted(value) for key, value in found.groupdict().items()}
            if "choices" in parts:
                parts["choices"] = re.sub(r"'([^']*)'", r"\1", found["choices"])
            return dutch.format(**extra, **parts)
    return None


def dutch(message: str) -> str:
    """argparse's error message in Dutch; never English, also for one not foreseen here."""
    found = _FOR_ARGUMENT.fullmatch(message)
    if found:
        name, inner = found.group("name"), found.group("message")
        # Our own argument types already speak Dutch (argparse.ArgumentTypeError).
        if inner.isascii() and re.match(r"(expected|invalid|ignored|not allowed) ", inner):
            inner = _translate(inner, _ARGUMENT_MESSAGES, name=name) or "ongeldige waarde."
        return f"{name}: {inner}"
    return _translate(message, _MESSAGES) or "de opties kloppen niet; bekijk ze met --help."


def visible(text: str, keep: str = "\n\t") -> str:
    """Control, bidi and lone surrogate characters (except ``keep``) written as <U+001B>: a
    message must not steer the terminal, fail to print, or show Python's notation."""
    return "".join(
        f"<U+{ord(char):04X}>"
        if char not in keep and (char in INVISIBLE or unicodedata.category(char) in ("Cc", "Cs"))
        else char
        for char in text
    )


def quoted(value: object) -> str:
    """A value an editor typed, between quotes, as in every message of the site."""
    return "'" + visible(str(value), keep="") + "'"


def _unquoted(written: str) -> str:
    """A value argparse shows in Python's notation ('half'), as the editor typed it."""
    try:
        value = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        return written
    return quoted(value) if isinstance(value, str) else written


def write(stream: TextIO, text: str) -> None:
    # Also on a console that cannot show every character (cp1252, ASCII): replace, not crash.
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        safe = visible(text).encode(encoding, "replace").decode(encoding)
    except LookupError:
        safe = visible(text).encode("ascii", "replace").decode("ascii")
    stream.write(safe)
    stream.flush()


def say(text: str, stream: TextIO | None = None) -> None:
    write(stream or sys.stdout, text + "\n")


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch errors and help headings; errors exit with code 2 after the usage
    line and one Dutch line, as argparse does."""

    # *args and **kwargs are argparse.ArgumentParser's own, passed on unchanged.
    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        # "--t" could be --titel or --toelichting: an editor writes options in full.
        kwargs.setdefault("allow_abbrev", False)
        # argparse's own -h is replaced below by one with a Dutch help text. (In kwargs, not as
        # a keyword of its own: mypy cannot tell that *args stops before add_help.)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze uitleg"
            )

    def parse(self, argv: list[str] | None) -> argparse.Namespace | int:
        """The arguments, or the exit code once help or a usage error has been printed, so a
        command's ``main`` always returns a code."""
        try:
            return self.parse_args(argv)
        except SystemExit as stop:
            return stop.code if isinstance(stop.code, int) else 2

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch(message)}\n")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            write(sys.stderr, message)
        sys.exit(status)

    # argparse passes sys.stdout, sys.stderr or None: text streams, as write() needs.
    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        write(cast(TextIO, file or sys.stdout), self.format_usage())

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        write(cast(TextIO, file or sys.stdout), self.format_help())


def year_argument(text: str) -> int:
    """``--jaar``: four digits, from FIRST_YEAR up to a few years ahead."""
    last = dt.date.today().year + YEARS_AHEAD
    if not re.fullmatch(r"[0-9]{4}", text) or not FIRST_YEAR <= int(text) <= last:
        raise argparse.ArgumentTypeError(
            f"{quoted(text)} is geen bruikbaar jaar; schrijf een jaar van {FIRST_YEAR} tot en met "
            f"{last}, zoals {dt.date.today().year}."
        )
    return int(text)


def existing_file(text: str) -> Path:
    """A file argument that must exist (an export, a download)."""
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{quoted(text)} bestaat niet of is geen bestand.")
    return path


def refuse(messages: list[str], title: str = "") -> int:
    say(f"{title or 'Niet gelukt; er is niets veranderd'}:", sys.stderr)
    for message in messages:
        say(f"  - {message}", sys.stderr)
    return 1


def run(action: Callable[[], int]) -> int:
    """Run a command's work: a refusal, a file the system will not read, or Ctrl-C becomes
    Dutch lines on stderr and an exit code instead of a traceback."""
    try:
        return action()
    except ContentError as exc:
        return refuse(exc.messages, exc.title)
    except KeyboardInterrupt:
        say("Afgebroken; er is niets veranderd.", sys.stderr)
        return 130
    except OSError as exc:
        return refuse([os_problem(exc, exc.filename, "niet te lezen")])
