"""The decisions and the agenda as open data (JSON), for journalists and other regions.

Field names are those of the records and agenda files, so an editor and a data user speak of
the same thing. ``schemas/besluiten.schema.json`` describes the decisions file and
``schemas/beleidsagenda.schema.json`` an agenda year; each is published beside its files,
and every build validates the files against them (``_output_checks``). Editor text goes in
as JSON strings, never as markup.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ._agenda import Activity, Agenda
from ._decisions import Register
from ._in_force import periods

SCHEMA = Path(__file__).resolve().parent / "schemas" / "besluiten.schema.json"
AGENDA_SCHEMA = SCHEMA.with_name("beleidsagenda.schema.json")
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"


def _dump(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def decisions_json(register: Register, record_url: Callable[[str], str]) -> str:
    """``record_url(id)``: the absolute address of a record's page."""
    spans = {period.decision.id: period for period in periods(register)}

    def linked(ids: list[str]) -> list[dict[str, str]]:
        return [{"id": other, "url": record_url(other)} for other in ids]

    items = []
    for decision in register.sorted():
        meta, period = decision.meta, spans.get(decision.id)
        items.append(
            {
                "id": decision.id,
                "nummer": meta["nummer"],
                "titel": meta["titel"],
                "status": decision.status,
                "datum": decision.datum,
                "geldt_vanaf": period.since.isoformat() if period else None,
                "vervangen_per": period.until.isoformat() if period and period.until else None,
                "regio": meta["regio"],
                "besluitvormers": list(meta["besluitvormers"]),
                "bron": {
                    "document": meta["bron"]["document"],
                    "hoofdstuk": meta["bron"]["hoofdstuk"],
                },
                "voorgangers": linked(decision.voorgangers),
                "opvolgers": linked(decision.opvolgers),
                "opvolging": meta.get("opvolging"),
                "opvolging_toelichting": meta.get("opvolging_toelichting"),
                "ambities": decision.ambities,
                "url": record_url(decision.id),
            }
        )
    return _dump({"licentie": LICENCE, "licentie_url": LICENCE_URL, "besluiten": items})


def _budget_source(agenda: Agenda, activity: Activity) -> str | None:
    if not activity.budget_known:
        return None
    return activity.bron or agenda.bron or None


def agenda_json(agenda: Agenda) -> str:
    """One agenda year, with budgets in whole cents (``null`` while unknown)."""
    activities = [
        {
            "id": activity.id,
            "titel": activity.titel,
            "ambitie": activity.ambitie,
            "doel": activity.doel,
            "schaal": list(activity.schaal),
            "trekker": activity.trekker,
            "planning": activity.planning,
            "budget_cent": activity.budget_cent,
            "budget_bron": _budget_source(agenda, activity),
            "status": activity.status,
            "financiering": activity.financiering or None,
            "voortgang": activity.voortgang or None,
            "besluiten": list(activity.besluiten),
        }
        for activity in agenda.activities
    ]
    return _dump(
        {
            "licentie": LICENCE,
            "licentie_url": LICENCE_URL,
            "jaar": agenda.year,
            "activiteiten": activities,
        }
    )
