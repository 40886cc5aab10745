"""Reading YAML as editors write it: dates stay text, problems name the line."""

from __future__ import annotations

import re

import yaml

TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n?", re.DOTALL)


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text.

    PyYAML turns an unquoted 2023-13-01 into a date and raises a bare ValueError
    ("month must be in 1..12") that names no file; as text it reaches the validator, which
    says in Dutch which file, line and field is wrong.
    """


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

YAMLError = yaml.YAMLError


def load_yaml(text: str):
    return yaml.load(text, Loader=TextDateLoader)


def error_line(exc: yaml.YAMLError) -> int | None:
    """0-based line of a YAML error, when PyYAML knows it."""
    return getattr(getattr(exc, "problem_mark", None), "line", None)


def split_front_matter(text: str) -> tuple[str | None, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def key_lines(raw: str, first_line: int = 1) -> dict[str, int]:
    """Line of each top-level key of a YAML block that starts on ``first_line``."""
    return {
        found.group(1): number + first_line
        for number, line in enumerate(raw.splitlines())
        if (found := TOP_KEY.match(line))
    }
