"""The MkDocs plugin ``regio``: what every region's site shares, around its own content.

It adds its theme overrides, style sheets and scripts to the site (``theme``), publishes the
calculators with a self-hosted Pyodide (``pyodide_dist``), gives every page a strict
Content-Security-Policy (``csp``), checks what the build published (``output_checks``) and
writes the service worker that makes the site work offline after one visit (``offline``).
A site turns it on in its ``mkdocs.yml``::

    plugins:
      - search
      - regio
      - macros:
          modules: [regio_engine.macros]

Its options (:class:`RegioConfig`) are what differs between sites: the region file, the
folders of decisions and agenda, the goals, the calculators offered and offline use. A
site's own pages, texts and hooks stay in the site.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from calculators.catalogue import site
from calculators.core.calculator import calculator_names
from calculators.render import maps

from . import csp, offline, output_checks, pyodide_dist, theme
from .content import ContentStep, Folders
from .macros.rekenhulpen import AANGEBODEN


class RegioConfig(base.Config):
    #: The site's region file (beside mkdocs.yml): its regions with their municipalities and
    #: CBS codes, its preset keys tied to its decisions, and what each calculator starts from.
    regio = c.Type(str, default=site.REGION_FILE)
    #: The decision records, a folder beside mkdocs.yml.
    besluiten = c.Type(str, default="decisions")
    #: The beleidsagenda, a folder in docs/ (a site without an agenda has none).
    beleidsagenda = c.Type(str, default="beleidsagenda")
    #: The goals of the regiovisie, a file in docs/ (a site without a regiovisie has none).
    doelen = c.Type(str, default="regiovisie/doelen.yaml")
    #: The calculators this site offers, by name; none given: all of them. Only these go into
    #: the wheel and the snapshot the browser loads, and a page can only show these.
    rekenhulpen = c.Optional(c.ListOfItems(c.Type(str)))
    #: The service worker (sw.js) that keeps the site usable offline after one visit. Off,
    #: sw.js removes a worker and caches that an earlier version left in visitors' browsers.
    offline = c.Type(bool, default=True)


class RegioPlugin(BasePlugin[RegioConfig]):
    # One instance serves all the rebuilds of `mkdocs serve`.
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.calculator_pages = pyodide_dist.CalculatorPages()
        #: what makes the browser's calculators this site's
        self.wheel = pyodide_dist.SiteWheel()
        self.content = ContentStep(Folders(), serving=False)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        pyodide_dist.allow_module_types()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme.configure(config)
        region = _configure_region(Path(config.config_file_path).parent / self.config.regio)
        offered = _offered_calculators(self.config.rekenhulpen)
        outlines = maps.outlines_file(set(site.known_codes().values()))
        self.wheel = pyodide_dist.SiteWheel(region, offered, outlines)
        if "macros" not in config.plugins:
            raise PluginError(
                "De plugin 'regio' heeft de plugin 'macros' nodig: zet '- macros' onder "
                "'plugins' in mkdocs.yml, met 'modules: [regio_engine.macros]'."
            )
        macros: Any = config.plugins["macros"]  # mkdocs-macros has no type hints
        macros.register_variables({AANGEBODEN: offered})
        folders = Folders(self.config.besluiten, self.config.beleidsagenda, self.config.doelen)
        self.content = ContentStep(folders, self.serving)
        self.content.configure(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self.content.add_files(theme.add_assets(files, config), config)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return self.content.page_markdown(markdown)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.calculator_pages = pyodide_dist.CalculatorPages()

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.calculator_pages.note(html, page.url)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = self.calculator_pages.listed(output)
        # `mkdocs serve` injects its own inline live-reload script after this: no policy there.
        return output if self.serving else csp.with_policy(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # The 404 page is rendered from a theme template, not as a page.
        if template_name == "404.html" and not self.serving:
            return csp.with_policy(output_content)
        return output_content

    # Last of all the build's steps, hooks included: the service worker lists every file.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        pyodide_dist.publish(site_dir, self.wheel)
        output_checks.check(site_dir, self.serving)
        offline.publish(config, kill_switch=self.serving or not self.config.offline)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        for path in pyodide_dist.watched():
            server.watch(str(path))
        server.watch(str(Path(config.config_file_path).parent / self.config.regio))
        for path in self.content.watched(config):
            server.watch(str(path))
        return server


def _offered_calculators(names: list[str] | None) -> tuple[str, ...]:
    """The calculators the site offers, in the engine's order; all when none are named."""
    every = calculator_names()
    if names is None:
        return tuple(every)
    where = "mkdocs.yml, plugin 'regio', optie 'rekenhulpen'"
    choices = f"kies uit {', '.join(every)}, of laat de optie weg voor alle"
    if not names:
        raise PluginError(f"{where}: de lijst is leeg; {choices}.")
    unknown = [name for name in names if name not in every]
    if unknown:
        raise PluginError(f"{where}: '{unknown[0]}' is geen rekenhulp; {choices}.")
    return tuple(name for name in every if name in names)


def _configure_region(path: Path) -> str:
    """Give the calculators the site's region file; return it as JSON for the wheel."""
    try:
        data = site.load_file(path)
        site.configure(data, path.name)
    except FileNotFoundError:
        raise PluginError(f"Het regiobestand {path.name} ontbreekt naast mkdocs.yml.") from None
    except site.RegionFileError as error:
        raise PluginError(str(error)) from None
    # In the file's order: it is the order of regions, municipalities and weights.
    return json.dumps(data, ensure_ascii=False, default=str)
