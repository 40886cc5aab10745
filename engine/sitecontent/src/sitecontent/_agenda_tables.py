"""The beleidsagenda as pandas tables: one row per activity, totals, changes, CSV.

Budgets are whole cents in a nullable integer column (``Int64``, ``<NA>`` while unknown), so
every sum is an exact integer sum. Build-time only; the calculators never import pandas.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict, cast

import pandas as pd

from calculators.core import money
from calculators.core.csvio import write_csv

from ._agenda import STATUSES, TBD, Agenda
from ._goals import SCALES, Goal, Goals

CANCELLED = "vervallen"


class Totals(TypedDict):
    """The figures of a whole agenda year (``grand_total``)."""

    activiteiten: int
    met_budget: int
    zonder_budget: int
    vervallen: int
    budget_cent: int  # the known budget that counts, in whole cents


COLUMNS = [
    "id",
    "titel",
    "pijler",
    "pijler_naam",
    "ambitie",
    "ambitie_naam",
    "doel",
    "doel_naam",
    "schaal",
    "trekker",
    "planning",
    "budget_cent",
    "budget_bekend",
    "budget_telt",
    "financiering",
    "status",
    "voortgang",
    "besluiten",
]


def scale_label(scales: list[str]) -> str:
    """One label per combination ("regionaal en lokaal"), so scale totals add up exactly."""
    ordered = [s for s in SCALES if s in scales]
    return " en ".join(ordered)


def frame(agenda: Agenda, goals: Goals) -> pd.DataFrame:
    rows = []
    cents = []
    for activity in agenda.activities:
        ambition = goals.ambitions[activity.ambitie]
        known = activity.budget_known
        rows.append(
            {
                "id": activity.id,
                "titel": activity.titel,
                "pijler": ambition.pijler,
                "pijler_naam": goals.pillars[ambition.pijler].naam,
                "ambitie": activity.ambitie,
                "ambitie_naam": ambition.naam,
                "doel": activity.doel,
                # A loaded agenda names only goals that exist.
                "doel_naam": cast(Goal, goals.goal(activity.doel)).naam,
                "schaal": scale_label(activity.schaal),
                "trekker": activity.trekker,
                "planning": activity.planning,
                "budget_bekend": known,
                # A cancelled activity spends nothing: its amount is shown, never added up.
                "budget_telt": known and activity.status != CANCELLED,
                "financiering": activity.financiering,
                "status": activity.status,
                "voortgang": activity.voortgang,
                "besluiten": ", ".join(activity.besluiten),
            }
        )
        cents.append(activity.budget_cent)
    df = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "budget_cent"])
    # Straight from the ints into Int64: a column built from [int, None] would be float64.
    budget = pd.Series(cents, index=df.index, dtype="Int64")
    df.insert(COLUMNS.index("budget_cent"), "budget_cent", budget)
    return df


def _counted(df: pd.DataFrame) -> pd.DataFrame:
    """Only the budgets that count: known and not of a cancelled activity."""
    return df.assign(
        budget_cent=df["budget_cent"].where(df["budget_telt"]),
        open_budget=(~df["budget_bekend"]) & (df["status"] != CANCELLED),
    )


def totals(df: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Per group: activities, how many have a known budget that counts, their sum, and how
    many still wait for one. Cancelled activities count as activities, not as budget.
    ``budget_cent`` is an exact ``Int64`` sum (0 where no budget is known)."""
    grouped = _counted(df).groupby(by, sort=True)
    result = pd.DataFrame(
        {
            "activiteiten": grouped["id"].count(),
            "met_budget": grouped["budget_telt"].sum().astype(int),
            "budget_cent": grouped["budget_cent"].sum(min_count=0),
            "zonder_budget": grouped["open_budget"].sum().astype(int),
        }
    )
    return result.reset_index()


def grand_total(df: pd.DataFrame) -> Totals:
    counted = _counted(df)
    return {
        "activiteiten": len(df),
        "met_budget": int(df["budget_telt"].sum()),
        "zonder_budget": int(counted["open_budget"].sum()),
        "vervallen": int((df["status"] == CANCELLED).sum()),
        "budget_cent": int(counted["budget_cent"].sum(min_count=0)),
    }


def status_counts(df: pd.DataFrame) -> dict[str, int]:
    counts = df["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def status_budgets(df: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Per status: how many activities have a known budget, and its sum in whole cents (also
    for ``vervallen``, shown apart from the total)."""
    result = {}
    for status in STATUSES:
        chosen = df[(df["status"] == status) & df["budget_bekend"]]
        result[status] = (len(chosen), int(chosen["budget_cent"].sum(min_count=0)))
    return result


def changes(previous: pd.DataFrame, current: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """What changed between two years, matched on activity id."""
    merged = previous.merge(
        current, on="id", how="outer", suffixes=("_oud", "_nieuw"), indicator=True
    )
    new = merged[merged["_merge"] == "right_only"]
    gone = merged[merged["_merge"] == "left_only"]
    both = merged[merged["_merge"] == "both"]
    status_changed = both[both["status_oud"] != both["status_nieuw"]]
    return {
        "nieuw": new.sort_values("id"),
        "niet_meer": gone.sort_values("id"),
        "doorgeschoven": both.sort_values("id"),
        "status_gewijzigd": status_changed.sort_values("id"),
    }


CSV_COLUMNS = [
    "id",
    "titel",
    "pijler",
    "ambitie",
    "ambitie_naam",
    "doel",
    "doel_naam",
    "schaal",
    "trekker",
    "planning",
    "budget_euro",
    "financiering",
    "status",
    "voortgang",
    "besluiten",
]


def _budget_cell(cents: int | None) -> int | Decimal | str:
    """A number for Excel: whole euros as an integer, euros and cents with two decimals."""
    return TBD if cents is None else money.euro_value(cents)


def csv_text(df: pd.DataFrame) -> str:
    """The agenda as CSV in the Dutch Excel convention: ';', decimal comma, UTF-8 BOM, CRLF.

    Written by the calculators' CSV writer, the one writer for every CSV the site publishes:
    text that Excel would run as a formula (=, +, -, @) gets a leading apostrophe."""
    rows = []
    for row in df.to_dict("records"):
        # An Int64 cell comes out of to_dict as a Python int, or None while unknown.
        row["budget_euro"] = _budget_cell(row["budget_cent"])
        rows.append([row[column] for column in CSV_COLUMNS])
    return write_csv(CSV_COLUMNS, rows, "nl")
