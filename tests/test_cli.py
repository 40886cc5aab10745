"""The command line ``python -m calculators`` (CPython only: it starts subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import calculators.__main__ as cli
from calculators.core.entry import handle

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def test_default_then_compute(tmp_path):
    default = run("verdeelsleutel", "--default")
    assert default.returncode == 0, default.stderr
    scenario = json.loads(default.stdout)
    assert scenario["title"] == "Inwoners CBS 2022, andere cijfers voorbeelden"
    path = tmp_path / "scenario.json"
    path.write_text(default.stdout, encoding="utf-8")
    computed = run("verdeelsleutel", str(path))
    assert computed.returncode == 0, computed.stderr
    assert computed.stdout.startswith("{\n  ")  # indent 2
    response = json.loads(computed.stdout)
    assert response["ok"] is True
    assert sum(r["cents"] for r in response["result"]["key"]["rows"]) == -100_000_000
    assert "€" in computed.stdout  # ensure_ascii off


def test_stdin_and_csv():
    scenario = run("verdeelsleutel", "--default").stdout
    computed = run("verdeelsleutel", "-", stdin=scenario)
    assert computed.returncode == 0, computed.stderr
    assert json.loads(computed.stdout)["scenario"]["amount"] == "-1000000"
    as_csv = run("verdeelsleutel", "-", "--csv", stdin=scenario)
    assert as_csv.returncode == 0, as_csv.stderr
    lines = as_csv.stdout.splitlines()
    assert lines[0].startswith("Gemeente;Inwoners;")
    assert lines[-1].startswith("Totaal;277168;")  # CBS, Noord-Limburg, 1 January 2022
    international = run(
        "verdeelsleutel", "-", "--csv", "--convention", "international", stdin=scenario
    )
    assert international.stdout.splitlines()[0].startswith("Gemeente,Inwoners,")


def test_problems_go_to_stderr_with_exit_code_1(tmp_path):
    scenario = json.loads(run("verdeelsleutel", "--default").stdout)
    scenario["municipalities"][5]["values"]["inwoners"] = "abc"
    scenario["key"]["weights"]["gebruik"] = "65"
    path = tmp_path / "fout.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    completed = run("verdeelsleutel", str(path))
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        "key.weights: De gewichten van de sleutel ‘Kandidaat-sleutel 2019’ tellen op tot 90 %; "
        "dat moet precies 100 % zijn.",
        "municipalities[5].values.inwoners: Vul bij ‘Inwoners’ van Venlo een getal in; ‘abc’ is "
        "geen getal.",
    ]
    assert "Traceback" not in completed.stderr


def test_invalid_json_file(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text("{amount: 5", encoding="utf-8")
    completed = run("verdeelsleutel", str(path))
    assert completed.returncode == 1
    assert completed.stderr.strip() == "De invoer is geen geldige JSON (regel 1, teken 2)."


def test_usage_errors_exit_2():
    for args in (
        [],
        ["rekenmachine", "x.json"],
        ["verdeelsleutel"],
        ["verdeelsleutel", "--bestaat-niet"],
        ["verdeelsleutel", "a.json", "b.json"],
        ["verdeelsleutel", "--default", "--csv"],
        ["verdeelsleutel", "-", "--convention", "nl"],
        ["verdeelsleutel", "-", "--csv", "--convention", "tab"],
        ["verdeelsleutel", "bestaat-niet.json"],
    ):
        completed = run(*args, stdin="")
        assert completed.returncode == 2, (args, completed.stdout, completed.stderr)
        assert "Gebruik:" in completed.stderr and completed.stdout == ""
        assert "Traceback" not in completed.stderr


def test_help():
    completed = run("--help")
    assert completed.returncode == 0
    assert "verdeelsleutel" in completed.stdout


# --------------------------------------------------------------------------- in-process


def main(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command in this process; it must return an exit code, never raise."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def scenario_file(tmp_path, text: str | bytes, name: str = "scenario.json"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def default_scenario_text() -> str:
    return json.dumps(
        json.loads(handle('{"calculator": "verdeelsleutel", "action": "default"}'))["scenario"]
    )


@pytest.mark.parametrize(
    ("title", "needs_check"),
    [("G\\ud800", True), ("G\\udc00 en meer", True), ("\\ud83d\\ude00", False)],
)
def test_lone_surrogate_in_a_title_is_refused_not_a_traceback(capsys, tmp_path, title, needs_check):
    text = default_scenario_text().replace('"title": "', f'"title": "{title}', 1)
    code, out, err = main(capsys, "verdeelsleutel", scenario_file(tmp_path, text))
    if needs_check:
        assert (code, out) == (1, "")
        assert err == (
            "De invoer bevat een ongeldig teken, bijvoorbeeld de helft van een emoji. Haal dat "
            "teken weg of typ de tekst opnieuw.\n"
        )
    else:  # a whole emoji, escaped, is fine
        assert code == 0 and "😀" in out


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("null", "alleen null (leeg)"),
        ("[]", "een lijst (tussen [ en ])"),
        ('[{"amount": "5"}]', "een lijst (tussen [ en ])"),
        ("42", "alleen een getal"),
        ("-1.5e3", "alleen een getal"),
        ('"scenario"', "alleen tekst"),
        ("true", "alleen true of false"),
    ],
)
def test_a_file_without_a_scenario_says_so(capsys, tmp_path, content, kind):
    path = scenario_file(tmp_path, content)
    code, out, err = main(capsys, "verdeelsleutel", path)
    assert (code, out) == (1, "")
    assert err == (
        f"Het bestand ‘{path}’ bevat geen scenario: verwacht een JSON-object tussen {{ en }} "
        f"met de gegevens van het scenario, maar er staat {kind} in. Een voorbeeld krijgt u "
        "met --default.\n"
    )
    assert "Stuur een scenario mee" not in err


def test_stdin_without_a_scenario_says_so():
    completed = run("verdeelsleutel", "-", stdin="null")
    assert completed.returncode == 1
    assert completed.stderr.startswith("De invoer bevat geen scenario: verwacht een JSON-object")


def test_a_directory_is_not_a_scenario_file(capsys, tmp_path):
    code, out, err = main(capsys, "verdeelsleutel", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"‘{tmp_path}’ is een map, geen bestand.\n\nGebruik:")


def test_an_unreadable_file(capsys, tmp_path, monkeypatch):
    # Tests may run as root, who can read anything: let open() refuse as for other users.
    path = scenario_file(tmp_path, default_scenario_text())

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli, "open", refuse, raising=False)
    code, out, err = main(capsys, "verdeelsleutel", path)
    assert (code, out) == (2, "")
    assert err.startswith(f"U mag het bestand ‘{path}’ niet lezen (geen toegang).\n")
    assert "Permission" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)), "is geen tekst in UTF-8."),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is geen tekst in UTF-8."),
        (b"\xed\xa0\x80", "is geen tekst in UTF-8."),  # a surrogate written as UTF-8 bytes
        (b"\x00\x01\x02", "De invoer is geen geldige JSON (regel 1, teken 1)."),
    ],
)
def test_a_binary_file(capsys, tmp_path, content, message):
    code, out, err = main(capsys, "verdeelsleutel", scenario_file(tmp_path, content))
    assert (code, out) == (1, "")
    assert err.strip().endswith(message)


def test_a_file_name_that_is_not_utf8_is_shown_not_a_traceback(capsys, tmp_path):
    # Linux hands such a name to Python with lone surrogates (surrogateescape).
    name = str(tmp_path / "scenario-\udcff.json")
    code, out, err = main(capsys, "verdeelsleutel", name)
    assert (code, out) == (2, "")
    assert err.startswith(f"Het bestand ‘{tmp_path}/scenario-?.json’ bestaat niet.")


def test_a_huge_number_in_a_file_is_too_large_at_its_field(capsys, tmp_path):
    text = default_scenario_text().replace('"amount": "-1000000"', '"amount": ' + "9" * 5000)
    code, out, err = main(capsys, "verdeelsleutel", scenario_file(tmp_path, text))
    assert (code, out) == (1, "")
    assert err.startswith(
        "amount: De waarde bij ‘Te verdelen bedrag in euro’ is te groot: een getal met heel"
    )


def run_with_stdout(stdout, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        cwd=ROOT,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_gives_a_dutch_message_and_exit_code_3():
    with open("/dev/full", "wb") as full:
        completed = run_with_stdout(full, "verdeelsleutel", "--default")
    assert completed.returncode == 3
    assert completed.stderr.decode() == (
        "De rekenhulp kon de uitkomst niet wegschrijven: de schijf is vol.\n"
    )


def test_a_closed_pipe_gives_a_dutch_message_and_exit_code_3():
    # Like "| head -c1" once head has gone: the reading end is closed before we write.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        completed = run_with_stdout(write_end, "verdeelsleutel", "--default")
    finally:
        os.close(write_end)
    assert completed.returncode == 3
    assert completed.stderr.decode() == (
        "De rekenhulp kon de uitkomst niet wegschrijven: het programma dat de uitvoer las, "
        "is gestopt.\n"
    )


def test_a_closed_stdout_gives_a_dutch_message_and_exit_code_3(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    assert cli.main(["verdeelsleutel", "--default"]) == 3
    assert capsys.readouterr().err == (
        "De rekenhulp kon de uitkomst niet wegschrijven: de uitvoer is gesloten.\n"
    )
