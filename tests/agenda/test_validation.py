"""Each kind of invalid agenda data gives one Dutch line naming file, activity and field."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from calculators.core import money
from sitecontent import (
    ContentError,
    load_agenda,
    load_register,
    stale_decision_links,
    validate_agenda,
)
from tests.agenda.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]

VALID = {
    "id": "x1",
    "titel": "Een activiteit",
    "ambitie": 5,
    "doel": "5.1",
    "schaal": "regionaal",
    "trekker": "nog te bepalen",
    "planning": "2030",
    "budget": "nog te bepalen",
    "status": "gepland",
}


def write(tmp_path: Path, *activities: dict, year: int = 2030, **top) -> Path:
    path = tmp_path / f"{year}.yaml"
    data = {"jaar": year, **top, "activiteiten": list(activities)}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def only_error(path: Path, goals, decisions_dir=None) -> str:
    errors = validate_agenda(path, goals, decisions_dir)
    assert len(errors) == 1, errors
    return errors[0]


def changed(**fields) -> dict:
    activity = {**VALID, **fields}
    return {k: v for k, v in activity.items() if v is not ...}


def assert_names(message: str, path: Path, activity: str, field: str) -> None:
    assert path.name in message
    assert f"activiteit '{activity}'" in message
    assert f"veld '{field}'" in message
    assert "\n" not in message


def test_valid_file_has_no_errors(tmp_path, goals):
    assert validate_agenda(write(tmp_path, VALID), goals, None) == []


def test_fixture_agendas_are_valid(goals):
    for name in ("2030.yaml", "2031.yaml"):
        assert validate_agenda(FIXTURES / "met_budget" / name, goals, None) == []


def test_unknown_ambition(tmp_path, goals):
    path = write(tmp_path, changed(ambitie=9, doel="9.1"))
    errors = validate_agenda(path, goals, None)
    # The goal 9.1 is unknown too; both lines name their own field.
    assert any("veld 'ambitie'" in e and "ambitie 9 bestaat niet" in e for e in errors)
    message = next(e for e in errors if "veld 'ambitie'" in e)
    assert_names(message, path, "x1", "ambitie")


def test_unknown_goal(tmp_path, goals):
    path = write(tmp_path, changed(doel="5.9"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "doel")
    assert "doel '5.9' staat niet in de doelen van de regiovisie" in message


def test_goal_of_another_ambition(tmp_path, goals):
    path = write(tmp_path, changed(doel="1.1"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "doel")
    assert "hoort niet bij ambitie 5" in message


def test_bad_status(tmp_path, goals):
    path = write(tmp_path, changed(status="klaar"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "status")
    assert "'klaar' is geen geldige status" in message


def test_bad_scale(tmp_path, goals):
    path = write(tmp_path, changed(schaal="provinciaal"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "schaal")
    assert "'provinciaal' is geen geldige schaal" in message


def test_negative_budget(tmp_path, goals):
    path = write(tmp_path, changed(budget=-500))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "budget")
    assert "nooit negatief" in message


def test_non_numeric_budget(tmp_path, goals):
    path = write(tmp_path, changed(budget="€ 25.000"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "budget")
    assert "geen eenduidig bedrag" in message


def write_raw(tmp_path: Path, field: str, written: str, **top) -> Path:
    """An agenda file with one value exactly as an editor typed it (not via yaml.dump)."""
    path = write(tmp_path, VALID, **top)
    text = path.read_text(encoding="utf-8")
    lines = [
        f"  {field}: {written}" if line.strip().startswith(f"{field}:") else line
        for line in text.splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("written", ["25.000", "25,5", "3000.555", "3000.55", "1.250.000"])
def test_ambiguous_budget_is_refused_with_how_to_write_it(tmp_path, goals, written):
    # 25.000 is the Dutch way to write twenty-five thousand; YAML reads it as 25.0 and the
    # page showed "€ 25". Every form a reader could take two ways is refused.
    path = write_raw(tmp_path, "budget", written)
    message = only_error(path, goals)
    assert_names(message, path, "x1", "budget")
    assert f"'{written}' is geen eenduidig bedrag" in message
    assert "regel 10" in message
    assert "25000" in message and '"3000,55"' in message


@pytest.mark.parametrize(
    ("written", "cents"), [("25000", 2_500_000), ('"3000,55"', 300_055), ('"0,05"', 5)]
)
def test_whole_euros_or_cents_as_text_are_accepted(tmp_path, goals, written, cents):
    path = write_raw(tmp_path, "budget", written, bron="Begroting 2030, hoofdstuk 2")
    agenda = load_agenda(path, goals, None)
    budget = agenda.activities[0].budget_cent
    assert type(budget) is int and budget == cents


def test_a_budget_needs_a_source(tmp_path, goals):
    # Every figure on the site names its source (tests/content/test_data_sources.py); the
    # build says so first, in Dutch, instead of a test failing after the editor is done.
    path = write(tmp_path, changed(budget=25000))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "budget")
    assert "een bedrag heeft een bron nodig" in message
    assert validate_agenda(write(tmp_path, changed(budget=25000, bron="Begroting")), goals) == []


def test_agenda_with_budgets_meets_the_site_rule_for_figures():
    from tests.content.test_data_sources import yaml_problems

    for name in ("2030.yaml", "2031.yaml"):
        assert yaml_problems(FIXTURES / "met_budget" / name) == []


def test_page_and_csv_show_the_same_cents():
    # One amount in cents for both: they used to disagree on 3000.555 (page ,56, CSV ,55).
    for cents, page, csv in [(300_055, "€ 3.000,55", "3000,55"), (2_500_000, "€ 25.000", "25000")]:
        assert money.euro(cents, whole=True) == page
        assert str(money.euro_value(cents)).replace(".", ",") == csv


@pytest.mark.parametrize("written", ["2023-13-01", "2023-02-30", "2023-01-01"])
def test_unquoted_date_in_planning_is_a_dutch_message(tmp_path, goals, written):
    # PyYAML used to stop with "ValueError: month must be in 1..12" naming no file.
    path = write_raw(tmp_path, "planning", written)
    message = only_error(path, goals)
    assert_names(message, path, "x1", "planning")
    assert f"'{written}' is geen geldige planning" in message and "regel 9" in message


def test_duplicate_id(tmp_path, goals):
    path = write(tmp_path, VALID, changed(titel="Nog een"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "id")
    assert "komt al voor op regel" in message


def test_missing_required_field(tmp_path, goals):
    path = write(tmp_path, changed(trekker=...))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "trekker")
    assert "verplichte veld ontbreekt" in message


def test_unknown_field(tmp_path, goals):
    path = write(tmp_path, changed(kosten=100))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "kosten")
    assert "onbekend veld" in message


def test_bad_planning(tmp_path, goals):
    path = write(tmp_path, changed(planning="volgend jaar"))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "planning")


def test_bad_decision_id_format(tmp_path, goals):
    path = write(tmp_path, changed(besluiten=["besluit-5"]))
    message = only_error(path, goals)
    assert_names(message, path, "x1", "besluiten")
    assert "geen geldige besluit-id" in message


def test_unknown_decision_when_records_exist(tmp_path, goals):
    path = write(tmp_path, changed(besluiten=["bp-2019-05", "up-2020-05"]))
    message = only_error(path, goals, {"bp-2019-05"})
    assert_names(message, path, "x1", "besluiten")
    assert "besluit 'up-2020-05' bestaat niet" in message


def test_message_names_the_line(tmp_path, goals):
    path = write(tmp_path, VALID, changed(id="x2", status="klaar"))
    line = next(
        number
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "klaar" in text
    )
    assert f"regel {line}," in only_error(path, goals)


def test_year_must_match_file_name(tmp_path, goals):
    path = write(tmp_path, VALID)
    path.write_text(path.read_text(encoding="utf-8").replace("jaar: 2030", "jaar: 2031"))
    assert "2030.yaml regel 1, veld 'jaar'" in only_error(path, goals)


def test_broken_yaml_is_one_plain_line(tmp_path, goals):
    path = tmp_path / "2030.yaml"
    path.write_text("jaar: 2030\nactiviteiten:\n  - id: x1\n   titel: fout\n", encoding="utf-8")
    message = only_error(path, goals)
    assert "geen geldige YAML" in message and "regel" in message


def test_load_agenda_raises_with_all_messages(tmp_path, goals):
    path = write(tmp_path, changed(status="klaar", budget=-1))
    with pytest.raises(ContentError) as caught:
        load_agenda(path, goals, None)
    assert len(caught.value.messages) == 2


def hook_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "regiovisie").mkdir(parents=True)
    (docs / "beleidsagenda").mkdir()
    (docs / "regiovisie" / "doelen.yaml").write_bytes((FIXTURES / "doelen.yaml").read_bytes())
    return docs


class FakeMacros:
    def __init__(self):
        self.variables = {}

    def register_variables(self, items):
        self.variables.update(items)


def fake_config(docs: Path) -> SimpleNamespace:
    """The parts of MkDocs' config the content hook reads."""
    return SimpleNamespace(
        config_file_path=str(docs.parent / "mkdocs.yml"),
        docs_dir=str(docs),
        site_url="https://example.org/",
        site_name="Voorbeeld",
        site_author=None,
        strict=True,
        plugins={"macros": FakeMacros()},
    )


