"""Finding and starting Debian's Chromium for tests and benchmarks."""

from __future__ import annotations

import os
import shutil

# Without the background-networking flags Chromium tries to reach Google's services at start.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        path = candidate and shutil.which(candidate)
        if path:
            return path
    raise RuntimeError(
        "Er is geen Chromium gevonden: installeer het pakket 'chromium' of zet CHROMIUM."
    )
