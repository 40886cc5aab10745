"""Lineage across years: an editor's 2021 record that replaces a 2020 one, which itself
replaced a 2019 one, is drawn as one chain and listed under its own step in time."""

from __future__ import annotations

import re

import sitecontent as content
from tests.decisions.conftest import add_successor


def lineage(folder) -> str:
    register = content.load_register(folder)
    return content.DecisionPages(register, existing=set(), ambitions={}).lineage_section(
        "besluiten/index.md"
    )


def test_chain_2019_2020_2021_draws_each_record_once(records):
    add_successor(records, "up-2020-04", "up-2021-01")
    register = content.load_register(records)
    columns = content.lineage_columns(register)
    assert len(columns) == 3
    assert "bp-2019-04" in columns[0] and "up-2020-04" in columns[1]
    assert columns[2] == ["up-2021-01"]
    svg = lineage(records).split('<div class="besluiten-figuur">', 1)[1]
    labels = re.findall(r">([a-z]{2}-\d{4}-\d{2}) \(", svg)
    assert len(labels) == len(set(labels)), "een besluit staat twee keer in de stamboom"
    assert set(labels) == {d for column in columns for d in column}
    assert "Later (2021)" in svg and "Eerder (2019)" in svg
    # One line per succession, from the column of the old record to that of the new one.
    pairs = content.lineage_pairs(register)
    assert svg.count("<line ") == len(pairs)


def test_each_step_in_time_has_its_own_heading(records):
    add_successor(records, "up-2020-04", "up-2021-01")
    table = lineage(records).split('<div class="besluiten-figuur">', 1)[0]
    assert "### Van 2019 naar 2020" in table and "### Van 2020 naar 2021" in table
    later = table.split("### Van 2020 naar 2021", 1)[1]
    assert "up-2021-01" in later and "up-2021-01" not in table.split("### Van 2020")[0]


def test_one_step_keeps_one_table(records):
    table = lineage(records).split('<div class="besluiten-figuur">', 1)[0]
    assert "###" not in table and table.startswith("| Besluit | Vervangen door |")


def test_partial_succession_is_dashed(records):
    # bp-2019-06 is partly taken over by up-2020-05 (see that record).
    register = content.load_register(records)
    partial = [
        o.id
        for o, _ in content.lineage_pairs(register)
        if o.meta.get("opvolging") == "gedeeltelijk"
    ]
    svg = lineage(records)
    assert svg.count('stroke-dasharray="6 4"') == len(partial) > 0
