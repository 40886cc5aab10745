"""Problems with user input: a field path plus a Dutch message.

Validation collects *all* problems before stopping, so a user fixes a whole table in one go
instead of one cell per round trip. A calculator raises :class:`InputError` with the
collected problems; the entry point turns them into ``{"field": ..., "message": ...}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .format import canonical_number

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
    """Dutch typographic quotes around (a shortened) user value, for messages.

    Users type JSON, not Python, so a value is shown the way they would have typed it:
    ``true``/``false``, ``NaN``/``Infinity``, numbers in Dutch notation (``1234,5``). An
    empty value (JSON ``null``) is the word "leeg"; a list or object is named, not dumped.
    """
    if text is None:
        return "leeg"
    if isinstance(text, (list, tuple)):
        return "een lijst"
    if isinstance(text, Mapping):
        return "een object"
    value = _as_typed(text)
    if value is None:
        return "een getal met heel veel cijfers"
    # Messages must stay on one line when someone pastes a whole paragraph into a cell.
    value = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return f"‘{value}’"


# Past this many digits a number is not shown: writing out 1e999999999 would take gigabytes.
_MAX_SHOWN_DIGITS = 60


def _as_typed(value: object) -> str | None:
    """``value`` as the user would have typed it in JSON; None for a number too long to show."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        # Compare bits, not digits: str() of a 5 000-digit int raises ValueError.
        return str(value) if value.bit_length() < 3 * _MAX_SHOWN_DIGITS else None
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        if value.is_nan():
            return "NaN"
        if value.is_infinite():
            return "Infinity" if value > 0 else "-Infinity"
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite by now
        if not value:
            return "0"  # also 0e-999999, which is still just 0
        if abs(exponent) > _MAX_SHOWN_DIGITS or value.adjusted() > _MAX_SHOWN_DIGITS:
            return None
        return canonical_number(value)
    return str(value)
