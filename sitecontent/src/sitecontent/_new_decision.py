"""A new decision record from ``decisions/_template.md``, optionally replacing older records
on both sides at once (like adr-tools' ``adr new -s``)."""

from __future__ import annotations

from pathlib import Path

import yaml

from ._decisions import NAME_PATTERN, SUCCESSION, load_register
from ._errors import ContentError
from ._ids import DECISION_ID
from ._yaml import FRONT_MATTER, TOP_KEY, load_yaml, split_front_matter

DEFAULT_REGION = "Noord- en Midden-Limburg"


def next_id(folder: Path, reeks: str, jaar: int) -> tuple[str, int]:
    """The next free id in a series and year, and its number."""
    numbers = [
        int(found.group("nummer"))
        for path in Path(folder).glob(f"{reeks}-{jaar}-*.md")
        if (found := DECISION_ID.match(path.stem))
    ]
    number = max(numbers, default=0) + 1
    return f"{reeks}-{jaar}-{number:02d}", number


def _fields_block(fields: dict) -> str:
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=96)


def set_fields(text: str, fields: dict) -> str:
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


def _template_text(folder: Path, decision_id: str, number: int, titel: str, jaar: int, regio: str):
    template = (folder / "_template.md").read_text(encoding="utf-8")
    # The template's instruction comments are for copying by hand; drop them here.
    lines = template.splitlines(keepends=True)
    first_field = next(i for i, line in enumerate(lines[1:], 1) if not line.startswith("#"))
    text = lines[0] + "".join(lines[first_field:])
    return (
        text.replace("__ID__", decision_id)
        .replace("__NUMMER__", str(number))
        .replace("__TITEL__", titel.strip())
        .replace("__DATUM__", str(jaar))
        .replace("__REGIO__", regio)
    )


def _check_arguments(folder, reeks, titel, jaar, supersedes, opvolging, toelichting) -> list[str]:
    problems = []
    if not NAME_PATTERN.match(reeks) or len(reeks) != 2:
        problems.append(f"--reeks moet twee kleine letters zijn, zoals bp of up (niet {reeks!r}).")
    if not titel.strip() or '"' in titel:
        problems.append("--titel mag niet leeg zijn en geen dubbele aanhalingstekens bevatten.")
    if opvolging not in SUCCESSION:
        problems.append(f"--opvolging moet volledig of gedeeltelijk zijn (niet {opvolging!r}).")
    if supersedes and opvolging == "gedeeltelijk" and not (toelichting or "").strip():
        problems.append(
            "--toelichting ontbreekt: zeg bij gedeeltelijke opvolging in één zin wat wel en wat "
            "niet overgaat."
        )
    for old in supersedes:
        path = Path(folder) / f"{old}.md"
        if not path.exists():
            problems.append(f"--vervangt {old}: er is geen besluit {path.name} in {folder}.")
            continue
        meta = load_yaml(split_front_matter(path.read_text(encoding="utf-8"))[0] or "") or {}
        if str(meta.get("datum", ""))[:4] > str(jaar):
            problems.append(
                f"--vervangt {old}: dat besluit is van {str(meta['datum'])[:4]}; een opvolger "
                f"kan niet ouder zijn (--jaar {jaar})."
            )
    return problems


def _mark_superseded(path: Path, new_id: str, opvolging: str, toelichting: str | None) -> None:
    """The old side of a supersession: status, successor, and how much was taken over."""
    text = path.read_text(encoding="utf-8")
    meta = load_yaml(split_front_matter(text)[0]) or {}
    successors = [*(meta.get("opvolgers") or []), new_id]
    fields: dict = {"status": "vervangen", "opvolgers": successors, "opvolging": opvolging}
    if opvolging == "gedeeltelijk":
        fields["opvolging_toelichting"] = " ".join(toelichting.split())
    path.write_text(set_fields(text, fields), encoding="utf-8")


def create_record(
    folder: Path,
    reeks: str,
    titel: str,
    jaar: int,
    regio: str = DEFAULT_REGION,
    supersedes: list[str] | tuple[str, ...] = (),
    opvolging: str = "volledig",
    toelichting: str | None = None,
) -> Path:
    """Write the next record of a series; with ``supersedes`` also mark those records as
    replaced by it. Checked with the build's validator; nothing stays behind on an error."""
    folder = Path(folder)
    supersedes = list(dict.fromkeys(supersedes))
    problems = _check_arguments(folder, reeks, titel, jaar, supersedes, opvolging, toelichting)
    if problems:
        raise ContentError(problems)
    decision_id, number = next_id(folder, reeks, jaar)
    text = _template_text(folder, decision_id, number, titel, jaar, regio)
    if supersedes:
        text = set_fields(text, {"voorgangers": supersedes})
    target = folder / f"{decision_id}.md"
    originals = {old: (folder / f"{old}.md").read_bytes() for old in supersedes}
    target.write_text(text, encoding="utf-8")
    try:
        for old in supersedes:
            _mark_superseded(folder / f"{old}.md", decision_id, opvolging, toelichting)
        # The fresh record still holds "nog in te vullen"; the build refuses that, the
        # command must not.
        load_register(folder, allow_placeholders=True)
    except ContentError:
        target.unlink()
        for old, content in originals.items():
            (folder / f"{old}.md").write_bytes(content)
        raise
    return target
