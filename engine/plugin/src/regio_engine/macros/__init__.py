"""The engine's macros, as a pluglet of mkdocs-macros. A site turns them on with::

    plugins:
      - regio
      - macros:
          modules: [regio_engine.macros]

- :mod:`.rekenhulpen`: ``rekenhulp``, ``scenario_velden``, ``scenario_voorbeeld``,
  ``herkomst_cijfers``, ``alabama_voorbeeld``;
- :mod:`.besluiten`: the register, its lineage, the decisions over time and the cross-links;
- :mod:`.beleidsagenda`: a page per year, the overview, the activities per ambition.

They read the content the plugin loaded for the build (``inhoud``, see
:mod:`regio_engine.content`).
"""

from __future__ import annotations

from typing import Any

from . import beleidsagenda, besluiten, rekenhulpen


def define_env(env: Any) -> None:
    for part in (rekenhulpen, besluiten, beleidsagenda):
        part.define_env(env)
