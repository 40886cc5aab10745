"""Writing the files of one editor command as one change: all of them, or none.

A command changes files that must agree: a new decision and the records it replaces, or an
agenda year, its page and the menu. A crash, a full disk or Ctrl-C halfway must not leave a
link on one side only or an empty record. So every file is first written in full to a
temporary file next to it; only then do the temporary files replace the targets, one by one
(``os.replace`` is atomic per file), and on any exception the files already replaced are put
back from a hard link to (or a copy of) the original, made before the first replacement.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ._errors import ContentError
from ._paths import shown

_NO_ACCESS = "er is geen toestemming voor (rechten of een alleen-lezen map)"
_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    getattr(errno, "EDQUOT", errno.ENOSPC): "de schijf is vol (quotum op)",
    errno.EACCES: _NO_ACCESS,
    errno.EPERM: _NO_ACCESS,
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "er staat een map met die naam",
}


def os_problem(exc: OSError, path: Path | str | None, doing: str = "niet geschreven") -> str:
    """One Dutch line for a refusal by the system, naming the file (no English strerror)."""
    reason = _REASONS.get(exc.errno) or (
        f"systeemfout {errno.errorcode.get(exc.errno, exc.errno)}" if exc.errno else "systeemfout"
    )
    where = shown(Path(path)) if path is not None else "een bestand"
    return f"{where}: {doing}, want {reason}."


@dataclass
class _Step:
    target: Path
    temp: Path | None = None
    # The original content under another name, so the undo is a rename that needs no space.
    backup: Path | None = None
    replaced: bool = False


def _sibling(path: Path, kind: str) -> Path:
    # Hidden and not ending in .md or .yaml: no loader ever reads it as content.
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.{kind}")


def _stage(step: _Step, data: bytes) -> None:
    """The new content in full in a temporary file beside the target, synced to disk."""
    target = step.target
    mode = None
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
        step.backup = _sibling(target, "orig")
        try:
            os.link(target, step.backup)
        except OSError:  # no hard links on this file system
            shutil.copy2(target, step.backup)
    step.temp = _sibling(target, "tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(step.temp, flags, 0o666), "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if mode is not None:
        os.chmod(step.temp, mode)


def _undo(steps: list[_Step]) -> list[str]:
    """Put back every replaced file, last first; lines about what could not be put back."""
    problems = []
    for step in reversed(steps):
        if not step.replaced:
            continue
        try:
            if step.backup is not None:
                os.replace(step.backup, step.target)
                step.backup = None
            else:
                step.target.unlink()
        except OSError:
            if step.backup is not None:
                problems.append(
                    f"{shown(step.target)}: kon niet worden teruggezet; de oude inhoud staat in "
                    f"{shown(step.backup)}."
                )
                step.backup = None  # keep it: it is the only copy
            else:
                problems.append(f"{shown(step.target)}: is nieuw en kon niet worden verwijderd.")
    return problems


def _tidy(steps: list[_Step]) -> None:
    for step in steps:
        for leftover in (step.temp, step.backup):
            if leftover is not None:
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass


def _sync_folders(folders: Iterable[Path]) -> None:
    """Make the renames durable (POSIX); a failure here loses nothing already written."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    for folder in folders:
        try:
            handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            os.fsync(handle)
        except OSError:
            pass
        finally:
            os.close(handle)


def write_together(files: Mapping[Path, str]) -> None:
    """Write every file (UTF-8, the text as given) or none of them.

    A refusal by the system becomes a ContentError naming the file. Any other exception
    (KeyboardInterrupt included) is raised again once the files are as they were."""
    steps = [_Step(Path(path)) for path in files]
    current = None
    try:
        for step, text in zip(steps, files.values(), strict=True):
            current = step.target
            _stage(step, text.encode("utf-8"))
        for step in steps:
            current = step.target
            # Every step was staged above, so each has its temporary file.
            os.replace(cast(Path, step.temp), step.target)
            step.replaced = True
    except BaseException as exc:
        kept = _undo(steps)
        if kept:
            title = "Niet gelukt, en niet alles kon worden teruggezet"
            raise ContentError(kept, title=title) from exc
        if isinstance(exc, OSError):
            raise ContentError([os_problem(exc, current)]) from exc
        raise
    finally:
        _tidy(steps)
    _sync_folders({step.target.parent for step in steps})


def check_in_copy(folder: Path, files: Mapping[Path, str], check: Callable[[Path], None]) -> None:
    """Run ``check`` on a temporary copy of ``folder`` with ``files`` written in, so the result
    of a command is checked before the real folder is touched. Messages about the copy name
    the real folder."""
    folder = Path(folder)
    with tempfile.TemporaryDirectory(prefix="controle-") as scratch:
        copy = Path(scratch) / (folder.name or "map")
        copy.mkdir()
        for path in folder.iterdir():
            if path.is_file():
                shutil.copyfile(path, copy / path.name)
        for path, text in files.items():
            (copy / Path(path).name).write_bytes(text.encode("utf-8"))
        try:
            check(copy)
        except ContentError as exc:
            real = shown(folder)
            messages = [
                m.replace(shown(copy), real).replace(copy.as_posix(), real) for m in exc.messages
            ]
            raise ContentError(messages, title=exc.title) from None
