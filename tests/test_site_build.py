"""Checks on the built site: self-hosted Pyodide with the calculators wheel in its lock, a
Content-Security-Policy that matches each page's inline scripts, and no third-party assets."""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CALCULATORS = ROOT / "engine" / "calculators" / "src" / "calculators"


class PageScan(HTMLParser):
    """Collects inline scripts, external resource URLs and the CSP meta, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inline_scripts: list[str] = []
        self.resources: list[str] = []
        self.csp: str | None = None
        self.first_head_child: str | None = None
        self._in_head = False
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif self._in_head and self.first_head_child is None:
            self.first_head_child = tag if tag != "meta" else f"meta:{attributes.get('http-equiv')}"
        if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            self.csp = attributes["content"]
        if tag == "script":
            if attributes.get("src"):
                self.resources.append(attributes["src"])
            elif "json" not in (attributes.get("type") or ""):
                self._script = {"body": ""}
        if tag in ("img", "iframe", "audio", "video", "source") and attributes.get("src"):
            self.resources.append(attributes["src"])
        if tag == "link" and attributes.get("rel") in (
            "stylesheet",
            "preload",
            "icon",
            "modulepreload",
        ):
            self.resources.append(attributes.get("href") or "")

    def handle_data(self, data):
        if self._script is not None:
            self._script["body"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline_scripts.append(self._script["body"])
            self._script = None


def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    # Every page, the 404 page included; not the bench or Pyodide folders (they have none).
    return sorted(site.rglob("*.html"))


def stdlib_modules_named_in(package: Path) -> set[str]:
    """Every absolute import in the package's source, as a dotted name."""
    named: set[str] = set()
    for source in package.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                named.add(node.module)
            elif isinstance(node, ast.Import):
                named |= {alias.name for alias in node.names}
    return {name for name in named if not name.startswith(("calculators", "__future__"))}


@pytest.mark.build
def test_the_site_publishes_a_trimmed_stdlib_with_all_the_calculators_name(built_site):
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip")
    trimmed = zipfile.ZipFile(built_site / "pyodide" / "python_stdlib.zip")
    published = set(trimmed.namelist())
    for name in sorted(stdlib_modules_named_in(CALCULATORS)):
        path = name.replace(".", "/")
        # Modules built into Pyodide's interpreter (math, unicodedata, ...) have no file.
        files = {f"{path}.py", f"{path}/__init__.py"} & set(full.namelist())
        assert files <= published, name
    for name in published:  # the same files, not other ones
        assert trimmed.read(name) == full.read(name), name
    assert "unittest/__init__.py" not in published
    assert "email/utils.py" not in published  # the audit probe imports it
    size = (built_site / "pyodide" / "python_stdlib.zip").stat().st_size
    assert size < (ROOT / "node_modules" / "pyodide" / "python_stdlib.zip").stat().st_size / 2


@pytest.mark.build
def test_pyodide_and_calculators_wheel_are_self_hosted(any_built):
    pyodide = any_built / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (pyodide / name).stat().st_size > 0, name
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    entry = lock["packages"]["calculators"]
    wheel = pyodide / entry["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert "calculators" in entry["imports"]
    assert entry["depends"] == []
    # The lock is Pyodide's own plus exactly one package.
    upstream = json.loads(
        (
            Path(__file__).resolve().parent.parent / "node_modules/pyodide/pyodide-lock.json"
        ).read_text()
    )
    assert set(lock["packages"]) - set(upstream["packages"]) == {"calculators"}


@pytest.mark.build
def test_every_page_has_a_csp_meta_first_with_hashes_of_its_inline_scripts(any_built):
    pages = html_pages(any_built)
    assert len(pages) >= 6
    for page in pages:
        found = scan(page)
        assert found.csp, page
        assert found.first_head_child == "meta:Content-Security-Policy", page
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in found.csp.split(";") if part.strip()
        )
        assert directives["default-src"] == ["'self'"]
        assert "'unsafe-inline'" not in found.csp and "'unsafe-eval'" not in found.csp
        expected = {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in found.inline_scripts
        }
        assert expected, page  # mkdocs-material always has inline scripts
        assert expected == {v for v in directives["script-src"] if v.startswith("'sha256-")}, page


@pytest.mark.build
def test_no_page_loads_anything_from_another_host(any_built):
    for page in html_pages(any_built):
        for url in scan(page).resources:
            assert not re.match(r"^(https?:)?//", url), f"{page}: {url}"
    for css in any_built.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text()), css
        assert "fonts.googleapis" not in css.read_text()


@pytest.mark.build
def test_only_calculator_pages_mention_the_worker(any_built):
    calculator_page = (any_built / "rekenhulpen/verdeelsleutel/index.html").read_text()
    assert 'data-rekenhulp="verdeelsleutel"' in calculator_page
    home = (any_built / "index.html").read_text()
    assert "data-rekenhulp" not in home and "pyodide" not in home


@pytest.mark.build
def test_snapshot_manifest_matches_the_shipped_snapshot(any_built):
    pyodide = any_built / "pyodide"
    manifest = json.loads((pyodide / "snapshot.json").read_text())
    snapshot = (pyodide / manifest["file"]).read_bytes()
    assert len(snapshot) == manifest["bytes"]
    assert hashlib.sha256(snapshot).hexdigest() == manifest["sha256"]
    # gzip: the worker decompresses it; an uncompressed memory image would be ~30 MB.
    assert snapshot[:2] == b"\x1f\x8b" and len(snapshot) < 15_000_000


def test_the_cbs_data_package_is_published_as_it_is_in_the_calculators(built_site):
    package = CALCULATORS / "catalogue" / "cbs"
    published = built_site / "data" / "cbs-inwoners"
    for name in ("inwoners.csv", "datapackage.json"):
        assert (published / name).read_bytes() == (package / name).read_bytes()
    page = (built_site / "over" / "open-data" / "index.html").read_text(encoding="utf-8")
    assert "../../data/cbs-inwoners/inwoners.csv" in page
    assert "Bron: CBS, StatLine 70072ned, 1 januari 2022" in page


def test_no_page_carries_a_style_attribute(any_built):
    # The CSP allows styles from the site's own files only ("style-src 'self'"), so a style
    # attribute (Markdown writes one for a ---: column) would be blocked in the browser.
    found = [
        str(path.relative_to(any_built))
        for path in html_pages(any_built)
        if re.search(r"<[a-z][^>]*\sstyle=", path.read_text(encoding="utf-8"))
    ]
    assert not found, found
