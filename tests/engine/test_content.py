"""The plugin's content step on a site other than this one: its folders are options, and a
site without a beleidsagenda or a regiovisie still gets its register of decisions."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

from regio_engine import content

ROOT = Path(__file__).resolve().parents[2]
HEUVELLAND = ROOT / "voorbeelden" / "maastricht-heuvelland"


class FakeMacros:
    def __init__(self) -> None:
        self.variables: dict[str, object] = {}

    def register_variables(self, items: dict[str, object]) -> None:
        self.variables.update(items)


def test_a_site_without_agenda_or_regiovisie_gets_its_register(tmp_path, monkeypatch):
    monkeypatch.delenv("BESLUITEN_MAP", raising=False)
    monkeypatch.setattr(
        content,
        "File",
        SimpleNamespace(
            generated=lambda config, src, content: SimpleNamespace(src_uri=src, content=content)
        ),
    )
    shutil.copytree(HEUVELLAND / "decisions", tmp_path / "besluitenlijst")
    (tmp_path / "docs").mkdir()
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"),
        docs_dir=str(tmp_path / "docs"),
        site_url="https://example.org/",
        site_name="Voorbeeldregio",
        site_author="Redactie Voorbeeldregio",
        plugins={"macros": FakeMacros()},
    )
    step = content.ContentStep(content.Folders(decisions="besluitenlijst"), serving=False)
    data = step.configure(config)
    assert config.plugins["macros"].variables["inhoud"] is data
    assert data.error is None and data.goals is not None and data.goals.ambitions == {}
    assert data.content is not None and data.content.agendas == {}
    assert set(data.content.register.decisions) == {"mh-2018-01", "mh-2018-02", "mh-2018-03"}
    made = {f.src_uri for f in step.add_files([], config)}
    assert {f"besluiten/mh-2018-0{n}.md" for n in (1, 2, 3)} <= made
    assert {"besluiten/besluiten.json", "feed.xml"} <= made
    feed = next(f.content for f in step.add_files([], config) if f.src_uri == "feed.xml")
    assert b"<author><name>Redactie Voorbeeldregio</name></author>" in feed
    assert not [src for src in made if src.startswith("beleidsagenda/")]
