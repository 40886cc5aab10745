"""The engine as the MkDocs plugin ``regio`` (engine/): found by MkDocs through its entry
point, configured by a schema, free of any region's content."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from regio_engine import offline, output_checks, pyodide_dist
from regio_engine.plugin import RegioPlugin, _configure_region, _offered_calculators

from calculators.catalogue import site
from calculators.catalogue.site import regions

#: The regions of the site's region file (regio.yml).
REGIONS = regions()

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "engine" / "plugin"
CALCULATORS = ROOT / "engine" / "calculators" / "src" / "calculators"
SITECONTENT = ROOT / "engine" / "sitecontent"
#: The calculators' data packages: the CBS figures of the whole country, and the outlines of
#: the municipalities of the site's regions (generated from its region file by a tool).
DATA_PACKAGES = (CALCULATORS / "catalogue" / "cbs", CALCULATORS / "catalogue" / "geo")


def test_mkdocs_finds_the_plugin_by_its_name():
    found = entry_points(group="mkdocs.plugins", name="regio")
    assert [entry.value for entry in found] == ["regio_engine.plugin:RegioPlugin"]
    assert next(iter(found)).load() is RegioPlugin


def test_the_site_turns_the_plugin_on():
    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        config.load_file(stream)
    errors, _warnings = config.validate()
    assert errors == []
    assert isinstance(config.plugins["regio"], RegioPlugin)


def test_the_schema_checks_the_options():
    plugin = RegioPlugin()
    errors, _warnings = plugin.load_config({"offline": "nee"})
    assert [name for name, _error in errors] == ["offline"]
    errors, warnings = plugin.load_config({"offlien": False})
    assert errors == [] and [name for name, _warning in warnings] == ["offlien"]
    assert plugin.load_config({}) == ([], []) and plugin.config.offline is True


def test_without_offline_use_the_service_worker_is_the_kill_switch(tmp_path, monkeypatch):
    """``offline: false`` publishes the worker that removes an earlier version's worker and
    caches, as under `mkdocs serve`: its manifest is ``{"dev": true}``."""
    template = tmp_path / "offline-sw.js"
    template.write_text(f"const MANIFEST = {offline.PLACEHOLDER};")
    monkeypatch.setattr(offline, "TEMPLATE_FILE", template)
    site = tmp_path / "site"
    (site / "regiovisie").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "regiovisie" / "index.html").write_text("visie")
    config = {"site_dir": str(site), "plugins": {}}

    def manifest() -> dict:
        text = (site / offline.SERVICE_WORKER).read_text()
        return json.loads(text.removeprefix("const MANIFEST = ").removesuffix(";"))

    offline.publish(config, kill_switch=True)
    assert manifest() == {"dev": True}
    offline.publish(config, kill_switch=False)
    assert sorted(manifest()["precache"]) == ["", "regiovisie/"]


def test_the_plugin_chooses_the_kill_switch_where_offline_use_is_off(monkeypatch, tmp_path):
    """The option reaches offline.publish; the runtime and the checks are left out here."""
    chosen: list[bool] = []
    monkeypatch.setattr(offline, "publish", lambda config, kill_switch: chosen.append(kill_switch))
    monkeypatch.setattr(pyodide_dist, "publish", lambda site_dir, wheel: None)
    monkeypatch.setattr(output_checks, "check", lambda site_dir, serving: None)
    config = MkDocsConfig()
    config["site_dir"] = str(tmp_path)
    for options, command in (({}, "build"), ({"offline": False}, "build"), ({}, "serve")):
        plugin = RegioPlugin()
        assert plugin.load_config(options) == ([], [])
        plugin.on_startup(command=command, dirty=False)
        plugin.on_post_build(config=config)
    assert chosen == [False, True, True]


def test_the_calculators_a_site_offers():
    """None named: all four, in the engine's order; a name that is no calculator, or an empty
    list, stops the build with a Dutch message that says where and what to choose."""
    every = ("ingroeipad", "solidariteit", "spreiding", "verdeelsleutel")
    assert _offered_calculators(None) == every
    assert _offered_calculators(["verdeelsleutel", "ingroeipad"]) == (
        "ingroeipad",
        "verdeelsleutel",
    )
    with pytest.raises(PluginError) as raised:
        _offered_calculators(["verdeelsleutel", "spreidng"])
    assert str(raised.value) == (
        "mkdocs.yml, plugin 'regio', optie 'rekenhulpen': 'spreidng' is geen rekenhulp; kies "
        "uit ingroeipad, solidariteit, spreiding, verdeelsleutel, of laat de optie weg voor alle."
    )
    with pytest.raises(PluginError, match="de lijst is leeg"):
        _offered_calculators([])


def region_names() -> set[str]:
    """Every name of this site's region: its municipalities, the region's and its parts'."""
    ours = ("noord-en-midden-limburg", "noord-limburg", "midden-limburg")
    names = {name for key in ours for name in REGIONS[key].municipalities}
    return names | {REGIONS[key].label for key in ours} | {"Limburg", "Meedoen en Wonen"}


