"""The open data: besluiten.json validates against its published schema and carries the
periods worked out by hand; the agenda JSON has budgets in whole cents."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

import sitecontent
from tests.decisions.conftest import FROZEN

AGENDA_FIXTURES = Path(__file__).resolve().parents[1] / "agenda" / "fixtures"
SITE = "https://example.org/regio/"


def url(decision_id: str) -> str:
    return sitecontent.page_url(SITE, sitecontent.record_src(decision_id))


@pytest.fixture(scope="module")
def published() -> dict:
    register = sitecontent.load_register(FROZEN)
    return json.loads(sitecontent.decisions_json(register, url))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(sitecontent.DECISIONS_SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_decisions_validate_against_the_schema(published, validator):
    validator.validate(published)
    assert published["licentie"] == "CC BY 4.0"
    assert len(published["besluiten"]) == 19


def test_the_schema_refuses_what_it_should(published, validator):
    broken = copy.deepcopy(published)
    broken["besluiten"][0]["id"] = "BP 2019 1"
    broken["besluiten"][1]["status"] = "aangenomen"
    del broken["besluiten"][2]["url"]
    assert len(list(validator.iter_errors(broken))) == 3


def test_periods_links_and_addresses(published):
    by_id = {item["id"]: item for item in published["besluiten"]}
    bp4, up4, bp6 = by_id["bp-2019-04"], by_id["up-2020-04"], by_id["bp-2019-06"]
    assert (bp4["geldt_vanaf"], bp4["vervangen_per"]) == ("2019-12-31", "2020-12-31")
    assert bp4["opvolgers"] == [
        {"id": "up-2020-04", "url": "https://example.org/regio/besluiten/up-2020-04/"}
    ]
    assert up4["voorgangers"][0]["id"] == "bp-2019-04"
    assert (up4["geldt_vanaf"], up4["vervangen_per"]) == ("2020-12-31", None)
    # Replaced only in part: still in force, so no end.
    assert (bp6["opvolging"], bp6["vervangen_per"]) == ("gedeeltelijk", None)
    assert up4["url"] == "https://example.org/regio/besluiten/up-2020-04/"


def test_the_agenda_json_has_budgets_in_cents():
    goals = sitecontent.load_goals(AGENDA_FIXTURES / "doelen.yaml")
    agenda = sitecontent.load_agenda(AGENDA_FIXTURES / "met_budget" / "2030.yaml", goals)
    data = json.loads(sitecontent.agenda_json(agenda))
    by_id = {item["id"]: item for item in data["activiteiten"]}
    assert data["jaar"] == 2030
    assert by_id["a1"]["budget_cent"] == 1_000_000
    assert by_id["a2"]["budget_cent"] == 250_050
    assert by_id["a3"]["budget_cent"] is None
    assert by_id["a1"]["budget_bron"].startswith("Testbegroting 2030")
    assert by_id["a1"]["besluiten"] == ["bp-2019-05"]
