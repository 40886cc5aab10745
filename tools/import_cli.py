"""What the data import tools (tools/cbs_import.py, tools/geo_import.py) share: where the
calculators' data lives, and how a command turns its arguments into an exit code."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import calculators
from sitecontent import DutchArgumentParser, run

#: The calculators' data; each tool writes one folder below it.
CATALOGUE = Path(calculators.__file__).resolve().parent / "catalogue"


def main_of(
    parser: DutchArgumentParser,
    work: Callable[[argparse.Namespace], int],
    argv: list[str] | None,
) -> int:
    """The exit code: the parser's after help or wrong use, else that of ``work`` on the
    arguments, with refusals and Ctrl-C in Dutch (sitecontent.run)."""
    args = parser.parse(argv)
    if isinstance(args, int):
        return args
    return run(lambda: work(args))