def content_hook(monkeypatch, serving: bool = False):
    """The plugin's content step with MkDocs' events, reading the real records."""
    from regio_engine import content

    monkeypatch.setenv("BESLUITEN_MAP", str(ROOT / "decisions"))
    # Only the step's own work is under test here, not MkDocs' File objects.
    monkeypatch.setattr(
        content,
        "File",
        SimpleNamespace(
            generated=lambda config, src, content: SimpleNamespace(src_uri=src, content=content)
        ),
    )
    step = content.ContentStep(content.Folders(), serving=serving)
    return SimpleNamespace(
        on_config=step.configure,
        on_files=step.add_files,
        on_page_markdown=lambda markdown, **event: step.page_markdown(markdown),
    )


def test_build_hook_stops_on_invalid_data(tmp_path, monkeypatch):
    """The MkDocs hook turns the validator's lines into a build error."""
    docs = hook_docs(tmp_path)
    write(docs / "beleidsagenda", changed(status="klaar"))
    with pytest.raises(PluginError) as caught:
        content_hook(monkeypatch).on_config(fake_config(docs))
    assert "activiteit 'x1', veld 'status'" in str(caught.value)


@pytest.mark.parametrize(("field", "written"), [("planning", "2023-13-01"), ("budget", "25.000")])
def test_build_hook_stops_in_dutch_on_an_editors_typo(tmp_path, monkeypatch, field, written):
    # The editor-flow mistakes: a date that does not exist, and 25.000 meant as 25 thousand.
    # Before, the first was an English ValueError without a file, the second showed "€ 25".
    docs = hook_docs(tmp_path)
    path = write_raw(docs / "beleidsagenda", field, written)
    with pytest.raises(PluginError) as caught:
        content_hook(monkeypatch).on_config(fake_config(docs))
    message = str(caught.value)
    assert "De beleidsagenda bevat fouten" in message
    assert f"{path.name} regel" in message and f"veld '{field}'" in message
    assert "Error" not in message and "must be" not in message


