"""Reading YAML as editors write it, strictly: what is published is what the editor meant.

PyYAML's SafeLoader follows YAML 1.1, where a careless value silently becomes something else:
``025000`` is octal (10752), ``1:30`` is sexagesimal (90), ``0x61A8`` is hex, a key written
twice keeps only its last value, and ``*alias`` can multiply a small file into a huge one.
This loader keeps dates as text, reads only plain decimal integers as numbers (the other
forms stay text, which the validators then refuse with a Dutch message), and refuses
duplicate keys and aliases. Every problem names the line.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any, cast

import yaml
from yaml.constructor import ConstructorError
from yaml.error import Mark
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node

from ._text import strip_bom

TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
INT_TAG = "tag:yaml.org,2002:int"
# Only what an editor means as a whole number: no octal, hex, binary, sexagesimal or "1_000".
PLAIN_INT = re.compile(r"^-?(?:0|[1-9][0-9]*)$")

YAMLError = yaml.YAMLError

# A value as the loader returns it: text, a whole number, true/false, null, or a list or block
# of these. Its shape is whatever the editor wrote until a validator has checked it, so the
# validators narrow it with isinstance; everything after them relies on what they checked.
type YamlValue = Any
# A block of fields ("naam: waarde"): its keys are field names (the validators refuse others).
type YamlMapping = dict[str, YamlValue]


class StrictYAMLError(ConstructorError):
    """A problem the strict loader finds; ``dutch`` is the sentence for the editor."""

    def __init__(self, dutch: str, mark: Mark | None) -> None:
        super().__init__(problem=dutch, problem_mark=mark)
        self.dutch = dutch


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with dates as text, plain integers only, no duplicate keys, no aliases."""

    # File line of the text's first line (front matter starts on line 2), for messages.
    first_line = 1

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            # types-PyYAML leaves Parser.peek_event unannotated; check_event made it an alias.
            event: AliasEvent = self.peek_event()  # type: ignore[no-untyped-call]
            raise StrictYAMLError(
                f"een verwijzing (*{event.anchor}) naar een ander deel van het bestand is hier "
                "niet toegestaan; schrijf de waarde zelf uit.",
                # The stub also allows the C parser's Mark; this pure-Python parser makes
                # yaml.error.Mark, the one MarkedYAMLError's stub accepts.
                cast(Mark | None, event.start_mark),
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            line = key_node.start_mark.line + self.first_line
            if key in seen:
                raise StrictYAMLError(
                    f"veld '{key}' staat twee keer in hetzelfde blok (regel {seen[key]} en "
                    f"regel {line}); alleen de laatste zou gelden. Houd er één over.",
                    key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _strict_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    resolvers = {}
    for first, found in yaml.SafeLoader.yaml_implicit_resolvers.items():
        # PyYAML turns an unquoted 2023-13-01 into a date and raises a bare ValueError that
        # names no file; as text it reaches the validator, which names file, line and field.
        kept = [
            (tag, rx) for tag, rx in found if tag not in (INT_TAG, "tag:yaml.org,2002:timestamp")
        ]
        if first in "-0123456789":
            kept.append((INT_TAG, PLAIN_INT))
        resolvers[first] = kept
    return resolvers


StrictLoader.yaml_implicit_resolvers = _strict_resolvers()


def load_yaml(text: str, first_line: int = 1) -> YamlValue:
    """The data in ``text``; ``first_line``: the file line the text starts on."""
    loader = StrictLoader(strip_bom(text))
    loader.first_line = first_line
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def error_line(exc: yaml.YAMLError) -> int | None:
    """0-based line of a YAML error, when PyYAML knows it."""
    return getattr(getattr(exc, "problem_mark", None), "line", None)


def error_text(exc: yaml.YAMLError) -> str:
    """What is wrong, in Dutch: the strict loader's own sentence, else general advice."""
    if isinstance(exc, StrictYAMLError):
        return exc.dutch
    if isinstance(exc, yaml.reader.ReaderError):
        return "het bestand bevat een stuurteken of ongeldig teken; haal het weg."
    return "dit is geen geldige YAML; controleer dubbele punten, inspringing en aanhalingstekens."


def split_front_matter(text: str) -> tuple[str | None, str]:
    match = FRONT_MATTER.match(strip_bom(text))
    if not match:
        return None, text
    return match.group(1), strip_bom(text)[match.end() :]


def top_level(raw: str, first_line: int = 1) -> dict[str, tuple[int, str]]:
    """Each top-level key of a YAML mapping: its line and its value as the editor wrote it
    (on one line, shortened), so a message quotes the file, not Python's notation."""
    try:
        root = yaml.compose(strip_bom(raw), Loader=StrictLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    found = {}
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode):
            found[key.value] = (key.start_mark.line + first_line, _as_written(raw, value))
    return found


def _as_written(raw: str, node: yaml.Node) -> str:
    """A value's source text; a list of plain values as "a, b" whichever style it has."""
    if isinstance(node, yaml.SequenceNode) and all(
        isinstance(item, yaml.ScalarNode) for item in node.value
    ):
        return ", ".join(_as_written(raw, item) for item in node.value)
    return raw[node.start_mark.index : node.end_mark.index]


def written(value: str, limit: int = 60) -> str:
    """A value as written, on one line and not too long, for quoting in a message."""
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
