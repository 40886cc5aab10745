"""tools/cbs_import.py: a StatLine export of 70072ned into the data package.

Every test works on a copy of the package in tmp_path, from the raw CBS files in fixtures/
(see the README there), offline.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.catalogue import population
from tools import cbs_import

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "engine" / "calculators" / "src" / "calculators" / "catalogue" / "cbs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORT = FIXTURES / "70072ned_Regionale_kerncijfers_Nederland_export_23012024_192144.csv"
LIST_2022 = FIXTURES / "CBS_gemeenten_alfabetisch_2022.csv"
# The herindeling of 1 January 2023 in the export: Weesp joined Amsterdam, and Brielle,
# Hellevoetsluis and Westvoorne became Voorne aan Zee.
DISSOLVED_2023 = ("Weesp", "Brielle", "Hellevoetsluis", "Westvoorne")
# Not Voorne aan Zee's real code: a code for this test only, so that no one copies it.
TEST_CODE = "GM9999"


@pytest.fixture
def package(tmp_path) -> Path:
    copy = tmp_path / "cbs"
    shutil.copytree(PACKAGE, copy)
    return copy


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cbs_import.main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def export_with(tmp_path: Path, change) -> Path:
    """A copy of the raw export with ``change`` applied to its lines (CRLF as StatLine)."""
    text = EXPORT.read_bytes().decode("utf-8-sig")
    lines = change(text.split("\r\n"))
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    return path


def list_2023(tmp_path: Path) -> Path:
    """The 2022 list after the herindeling of 2023 (test-only code for Voorne aan Zee)."""
    lines = LIST_2022.read_text(encoding="utf-8-sig").splitlines()
    kept = [line for line in lines if line.split(";")[2] not in DISSOLVED_2023]
    kept.append(f"9999;{TEST_CODE};Voorne aan Zee;28;PV28;Zuid-Holland")
    path = tmp_path / "gemeenten-alfabetisch-2023.csv"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def test_reimport_2022_changes_nothing(capsys, package):
    before = snapshot(package)
    code, out, err = run(capsys, str(EXPORT), "--jaar", "2022", "--pakket", str(package))
    assert code == 0, err
    assert "2022 stond al in het pakket: de cijfers zijn precies gelijk." in out
    assert "Niets veranderd" in out
    assert snapshot(package) == before


def test_reimport_reproduces_the_2022_rows_exactly(capsys, package):
    """Without the 2022 rows (codes then come from the CBS list), the raw export gives the
    committed 2022 rows back, byte for byte."""
    committed = (package / "inwoners.csv").read_text(encoding="utf-8")
    rows = population.parse_csv(committed)
    (package / "inwoners.csv").write_text(
        population.format_csv(r for r in rows if r.year != 2022), encoding="utf-8"
    )
    code, out, err = run(
        capsys, str(EXPORT), "--jaar", "2022", "--gemeentelijst", str(LIST_2022),
        "--pakket", str(package),
    )  # fmt: skip
    assert code == 0, err
    assert (package / "inwoners.csv").read_text(encoding="utf-8") == committed
    assert "345 gemeenten, samen 17.590.672 inwoners" in out


def test_2020_style_export_reads_the_same(capsys, package, tmp_path):
    """An older StatLine export quotes every value and pads it with spaces, with more
    columns after the total; the figures are the same."""

    def older(lines):
        out = []
        for line in lines[1:]:
            if not line:
                continue
            period, region, total, density = line.split(";")
            out.append(f'{period};{region};"{total:>8}";"1";{density}')
        header = lines[0].split(";")
        return [";".join([*header[:3], '"Inwoners 15 jaar of ouder (aantal)"', header[3]]), *out]

    path = export_with(tmp_path, older)
    code, out, err = run(capsys, str(path), "--jaar", "2022", "--pakket", str(package))
    assert code == 0, err
    assert "precies gelijk" in out


def test_new_year_after_a_herindeling(capsys, package, tmp_path):
    before_2022 = [r for r in population.parse_csv((package / "inwoners.csv").read_text()) if
                   r.year != 2023]  # fmt: skip
    code, out, err = run(
        capsys, str(EXPORT), "--gemeentelijst", str(list_2023(tmp_path)), "--pakket", str(package)
    )
    assert code == 0, err
    rows = population.parse_csv((package / "inwoners.csv").read_text(encoding="utf-8"))
    assert [r for r in rows if r.year != 2023] == before_2022  # other years kept
    new = {r.code: r for r in rows if r.year == 2023}
    assert len(new) == 342
    assert new[TEST_CODE].name == "Voorne aan Zee"
    assert new["GM0888"].name == "Beek"  # StatLine: "Beek (L.)"
    assert new["GM0893"].name == "Bergen (L.)"
    assert new["GM0373"].name == "Bergen (NH.)"
    assert sum(r.inhabitants for r in new.values()) == 17_811_291
    assert "Opgeheven volgens de gemeentelijst: Weesp (GM0457)" in out
    assert f"Nieuw ten opzichte van 2022: Voorne aan Zee ({TEST_CODE})." in out
    description = (package / "datapackage.json").read_text(encoding="utf-8")
    assert "- 2023: 342 gemeenten (indeling op 1 januari 2023)" in description
    assert "- 2022: alle 345 gemeenten" in description  # the provenance of 2022 stays
    from frictionless import validate

    report = validate(package / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_output_lists_the_differences(capsys, package, tmp_path):
    code, out, err = run(
        capsys, str(EXPORT), "--gemeentelijst", str(list_2023(tmp_path)), "--pakket",
        str(package), "--controleer",
    )  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert "Verschil met 2022, per gemeente van de regio's van de site:" in lines
    venlo = next(line for line in lines if "Venlo (GM0983)" in line)
    assert venlo.split() == ["Venlo", "(GM0983)", "102.136", "->", "103.328", "+1.192", "(+1,2%)"]
    bergen = next(line for line in lines if "(GM0893)" in line)
    assert "13.106 ->    13.119" in bergen
    assert any("totaal" in line and "277.168 ->   281.205" in line for line in lines)
    assert any(line.strip().startswith("Noord- en Midden-Limburg") for line in lines)
    assert (
        "Nederland: 17.590.672 (2022, 345 gemeenten) -> 17.811.291 (2023, 342 gemeenten): "
        "+220.619 (+1,3%)." in lines
    )


def test_controleer_writes_nothing(capsys, package, tmp_path):
    before = snapshot(package)
    stamps = {p.name: p.stat().st_mtime_ns for p in package.iterdir()}
    code, out, err = run(
        capsys, str(EXPORT), "--gemeentelijst", str(list_2023(tmp_path)), "--pakket",
        str(package), "--controleer",
    )  # fmt: skip
    assert code == 0, err
    assert "niets geschreven" in out
    assert snapshot(package) == before
    assert {p.name: p.stat().st_mtime_ns for p in package.iterdir()} == stamps


def refused(capsys, package, export: Path, *args: str) -> str:
    before = snapshot(package)
    code, out, err = run(capsys, str(export), "--pakket", str(package), *args)
    assert code == 1, (out, err)
    assert err.startswith("Niet ingelezen; er is niets veranderd")
    assert snapshot(package) == before
    return err


def test_refuses_a_new_municipality_without_the_list(capsys, package):
    err = refused(capsys, package, EXPORT)  # newest year: 2023
    assert "'Voorne aan Zee' heeft geen gemeentecode" in err
    assert "--gemeentelijst" in err
    for name in DISSOLVED_2023:
        assert f"'{name}' (GM" in err and "zonder getal" in err


def test_refuses_a_duplicate_municipality(capsys, package, tmp_path):
    def twice(lines):
        return [*lines, next(line for line in lines if line.startswith('"2022";"Venlo";'))]

    err = refused(capsys, package, export_with(tmp_path, twice), "--jaar", "2022")
    assert "'Venlo' staat twee keer in 2022" in err


def test_refuses_two_names_for_one_municipality(capsys, package, tmp_path):
    def also_plain(lines):
        beek = next(line for line in lines if line.startswith('"2022";"Beek (L.)";'))
        return [*lines, beek.replace("Beek (L.)", "Beek")]

    err = refused(capsys, package, export_with(tmp_path, also_plain), "--jaar", "2022")
    assert "'Beek' is dezelfde gemeente (GM0888)" in err


def test_refuses_an_unknown_name(capsys, package, tmp_path):
    def typo(lines):
        return [line.replace('"2022";"Venlo";', '"2022";"Venloo";') for line in lines]

    err = refused(capsys, package, export_with(tmp_path, typo), "--jaar", "2022")
    assert "'Venloo' heeft geen gemeentecode" in err
    assert "'Venlo' (GM0983) staat in 2022 in het pakket maar ontbreekt" in err


def test_refuses_a_missing_municipality(capsys, package, tmp_path):
    def without(lines):
        return [line for line in lines if not line.startswith('"2022";"Gennep";')]

    err = refused(capsys, package, export_with(tmp_path, without), "--jaar", "2022")
    assert "'Gennep' (GM0907)" in err and "de export noemt de gemeente niet" in err


@pytest.mark.parametrize("value", ["102.136", "1e5", "-5", "0", "veel", "10213,6"])
def test_refuses_a_non_number(capsys, package, tmp_path, value):
    def broken(lines):
        return [
            f'"2022";"Venlo";{value};1234' if line.startswith('"2022";"Venlo";') else line
            for line in lines
        ]

    err = refused(capsys, package, export_with(tmp_path, broken), "--jaar", "2022")
    assert f"'Venlo' heeft '{value}' als inwonertal" in err


def test_refuses_an_implausible_national_total(capsys, package, tmp_path):
    def tenfold(lines):
        out = []
        for line in lines:
            if line.startswith('"2022";"Amsterdam";'):
                period, region, total, density = line.split(";")
                line = f"{period};{region};{int(total) * 10};{density}"
            out.append(line)
        return out

    err = refused(capsys, package, export_with(tmp_path, tenfold), "--jaar", "2022")
    assert "niet aannemelijk" in err


def test_refuses_a_year_not_in_the_export(capsys, package):
    err = refused(capsys, package, EXPORT, "--jaar", "2024")
    assert "geen inwonertallen voor 2024; wel voor 2020, 2021, 2022, 2023" in err


def test_refuses_another_table(capsys, package, tmp_path):
    other = tmp_path / "andere.csv"
    other.write_text('"Perioden";"Regio\'s";"Woningvoorraad (aantal)"\n"2022";"Venlo";1\n')
    err = refused(capsys, package, other)
    assert "Totale bevolking (aantal) ontbreken" in err


def test_wrong_use_is_explained_in_dutch(capsys, package):
    code, out, err = run(capsys, "--pakket", str(package))
    assert code == 2
    assert err.startswith("gebruik: tools/cbs_import.py")
    assert "fout: deze opties ontbreken: EXPORT." in err
    code, out, err = run(capsys, str(EXPORT), "--jaar", "22")
    assert code == 2 and "'22' is geen bruikbaar jaar" in err


def test_runs_as_a_script():
    done = subprocess.run(
        [sys.executable, "tools/cbs_import.py", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "--gemeentelijst" in done.stdout and "--controleer" in done.stdout
