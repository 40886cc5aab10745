"""Where the content lives in the project, and how a path is shown in a message."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

# The bench (and anyone testing a copy) points the build at another decisions folder.
DECISIONS_ENV = "BESLUITEN_MAP"


def find_root(start: Path | None = None) -> Path:
    """The project folder: the nearest folder with mkdocs.yml above ``start`` (the working
    directory by default), else above this package (an editable install)."""
    for base in (Path(start or Path.cwd()).resolve(), Path(__file__).resolve().parent):
        for folder in (base, *base.parents):
            if (folder / "mkdocs.yml").is_file():
                return folder
    return Path.cwd().resolve()


@dataclass(frozen=True)
class Paths:
    root: Path
    docs: Path
    decisions: Path
    #: the agenda's folder, inside docs/ (the site's option ``beleidsagenda``)
    agenda_folder: str = "beleidsagenda"
    #: the regiovisie's goals, inside docs/ (the site's option ``doelen``); a site without
    #: a regiovisie has no such file
    goals_file: str = "regiovisie/doelen.yaml"

    @classmethod
    def of(
        cls,
        root: Path | None = None,
        docs: Path | None = None,
        decisions: str = "decisions",
        agenda: str = "beleidsagenda",
        goals: str = "regiovisie/doelen.yaml",
    ) -> Paths:
        root = Path(root) if root is not None else find_root()
        folder = os.environ.get(DECISIONS_ENV) or root / decisions
        return cls(root, Path(docs or root / "docs"), Path(folder), agenda, goals)

    @property
    def agenda(self) -> Path:
        return self.docs / self.agenda_folder

    @property
    def goals(self) -> Path:
        return self.docs / self.goals_file

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"


@functools.cache
def _root_for(cwd: str) -> Path:
    return find_root(Path(cwd))


def shown(path: Path) -> str:
    """A path as an editor sees it in a message: relative to the project when inside it."""
    try:
        return Path(path).resolve().relative_to(_root_for(os.getcwd())).as_posix()
    except ValueError:
        return Path(path).as_posix()


def decisions_folder() -> Path:
    """The folder with the decision records the build reads (``BESLUITEN_MAP`` or
    ``decisions/``)."""
    return Paths.of().decisions