def test_link_to_a_replaced_decision_is_a_dutch_warning(goals):
    # bp-2019-05 was replaced by up-2020-05; the fixture's activity a1 still links it.
    agenda = load_agenda(FIXTURES / "met_budget" / "2030.yaml", goals, None)
    superseded = load_register(ROOT / "decisions").superseded()
    assert superseded["bp-2019-05"] == ["up-2020-05"]
    (warning,) = stale_decision_links(agenda, superseded)
    assert "2030.yaml regel 16, activiteit 'a1', veld 'besluiten'" in warning
    assert "besluit bp-2019-05 is vervangen door up-2020-05" in warning


def test_link_to_a_current_decision_gives_no_warning(goals):
    agenda = load_agenda(FIXTURES / "met_budget" / "2030.yaml", goals, None)
    agenda.activities[0].besluiten = ["up-2020-05"]
    assert stale_decision_links(agenda, load_register(ROOT / "decisions").superseded()) == []


def test_build_hook_warns_about_a_replaced_decision(tmp_path, monkeypatch, caplog):
    docs = hook_docs(tmp_path)
    write(docs / "beleidsagenda", changed(besluiten=["bp-2019-05"]))
    (docs / "beleidsagenda" / "2030.md").write_text("# 2030\n", encoding="utf-8")
    hook = content_hook(monkeypatch)
    config = fake_config(docs)
    with caplog.at_level("WARNING", logger="mkdocs"):
        hook.on_config(config)
    files = hook.on_files([], config)
    csv = [f for f in files if f.src_uri == "beleidsagenda/2030.csv"]
    assert len(csv) == 1 and "bp-2019-05" in csv[0].content.decode("utf-8")
    # The records are published too, each under besluiten/.
    records = {p.stem for p in (ROOT / "decisions").glob("[!_]*.md")}
    assert records <= {Path(f.src_uri).stem for f in files if f.src_uri.startswith("besluiten/")}
    (record,) = [r for r in caplog.records if "bp-2019-05" in r.getMessage()]
    assert record.levelname == "WARNING" and record.name.startswith("mkdocs.")
    assert "besluit bp-2019-05 is vervangen door up-2020-05" in record.getMessage()


