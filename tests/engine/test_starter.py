"""The starter ``nieuwe-regio``: a third region's site from names of the CBS list, with an
empty register and agenda, that builds with the same plugin."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from regio_engine import starter

from calculators.catalogue import population, site

ROOT = Path(__file__).resolve().parents[2]
#: Parkstad Limburg, as typed by an editor (one by its CBS code, one in other capitals).
TYPED = "Heerlen, kerkrade, Landgraaf, Brunssum, GM0965, Voerendaal, Beekdaelen"
#: The same, by CBS code (typed from the CBS list "Gemeenten alfabetisch 2022").
PARKSTAD = {
    "Heerlen": "GM0917",
    "Kerkrade": "GM0928",
    "Landgraaf": "GM0882",
    "Brunssum": "GM0899",
    "Simpelveld": "GM0965",
    "Voerendaal": "GM0986",
    "Beekdaelen": "GM1954",
}


def test_names_and_codes_are_found_in_the_cbs_list():
    assert starter.municipalities([n.strip() for n in TYPED.split(",")]) == PARKSTAD
    # Where the CBS adds the province, the name is kept as typed without it.
    assert starter.municipalities(["Bergen (L.)"]) == {"Bergen (L.)": "GM0893"}


def test_a_name_the_cbs_does_not_know_is_named():
    with pytest.raises(starter.StarterError) as raised:
        starter.municipalities(["Heerlen", "Atlantis", "Bergen"])
    # "Bergen" is two municipalities (L. and NH.): the editor must say which.
    assert "Atlantis, Bergen" in str(raised.value) and "--gemeenten" in str(raised.value)


def test_the_centrumgemeente_must_be_one_of_them():
    with pytest.raises(starter.StarterError, match="--centrumgemeente: Maastricht staat niet"):
        starter.region_file("Parkstad Limburg", PARKSTAD, "Maastricht")


def test_a_folder_with_files_is_left_alone(tmp_path):
    (tmp_path / "mijn.txt").write_text("van mij")
    data = starter.region_file("Parkstad Limburg", PARKSTAD, "Heerlen")
    with pytest.raises(starter.StarterError, match="niet leeg"):
        starter.make_site(tmp_path, data)
    assert [p.name for p in tmp_path.iterdir()] == ["mijn.txt"]
    assert starter.main([str(tmp_path), "--naam", "X", "--gemeenten", "Heerlen"]) == 1


@pytest.mark.build
def test_the_starter_makes_a_third_site_that_builds(tmp_path):
    target = tmp_path / "regio-parkstad"
    made = [str(target), "--naam", "Parkstad Limburg", "--centrumgemeente", "Heerlen"]
    assert starter.main([*made, "--gemeenten", TYPED]) == 0
    data = site.load_file(target / "regio.yml")
    assert site.parse(data).regions["parkstad-limburg"].codes == PARKSTAD
    assert [p.name for p in (target / "decisions").iterdir()] == ["_template.md"]
    # As the README says: make, in the new site's folder.
    completed = subprocess.run(
        ["make", "-C", str(target), "build"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    built = target / "site"
    lock = json.loads((built / "pyodide" / "pyodide-lock.json").read_text())
    with zipfile.ZipFile(built / "pyodide" / lock["packages"]["calculators"]["file_name"]) as w:
        assert json.loads(w.read("calculators/catalogue/_regio.json")) == data
        outlines = json.loads(w.read("calculators/catalogue/geo/gemeenten.json"))
    # Its own seven outlines, from the national file; the browser gets no others.
    assert sorted(outlines["municipalities"]) == sorted(PARKSTAD.values())
    html = (built / "rekenhulpen" / "verdeelsleutel" / "index.html").read_text(encoding="utf-8")
    for name in PARKSTAD:
        assert f">{name}</th>" in html
    # A map of all seven, whose credit says the outlines are coarse.
    drawn = html[html.index('id="verdeelsleutel-kaart"') :]
    drawn = drawn[: drawn.index('<p class="kaart-bron">')]
    assert drawn.count('class="kaart-vorm') == 7 and "kaart-ontbreekt" not in drawn
    assert "kaart van heel Nederland" in html
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "De 7 gemeenten van Parkstad Limburg" in home and "Heerlen als" in home
    register = json.loads((built / "besluiten" / "besluiten.json").read_text())
    assert register["besluiten"] == []
    agenda = (built / "beleidsagenda" / "index.html").read_text(encoding="utf-8")
    assert "Er staat nog geen beleidsagenda op deze site." in agenda
    # The Spreiding starts from today's places, all in Heerlen: 1,5 per client there.
    spreiding = (built / "rekenhulpen" / "spreiding" / "index.html").read_text(encoding="utf-8")
    clients = population.inhabitants(PARKSTAD["Heerlen"]) // 1000 * 2
    assert re.search(rf"{clients * 3 // 2} plaatsen: inwoners CBS", spreiding)
