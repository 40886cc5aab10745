"""A self-hosted Pyodide with the calculators wheel, published into the site.

The pinned npm package ``pyodide`` provides the runtime. The ``calculators`` package is
built as a wheel and registered in a copy of ``pyodide-lock.json`` with
``pyodide lockfile add-wheels``, so the browser loads it by name and checks its sha256.
The result is cached per content hash of the sources, so ``mkdocs serve`` rebuilds the
wheel only when a calculator file changed.
"""

from __future__ import annotations

import base64
import fcntl
import gzip
import hashlib
import json
import logging
import mimetypes
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

import calculators
from calculators.core.calculator import calculator_names

log = logging.getLogger("mkdocs.plugins.regio.pyodide_dist")

# The engine runs from this repository (uv workspace members in engine/, installed
# editable): the pinned npm packages and the build cache are at its root.
ROOT = Path(__file__).resolve().parents[4]
# The calculators' project (engine/calculators), which builds the wheel the browser loads.
CALCULATORS = Path(calculators.__file__).resolve().parents[2]
# The build steps that run Pyodide under Node.js.
NODE_SCRIPTS = Path(__file__).resolve().parent / "pyodide_build"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
CACHE = ROOT / ".cache" / "pyodide-dist"
SITE_SUBDIR = "pyodide"
# Only what a module worker needs; the classic pyodide.js, source maps, typings and the
# demo consoles stay out of the site.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# The site's own python_stdlib.zip holds only the files the calculators need (see
# _trim_stdlib); Pyodide fetches it under the name of the full one.
STDLIB_ZIP = "python_stdlib.zip"
# Anything that changes the cached dist: the package and the two build steps.
WHEEL_SOURCES = (
    CALCULATORS.relative_to(ROOT).as_posix(),
    "engine/plugin/src/regio_engine/pyodide_build",
    "engine/plugin/src/regio_engine/pyodide_dist.py",
)
SNAPSHOT = "snapshot.bin.gz"
# The region file inside the wheel, as calculators.catalogue.site.PACKAGED names it.
PACKAGED_REGION = "_regio.json"
# The map outlines inside the wheel, as calculators.render.maps reads them.
OUTLINES = "geo/gemeenten.json"
# Cached dists kept: one per site built on this machine, and a few older.
KEPT_DISTS = 4
SNAPSHOT_MANIFEST = "snapshot.json"
# Pages that hold a calculator; rekenhulp-loader.js boots Pyodide when a visitor shows
# intent to open one of them (pointer resting on, or focus reaching, a link).
CALCULATOR_MARK = 'data-rekenhulp="'
INTENT_META = "rekenhulp-paginas"


@dataclass(frozen=True)
class SiteWheel:
    """What makes a site's calculators wheel its own."""

    #: the site's region file as JSON, read by the calculators on import
    region: str = "{}"
    #: the calculators the site offers; the others are left out
    offered: tuple[str, ...] = ()
    #: the map outlines of the site's municipalities (calculators.render.maps.outlines_file)
    outlines: str = ""

    def files(self) -> dict[str, bytes]:
        """The wheel's files that this site's versions replace or add."""
        return {
            f"calculators/catalogue/{PACKAGED_REGION}": self.region.encode(),
            f"calculators/catalogue/{OUTLINES}": self.outlines.encode(),
        }


def _source_digest(site: SiteWheel) -> str:
    digest = hashlib.sha256(" ".join(site.offered).encode())
    for name, data in site.files().items():
        digest.update(name.encode() + data)
    for entry in WHEEL_SOURCES:
        path = ROOT / entry
        # Every file of the package, not only *.py: the wheel also ships its data (the CBS
        # data package in calculators/catalogue/cbs/), and a new year must rebuild it.
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for file in files:
            # Bytecode and hidden files (editor swap files, half-written temporaries) are not
            # part of the package.
            if "__pycache__" in file.parts or file.name.startswith("."):
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    digest.update((PYODIDE_NPM / "pyodide-lock.json").read_bytes())
    return digest.hexdigest()[:16]


