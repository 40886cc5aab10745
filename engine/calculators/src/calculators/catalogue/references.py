"""The reference presets every site offers, tied to no decision: a site's own preset with
the same id takes its place (to name the decision that chose it).

Two groups: ``sleutels`` over the criteria (the Verdeelsleutel, Solidariteit) and
``grondslagen``, the bases for spreading places (the Spreiding).
"""

from __future__ import annotations

from decimal import Decimal

from ..core.key import KeyPreset

__all__ = ["GROUPS", "REFERENCES"]

#: The two groups of presets, as the region file names them.
GROUPS = ("sleutels", "grondslagen")

REFERENCES: dict[str, tuple[KeyPreset, ...]] = {
    "sleutels": (
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
            short_label="100 % inwoners",
        ),
    ),
    "grondslagen": (
        KeyPreset(
            "inwoners",
            "Naar inwoners",
            "Elke gemeente krijgt plaatsen naar verhouding van haar aantal inwoners.",
            {"inwoners": Decimal(100), "clienten": Decimal(0)},
            None,
            None,
        ),
        KeyPreset(
            "clienten",
            "Naar cliënten",
            "Elke gemeente krijgt plaatsen naar verhouding van het aantal cliënten dat uit die "
            "gemeente komt.",
            {"inwoners": Decimal(0), "clienten": Decimal(100)},
            None,
            None,
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
    ),
}
