"""A strict Content-Security-Policy per page, as a ``<meta>`` tag.

Static hosts such as GitHub Pages set no headers, so the policy travels inside the page.
mkdocs-material writes a few small inline scripts whose text differs per page depth; they
are allowed by their sha256 hash, never by ``'unsafe-inline'``.

``mkdocs serve`` injects its own inline live-reload script after this hook has run, so the
policy is left out while serving; ``mkdocs build`` (and so every test) always has it.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s+[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
# Data blocks such as mkdocs-material's __config are not executed, so CSP does not cover them.
NON_EXECUTABLE_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)
HAS_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)

BASE_POLICY = {
    "default-src": ["'self'"],
    # Pyodide compiles WebAssembly; 'wasm-unsafe-eval' allows that and nothing like eval().
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if HAS_SRC.search(attrs) or NON_EXECUTABLE_TYPE.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(set(hashes))


def policy_for(html: str) -> str:
    policy = {name: list(values) for name, values in BASE_POLICY.items()}
    policy["script-src"].extend(inline_script_hashes(html))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in ``<head>`` (a policy only covers what
    comes after it)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1)
