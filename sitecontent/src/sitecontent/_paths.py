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

    @classmethod
    def of(cls, root: Path | None = None, docs: Path | None = None) -> Paths:
        root = Path(root) if root is not None else find_root()
        decisions = os.environ.get(DECISIONS_ENV) or root / "decisions"
        return cls(root=root, docs=Path(docs or root / "docs"), decisions=Path(decisions))

    @property
    def agenda(self) -> Path:
        return self.docs / "beleidsagenda"

    @property
    def goals(self) -> Path:
        return self.docs / "regiovisie" / "doelen.yaml"

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