def _bin(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def _run(command: list[str], cwd: Path) -> str:
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if completed.returncode != 0:
        # Node prints the offending source line first, and Pyodide's is its whole minified
        # runtime: the Python traceback is at the end.
        raise PluginError(
            f"Command failed ({' '.join(command)}):\n{completed.stdout[-4000:]}\n"
            f"{completed.stderr[-4000:]}"
        )
    return completed.stdout


def build_dist(site: SiteWheel) -> Path:
    """Return a folder with the site's calculators wheel and the extended pyodide-lock.json."""
    if not (PYODIDE_NPM / "pyodide.mjs").exists():
        raise PluginError(
            "Pyodide ontbreekt in node_modules/pyodide: voer eerst 'make setup' uit (npm ci)."
        )
    target = CACHE / _source_digest(site)
    if (target / "pyodide-lock.json").exists():
        os.utime(target)  # recently used: kept when the cache is trimmed
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    # Two builds at once (tests in parallel, serve beside a build) share the cache: the
    # second waits for the first and then finds its result.
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / "pyodide-lock.json").exists():
            _build_into(target, site)
    return target


def _build_into(target: Path, site: SiteWheel) -> None:
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    # hatchling is in the environment that runs this build, so no isolated build env (and no
    # network) is needed; naming that interpreter also serves a copy of the project without
    # its own .venv (the payload site of tests/hostile).
    command = [_bin("uv"), "build", "--wheel", "--no-build-isolation", "--python", sys.executable]
    _run([*command, "--out-dir", str(staging)], cwd=CALCULATORS)
    wheels = sorted(staging.glob("calculators-*.whl"))
    if len(wheels) != 1:
        raise PluginError(f"Expected one calculators wheel, found {wheels}")
    _pack_site(wheels[0], site)
    _run(
        [
            _bin("pyodide"),
            "lockfile",
            "add-wheels",
            "--input",
            str(PYODIDE_NPM / "pyodide-lock.json"),
            "--output",
            str(staging / "pyodide-lock.json"),
            "--base-path",
            str(staging),
            str(wheels[0]),
        ],
        cwd=staging,
    )
    _trim_stdlib(staging)
    _make_snapshot(staging, wheels[0])
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    # Keep the cache small, with room for a few sites (each region has its own wheel).
    built = sorted((d for d in CACHE.iterdir() if d.is_dir()), key=lambda d: d.stat().st_mtime)
    for old in built[:-KEPT_DISTS]:
        if old != target:
            shutil.rmtree(old, ignore_errors=True)


def _pack_site(wheel: Path, site: SiteWheel) -> None:
    """Make the wheel the site's: its region file (read by the calculators on import) and its
    map outlines go in, and the calculators it does not offer go out (the browser's
    ``calculator_names()`` lists the packages present). RECORD follows."""
    own = site.files()
    left_out = tuple(f"calculators/{c}/" for c in calculator_names() if c not in site.offered)

    def dropped(name: str) -> bool:
        return name.startswith(left_out) or name in own

    rebuilt = wheel.with_suffix(".tmp")
    with zipfile.ZipFile(wheel) as old, zipfile.ZipFile(rebuilt, "w") as new:
        for entry in old.infolist():
            if dropped(entry.filename):
                continue
            content = old.read(entry)
            if entry.filename.endswith(".dist-info/RECORD"):
                kept = [r for r in content.decode().splitlines() if not dropped(r.split(",")[0])]
                kept += [f"{name},{_record_hash(data)},{len(data)}" for name, data in own.items()]
                content = "".join(f"{r}\n" for r in kept).encode()
                for name, data in own.items():
                    new.writestr(zipfile.ZipInfo(name, entry.date_time), data, zipfile.ZIP_DEFLATED)
            new.writestr(entry, content, entry.compress_type)
    rebuilt.replace(wheel)


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _node() -> str:
    node = shutil.which("node")
    if not node:
        raise PluginError("Node.js ontbreekt: installeer Node.js 20 of nieuwer (met npm).")
    return node


