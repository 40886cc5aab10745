"""Preset keys, each tied to the decision record id and document it implements: those over
the 2019/2020 criteria (:data:`PRESETS`, offered by the Verdeelsleutel and Solidariteit) and
the bases for spreading places (:data:`SPREIDING_PRESETS`).

The decision ids are module constants so that a test can check every preset against the
machine-readable front matter of its decision record in ``decisions/``.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.key import KeyPreset

__all__ = [
    "DECISION_CRITERIA_2020",
    "DECISION_KANDIDAAT_2019",
    "DECISION_SPREIDING_2019",
    "DECISION_SPREIDING_2020",
    "DEFAULT_THRESHOLD_PER_INHABITANT",
    "PRESETS",
    "SOURCE_2019",
    "SOURCE_2020",
    "SPREIDING_PRESETS",
    "THRESHOLD_SOURCE",
]

#: Beslispunt 9 of the 2019 plan (financial solidarity; the candidate key).
DECISION_KANDIDAAT_2019 = "bp-2019-09"
#: Uitgangspunt 8 of 2020 (financial solidarity; key "nog nader te bepalen").
DECISION_CRITERIA_2020 = "up-2020-08"
#: Beslispunt 5 of 2019 and uitgangspunt 5 of 2020 (spreading places over the municipalities).
DECISION_SPREIDING_2019 = "bp-2019-05"
DECISION_SPREIDING_2020 = "up-2020-05"

SOURCE_2019 = (
    "Uitvoeringsplan doordecentralisatie beschermd wonen en maatschappelijke opvang "
    "regio Noord-Limburg"
)
SOURCE_2020 = (
    "Regionale uitgangspunten maatschappelijke opvang, beschermd wonen, bemoeizorg en "
    "OGGz-preventie (2020)"
)

#: National cap on redistribution effects: at most 15 euro per inhabitant.
DEFAULT_THRESHOLD_PER_INHABITANT = Decimal(15)
THRESHOLD_SOURCE = (
    "Uitvoeringsagenda Maatschappelijke Zorg Leidse Regio, bijlage Advies expertiseteam "
    "MO-BW-BG (15 juni 2019): principe-afspraak over het maximale herverdeeleffect, "
    "maximaal 15 euro per inwoner"
)


PRESETS: dict[str, KeyPreset] = {
    p.id: p
    for p in (
        KeyPreset(
            id="kandidaat-2019",
            label="Kandidaat-sleutel 2019 (25 % inwoners 18+, 75 % gebruik)",
            explanation=(
                "De sleutel die het uitvoeringsplan van 2019 als mogelijke optie noemt: 25 % "
                "op basis van het aantal inwoners van 18 jaar en ouder (peildatum 1 januari "
                "t-1) en 75 % op basis van het gebruik en/of de uitstroom uit beschermd wonen "
                "per gemeente (peiljaar t-2). Zo verdelen de gemeenten al kosten van bepaalde "
                "jeugdvoorzieningen. Volgens beslispunt 9 worden overschotten en tekorten met "
                "deze sleutel verdeeld; de definitieve keuze zou in 2020 volgen."
            ),
            weights={"inwoners_18plus": Decimal(25), "gebruik": Decimal(75)},
            decision=DECISION_KANDIDAAT_2019,
            source=SOURCE_2019,
            source_detail="beslispunt 9 en het hoofdstuk over financiële solidariteit",
            references={
                "inwoners_18plus": "peildatum 1 januari t-1",
                "gebruik": "peiljaar t-2",
            },
        ),
        KeyPreset(
            id="criteria-2020",
            label="Criteria 2020 (inleg, gebruik, zeggenschap; voorbeeldgewichten)",
            explanation=(
                "In 2020 spraken de gemeenten af dat overschotten en tekorten worden verdeeld "
                "met een verdeelsleutel die nog nader wordt bepaald. Daarbij kan onder meer "
                "worden gekeken naar de omvang van de inleg, de omvang van het gebruik en "
                "zeggenschap naar rato. De gewichten zijn niet vastgesteld: kies ze zelf. "
                "De verdeling 40 / 40 / 20 is alleen een voorbeeld."
            ),
            weights={"inleg": Decimal(40), "gebruik": Decimal(40), "zeggenschap": Decimal(20)},
            decision=DECISION_CRITERIA_2020,
            source=SOURCE_2020,
            source_detail="uitgangspunt 8 (financiële solidariteit)",
            weights_fixed=False,
        ),
        KeyPreset(
            id="inwoners-100",
            label="100 % inwoners (referentie)",
            explanation=(
                "Een referentiesleutel: alles naar het aantal inwoners, zodat elke inwoner "
                "even zwaar telt. Geen besluit schrijft deze sleutel voor. Zet andere "
                "sleutels ernaast om te zien wie er meer of minder door betaalt of krijgt."
            ),
            weights={"inwoners": Decimal(100)},
            decision=None,
            source=None,
        ),
    )
}

_SPREIDING_SOURCE = "beslispunt 5 (2019) en uitgangspunt 5 (2020)"
#: The basis for spreading places: a key over inhabitants and clients.
SPREIDING_PRESETS: dict[str, KeyPreset] = {
    p.id: p
    for p in (
        KeyPreset(
            "inwoners",
            "Naar inwoners",
            "Elke gemeente krijgt plaatsen naar verhouding van haar aantal inwoners. Dit is een "
            "van de twee grondslagen die de gemeenten in 2019 noemden.",
            {"inwoners": Decimal(100), "clienten": Decimal(0)},
            DECISION_SPREIDING_2019,
            _SPREIDING_SOURCE,
        ),
        KeyPreset(
            "clienten",
            "Naar cliënten",
            "Elke gemeente krijgt plaatsen naar verhouding van het aantal cliënten dat uit die "
            "gemeente komt: de andere grondslag uit 2019.",
            {"inwoners": Decimal(0), "clienten": Decimal(100)},
            DECISION_SPREIDING_2019,
            _SPREIDING_SOURCE,
        ),
        KeyPreset(
            "half-half",
            "Half inwoners, half cliënten (voorbeeld)",
            "Een gemengde grondslag; de gewichten zijn een voorbeeld, geen besluit.",
            {"inwoners": Decimal(50), "clienten": Decimal(50)},
            None,
            None,
            weights_fixed=False,
        ),
    )
}
