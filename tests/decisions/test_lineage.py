"""Lineage across years: an editor's 2021 record that replaces a 2020 one, which itself
replaced a 2019 one, is drawn as one chain and listed under its own step in time."""

from __future__ import annotations

import re

from hooks import decisions as hook
from tests.decisions.conftest import add_successor


def test_chain_2019_2020_2021_draws_each_record_once(records):
    add_successor(records, "up-2020-04", "up-2021-01")
    register = hook.validate_folder(records)
    columns = hook.lineage_columns(register)
    assert len(columns) == 3
    assert "bp-2019-04" in columns[0] and "up-2020-04" in columns[1]
    assert columns[2] == ["up-2021-01"]
    svg = hook.lineage_svg(register)
    labels = re.findall(r">([a-z]{2}-\d{4}-\d{2}) \(", svg)
    assert len(labels) == len(set(labels)), "een besluit staat twee keer in de stamboom"
    assert "Later (2021)" in svg and "Eerder (2019)" in svg


def test_each_step_in_time_has_its_own_heading(records):
    add_successor(records, "up-2020-04", "up-2021-01")
    table = hook.lineage_table(hook.validate_folder(records), "besluiten/index.md")
    assert "### Van 2019 naar 2020" in table and "### Van 2020 naar 2021" in table
    later = table.split("### Van 2020 naar 2021", 1)[1]
    assert "up-2021-01" in later and "up-2021-01" not in table.split("### Van 2020")[0]


def test_one_step_keeps_one_table(records):
    table = hook.lineage_table(hook.validate_folder(records), "besluiten/index.md")
    assert "###" not in table and table.startswith("| Besluit | Vervangen door |")