def _trim_stdlib(folder: Path) -> None:
    """Write a python_stdlib.zip with only the files the worker's Python imports.

    The full zip is 2.5 MB and the largest download after the wasm; about a third of it is
    used. trace_stdlib.mjs lists the files, in a Pyodide that boots as the worker does."""
    script = NODE_SCRIPTS / "trace_stdlib.mjs"
    listing = _run([_node(), str(script), str(PYODIDE_NPM), str(folder)], cwd=folder)
    needed = set(json.loads(listing.strip().splitlines()[-1]))
    with (
        zipfile.ZipFile(PYODIDE_NPM / STDLIB_ZIP) as full,
        zipfile.ZipFile(folder / STDLIB_ZIP, "w") as trimmed,
    ):
        missing = needed - set(full.namelist())
        if missing:
            raise PluginError(f"Not in Pyodide's python_stdlib.zip: {sorted(missing)}")
        for name in sorted(needed):
            # A fixed date keeps the zip (and so the snapshot and its hash) reproducible.
            entry = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            trimmed.writestr(entry, full.read(name), zipfile.ZIP_DEFLATED, compresslevel=9)


def _make_snapshot(folder: Path, wheel: Path) -> None:
    """Pyodide memory snapshot with the calculators imported, plus a manifest with its hash."""
    raw = folder / "snapshot.bin"
    script = NODE_SCRIPTS / "make_snapshot.mjs"
    # Made with the trimmed zip: zipimport's index of it lives on in the memory image.
    stdlib = folder / STDLIB_ZIP
    _run([_node(), str(script), str(PYODIDE_NPM), str(wheel), str(stdlib), str(raw)], cwd=folder)
    # Compressed here, not by the web server: GitHub Pages sends .bin files as they are, and
    # the 31 MB memory image shrinks to about 6 MB. The worker decompresses it.
    snapshot = folder / SNAPSHOT
    snapshot.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=9, mtime=0))
    raw.unlink()
    manifest = {
        "file": SNAPSHOT,
        "bytes": snapshot.stat().st_size,
        "sha256": hashlib.sha256(snapshot.read_bytes()).hexdigest(),
    }
    (folder / SNAPSHOT_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")


def _place(source: Path, destination: Path) -> None:
    """Hard-link when possible: ``mkdocs serve`` rebuilds often and the wasm is 9 MB."""
    destination.unlink(missing_ok=True)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def publish(site_dir: Path, site: SiteWheel) -> None:
    """The runtime, the site's wheel, the trimmed stdlib and the snapshot under ``pyodide/``."""
    dist = build_dist(site)
    out = site_dir / SITE_SUBDIR
    out.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        _place(PYODIDE_NPM / name, out / name)
    built = ["pyodide-lock.json", STDLIB_ZIP, SNAPSHOT, SNAPSHOT_MANIFEST]
    for file in [*dist.glob("*.whl"), *(dist / name for name in built)]:
        _place(file, out / file.name)
    log.info("Pyodide en rekenhulpen-wheel geplaatst in %s", out)


class CalculatorPages:
    """The pages that hold a calculator, listed in a ``<meta>`` on every page: there
    rekenhulp-loader.js starts the worker when a visitor shows intent to open one."""

    def __init__(self) -> None:
        self.urls: set[str] = set()

    def note(self, html: str, url: str) -> None:
        # MkDocs renders every page's content before it writes the first page, so the list
        # is complete by the time the pages are written.
        if CALCULATOR_MARK in html:
            self.urls.add(url)

    def listed(self, output: str) -> str:
        """The page with the list (URLs relative to the site root) in its head."""
        meta = f'<meta name="{INTENT_META}" content="{" ".join(sorted(self.urls))}">'
        return output.replace("</head>", f"  {meta}\n  </head>", 1)


def allow_module_types() -> None:
    """`mkdocs serve` takes MIME types from the machine's tables; Pyodide needs these two (a
    module worker refuses other script types, and wasm streams only as application/wasm)."""
    mimetypes.add_type("application/wasm", ".wasm")
    mimetypes.add_type("text/javascript", ".mjs")


def watched() -> list[Path]:
    """What `mkdocs serve` watches to rebuild the site (and so the wheel): calculator code
    and the engine's own."""
    return [CALCULATORS / "src", Path(__file__).resolve().parent]
