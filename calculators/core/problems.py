"""Problems with user input: a field path plus a Dutch message.

Validation collects *all* problems before stopping, so a user fixes a whole table in one go
instead of one cell per round trip. A calculator raises :class:`InputError` with the
collected problems; the entry point turns them into ``{"field": ..., "message": ...}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = [
    "MAX_PROBLEMS",
    "InputError",
    "Problem",
    "Problems",
    "field_path",
    "quote",
]

#: Beyond this many problems the rest is summarised: a pasted table of 5 000 wrong rows
#: should not produce a response of 5 000 messages.
MAX_PROBLEMS = 100


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem with the input.

    ``field`` is a path such as ``municipalities[2].values.inwoners``, ``key.weights.gebruik``,
    ``amount`` or ``csv`` ("" when the problem concerns the request as a whole).
    ``message`` is plain Dutch and always names the field in words.
    """

    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class InputError(Exception):
    """Raised with every problem found; never shown to users as a traceback."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    @classmethod
    def single(cls, field: str, message: str) -> InputError:
        return cls([Problem(field, message)])


class Problems:
    """Collector: ``add`` problems while validating, then ``raise_if_any``."""

    def __init__(self) -> None:
        self._items: list[Problem] = []
        self._dropped = 0

    def add(self, field: str, message: str) -> None:
        if len(self._items) < MAX_PROBLEMS:
            self._items.append(Problem(field, message))
        else:
            self._dropped += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem.field, problem.message)

    def collect(self, error: InputError) -> None:
        """Add the problems of an :class:`InputError` raised by a helper."""
        self.extend(error.problems)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __len__(self) -> int:
        return len(self._items) + self._dropped

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    @property
    def items(self) -> list[Problem]:
        items = list(self._items)
        if self._dropped:
            items.append(
                Problem(
                    "",
                    f"Er zijn nog {self._dropped} andere problemen. "
                    "Los eerst de problemen hierboven op.",
                )
            )
        return items

    def raise_if_any(self) -> None:
        if self._items:
            raise InputError(self.items)


def field_path(*parts: str | int) -> str:
    """Build a field path: ``field_path("municipalities", 2, "values", "inwoners")``
    gives ``municipalities[2].values.inwoners``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif out:
            out += f".{part}"
        else:
            out = part
    return out


def quote(text: object, limit: int = 40) -> str:
    """Dutch typographic quotes around (a shortened) user text, for messages."""
    value = str(text)
    # Messages must stay on one line when someone pastes a whole paragraph into a cell.
    value = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return f"‘{value}’"