def engine_files() -> list[Path]:
    """The plugin's files, the content model's, and the calculators' code (their data
    packages aside)."""
    found = [*ENGINE.rglob("*"), *SITECONTENT.rglob("*"), *CALCULATORS.rglob("*")]
    return [
        path
        for path in found
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(path.is_relative_to(data) for data in DATA_PACKAGES)
    ]


def test_the_engine_holds_no_region_content():
    """No name of Noord- en Midden-Limburg in the engine's code, scripts or templates, nor in
    the content model or the calculators' code: what is a region's comes from its site's
    region file and content (regio.yml, decisions/, docs/, hooks/)."""
    names = region_names()
    assert {"Venlo", "Beesel", "Noord- en Midden-Limburg"} <= names
    pattern = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in sorted(names)))
    files = engine_files()
    assert {"plugin.py", "site.py", "figures.py", "_decisions.py"} <= {p.name for p in files}
    found = {
        f"{path.relative_to(ROOT)}: {match[0]}"
        for path in files
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    }
    assert found == set()


def test_a_wrong_region_file_stops_the_build_naming_the_place(tmp_path):
    before = site.current()
    try:
        with pytest.raises(PluginError, match="ontbreekt naast mkdocs.yml"):
            _configure_region(tmp_path / "regio.yml")
        (tmp_path / "regio.yml").write_text(
            "regios:\n  - id: x\n    naam: X\n    gemeenten: {Vaals: GM981}\n", encoding="utf-8"
        )
        with pytest.raises(PluginError) as raised:
            _configure_region(tmp_path / "regio.yml")
        assert str(raised.value) == (
            "regio.yml: regios[0].gemeenten.Vaals: 'GM981' is geen CBS-gemeentecode zoals GM0935."
        )
    finally:
        site._configured = before


def test_the_wheel_is_made_the_sites_own(tmp_path):
    """The site's region file and outlines go in (replacing the whole country's), each with
    its RECORD line and hash; the calculators it does not offer go out, RECORD lines too."""
    wheel = tmp_path / "calculators-0.1.0-py3-none-any.whl"
    kept = ["calculators/__init__.py", "calculators/ingroeipad/__init__.py"]
    dropped = ["calculators/spreiding/__init__.py", "calculators/spreiding/model.py"]
    outlines = "calculators/catalogue/geo/gemeenten.json"
    with zipfile.ZipFile(wheel, "w") as made:
        for name in [*kept, *dropped, outlines]:
            made.writestr(name, "all of the country")
        listed = "".join(f"{n},sha256=x,18\n" for n in [*kept, *dropped, outlines])
        made.writestr("calculators-0.1.0.dist-info/RECORD", listed)
    region = json.dumps({"regio": "één"}, ensure_ascii=False)
    own = pyodide_dist.SiteWheel(region, ("ingroeipad", "verdeelsleutel"), '{"GM0935": 1}')
    pyodide_dist._pack_site(wheel, own)
    with zipfile.ZipFile(wheel) as packed:
        inside = packed.read("calculators/catalogue/_regio.json")
        shapes = packed.read(outlines)
        record = packed.read("calculators-0.1.0.dist-info/RECORD").decode().splitlines()
        names = packed.namelist()
    assert inside.decode() == region and shapes == b'{"GM0935": 1}'
    assert sorted(n for n in names if not n.endswith("RECORD")) == sorted(
        [*kept, "calculators/catalogue/_regio.json", outlines]
    )
    assert record[:2] == [f"{n},sha256=x,18" for n in kept]
    for line, data in zip(record[2:], (inside, shapes), strict=True):
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert line.endswith(f",sha256={digest},{len(data)}")
    assert [line.split(",")[0] for line in record[2:]] == [
        "calculators/catalogue/_regio.json",
        outlines,
    ]


def test_a_page_can_only_show_a_calculator_the_site_offers():
    """The macros read what the plugin offers: a page asking for another calculator stops
    the build with a Dutch message, since the browser's wheel would not hold it."""
    from regio_engine.macros import rekenhulpen

    class Env:
        variables = {rekenhulpen.AANGEBODEN: ("ingroeipad", "verdeelsleutel")}
        macros: dict[str, Callable[..., str]] = {}

        def macro(self, function):
            self.macros[function.__name__] = function
            return function

    env = Env()
    rekenhulpen.define_env(env)
    assert 'data-rekenhulp="ingroeipad"' in env.macros["rekenhulp"]("ingroeipad")
    for name in ("rekenhulp", "scenario_velden", "scenario_voorbeeld", "herkomst_cijfers"):
        with pytest.raises(ValueError) as raised:
            env.macros[name]("spreiding")
        assert str(raised.value) == (
            "De pagina vraagt om rekenhulp 'spreiding', maar die biedt deze site niet aan; de "
            "site biedt: ingroeipad, verdeelsleutel (mkdocs.yml, plugin 'regio', optie "
            "'rekenhulpen')."
        )
