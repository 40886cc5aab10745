"""What changed in decisions and agenda, read from git history at build time.

One entry per file per commit, newest first, each with a one-line Dutch summary. A build
without git history (a tarball) or with a cut-off history (a shallow clone) still builds;
``History.note`` says what is missing.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from ._yaml import YAMLError, YamlMapping, load_yaml, split_front_matter

NO_HISTORY = (
    "Deze versie van de site is gebouwd zonder git-geschiedenis, dus de wijzigingen zijn "
    "hier niet te zien."
)


# How a changed front-matter field is named in a summary; other fields by their own name.
FIELD_NAMES = {
    "opvolging_toelichting": "toelichting bij de opvolging",
    "parameters": "vaste waarden voor de rekenhulpen",
    "rekenhulpen": "koppeling met rekenhulpen",
    "ambities": "koppeling met ambities",
}


@dataclass(frozen=True)
class Change:
    commit: str
    day: date
    path: str
    # "besluit" or "agenda"
    kind: str
    # decision id or agenda year
    subject: str
    summary: str


@dataclass
class History:
    changes: list[Change] = field(default_factory=list)
    # Dutch sentence when history is missing or cut off; empty when complete.
    note: str = ""


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _content(root: Path, commit: str, path: str) -> str | None:
    return _git(root, "show", f"{commit}:{path}")


def _yaml(text: str | None) -> YamlMapping:
    # An old version that no longer parses is summarised as an edit, not an error: the
    # history is what it is.
    try:
        loaded = load_yaml(text or "")
    except YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _front_matter(text: str | None) -> YamlMapping:
    return _yaml(split_front_matter(text or "")[0])


def _decision_summary(status: str, before: YamlMapping, after: YamlMapping, subject: str) -> str:
    title = after.get("titel") or before.get("titel") or ""
    if status == "A":
        return f"Nieuw besluit {subject}: {title}"
    if status == "D":
        return f"Besluit {subject} verwijderd: {title}"
    if before.get("status") != after.get("status"):
        return f"Status van {subject} van {before.get('status')} naar {after.get('status')}"
    changed = sorted(
        key for key in before.keys() | after.keys() if before.get(key) != after.get(key)
    )
    if changed:
        return f"{subject} bijgewerkt: {', '.join(FIELD_NAMES.get(k, k) for k in changed)}"
    return f"Tekst van {subject} bijgewerkt"


def _activities(data: YamlMapping) -> dict[str, YamlMapping]:
    return {
        str(item.get("id")): item
        for item in data.get("activiteiten") or []
        if isinstance(item, dict)
    }


def _agenda_summary(status: str, before: YamlMapping, after: YamlMapping, subject: str) -> str:
    if status == "A":
        return f"Beleidsagenda {subject} toegevoegd, met {len(_activities(after))} activiteiten"
    if status == "D":
        return f"Beleidsagenda {subject} verwijderd"
    old, new = _activities(before), _activities(after)
    parts = [f"activiteit {key} nieuw" for key in new.keys() - old.keys()]
    parts += [f"activiteit {key} geschrapt" for key in old.keys() - new.keys()]
    for key in new.keys() & old.keys():
        if old[key].get("status") != new[key].get("status"):
            parts.append(f"status {key} van {old[key].get('status')} naar {new[key].get('status')}")
        elif old[key] != new[key]:
            parts.append(f"activiteit {key} bijgewerkt")
    detail = "; ".join(sorted(parts)) or "toelichting bijgewerkt"
    return f"Beleidsagenda {subject}: {detail}"


def _change(
    top: Path, folders: Folders, commit: str, day: date, status: str, path: str
) -> Change | None:
    name = PurePosixPath(path)
    if name.name.startswith("_"):
        return None
    before = _content(top, f"{commit}^", path) if status != "A" else None
    after = _content(top, commit, path) if status != "D" else None
    if path.startswith(folders.decisions + "/") and name.suffix == ".md":
        summary = _decision_summary(status, _front_matter(before), _front_matter(after), name.stem)
        return Change(commit, day, path, "besluit", name.stem, summary)
    if folders.agenda and path.startswith(folders.agenda + "/") and name.suffix == ".yaml":
        summary = _agenda_summary(status, _yaml(before), _yaml(after), name.stem)
        return Change(commit, day, path, "agenda", name.stem, summary)
    return None


@dataclass(frozen=True)
class Folders:
    """The decisions and agenda folders, relative to the top of their git repository."""

    decisions: str
    agenda: str | None


def _folders(decisions: Path, agenda: Path | None) -> tuple[Path, Folders] | None:
    toplevel = (_git(decisions, "rev-parse", "--show-toplevel") or "").strip()
    if not toplevel:
        return None
    top = Path(toplevel).resolve()

    def inside(folder: Path | None) -> str | None:
        try:
            return Path(folder).resolve().relative_to(top).as_posix() if folder else None
        except ValueError:
            return None

    found = inside(decisions)
    return (top, Folders(found, inside(agenda))) if found else None


def read_history(decisions: Path, agenda: Path | None = None) -> History:
    """Every change to the decision records (``decisions``) and the agenda years
    (``agenda``), newest first, from the git repository that holds them."""
    located = _folders(Path(decisions), agenda)
    if located is None:
        return History(note=NO_HISTORY)
    top, folders = located
    paths = [folder for folder in (folders.decisions, folders.agenda) if folder]
    log = _git(top, "log", "--format=@%H %cs", "--name-status", "--no-renames", "--", *paths)
    if log is None:
        return History(note=NO_HISTORY)
    history = History()
    if (_git(top, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        history.note = (
            "Deze versie van de site is gebouwd met een ingekorte git-geschiedenis; "
            "oudere wijzigingen ontbreken."
        )
    commit, day = "", date.min
    for line in log.splitlines():
        if line.startswith("@"):
            commit, iso = line[1:].split()
            day = date.fromisoformat(iso)
        elif line.strip():
            status, path = line.split("\t", 1)
            change = _change(top, folders, commit, day, status[0], path)
            if change:
                history.changes.append(change)
    return history
