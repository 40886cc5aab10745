"""The engine's part of every page: theme overrides (``templates/``), style sheets and
scripts (``assets/``), added to a site's configuration and files by the plugin."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from . import offline

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
ASSETS = PACKAGE / "assets"
STYLESHEETS = ("assets/css/site.css", "assets/css/print.css", "assets/css/kaarten.css")
# On every page, as modules; each loads or does something only where its page needs it.
SCRIPTS = (
    "assets/js/rekenhulp-loader.js",
    "assets/js/scroll-tabellen.js",
    "assets/js/besluiten.js",
    "assets/js/offline.js",
)


def configure(config: MkDocsConfig) -> None:
    """The engine's templates after the site's own ``custom_dir`` (which can still override
    them) and before the theme's; its style sheets and scripts before the site's own."""
    dirs = config.theme.dirs
    dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
    config.extra_css[:0] = list(STYLESHEETS)
    scripts: list[ExtraScriptValue | str] = []
    for path in SCRIPTS:
        script = ExtraScriptValue(path)
        script.type = "module"
        scripts.append(script)
    config.extra_javascript[:0] = scripts


def add_assets(files: Files, config: MkDocsConfig) -> Files:
    """Every file of ``assets/`` as if it were in the site's docs folder, where the site has
    no file of that name; not the service worker's template (offline.py fills it in)."""
    for path in sorted(ASSETS.rglob("*")):
        uri = path.relative_to(PACKAGE).as_posix()
        if not path.is_file() or path == offline.TEMPLATE_FILE or files.get_file_from_path(uri):
            continue
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
