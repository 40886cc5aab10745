"""Command line: ``python -m calculators verdeelsleutel SCENARIO.json``.

Usage::

    python -m calculators verdeelsleutel SCENARIO.json         uitkomst als JSON
    python -m calculators verdeelsleutel -                     scenario van stdin
    python -m calculators verdeelsleutel --default             het standaardscenario
    python -m calculators verdeelsleutel SCENARIO.json --csv   uitkomst als CSV
        [--convention nl|international]

Exit codes: 0 success, 1 problems in the scenario (printed as "veld: melding" on stderr),
2 wrong use of the command. It goes through the same entry point as the web page.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TextIO

from .core.entry import calculator_names, handle, handle_request, parse_json
from .core.problems import InputError

USAGE = """\
Gebruik:
  python -m calculators REKENHULP SCENARIO.json [--csv [--convention nl|international]]
  python -m calculators REKENHULP -             (scenario van standaardinvoer)
  python -m calculators REKENHULP --default     (standaardscenario tonen)

REKENHULP: {names}
Uitkomst: 0 = gelukt, 1 = problemen in het scenario, 2 = verkeerd gebruik.
"""


def _write(stream: TextIO, text: str) -> None:
    # Always UTF-8, also where the console has another default encoding.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(text)


def _usage_error(message: str) -> int:
    _write(sys.stderr, f"{message}\n\n{USAGE.format(names=', '.join(calculator_names()))}")
    return 2


def _report(response: dict) -> int:
    lines = []
    for error in response.get("errors", []):
        field, message = error.get("field", ""), error.get("message", "")
        lines.append(f"{field}: {message}" if field else message)
    _write(sys.stderr, "\n".join(lines) + "\n")
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return _usage_error("Geef een rekenhulp en een scenariobestand op.")
    if args[0] in ("-h", "--help"):
        _write(sys.stdout, USAGE.format(names=", ".join(calculator_names())))
        return 0
    calculator, rest = args[0], args[1:]
    if calculator not in calculator_names():
        return _usage_error(f"De rekenhulp ‘{calculator}’ bestaat niet.")
    as_csv = False
    convention = None
    want_default = False
    source = None
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--csv":
            as_csv = True
        elif arg == "--default":
            want_default = True
        elif arg == "--convention":
            if i + 1 >= len(rest):
                return _usage_error("Na --convention hoort nl of international.")
            convention = rest[i + 1]
            i += 1
        elif arg.startswith("--convention="):
            convention = arg.split("=", 1)[1]
        elif arg.startswith("--"):
            return _usage_error(f"De optie ‘{arg}’ bestaat niet.")
        elif source is None:
            source = arg
        else:
            return _usage_error("Geef één scenariobestand op.")
        i += 1
    if convention is not None and not as_csv:
        return _usage_error("--convention hoort bij --csv.")
    if convention not in (None, "nl", "international"):
        return _usage_error(f"Kies bij --convention nl of international, niet ‘{convention}’.")

    if want_default:
        if source is not None or as_csv:
            return _usage_error("--default gaat niet samen met een scenariobestand of --csv.")
        response = json.loads(handle(json.dumps({"calculator": calculator, "action": "default"})))
        if not response.get("ok"):
            return _report(response)
        _write(sys.stdout, json.dumps(response["scenario"], indent=2, ensure_ascii=False) + "\n")
        return 0

    if source is None:
        return _usage_error("Geef een scenariobestand op, of - voor standaardinvoer.")
    try:
        if source == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
            text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        else:
            with open(source, encoding="utf-8-sig") as handle_file:
                text = handle_file.read()
    except FileNotFoundError:
        return _usage_error(f"Het bestand ‘{source}’ bestaat niet.")
    except UnicodeDecodeError:
        _write(sys.stderr, f"Het bestand ‘{source}’ is geen tekst in UTF-8.\n")
        return 1
    except OSError as error:
        return _usage_error(f"Het bestand ‘{source}’ kan niet gelezen worden ({error.strerror}).")

    try:
        scenario = parse_json(text)  # exact: decimals as Decimal, like the web entry point
    except InputError as error:
        return _report({"errors": [p.to_dict() for p in error.problems]})
    request = {
        "calculator": calculator,
        "action": "export_csv" if as_csv else "compute",
        "scenario": scenario,
    }
    if convention:
        request["convention"] = convention
    response = handle_request(request)
    if not response.get("ok"):
        return _report(response)
    if as_csv:
        _write(sys.stdout, response["text"].lstrip("\ufeff"))
    else:
        _write(sys.stdout, json.dumps(response, indent=2, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
