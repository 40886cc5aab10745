"""What the benchmarks share: the site, built if need be, on a local server."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.siteserver import SiteServer, build_site


def build_or_exit(site: Path, url: str, *, strict: bool = False) -> None:
    """Build the site for ``url``; a failed build ends the benchmark with MkDocs's output."""
    built = build_site(site, url, strict=strict)
    if built.returncode != 0:
        sys.exit(built.stdout + built.stderr)


@contextlib.contextmanager
def served_site(
    site: Path | None = None, server: Callable[[Path], SiteServer] = SiteServer
) -> Iterator[tuple[Path, SiteServer]]:
    """``site`` on a local server at a free port, or without one a site built in a temporary
    folder for the address it is served at (instant navigation reads sitemap.xml)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = site or Path(tmp) / "site"
        folder.mkdir(exist_ok=True)
        with server(folder) as running:
            if site is None:
                build_or_exit(folder, running.url)
            yield folder, running
