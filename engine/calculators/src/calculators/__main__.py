"""Command line: ``python -m calculators verdeelsleutel SCENARIO.json`` (see :data:`USAGE`).

Exit codes: 0 success, 1 problems in the scenario (printed as "veld: melding" on stderr),
2 wrong use of the command, 3 the output could not be written (disk full, pipe closed).
It goes through the same entry point as the web page.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO, TextIO

from .core.entry import calculator_names, handle_request
from .core.format import canonical_number
from .core.problems import InputError
from .core.safejson import MAX_REQUEST_CHARS, parse_json

USAGE = """\
Gebruik:
  python -m calculators REKENHULP SCENARIO.json [--csv [--convention nl|international]]
  python -m calculators REKENHULP -             (scenario van standaardinvoer)
  python -m calculators REKENHULP --default     (standaardscenario tonen)

REKENHULP: {names}
Uitkomst: 0 = gelukt, 1 = problemen in het scenario, 2 = verkeerd gebruik,
3 = uitvoer kon niet geschreven worden.
"""


class _UsageError(Exception):
    """Wrong use of the command (exit code 2); the message is Dutch."""


class _OutputError(Exception):
    """Writing to stdout or stderr failed (exit code 3): disk full, pipe or stream closed."""

    def __init__(self, stream: TextIO | None, error: OSError | None = None):
        super().__init__()
        self.stream = stream
        self.error = error


@dataclass
class _Options:
    source: str | None = None
    as_csv: bool = False
    convention: str | None = None
    want_default: bool = False


def _write(stream: TextIO | None, text: str) -> None:
    # Always UTF-8, also where the console has another default encoding. "replace": a file
    # name with bytes that are not UTF-8 arrives as lone surrogates and must not crash us.
    if stream is None:  # started with the stream closed (">&-")
        raise _OutputError(stream)
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(text.encode("utf-8", "replace"))
            buffer.flush()
        else:
            stream.write(text.encode("utf-8", "replace").decode("utf-8"))
            stream.flush()
    except (OSError, ValueError) as error:  # ValueError: "I/O operation on closed file"
        raise _OutputError(stream, error if isinstance(error, OSError) else None) from None


def _output_failed(failure: _OutputError) -> int:
    """Say in Dutch why the output is missing (on stderr, if that still works); exit 3."""
    if failure.stream is sys.stderr:
        return 3  # the messages themselves could not be written: the exit code is all there is
    error = failure.error
    if error is not None and error.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "de schijf is vol"
    elif isinstance(error, BrokenPipeError):
        why = "het programma dat de uitvoer las, is gestopt"
    elif failure.stream is None or error is None:
        why = "de uitvoer is gesloten"
    else:
        why = "er ging iets mis bij het schrijven"
    # Python flushes stdout once more on exit; pointing it at devnull keeps that flush (of what
    # could not be written) from printing an English traceback.
    with contextlib.suppress(AttributeError, OSError, ValueError):  # no stdout, or no fd
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    with contextlib.suppress(_OutputError):  # stderr is gone too: only the exit code is left
        _write(sys.stderr, f"De rekenhulp kon de uitkomst niet wegschrijven: {why}.\n")
    return 3


def _usage() -> str:
    return USAGE.format(names=", ".join(calculator_names()))


def _usage_error(message: str) -> int:
    _write(sys.stderr, f"{message}\n\n{_usage()}")
    return 2


def _report(errors: list[dict[str, str]]) -> int:
    lines = [f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors]
    _write(sys.stderr, "\n".join(lines) + "\n")
    return 1


def _options(rest: Sequence[str]) -> _Options:
    options = _Options()
    args = iter(rest)
    for arg in args:
        if arg == "--csv":
            options.as_csv = True
        elif arg == "--default":
            options.want_default = True
        elif arg == "--convention":
            options.convention = next(args, None)
            if options.convention is None:
                raise _UsageError("Na --convention hoort nl of international.")
        elif arg.startswith("--convention="):
            options.convention = arg.split("=", 1)[1]
        elif arg.startswith("--"):
            raise _UsageError(f"De optie ‘{arg}’ bestaat niet.")
        elif options.source is None:
            options.source = arg
        else:
            raise _UsageError("Geef één scenariobestand op.")
    if options.convention is not None and not options.as_csv:
        raise _UsageError("--convention hoort bij --csv.")
    if options.convention not in (None, "nl", "international"):
        raise _UsageError(
            f"Kies bij --convention nl of international, niet ‘{options.convention}’."
        )
    if options.want_default and (options.source is not None or options.as_csv):
        raise _UsageError("--default gaat niet samen met een scenariobestand of --csv.")
    if options.source is None and not options.want_default:
        raise _UsageError("Geef een scenariobestand op, of - voor standaardinvoer.")
    return options


def _decode(binary: BinaryIO) -> str:
    text = io.TextIOWrapper(binary, encoding="utf-8-sig")
    try:
        # One character more than the entry point accepts is enough to refuse the input:
        # a huge file, or /dev/zero, is never read whole into memory.
        return text.read(MAX_REQUEST_CHARS + 1)
    finally:
        text.detach()  # leave the stream (stdin) open


def _read(source: str) -> str:
    """The scenario text; raises _UsageError or InputError with a Dutch message."""
    shown = f"‘{source}’"
    try:
        if source == "-":
            if hasattr(sys.stdin, "buffer"):
                return _decode(sys.stdin.buffer)
            return sys.stdin.read(MAX_REQUEST_CHARS + 1)
        with open(source, "rb") as binary:
            return _decode(binary)
    except FileNotFoundError:
        raise _UsageError(f"Het bestand {shown} bestaat niet.") from None
    except IsADirectoryError:
        raise _UsageError(f"{shown} is een map, geen bestand.") from None
    except PermissionError:
        raise _UsageError(f"U mag het bestand {shown} niet lezen (geen toegang).") from None
    except UnicodeDecodeError:
        what = "De invoer" if source == "-" else f"Het bestand {shown}"
        raise InputError.single("", f"{what} is geen tekst in UTF-8.") from None
    except OSError:  # the system's own reason is English; it would not help here
        raise _UsageError(f"Het bestand {shown} kan niet gelezen worden.") from None


_KINDS = {type(None): "alleen null (leeg)", bool: "alleen true of false", str: "alleen tekst"}


def _scenario(source: str) -> dict[str, Any]:
    """The parsed scenario; raises _UsageError or InputError with a Dutch message."""
    scenario = parse_json(_read(source))  # exact: decimals as Decimal, like the web page
    if not isinstance(scenario, dict):
        # The file was given, so "send a scenario along" would puzzle: say what is in it.
        what = "De invoer" if source == "-" else f"Het bestand ‘{source}’"
        if isinstance(scenario, list):
            kind = "een lijst (tussen [ en ])"
        else:
            kind = _KINDS.get(type(scenario), "alleen een getal")
        raise InputError.single(
            "",
            f"{what} bevat geen scenario: verwacht een JSON-object tussen {{ en }} met de "
            f"gegevens van het scenario, maar er staat {kind} in. Een voorbeeld krijgt u "
            "met --default.",
        )
    return scenario


def _json_default(value: object) -> object:
    # Exact numbers in Dutch notation, as on the web page; never Python's Decimal('1E+5').
    if isinstance(value, Decimal) and value.is_finite():
        return canonical_number(value)
    return str(value)


def _request(calculator: str, options: _Options) -> dict[str, Any]:
    """The request to the entry point; raises _UsageError or InputError with a Dutch message."""
    if options.want_default:
        return {"calculator": calculator, "action": "default"}
    assert options.source is not None  # checked by _options
    action = "export_csv" if options.as_csv else "compute"
    request = {"calculator": calculator, "action": action, "scenario": _scenario(options.source)}
    return request | ({"convention": options.convention} if options.convention else {})


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except _OutputError as failure:
        return _output_failed(failure)


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return _usage_error("Geef een rekenhulp en een scenariobestand op.")
    if args[0] in ("-h", "--help"):
        _write(sys.stdout, _usage())
        return 0
    if args[0] not in calculator_names():
        return _usage_error(f"De rekenhulp ‘{args[0]}’ bestaat niet.")
    try:
        options = _options(args[1:])
        response = handle_request(_request(args[0], options))
    except _UsageError as error:
        return _usage_error(str(error))
    except InputError as error:
        return _report([p.to_dict() for p in error.problems])
    if not response.get("ok"):
        return _report(response["errors"])
    if options.as_csv:
        output = response["text"].lstrip("\ufeff")
    else:
        shown = response["scenario"] if options.want_default else response
        output = json.dumps(shown, indent=2, ensure_ascii=False, default=_json_default) + "\n"
    _write(sys.stdout, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
