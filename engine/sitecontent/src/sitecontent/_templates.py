"""The Jinja environment of the generated pages; the templates are in ``templates/``."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from pathlib import Path

import jinja2

from calculators.core import money

from ._dates import format_date
from ._markdown import md_text, rel

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _euro(cents: int) -> str:
    # The `euro` filter: an amount in whole cents, on a page ("€ 12.500", "€ 3.000,55").
    return money.euro(cents, whole=True)


def _oneline(text: str) -> str:
    # SVG written one element per template line, emitted as one line as before.
    return "".join(line.strip() for line in text.splitlines())


@functools.cache
def environment(*folders: Path) -> jinja2.Environment:
    """The templates in ``folders`` (a site's own) and the content model's."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, TEMPLATES]),
        # Markdown out, not HTML: escaping is explicit with the `md` filter.
        autoescape=False,
        # Optional front-matter fields are simply absent: an `if` on them is false.
        undefined=jinja2.Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_text, datum=format_date, euro=_euro, xml=html.escape, oneline=_oneline)
    env.globals.update(rel=rel)
    return env


def render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)


def renderer(folder: Path) -> Callable[..., str]:
    """``render`` for a site's own templates in ``folder``, with the same filters."""

    def render_in(name: str, **context: object) -> str:
        return environment(folder).get_template(name).render(**context)

    return render_in
