"""A local static server for the built site with the MIME types Pyodide needs."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Project:
    """A site built with the plugin 'regio': this one, or the example of a second region."""

    name: str
    root: Path
    #: the sections every build of it must have
    sections: tuple[str, ...]
    #: a page without a calculator, in the menu, and its heading
    reading_page: str
    reading_title: str
    #: the calculators it offers, each on rekenhulpen/<name>/
    calculators: tuple[str, ...]


MAIN = Project(
    "hoofdsite",
    ROOT,
    ("regiovisie/", "besluiten/", "beleidsagenda/", "rekenhulpen/", "gemeenten/"),
    "regiovisie/",
    "Regiovisie",
    ("verdeelsleutel", "spreiding", "solidariteit", "ingroeipad"),
)
EXAMPLE = Project(
    "maastricht-heuvelland",
    ROOT / "voorbeelden" / "maastricht-heuvelland",
    ("besluiten/", "rekenhulpen/", "koers/"),
    "koers/",
    "De koers",
    ("verdeelsleutel", "ingroeipad"),
)
#: Every site the same browser and quality tests check.
PROJECTS = {project.name: project for project in (MAIN, EXAMPLE)}


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    # application/wasm enables streaming compilation; module workers need a JavaScript type.
    # Set here so the result does not depend on the machine's mime.types.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser aborts requests it no longer needs (a page left, a download cancelled);
    that is no error of the site, so no traceback for it."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class SiteServer:
    """Serves a folder on 127.0.0.1 at a free port, in a background thread."""

    def __init__(self, directory: Path, port: int = 0):
        handler = functools.partial(SiteRequestHandler, directory=str(directory))
        self.httpd = QuietServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(
    site_dir: Path, site_url: str, *, strict: bool = True, project: Project = MAIN
) -> subprocess.CompletedProcess:
    """Build the site (of ``project``) for the URL it will be served at.

    Instant navigation only works for links whose URL is in sitemap.xml, which is written
    from site_url, so a site served on another port would quietly fall back to full loads.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project.root, capture_output=True, text=True, env=env, check=False
    )
