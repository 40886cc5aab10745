"""The regions named in the source documents, as data: any calculator can start from any.

Municipality names are spelled exactly as the sources spell them. The sources give no figures
per municipality, so the inhabitants here are round EXAMPLE figures, labelled as such wherever
they are shown; a user pastes the real ones (for instance from a CBS download).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_REGION", "REGIONS", "Region", "region_notice"]


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    label: str
    #: municipality -> example number of inhabitants (not a real figure)
    example_inhabitants: dict[str, int]
    #: the centrumgemeente as the source names it, if it does
    centre: str | None
    source: str
    #: what the source does say about the figures, if anything
    note: str = ""

    @property
    def municipalities(self) -> tuple[str, ...]:
        return tuple(self.example_inhabitants)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": f"{self.label} ({len(self.example_inhabitants)} gemeenten)",
            "municipalities": list(self.municipalities),
            "centre": self.centre,
            "source": self.source,
        }


_PLAN_2019 = (
    "Uitvoeringsplan doordecentralisatie beschermd wonen en maatschappelijke opvang regio "
    "Noord-Limburg"
)
# Noord-Limburg: the 2019 plan's total of about 280.000 inhabitants, split as an example.
_NOORD = {
    "Beesel": 13500,
    "Bergen": 13000,
    "Gennep": 17000,
    "Horst aan de Maas": 42000,
    "Peel en Maas": 43500,
    "Venlo": 107000,
    "Venray": 44000,
}
_MIDDEN = {
    "Echt-Susteren": 31500,
    "Leudal": 36000,
    "Maasgouw": 24000,
    "Nederweert": 17000,
    "Roerdalen": 21000,
    "Roermond": 59000,
    "Weert": 50000,
}

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
            "Het uitvoeringsplan noemt alleen het totaal van ongeveer 280.000 inwoners in "
            "Noord-Limburg, niet de cijfers per gemeente.",
        ),
        Region("midden-limburg", "Midden-Limburg", _MIDDEN, None, _PLAN_2019),
        Region(
            "maastricht-heuvelland",
            "Maastricht-Heuvelland",
            {
                "Maastricht": 120000,
                "Eijsden-Margraten": 25500,
                "Gulpen-Wittem": 14000,
                "Meerssen": 19000,
                "Vaals": 10000,
                "Valkenburg a/d Geul": 16500,
            },
            "Maastricht",
            "Collegevoorstel Regioplan Beschermd Thuis 2020",
        ),
        Region(
            "leidse-regio",
            "Leidse Regio",
            {
                "Leiden": 125000,
                "Leiderdorp": 27500,
                "Oegstgeest": 25000,
                "Voorschoten": 25500,
                "Zoeterwoude": 9000,
            },
            "Leiden",
            "Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio",
        ),
    )
}

DEFAULT_REGION = "noord-en-midden-limburg"


def region_notice(region: Region) -> str:
    said = f" {region.note}" if region.note else " De bronstukken geven ze niet."
    return (
        f"Let op: de cijfers per gemeente van {region.label} zijn voorbeeldcijfers, geen echte "
        f"cijfers.{said} Vul zelf de echte cijfers in of plak ze uit Excel of een CBS-download."
    )
