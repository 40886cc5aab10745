"""The helpers every part of the content shares, each in one place."""

from __future__ import annotations

import pytest

import sitecontent
from calculators.core import money
from calculators.core.csvio import write_csv


@pytest.mark.parametrize(
    ("cents", "page", "csv"),
    [
        (103_595_300, "€ 1.035.953", "1035953"),
        (-125_050, "-€ 1.250,50", "-1250,50"),
        (5, "€ 0,05", "0,05"),
    ],
)
def test_one_euro_notation(cents, page, csv):
    # The site's one formatter (calculators.core.money), for pages and the CSV alike; the
    # ASCII minus on both, so a copied amount pastes into Excel as a number.
    assert money.euro(cents, whole=True) == page
    assert write_csv(["bedrag"], [[money.euro_value(cents)]], "nl") == (
        f"\ufeffbedrag\r\n{csv}\r\n"
    )
    assert not hasattr(sitecontent, "euro_text")


def test_relative_links_between_source_pages():
    assert sitecontent.rel("besluiten/index.md", "besluiten/bp-2019-01.md") == "bp-2019-01.md"
    assert sitecontent.rel("besluiten/filter/status-vervangen.md", "besluiten/index.md") == (
        "../index.md"
    )
    assert sitecontent.rel("index.md", "regiovisie/ambitie-5.md") == "regiovisie/ambitie-5.md"


@pytest.mark.parametrize(
    ("value", "ok"),
    [("bp-2019-01", True), ("ab-2024-123", True), ("bp-19-01", False), ("BP-2019-01", False)],
)
def test_one_form_of_a_decision_id(value, ok):
    # Any two-letter series CONTRIBUTING allows, for the records and for the agenda alike.
    assert sitecontent.is_decision_id(value) is ok


def test_goals_with_an_unknown_scale_are_refused_in_dutch(tmp_path):
    path = tmp_path / "doelen.yaml"
    path.write_text(
        "pijlers: [{nummer: 1, naam: P}]\n"
        "ambities:\n"
        "  - {nummer: 1, pijler: 1, naam: A, doelen: [{nummer: 2, naam: D, schaal: [overal]}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(sitecontent.ContentError) as caught:
        sitecontent.load_goals(path)
    (message,) = caught.value.messages
    assert "doel 1.2 heeft de onbekende schaal 'overal'; kies uit " in message
    assert "[" not in message  # no Python notation reaches an editor
    assert "doelen.yaml" in message


def test_one_error_type_reports_a_heading_and_a_line_per_problem():
    error = sitecontent.ContentError(["a.md regel 1: fout", "b.md regel 2: fout"], "Fouten")
    assert error.report() == "Fouten:\n  - a.md regel 1: fout\n  - b.md regel 2: fout"


def test_the_goals_say_what_a_link_to_an_ambition_means_in_text_only(tmp_path):
    """``koppeling_besluiten`` is the sentence every decision-ambition link shows: text, with
    its line breaks folded; a list (which would show as Python notation) is refused."""
    path = tmp_path / "doelen.yaml"
    head = "pijlers: [{nummer: 1, naam: P}]\nambities: [{nummer: 1, pijler: 1, naam: A}]\n"
    path.write_text(head + "koppeling_besluiten: >-\n  Een lezing\n  van de redactie.\n")
    assert sitecontent.load_goals(path).decision_link_note == "Een lezing van de redactie."
    path.write_text(head + "koppeling_besluiten: [een, lijst]\n")
    with pytest.raises(sitecontent.ContentError) as caught:
        sitecontent.load_goals(path)
    assert caught.value.messages == [f"{path}: veld 'koppeling_besluiten' hoort een tekst te zijn."]
    path.write_text(head)
    assert sitecontent.load_goals(path).decision_link_note == ""
