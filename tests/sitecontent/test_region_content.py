"""What was this region's in the content model is now the site's: the region a new record
belongs to comes from the region file, and what the site says about a source document from
``decisions/_bronnen.yml``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sitecontent
from sitecontent._document_labels import load_labels

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "voorbeelden" / "maastricht-heuvelland"


def test_a_new_records_region_is_the_sites_own():
    assert sitecontent.own_region(ROOT) == "Noord- en Midden-Limburg"
    assert sitecontent.own_region(EXAMPLE) == "Maastricht-Heuvelland"


def test_without_a_region_file_the_command_asks_for_the_region(tmp_path):
    with pytest.raises(sitecontent.ContentError) as raised:
        sitecontent.own_region(tmp_path)
    assert raised.value.messages[0].endswith(
        "ontbreekt: daarin staat de regio van de site. Geef anders --regio."
    )


def test_the_labels_of_a_document_reach_its_records_only():
    register = sitecontent.load_register(ROOT / "decisions")
    labelled = {d.id for d in register.decisions.values() if register.label(d)}
    # The nine uitgangspunten of 2020 come from the document the site titled itself.
    assert labelled == {f"up-2020-{n:02d}" for n in range(1, 10)}
    assert register.label(register.decisions["bp-2019-05"]) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '"Stuk":\n  titel: a\n  status: b\n',
            "bij 'Stuk' horen precies: titel, status, opvolging",
        ),
        ('"Stuk":\n  titel: a\n  status: b\n  opvolging: 3\n', "is elk van titel, status"),
        ("- een lijst\n", "verwacht per brondocument (de titel) drie teksten"),
    ],
)
def test_a_wrong_labels_file_is_named(tmp_path, text, message):
    (tmp_path / "_bronnen.yml").write_text(text, encoding="utf-8")
    with pytest.raises(sitecontent.ContentError) as raised:
        load_labels(tmp_path)
    assert "_bronnen.yml" in raised.value.messages[0] and message in raised.value.messages[0]


def test_a_register_without_labels_file_has_none(tmp_path):
    shutil.copytree(EXAMPLE / "decisions", tmp_path / "decisions")
    assert sitecontent.load_register(tmp_path / "decisions").labels == {}
