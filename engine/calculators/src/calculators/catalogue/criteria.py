"""The criteria a municipality is measured by, declared once: code, label, reference date,
whether it takes whole numbers only, and the other names CSV headers give it.

The calculators take their table's columns from here (:func:`columns`), adjusting one with
:func:`dataclasses.replace` where they need to (``positive=``, ``decimals=2`` for euro). The
Verdeelsleutel lets the user choose the criteria; a chosen code found here keeps its
whole-number rule and CSV aliases (see :func:`calculators.core.table.parse_columns`).
"""

from __future__ import annotations

from ..core.table import Column

__all__ = ["CRITERIA", "PRESET_CRITERIA", "columns"]

CRITERIA: dict[str, Column] = {
    c.id: c
    for c in (
        Column(
            "inwoners",
            "Inwoners",
            integer=True,
            aliases=("Bevolking", "Totale bevolking", "Bevolking op 1 januari", "Aantal inwoners"),
        ),
        Column(
            "inwoners_18plus",
            "Inwoners 18+",
            "peildatum 1 januari t-1",
            integer=True,
            aliases=("Inwoners 18 jaar en ouder", "Inwoners van 18 jaar of ouder", "18+"),
        ),
        # Not whole here: use or outflow may be counted otherwise than in whole clients; a
        # calculator that counts clients makes it whole itself.
        Column("gebruik", "Gebruik beschermd wonen (cliënten)", "peiljaar t-2"),
        Column(
            "clienten",
            "Cliënten (gemeente van herkomst)",
            integer=True,
            aliases=("Cliënten", "Aantal cliënten", "Clienten"),
        ),
        Column(
            "plaatsen",
            "Plaatsen nu",
            integer=True,
            aliases=("Plaatsen nu", "Aantal plaatsen", "Plekken", "Huidige plaatsen"),
        ),
        Column("inleg", "Inleg (euro)"),
        Column("zeggenschap", "Zeggenschap (stemgewicht)"),
    )
}


def columns(*ids: str) -> tuple[Column, ...]:
    """The criteria with these codes, in this order."""
    return tuple(CRITERIA[i] for i in ids)


#: The criteria of 2019 and 2020 that the shared presets weigh. Only the 2019 key names
#: reference dates (for inwoners 18+ and gebruik); the others are left empty, not invented.
PRESET_CRITERIA = columns("inwoners", "inwoners_18plus", "gebruik", "inleg", "zeggenschap")
