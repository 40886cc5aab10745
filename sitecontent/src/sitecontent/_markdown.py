"""Markdown helpers shared by every generated page: one escaper, one relative link."""

from __future__ import annotations

import html
import posixpath
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def md_text(value: object) -> str:
    """Editor text made safe inside Markdown (also inside table cells and link labels)."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def rel(from_src: str, to_src: str) -> str:
    """Relative Markdown link from one source page to another (MkDocs resolves .md links)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