def test_build_hook_leaves_older_years_alone(tmp_path, monkeypatch, caplog):
    # 2030 linked bp-2019-05 while it applied; only the newest year (2031) is being edited.
    docs = hook_docs(tmp_path)
    write(docs / "beleidsagenda", changed(besluiten=["bp-2019-05"]))
    write(docs / "beleidsagenda", VALID, year=2031)
    for year in (2030, 2031):
        (docs / "beleidsagenda" / f"{year}.md").write_text(f"# {year}\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="mkdocs"):
        content_hook(monkeypatch).on_config(fake_config(docs))
    assert not [r for r in caplog.records if "bp-2019-05" in r.getMessage()]


def test_under_serve_a_warning_is_shown_on_the_page(tmp_path, monkeypatch, caplog):
    # A warning would abort serve's strict build; the page shows it instead.
    docs = hook_docs(tmp_path)
    write(docs / "beleidsagenda", changed(besluiten=["bp-2019-05"]))
    (docs / "beleidsagenda" / "2030.md").write_text("# 2030\n", encoding="utf-8")
    hook = content_hook(monkeypatch, serving=True)
    config = fake_config(docs)
    with caplog.at_level("INFO", logger="mkdocs"):
        hook.on_config(config)
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    assert [r for r in caplog.records if "bp-2019-05 is vervangen" in r.getMessage()]
    page = hook.on_page_markdown("# Home\n", page=None, config=config, files=[])
    assert page.startswith('!!! warning "') and page.endswith("\n# Home\n")
    assert "besluit bp-2019-05 is vervangen door up-2020-05" in page


def test_a_year_file_without_its_page_stops_the_build(tmp_path, monkeypatch):
    docs = hook_docs(tmp_path)
    write(docs / "beleidsagenda", VALID)
    with pytest.raises(PluginError, match="hoort een pagina .*2030.md"):
        content_hook(monkeypatch).on_config(fake_config(docs))


def test_under_serve_the_error_is_shown_on_every_page(tmp_path, monkeypatch):
    # `mkdocs serve` would otherwise hang on every request until the file is fixed.
    docs = hook_docs(tmp_path)
    path = write_raw(docs / "beleidsagenda", "budget", "25.000")
    hook = content_hook(monkeypatch, serving=True)
    config = fake_config(docs)
    counter = CountHandler()
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        hook.on_config(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    # The strict-mode counter is gone, so the serve build finishes and shows the page.
    assert counter not in logging.getLogger("mkdocs").handlers
    data = config.plugins["macros"].variables["inhoud"]
    assert data.agenda is None and data.error is not None
    assert hook.on_files([], config) == []
    page = hook.on_page_markdown("# Besluiten\n", page=None, config=config, files=[])
    assert page.startswith('!!! failure "') and page.endswith("\n# Besluiten\n")
    assert "De beleidsagenda bevat fouten" in page
    assert f"{path.name} regel 10, activiteit 'x1', veld 'budget'" in page
    assert "'25.000' is geen eenduidig bedrag" in page


def test_a_new_decision_series_can_be_linked(tmp_path, goals):
    # CONTRIBUTING allows any two-letter series; the agenda used to accept only bp and up.
    assert validate_agenda(write(tmp_path, changed(besluiten=["ab-2024-01"])), goals, None) == []
