"""The regions named in the source documents, as data: any calculator can start from any.

Municipality names are spelled as the sources spell them ("Bergen", where the CBS writes
"Bergen (L.)"); each carries its CBS code, so the real inhabitants come from the project's
CBS data package (:mod:`.population`). The other figures per municipality are examples: the
sources give none. :func:`region_notice` names exactly which columns are which.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import population

__all__ = ["DEFAULT_REGION", "KIND_OF", "REGIONS", "Region", "region_notice"]

#: The column of real inhabitants, in every calculator's table.
INHABITANTS = "inwoners"
#: What a table header says of a column of real default figures.
KIND_OF = {INHABITANTS: "CBS 1-1-2022"}


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    label: str
    #: municipality as the sources spell it -> its CBS code (list "Gemeenten alfabetisch")
    codes: dict[str, str]
    #: the centrumgemeente as the source names it, if it does
    centre: str | None
    source: str
    #: what the source does say about the figures, if anything
    note: str = ""
    #: columns (by id) whose default figures are real, beside the inhabitants: their source
    real_columns: Mapping[str, str] = field(default_factory=dict)

    @property
    def municipalities(self) -> tuple[str, ...]:
        return tuple(self.codes)

    @property
    def inhabitants(self) -> dict[str, int]:
        """Real inhabitants on the reference date (CBS), by municipality."""
        return {name: population.inhabitants(code) for name, code in self.codes.items()}

    def sources(self) -> dict[str, str]:
        """Column id -> the source of its real default figures."""
        return {INHABITANTS: population.SOURCE_CREDIT, **self.real_columns}

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": f"{self.label} ({len(self.codes)} gemeenten)",
            "municipalities": list(self.municipalities),
            "centre": self.centre,
            "source": self.source,
        }


_PLAN_2019 = (
    "Uitvoeringsplan doordecentralisatie beschermd wonen en maatschappelijke opvang regio "
    "Noord-Limburg"
)
_NOORD = {
    "Beesel": "GM0889", "Bergen": "GM0893", "Gennep": "GM0907", "Horst aan de Maas": "GM1507",
    "Peel en Maas": "GM1894", "Venlo": "GM0983", "Venray": "GM0984",
}  # fmt: skip
# No source lists these seven: they are the 13 of Venlo's 2019 region minus Noord-Limburg.
_MIDDEN = {
    "Echt-Susteren": "GM1711", "Leudal": "GM1640", "Maasgouw": "GM1641",
    "Nederweert": "GM0946", "Roerdalen": "GM1669", "Roermond": "GM0957", "Weert": "GM0988",
}  # fmt: skip

REGIONS: dict[str, Region] = {
    r.id: r
    for r in (
        Region(
            "noord-en-midden-limburg",
            "Noord- en Midden-Limburg",
            dict(sorted({**_NOORD, **_MIDDEN}.items())),
            "Venlo",
            "Regiovisie Meedoen en Wonen 2022-2026",
        ),
        Region(
            "noord-limburg",
            "Noord-Limburg",
            _NOORD,
            "Venlo",
            _PLAN_2019,
            "Het uitvoeringsplan (eind 2019) noemt ongeveer 280.000 inwoners in Noord-Limburg, "
            "zonder cijfers per gemeente.",
        ),
        Region("midden-limburg", "Midden-Limburg", _MIDDEN, None, _PLAN_2019),
        Region(
            "maastricht-heuvelland",
            "Maastricht-Heuvelland",
            {
                "Maastricht": "GM0935",
                "Eijsden-Margraten": "GM1903",
                "Gulpen-Wittem": "GM1729",
                "Meerssen": "GM0938",
                "Vaals": "GM0981",
                "Valkenburg a/d Geul": "GM0994",
            },
            "Maastricht",
            "Collegevoorstel Regioplan Beschermd Thuis 2020",
        ),
        Region(
            "leidse-regio",
            "Leidse Regio",
            {
                "Leiden": "GM0546",
                "Leiderdorp": "GM0547",
                "Oegstgeest": "GM0579",
                "Voorschoten": "GM0626",
                "Zoeterwoude": "GM0638",
            },
            "Leiden",
            "Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio",
            real_columns={
                "objectief": "Bron: Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio, "
                "Bijlage 2, Lokaal Structureel Investeringsfonds 2020"
            },
        ),
    )
}

DEFAULT_REGION = "noord-en-midden-limburg"


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
