"""The regions of the site's region file (:mod:`.site`): any calculator can start from any.

Municipality names are spelled as the sources spell them (where the CBS may add the province
in brackets, or write "Valkenburg aan de Geul" for "Valkenburg a/d Geul"); each carries its
CBS code, so the real inhabitants come from the project's CBS data package
(:mod:`.population`). The other figures per municipality are examples unless
the region file gives real ones; :func:`region_notice` names exactly which columns are which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from . import population

__all__ = ["KIND_OF", "RealFigures", "Region", "region_notice"]

#: The column of real inhabitants, in every calculator's table.
INHABITANTS = "inwoners"
#: What a table header says of a column of real default figures.
KIND_OF = {INHABITANTS: "CBS 1-1-2022"}


@dataclass(frozen=True, slots=True)
class RealFigures:
    """A column whose default figures are real: their source and the figures by name."""

    source: str
    values: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    label: str
    #: municipality as the sources spell it -> its CBS code
    codes: dict[str, str]
    #: the centrumgemeente as the source names it, if it does
    centre: str | None = None
    source: str = ""
    #: what the source does say about the figures, if anything
    note: str = ""
    #: columns (by id) whose default figures are real, beside the inhabitants
    real: dict[str, RealFigures] = field(default_factory=dict)

    @property
    def municipalities(self) -> tuple[str, ...]:
        return tuple(self.codes)

    @property
    def inhabitants(self) -> dict[str, int]:
        """Real inhabitants on the reference date (CBS), by municipality."""
        return {name: population.inhabitants(code) for name, code in self.codes.items()}

    def sources(self) -> dict[str, str]:
        """Column id -> the source of its real default figures."""
        real = {column: figures.source for column, figures in self.real.items()}
        return {INHABITANTS: population.SOURCE_CREDIT, **real}

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": f"{self.label} ({len(self.codes)} gemeenten)",
            "municipalities": list(self.municipalities),
            "centre": self.centre,
            "source": self.source,
        }


def _quoted(labels: Sequence[str]) -> str:
    quoted = [f"‘{label}’" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " en " + quoted[-1]


def region_notice(region: Region, columns: Sequence[tuple[str, str]]) -> str:
    """What is real and what is an example in ``region``'s default table, by column.

    ``columns`` are the table's (id, label) pairs as the form shows them."""
    if not columns:
        return ""
    sources = region.sources()
    real = [f"{_quoted([label])} ({sources[cid]})" for cid, label in columns if cid in sources]
    examples = [label for cid, label in columns if cid not in sources]
    said = f" {region.note}" if region.note else ""
    text = f"Echte cijfers voor {region.label}: {'; '.join(real)}." if real else ""
    if examples:
        text += (
            f" Voorbeeldcijfers, geen echte cijfers: {_quoted(examples)}; de bronstukken geven ze "
            "niet per gemeente. Vul zelf de echte cijfers in of plak ze uit Excel."
        )
    if any(cid == "inwoners_18plus" for cid, _ in columns):
        text += (
            " Inwoners van 18 jaar en ouder staan bij het CBS in StatLine-tabel 03759ned. "
            "Download die per gemeente en plak de namen en aantallen onder "
            "‘Gegevens importeren’, met de kop ‘Inwoners 18+’."
        )
    return f"{text.strip()}{said}"
