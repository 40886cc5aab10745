"""The pages per municipality of Noord- en Midden-Limburg: this site's own, not the engine's.

- :mod:`.data`: the 14 municipalities as the pages need them (their part of the region,
  Venlo's region of 2019, the inhabitants and each calculator's default result);
- :mod:`.pages`: a page per municipality and the overview's table, from the templates in
  ``templates/``.

The hook ``hooks/gemeentepaginas.py`` makes them with the decisions and the agenda the plugin
``regio`` loaded for the build.
"""
