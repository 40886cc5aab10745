"""A new decision record from ``decisions/_template.md``, optionally replacing older records
on both sides at once (like adr-tools' ``adr new -s``).

The command only adds facts. What an older record already says about its successors
(``opvolgers``, ``opvolging``, ``opvolging_toelichting``) is an editor's decision: changing
it is done by hand, and the build checks both sides. It refuses what cannot be replaced (a
proposal, a withdrawn decision), and running it again with the same arguments changes
nothing. Everything is checked before anything is written, the result is checked in a copy
of the folder, and all files are written together or not at all (``_files``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from calculators.catalogue import site

from ._cli import quoted
from ._decisions import SUCCESSION, Decision, Register, load_register
from ._errors import ContentError
from ._files import check_in_copy, os_problem, write_together
from ._ids import DECISION_ID
from ._paths import find_root, shown
from ._text import BOM, strip_bom, text_problem
from ._yaml import FRONT_MATTER, TOP_KEY

TEMPLATE = "_template.md"
SERIES = re.compile(r"[a-z]{2}")
# The longest published title has about 110 characters; the rest belongs in the text.
MAX_TITLE = 200


@dataclass(frozen=True)
class NewRecord:
    """What the command did: ``created`` is False when the same command had run before."""

    path: Path
    created: bool
    updated: tuple[Path, ...] = ()


def next_id(folder: Path, reeks: str, jaar: int) -> tuple[str, int]:
    """The next free id in a series and year, and its number."""
    numbers = [
        int(found.group("nummer"))
        for path in Path(folder).glob(f"{reeks}-{jaar}-*.md")
        if (found := DECISION_ID.fullmatch(path.stem))
    ]
    number = max(numbers, default=0) + 1
    return f"{reeks}-{jaar}-{number:02d}", number


def _fields_block(fields: Mapping[str, object]) -> str:
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=96)


def set_fields(text: str, fields: Mapping[str, object]) -> str:
    """Replace (or add, at the end of the front matter) top-level fields of a record, keeping
    every other line as the editor wrote it."""
    found = FRONT_MATTER.match(text)
    if not found:
        raise ValueError("no front matter")
    raw, rest = found.group(1), text[found.end(1) :]  # rest: the closing "---" onwards
    kept: list[str] = []
    slots: dict[str, int] = {}
    skipping = False
    for line in raw.splitlines():
        key = TOP_KEY.match(line)
        if key:
            skipping = key.group(1) in fields
            if skipping:
                slots.setdefault(key.group(1), len(kept))
                continue
        elif skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue  # the rest of a replaced field's value
        else:
            skipping = False
        kept.append(line)
    # Insert from the last slot backwards so earlier positions stay valid.
    for name in sorted(fields, key=lambda n: slots.get(n, len(kept)), reverse=True):
        block = _fields_block({name: fields[name]}).rstrip("\n").splitlines()
        at = slots.get(name, len(kept))
        kept[at:at] = block
    return text[: found.start(1)] + "\n".join(kept) + rest


def _words(text: object) -> str:
    return " ".join(str(text or "").split())


def _text_problems(option: str, value: object, limit: int | None = None) -> list[str]:
    """A one-line argument: no control, bidi or invalid characters, not empty, not huge."""
    if not isinstance(value, str):
        return [f"{option} moet tekst zijn."]
    problem = text_problem(value, one_line=True)
    if problem:
        return [f"{option}: {problem}"]
    if not value.strip():
        return [f"{option} is leeg; schrijf er een korte tekst achter."]
    if limit is not None and len(value.strip()) > limit:
        return [
            f"{option} is {len(value.strip())} tekens lang; houd het bij hooguit {limit} tekens "
            "en zet de rest in de tekst van het besluit."
        ]
    return []


def _succession_problems(
    supersedes: Sequence[object], opvolging: str, toelichting: str | None
) -> list[str]:
    problems: list[str] = []
    for index, old in enumerate(supersedes):
        if not isinstance(old, str) or not DECISION_ID.fullmatch(old):
            problems.append(
                f"--vervangt {quoted(old)}: dat is geen id van een besluit; schrijf het id "
                "zonder map en zonder .md, zoals bp-2019-06."
            )
        elif old in supersedes[:index]:
            problems.append(f"--vervangt {old} staat er twee keer; noem elk besluit één keer.")
    if opvolging not in SUCCESSION:
        problems.append(
            f"--opvolging moet volledig of gedeeltelijk zijn (niet {quoted(opvolging)})."
        )
    if toelichting is not None:
        problems += _text_problems("--toelichting", toelichting) if toelichting.strip() else []
    explained = bool(_words(toelichting))
    if not supersedes and (opvolging == "gedeeltelijk" or explained):
        problems.append(
            "--opvolging en --toelichting horen bij --vervangt: noem ook het besluit dat dit "
            "besluit vervangt."
        )
    elif supersedes and opvolging == "gedeeltelijk" and not explained:
        problems.append(
            "--toelichting ontbreekt: zeg bij gedeeltelijke opvolging in één zin wat wel en wat "
            "niet overgaat."
        )
    elif supersedes and opvolging == "volledig" and explained:
        problems.append(
            "--toelichting hoort alleen bij --opvolging gedeeltelijk; bij volledige opvolging "
            "gaat alles over."
        )
    return problems


# object where the type itself is checked: a caller in Python may pass anything.
def _argument_problems(
    reeks: object,
    titel: object,
    jaar: object,
    regio: object,
    supersedes: Sequence[object],
    opvolging: str,
    toelichting: str | None,
) -> list[str]:
    problems = []
    if not isinstance(reeks, str) or not SERIES.fullmatch(reeks):
        problems.append(
            f"--reeks moet twee kleine letters zijn, zoals bp of up (niet {quoted(reeks)})."
        )
    problems += _text_problems("--titel", titel, MAX_TITLE)
    if isinstance(jaar, bool) or not isinstance(jaar, int) or not 1000 <= jaar <= 9999:
        problems.append(f"--jaar moet een jaartal van vier cijfers zijn (niet {quoted(jaar)}).")
    problems += _text_problems("--regio", regio, MAX_TITLE)
    return problems + _succession_problems(supersedes, opvolging, toelichting)


def _existing_register(folder: Path) -> Register:
    """The records as they are: the command builds on a folder the build accepts."""
    if not folder.exists():
        raise ContentError([f"--map {shown(folder)}: de map met besluiten bestaat niet."])
    if not folder.is_dir():
        raise ContentError([f"--map {shown(folder)}: dat is een bestand, geen map met besluiten."])
    try:
        return load_register(folder, allow_placeholders=True)
    except ContentError as exc:
        raise ContentError(
            exc.messages,
            title=f"Niet gelukt: {shown(folder)} bevat al fouten; herstel die eerst (er is niets "
            "veranderd)",
        ) from None


def _already_told(decision: Decision) -> str | None:
    """What a record already says about its successors, in words, or None."""
    parts = []
    if decision.opvolgers:
        parts.append(f"opvolger {', '.join(decision.opvolgers)}")
    if decision.meta.get("opvolging") is not None:
        parts.append(f"opvolging {decision.meta['opvolging']}")
    if decision.meta.get("opvolging_toelichting"):
        parts.append("een opvolging_toelichting")
    if decision.meta.get("opvolging_rest") is not None:
        parts.append(f"opvolging_rest {decision.meta['opvolging_rest']}")
    return " en ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts) or None


def _cannot_replace(decision: Decision, jaar: int) -> tuple[str, str] | None:
    """Why ``decision`` cannot get this new record as successor: (field, reason), or None."""
    if decision.status == "voorgesteld":
        return "status", (
            "dat besluit is alleen voorgesteld en nooit genomen, dus er is niets te vervangen; "
            "pas het voorstel zelf aan, of zet het op ingetrokken als het niet doorgaat."
        )
    if decision.status == "ingetrokken":
        return "status", (
            "dat besluit is ingetrokken en geldt al niet meer; als 'vervangen' zou het op de "
            "site weer meetellen als genomen besluit. Noem het zo nodig in de tekst van het "
            "nieuwe besluit."
        )
    told = _already_told(decision)
    if told:
        return "opvolgers" if decision.opvolgers else "opvolging", (
            f"dat besluit heeft al {told}, en dit commando verandert dat niet. Een extra "
            f"opvolger of een andere opvolging zet u met de hand in {decision.path.name} en in "
            "het nieuwe besluit; de build controleert daarna beide kanten."
        )
    year = int(decision.datum[:4])
    if year > jaar:
        return "datum", (
            f"dat besluit is van {year}; een opvolger kan niet ouder zijn (--jaar {jaar})."
        )
    return None


def _predecessor_problems(register: Register, supersedes: list[str], jaar: int) -> list[str]:
    problems = []
    for old in supersedes:
        decision = register.decisions.get(old)
        if decision is None:
            problems.append(
                f"--vervangt {old}: er is geen besluit {old}.md in {shown(register.folder)}."
            )
        elif found := _cannot_replace(decision, jaar):
            field_name, reason = found
            problems.append(f"--vervangt {old} ({decision.at(field_name)}): {reason}")
    return problems


def _same_title(register: Register, reeks: str, jaar: int, titel: str) -> Decision | None:
    wanted = _words(titel).casefold()
    for decision in register.sorted():
        found = DECISION_ID.fullmatch(decision.id)
        if (
            found
            and (found["reeks"], int(found["jaar"])) == (reeks, jaar)
            and _words(decision.meta["titel"]).casefold() == wanted
        ):
            return decision
    return None


def _rerun(
    found: Decision,
    supersedes: list[str],
    opvolging: str,
    toelichting: str | None,
    register: Register,
) -> NewRecord:
    """The same command again: nothing to do if it had the same effect, else refuse."""
    if sorted(found.voorgangers) != sorted(supersedes):
        had = ", ".join(found.voorgangers) or "geen"
        raise ContentError(
            [
                f"--titel: {found.at('titel')} heeft deze titel al, in dezelfde reeks en hetzelfde "
                f"jaar, met als voorgangers: {had}. Kies een andere titel, of pas "
                f"{found.path.name} met de hand aan."
            ]
        )
    problems = []
    for old in supersedes:
        told = register.decisions[old]  # exists: the register checked both sides
        same = told.meta.get("opvolging") == opvolging and (
            opvolging == "volledig"
            or _words(told.meta.get("opvolging_toelichting")) == _words(toelichting)
        )
        if not same:
            problems.append(
                f"--opvolging: {found.path.name} bestaat al met deze titel, en "
                f"{told.at('opvolging')} zegt al {_already_told(told)}; dit commando verandert "
                "dat niet. Pas het met de hand aan als het anders moet."
            )
    if problems:
        raise ContentError(problems)
    return NewRecord(found.path, created=False)


def _template_text(folder: Path, decision_id: str, number: int, jaar: int) -> str:
    path = folder / TEMPLATE
    try:
        template = strip_bom(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ContentError([f"{shown(path)}: het sjabloon ontbreekt; zet het terug."]) from None
    except UnicodeDecodeError:
        raise ContentError([f"{shown(path)}: het sjabloon is geen UTF-8-tekst."]) from None
    except OSError as exc:
        raise ContentError([os_problem(exc, path, "niet te lezen")]) from None
    # The template's instruction comments are for copying by hand; drop them here.
    lines = template.splitlines(keepends=True)
    first_field = next((i for i, line in enumerate(lines[1:], 1) if line[:1] != "#"), None)
    if not lines or first_field is None or not FRONT_MATTER.match(template):
        raise ContentError([f"{shown(path)}: het sjabloon heeft geen kop met velden tussen '---'."])
    text = lines[0] + "".join(lines[first_field:])
    return (
        text.replace("__ID__", decision_id)
        .replace("__NUMMER__", str(number))
        .replace("__DATUM__", str(jaar))
    )


def _superseded_text(
    decision: Decision, new_id: str, opvolging: str, toelichting: str | None
) -> str:
    """The old side: status, successor and how much was taken over; the rest as it was."""
    raw = decision.path.read_bytes().decode("utf-8")  # it loaded, so it is UTF-8
    crlf = "\r\n" in raw
    text = strip_bom(raw).replace("\r\n", "\n")
    fields: dict[str, object] = {
        "status": "vervangen",
        "opvolgers": [new_id],
        "opvolging": opvolging,
    }
    if opvolging == "gedeeltelijk":
        fields["opvolging_toelichting"] = _words(toelichting)
    text = set_fields(text, fields)
    text = text.replace("\n", "\r\n") if crlf else text
    return BOM + text if raw.startswith(BOM) else text


def _compose(
    register: Register,
    reeks: str,
    titel: str,
    jaar: int,
    regio: str,
    supersedes: list[str],
    opvolging: str,
    toelichting: str | None,
) -> dict[Path, str]:
    """Every file the command writes, new record first, with its full new text."""
    folder = register.folder
    decision_id, number = next_id(folder, reeks, jaar)
    if not DECISION_ID.fullmatch(decision_id):
        raise ContentError([f"--reeks {reeks}: de nummers van {jaar} zijn op (tot en met 999)."])
    fields: dict[str, object] = {"titel": titel.strip(), "regio": regio.strip()}
    if supersedes:
        fields["voorgangers"] = list(supersedes)
    template = _template_text(folder, decision_id, number, jaar)
    texts = {folder / f"{decision_id}.md": set_fields(template, fields)}
    for old in supersedes:
        decision = register.decisions[old]
        texts[decision.path] = _superseded_text(decision, decision_id, opvolging, toelichting)
    return texts


def _check_result(copy: Path, decision_id: str, titel: str) -> None:
    register = load_register(copy, allow_placeholders=True)
    stored = register.decisions[decision_id].meta["titel"]
    if stored != titel.strip():
        raise ContentError(
            [
                f"{shown(copy / TEMPLATE)}: de titel komt niet goed in het sjabloon "
                f"({quoted(stored)})."
            ]
        )


def own_region(root: Path | None = None) -> str:
    """The name of the site's own region, as its region file (regio.yml, beside mkdocs.yml)
    gives it; raises ContentError in Dutch without one."""
    path = (root or find_root()) / site.REGION_FILE
    try:
        chosen = site.parse(site.load_file(path), shown(path))
    except FileNotFoundError:
        raise ContentError(
            [f"{shown(path)} ontbreekt: daarin staat de regio van de site. Geef anders --regio."]
        ) from None
    except site.RegionFileError as error:
        raise ContentError([str(error)]) from None
    return chosen.regions[chosen.own].label


def new_record(
    folder: Path,
    reeks: str,
    titel: str,
    jaar: int,
    regio: str | None = None,
    supersedes: list[str] | tuple[str, ...] = (),
    opvolging: str = "volledig",
    toelichting: str | None = None,
) -> NewRecord:
    """Write the next record of a series; with ``supersedes`` also mark those records as
    replaced by it. ``regio``: by default the site's own region (its region file). Raises
    ContentError, and then nothing has changed."""
    folder, supersedes = Path(folder), list(supersedes)
    regio = regio if regio is not None else own_region()
    args = (reeks, titel, jaar, regio, supersedes, opvolging, toelichting)
    problems = _argument_problems(*args)
    if problems:
        raise ContentError(problems)
    register = _existing_register(folder)
    found = _same_title(register, reeks, jaar, titel)
    if found is not None:
        return _rerun(found, supersedes, opvolging, toelichting, register)
    problems = _predecessor_problems(register, supersedes, jaar)
    if problems:
        raise ContentError(problems)
    texts = _compose(register, *args)
    path, *updated = texts
    check_in_copy(folder, texts, lambda copy: _check_result(copy, path.stem, titel))
    write_together(texts)
    return NewRecord(path, created=True, updated=tuple(updated))


def create_record(
    folder: Path,
    reeks: str,
    titel: str,
    jaar: int,
    regio: str | None = None,
    supersedes: list[str] | tuple[str, ...] = (),
    opvolging: str = "volledig",
    toelichting: str | None = None,
) -> Path:
    """``new_record``, returning the path of the (new or existing) record."""
    return new_record(folder, reeks, titel, jaar, regio, supersedes, opvolging, toelichting).path
