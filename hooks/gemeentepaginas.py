"""MkDocs hook of this site: a page per municipality of Noord- en Midden-Limburg, and the
data of the overview Gemeenten (``gemeenten_overzicht``, ``hooks/macros_gemeenten.py``).

The pages are this region's own: its two parts, its centrumgemeente of 2019, its sources.
They are made by the package ``hooks/gemeenten`` with the decisions and the agenda the
plugin ``regio`` loaded for this build (it runs before the hooks).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# MkDocs puts the hook's folder on the path while it loads the hook: the package beside it.
from gemeenten.data import Municipality, load_municipalities
from gemeenten.pages import MunicipalityPages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from regio_engine.content import add_pages

import sitecontent


@dataclass
class Municipalities:
    """What the macro reads (``env.variables["gemeenten"]``); None until the pages exist."""

    listed: list[Municipality] | None = None
    pages: MunicipalityPages | None = None


_data = Municipalities()


def _content(config: MkDocsConfig):
    return config.plugins["regio"].content.data


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _data
    _data = Municipalities()
    content = _content(config).content
    if content is not None:
        try:
            _data.listed = load_municipalities(content.paths, content.register.decisions)
        except sitecontent.ContentError as exc:
            raise PluginError(exc.report()) from None
    config.plugins["macros"].register_variables({"gemeenten": _data})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data = _content(config)
    if data.content is None or data.decisions is None or data.today is None:
        return files
    _data.pages = MunicipalityPages(
        _data.listed or [],
        data.decisions,
        data.content.agendas,
        data.content.paths.agenda,
        data.today,
    )
    add_pages(files, config, _data.pages.generated())
    return files


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(Path(config.config_file_path).resolve().parent / "hooks"))
    return server
