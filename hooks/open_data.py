"""MkDocs hook: publish the CBS inhabitants data package (the calculators' own copy in
``calculators/catalogue/cbs/``) as open data, so the site and its data package are one file."""

from __future__ import annotations

from importlib import resources

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

#: Where the data package appears on the site; its datapackage.json names inwoners.csv
#: relative to itself, so both files stay side by side.
PUBLISHED = "data/cbs-inwoners"
PACKAGE_FILES = ("inwoners.csv", "datapackage.json")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    folder = resources.files("calculators.catalogue") / "cbs"
    for name in PACKAGE_FILES:
        content = (folder / name).read_bytes()
        files.append(File.generated(config, f"{PUBLISHED}/{name}", content=content))
    return files
