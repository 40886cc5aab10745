"""The date each record file last changed, from git."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ._dates import format_date
from ._decisions import Register


def git_dates(folder: Path) -> dict[str, str]:
    """Last commit date per record file; empty when git or its history is unavailable.

    One ``git log`` over the folder instead of one call per file keeps large registers fast.
    Its result equals ``git log -1 --format=%cs -- <file>`` for every file.
    """
    try:
        completed = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if completed.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    current = None
    for line in completed.stdout.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line.strip() and current:
            dates.setdefault(Path(line.strip()).name, current)
    return dates


def add_git_dates(register: Register) -> Register:
    """Fill ``changed`` of every record (Dutch date, or None without git history)."""
    dates = git_dates(register.folder)
    for decision in register.decisions.values():
        changed = dates.get(decision.path.name)
        decision.changed = format_date(changed) if changed else None
    return register
