"""Each kind of broken record gives its own plain Dutch line naming file, field and what is
expected; the build stops on the same messages."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest
import yaml

import sitecontent
from tests.decisions.conftest import ROOT, edit, problems


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


def test_missing_field(records):
    edit(records, "up-2020-04", "regio: Noord- en Midden-Limburg\n", "")
    message = only(problems(records))
    assert "up-2020-04.md" in message
    assert "veld 'regio' ontbreekt" in message and "verwacht de regio" in message


def test_unknown_status(records):
    edit(records, "up-2020-04", "status: vastgesteld", "status: klaar")
    message = only(problems(records))
    assert "up-2020-04.md regel 5: veld 'status' heeft de ongeldige waarde 'klaar'" in message
    assert "voorgesteld, vastgesteld, vervangen, ingetrokken" in message


def test_bad_date(records):
    edit(records, "up-2020-04", "datum: '2020'", "datum: 2020-13")
    message = only(problems(records))
    assert "up-2020-04.md regel 6: veld 'datum' heeft de ongeldige waarde '2020-13'" in message
    assert "2019, 2019-12 of 2019-12-10" in message


@pytest.mark.parametrize("written", ["2021-13-45", "2020-02-30", "2020-13-01"])
def test_impossible_date_without_quotes_is_a_dutch_message(records, written):
    # PyYAML used to stop the build with "ValueError: month must be in 1..12", no file named.
    edit(records, "up-2020-04", "datum: '2020'", f"datum: {written}")
    message = only(problems(records))
    assert f"up-2020-04.md regel 6: veld 'datum' heeft de ongeldige waarde '{written}'" in message


def test_template_placeholders_do_not_go_live(records):
    edit(
        records,
        "up-2020-04",
        "hoofdstuk: uitgangspunt 4",
        "hoofdstuk: nog in te vullen (hoofdstuk of nummer van het punt)",
    )
    edit(
        records,
        "up-2020-04",
        "## Gevolgen\n",
        "## Gevolgen\n\nNog in te vullen: wat verandert er?\n",
    )
    messages = problems(records)
    assert len(messages) == 2, messages
    assert "up-2020-04.md regel 13: veld 'bron' bevat nog 'nog in te vullen'" in messages[0]
    assert "up-2020-04.md regel" in messages[1] and "de tekst bevat nog" in messages[1]


def test_impossible_day(records):
    edit(records, "up-2020-04", "datum: '2020'", "datum: '2020-02-30'")
    assert "veld 'datum'" in only(problems(records))


def test_full_date_written_without_quotes_is_accepted(records):
    edit(records, "up-2020-04", "datum: '2020'", "datum: 2020-06-26")
    assert sitecontent.load_register(records).decisions["up-2020-04"].datum == "2020-06-26"


def test_link_to_missing_id(records):
    edit(
        records,
        "up-2020-04",
        "voorgangers:\n- bp-2019-04",
        "voorgangers:\n- bp-2019-04\n- bp-2019-99",
    )
    message = only(problems(records))
    assert "up-2020-04.md regel 14: veld 'voorgangers' verwijst naar bp-2019-99" in message
    assert "bestaat niet" in message


def test_one_sided_link(records):
    edit(
        records, "bp-2019-04", "opvolgers:\n- up-2020-04", "opvolgers:\n- up-2020-04\n- up-2020-06"
    )
    message = only(problems(records))
    assert "bp-2019-04.md regel 13: veld 'opvolgers' noemt up-2020-06" in message
    assert "beide kanten" in message


def test_cycle(records):
    edit(
        records,
        "up-2020-04",
        "voorgangers:\n- bp-2019-04",
        "voorgangers:\n- bp-2019-04\nopvolgers:\n- bp-2019-04\nopvolging: volledig",
    )
    edit(
        records,
        "bp-2019-04",
        "opvolgers:\n- up-2020-04",
        "opvolgers:\n- up-2020-04\nvoorgangers:\n- up-2020-04",
    )
    message = only(problems(records))
    assert "veld 'opvolgers' maakt een kring" in message
    assert "bp-2019-04 → up-2020-04 → bp-2019-04" in message


def test_duplicate_id(records):
    text = (records / "up-2020-04.md").read_text(encoding="utf-8")
    (records / "up-2020-04-kopie.md").write_text(text, encoding="utf-8")
    messages = [m for m in problems(records) if "komt ook voor in" in m]
    assert len(messages) == 1, messages
    assert "veld 'id' (up-2020-04)" in messages[0]
    assert "up-2020-04.md" in messages[0] and "up-2020-04-kopie.md" in messages[0]


def test_id_differs_from_file_name(records):
    (records / "up-2020-04.md").rename(records / "up-2020-44.md")
    messages = problems(records)
    assert any("up-2020-44.md regel 2: veld 'id' is 'up-2020-04'" in m for m in messages), messages


def test_unknown_field(records):
    edit(records, "up-2020-04", "status: vastgesteld", "status: vastgesteld\nstatsu: vastgesteld")
    assert "veld 'statsu' is onbekend" in only(problems(records))


def ambition_problems(records, goals: sitecontent.Goals) -> list[str]:
    with pytest.raises(sitecontent.ContentError) as caught:
        sitecontent.load_register(records, goals=goals)
    return caught.value.messages


def test_ambition_out_of_range(records):
    edit(records, "up-2020-04", "ambities:\n- 3", "ambities:\n- 8")
    goals = sitecontent.load_goals(ROOT / "docs" / "regiovisie" / "doelen.yaml")
    message = only(ambition_problems(records, goals))
    assert "up-2020-04.md regel 16: veld 'ambities' heeft de ongeldige waarde '8'" in message
    assert "(1 tot en met 7)" in message


def test_ambitions_come_from_the_sites_goals(records):
    """The numbers are the site's goals', not the engine's: another site's regiovisie with
    ambitions 1, 2 and 5 refuses 3, and a site without goals refuses every ambition."""
    own = sitecontent.load_goals(ROOT / "docs" / "regiovisie" / "doelen.yaml")
    three = dataclasses.replace(own, ambitions={n: own.ambitions[n] for n in (1, 2, 5)})
    messages = ambition_problems(records, three)
    assert any(
        "up-2020-04.md regel 16: veld 'ambities' heeft de ongeldige waarde '3'" in m
        and "(1, 2, 5)" in m
        for m in messages
    )
    outside = {
        p.name
        for p in records.glob("[a-z]*.md")
        if set(yaml.safe_load(p.read_text().split("---")[1]).get("ambities") or []) - {1, 2, 5}
    }
    assert {m.split(" regel")[0].rsplit("/", 1)[1] for m in messages} == outside
    none = sitecontent.load_goals_if_present(records / "geen-doelen.yaml")
    messages = ambition_problems(records, none)
    linked = [p for p in records.glob("[a-z]*.md") if "\nambities:" in p.read_text()]
    assert len(messages) == len(linked) > 0
    assert all("deze site heeft geen doelen" in m for m in messages)


def test_ambition_that_is_no_number(records):
    edit(records, "up-2020-04", "ambities:\n- 3", "ambities:\n- 0")
    assert "veld 'ambities' heeft de ongeldige waarde '0'" in only(problems(records))


def test_superseded_without_successor(records):
    edit(records, "bp-2019-04", "opvolgers:\n- up-2020-04\nopvolging: volledig\n", "")
    edit(records, "up-2020-04", "voorgangers:\n- bp-2019-04\n", "")
    assert "bp-2019-04.md regel 5: veld 'opvolgers' ontbreekt" in only(problems(records))


def test_partial_without_explanation(records):
    edit(records, "bp-2019-04", "opvolging: volledig", "opvolging: gedeeltelijk")
    assert "veld 'opvolging_toelichting' ontbreekt" in only(problems(records))


def test_broken_yaml(records):
    edit(records, "up-2020-04", "status: vastgesteld", "status: [vastgesteld")
    assert "up-2020-04.md regel 6: in de kop met gegevens: dit is geen geldige YAML" in only(
        problems(records)
    )


def test_one_line_per_problem(records):
    edit(records, "up-2020-04", "status: vastgesteld", "status: klaar")
    edit(records, "up-2020-03", "datum: '2020'", "datum: gisteren")
    messages = problems(records)
    assert len(messages) == 2 and all("\n" not in m for m in messages)


@pytest.mark.build
def test_build_stops_with_the_messages(records, tmp_path):
    edit(records, "up-2020-04", "status: vastgesteld", "status: klaar")
    env = {**os.environ, "BESLUITEN_MAP": str(records), "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert completed.returncode != 0
    output = completed.stdout + completed.stderr
    assert "De besluiten in decisions/ bevatten fouten" in output
    assert "veld 'status' heeft de ongeldige waarde 'klaar'" in output
